"""The data plane's glue: the state behind `invoke.ports.Ports`, the Lambda registry, and the two ways in —
`requests` calls answered in process through `responses`, and server mode's execute-api requests.

Contract:
- `StatePorts` reads the live state under `STATE.lock` (a stage's `Serving`: frozen snapshots, so the request runs
  unlocked; API keys and usage plans, with the token buckets and the usage ledger they write; a key's grant is kept
  and checked again on each use, O(1)), sends HTTP integrations with `requests` (so a test's own `responses`
  registration, a local server or another mock answers them), AWS service integrations through botocore
  (`aws_services.py`: moto's `mock_aws` answers them), draws canaries from a seedable `random.Random` (`seed(n)`),
  and hands out the target backend's Lambda authorizer cache (`domain.authorizer_cache`).
- Cognito user pools: `register_user_pool(pool_arn, jwks)` makes a pool's public keys known to COGNITO_USER_POOLS
  authorizers (`user_pool_keys`; pools moto serves need no registration, see `invoke.user_pools`).
- AWS_IAM signatures are checked only for access keys a test registered (`STATE.credentials`, key id -> secret,
  through `apigw.register_credentials`), by `transport.signatures`.
- Lambdas: `register_lambda(name_or_arn, handler)` binds a callable to a function ARN
  (`arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]`) or a bare name (any region, account and
  qualifier); lookups try the exact ARN, then the ARN without its qualifier, then the bare name.
- In process: `ensure_started()` (called by the botocore hook after CreateDeployment/CreateStage, and by
  `register_lambda`) starts one `responses.RequestsMock(assert_all_requests_are_fired=False)` with one regex
  callback per verb for `https://{api}.execute-api.{region}.amazonaws.com/...`; every other URL passes through to
  whatever `HTTPAdapter.send` was in place when it started (a user's `responses` mock, moto's `mock_aws`, or the
  network), so those keep working; it records no call (`responses` would keep every request and reply until it
  stops). `stop()` ends it with the outermost activation. A `responses` mock started
  *after* ours sits on top and sees execute-api URLs first: start your own mocks before the first deployment, or
  leave execute-api URLs to pass through them.
- `invoke(...)` is the direct Python call (no HTTP client); `answer_url(...)` answers a full execute-api URL;
  server mode calls `execute_target(...)` after `server_target(...)` recognised path style
  (`/restapis/{api}/{stage}/_user_request_/{path}`) or host style (`Host: {api}.execute-api.<anything>`).
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import random
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from apigw_mock.domain.authorizer_cache import cache_of
from apigw_mock.domain.stage import serving
from apigw_mock.domain.usage_plan import plan_for_stage
from apigw_mock.invoke import user_pools
from apigw_mock.invoke.engine import handle
from apigw_mock.invoke.integrations import aws as aws_integration
from apigw_mock.invoke.integrations import http as http_integration
from apigw_mock.invoke.ports import (
    MISSING_API,
    AwsServiceRequest,
    ExecuteRequest,
    KeyGrant,
    LambdaHandler,
    Outbound,
    OutboundReply,
    Ports,
    Reply,
    Target,
)
from apigw_mock.state import DEFAULT_REGION, STATE
from apigw_mock.transport import aws_call

if TYPE_CHECKING:
    from responses import CallList, RequestsMock

    from apigw_mock.domain.api_key import ApiKey
    from apigw_mock.domain.authorizer_cache import AuthorizerCache
    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.domain.stage import Serving
    from apigw_mock.domain.usage_plan import QuotaSettings
    from apigw_mock.invoke.ports import _MissingApi
    from apigw_mock.sigv4 import Credential

EXECUTE_API_URL = re.compile(
    r"https?://(?P<api>[A-Za-z0-9]+)\.execute-api\.(?P<region>[a-z0-9-]+)\.amazonaws\.com(/.*)?"
)
_SERVER_PATH = re.compile(r"/restapis/(?P<api>[^/]+)/(?P<stage>[^/]+)/_user_request_(?P<path>/.*)?")
_REGION = re.compile(r"[a-z]{2}(-[a-z]+)+-\d")
_VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_random = random.Random()
_GRANTS_KEPT = 4096


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def uuid4_text(random_bytes: bytes) -> str:
    """`str(uuid.UUID(bytes=random_bytes, version=4))`, formatted directly (the `UUID` object costs more than the
    rest of a request's ids; tests/invoke/test_transport_fast.py checks both agree)."""
    digits = random_bytes.hex()
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{_VARIANT[digits[16]]}{digits[17:20]}-{digits[20:32]}"


def query_pairs(raw: str) -> tuple[tuple[str, str], ...]:
    """`parse_qsl(raw, keep_blank_values=True)` as a tuple; a query with nothing to decode (no `%`, no `+`) is
    split directly (tests/invoke/test_transport_fast.py checks both agree)."""
    if "%" in raw or "+" in raw:
        return tuple(parse_qsl(raw, keep_blank_values=True))
    return tuple((name, value) for name, _, value in (part.partition("=") for part in raw.split("&") if part))


def seed(value: int | None) -> None:
    """Seed the canary draw (`None`: from the system's entropy again)."""
    _random.seed(value)


class StatePorts:
    """`invoke.ports.Ports` over the process-wide state (see the module contract)."""

    def __init__(self) -> None:
        self._grants: weakref.WeakKeyDictionary[ApiGatewayBackend, dict[tuple[str, str, str], tuple[ApiKey, KeyGrant]]]
        self._grants = weakref.WeakKeyDictionary()
        """Backend -> (key value, api, stage) -> the grant found last, checked again on every use (O(1)); a backend
        replaced by a reset or a restored snapshot takes its grants with it."""

    def serving(self, target: Target) -> Serving | _MissingApi | None:
        with STATE.lock:
            graph = STATE.backend(target.region, target.account_id).apis.lookup(target.api_id)
            return MISSING_API if graph is None else serving(graph, target.stage)

    def lambda_handler(self, function_arn: str) -> LambdaHandler | None:
        return find_lambda(function_arn)

    def lambda_names(self) -> Sequence[str]:
        return sorted(STATE.lambdas)

    def send(self, outbound: Outbound) -> OutboundReply:
        return http_integration.send(outbound)

    def aws_call(self, request: AwsServiceRequest) -> OutboundReply:
        return aws_call(request)

    def random(self) -> float:
        return _random.random()

    def now(self) -> datetime.datetime:
        return STATE.clock.now()

    def request_id(self) -> str:
        return uuid4_text(os.urandom(16))

    def authorizer_cache(self, target: Target) -> AuthorizerCache:
        return cache_of(STATE.backend(target.region, target.account_id))  # creates the backend under the lock

    def user_pool_keys(self, pool_arn: str) -> Mapping[str, Any] | None:
        return user_pools.keys(STATE.user_pools, pool_arn, self.send)

    def signature_problem(self, request: ExecuteRequest, target: Target, credential: Credential) -> str | None:
        secret = STATE.credentials.get(credential.access_key)
        if secret is None:
            return None
        from apigw_mock.transport import signatures  # botocore's signer, only once a test registered credentials

        return signatures.problem(request, target, credential, secret)

    def api_key(self, target: Target, value: str) -> KeyGrant | None:
        where = (value, target.api_id, target.stage)
        with STATE.lock:
            backend = STATE.backend(target.region, target.account_id)
            grants = self._grants.get(backend)
            if grants is None:
                grants = self._grants[backend] = {}
            known = grants.get(where)
            if known is not None and _still(backend, *known):
                return known[1]
            key = backend.api_keys.get(backend.api_key_values.get(value, ""))
            if key is None or not key.enabled:
                return None
            found = plan_for_stage(backend.usage_plans, backend.usage_plan_keys, key.id, target.api_id, target.stage)
            if found is None:
                return None
            grant = KeyGrant(key.id, *found)
            if len(grants) >= _GRANTS_KEPT:
                grants.clear()
            grants[where] = (key, grant)
            return grant

    def take_token(
        self, target: Target, bucket: tuple[str, ...], rate: float | None, burst: int | None, now: datetime.datetime
    ) -> bool:
        with STATE.lock:
            return STATE.backend(target.region, target.account_id).throttles.take(bucket, rate, burst, now.timestamp())

    def spend_quota(
        self, target: Target, plan_id: str, key_id: str, quota: QuotaSettings | None, day: datetime.date
    ) -> bool:
        with STATE.lock:
            return STATE.backend(target.region, target.account_id).usage.spend(plan_id, key_id, quota, day)


def _still(backend: ApiGatewayBackend, key: ApiKey, grant: KeyGrant) -> bool:
    """Whether a grant found earlier still holds: the same key node (so still enabled, same value) and plan node
    (so the same API stages), the key still in the plan."""
    plan = grant.plan
    return (
        backend.api_keys.get(key.id) is key
        and backend.usage_plans.get(plan.id) is plan
        and key.id in backend.usage_plan_keys.get(plan.id, {})
    )


PORTS = StatePorts()


# ---- Lambdas -------------------------------------------------------------------------------------------------


def register_lambda(name_or_arn: str, handler: LambdaHandler) -> None:
    """Bind `handler(event, context)` to a function ARN or bare name (see the module contract)."""
    if not callable(handler):
        raise TypeError(f"register_lambda needs a callable handler(event, context), got {handler!r}")
    with STATE.lock:
        STATE.lambdas[name_or_arn] = handler
    ensure_started()


def find_lambda(function_arn: str) -> LambdaHandler | None:
    return aws_integration.find_lambda(STATE.lambdas, function_arn)


def register_user_pool(pool_arn: str, jwks: Mapping[str, Any]) -> None:
    """Make a Cognito user pool's public keys (a JWKS, `{"keys": [...]}`) known to the data plane."""
    if user_pools.pool(pool_arn) is None:
        raise ValueError(f"not a user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<id>): {pool_arn!r}")
    user_pools.key_set(jwks)  # a bad key set fails here, in the test that registered it
    with STATE.lock:
        STATE.user_pools[pool_arn] = jwks
    ensure_started()


# ---- the direct call and URL answers --------------------------------------------------------------------------


def invoke(
    rest_api_id: str,
    stage: str,
    method: str,
    path: str,
    *,
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    body: bytes | str | None = None,
    query: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    region: str = DEFAULT_REGION,
    account_id: str | None = None,
    source_ip: str = "127.0.0.1",
) -> Reply:
    """Call a deployed stage from Python: `invoke(api_id, "dev", "GET", "/pets?limit=2")`."""
    raw_path, _, raw_query = path.partition("?")
    pairs = parse_qsl(raw_query, keep_blank_values=True) + _pairs(query)
    target = Target(rest_api_id, stage, region, account_id or STATE.account_id)
    request = ExecuteRequest(
        method.upper(),
        raw_path if raw_path.startswith("/") else f"/{raw_path}",
        tuple(pairs),
        tuple(_pairs(headers)),
        body.encode() if isinstance(body, str) else (body or b""),
        source_ip,
    )
    return execute_target(request, target)


def execute_target(request: ExecuteRequest, target: Target) -> Reply:
    """Every way in ends here: the engine's answer, through the test kit when one is installed (history, faults;
    an injected connection error is raised as `ConnectionError` for the transport to deliver)."""
    kit = STATE.kit
    if kit is None:
        return _run(request, target, PORTS)
    answer: Reply = kit.invoke(request, target, PORTS, _run)
    return answer


def _run(request: ExecuteRequest, target: Target, ports: Ports) -> Reply:
    answer = handle(request, target, ports)
    return dataclasses.replace(answer, body=b"") if request.method == "HEAD" else answer  # HTTP: HEAD has no body


def answer_url(
    method: str, url: str, headers: Iterable[tuple[str, str]], body: bytes, source_ip: str = "127.0.0.1"
) -> Reply:
    """Answer a full `https://{api}.execute-api.{region}.amazonaws.com/{stage}/{path}` URL."""
    _, _, rest = url.partition("://")
    netloc, slash, rest = rest.partition("/")
    raw_path, _, raw_query = (slash + rest).partition("?")
    api_id, _, after = netloc.partition(".execute-api.")
    region = after.split(".", 1)[0] or DEFAULT_REGION
    stage, path = _stage_and_path(raw_path.partition("#")[0])
    target = Target(api_id, stage, region, STATE.account_id, netloc)
    query = query_pairs(raw_query.partition("#")[0]) if raw_query else ()
    return execute_target(ExecuteRequest(method.upper(), path, query, tuple(headers), body, source_ip), target)


def server_target(path: str, host: str | None, region: str) -> tuple[Target, str] | None:
    """Server mode: the (target, path after the stage) of an execute-api request, or None for control-plane ones.
    Path style names no region: the API's own is found among the backends (else `region`)."""
    found = _SERVER_PATH.fullmatch(path)
    if found is not None:
        target = Target(found["api"], found["stage"], _region_of(found["api"], region), STATE.account_id)
        return target, found["path"] or "/"
    name = (host or "").split(":", 1)[0]
    if ".execute-api." in name:
        api_id, _, rest = name.partition(".execute-api.")
        label = rest.split(".", 1)[0]
        stage, after = _stage_and_path(path)
        host_region = label if _REGION.fullmatch(label) else _region_of(api_id, region)
        return Target(api_id, stage, host_region, STATE.account_id, name), after
    return None


def answer_server(
    method: str, found: tuple[Target, str], query: str, headers: Mapping[str, str], body: bytes, environ: Any
) -> Reply:
    """Server mode's answer for a request `server_target` recognised."""
    target, path = found
    pairs = tuple(parse_qsl(query, keep_blank_values=True))
    source_ip = str(environ.get("REMOTE_ADDR") or "127.0.0.1")
    request = ExecuteRequest(method.upper(), path, pairs, tuple(headers.items()), body, source_ip)
    return execute_target(request, target)


def _region_of(api_id: str, default: str) -> str:
    with STATE.lock:
        for backend in STATE.backends():
            if api_id in backend.apis:
                return backend.region
    return default


def _stage_and_path(path: str) -> tuple[str, str]:
    stage, _, rest = path.lstrip("/").partition("/")
    return stage, f"/{rest}"


def _pairs(values: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> list[tuple[str, str]]:
    if values is None:
        return []
    if isinstance(values, Mapping):
        return [(str(name), str(value)) for name, value in values.items()]
    return [(str(name), str(value)) for name, value in values]


# ---- in process: the responses mock -----------------------------------------------------------------------------

_mock: RequestsMock | None = None
_mock_lock = threading.Lock()


def ensure_started() -> None:
    """Start answering execute-api URLs made with `requests` (idempotent; only while an in-process mock is active)."""
    global _mock
    if _mock is not None or not STATE.intercepting:
        return
    with _mock_lock:
        if _mock is not None:
            return
        try:
            import requests.adapters
            import responses
        except ImportError:  # without the `invoke` extra no code can call a stage with `requests`: nothing to catch
            return

        mock = responses.RequestsMock(
            assert_all_requests_are_fired=False,
            real_adapter_send=requests.adapters.HTTPAdapter.send,  # type: ignore[arg-type]
        )
        forgetful = _forgetful_calls()
        mock._calls = forgetful
        for verb in _VERBS:
            added = mock.add_callback(verb, EXECUTE_API_URL, callback=_callback, content_type=None)  # type: ignore[arg-type]
            added._calls = forgetful
        mock.add_passthru(re.compile(r".*"))
        mock.start()
        _mock = mock


def _forgetful_calls() -> CallList:
    """A `responses` call list that keeps nothing: `responses` records every call it answers (request and reply)
    until the mock stops, which no one reads here, and which would grow with every call of a long session."""
    from responses import CallList

    class Forgetful(CallList):
        def add(self, request: Any, response: Any) -> None:
            return None

        def add_call(self, call: Any) -> None:
            return None

    return Forgetful()


def header_items(headers: Mapping[str, str]) -> list[tuple[str, str]]:
    """`list(headers.items())`; for `requests`' `CaseInsensitiveDict` read from the (name as sent, value) pairs it keeps
    by lower-case name, without the mapping protocol's three calls per header (tests/invoke/test_transport_fast.py
    checks both agree)."""
    store = getattr(headers, "_store", None)
    if type(store) is OrderedDict:
        return list(store.values())
    return list(headers.items())


def stop() -> None:
    """Stop answering. When another patch of `HTTPAdapter.send` was stopped out of order beneath ours (it restored
    the original over us), ours is already gone and restoring what it saved would bring the stopped one back."""
    global _mock
    with _mock_lock:
        if _mock is None:
            return
        import requests.adapters

        patcher = _mock._patcher
        if patcher is not None and requests.adapters.HTTPAdapter.send is not patcher.new:
            _mock._patcher = None  # not on top any more: leave whatever is installed now alone
        _mock.stop(allow_assert=False)
        _mock = None


def started() -> bool:
    return _mock is not None


def _callback(request: Any) -> tuple[int, list[tuple[str, str]], bytes]:
    body = request.body or b""
    try:
        answer = answer_url(
            request.method, request.url, header_items(request.headers), body.encode() if isinstance(body, str) else body
        )
    except ConnectionError as error:  # injected by the test kit: what `requests` raises when the server is gone
        import requests

        raise requests.ConnectionError(str(error), request=request) from error
    return answer.status, answer.header_pairs(), answer.body

"""What the data plane asks of the world: the live state it may read, the Lambdas, the network and the clock.

Contract: `invoke/` never imports the state, the control plane or a client library. The one object that knows
them (`transport/execute_api.StatePorts`) implements `Ports`; tests may pass their own. Values crossing the
boundary are plain frozen data:

- `ExecuteRequest`: one client request as it reached the execute-api endpoint (verb, the path after the stage,
  still %-encoded, query pairs already decoded, header pairs as sent, the raw body, the caller's address).
- `Target`: which API and stage it addressed (api id, stage name, region, account, the host it used).
- `Outbound` / `OutboundReply`: an HTTP integration's request and the backend's answer (HTTP, HTTP_PROXY).
- `AwsServiceRequest`: an AWS service integration's request as API Gateway hands it to the service (spec §8.5);
  its answer is an `OutboundReply` too (the service's own status, headers and wire body).

`Ports.serving(target)` returns `MISSING_API` when no such API exists (403 Forbidden), `None` when it has no such
stage (403 Missing Authentication Token), else `domain.stage.Serving` (read under the state's lock, frozen).
`lambda_handler(arn)` finds a registered Python callable for a function ARN (qualifier and bare-name fallbacks are
the implementation's), `send(outbound)` performs real HTTP and raises `TimeoutError` past `outbound.timeout`
(seconds) or `ConnectionError` when the backend cannot be reached, `random()` draws the canary (seedable),
`now()` is the request time (UTC), `request_id()` a fresh UUID. A handler the ports return may raise
`LambdaServiceError` when the Lambda service itself fails the Invoke call (throttling, no answer in time), which is
not the function failing (the test kit's invocation faults use both this and `send`'s errors).

`aws_call(request)` makes the service call through botocore (`transport/aws_services.py`) and raises
`ConnectionError` when nothing in the process answers it (no moto `mock_aws` active): it never reaches the network.
`user_pool_keys(pool_arn)` is a Cognito user pool's JWKS (public signing keys), or None when the pool's keys are
not known (`invoke.user_pools`). `signature_problem(request, target, credential)` is AWS's INVALID_SIGNATURE text
when a SigV4 signature made with registered test credentials does not verify, else None (unregistered keys are not
checked).
`authorizer_cache(target)` is the Lambda authorizer cache of the target's backend (`domain.authorizer_cache`).

Usage plans (live state, read under the state's lock; spec §6): `api_key(target, value)` is the enabled key with
that value and the usage plan that admits it to the target's API stage (`KeyGrant`), or None; `take_token(target,
bucket, rate, burst, now)` is one request through a token bucket (`domain.throttle`); `spend_quota(target, plan_id,
key_id, quota, day)` refuses a request whose quota period is used up, else counts it for GetUsage.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Protocol

from apigw_mock.invoke.frozen import quick

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer_cache import AuthorizerCache
    from apigw_mock.domain.stage import Serving
    from apigw_mock.domain.usage_plan import ApiStage, QuotaSettings, UsagePlan
    from apigw_mock.invoke.errors import GatewayError
    from apigw_mock.sigv4 import Credential

Pairs = tuple[tuple[str, str], ...]
LambdaHandler = Callable[[Any, Any], Any]


class _MissingApi:
    def __repr__(self) -> str:
        return "MISSING_API"


MISSING_API: Final = _MissingApi()


@quick
@dataclass(frozen=True, slots=True)
class Target:
    """The API and stage a request addressed."""

    api_id: str
    stage: str
    region: str
    account_id: str
    domain_name: str = ""
    """The host the client used (`$context.domainName`); default `{api}.execute-api.{region}.amazonaws.com`."""

    @property
    def host(self) -> str:
        return self.domain_name or f"{self.api_id}.execute-api.{self.region}.amazonaws.com"


@quick
@dataclass(frozen=True, slots=True)
class ExecuteRequest:
    """One client request to a stage (see the module contract)."""

    method: str
    path: str
    """The path after the stage, starting with `/`, still %-encoded (`/pets/a%20b`)."""
    query: Pairs = ()
    headers: Pairs = ()
    body: bytes = b""
    source_ip: str = "127.0.0.1"
    _last: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    """Lower-cased name -> last value, built by the first `header` call (a request is read several times)."""

    def header(self, name: str) -> str | None:
        """The last value sent for `name`, looked up case-insensitively."""
        last = self._last
        if last is None:
            last = {key.lower(): value for key, value in self.headers}
            object.__setattr__(self, "_last", last)
        return last.get(name.lower())


@quick
@dataclass(frozen=True, slots=True)
class Outbound:
    """The request an HTTP or HTTP_PROXY integration sends to its backend."""

    method: str
    url: str
    headers: Pairs = ()
    body: bytes = b""
    timeout: float = 29.0


@dataclass(frozen=True, slots=True)
class AwsServiceRequest:
    """An AWS service integration's request: the URI's parts (stage variables and `{name}` placeholders filled) and
    the integration request after templates and parameter mapping."""

    service: str
    """The URI's `{service}` or `{subdomain}.{service}` part, as written (`dynamodb`, `states`, `my-bucket.s3`)."""
    region: str
    method: str
    action: str | None = None
    """`action/{Action}`: the action's name; None for `path/...`."""
    path: str = "/"
    """`path/{service path}`: the service path, starting with `/` (`/` for an action)."""
    query: Pairs = ()
    """The action's `&p=v` pairs (or the path's own `?query`), then the mapped querystring."""
    headers: Pairs = ()
    body: bytes = b""
    account_id: str | None = None
    """Whose resources the call addresses: the account of the integration's `credentials` role, if it names one."""


@quick
@dataclass(frozen=True, slots=True)
class OutboundReply:
    status: int
    headers: Pairs = ()
    body: bytes = b""
    url: str = ""
    """Where the request went, when the sender chose it (an AWS service's endpoint), for the execution log."""


@quick
@dataclass(frozen=True, slots=True)
class Reply:
    """What the client receives: status, headers (the last value of each name in `headers`, every value in
    `multi_value_headers`, names as sent) and the body bytes."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    multi_value_headers: dict[str, list[str]] = field(default_factory=dict)
    failure: GatewayError | None = field(default=None, compare=False, repr=False)
    """The gateway error this reply renders (its `response_type`, `log`), None for a method response."""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        import json

        return json.loads(self.body)

    def header_pairs(self) -> list[tuple[str, str]]:
        """Every header line, repeated names included (`Set-Cookie`), for a transport to write."""
        return [(name, value) for name, values in self.multi_value_headers.items() for value in values]


@dataclass(frozen=True, slots=True)
class KeyGrant:
    """An accepted API key: its id and the usage plan (with its entry for the stage) that admits it. The nodes are
    the live ones as read: replaced on change, never edited, so reading them unlocked is safe."""

    key_id: str
    plan: UsagePlan
    api_stage: ApiStage


def reply(status: int, headers: dict[str, list[str]], body: bytes, failure: GatewayError | None = None) -> Reply:
    """A `Reply` from multi-valued headers."""
    return Reply(status, {name: values[-1] for name, values in headers.items() if values}, body, headers, failure)


class LambdaServiceError(Exception):
    """The Lambda service failed the Invoke call itself (raised by a handler the ports return): `status` and
    `error_type` as Lambda's API answers (429 `TooManyRequestsException`), or `status` None: no answer within the
    integration's timeout."""

    def __init__(self, status: int | None, error_type: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error_type = error_type
        self.message = message


class Ports(Protocol):
    def serving(self, target: Target) -> Serving | _MissingApi | None: ...
    def lambda_handler(self, function_arn: str) -> LambdaHandler | None: ...
    def lambda_names(self) -> Sequence[str]: ...
    def send(self, outbound: Outbound) -> OutboundReply: ...
    def aws_call(self, request: AwsServiceRequest) -> OutboundReply: ...
    def random(self) -> float: ...
    def now(self) -> datetime.datetime: ...
    def request_id(self) -> str: ...
    def user_pool_keys(self, pool_arn: str) -> Mapping[str, Any] | None: ...
    def signature_problem(self, request: ExecuteRequest, target: Target, credential: Credential) -> str | None: ...
    def api_key(self, target: Target, value: str) -> KeyGrant | None: ...
    def take_token(
        self, target: Target, bucket: tuple[str, ...], rate: float | None, burst: int | None, now: datetime.datetime
    ) -> bool: ...
    def spend_quota(
        self, target: Target, plan_id: str, key_id: str, quota: QuotaSettings | None, day: datetime.date
    ) -> bool: ...
    def authorizer_cache(self, target: Target) -> AuthorizerCache: ...

"""TestInvokeMethod: a method run from the live (undeployed) API with the data plane's own engine (spec §15); and
TestInvokeAuthorizer: a TOKEN or REQUEST authorizer run by the data plane's own `guards.lambda_authorizer` (identity,
AWS's event, the policy's decision; no cache) for a GET of `pathWithQueryString` on the test stage (spec §15.4), or
a COGNITO_USER_POOLS authorizer's token verified as the data plane verifies it (`invoke.guards.cognito`).

Contract (spec §15.2, [INF] where marked there): the API as it is now is frozen for this one call
(`domain.snapshot.freeze`) and the method given by id runs through `invoke.engine.execute`, so integrations,
templates, selection and gateway responses behave exactly as for a deployed stage. No routing: path parameters
come from matching `pathWithQueryString` (default: the resource's path) against the resource's path. Stage
variables only from the request. `$context` carries what AWS's test invocations show: stage
`test-invoke-stage`, sourceIp `test-invoke-source-ip`, apiKey / apiKeyId `test-invoke-api-key(-id)`, domainName
`testPrefix.testDomainName`, and `path` the resource template. The reply: `status`, `body`, `headers` (last
values), `multiValueHeaders`, `log` (the execution log in AWS's format, spec §15.3) and `latency` (ms).
This is the one control-plane module that may import `invoke/` (tests/test_layers.py).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from apigw_mock.control.registry import operation
from apigw_mock.domain.authorizer import NOT_FOUND as AUTHORIZER_NOT_FOUND
from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.authorizer_cache import cache_of
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.messages import INVALID_METHOD
from apigw_mock.domain.method import Method
from apigw_mock.domain.snapshot import freeze
from apigw_mock.exceptions import NotFoundException
from apigw_mock.invoke import engine, errors, user_pools
from apigw_mock.invoke.call import Call, Ids, Trace, context, java_map
from apigw_mock.invoke.guards import cognito, lambda_authorizer, resource_policy
from apigw_mock.invoke.integrations import aws, http
from apigw_mock.invoke.ports import AwsServiceRequest, ExecuteRequest, LambdaHandler, Outbound, OutboundReply, Target
from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.routing import Router
from apigw_mock.state import STATE

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer_cache import AuthorizerCache
    from apigw_mock.domain.resource import Resource
    from apigw_mock.sigv4 import Credential

TEST_STAGE = "test-invoke-stage"
TEST_DOMAIN = "testPrefix.testDomainName"
TEST_IDENTITY = {
    "sourceIp": "test-invoke-source-ip",
    "apiKey": "test-invoke-api-key",
    "apiKeyId": "test-invoke-api-key-id",
}


class _TestPorts:
    """What a test invocation needs of the world: the registered Lambdas, real HTTP, AWS services (the transport's
    way out, `STATE.aws_services`), the backend's clock."""

    def __init__(self, backend: ApiGatewayBackend) -> None:
        self._backend = backend

    def serving(self, target: Target) -> None:
        return None  # never asked: the method is given by id

    def lambda_handler(self, function_arn: str) -> LambdaHandler | None:
        return aws.find_lambda(STATE.lambdas, function_arn)

    def lambda_names(self) -> Sequence[str]:
        return sorted(STATE.lambdas)

    def send(self, outbound: Outbound) -> OutboundReply:
        return http.send(outbound)

    def aws_call(self, request: AwsServiceRequest) -> OutboundReply:
        if STATE.aws_services is None:  # only without `apigw_mock.transport`, which `import apigw_mock` loads
            raise ConnectionError(f"Unable to reach {request.service}: no way out to AWS services is installed")
        answer: OutboundReply = STATE.aws_services(request)
        return answer

    def random(self) -> float:
        return 1.0

    def now(self) -> Any:
        return self._backend.now()

    def request_id(self) -> str:
        return str(uuid.uuid4())

    def user_pool_keys(self, pool_arn: str) -> Mapping[str, Any] | None:
        return _user_pool_keys(pool_arn)

    def signature_problem(self, request: ExecuteRequest, target: Target, credential: Credential) -> str | None:
        return None  # never asked: TestInvokeMethod skips authorization

    # never asked: a test invocation skips API keys, throttling and quotas (spec §15.2, §16.10)
    def api_key(self, target: Target, value: str) -> None:
        return None

    def take_token(self, target: Target, bucket: tuple[str, ...], rate: Any, burst: Any, now: Any) -> bool:
        return True

    def spend_quota(self, target: Target, plan_id: str, key_id: str, quota: Any, day: Any) -> bool:
        return True

    def authorizer_cache(self, target: Target) -> AuthorizerCache:
        return cache_of(self._backend)  # never asked: test invocations skip the cache


def _user_pool_keys(pool_arn: str) -> Mapping[str, Any] | None:
    return user_pools.keys(STATE.user_pools, pool_arn, http.send)


@operation("TestInvokeMethod")
def test_invoke_method(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    path_with_query_string: str | None = None,
    body: str | None = None,
    headers: Mapping[str, str] | None = None,
    multi_value_headers: Mapping[str, list[str]] | None = None,
    client_certificate_id: str | None = None,
    stage_variables: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    started = time.perf_counter()
    resource = backend.resource(rest_api_id, resource_id)
    method = (resource.resource_methods or {}).get(http_method)
    if method is None:
        raise NotFoundException(INVALID_METHOD)
    path, _, query = (path_with_query_string or resource.path).partition("?")
    pairs = _headers(headers, multi_value_headers)
    request = ExecuteRequest(http_method, path, _query(query), pairs, (body or "").encode())
    ports = _TestPorts(backend)
    call = _call(backend, rest_api_id, resource, method, request, dict(stage_variables or {}), Ids.new(ports))
    trace = Trace(call.ids.request_id, call.ids.now)
    answer = engine.execute(call, ports, trace)
    return {
        "status": answer.status,
        "body": answer.text,
        "headers": answer.headers,
        "multiValueHeaders": answer.multi_value_headers,
        "log": trace.text(),
        "latency": int((time.perf_counter() - started) * 1000),
    }


def _call(
    backend: ApiGatewayBackend,
    rest_api_id: str,
    resource: Resource,
    method: Method,
    request: ExecuteRequest,
    variables: dict[str, str],
    ids: Ids,
) -> Call:
    """The routed call a test invocation runs: the live API frozen now, the test-invoke `$context`."""
    target = Target(rest_api_id, TEST_STAGE, backend.region, backend.account_id, TEST_DOMAIN)
    found = Router([(resource.id, resource.path, [request.method])]).resolve(request.path)
    call_context = context(
        target, request, ids, stage=TEST_STAGE, resource=(resource.id, resource.path), identity=TEST_IDENTITY,
        operation_name=method.operation_name,
    )  # fmt: skip
    call_context["path"] = resource.path
    text = request.body.decode("utf-8", "replace")
    parameters = dict(found.path_parameters) if found else {}
    method_request = MethodRequest(parameters, engine.multi(request.query), engine.multi(request.headers), text)
    deployed = freeze(backend.graph(rest_api_id))
    return Call(target, request, deployed, resource, method, method_request, variables, call_context, ids, True)


def _query(text: str) -> tuple[tuple[str, str], ...]:
    from urllib.parse import parse_qsl

    return tuple(parse_qsl(text, keep_blank_values=True))


def _headers(single: Mapping[str, str] | None, multi: Mapping[str, list[str]] | None) -> tuple[tuple[str, str], ...]:
    merged = {name: [value] for name, value in (single or {}).items()}
    merged.update({name: list(values) for name, values in (multi or {}).items()})
    return tuple((name, value) for name, values in merged.items() for value in values)


# ---- TestInvokeAuthorizer (spec §7.2–§7.4, §15.4) -----------------------------------------------------------------


@operation("TestInvokeAuthorizer")
def test_invoke_authorizer(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    authorizer_id: str,
    headers: Mapping[str, str] | None = None,
    multi_value_headers: Mapping[str, list[str]] | None = None,
    path_with_query_string: str | None = None,
    body: str | None = None,
    stage_variables: Mapping[str, str] | None = None,
    **_: Any,
) -> dict[str, Any]:
    """The client status (0 admitted, else the status a client would get), the log and the authorizer's answer."""
    graph = backend.graph(rest_api_id)
    authorizer = graph.authorizers.get(authorizer_id)
    if authorizer is None:
        raise NotFoundException(AUTHORIZER_NOT_FOUND)
    started, log = time.perf_counter(), [f"Starting authorizer: {authorizer_id} for request: {uuid.uuid4()}"]
    if authorizer.type == "COGNITO_USER_POOLS":
        return _cognito(authorizer, dict(headers or {}), started, log)
    path, query = (path_with_query_string or "/").partition("?")[::2]
    request = ExecuteRequest("GET", path, _query(query), _headers(headers, multi_value_headers), (body or "").encode())
    found = Router((node.id, node.path, ()) for node in graph.resources.values()).resolve(path)
    resource = graph.resources[found.resource_id if found else graph.api.root_resource_id]
    method = Method(http_method="GET", authorization_type="CUSTOM", authorizer_id=authorizer_id)
    ports = _TestPorts(backend)
    call = _call(backend, rest_api_id, resource, method, request, dict(stage_variables or {}), Ids.new(ports))
    status, answer, arn = 0, None, resource_policy.method_arn(call)
    try:
        answer = lambda_authorizer.run(call, authorizer, lambda_authorizer.identity(authorizer, call), arn, ports)
        lambda_authorizer.admit(call, answer, arn)
    except errors.GatewayError as error:
        status = error.status
        log += [error.log] if error.log else []
    reply: dict[str, Any] = {"clientStatus": status, "log": "\n".join(log), "latency": _since(started)}
    if answer is not None:
        reply["principalId"] = answer.output.get("principalId")
        reply["policy"] = json.dumps(answer.output.get("policyDocument"))
        strings = answer.strings.items()  # [UNK] the context as lists of its text values
        reply["authorization"] = {key: [text] for key, text in strings if key != "principalId" and text is not None}
    return reply


def _cognito(authorizer: Authorizer, headers: dict[str, str], started: float, log: list[str]) -> dict[str, Any]:
    """A user-pool authorizer's test: the token in its identity-source header verified as a method without scopes
    verifies it (`guards.cognito.verify`, against the data plane's clock); the reply's `claims` are what the
    integration would see. clientStatus 0 or 401."""
    source = cognito.header_name(authorizer).lower()
    token = next((value for name, value in headers.items() if name.lower() == source), None)
    try:
        verified = cognito.verify(authorizer, token, None, _user_pool_keys, STATE.clock.now())
    except errors.Unauthorized as refused:
        log.append(refused.log or "Unauthorized request")
        return {"clientStatus": 401, "log": "\n".join(log), "latency": _since(started)}
    log.append("Authorizer claims: " + java_map(verified.claims))
    return {"clientStatus": 0, "log": "\n".join(log), "latency": _since(started), "claims": verified.claims}


def _since(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)

"""TestInvokeMethod: a method run from the live (undeployed) API with the data plane's own engine (spec §15); and
TestInvokeAuthorizer: a TOKEN or REQUEST authorizer run by the data plane's own `guards.lambda_authorizer` (identity,
AWS's event, the policy's decision; no cache) for a GET of `pathWithQueryString` on the test stage (spec §15.4).

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
from apigw_mock.domain.authorizer_cache import cache_of
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.messages import INVALID_METHOD
from apigw_mock.domain.method import Method
from apigw_mock.domain.snapshot import freeze
from apigw_mock.exceptions import ApigwMockNotImplemented, NotFoundException
from apigw_mock.invoke import engine
from apigw_mock.invoke.call import Call, Ids, Trace, context
from apigw_mock.invoke.errors import GatewayError
from apigw_mock.invoke.guards import lambda_authorizer, resource_policy
from apigw_mock.invoke.integrations import aws, http
from apigw_mock.invoke.ports import ExecuteRequest, LambdaHandler, Outbound, OutboundReply, Target
from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.routing import Router
from apigw_mock.state import STATE

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer_cache import AuthorizerCache
    from apigw_mock.domain.resource import Resource

TEST_STAGE = "test-invoke-stage"
TEST_DOMAIN = "testPrefix.testDomainName"
TEST_IDENTITY = {
    "sourceIp": "test-invoke-source-ip",
    "apiKey": "test-invoke-api-key",
    "apiKeyId": "test-invoke-api-key-id",
}


class _TestPorts:
    """What a test invocation needs of the world: the registered Lambdas, real HTTP, the backend's clock."""

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

    def random(self) -> float:
        return 1.0

    def now(self) -> Any:
        return self._backend.now()

    def request_id(self) -> str:
        return str(uuid.uuid4())

    def authorizer_cache(self, target: Target) -> AuthorizerCache:
        return cache_of(self._backend)  # never asked: test invocations skip the cache


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
    """The client status (0 admitted, else the status a client would get), the log and the function's answer."""
    graph = backend.graph(rest_api_id)
    authorizer = graph.authorizers.get(authorizer_id)
    if authorizer is None:
        raise NotFoundException(AUTHORIZER_NOT_FOUND)
    if authorizer.type == "COGNITO_USER_POOLS":
        raise ApigwMockNotImplemented("Cognito user pool authorizers", kind="test invocation of")
    started = time.perf_counter()
    path, query = (path_with_query_string or "/").partition("?")[::2]
    request = ExecuteRequest("GET", path, _query(query), _headers(headers, multi_value_headers), (body or "").encode())
    found = Router((node.id, node.path, ()) for node in graph.resources.values()).resolve(path)
    resource = graph.resources[found.resource_id if found else graph.api.root_resource_id]
    method = Method(http_method="GET", authorization_type="CUSTOM", authorizer_id=authorizer_id)
    ports = _TestPorts(backend)
    call = _call(backend, rest_api_id, resource, method, request, dict(stage_variables or {}), Ids.new(ports))
    log, status, answer = [f"Starting authorizer: {authorizer_id} for request: {call.ids.request_id}"], 0, None
    arn = resource_policy.method_arn(call)
    try:
        answer = lambda_authorizer.run(call, authorizer, lambda_authorizer.identity(authorizer, call), arn, ports)
        lambda_authorizer.admit(call, answer, arn)
    except GatewayError as error:
        status = error.status
        log += [error.log] if error.log else []
    reply: dict[str, Any] = {"clientStatus": status, "log": "\n".join(log)}
    reply["latency"] = int((time.perf_counter() - started) * 1000)
    if answer is not None:
        reply["principalId"] = answer.output.get("principalId")
        reply["policy"] = json.dumps(answer.output.get("policyDocument"))
        strings = answer.strings.items()  # [UNK] the context as lists of its text values
        reply["authorization"] = {key: [text] for key, text in strings if key != "principalId" and text is not None}
    return reply

"""AWS_PROXY (Lambda proxy, payload format 1.0) and AWS (non-proxy Lambda) integrations (spec §8.3, §8.4).

Contract:
- The URI `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations` (stage variables
  filled first) names the function; `Ports.lambda_handler(functionArn)` finds the registered Python callable. An
  unregistered function fails as AWS fails for a missing function or permission: 500 `Internal server error`,
  execution log `Invalid permissions on Lambda function` ([FIELD] §8.3.3); the mock also logs a warning naming
  the registered functions. Type AWS with another service (`...:sqs:action/...`) is an AWS service integration
  (`aws_service.py`); AWS_PROXY with another service (Firehose) raises `ApigwMockNotImplemented`.
- The handler is called as `handler(event, context)` with a Lambda-like context (`function_name`,
  `invoked_function_arn`, `aws_request_id`, `memory_limit_in_mb`, `get_remaining_time_in_millis()`, ...). Its
  result is JSON-serialised as Lambda does; an exception (or an unserialisable result) is a failed invocation:
  `{"errorMessage", "errorType", "stackTrace"}` as Lambda's Python runtime reports them.
- AWS_PROXY: the event is `proxy_event(call)` (every key of spec §8.3.2, `null` where AWS sends null). The response
  must be a JSON object with only `statusCode` (an integer), `headers`, `multiValueHeaders`, `body` (a string) and
  `isBase64Encoded`; anything else, or a failed invocation, is 502 `Internal server error` (DEFAULT_5XX,
  [UNK] §16.5) with AWS's log text. `multiValueHeaders` win over `headers` for a name; no Content-Type means
  `application/json` ([DOC]); a base64 body is decoded when the first Accept type is binary, else sent as text.
- AWS (non-proxy Lambda): the payload is the prepared body parsed as JSON (empty -> `{}` [INF]); success ->
  status 200, the result JSON, no selection input; failure -> the error JSON, selection input `errorMessage`.
  A mapped `X-Amz-Invocation-Type: Event` invokes asynchronously: empty 200 [DOC].
- The Lambda service failing the Invoke call itself (`ports.LambdaServiceError`, e.g. throttling: 429
  `TooManyRequestsException`) is 500 `Internal server error` (API_CONFIGURATION_ERROR), log `Lambda invocation
  failed with status: 429 ...` [INF: not in the spec; execution logs seen in the field]; no answer in time is 504
  INTEGRATION_TIMEOUT, as for HTTP integrations.
"""

from __future__ import annotations

import json
import logging
import re
import time
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from apigw_mock.exceptions import ApigwMockNotImplemented
from apigw_mock.invoke import content, errors, mapping
from apigw_mock.invoke.frozen import quick
from apigw_mock.invoke.integrations import Endpoint, Prepared
from apigw_mock.invoke.ports import LambdaServiceError

if TYPE_CHECKING:
    from apigw_mock.domain.integration import Integration
    from apigw_mock.invoke.call import Call, Trace
    from apigw_mock.invoke.ports import LambdaHandler, Ports

logger = logging.getLogger("apigw_mock.invoke")
_URI = re.compile(r"arn:aws[a-z-]*:apigateway:(?P<region>[^:]*):(?P<service>[^:]+):(?P<kind>path|action)/(?P<rest>.*)")
_LAMBDA_PATH = re.compile(r"(?:\d{4}-\d{2}-\d{2}/)?functions/(?P<function>.+?)/invocations/?$")
_PROXY_KEYS = frozenset({"statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"})
_FORWARDED = {"X-Forwarded-Port": "443", "X-Forwarded-Proto": "https"}


@quick
@dataclass(frozen=True, slots=True)
class LambdaContext:
    """The context object a Python Lambda handler receives (the attributes tests commonly read)."""

    function_name: str
    invoked_function_arn: str
    aws_request_id: str
    function_version: str = "$LATEST"
    memory_limit_in_mb: str = "128"
    log_group_name: str = ""
    log_stream_name: str = ""
    deadline_ms: int = 0

    def get_remaining_time_in_millis(self) -> int:
        return max(0, self.deadline_ms - int(time.time() * 1000))


@quick
@dataclass(frozen=True, slots=True)
class Invocation:
    payload: Any
    """The JSON-serialisable result, or Lambda's error object when `failed`."""
    failed: bool = False


def function_arn(call: Call, integration: Integration) -> str:
    return function_of(integration.uri or "", call.stage_variables)


def function_of(uri: str, stage_variables: Mapping[str, str]) -> str:
    """The function ARN a Lambda invocation URI names (an integration's or a Lambda authorizer's), stage variables
    filled; `ApiConfigurationError` for a URI of no Lambda form."""
    return _function_arn(mapping.integration_uri(uri, {}, stage_variables))


@lru_cache(maxsize=256)
def _function_arn(uri: str) -> str:
    found = _URI.fullmatch(uri)
    if found is None or found.group("service") != "lambda":
        service = found.group("service") if found else uri
        raise ApigwMockNotImplemented(service, kind="AWS service integration")
    function = _LAMBDA_PATH.match(found.group("rest")) if found.group("kind") == "path" else None
    if function is None:
        raise errors.ApiConfigurationError(log=errors.ApiConfigurationError.LAMBDA_PERMISSIONS)
    return function.group("function")


@lru_cache(maxsize=256)
def _names_lambda(uri: str) -> bool:
    found = _URI.fullmatch(uri)
    return found is None or found.group("service") == "lambda"


def find_lambda(lambdas: Mapping[str, LambdaHandler], function_arn: str) -> LambdaHandler | None:
    """The handler registered for `function_arn`: the exact ARN, then without its qualifier, then the bare name."""
    found = lambdas.get(function_arn)
    if found is not None:
        return found
    parts = function_arn.split(":")
    if len(parts) >= 7 and parts[2] == "lambda":
        for candidate in (":".join(parts[:7]), parts[6]):
            found = lambdas.get(candidate)
            if found is not None:
                return found
    return None


def invoke(call: Call, integration: Integration, event: Any, ports: Ports, trace: Trace | None) -> Invocation:
    arn = function_arn(call, integration)
    handler = handler_of(arn, ports)
    if trace is not None:
        trace.add(
            f"Endpoint request URI: https://lambda.{call.target.region}.amazonaws.com/2015-03-31/functions/{arn}"
            "/invocations"
        )
        trace.add(f"Endpoint request body after transformations: {json.dumps(event)}")
    if handler is None:
        raise errors.ApiConfigurationError(log=errors.ApiConfigurationError.LAMBDA_PERMISSIONS)
    try:
        result = run(handler, event, lambda_context(call, arn, integration.timeout_in_millis or 29_000))
    except LambdaServiceError as error:
        raise _service_failure(error, call) from error
    if trace is not None:
        trace.add("Received response. Status: 200, Integration latency: 0 ms")
        trace.add(f"Endpoint response body before transformations: {json.dumps(result.payload)}")
    return result


def handler_of(arn: str, ports: Ports) -> LambdaHandler | None:
    """The function's registered handler; `None` after a warning naming the registered ones (the caller answers as
    AWS does for a missing function or permission)."""
    handler = ports.lambda_handler(arn)
    if handler is None:
        logger.warning(
            "apigw_mock: no Lambda registered for %s (registered: %s); answering as AWS does for a missing function",
            arn,
            ", ".join(ports.lambda_names()) or "none",
        )
    return handler


def run(handler: LambdaHandler, event: Any, context: LambdaContext) -> Invocation:
    """Call a handler as Lambda does: the result through JSON, an exception as Lambda's error object."""
    try:
        result = handler(event, context)
        return Invocation(json.loads(json.dumps(result)))
    except LambdaServiceError:
        raise  # not the function's failure: the Lambda service refused the call
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)[1:]  # without this function's own frame
        return Invocation(
            {
                "errorMessage": str(error),
                "errorType": type(error).__name__,
                "stackTrace": traceback.format_list(frames),
            },
            failed=True,
        )


def _service_failure(error: LambdaServiceError, call: Call) -> errors.GatewayError:
    if error.status is None:
        return errors.IntegrationTimeout(log="Execution failed due to a timeout error")  # [INF] as for HTTP
    return errors.ApiConfigurationError(
        log=f"Lambda invocation failed with status: {error.status}. Lambda request id: {call.ids.request_id}. "
        f"Execution failed due to configuration error: {error.message}"  # [INF] field execution logs
    )


def lambda_context(call: Call, arn: str, timeout: int) -> LambdaContext:
    """The context a handler invoked for `call` receives (`timeout` in ms)."""
    name = _function_name(arn)
    now = call.ids.now
    return LambdaContext(
        function_name=name,
        invoked_function_arn=arn,
        aws_request_id=call.ids.request_id,
        log_group_name=f"/aws/lambda/{name}",
        log_stream_name=f"{now.year:04d}/{now.month:02d}/{now.day:02d}/[$LATEST]{call.ids.request_id.replace('-', '')}",
        deadline_ms=int(time.time() * 1000) + timeout,
    )


@lru_cache(maxsize=256)
def _function_name(arn: str) -> str:
    return arn.split(":")[6] if arn.count(":") >= 6 else arn


def proxy_event(call: Call) -> dict[str, Any]:
    """The REST API payload format 1.0 event for `call` (spec §8.3.2)."""
    request, multi_headers = call.request, _multi(call.request.headers)
    if not call.test_invoke:
        multi_headers = _with_aws_headers(multi_headers, call)
    multi_query = _multi(request.query)
    body, is_base64 = content.proxy_request_body(request.body, request.header("Content-Type"), call.binary_media_types)
    resource_path = call.resource.path
    request_context = dict(call.context)
    request_context.pop("isCanaryRequest", None)
    if call.authorizer is not None:  # the authorizer's outcome with its JSON types, not the `$context` view
        request_context["authorizer"] = dict(call.authorizer)
    return {
        "resource": resource_path,
        "path": request.path,
        "httpMethod": request.method,
        "headers": {name: values[-1] for name, values in multi_headers.items()} if multi_headers else None,
        "multiValueHeaders": multi_headers or None,
        "queryStringParameters": {name: values[-1] for name, values in multi_query.items()} if multi_query else None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": dict(call.method_request.path) or None,
        "stageVariables": dict(call.stage_variables) or None,
        "requestContext": request_context,
        "body": body,
        "isBase64Encoded": is_base64,
    }


def _multi(pairs: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    """Name -> a fresh list of its values in arrival order (tests/invoke/test_transport_fast.py checks it)."""
    found: dict[str, list[str]] = {name: [value] for name, value in pairs}
    if len(found) == len(pairs):
        return found  # no name repeated: the usual request
    found = {}
    for name, value in pairs:
        values = found.get(name)
        if values is None:
            found[name] = [value]
        else:
            values.append(value)
    return found


def _with_aws_headers(headers: dict[str, list[str]], call: Call) -> dict[str, list[str]]:
    """The headers AWS adds in front of the function ([SAMPLE], mock choice §8.3.2), added to `headers` (the
    event's own map, just built) after the client's."""
    lowered = {name.lower() for name in headers}
    if "host" not in lowered:
        headers["Host"] = [call.target.host]
    if "x-amzn-trace-id" not in lowered:
        headers["X-Amzn-Trace-Id"] = [trace_id(call)]
    if "x-forwarded-for" not in lowered:
        headers["X-Forwarded-For"] = [call.request.source_ip]
    for name, value in _FORWARDED.items():
        if name.lower() not in lowered:
            headers[name] = [value]
    return headers


def trace_id(call: Call) -> str:
    """An X-Ray trace header value derived from the request id (`Root=1-<8 hex>-<24 hex>`)."""
    digits = call.ids.request_id.replace("-", "")
    return f"Root=1-{int(call.ids.now.timestamp()):08x}-{digits[:24]}"


def call_proxy(
    call: Call, integration: Integration, prepared: Prepared | None, ports: Ports, trace: Trace | None
) -> Endpoint:
    result = invoke(call, integration, proxy_event(call), ports, trace)
    if result.failed:
        raise errors.LambdaProxyFailure.function_error(json.dumps(result.payload))
    return _proxy_response(result.payload, call)


def _proxy_response(payload: Any, call: Call) -> Endpoint:
    if not isinstance(payload, (dict, Mapping)) or not payload.keys() <= _PROXY_KEYS:  # dict first: JSON's map
        raise errors.LambdaProxyFailure(log=errors.LambdaProxyFailure.MALFORMED)
    status, body = payload.get("statusCode"), payload.get("body")
    headers, multi = payload.get("headers") or {}, payload.get("multiValueHeaders") or {}
    is_base64 = payload.get("isBase64Encoded") or False
    if (
        not isinstance(status, int)
        or isinstance(status, bool)
        or not 100 <= status <= 599
        or not (body is None or isinstance(body, str))
        or not isinstance(headers, (dict, Mapping))
        or not isinstance(multi, (dict, Mapping))
        or not all(isinstance(values, list) for values in multi.values())
        or not isinstance(is_base64, bool)
    ):
        raise errors.LambdaProxyFailure(log=errors.LambdaProxyFailure.MALFORMED)
    merged: dict[str, list[str]] = {name: [_text(value)] for name, value in headers.items()}
    merged.update({name: [_text(value) for value in values] for name, values in multi.items()})
    if "content-type" not in {name.lower() for name in merged}:
        merged["Content-Type"] = ["application/json"]
    if "X-Amzn-Trace-Id" not in merged:
        merged["X-Amzn-Trace-Id"] = [trace_id(call)]
    decoded: content.Payload = body or ""
    if is_base64 and content.is_binary(content.first_accept(call.accept), call.binary_media_types):
        decoded = content.proxy_response_body(body, True)
    return Endpoint(status, merged, decoded, final=True)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def call(
    call: Call, integration: Integration, prepared: Prepared | None, ports: Ports, trace: Trace | None
) -> Endpoint:
    assert prepared is not None
    if not _names_lambda(mapping.integration_uri(integration.uri or "", {}, call.stage_variables)):
        from apigw_mock.invoke.integrations import aws_service

        return aws_service.call(call, integration, prepared, ports, trace)
    text = prepared.body if isinstance(prepared.body, str) else content.template_body(prepared.body)
    try:
        event = json.loads(text) if text.strip() else {}
    except ValueError as error:
        raise errors.ApiConfigurationError(
            log="Execution failed due to configuration error: Could not parse request body into json"  # [INF]
        ) from error
    invocation_type = prepared.parameters.header.get("X-Amz-Invocation-Type")
    result = invoke(call, integration, event, ports, trace)
    if invocation_type and invocation_type[-1] == "Event":
        return Endpoint(200, {}, "", selection_input=None)
    body = json.dumps(result.payload)
    headers = {"Content-Type": ["application/json"]}
    if result.failed:
        headers["X-Amz-Function-Error"] = ["Unhandled"]
        return Endpoint(200, headers, body, selection_input=str(result.payload.get("errorMessage")))
    return Endpoint(200, headers, body, selection_input=None)

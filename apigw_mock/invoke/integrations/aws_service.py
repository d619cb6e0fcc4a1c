"""AWS service integrations: type AWS with a URI naming a service other than Lambda (spec §8.5, issue 17).

The integration request, after the request template and parameter mapping, is handed to `Ports.aws_call` as the
named service call; the transport sends it through botocore (`transport/aws_services.py`), so moto's `mock_aws`,
when active, answers DynamoDB, S3, SQS, SNS, Step Functions, Kinesis, EventBridge... in the same test. The
service's HTTP status, headers and wire body are the integration's answer: integration response selection
matches the status as text (spec §10.1.1), and response templates read the body as the service wrote it (DynamoDB
JSON, S3 object bytes, SQS/SNS JSON or XML). This supersedes §8.5's "[INF] user-registered handler" recommendation:
the issue asks for the service calls themselves.

Contract:
- URI (stage variables and `{name}` placeholders filled first, `{name}` from `integration.request.path.name`):
  `arn:aws:apigateway:{region}:{service}:action/{Action}[&{p}={v}...]` or `...:{service}:path/{service path}`,
  `{subdomain}.{service}` for a host prefix (an S3 bucket: `my-bucket.s3`). An empty region is the API's own.
  `?` also separates an action from its parameters, and a path may carry its own `?query` ([INF]).
- The request: verb = the integration's `httpMethod` (`ANY`: the client's, [INF] as for HTTP); query = the URI's
  parameters, then the mapped `integration.request.querystring.*`; headers = `Content-Type` (the template key, else
  the client's media type), `Accept: application/json`, `User-Agent: AmazonAPIGateway_{api}` and
  `x-amzn-apigateway-api-id` ([INF] from AWS's execution logs), then the mapped `integration.request.header.*`;
  body = the prepared body (text as UTF-8, binary unchanged). How each protocol puts this on the wire (the JSON
  protocols' `X-Amz-Target`, the query protocols' form body, REST paths) is the transport's.
- Account: the one named by the integration's `credentials` role ARN (API Gateway calls as that role), else
  whatever the answering mock uses for fake credentials (moto: its default account, or `MOTO_ACCOUNT_ID`).
  Credentials are not required and no role is assumed or checked ([INF] leniency: AWS needs a role).
- Reply -> `Endpoint(status, headers, body, selection_input=str(status))`; the body is bytes when its Content-Type
  is one of the API's binary media types (as for HTTP), else text.
- Nothing answers (no moto `mock_aws` active, moto not installed, or the service passed through by moto's
  config): 500 `{"message": "Internal server error"}` (API_CONFIGURATION_ERROR) with the execution log line
  `Execution failed due to configuration error: Unable to reach {service} ...` — spec §8.5's failure for a call the
  mock cannot answer; the status, type and log wording are [UNK] mock choices (AWS's own services are never
  unreachable, and its nearest real failures, a role API Gateway cannot assume or one without permission, are
  500 configuration errors too). A warning on the `apigw_mock.invoke` logger says to start `mock_aws`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from apigw_mock.invoke import errors, mapping
from apigw_mock.invoke.call import java_map
from apigw_mock.invoke.integrations import Endpoint, Prepared, http
from apigw_mock.invoke.ports import AwsServiceRequest, OutboundReply

if TYPE_CHECKING:
    from apigw_mock.domain.integration import Integration
    from apigw_mock.invoke.call import Call, Trace
    from apigw_mock.invoke.ports import Ports

logger = logging.getLogger("apigw_mock.invoke")
URI = re.compile(r"arn:aws[a-z-]*:apigateway:(?P<region>[^:]*):(?P<service>[^:]+):(?P<kind>path|action)/(?P<rest>.*)")
_ROLE_ACCOUNT = re.compile(r"arn:aws[a-z-]*:iam::(?P<account>\d{12}):role/.+")


def call(
    call: Call, integration: Integration, prepared: Prepared | None, ports: Ports, trace: Trace | None
) -> Endpoint:
    assert prepared is not None
    request = service_request(call, integration, prepared)
    try:
        answer = ports.aws_call(request)
    except ConnectionError as error:
        logger.warning(
            "apigw_mock: nothing answered the %s integration (%s): start moto's mock_aws() to serve AWS services",
            request.service,
            request.action or request.path,
        )
        if trace is not None:
            trace.add(f"Endpoint request body after transformations: {_text(request.body)}")
        raise errors.ApiConfigurationError(log=f"Execution failed due to configuration error: {error}") from error
    if trace is not None:
        _trace(request, answer, trace)
    return http.endpoint(answer, call)


def service_request(call: Call, integration: Integration, prepared: Prepared) -> AwsServiceRequest:
    """The service call an AWS service integration makes (see the module contract)."""
    parameters = prepared.parameters
    uri = mapping.integration_uri(integration.uri or "", parameters.path, call.stage_variables)
    found = URI.fullmatch(uri)
    if found is None:  # the control plane accepts only such ARNs for type AWS
        raise errors.ApiConfigurationError(log=f"Execution failed due to configuration error: Invalid URI: {uri}")
    rest, action, path = found["rest"], None, "/"
    if found["kind"] == "action":
        split = re.search(r"[&?]", rest)
        action, own_query = (rest[: split.start()], rest[split.end() :]) if split else (rest, "")
    else:
        raw_path, _, own_query = rest.partition("?")
        path = "/" + raw_path.lstrip("/")
    query = [*parse_qsl(own_query, keep_blank_values=True), *http.pairs(parameters.querystring)]
    headers: dict[str, list[str]] = {
        "Content-Type": [prepared.content_type],
        "Accept": ["application/json"],
        "User-Agent": [f"AmazonAPIGateway_{call.target.api_id}"],
        "x-amzn-apigateway-api-id": [call.target.api_id],
    }
    for name, values in parameters.header.items():
        for existing in [key for key in headers if key.lower() == name.lower()]:
            del headers[existing]
        headers[name] = [values] if isinstance(values, str) else list(values)
    verb = (integration.http_method or "ANY").upper()
    role = _ROLE_ACCOUNT.fullmatch(integration.credentials or "")
    return AwsServiceRequest(
        service=found["service"],
        region=found["region"] or call.target.region,
        method=call.request.method if verb == "ANY" else verb,
        action=action,
        path=path,
        query=tuple(query),
        headers=tuple(http.pairs(headers)),
        body=prepared.body.encode() if isinstance(prepared.body, str) else prepared.body,
        account_id=role["account"] if role else None,
    )


def _trace(request: AwsServiceRequest, answer: OutboundReply, trace: Trace) -> None:
    """The execution log's endpoint lines (spec §15.3; the URL is the one the transport chose)."""
    trace.add(f"Endpoint request URI: {answer.url}")
    trace.add(f"Endpoint request body after transformations: {_text(request.body)}")
    trace.add(f"Sending request to {answer.url}")
    trace.add(f"Received response. Status: {answer.status}, Integration latency: 0 ms")
    trace.add(f"Endpoint response headers: {java_map(dict(answer.headers))}")
    trace.add(f"Endpoint response body before transformations: {_text(answer.body)}")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")

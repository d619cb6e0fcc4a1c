"""Parameter mapping expressions (spec §8.7, §10.2, §12.2.5): pure functions over plain data."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from apigw_mock.invoke.mapping import (
    IntegrationRequestParameters,
    IntegrationResponse,
    MappingFailure,
    Sources,
    evaluate,
    gateway_response_headers,
    integration_request,
    integration_uri,
    method_response_headers,
)
from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.templates import RequestOverride, ResponseOverride

PETSTORE = {"petstore": {"pets": [{"name": "Fido"}, {"name": "Rex"}], "open": True, "count": 2}}
# DG:handle-errors-in-lambda-integration: a custom error object stringified into errorMessage
ERROR_OBJECT = {
    "errorType": "InternalServerError",
    "httpStatus": 500,
    "requestId": "e5849002-39a0-11e7-a419-5bb5807c9fb2",
    "trace": {"function": "abc()", "line": 123, "file": "abc.js"},
}
LAMBDA_ERROR = json.dumps({"errorMessage": json.dumps(ERROR_OBJECT), "errorType": "Error"})

SOURCES = Sources(
    request=MethodRequest.of(
        path={"petId": "7"},
        querystring={"type": ["dog", "cat"]},
        headers={"X-Token": "tok", "Accept": ["a", "b"]},
        body=json.dumps(PETSTORE),
    ),
    stage_variables={"alias": "live"},
    context={"requestId": "req-1", "identity": {"sourceIp": "192.0.2.1"}, "authorizer": {"admin": True, "n": 1}},
    integration_response=IntegrationResponse(
        headers={"X-Backend": "b1", "Set-Cookie": ["a=1", "b=2"]}, body=LAMBDA_ERROR
    ),
)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("'static value'", "static value"),
        ("''", ""),
        ("'it''s'", "it''s"),  # the text between the outer quotes, as is
        ("method.request.path.petId", "7"),
        ("method.request.querystring.type", "cat"),  # last value [INF] §3.3
        ("method.request.multivaluequerystring.type", ["dog", "cat"]),
        ("method.request.header.X-Token", "tok"),
        ("method.request.header.x-token", "tok"),  # case-insensitive lookup [UNK] §3.3
        ("method.request.multivalueheader.Accept", ["a", "b"]),
        ("method.request.path.absent", None),  # absent at runtime -> omitted [INF]
        ("method.request.querystring.absent", None),
        ("method.request.header.absent", None),
        ("method.request.multivalueheader.absent", None),
        ("method.request.body", json.dumps(PETSTORE)),
        # spec §8.7 [DOC]: JSONPath without `$.`, e.g. `petstore.pets[0].name`
        ("method.request.body.petstore.pets[0].name", "Fido"),
        ("method.request.body.petstore.pets[1]", '{"name":"Rex"}'),
        ("method.request.body.petstore.open", "true"),
        ("method.request.body.petstore.count", "2"),
        ("method.request.body.petstore.nope", None),
        ("stageVariables.alias", "live"),
        ("stageVariables.absent", None),
        ("context.requestId", "req-1"),
        ("context.identity.sourceIp", "192.0.2.1"),
        ("context.authorizer.admin", "true"),  # stringified like $context.authorizer.* (spec §7.6)
        ("context.authorizer.n", "1"),
        ("context.identity", None),  # a map is null, as `$context.authorizer.claims` alone (spec §7.8)
        ("context.nope.deeper", None),
        ("integration.response.header.X-Backend", "b1"),
        ("integration.response.header.x-backend", "b1"),
        ("integration.response.multivalueheader.Set-Cookie", ["a=1", "b=2"]),
        ("integration.response.header.absent", None),
        ("integration.response.body", LAMBDA_ERROR),
        ("integration.response.body.errorType", "Error"),
        # [DOC] handle-errors: errorMessage holding a stringified object is read into for header mappings
        ("integration.response.body.errorMessage.errorType", "InternalServerError"),
        ("integration.response.body.errorMessage.trace.function", "abc()"),
        ("integration.response.body.errorMessage.trace", '{"function":"abc()","line":123,"file":"abc.js"}'),
        ("integration.response.body.errorMessage.nope", None),
    ],
)
def test_evaluate(expression: str, expected: object) -> None:
    assert evaluate(expression, SOURCES) == expected


@pytest.mark.parametrize(
    "expression",
    ["method.request.cookie.x", "method.request.path", "integration.request.header.x", "nonsense", "'unclosed"],
)
def test_unknown_expression_is_a_configuration_error(expression: str) -> None:
    with pytest.raises(MappingFailure) as caught:
        evaluate(expression, SOURCES)
    assert caught.value.status == 500 and caught.value.response_type == "API_CONFIGURATION_ERROR"


def test_body_that_is_not_json_gives_nothing_for_a_path() -> None:
    sources = Sources(request=MethodRequest.of(body="plain text"))
    assert evaluate("method.request.body.a", sources) is None
    assert evaluate("method.request.body", sources) == "plain text"


def test_integration_request_targets_and_overrides() -> None:
    parameters = {
        "integration.request.path.id": "method.request.path.petId",
        "integration.request.querystring.kind": "method.request.multivaluequerystring.type",
        "integration.request.querystring.stage": "stageVariables.alias",
        "integration.request.header.X-Caller": "context.identity.sourceIp",
        "integration.request.header.X-Static": "'fixed'",
        "integration.request.header.X-Missing": "method.request.header.absent",
    }
    assert integration_request(parameters, SOURCES) == IntegrationRequestParameters(
        path={"id": "7"},
        querystring={"kind": ["dog", "cat"], "stage": ["live"]},
        header={"X-Caller": ["192.0.2.1"], "X-Static": ["fixed"]},
    )
    # spec §9.5: `$context.requestOverride.*` replace what the mapping produced
    override = RequestOverride(header={"X-Static": "over"}, path={"id": "8"}, querystring={"extra": "1"})
    overridden = integration_request(parameters, SOURCES, override)
    assert overridden.header["X-Static"] == ["over"]
    assert overridden.path == {"id": "8"}
    assert overridden.querystring["extra"] == ["1"]


def test_method_response_headers_for_a_cors_setup() -> None:
    """spec §13: the usual integration-response literals for CORS."""
    parameters = {
        "method.response.header.Access-Control-Allow-Origin": "'*'",
        "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key'",
        "method.response.header.X-Cookies": "integration.response.multivalueheader.Set-Cookie",
        "method.response.header.X-Trace": "integration.response.body.errorMessage.trace.function",
        "method.response.header.X-Absent": "integration.response.header.absent",
    }
    assert method_response_headers(parameters, SOURCES) == {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "Content-Type,X-Amz-Date,Authorization,X-Api-Key",
        "X-Cookies": "a=1,b=2",
        "X-Trace": "abc()",
    }
    override = ResponseOverride(header={"Access-Control-Allow-Origin": "https://example.com"})
    assert method_response_headers(parameters, SOURCES, override)["Access-Control-Allow-Origin"] == (
        "https://example.com"
    )


def test_gateway_response_headers() -> None:
    parameters = {
        "gatewayresponse.header.Access-Control-Allow-Origin": "'*'",
        "gatewayresponse.header.X-Request-Id": "context.requestId",
        "gatewayresponse.header.X-Token": "method.request.header.X-Token",
        "gatewayresponse.header.X-Stage": "stageVariables.alias",
        "gatewayresponse.querystring.q": "'ignored: not a header'",
        "gatewayresponse.header.X-Bad": "integration.response.header.x",  # not a gateway-response source
    }
    without_integration = replace(SOURCES, integration_response=None)  # as when a gateway response is rendered
    assert gateway_response_headers(parameters, without_integration) == {
        "Access-Control-Allow-Origin": "*",
        "X-Request-Id": "req-1",
        "X-Token": "tok",
        "X-Stage": "live",
    }


@pytest.mark.parametrize(
    ("uri", "path", "expected"),
    [
        ("http://example.com/{proxy}", {"proxy": "hello/world"}, "http://example.com/hello/world"),
        ("http://example.com/pets/{id}", {"id": "a b%"}, "http://example.com/pets/a%20b%25"),  # re-encoded
        ("https://${stageVariables.host}/v1/{id}", {"id": "7"}, "https://api.example.com/v1/7"),
        ("https://${stageVariables.nope}/x", {}, "https:///x"),  # unknown stage variable -> "" [UNK]
        ("http://example.com/{unmapped}", {}, "http://example.com/{unmapped}"),
        (
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012"
            ":function:f:${stageVariables.alias}/invocations",
            {},
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012"
            ":function:f:live/invocations",
        ),
    ],
)
def test_integration_uri(uri: str, path: dict[str, str], expected: str) -> None:
    assert integration_uri(uri, path, {"host": "api.example.com", "alias": "live"}) == expected

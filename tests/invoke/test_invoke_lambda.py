"""Lambda integrations end to end: AWS_PROXY (event format 1.0, response rules, 502s) and AWS non-proxy
(errorMessage selection), with handlers registered on the mock (spec §8.3, §8.4)."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
import requests

from apigw_mock import MockApiGateway
from tests.invoke.builder import ApiBuilder

ARN = "arn:aws:lambda:us-east-1:123456789012:function:pets"
URI = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations"
PROXY = {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": URI}
REQUEST_CONTEXT_KEYS = {
    "accountId", "apiId", "domainName", "domainPrefix", "extendedRequestId", "httpMethod", "identity", "path",
    "protocol", "requestId", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage", "deploymentId",
}  # fmt: skip
IDENTITY_KEYS = {
    "accessKey", "accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
    "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "sourceIp", "user",
    "userAgent", "userArn",
}  # fmt: skip


@pytest.fixture
def events(mock: MockApiGateway) -> list[dict[str, Any]]:
    """Every event the `pets` function received; it answers 200 with the event as its body."""
    seen: list[dict[str, Any]] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event)
        assert context.function_name == "pets" and context.invoked_function_arn == ARN
        assert context.get_remaining_time_in_millis() > 0
        return {"statusCode": 200, "headers": {"X-Fn": "pets"}, "body": json.dumps({"ok": True})}

    mock.register_lambda(ARN, handler)
    return seen


def test_proxy_event_has_every_key_of_format_1_0(api: ApiBuilder, events: list[dict[str, Any]]) -> None:
    resource_id = api.method("/{proxy+}", "ANY", PROXY)
    deployment = api.deploy("prod")
    answer = requests.post(
        api.url("/hello/world?name=me&name=you", "prod"), json={"a": 1}, headers={"User-Agent": "curl/8.0"}
    )
    assert (answer.status_code, answer.json(), answer.headers["X-Fn"]) == (200, {"ok": True}, "pets")
    assert answer.headers["Content-Type"] == "application/json"  # the function sent none (spec §8.3.3)
    (event,) = events
    assert set(event) == {
        "resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters",
        "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext", "body",
        "isBase64Encoded",
    }  # fmt: skip
    assert (event["resource"], event["path"], event["httpMethod"]) == ("/{proxy+}", "/hello/world", "POST")
    assert event["queryStringParameters"] == {"name": "you"}
    assert event["multiValueQueryStringParameters"] == {"name": ["me", "you"]}
    assert event["pathParameters"] == {"proxy": "hello/world"}
    assert event["stageVariables"] is None
    assert (event["body"], event["isBase64Encoded"]) == ('{"a": 1}', False)
    host = f"{api.id}.execute-api.us-east-1.amazonaws.com"
    assert event["headers"]["Host"] == host and event["headers"]["User-Agent"] == "curl/8.0"
    assert event["headers"]["X-Forwarded-Proto"] == "https" and event["multiValueHeaders"]["Host"] == [host]
    context = event["requestContext"]
    assert set(context) == REQUEST_CONTEXT_KEYS
    assert set(context["identity"]) == IDENTITY_KEYS
    assert context["identity"]["sourceIp"] == "127.0.0.1" and context["identity"]["userAgent"] == "curl/8.0"
    assert all(context["identity"][key] is None for key in IDENTITY_KEYS - {"sourceIp", "userAgent"})
    assert (context["resourceId"], context["resourcePath"], context["path"]) == (
        resource_id,
        "/{proxy+}",
        "/prod/hello/world",
    )
    assert (context["stage"], context["apiId"], context["accountId"]) == ("prod", api.id, "123456789012")
    assert (context["domainName"], context["domainPrefix"], context["protocol"]) == (host, api.id, "HTTP/1.1")
    assert context["requestId"] == answer.headers["x-amzn-RequestId"] and context["deploymentId"] == deployment
    assert isinstance(context["requestTimeEpoch"], int) and context["requestTime"].endswith(" +0000")


def test_proxy_event_nulls_and_stage_variables(
    api: ApiBuilder, events: list[dict[str, Any]], mock: MockApiGateway
) -> None:
    api.method("/", "GET", PROXY)
    api.deploy("dev", variables={"v": "1"})
    mock.invoke(api.id, "dev", "GET", "/")
    (event,) = events
    assert event["queryStringParameters"] is None and event["multiValueQueryStringParameters"] is None
    assert event["pathParameters"] is None and event["body"] is None
    assert event["stageVariables"] == {"v": "1"}


def test_function_name_from_a_stage_variable_and_a_bare_name(api: ApiBuilder, mock: MockApiGateway) -> None:
    mock.register_lambda("orders", lambda event, context: {"statusCode": 202, "body": context.function_name})
    uri = (
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations"
    )
    api.method("/o", "GET", {**PROXY, "uri": uri})
    api.deploy("dev", variables={"fn": "orders"})
    answer = requests.get(api.url("/o"))
    assert (answer.status_code, answer.text) == (202, "orders")


@pytest.mark.parametrize(
    "output",
    [
        None,
        "text",
        [1],
        {"body": "no status"},
        {"statusCode": "200"},
        {"statusCode": 200, "body": {"not": "a string"}},
        {"statusCode": 200, "cookies": ["a=1"]},
        {"statusCode": 200, "headers": ["x"]},
    ],
)
def test_malformed_proxy_output_is_a_502(api: ApiBuilder, mock: MockApiGateway, output: Any) -> None:
    mock.register_lambda(ARN, lambda event, context: output)
    api.method("/m", "GET", PROXY)
    api.deploy()
    answer = requests.get(api.url("/m"))
    assert (answer.status_code, answer.text) == (502, '{"message":"Internal server error"}')
    assert answer.headers["x-amzn-ErrorType"] == "InternalServerErrorException"


def test_handler_exception_is_a_502(api: ApiBuilder, mock: MockApiGateway) -> None:
    def handler(event: Any, context: Any) -> Any:
        raise ValueError("boom")

    mock.register_lambda(ARN, handler)
    api.method("/m", "GET", PROXY)
    api.deploy()
    answer = mock.invoke(api.id, "dev", "GET", "/m")
    assert (answer.status, answer.json()) == (502, {"message": "Internal server error"})


def test_unregistered_function_is_a_500(api: ApiBuilder, caplog: pytest.LogCaptureFixture) -> None:
    api.method("/m", "GET", PROXY)
    api.deploy()
    with caplog.at_level(logging.WARNING, logger="apigw_mock.invoke"):
        answer = requests.get(api.url("/m"))
    assert (answer.status_code, answer.text) == (500, '{"message":"Internal server error"}')
    assert ARN in caplog.text


def test_multi_value_headers_win_and_base64_bodies(api: ApiBuilder, mock: MockApiGateway, client: Any) -> None:
    import base64

    def handler(event: Any, context: Any) -> Any:
        return {
            "statusCode": 200,
            "headers": {"Set-Cookie": "ignored", "Content-Type": "image/png"},
            "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
            "body": base64.b64encode(b"\x89PNG").decode(),
            "isBase64Encoded": True,
        }

    mock.register_lambda("pets", handler)
    client.update_rest_api(restApiId=api.id, patchOperations=[{"op": "add", "path": "/binaryMediaTypes/image~1png"}])
    api.method("/img", "GET", PROXY)
    api.deploy()
    answer = mock.invoke(api.id, "dev", "GET", "/img", headers={"Accept": "image/png"})
    assert answer.body == b"\x89PNG"
    assert answer.multi_value_headers["Set-Cookie"] == ["a=1", "b=2"]
    as_text = mock.invoke(api.id, "dev", "GET", "/img", headers={"Accept": "application/json"})
    assert as_text.text == base64.b64encode(b"\x89PNG").decode()
    got = requests.get(api.url("/img"), headers={"Accept": "image/png"})
    assert got.content == b"\x89PNG" and got.cookies.get("b") == "2"


def test_binary_request_body_reaches_the_event_base64(
    api: ApiBuilder, client: Any, events: list[dict[str, Any]]
) -> None:
    client.update_rest_api(restApiId=api.id, patchOperations=[{"op": "add", "path": "/binaryMediaTypes/*~1*"}])
    api.method("/up", "POST", PROXY)
    api.deploy()
    requests.post(api.url("/up"), data=b"\x00\x01", headers={"Content-Type": "application/octet-stream"})
    assert (events[0]["body"], events[0]["isBase64Encoded"]) == ("AAE=", True)


# ---- AWS (non-proxy) Lambda ---------------------------------------------------------------------------------


def _custom(api: ApiBuilder, path: str, responses: dict[str, dict[str, Any]], **integration: Any) -> None:
    api.method(path, "POST", {"type": "AWS", "integrationHttpMethod": "POST", "uri": URI, **integration}, responses)


def test_non_proxy_lambda_selects_by_error_message(api: ApiBuilder, mock: MockApiGateway) -> None:
    def handler(event: Any, context: Any) -> Any:
        if event.get("fail"):
            raise RuntimeError(f"Not found: {event['fail']}")
        return {"echo": event}

    mock.register_lambda(ARN, handler)
    _custom(
        api,
        "/c",
        {
            "200": {"selectionPattern": ""},
            "404": {
                "selectionPattern": "Not found.*",
                "responseTemplates": {"application/json": '{"error": "$input.path(\'$.errorMessage\')"}'},
                "responseParameters": {"method.response.header.X-Type": "integration.response.body.errorType"},
            },
        },
    )
    api.deploy()
    ok = requests.post(api.url("/c"), json={"a": 1})
    assert (ok.status_code, ok.json()) == (200, {"echo": {"a": 1}})
    failed = requests.post(api.url("/c"), json={"fail": "cat"})
    assert (failed.status_code, failed.json(), failed.headers["X-Type"]) == (
        404,
        {"error": "Not found: cat"},
        "RuntimeError",
    )


def test_unmapped_lambda_error_reaches_the_client_as_the_default_response(
    api: ApiBuilder, mock: MockApiGateway
) -> None:
    def handler(event: Any, context: Any) -> Any:
        raise KeyError("x")

    mock.register_lambda(ARN, handler)
    _custom(api, "/c", {"200": {"selectionPattern": ""}})
    api.deploy()
    answer = requests.post(api.url("/c"), json={})
    body = answer.json()
    assert answer.status_code == 200
    assert (body["errorMessage"], body["errorType"]) == ("'x'", "KeyError")
    assert isinstance(body["stackTrace"], list) and "in handler" in body["stackTrace"][-1]


# the AWS documentation's mapping-template examples (DG:api-gateway-mapping-template-reference, DG:models-mappings)
PETS = [{"id": 1, "type": "dog", "price": 249.99}, {"id": 2, "type": "cat", "price": 124.99}, {"id": 3, "type": "fish"}]
DOCUMENTED = [
    ("$input.path('$.pets').size()", "3"),
    ("$input.json('$.pets[0].type')", '"dog"'),
    ("$input.path('$.pets[1].id')", "2"),
    (
        "#set($inputRoot = $input.path('$'))\n[\n#foreach($elem in $inputRoot.pets)\n"
        '  {"description": "Item $elem.id is a $elem.type."}#if($foreach.hasNext),#end\n\n#end\n]',
        [{"description": f"Item {n} is a {kind}."} for n, kind in ((1, "dog"), (2, "cat"), (3, "fish"))],
    ),
    ('{"name": "$input.params(\'name\')"}', '{"name": "me"}'),
    ('$util.escapeJavaScript("it\'s").replaceAll("\\\\\'","\'")', "it's"),
    ("$util.urlEncode('a b&c')", "a+b%26c"),
    ("$util.base64Encode('hello')", "aGVsbG8="),
]


@pytest.mark.parametrize(("template", "expected"), DOCUMENTED)
def test_documented_response_templates_over_an_echo_function(
    api: ApiBuilder, mock: MockApiGateway, template: str, expected: Any
) -> None:
    """Exact text where the documentation shows it; JSON equality where its whitespace is layout only."""
    mock.register_lambda(ARN, lambda event, context: event)
    _custom(api, "/pets", {"200": {"selectionPattern": "", "responseTemplates": {"application/json": template}}})
    api.deploy()
    answer = requests.post(api.url("/pets?name=me"), json={"pets": PETS})
    assert answer.status_code == 200
    assert (answer.text if isinstance(expected, str) else answer.json()) == expected


def test_request_template_shapes_the_lambda_payload(api: ApiBuilder, mock: MockApiGateway) -> None:
    seen: list[Any] = []
    mock.register_lambda(ARN, lambda event, context: seen.append(event) or {"done": True})
    template = (
        '{"id": "$input.params(\'id\')", "stage": "$context.stage", "body": $input.json(\'$\'), '
        '"var": "$stageVariables.v", "method": "$context.httpMethod"}'
    )
    _custom(api, "/r", {"200": {"selectionPattern": ""}}, requestTemplates={"application/json": template})
    api.deploy("dev", variables={"v": "x"})
    answer = requests.post(api.url("/r?id=7"), json={"n": 1})
    assert answer.json() == {"done": True}
    assert seen == [{"id": "7", "stage": "dev", "body": {"n": 1}, "var": "x", "method": "POST"}]

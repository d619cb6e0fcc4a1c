"""MOCK integrations end to end: called with `requests` (answered in process) and with the direct call (spec §8.1,
§10, §12, §13, §2, §9)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from apigw_mock import MockApiGateway
from tests.invoke.builder import ApiBuilder

CORS_HEADERS = {
    "method.response.header.Access-Control-Allow-Origin": "'*'",
    "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'",
    "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key'",
}


def test_mock_answers_through_requests_and_the_direct_call(api: ApiBuilder, mock: MockApiGateway) -> None:
    api.mock("/pets", template='{"stage": "$context.stage", "q": "$input.params(\'q\')"}')
    api.deploy()
    answer = requests.get(api.url("/pets?q=cats"))
    assert (answer.status_code, answer.json()) == (200, {"stage": "dev", "q": "cats"})
    assert answer.headers["Content-Type"] == "application/json"
    assert len(answer.headers["x-amzn-RequestId"]) == 36 and answer.headers["x-amz-apigw-id"].endswith("=")
    direct = mock.invoke(api.id, "dev", "GET", "/pets?q=dogs")
    assert (direct.status, direct.json(), direct.headers["Content-Type"]) == (
        200,
        {"q": "dogs", "stage": "dev"},
        "application/json",
    )


def test_status_code_of_the_request_template_selects_the_integration_response(api: ApiBuilder) -> None:
    api.method(
        "/items",
        "POST",
        {"type": "MOCK", "requestTemplates": {"application/json": "{\"statusCode\": $input.json('$.code')}"}},
        {
            "200": {"selectionPattern": "", "responseTemplates": {"application/json": '{"ok": true}'}},
            "404": {"selectionPattern": "4\\d{2}", "responseTemplates": {"application/json": '{"missing": true}'}},
            "500": {"selectionPattern": "5\\d{2}", "responseTemplates": {"application/json": '{"broken": true}'}},
        },
    )
    api.deploy()
    answers = {code: requests.post(api.url("/items"), json={"code": code}) for code in (200, 404, 503)}
    assert {code: (a.status_code, a.json()) for code, a in answers.items()} == {
        200: (200, {"ok": True}),
        404: (404, {"missing": True}),
        503: (500, {"broken": True}),
    }


def test_no_matching_response_and_no_default_is_a_500(api: ApiBuilder) -> None:
    api.method(
        "/x",
        "GET",
        {"type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}},
        {"400": {"selectionPattern": "4\\d{2}"}},
    )
    api.deploy()
    answer = requests.get(api.url("/x"))
    assert (answer.status_code, answer.text) == (500, '{"message":"Internal server error"}')
    assert answer.headers["x-amzn-ErrorType"] == "InternalServerErrorException"


def test_cors_preflight_is_answered_as_configured_and_nothing_is_added(api: ApiBuilder) -> None:
    api.mock("/pets", "OPTIONS", template="{}", responseParameters=CORS_HEADERS)
    api.mock(
        "/pets",
        "GET",
        template='[{"id": 1}]',
        responseParameters={"method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'"},
    )
    api.deploy()
    preflight = requests.options(api.url("/pets"), headers={"Origin": "https://app.example.com"})
    assert preflight.status_code == 200 and preflight.text == "{}"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET,OPTIONS"
    assert preflight.headers["Access-Control-Allow-Headers"] == "Content-Type,X-Amz-Date,Authorization,X-Api-Key"
    got = requests.get(api.url("/pets"))
    assert got.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "Access-Control-Allow-Methods" not in got.headers
    missing = requests.options(api.url("/pets/1"))  # no OPTIONS method there: no automatic preflight
    assert (missing.status_code, "Access-Control-Allow-Origin" in missing.headers) == (403, False)


@pytest.mark.parametrize(
    ("verb", "path"), [("GET", "/cats"), ("POST", "/pets"), ("HEAD", "/pets"), ("GET", "/pets/1/x"), ("GET", "//pets")]
)
def test_unknown_resource_or_method_is_missing_authentication_token(api: ApiBuilder, verb: str, path: str) -> None:
    api.mock("/pets")
    api.mock("/pets/{id}")
    api.deploy()
    answer = requests.request(verb, api.url(path))
    assert answer.status_code == 403
    assert answer.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
    if verb != "HEAD":
        assert answer.text == '{"message":"Missing Authentication Token"}'


def test_unknown_stage_and_unknown_api(api: ApiBuilder, mock: MockApiGateway) -> None:
    api.mock("/pets")
    api.deploy()
    stage = mock.invoke(api.id, "prod", "GET", "/pets")
    assert (stage.status, stage.text) == (403, '{"message":"Missing Authentication Token"}')
    unknown = requests.get("https://nosuchapi1.execute-api.us-east-1.amazonaws.com/dev/pets")
    assert (unknown.status_code, unknown.text) == (403, '{"message":"Forbidden"}')
    assert unknown.headers["x-amzn-ErrorType"] == "ForbiddenException"
    no_stage = requests.get(f"https://{api.id}.execute-api.us-east-1.amazonaws.com/")
    assert no_stage.status_code == 403


def test_routing_params_proxy_any_and_trailing_slash(api: ApiBuilder) -> None:
    api.mock("/pets/{petId}", template='{"pet": "$input.params(\'petId\')", "path": "$context.resourcePath"}')
    api.mock("/pets/mine", template='{"mine": true}')
    api.method(
        "/{proxy+}",
        "ANY",
        {"type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}},
        {
            "200": {
                "responseTemplates": {
                    "application/json": '{"proxy": "$input.params(\'proxy\')", "verb": "$context.httpMethod"}'
                }
            }
        },
    )
    api.deploy()
    assert requests.get(api.url("/pets/a%20b")).json() == {"pet": "a b", "path": "/pets/{petId}"}
    assert requests.get(api.url("/pets/mine/")).json() == {"mine": True}
    assert requests.delete(api.url("/hello/world")).json() == {"proxy": "hello/world", "verb": "DELETE"}


def test_a_stage_serves_its_deployment_not_the_live_api(api: ApiBuilder, client: Any) -> None:
    api.mock("/v", template='{"v": 1}')
    api.deploy("dev")
    resource = api.resources["/v"]
    client.put_integration_response(
        restApiId=api.id,
        resourceId=resource,
        httpMethod="GET",
        statusCode="200",
        responseTemplates={"application/json": '{"v": 2}'},
    )
    assert requests.get(api.url("/v")).json() == {"v": 1}
    api.deploy("dev")
    assert requests.get(api.url("/v")).json() == {"v": 2}


def test_stage_variables_are_live_and_reach_templates(api: ApiBuilder, client: Any) -> None:
    api.mock("/v", template='{"color": "$stageVariables.color", "other": "$stageVariables[\'other\']"}')
    api.deploy("dev", variables={"color": "blue", "other": "x"})
    assert requests.get(api.url("/v")).json() == {"color": "blue", "other": "x"}
    client.update_stage(
        restApiId=api.id,
        stageName="dev",
        patchOperations=[{"op": "replace", "path": "/variables/color", "value": "red"}],
    )
    assert requests.get(api.url("/v")).json()["color"] == "red"


def test_canary_serves_its_share_with_overrides(api: ApiBuilder, client: Any, mock: MockApiGateway) -> None:
    api.mock("/v", template='{"v": 1, "sv": "$stageVariables.sv", "canary": "$context.isCanaryRequest"}')
    api.deploy("prod", variables={"sv": "prod"})
    client.put_integration_response(
        restApiId=api.id,
        resourceId=api.resources["/v"],
        httpMethod="GET",
        statusCode="200",
        responseTemplates={
            "application/json": '{"v": 2, "sv": "$stageVariables.sv", "canary": "$context.isCanaryRequest"}'
        },
    )
    client.create_deployment(
        restApiId=api.id,
        stageName="prod",
        canarySettings={"percentTraffic": 30.0, "stageVariableOverrides": {"sv": "canary"}},
    )
    mock.seed_canary(7)
    seen = [mock.invoke(api.id, "prod", "GET", "/v").json() for _ in range(200)]
    canary = [answer for answer in seen if answer["v"] == 2]
    assert 30 <= len(canary) <= 90
    assert all(answer == {"v": 2, "sv": "canary", "canary": "true"} for answer in canary)
    assert all(answer == {"v": 1, "sv": "prod", "canary": "false"} for answer in seen if answer["v"] == 1)
    mock.seed_canary(7)
    assert [mock.invoke(api.id, "prod", "GET", "/v").json() for _ in range(200)] == seen


def test_gateway_responses_are_customised_per_deployment(api: ApiBuilder, client: Any) -> None:
    api.mock("/pets")
    client.put_gateway_response(
        restApiId=api.id,
        responseType="MISSING_AUTHENTICATION_TOKEN",
        statusCode="404",
        responseParameters={"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"},
        responseTemplates={
            "application/json": '{"error": $context.error.messageString, "type": "$context.error.responseType"}'
        },
    )
    client.put_gateway_response(
        restApiId=api.id, responseType="DEFAULT_5XX", responseParameters={"gatewayresponse.header.X-Five": "'yes'"}
    )
    api.deploy()
    answer = requests.get(api.url("/nothing"))
    assert answer.status_code == 404
    assert answer.json() == {"error": "Missing Authentication Token", "type": "MISSING_AUTHENTICATION_TOKEN"}
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert answer.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"


def test_passthrough_never_refuses_with_415(api: ApiBuilder) -> None:
    api.method(
        "/strict",
        "POST",
        {
            "type": "MOCK",
            "passthroughBehavior": "NEVER",
            "requestTemplates": {"application/json": '{"statusCode": 200}'},
        },
        {"200": {"responseTemplates": {"application/json": '{"ok": true}'}}},
    )
    api.deploy()
    assert requests.post(api.url("/strict"), json={}).status_code == 200
    refused = requests.post(api.url("/strict"), data="a=1", headers={"Content-Type": "text/plain"})
    assert (refused.status_code, refused.text) == (415, '{"message":"Unsupported Media Type"}')
    assert refused.headers["x-amzn-ErrorType"] == "UnsupportedMediaTypeException"


def test_request_override_and_context_in_a_mapped_header(api: ApiBuilder) -> None:
    api.mock(
        "/h",
        template='{"id": "$context.requestId", "ip": "$context.identity.sourceIp", "path": "$context.path"}',
        responseParameters={
            "method.response.header.X-Stage": "context.stage",
        },
    )
    api.deploy()
    answer = requests.get(api.url("/h?q=1"))
    body = answer.json()
    assert body["id"] == answer.headers["x-amzn-RequestId"]
    assert (body["ip"], body["path"]) == ("127.0.0.1", "/dev/h")
    assert answer.headers["X-Stage"] == "dev"

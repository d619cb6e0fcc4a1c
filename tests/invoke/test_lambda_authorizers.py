"""CUSTOM methods at invoke time: TOKEN and REQUEST Lambda authorizers (spec §7.1-§7.7, §12.1), through `requests`
and `apigw.invoke` as a user calls a stage: the events the function receives, the outcomes with AWS's bodies and
`x-amzn-ErrorType` headers, and what the backend sees. Texts marked [UNK] are the spec's recommended choices (§16.4:
the implicit-deny text; §7.7: JWT authorizers answer 500)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests

import apigw_mock
from apigw_mock import MockApiGateway
from apigw_mock.server import running_server
from apigw_mock.state import STATE
from tests.invoke.authorizers import (
    BACKEND,
    CONTEXT,
    FUNCTION,
    PROXY,
    URI,
    Authorizer,
    protected_mock,
    token_authorizer,
)
from tests.invoke.builder import ApiBuilder

EXECUTE = "arn:aws:execute-api:us-east-1:123456789012"
UNAUTHORIZED = (401, {"message": "Unauthorized"}, "UnauthorizedException")
EXPLICIT_DENY = (
    403,
    {"message": "User is not authorized to access this resource with an explicit deny"},
    "AccessDeniedException",
)
IMPLICIT_DENY = (403, {"message": "User is not authorized to access this resource"}, "AccessDeniedException")  # [UNK]
CONFIGURATION = (500, {"message": None}, "AuthorizerConfigurationException")


def outcome(answer: requests.Response) -> tuple[int, Any, str | None]:
    return answer.status_code, answer.json(), answer.headers.get("x-amzn-ErrorType")


@pytest.fixture
def token_api(api: ApiBuilder, auth: Authorizer) -> ApiBuilder:
    """GET /pets/{id} behind a TOKEN authorizer (no caching), deployed to `dev`."""
    protected_mock(api, "/pets/{id}", token_authorizer(api, authorizerResultTtlInSeconds=0))
    api.deploy()
    return api


def test_an_allowed_token_reaches_the_integration_with_the_principal_and_context_as_text(
    token_api: ApiBuilder, auth: Authorizer
) -> None:
    answer = requests.get(token_api.url("/pets/1"), headers={"Auth": "good"})
    assert (answer.status_code, answer.json()) == (200, {"p": "user-1", "tier": "gold", "n": "1", "ok": "true"})
    assert auth.events == [
        {"type": "TOKEN", "authorizationToken": "good", "methodArn": f"{EXECUTE}:{token_api.id}/dev/GET/pets/1"}
    ]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param({}, UNAUTHORIZED, id="no token: the function is not called"),
        pytest.param({"Auth": ""}, UNAUTHORIZED, id="an empty token: the function is not called"),
        pytest.param({"Auth": "nope"}, UNAUTHORIZED, id="the function raises Unauthorized"),
        pytest.param({"Auth": "deny"}, EXPLICIT_DENY, id="an explicit deny"),
        pytest.param({"Auth": "elsewhere"}, IMPLICIT_DENY, id="no statement matches: the implicit deny"),
        pytest.param({"Auth": "boom"}, CONFIGURATION, id="the function fails otherwise"),
    ],
)
def test_the_outcomes_are_aws_gateway_responses(
    token_api: ApiBuilder, auth: Authorizer, headers: dict[str, str], expected: tuple[int, Any, str]
) -> None:
    answer = requests.get(token_api.url("/pets/1"), headers=headers)
    assert outcome(answer) == expected
    assert len(auth.events) == (0 if not headers.get("Auth") else 1)
    assert answer.headers["x-amzn-RequestId"] and answer.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(None, id="null"),
        pytest.param({"statusCode": 200, "body": "ok"}, id="an HTTP-style object"),
        pytest.param({"principalId": "u"}, id="no policyDocument"),
        pytest.param({"policyDocument": {"Statement": []}}, id="no principalId"),
        pytest.param({"principalId": "u", "policyDocument": "Allow"}, id="the policy is not an object"),
        pytest.param(
            {"principalId": "u", "policyDocument": {"Statement": {"Effect": "Maybe", "Action": "*", "Resource": "*"}}},
            id="an unknown effect",
        ),
        pytest.param(
            {"principalId": "u", "policyDocument": {"Statement": [{"Effect": "Allow", "Resource": "*"}]}},
            id="a statement without an action",
        ),
        pytest.param(
            {
                "principalId": "u",
                "policyDocument": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}},
                "context": {"nested": {"a": 1}},
            },
            id="an object context value [UNK §7.3]",
        ),
        pytest.param(
            {
                "principalId": "u",
                "policyDocument": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}},
                "context": {"list": [1]},
            },
            id="an array context value [UNK §7.3]",
        ),
    ],
)
def test_a_malformed_answer_is_an_authorizer_configuration_error(
    token_api: ApiBuilder, auth: Authorizer, answer: Any
) -> None:
    auth.answers["odd"] = answer
    assert outcome(requests.get(token_api.url("/pets/1"), headers={"Auth": "odd"})) == CONFIGURATION


def test_a_statement_object_and_action_and_resource_lists_are_policies(token_api: ApiBuilder, auth: Authorizer) -> None:
    statement = {"Effect": "Allow", "Action": ["execute-api:Invoke"], "Resource": ["arn:x", f"{EXECUTE}:*/GET/*"]}
    auth.answers["lists"] = {"principalId": 7, "policyDocument": {"Statement": statement}}
    answer = requests.get(token_api.url("/pets/1"), headers={"Auth": "lists"})
    assert (answer.status_code, answer.json()["p"], answer.json()["tier"]) == (200, "7", "")


def test_an_unregistered_function_is_a_500_with_a_warning(
    api: ApiBuilder, mock: MockApiGateway, caplog: pytest.LogCaptureFixture
) -> None:
    protected_mock(api, "/", token_authorizer(api))
    api.deploy()
    with caplog.at_level(logging.WARNING, logger="apigw_mock.invoke"):
        answer = requests.get(api.url("/"), headers={"Auth": "x"})
    assert outcome(answer) == CONFIGURATION
    assert "no Lambda registered for " + URI.split("functions/")[1].removesuffix("/invocations") in caplog.text


def test_the_method_arn_has_the_requests_verb_and_path_root_with_a_trailing_slash(
    api: ApiBuilder, auth: Authorizer
) -> None:
    authorizer = token_authorizer(api, authorizerResultTtlInSeconds=0)
    protected_mock(api, "/", authorizer)
    protected_mock(api, "/{proxy+}", authorizer, verb="ANY")
    api.deploy("prod")
    requests.get(api.url("/", "prod"), headers={"Auth": "a"})
    requests.post(api.url("/a/b%20c", "prod"), headers={"Auth": "a"})
    assert [event["methodArn"] for event in auth.events] == [
        f"{EXECUTE}:{api.id}/prod/GET/",
        f"{EXECUTE}:{api.id}/prod/POST/a/b%20c",
    ]


@pytest.mark.parametrize(
    ("token", "status"),
    [("Bearer abc", 200), ("Bearer ABC", 401), ("xBearer abc", 401), ("Bearer abc ", 401)],
)
def test_the_validation_expression_must_match_the_whole_token(
    api: ApiBuilder, auth: Authorizer, token: str, status: int
) -> None:
    protected_mock(api, "/", token_authorizer(api, identityValidationExpression="Bearer [a-z]+"))
    api.deploy()
    assert requests.get(api.url("/"), headers={"Auth": token}).status_code == status
    assert len(auth.events) == (status == 200)


def test_the_proxy_event_keeps_the_context_types(api: ApiBuilder, auth: Authorizer, mock: MockApiGateway) -> None:
    seen: list[dict[str, Any]] = []
    mock.register_lambda(BACKEND, lambda event, context: seen.append(event) or {"statusCode": 204})
    resource_id = api.resource("/fn")
    api.client.put_method(
        restApiId=api.id,
        resourceId=resource_id,
        httpMethod="GET",
        authorizationType="CUSTOM",
        authorizerId=token_authorizer(api),
    )
    api.client.put_integration(restApiId=api.id, resourceId=resource_id, httpMethod="GET", **PROXY)
    api.deploy()
    assert requests.get(api.url("/fn"), headers={"Auth": "t"}).status_code == 204
    (event,) = seen
    assert event["requestContext"]["authorizer"] == {"principalId": "user-1", **CONTEXT, "integrationLatency": 0}


def test_the_usage_identifier_key_is_the_api_key_when_the_source_is_authorizer(
    api: ApiBuilder, auth: Authorizer
) -> None:
    api.client.update_rest_api(
        restApiId=api.id, patchOperations=[{"op": "replace", "path": "/apiKeySource", "value": "AUTHORIZER"}]
    )
    resource_id = protected_mock(api, "/", token_authorizer(api), template='{"key": "$context.identity.apiKey"}')
    api.client.update_method(
        restApiId=api.id,
        resourceId=resource_id,
        httpMethod="GET",
        patchOperations=[{"op": "replace", "path": "/apiKeyRequired", "value": "true"}],
    )
    api.deploy()
    plan = api.client.create_usage_plan(name="p", apiStages=[{"apiId": api.id, "stage": "dev"}])
    key = api.client.create_api_key(name="k", value="key-of-member-0123456789", enabled=True)
    api.client.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    member = requests.get(api.url("/"), headers={"Auth": "member-0123456789"})
    assert (member.status_code, member.json()) == (200, {"key": "key-of-member-0123456789"})
    stranger = requests.get(api.url("/"), headers={"Auth": "stranger"})  # its usageIdentifierKey is in no plan
    assert (stranger.status_code, stranger.json()) == (403, {"message": "Forbidden"})


def test_a_customised_unauthorized_response_is_used(token_api: ApiBuilder, auth: Authorizer) -> None:
    token_api.client.put_gateway_response(
        restApiId=token_api.id,
        responseType="UNAUTHORIZED",
        responseParameters={"gatewayresponse.header.WWW-Authenticate": "'Bearer'"},
        responseTemplates={"application/json": '{"error": $context.error.messageString}'},
    )
    token_api.deploy()
    answer = requests.get(token_api.url("/pets/1"))
    assert (answer.status_code, answer.json(), answer.headers["WWW-Authenticate"]) == (
        401,
        {"error": "Unauthorized"},
        "Bearer",
    )


def test_a_denied_requests_gateway_response_sees_the_authorizers_context(
    token_api: ApiBuilder, auth: Authorizer
) -> None:
    auth.answers["why"] = {
        "principalId": "u-9",
        "policyDocument": {"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}},
        "context": {"reason": "suspended"},
    }
    token_api.client.put_gateway_response(
        restApiId=token_api.id,
        responseType="ACCESS_DENIED",
        responseTemplates={
            "application/json": '{"why": "$context.authorizer.reason", "who": "$context.authorizer.principalId"}'
        },
    )
    token_api.deploy()
    answer = requests.get(token_api.url("/pets/1"), headers={"Auth": "why"})
    assert (answer.status_code, answer.json()) == (403, {"why": "suspended", "who": "u-9"})


def test_a_jwt_authorizer_behind_a_custom_method_is_a_500(api: ApiBuilder, mock: MockApiGateway) -> None:
    """[UNK §7.7]: the control plane cannot create one; a deployment holding one answers 500."""
    authorizer_id = token_authorizer(api)
    protected_mock(api, "/", authorizer_id)
    graph = mock.backend().graph(api.id)
    graph.authorizers[authorizer_id] = graph.authorizers[authorizer_id].model_copy(update={"type": "JWT"})
    api.deploy()
    assert outcome(requests.get(api.url("/"), headers={"Auth": "x"})) == CONFIGURATION


# ---- REQUEST authorizers ------------------------------------------------------------------------------------------

SOURCES = "method.request.header.Auth, method.request.querystring.q, stageVariables.v, context.httpMethod"


@pytest.fixture
def request_api(api: ApiBuilder, auth: Authorizer) -> ApiBuilder:
    created = api.client.create_authorizer(
        restApiId=api.id,
        name="request",
        type="REQUEST",
        authorizerUri=URI,
        identitySource=SOURCES,
        authorizerResultTtlInSeconds=0,
    )
    protected_mock(api, "/pets/{id}", created["id"])
    api.deploy(variables={"v": "one"})
    return api


def test_the_request_event_carries_the_request_without_body_or_authorizer(
    request_api: ApiBuilder, auth: Authorizer
) -> None:
    answer = requests.post(request_api.url("/pets/1?q=a&q=b"), headers={"Auth": "t", "X-Two": "2"}, data="ignored")
    assert answer.status_code == 403  # no POST method: the authorizer is not asked
    answer = requests.get(request_api.url("/pets/1?q=a&q=b"), headers={"Auth": "t", "X-Two": "2"})
    assert answer.status_code == 200
    (event,) = auth.events
    assert list(event) == [
        "type", "methodArn", "resource", "path", "httpMethod", "headers", "multiValueHeaders",
        "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
        "requestContext",
    ]  # fmt: skip
    assert (event["type"], event["methodArn"]) == ("REQUEST", f"{EXECUTE}:{request_api.id}/dev/GET/pets/1")
    assert (event["resource"], event["path"], event["httpMethod"]) == ("/pets/{id}", "/pets/1", "GET")
    assert event["headers"]["Auth"] == "t" and event["multiValueHeaders"]["X-Two"] == ["2"]
    assert event["queryStringParameters"] == {"q": "b"}
    assert event["multiValueQueryStringParameters"] == {"q": ["a", "b"]}
    assert (event["pathParameters"], event["stageVariables"]) == ({"id": "1"}, {"v": "one"})
    context = event["requestContext"]
    assert "authorizer" not in context and (context["stage"], context["resourcePath"]) == ("dev", "/pets/{id}")


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        pytest.param("/pets/1?q=a", {}, id="no header"),
        pytest.param("/pets/1", {"Auth": "t"}, id="no query string"),
        pytest.param("/pets/1?q=", {"Auth": "t"}, id="an empty query string"),
    ],
)
def test_a_missing_request_identity_source_is_401_without_a_call(
    request_api: ApiBuilder, auth: Authorizer, path: str, headers: dict[str, str]
) -> None:
    assert outcome(requests.get(request_api.url(path), headers=headers)) == UNAUTHORIZED
    assert auth.events == []


def test_a_missing_stage_variable_source_is_401(request_api: ApiBuilder, auth: Authorizer) -> None:
    request_api.client.create_stage(
        restApiId=request_api.id, stageName="bare", deploymentId=request_api.deploy("dev", variables={"v": "x"})
    )
    assert outcome(requests.get(request_api.url("/pets/1?q=a", "bare"), headers={"Auth": "t"})) == UNAUTHORIZED


def test_a_request_authorizer_without_sources_and_caching_is_always_called(api: ApiBuilder, auth: Authorizer) -> None:
    created = api.client.create_authorizer(
        restApiId=api.id, name="open", type="REQUEST", authorizerUri=URI, authorizerResultTtlInSeconds=0
    )
    protected_mock(api, "/", created["id"])
    api.deploy()
    assert [requests.get(api.url("/")).status_code for _ in range(2)] == [200, 200]
    assert len(auth.events) == 2 and auth.events[0]["pathParameters"] == {}


# ---- server mode ------------------------------------------------------------------------------------------------


@pytest.fixture
def server_api() -> Iterator[tuple[str, ApiBuilder, Authorizer]]:
    function = Authorizer()
    with running_server() as url:
        apigw_mock.register_lambda(FUNCTION, function)
        client = boto3.client(
            "apigateway", endpoint_url=url, region_name="us-east-1", aws_access_key_id="AK", aws_secret_access_key="x"
        )
        api = ApiBuilder(client)
        protected_mock(api, "/pets", token_authorizer(api))
        api.deploy()
        yield url, api, function
    STATE.lambdas.clear()


def test_server_mode_answers_the_authorizers_outcomes_over_http(server_api: tuple[str, ApiBuilder, Authorizer]) -> None:
    url, api, function = server_api
    stage = f"{url}/restapis/{api.id}/dev/_user_request_/pets"
    assert outcome(requests.get(stage)) == UNAUTHORIZED
    assert outcome(requests.get(stage, headers={"Auth": "deny"})) == EXPLICIT_DENY
    allowed = requests.get(stage, headers={"Auth": "good"})
    assert (allowed.status_code, json.loads(allowed.text)["p"]) == (200, "user-1")
    assert [event["authorizationToken"] for event in function.events] == ["deny", "good"]

"""API keys at invoke time (spec §6.1, §9.4, §12.1): `apiKeyRequired` methods, the key from `x-api-key` or from
a Lambda authorizer's `usageIdentifierKey`, enabled, in a usage plan of this API stage; else 403 Forbidden."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace
from typing import Any

import pytest
import requests

from apigw_mock import MockApiGateway
from apigw_mock.domain.stage import Serving
from apigw_mock.invoke import engine, errors
from apigw_mock.invoke.call import Ids
from apigw_mock.invoke.guards import api_keys
from apigw_mock.invoke.ports import ExecuteRequest, Target
from apigw_mock.transport.execute_api import PORTS
from tests.invoke.builder import ApiBuilder, server_client

KEY = "k" * 30
IDENTITY = '{"key": "$context.identity.apiKey", "id": "$context.identity.apiKeyId"}'
FORBIDDEN = {"message": "Forbidden"}


def keyed_api(client: Any, api: ApiBuilder, *, enabled: bool = True, stage: str = "dev") -> dict[str, str]:
    """GET /pets (key required) and GET /open on `api`, deployed to dev and prod; a key in a plan for `stage`."""
    api.mock("/pets", template=IDENTITY)
    client.update_method(
        restApiId=api.id,
        resourceId=api.resources["/pets"],
        httpMethod="GET",
        patchOperations=[{"op": "replace", "path": "/apiKeyRequired", "value": "true"}],
    )
    api.mock("/open", template=IDENTITY)
    api.deploy("dev")
    api.deploy("prod")
    key = client.create_api_key(name="k", value=KEY, enabled=enabled)
    plan = client.create_usage_plan(name="p", apiStages=[{"apiId": api.id, "stage": stage}])
    client.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    return {"key": key["id"], "plan": plan["id"]}


def test_a_valid_key_passes_and_context_identity_shows_it(client: Any, api: ApiBuilder) -> None:
    ids = keyed_api(client, api)
    answer = requests.get(api.url("/pets"), headers={"x-api-key": KEY})
    assert answer.status_code == 200
    assert answer.json() == {"key": KEY, "id": ids["key"]}


def test_the_header_name_is_case_insensitive(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    keyed_api(client, api)
    assert mock.invoke(api.id, "dev", "GET", "/pets", headers={"X-API-Key": KEY}).status == 200
    assert mock.invoke(api.id, "dev", "GET", "/pets", headers={"X-API-KEY": KEY}).status == 200


def test_methods_without_api_key_required_leave_identity_null(client: Any, api: ApiBuilder) -> None:
    keyed_api(client, api)
    answer = requests.get(api.url("/open"), headers={"x-api-key": KEY})
    assert answer.status_code == 200
    assert answer.json() == {"key": "", "id": ""}  # null renders empty in a template


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-api-key": ""}, {"x-api-key": "unknown-value-of-thirty-chars-x"}, {"x-api-key": KEY[:-1]}],
    ids=["missing", "blank", "unknown", "prefix"],
)
def test_a_missing_or_unknown_key_is_forbidden(client: Any, api: ApiBuilder, headers: dict[str, str]) -> None:
    keyed_api(client, api)
    answer = requests.get(api.url("/pets"), headers=headers)
    assert answer.status_code == 403
    assert answer.json() == FORBIDDEN
    assert answer.headers["x-amzn-ErrorType"] == "ForbiddenException"
    assert answer.headers["Content-Type"] == "application/json"
    assert answer.headers["x-amzn-RequestId"]


def test_a_disabled_key_is_forbidden_until_enabled(client: Any, api: ApiBuilder) -> None:
    ids = keyed_api(client, api, enabled=False)
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 403
    client.update_api_key(apiKey=ids["key"], patchOperations=[{"op": "replace", "path": "/enabled", "value": "true"}])
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 200
    client.update_api_key(apiKey=ids["key"], patchOperations=[{"op": "replace", "path": "/enabled", "value": "false"}])
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 403


def test_a_key_in_a_plan_for_another_stage_is_forbidden(client: Any, api: ApiBuilder) -> None:
    keyed_api(client, api, stage="prod")
    assert requests.get(api.url("/pets", stage="dev"), headers={"x-api-key": KEY}).status_code == 403
    assert requests.get(api.url("/pets", stage="prod"), headers={"x-api-key": KEY}).status_code == 200


def test_a_key_in_no_plan_is_forbidden(client: Any, api: ApiBuilder) -> None:
    ids = keyed_api(client, api)
    client.delete_usage_plan_key(usagePlanId=ids["plan"], keyId=ids["key"])
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 403


def test_live_changes_apply_without_redeploying(client: Any, api: ApiBuilder) -> None:
    """Keys and plans are live state: a stage removed from the plan, or the key deleted, refuses the next call."""
    ids = keyed_api(client, api)
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 200
    client.update_usage_plan(
        usagePlanId=ids["plan"], patchOperations=[{"op": "remove", "path": "/apiStages", "value": f"{api.id}:dev"}]
    )
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 403
    client.update_usage_plan(
        usagePlanId=ids["plan"], patchOperations=[{"op": "add", "path": "/apiStages", "value": f"{api.id}:dev"}]
    )
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 200
    client.delete_api_key(apiKey=ids["key"])
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 403
    client.create_api_key(name="again", value=KEY, enabled=True)  # same value, a new key in no plan
    assert requests.get(api.url("/pets"), headers={"x-api-key": KEY}).status_code == 403


def test_a_customised_invalid_api_key_response_applies(client: Any, api: ApiBuilder) -> None:
    keyed_api(client, api)
    client.put_gateway_response(
        restApiId=api.id,
        responseType="INVALID_API_KEY",
        statusCode="401",
        responseTemplates={"application/json": '{"error": "key", "type": "$context.error.responseType"}'},
        responseParameters={"gatewayresponse.header.X-Why": "'no key'"},
    )
    api.deploy("dev")
    answer = requests.get(api.url("/pets"))
    assert answer.status_code == 401
    assert answer.json() == {"error": "key", "type": "INVALID_API_KEY"}
    assert answer.headers["X-Why"] == "no key"
    assert answer.headers["x-amzn-ErrorType"] == "ForbiddenException"


def test_the_lambda_proxy_event_identity_carries_the_key(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    ids = keyed_api(client, api)
    seen: list[dict[str, Any]] = []

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(event["requestContext"]["identity"])
        return {"statusCode": 200, "body": "{}"}

    arn = "arn:aws:lambda:us-east-1:123456789012:function:keyed"
    mock.register_lambda(arn, handler)
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{arn}/invocations"
    integration = {"type": "AWS_PROXY", "integrationHttpMethod": "POST", "uri": uri}
    api.method("/fn", "GET", integration, apiKeyRequired=True)
    api.method("/fn-open", "GET", integration)
    api.deploy("dev")
    assert requests.get(api.url("/fn"), headers={"x-api-key": KEY}).status_code == 200
    assert requests.get(api.url("/fn-open"), headers={"x-api-key": KEY}).status_code == 200
    assert (seen[0]["apiKey"], seen[0]["apiKeyId"]) == (KEY, ids["key"])
    assert (seen[1]["apiKey"], seen[1]["apiKeyId"]) == (None, None)


# ---- apiKeySource AUTHORIZER: the key is the Lambda authorizer's usageIdentifierKey (set by step 5) ----------------


def _routed(api_id: str, request: ExecuteRequest) -> Any:
    """The routed call for `request` on the dev stage, as `engine.handle` builds it before the guards."""
    target = Target(api_id, "dev", "us-east-1", "123456789012")
    found = PORTS.serving(target)
    assert isinstance(found, Serving)
    return engine.route(request, target, found.api, {}, Ids.new(PORTS), None, False, found.stage)


def test_authorizer_source_reads_the_usage_identifier_key(client: Any, api: ApiBuilder) -> None:
    ids = keyed_api(client, api)
    client.update_rest_api(
        restApiId=api.id, patchOperations=[{"op": "replace", "path": "/apiKeySource", "value": "AUTHORIZER"}]
    )
    api.deploy("dev")
    call = _routed(api.id, ExecuteRequest("GET", "/pets", headers=(("x-api-key", KEY),)))
    with pytest.raises(errors.InvalidApiKey):
        api_keys.check(call, PORTS)  # the header is not read any more
    admitted = api_keys.check(replace(call, usage_identifier_key=KEY), PORTS)
    assert admitted.api_key is not None and admitted.api_key.key_id == ids["key"]
    assert admitted.context["identity"]["apiKey"] == KEY
    assert admitted.context["identity"]["apiKeyId"] == ids["key"]
    with pytest.raises(errors.InvalidApiKey):
        api_keys.check(replace(call, usage_identifier_key="not-a-key-value-of-any-key"), PORTS)
    answer = engine.execute(admitted, PORTS)
    assert answer.status == 200 and json.loads(answer.body) == {"key": KEY, "id": ids["key"]}


def test_header_source_ignores_the_usage_identifier_key(client: Any, api: ApiBuilder) -> None:
    keyed_api(client, api)
    call = _routed(api.id, ExecuteRequest("GET", "/pets"))
    with pytest.raises(errors.InvalidApiKey):
        api_keys.check(replace(call, usage_identifier_key=KEY), PORTS)


def test_test_invoke_method_skips_the_key_check(client: Any, api: ApiBuilder) -> None:
    keyed_api(client, api)
    answer = client.test_invoke_method(restApiId=api.id, resourceId=api.resources["/pets"], httpMethod="GET")
    assert answer["status"] == 200
    assert json.loads(answer["body"]) == {"key": "test-invoke-api-key", "id": "test-invoke-api-key-id"}


# ---- server mode: the same engine over loopback HTTP --------------------------------------------------------------


def test_server_mode_checks_keys_counts_usage_and_validates() -> None:
    from apigw_mock.server import running_server
    from apigw_mock.state import STATE

    with running_server() as url:
        STATE.clock.set(datetime.datetime(2026, 5, 4, 10, 0))  # released by the server's stop
        client = server_client(url)
        api = ApiBuilder(client)
        ids = keyed_api(client, api)
        validator = client.create_request_validator(restApiId=api.id, name="v", validateRequestParameters=True)
        client.update_method(
            restApiId=api.id,
            resourceId=api.resources["/pets"],
            httpMethod="GET",
            patchOperations=[
                {"op": "replace", "path": "/requestValidatorId", "value": validator["id"]},
                {"op": "add", "path": "/requestParameters/method.request.querystring.q", "value": "true"},
            ],
        )
        api.deploy("dev")
        pets = f"{url}/restapis/{api.id}/dev/_user_request_/pets"
        refused = requests.get(pets, timeout=10)
        assert refused.status_code == 403 and refused.json() == FORBIDDEN
        assert refused.headers["x-amzn-ErrorType"] == "ForbiddenException"
        invalid = requests.get(pets, headers={"x-api-key": KEY}, timeout=10)
        assert invalid.status_code == 400
        assert invalid.json() == {"message": "Missing required request parameters: [q]"}
        answer = requests.get(pets, params={"q": "1"}, headers={"X-Api-Key": KEY}, timeout=10)
        assert answer.status_code == 200 and answer.json() == {"key": KEY, "id": ids["key"]}
        counted = client.get_usage(usagePlanId=ids["plan"], startDate="2026-05-04", endDate="2026-05-04")["items"]
        assert counted == {ids["key"]: [[2, 0]]}
    assert STATE.clock._fixed is None

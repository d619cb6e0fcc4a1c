"""TestInvokeAuthorizer through boto3: the registered Lambda gets AWS's TOKEN/REQUEST event (spec §7.2) and the
outcome is mapped as spec §7.4 maps it (0 allowed, 401, 403 explicit or implicit deny, 500 for broken output)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from apigw_mock import MockApiGateway
from tests.helpers import raises_aws

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:auth"
URI = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FUNCTION}/invocations"
EXECUTE = "arn:aws:execute-api:us-east-1:123456789012"
SEEN: list[dict[str, Any]] = []


def policy(effect: str, resource: str = "arn:aws:execute-api:*") -> dict[str, Any]:
    statement = {"Action": "execute-api:Invoke", "Effect": effect, "Resource": resource}
    return {"Version": "2012-10-17", "Statement": [statement]}


def handler(event: dict[str, Any], context: Any) -> Any:
    SEEN.append(event)
    token = event.get("authorizationToken") or (event.get("headers") or {}).get("auth")
    if token == "boom":
        raise RuntimeError("broken")
    if token == "nope":
        raise Exception("Unauthorized")
    if token == "garbage":
        return {"statusCode": 200}
    effect = "Deny" if token == "deny" else "Allow"
    return {"principalId": "user-1", "policyDocument": policy(effect), "context": {"tier": "gold", "n": 1}}


@pytest.fixture
def authorizer(mock: MockApiGateway, client: Any, rest_api: dict[str, Any]) -> dict[str, str]:
    SEEN.clear()
    mock.register_lambda("auth", handler)
    created = client.create_authorizer(
        restApiId=rest_api["id"], name="a", type="TOKEN", authorizerUri=URI, identitySource="method.request.header.Auth"
    )
    return {"restApiId": rest_api["id"], "authorizerId": created["id"]}


def test_an_allowing_policy_is_client_status_0_with_the_lambdas_output(client: Any, authorizer: dict[str, str]) -> None:
    reply = client.test_invoke_authorizer(**authorizer, headers={"Auth": "good"}, pathWithQueryString="/pets/1")

    assert reply["clientStatus"] == 0
    assert (reply["principalId"], json.loads(reply["policy"])) == ("user-1", policy("Allow"))
    assert reply["authorization"] == {"tier": ["gold"], "n": ["1"]}
    assert [
        {
            "type": "TOKEN",
            "methodArn": f"{EXECUTE}:{authorizer['restApiId']}/test-invoke-stage/GET/pets/1",
            "authorizationToken": "good",
        }
    ] == SEEN


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        pytest.param({}, 401, id="no identity: the Lambda is not called"),
        pytest.param({"Auth": "nope"}, 401, id="Lambda says Unauthorized"),
        pytest.param({"Auth": "deny"}, 403, id="explicit deny"),
        pytest.param({"Auth": "boom"}, 500, id="Lambda fails otherwise"),
        pytest.param({"Auth": "garbage"}, 500, id="not a policy"),
    ],
)
def test_the_outcomes_map_to_the_client_status(
    client: Any, authorizer: dict[str, str], headers: dict[str, str], status: int
) -> None:
    assert client.test_invoke_authorizer(**authorizer, headers=headers)["clientStatus"] == status
    assert (SEEN == []) is (headers == {})


def test_an_unregistered_lambda_is_a_500(mock: MockApiGateway, client: Any, rest_api: dict[str, Any]) -> None:
    other = URI.replace("function:auth", "function:missing")
    created = client.create_authorizer(
        restApiId=rest_api["id"], name="b", type="TOKEN", authorizerUri=other, identitySource="method.request.header.A"
    )
    reply = client.test_invoke_authorizer(restApiId=rest_api["id"], authorizerId=created["id"], headers={"A": "x"})
    assert reply["clientStatus"] == 500 and "Invalid permissions on Lambda function" in reply["log"]


def test_a_missing_authorizer_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with raises_aws("NotFoundException", "Invalid Authorizer identifier specified"):
        client.test_invoke_authorizer(restApiId=rest_api["id"], authorizerId="nope00")

"""Authorizers through boto3 (spec control-plane-2 §5): Create's defaults and cross-field rules, Get/Get…s, the
UpdateAuthorizer table, DeleteAuthorizer refused while a method uses it, and PutMethod/UpdateMethod naming one.

Texts marked [UNK] are the mock's choice where the spec records none (§18); the tests pin them so they change
only on purpose.
"""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.patch import apply_patch
from tests.helpers import body, put_method, raises_aws

URI = (
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"
)
POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"
HEADER = "method.request.header.Authorization"
INVALID_AUTHORIZER = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a"
    " valid authorizer."
)


def token(client: Any, api_id: str, **extra: Any) -> dict[str, Any]:
    args = {"name": "tok", "type": "TOKEN", "authorizerUri": URI, "identitySource": HEADER, **extra}
    return body(client.create_authorizer(restApiId=api_id, **args))


def cognito(client: Any, api_id: str, **extra: Any) -> dict[str, Any]:
    args = {"name": "pool", "type": "COGNITO_USER_POOLS", "providerARNs": [POOL], "identitySource": HEADER, **extra}
    return body(client.create_authorizer(restApiId=api_id, **args))


# ---- CreateAuthorizer ----------------------------------------------------------------------------------------


def test_create_token_authorizer_answers_201_with_the_defaults(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.create_authorizer(
        restApiId=rest_api["id"], name="tok", type="TOKEN", authorizerUri=URI, identitySource=HEADER
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    created = body(resp)
    assert len(created.pop("id")) == 6
    assert created == {
        "name": "tok",
        "type": "TOKEN",
        "authType": "custom",
        "authorizerUri": URI,
        "identitySource": HEADER,
        "authorizerResultTtlInSeconds": 300,  # [UNK → §18.3]
    }


def test_create_cognito_authorizer_omits_the_ttl(client: Any, rest_api: dict[str, Any]) -> None:
    created = cognito(client, rest_api["id"])

    assert created == {
        "id": created["id"],
        "name": "pool",
        "type": "COGNITO_USER_POOLS",
        "authType": "cognito_user_pools",
        "providerARNs": [POOL],
        "identitySource": HEADER,
    }


def test_create_request_authorizer_keeps_every_given_member(client: Any, rest_api: dict[str, Any]) -> None:
    created = body(
        client.create_authorizer(
            restApiId=rest_api["id"],
            name="req",
            type="REQUEST",
            authType="mine",
            authorizerUri=URI,
            authorizerCredentials="arn:aws:iam::123456789012:role/invoker",
            identitySource="method.request.header.A, method.request.querystring.q, stageVariables.s, context.c",
            authorizerResultTtlInSeconds=0,
        )
    )

    assert created["authType"] == "mine"
    assert created["authorizerCredentials"] == "arn:aws:iam::123456789012:role/invoker"
    assert created["authorizerResultTtlInSeconds"] == 0
    assert body(client.get_authorizer(restApiId=rest_api["id"], authorizerId=created["id"])) == created


def test_request_authorizer_without_caching_needs_no_identity_source(client: Any, rest_api: dict[str, Any]) -> None:
    created = body(
        client.create_authorizer(
            restApiId=rest_api["id"], name="r", type="REQUEST", authorizerUri=URI, authorizerResultTtlInSeconds=0
        )
    )
    assert "identitySource" not in created


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            {"type": "TOKEN", "identitySource": HEADER},
            "Authorizer URI is required for authorizers of type TOKEN",
            id="token-without-uri [UNK]",
        ),
        pytest.param(
            {"type": "REQUEST", "authorizerResultTtlInSeconds": 0},
            "Authorizer URI is required for authorizers of type REQUEST",
            id="request-without-uri [UNK]",
        ),
        pytest.param(
            {"type": "TOKEN", "authorizerUri": "arn:aws:lambda:us-east-1:1:function:f", "identitySource": HEADER},
            "Invalid Authorizer URI: arn:aws:lambda:us-east-1:1:function:f. Authorizer URI should be a valid API"
            " Gateway ARN that represents a Lambda function invocation.",
            id="uri-not-an-apigateway-lambda-arn [UNK]",
        ),
        pytest.param(
            {"type": "TOKEN", "authorizerUri": URI},
            "Identity source is required for authorizers of type TOKEN",
            id="token-without-identity-source [UNK]",
        ),
        pytest.param(
            {"type": "TOKEN", "authorizerUri": URI, "identitySource": "method.request.querystring.t"},
            "Invalid identity source specified: method.request.querystring.t",
            id="token-from-a-query-string [UNK]",
        ),
        pytest.param(
            {"type": "TOKEN", "authorizerUri": URI, "identitySource": f"{HEADER},method.request.header.B"},
            f"Invalid identity source specified: {HEADER},method.request.header.B",
            id="token-from-two-headers [UNK]",
        ),
        pytest.param(
            {"type": "REQUEST", "authorizerUri": URI},
            "Identity source is required for authorizers of type REQUEST",
            id="request-caching-without-identity-source [UNK]",
        ),
        pytest.param(
            {"type": "REQUEST", "authorizerUri": URI, "identitySource": "method.request.body.x"},
            "Invalid identity source specified: method.request.body.x",
            id="request-from-the-body [UNK]",
        ),
        pytest.param(
            {"type": "COGNITO_USER_POOLS", "identitySource": HEADER},
            "Provider ARNs are required for authorizers of type COGNITO_USER_POOLS",
            id="cognito-without-pools [UNK]",
        ),
        pytest.param(
            {"type": "TOKEN", "authorizerUri": URI, "identitySource": HEADER, "authorizerResultTtlInSeconds": 3601},
            "Invalid authorizer result TTL specified. Must be between 0 and 3600 seconds.",
            id="ttl-above-3600 [UNK]",
        ),
        pytest.param(
            {"type": "TOKEN", "authorizerUri": URI, "identitySource": HEADER, "authorizerResultTtlInSeconds": -1},
            "Invalid authorizer result TTL specified. Must be between 0 and 3600 seconds.",
            id="negative-ttl [UNK]",
        ),
    ],
)
def test_create_authorizer_refuses_what_aws_refuses(
    client: Any, rest_api: dict[str, Any], args: dict[str, Any], message: str
) -> None:
    with raises_aws("BadRequestException", message, 400):
        client.create_authorizer(restApiId=rest_api["id"], name="a", **args)
    assert client.get_authorizers(restApiId=rest_api["id"])["items"] == []


def test_an_api_has_at_most_ten_authorizers(client: Any, rest_api: dict[str, Any]) -> None:
    for n in range(10):
        token(client, rest_api["id"], name=f"a{n}")

    message = "The maximum number of authorizers for an API (10) has been reached"
    with raises_aws("BadRequestException", message, 400):  # limit [DOC DG:limits], text [UNK]
        token(client, rest_api["id"], name="eleventh")
    assert len(client.get_authorizers(restApiId=rest_api["id"])["items"]) == 10


def test_create_authorizer_on_a_missing_api_is_a_conflict(client: Any) -> None:
    message = "Unable to complete operation due to concurrent modification. Please try again later."
    with raises_aws("ConflictException", message, 409):
        token(client, "doesnotexi")


def test_unknown_authorizer_type_is_a_validation_error(client: Any, rest_api: dict[str, Any]) -> None:
    with raises_aws("ValidationException"):
        token(client, rest_api["id"], type="JWT")


# ---- Get, Get…s, Delete ----------------------------------------------------------------------------------------


def test_get_authorizers_pages_in_creation_order(client: Any, rest_api: dict[str, Any]) -> None:
    ids = [token(client, rest_api["id"], name=f"a{n}")["id"] for n in range(3)]

    first = client.get_authorizers(restApiId=rest_api["id"], limit=2)
    rest = client.get_authorizers(restApiId=rest_api["id"], position=first["position"])

    assert [a["id"] for a in first["items"]] + [a["id"] for a in rest["items"]] == ids
    assert "position" not in rest


def test_missing_authorizer_and_api(client: Any, rest_api: dict[str, Any]) -> None:
    with raises_aws("NotFoundException", "Invalid Authorizer identifier specified", 404):  # [UNK → §18.1]
        client.get_authorizer(restApiId=rest_api["id"], authorizerId="nope00")
    with raises_aws("NotFoundException", "Invalid Authorizer identifier specified", 404):
        client.delete_authorizer(restApiId=rest_api["id"], authorizerId="nope00")
    with raises_aws("NotFoundException", "Invalid API identifier specified 123456789012:doesnotexi", 404):
        client.get_authorizers(restApiId="doesnotexi")


def test_delete_authorizer_answers_202_and_forgets_it(client: Any, rest_api: dict[str, Any]) -> None:
    created = token(client, rest_api["id"])

    resp = client.delete_authorizer(restApiId=rest_api["id"], authorizerId=created["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_authorizers(restApiId=rest_api["id"])["items"] == []


def test_delete_authorizer_is_refused_while_a_method_uses_it(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    created = token(client, rest_api["id"])
    put_method(client, rest_api["id"], resource["id"], "POST", authorizationType="CUSTOM", authorizerId=created["id"])

    with raises_aws("BadRequestException", "Cannot delete authorizer 'tok', is referenced in method: POST /pets", 400):
        client.delete_authorizer(restApiId=rest_api["id"], authorizerId=created["id"])  # [UNK → §18.11, recalled]

    client.delete_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="POST")
    client.delete_authorizer(restApiId=rest_api["id"], authorizerId=created["id"])


# ---- UpdateAuthorizer --------------------------------------------------------------------------------------------


def test_update_authorizer_replaces_and_answers_what_get_shows(client: Any, rest_api: dict[str, Any]) -> None:
    created = token(client, rest_api["id"])
    other = URI.replace("auth/", "other/")

    updated = body(
        client.update_authorizer(
            restApiId=rest_api["id"],
            authorizerId=created["id"],
            patchOperations=[
                {"op": "replace", "path": "/name", "value": "renamed"},
                {"op": "replace", "path": "/authorizerUri", "value": other},
                {"op": "replace", "path": "/authorizerResultTtlInSeconds", "value": "60"},
                {"op": "replace", "path": "/identityValidationExpression", "value": "^Bearer .+$"},
            ],
        )
    )

    assert updated == {
        **created,
        "name": "renamed",
        "authorizerUri": other,
        "authorizerResultTtlInSeconds": 60,
        "identityValidationExpression": "^Bearer .+$",
    }
    assert body(client.get_authorizer(restApiId=rest_api["id"], authorizerId=created["id"])) == updated


def test_update_authorizer_breaking_a_rule_changes_nothing(client: Any, rest_api: dict[str, Any]) -> None:
    created = cognito(client, rest_api["id"])

    with raises_aws("BadRequestException", "Provider ARNs are required for authorizers of type COGNITO_USER_POOLS"):
        client.update_authorizer(
            restApiId=rest_api["id"],
            authorizerId=created["id"],
            patchOperations=[{"op": "remove", "path": "/providerARNs", "value": POOL}],
        )
    assert body(client.get_authorizer(restApiId=rest_api["id"], authorizerId=created["id"])) == created


# The table as pure engine cases: (ops, expected changes or the error's type and text).
COGNITO = Authorizer(id="a1b2c3", name="pool", type="COGNITO_USER_POOLS", provider_arns=[POOL], identity_source=HEADER)
OTHER_POOL = POOL.replace("abc", "def")
TABLE: dict[str, tuple[list[dict[str, str]], dict[str, Any] | tuple[type[ApiGatewayError], str]]] = {
    "add a pool (Terraform adds before it removes)": (
        [
            {"op": "add", "path": "/providerARNs", "value": OTHER_POOL},
            {"op": "remove", "path": "/providerARNs", "value": POOL},
        ],
        {"providerARNs": [OTHER_POOL]},
    ),
    "replace authType": ([{"op": "replace", "path": "/authType", "value": "x"}], {"authType": "x"}),
    "ttl not a number": (
        [{"op": "replace", "path": "/authorizerResultTtlInSeconds", "value": "soon"}],
        (ApiGatewayError, "Invalid authorizer result TTL specified. Must be between 0 and 3600 seconds."),
    ),
    "ttl above the maximum": (
        [{"op": "replace", "path": "/authorizerResultTtlInSeconds", "value": "3601"}],
        {"authorizerResultTtlInSeconds": 3601},  # the engine parses; check_authorizer refuses (tested above)
    ),
    "unknown type": (
        [{"op": "replace", "path": "/type", "value": "JWT"}],
        (ApiGatewayError, "Invalid authorizer type specified. Valid options are TOKEN,REQUEST,COGNITO_USER_POOLS"),
    ),
    "add on a replace-only path": (
        [{"op": "add", "path": "/name", "value": "x"}],
        (ApiGatewayError, "Invalid patch operation specified. Must be one of: [replace]"),
    ),
    "unknown path": ([{"op": "replace", "path": "/id", "value": "x"}], (ApiGatewayError, "Invalid patch path /id")),
    "replace providerARNs": (
        [{"op": "replace", "path": "/providerARNs", "value": POOL}],
        (ApiGatewayError, "Invalid patch operation specified. Must be one of: [add, remove]"),
    ),
}


@pytest.mark.parametrize(("ops", "expected"), TABLE.values(), ids=TABLE.keys())
def test_update_authorizer_table(ops: list[dict[str, str]], expected: Any) -> None:
    if isinstance(expected, tuple):
        with pytest.raises(expected[0]) as caught:
            apply_patch(COGNITO, ops)
        assert caught.value.message == expected[1]
        return
    assert apply_patch(COGNITO, ops).model_dump(exclude_none=True) == {
        **COGNITO.model_dump(exclude_none=True),
        **expected,
    }


# ---- methods naming an authorizer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("authorization", "make", "fits"),
    [
        pytest.param("CUSTOM", token, True, id="custom-token"),
        pytest.param("COGNITO_USER_POOLS", cognito, True, id="cognito-cognito"),
        pytest.param("CUSTOM", cognito, False, id="custom-cognito [UNK text]"),
        pytest.param("COGNITO_USER_POOLS", token, False, id="cognito-token [UNK text]"),
    ],
)
def test_put_method_checks_the_authorizer_type(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], authorization: str, make: Any, fits: bool
) -> None:
    authorizer = make(client, rest_api["id"])
    if fits:
        method = put_method(
            client, rest_api["id"], resource["id"], authorizationType=authorization, authorizerId=authorizer["id"]
        )
        assert method["authorizerId"] == authorizer["id"]
        return
    with raises_aws("BadRequestException", INVALID_AUTHORIZER, 400):
        put_method(
            client, rest_api["id"], resource["id"], authorizationType=authorization, authorizerId=authorizer["id"]
        )


def test_update_method_switches_to_custom_with_an_authorizer(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    authorizer = token(client, rest_api["id"])
    put_method(client, rest_api["id"], resource["id"])
    ids = {"restApiId": rest_api["id"], "resourceId": resource["id"], "httpMethod": "GET"}

    updated = client.update_method(
        **ids,
        patchOperations=[
            {"op": "replace", "path": "/authorizationType", "value": "CUSTOM"},
            {"op": "replace", "path": "/authorizerId", "value": authorizer["id"]},
        ],
    )

    assert (updated["authorizationType"], updated["authorizerId"]) == ("CUSTOM", authorizer["id"])
    with raises_aws("BadRequestException", INVALID_AUTHORIZER):
        client.update_method(
            **ids, patchOperations=[{"op": "replace", "path": "/authorizationType", "value": "COGNITO_USER_POOLS"}]
        )
    assert client.get_method(**ids)["authorizationType"] == "CUSTOM"


# ---- what a deployment holds ------------------------------------------------------------------------------------


def test_a_fork_keeps_the_authorizers_and_validators_it_saw(mock: Any, client: Any, rest_api: dict[str, Any]) -> None:
    created = token(client, rest_api["id"])
    validator = client.create_request_validator(restApiId=rest_api["id"], name="v")["id"]
    fork = mock.backend().graph(rest_api["id"]).fork()

    client.update_authorizer(
        restApiId=rest_api["id"],
        authorizerId=created["id"],
        patchOperations=[{"op": "replace", "path": "/name", "value": "later"}],
    )
    client.delete_request_validator(restApiId=rest_api["id"], requestValidatorId=validator)
    token(client, rest_api["id"], name="newer")

    assert [a.name for a in fork.authorizers.values()] == ["tok"]
    assert list(fork.request_validators) == [validator]

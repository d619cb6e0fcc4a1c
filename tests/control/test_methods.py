"""Method CRUD: PutMethod (defaults, verb list, validation, not an upsert), GetMethod (embedding), DeleteMethod.

Covers spec §1.1, §2 and §3.3.

The last section holds details found in review beyond the spec-derived cases (from the former
test_graph_details.py); where a text is our choice the test says so ([INF]/[UNK]).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    INVALID_EXPRESSION,
    METHOD_NOT_FOUND,
    MISSING_API,
    RESOURCE_NOT_FOUND,
    assert_reply,
    assert_saved,
    body,
    build_nothing,
    message_of,
    method_with_mock,
    missing_parents,
    not_found_ladder,
    put_method,
    raises_aws,
)
from tests.support.calls import aimed, bound

VERBS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"]
BASE = {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}
AUTHORIZER_MESSAGE = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid"
    " authorizer."
)


def _with_responses(client: Any, api_id: str, resource_id: str) -> None:
    """GET with a method response 200 and a MOCK integration with an integration response 200."""
    method_with_mock(client, api_id, resource_id)
    client.put_method_response(restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    client.put_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")


def _resource_methods(client: Any, api_id: str) -> dict[str, Any]:
    """The `/pets` item of GetResources."""
    return {r["path"]: r for r in client.get_resources(restApiId=api_id)["items"]}["/pets"]


# --- PutMethod: HTTP 201, the reply is the new method, and a later GET agrees ------------------------------------

REQUEST_PARAMETERS = {"method.request.querystring.q": True, "method.request.header.X-Trace": False}


@pytest.mark.parametrize(
    ("verb", "fields", "expected"),
    [
        pytest.param("GET", {}, BASE, id="minimal-shape"),
        pytest.param("GET", {"authorizationType": "none"}, BASE, id="upper-cases-authorization-type"),
        *(pytest.param(verb, {}, {**BASE, "httpMethod": verb}, id=f"accepts-listed-verb-{verb}") for verb in VERBS),
        pytest.param(
            "POST",
            {
                "authorizationType": "AWS_IAM",
                "apiKeyRequired": True,
                "operationName": "CreatePet",
                "requestParameters": REQUEST_PARAMETERS,
                "requestModels": {"application/json": "Empty"},
            },
            {
                "httpMethod": "POST",
                "authorizationType": "AWS_IAM",
                "apiKeyRequired": True,
                "operationName": "CreatePet",
                "requestParameters": REQUEST_PARAMETERS,
                "requestModels": {"application/json": "Empty"},
            },
            id="echoes-optional-fields",
        ),
        *(
            pytest.param(
                "GET",
                {"requestModels": {"application/json": model}},
                {**BASE, "requestModels": {"application/json": model}},
                id=f"accepts-default-model-{model}",
            )
            for model in ("Empty", "Error")
        ),
    ],
)
def test_put_method(
    client: Any,
    rest_api: dict[str, Any],
    resource: dict[str, Any],
    verb: str,
    fields: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    resp = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod=verb).raw.put_method(
        **{"authorizationType": "NONE", **fields}
    )

    assert_saved(
        resp,
        201,
        expected,
        body(bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod=verb).raw.get_method()),
    )


def test_put_method_on_root_resource(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"], httpMethod="GET")
    resp = ids.raw.put_method(authorizationType="NONE")

    assert_saved(resp, 201, BASE, ids.get_method())


@pytest.mark.parametrize(
    ("verb", "fields", "message"),
    [
        pytest.param(
            "WRONG",
            {},
            "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY",
            id="invalid-verb",
        ),
        pytest.param(
            "GET",
            {"requestModels": {"application/json": "petModel"}},
            "Invalid model identifier specified: petModel",
            id="unknown-model",
        ),
        pytest.param(
            "GET",
            {"requestParameters": {"method.request.querystring.id": True, "method.request.header.id": False}},
            "Parameter names must be unique across querystring, header and path",
            id="same-parameter-name-in-two-locations",
        ),
        pytest.param(
            "GET",
            {"requestParameters": {"true": True}},
            "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
            "[Invalid mapping expression specified: true]",
            id="malformed-parameter-key",
        ),
        *(
            pytest.param(
                "GET", {"authorizationType": auth_type}, AUTHORIZER_MESSAGE, id=f"{auth_type}-without-authorizer"
            )
            for auth_type in ("CUSTOM", "COGNITO_USER_POOLS")
        ),
        pytest.param(
            "GET",
            {"authorizationType": "CUSTOM", "authorizerId": "nope00"},
            AUTHORIZER_MESSAGE,
            id="custom-with-unknown-authorizer",
        ),
        pytest.param(
            "GET",
            {"requestValidatorId": "nope00"},
            "Invalid Request Validator identifier specified",
            id="unknown-request-validator",
        ),
    ],
)
def test_put_method_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], verb: str, fields: dict[str, Any], message: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod=verb)
    with raises_aws("BadRequestException", message, 400):
        ids.put_method(**{"authorizationType": "NONE", **fields})


def test_put_method_existing_method_is_conflict_and_keeps_the_original(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    original = put_method(client, rest_api["id"], resource["id"])

    with raises_aws("ConflictException", "Method already exists for this resource", 409):
        ids.put_method(authorizationType="AWS_IAM", apiKeyRequired=True)

    assert ids.get_method() == original


# --- GetMethod ---------------------------------------------------------------------------------------------------


def test_get_method_returns_the_put_method(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put = put_method(client, rest_api["id"], resource["id"], operationName="ListPets")

    resp = ids.raw.get_method()

    assert_reply(resp, 200, put)


def test_get_method_embeds_method_responses_and_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _with_responses(client, rest_api["id"], resource["id"])

    assert ids.get_method() == {
        **BASE,
        "methodResponses": {"200": {"statusCode": "200"}},
        "methodIntegration": {
            "type": "MOCK",
            "cacheKeyParameters": [],
            "cacheNamespace": resource["id"],
            "passthroughBehavior": "WHEN_NO_MATCH",
            "timeoutInMillis": 29000,
            "integrationResponses": {"200": {"statusCode": "200"}},
        },
    }


# --- DeleteMethod ------------------------------------------------------------------------------------------------


def test_delete_method_returns_204(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])

    resp = ids.raw.delete_method()

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_method_leaves_other_verbs(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])
    post = put_method(client, rest_api["id"], resource["id"], "POST")

    ids.delete_method()

    assert (
        body(bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="POST").raw.get_method())
        == post
    )


def test_delete_method_removes_responses_and_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _with_responses(client, rest_api["id"], resource["id"])
    ids.delete_method()

    put_method(client, rest_api["id"], resource["id"])

    assert ids.get_method() == BASE


def test_delete_method_removes_its_integration(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.delete_method()
    put_method(client, rest_api["id"], resource["id"])

    with raises_aws("NotFoundException", "Invalid Integration identifier specified"):
        client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")


def test_delete_method_removes_it_from_resource_methods(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])
    put_method(client, rest_api["id"], resource["id"], "POST")

    ids.delete_method()

    assert _resource_methods(client, rest_api["id"])["resourceMethods"] == {"POST": {}}


def test_delete_last_method_removes_resource_methods_key(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    put_method(client, rest_api["id"], resource["id"])

    ids.delete_method()

    assert "resourceMethods" not in _resource_methods(client, rest_api["id"])


# --- not found (spec §2: [INF] resource message for Get/Delete, REC elsewhere) -----------------------------------


def _with_deleted_method(client: Any, api_id: str, resource_id: str) -> None:
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET")
    put_method(client, api_id, resource_id)
    ids.delete_method()


DELETE_METHOD = aimed("delete_method", httpMethod="GET")
GET_METHOD = aimed("get_method", httpMethod="GET")


test_not_found = not_found_ladder(
    *missing_parents("put", aimed("put_method", httpMethod="GET", authorizationType="NONE")),
    pytest.param(
        aimed("put_method", httpMethod="WRONG", authorizationType="NONE"),
        build_nothing,
        MISSING_API,
        None,
        RESOURCE_NOT_FOUND,
        id="put-api-before-verb",
    ),
    pytest.param(GET_METHOD, build_nothing, None, None, METHOD_NOT_FOUND, id="get-missing-method"),
    pytest.param(
        aimed("get_method", httpMethod="wrong-method"), put_method, None, None, METHOD_NOT_FOUND, id="get-invalid-verb"
    ),
    *missing_parents("get", GET_METHOD),
    pytest.param(GET_METHOD, _with_deleted_method, None, None, METHOD_NOT_FOUND, id="get-after-delete"),
    pytest.param(DELETE_METHOD, _with_deleted_method, None, None, METHOD_NOT_FOUND, id="delete-twice"),
    pytest.param(DELETE_METHOD, build_nothing, None, None, METHOD_NOT_FOUND, id="delete-missing-method"),
    *missing_parents("delete", DELETE_METHOD),
)


# --- review details: authorization types, mapping locations ([INF]/[UNK] texts marked) --------------------------------


def test_put_method_unknown_authorization_type_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        put_method(client, rest_api["id"], resource["id"], authorizationType="OAUTH")
    assert message_of(exc) == (  # [UNK] text
        "Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS"
    )


def test_put_method_drops_authorizer_id_without_authorizer_type(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    assert "authorizerId" not in put_method(client, rest_api["id"], resource["id"], authorizerId="abc123")


def test_put_method_bad_location_is_invalid_mapping_expression(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        put_method(client, rest_api["id"], resource["id"], requestParameters={"method.request.body.x": True})
    assert message_of(exc) == INVALID_EXPRESSION.format("Invalid mapping expression specified: method.request.body.x")

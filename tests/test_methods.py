"""Method CRUD: PutMethod (defaults, verb list, validation, not an upsert), GetMethod (embedding), DeleteMethod.

Covers spec §1.1, §2 and §3.3.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import body as _body

VERBS = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"]
RESOURCE_NOT_FOUND = "Invalid Resource identifier specified"
METHOD_NOT_FOUND = "Invalid Method identifier specified"
AUTHORIZER_MESSAGE = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid"
    " authorizer."
)


def _put_method(client: Any, api_id: str, resource_id: str, verb: str = "GET", **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("authorizationType", "NONE")
    return _body(client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod=verb, **kwargs))


def _mock_integration(client: Any, api_id: str, resource_id: str, verb: str = "GET") -> dict[str, Any]:
    return _body(client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod=verb, type="MOCK"))


# --- PutMethod ---------------------------------------------------------------------------------------------------


def test_put_method_returns_201_and_minimal_shape(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    resp = client.put_method(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", authorizationType="NONE"
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}


def test_put_method_upper_cases_authorization_type(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    body = _put_method(client, rest_api["id"], resource["id"], authorizationType="none")
    assert body["authorizationType"] == "NONE"


@pytest.mark.parametrize("verb", VERBS)
def test_put_method_accepts_every_listed_verb(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], verb: str
) -> None:
    body = _put_method(client, rest_api["id"], resource["id"], verb)
    assert body == {"httpMethod": verb, "authorizationType": "NONE", "apiKeyRequired": False}


def test_put_method_on_root_resource(client: Any, rest_api: dict[str, Any]) -> None:
    body = _put_method(client, rest_api["id"], rest_api["rootResourceId"], "GET")
    assert body["httpMethod"] == "GET"


def test_put_method_invalid_verb_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(client, rest_api["id"], resource["id"], "WRONG")
    assert exc.value.response["Error"]["Message"] == (
        "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_put_method_echoes_optional_fields(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    body = _put_method(
        client,
        rest_api["id"],
        resource["id"],
        "POST",
        authorizationType="AWS_IAM",
        apiKeyRequired=True,
        operationName="CreatePet",
        requestParameters={"method.request.querystring.q": True, "method.request.header.X-Trace": False},
        requestModels={"application/json": "Empty"},
    )
    assert body == {
        "httpMethod": "POST",
        "authorizationType": "AWS_IAM",
        "apiKeyRequired": True,
        "operationName": "CreatePet",
        "requestParameters": {"method.request.querystring.q": True, "method.request.header.X-Trace": False},
        "requestModels": {"application/json": "Empty"},
    }


@pytest.mark.parametrize("model", ["Empty", "Error"])
def test_put_method_accepts_default_models(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], model: str
) -> None:
    body = _put_method(client, rest_api["id"], resource["id"], requestModels={"application/json": model})
    assert body["requestModels"] == {"application/json": model}


def test_put_method_unknown_model_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(client, rest_api["id"], resource["id"], requestModels={"application/json": "petModel"})
    assert exc.value.response["Error"]["Message"] == "Invalid model identifier specified: petModel"


def test_put_method_same_parameter_name_in_two_locations_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(
            client,
            rest_api["id"],
            resource["id"],
            requestParameters={"method.request.querystring.id": True, "method.request.header.id": False},
        )
    assert exc.value.response["Error"]["Message"] == (
        "Parameter names must be unique across querystring, header and path"
    )


def test_put_method_malformed_parameter_key_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(client, rest_api["id"], resource["id"], requestParameters={"true": True})
    assert exc.value.response["Error"]["Message"] == (
        "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
        "[Invalid mapping expression specified: true]"
    )


@pytest.mark.parametrize("auth_type", ["CUSTOM", "COGNITO_USER_POOLS"])
def test_put_method_authorizer_type_without_authorizer_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any], auth_type: str
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(client, rest_api["id"], resource["id"], authorizationType=auth_type)
    assert exc.value.response["Error"]["Message"] == AUTHORIZER_MESSAGE


def test_put_method_custom_with_unknown_authorizer_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(client, rest_api["id"], resource["id"], authorizationType="CUSTOM", authorizerId="nope00")
    assert exc.value.response["Error"]["Message"] == AUTHORIZER_MESSAGE


def test_put_method_unknown_request_validator_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put_method(client, rest_api["id"], resource["id"], requestValidatorId="nope00")
    assert exc.value.response["Error"]["Message"] == "Invalid Request Validator identifier specified"


def test_put_method_existing_method_is_conflict(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"], "GET")
    with pytest.raises(client.exceptions.ConflictException) as exc:
        _put_method(client, rest_api["id"], resource["id"], "GET", authorizationType="AWS_IAM")
    assert exc.value.response["Error"]["Message"] == "Method already exists for this resource"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_put_method_conflict_keeps_the_original_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    original = _put_method(client, rest_api["id"], resource["id"], "GET")
    with pytest.raises(client.exceptions.ConflictException):
        _put_method(client, rest_api["id"], resource["id"], "GET", authorizationType="AWS_IAM", apiKeyRequired=True)
    fetched = _body(client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET"))
    assert fetched == original


def test_put_method_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_method(client, rest_api["id"], "nope00", "GET")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_put_method_missing_api_is_checked_before_the_verb(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _put_method(client, "doesnotexi", resource["id"], "WRONG")
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


# --- GetMethod ---------------------------------------------------------------------------------------------------


def test_get_method_returns_the_put_method(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    put = _put_method(client, rest_api["id"], resource["id"], "GET", operationName="ListPets")
    resp = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == put


def test_get_method_embeds_method_responses_and_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid, "GET")
    client.put_method_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    _mock_integration(client, api_id, rid, "GET")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    body = _body(client.get_method(restApiId=api_id, resourceId=rid, httpMethod="GET"))
    assert body == {
        "httpMethod": "GET",
        "authorizationType": "NONE",
        "apiKeyRequired": False,
        "methodResponses": {"200": {"statusCode": "200"}},
        "methodIntegration": {
            "type": "MOCK",
            "cacheKeyParameters": [],
            "cacheNamespace": rid,
            "passthroughBehavior": "WHEN_NO_MATCH",
            "timeoutInMillis": 29000,
            "integrationResponses": {"200": {"statusCode": "200"}},
        },
    }


def test_get_method_missing_method_is_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_method_invalid_verb_is_method_not_found(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _put_method(client, rest_api["id"], resource["id"], "GET")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="wrong-method")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_get_method_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method(restApiId=rest_api["id"], resourceId="nope00", httpMethod="GET")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_get_method_missing_api_is_not_found(client: Any, resource: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method(restApiId="doesnotexi", resourceId=resource["id"], httpMethod="GET")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


# --- DeleteMethod ------------------------------------------------------------------------------------------------


def test_delete_method_returns_204(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"], "GET")
    resp = client.delete_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_method_then_get_is_not_found(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"], "GET")
    client.delete_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_delete_method_twice_is_not_found(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"], "GET")
    client.delete_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == METHOD_NOT_FOUND


def test_delete_method_missing_resource_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_method(restApiId=rest_api["id"], resourceId="nope00", httpMethod="GET")
    # spec §2: [INF] resource message
    assert exc.value.response["Error"]["Message"] == RESOURCE_NOT_FOUND


def test_delete_method_leaves_other_verbs(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _put_method(client, rest_api["id"], resource["id"], "GET")
    post = _put_method(client, rest_api["id"], resource["id"], "POST")
    client.delete_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert _body(client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="POST")) == post


def test_delete_method_removes_responses_and_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid, "GET")
    client.put_method_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    _mock_integration(client, api_id, rid, "GET")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    client.delete_method(restApiId=api_id, resourceId=rid, httpMethod="GET")
    _put_method(client, api_id, rid, "GET")
    body = _body(client.get_method(restApiId=api_id, resourceId=rid, httpMethod="GET"))
    assert body == {"httpMethod": "GET", "authorizationType": "NONE", "apiKeyRequired": False}


def test_delete_method_removes_its_integration(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid, "GET")
    _mock_integration(client, api_id, rid, "GET")
    client.delete_method(restApiId=api_id, resourceId=rid, httpMethod="GET")
    _put_method(client, api_id, rid, "GET")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_integration(restApiId=api_id, resourceId=rid, httpMethod="GET")
    assert exc.value.response["Error"]["Message"] == "Invalid Integration identifier specified"


def test_delete_method_removes_it_from_resource_methods(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid, "GET")
    _put_method(client, api_id, rid, "POST")
    client.delete_method(restApiId=api_id, resourceId=rid, httpMethod="GET")
    items = {r["path"]: r for r in client.get_resources(restApiId=api_id)["items"]}
    assert items["/pets"]["resourceMethods"] == {"POST": {}}


def test_delete_last_method_removes_resource_methods_key(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _put_method(client, api_id, rid, "GET")
    client.delete_method(restApiId=api_id, resourceId=rid, httpMethod="GET")
    items = {r["path"]: r for r in client.get_resources(restApiId=api_id)["items"]}
    assert "resourceMethods" not in items["/pets"]

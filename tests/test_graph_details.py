"""Graph CRUD details the spec-derived suites leave out: embed views, paging edges, cloneFrom, Create/DeleteModel,
and the checks whose texts are [INF]/[UNK] choices (spec §2, §3, §7)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import body as _body

INVALID_EXPRESSION = "Invalid mapping expression specified: Validation Result: warnings : [], errors : [{}]"


def _method(client: Any, api_id: str, resource_id: str, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("authorizationType", "NONE")
    return _body(client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET", **kwargs))


def _message(exc: pytest.ExceptionInfo[Any]) -> str:
    return str(exc.value.response["Error"]["Message"])


# --- Resources ----------------------------------------------------------------------------------------------------


def test_get_resource_shows_method_stubs_unless_embedded(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    method = _method(client, api_id, rid)
    plain = _body(client.get_resource(restApiId=api_id, resourceId=rid))
    embedded = _body(client.get_resource(restApiId=api_id, resourceId=rid, embed=["methods"]))
    assert plain["resourceMethods"] == {"GET": {}}
    assert embedded["resourceMethods"] == {"GET": method}


def test_get_resources_embed_includes_integration_and_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _method(client, api_id, rid)
    client.put_integration(restApiId=api_id, resourceId=rid, httpMethod="GET", type="MOCK")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    items = {r["path"]: r for r in client.get_resources(restApiId=api_id, embed=["methods"])["items"]}
    full = _body(client.get_method(restApiId=api_id, resourceId=rid, httpMethod="GET"))
    assert items["/pets"]["resourceMethods"]["GET"] == full
    assert full["methodIntegration"]["integrationResponses"] == {"200": {"statusCode": "200"}}


def test_get_resources_position_survives_deleting_listed_resources(client: Any, rest_api: dict[str, Any]) -> None:
    api_id, root = rest_api["id"], rest_api["rootResourceId"]
    ids = [client.create_resource(restApiId=api_id, parentId=root, pathPart=f"p{i}")["id"] for i in range(4)]
    first = client.get_resources(restApiId=api_id, limit=2)
    client.delete_resource(restApiId=api_id, resourceId=ids[1])  # the first item of the next page
    rest = client.get_resources(restApiId=api_id, limit=10, position=first["position"])
    assert [r["id"] for r in rest["items"]] == ids[2:]


def test_get_resources_limit_above_500_is_capped(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_resources(restApiId=rest_api["id"], limit=1000)
    assert len(resp["items"]) == 1
    assert "position" not in resp


def test_get_rest_apis_malformed_position_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.get_rest_apis(position="not-a-token")
    # spec §7 [UNK]: AWS's text for a bad token is unrecorded
    assert _message(exc) == "Invalid position parameter"


@pytest.mark.parametrize("path_part", ["has space", "a/b", "{unclosed", "x{y}", "{}", "na*me", ""])
def test_create_resource_bad_path_part_is_bad_request(client: Any, rest_api: dict[str, Any], path_part: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart=path_part)
    assert _message(exc) == (
        "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional "
        "plus sign before the closing brace."
    )


@pytest.mark.parametrize("path_part", ["v1.2", "my_res-1", "{id}", "{proxy+}", "UPPER"])
def test_create_resource_accepts_allowed_path_parts(client: Any, rest_api: dict[str, Any], path_part: str) -> None:
    body = client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart=path_part)
    assert body["path"] == f"/{path_part}"


def test_delete_root_resource_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.delete_resource(restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"])
    assert _message(exc) == "Cannot delete the root resource"  # [UNK] text
    assert client.get_resources(restApiId=rest_api["id"])["items"] == [{"id": rest_api["rootResourceId"], "path": "/"}]


# --- RestApi ------------------------------------------------------------------------------------------------------


def test_clone_from_copies_resources_methods_and_models_under_new_ids(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    _method(client, api_id, resource["id"], requestModels={"application/json": "Empty"})
    client.create_model(restApiId=api_id, name="Pet", contentType="application/json", schema="{}")
    clone = client.create_rest_api(name="clone", cloneFrom=api_id)
    assert clone["name"] == "clone"
    assert clone["id"] != api_id
    assert clone["rootResourceId"] != rest_api["rootResourceId"]
    items = {r["path"]: r for r in client.get_resources(restApiId=clone["id"], embed=["methods"])["items"]}
    assert set(items) == {"/", "/pets"}
    assert items["/pets"]["id"] != resource["id"]
    assert items["/pets"]["parentId"] == clone["rootResourceId"]
    assert items["/pets"]["resourceMethods"]["GET"]["requestModels"] == {"application/json": "Empty"}
    assert {m["name"] for m in client.get_models(restApiId=clone["id"])["items"]} == {"Empty", "Error", "Pet"}
    client.delete_resource(restApiId=clone["id"], resourceId=items["/pets"]["id"])
    assert client.get_resource(restApiId=api_id, resourceId=resource["id"])["path"] == "/pets"  # source untouched


def test_clone_and_source_change_independently(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    """Stored maps (methods, method and integration responses) are updated in place: a clone must own its own."""
    api_id, rid = rest_api["id"], resource["id"]
    target = {"resourceId": rid, "httpMethod": "GET"}
    _method(client, api_id, rid)
    client.put_method_response(restApiId=api_id, **target, statusCode="200")
    client.put_integration(restApiId=api_id, **target, type="MOCK")
    client.put_integration_response(restApiId=api_id, **target, statusCode="200", selectionPattern="2..")
    clone_id = client.create_rest_api(name="clone", cloneFrom=api_id)["id"]
    clone_rid = next(r["id"] for r in client.get_resources(restApiId=clone_id)["items"] if r["path"] == "/pets")
    before = _body(client.get_method(restApiId=api_id, **target))
    clone_target = {"restApiId": clone_id, "resourceId": clone_rid, "httpMethod": "GET"}
    client.put_method_response(**clone_target, statusCode="404")
    client.put_integration_response(**clone_target, statusCode="404", selectionPattern="4..")
    patch = [{"op": "replace", "path": "/selectionPattern", "value": "20."}]
    client.update_integration_response(**clone_target, statusCode="200", patchOperations=patch)
    client.delete_method_response(**clone_target, statusCode="200")
    assert _body(client.get_method(restApiId=api_id, **target)) == before
    client.delete_integration_response(restApiId=api_id, **target, statusCode="200")
    clone = _body(client.get_method(**clone_target))
    assert set(clone["methodResponses"]) == {"404"}
    assert clone["methodIntegration"]["integrationResponses"] == {
        "200": {"statusCode": "200", "selectionPattern": "20."},
        "404": {"statusCode": "404", "selectionPattern": "4.."},
    }


def test_clone_from_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.create_rest_api(name="clone", cloneFrom="doesnotexi")
    assert _message(exc) == "Invalid API identifier specified 123456789012:doesnotexi"


def test_create_rest_api_empty_tags_are_omitted(client: Any) -> None:
    assert "tags" not in client.create_rest_api(name="api", tags={})


def test_create_rest_api_private_keeps_vpc_endpoint_ids(client: Any) -> None:
    config = {"types": ["PRIVATE"], "vpcEndpointIds": ["vpce-123"]}
    body = client.create_rest_api(name="api", endpointConfiguration=config)
    assert body["endpointConfiguration"] == {**config, "ipAddressType": "dualstack"}


def test_default_models_are_json_schemas(client: Any, rest_api: dict[str, Any]) -> None:
    model = client.get_model(restApiId=rest_api["id"], modelName="Error")
    assert model["contentType"] == "application/json"
    assert '"title" : "Error Schema"' in model["schema"]


# --- Models -------------------------------------------------------------------------------------------------------


def test_create_model_then_reference_it(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    created = _body(
        client.create_model(restApiId=rest_api["id"], name="Pet", contentType="application/json", schema="{}")
    )
    assert created == {"id": created["id"], "name": "Pet", "contentType": "application/json", "schema": "{}"}
    assert _method(client, rest_api["id"], resource["id"], requestModels={"application/json": "Pet"})


def test_create_model_twice_is_conflict(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.ConflictException) as exc:
        client.create_model(restApiId=rest_api["id"], name="Empty", contentType="application/json")
    assert _message(exc) == "Model name already exists for this REST API"


def test_delete_model_removes_it(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.delete_model(restApiId=rest_api["id"], modelName="Error")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_model(restApiId=rest_api["id"], modelName="Error")
    assert _message(exc) == "Invalid model name specified: Error"


def test_delete_referenced_model_is_conflict(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    _method(client, rest_api["id"], resource["id"], requestModels={"application/json": "Empty"})
    with pytest.raises(client.exceptions.ConflictException):
        client.delete_model(restApiId=rest_api["id"], modelName="Empty")
    assert client.get_model(restApiId=rest_api["id"], modelName="Empty")["name"] == "Empty"


def test_get_models_pages(client: Any, rest_api: dict[str, Any]) -> None:
    first = client.get_models(restApiId=rest_api["id"], limit=1)
    second = client.get_models(restApiId=rest_api["id"], limit=1, position=first["position"])
    assert [m["name"] for m in first["items"] + second["items"]] == ["Empty", "Error"]
    assert "position" not in second


# --- Method / MethodResponse --------------------------------------------------------------------------------------


def test_put_method_unknown_authorization_type_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _method(client, rest_api["id"], resource["id"], authorizationType="OAUTH")
    assert _message(exc) == (  # [UNK] text
        "Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS"
    )


def test_put_method_drops_authorizer_id_without_authorizer_type(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    assert "authorizerId" not in _method(client, rest_api["id"], resource["id"], authorizerId="abc123")


def test_put_method_bad_location_is_invalid_mapping_expression(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _method(client, rest_api["id"], resource["id"], requestParameters={"method.request.body.x": True})
    assert _message(exc) == INVALID_EXPRESSION.format("Invalid mapping expression specified: method.request.body.x")


def test_put_method_response_checks_models_and_parameter_names(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _method(client, api_id, rid)
    put = {"restApiId": api_id, "resourceId": rid, "httpMethod": "GET", "statusCode": "200"}
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_method_response(**put, responseModels={"application/json": "Pet"})
    assert _message(exc) == "Invalid model identifier specified: Pet"
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_method_response(**put, responseParameters={"header.X": True})
    assert _message(exc) == INVALID_EXPRESSION.format("Invalid mapping expression specified: header.X")
    with pytest.raises(client.exceptions.NotFoundException):  # nothing was stored
        client.get_method_response(**put)


# --- Integration --------------------------------------------------------------------------------------------------


def test_put_integration_stores_empty_templates_as_null(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _method(client, api_id, rid)
    put = client.put_integration(
        restApiId=api_id, resourceId=rid, httpMethod="GET", type="MOCK", requestTemplates={"application/json": ""}
    )
    assert put["requestTemplates"] == {"application/json": None}


def test_put_integration_bad_template_content_type_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_integration(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK",
            requestTemplates={"123": "{}"},
        )  # fmt: skip
    assert _message(exc) == "Validation Result: warnings : [], errors : [Invalid content type specified: 123]"


def test_put_integration_bad_passthrough_behavior_is_bad_request(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _method(client, rest_api["id"], resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.put_integration(
            restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK",
            passthroughBehavior="SOMETIMES",
        )  # fmt: skip
    assert _message(exc) == (  # [UNK] text, the same as UpdateIntegration's
        "Invalid PassthroughBehavior specified. Valid options are WHEN_NO_MATCH,WHEN_NO_TEMPLATES,NEVER"
    )


def test_put_integration_echoes_tls_config_and_keeps_stored_responses_out_of_the_reply(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    _method(client, api_id, rid)
    client.put_integration(restApiId=api_id, resourceId=rid, httpMethod="GET", type="MOCK")
    client.put_integration_response(restApiId=api_id, resourceId=rid, httpMethod="GET", statusCode="200")
    again = client.put_integration(
        restApiId=api_id, resourceId=rid, httpMethod="GET", type="HTTP", integrationHttpMethod="GET",
        uri="https://example.com", tlsConfig={"insecureSkipVerification": True},
    )  # fmt: skip
    assert again["tlsConfig"] == {"insecureSkipVerification": True}
    assert "integrationResponses" not in again
    method = client.get_method(restApiId=api_id, resourceId=rid, httpMethod="GET")
    assert method["methodIntegration"]["integrationResponses"] == {"200": {"statusCode": "200"}}

"""Model CRUD: every new API gets `Empty` and `Error` (GetModels / GetModel, spec §3.1 and §2); CreateModel,
DeleteModel (references, conflicts) and paging. UpdateModel: test_model_updates.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import body as _body
from tests.helpers import message_of, put_method

ACCOUNT_ID = "123456789012"
DEFAULT_MODELS = {
    "Empty": "This is a default empty schema model",
    "Error": "This is a default error schema model",
}


def test_get_models_returns_200(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_models(restApiId=rest_api["id"])
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_new_api_has_exactly_the_two_default_models(client: Any, rest_api: dict[str, Any]) -> None:
    items = client.get_models(restApiId=rest_api["id"])["items"]
    assert {m["name"]: m["description"] for m in items} == DEFAULT_MODELS
    assert len(items) == 2


def test_get_models_has_no_position_for_defaults(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_models(restApiId=rest_api["id"])
    # spec §3.1: [INF] collections that fit in one page carry no position key
    assert "position" not in resp


@pytest.mark.parametrize(("name", "description"), sorted(DEFAULT_MODELS.items()))
def test_get_model_returns_default_model(client: Any, rest_api: dict[str, Any], name: str, description: str) -> None:
    resp = client.get_model(restApiId=rest_api["id"], modelName=name)
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    body = _body(resp)
    assert body["name"] == name
    assert body["description"] == description


@pytest.mark.parametrize("name", sorted(DEFAULT_MODELS))
def test_get_model_matches_the_models_list_entry(client: Any, rest_api: dict[str, Any], name: str) -> None:
    listed = {m["name"]: m for m in client.get_models(restApiId=rest_api["id"])["items"]}
    single = _body(client.get_model(restApiId=rest_api["id"], modelName=name))
    assert single == listed[name]


def test_each_api_gets_its_own_default_models(client: Any) -> None:
    first = client.create_rest_api(name="first")["id"]
    second = client.create_rest_api(name="second")["id"]
    for api_id in (first, second):
        names = {m["name"] for m in client.get_models(restApiId=api_id)["items"]}
        assert names == set(DEFAULT_MODELS)


def test_get_models_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_models(restApiId="doesnotexi")
    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_model_after_api_deleted_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    client.delete_rest_api(restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_model(restApiId=rest_api["id"], modelName="Empty")


def test_default_models_are_json_schemas(client: Any, rest_api: dict[str, Any]) -> None:
    model = client.get_model(restApiId=rest_api["id"], modelName="Error")
    assert model["contentType"] == "application/json"
    assert '"title" : "Error Schema"' in model["schema"]


# --- Create/DeleteModel and paging (review details; [INF]/[UNK] texts marked) -----------------------------------------


def test_create_model_then_reference_it(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    created = _body(
        client.create_model(restApiId=rest_api["id"], name="Pet", contentType="application/json", schema="{}")
    )
    assert created == {"id": created["id"], "name": "Pet", "contentType": "application/json", "schema": "{}"}
    assert put_method(client, rest_api["id"], resource["id"], requestModels={"application/json": "Pet"})


def test_create_model_twice_is_conflict(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.ConflictException) as exc:
        client.create_model(restApiId=rest_api["id"], name="Empty", contentType="application/json")
    assert message_of(exc) == "Model name already exists for this REST API"


def test_delete_model_removes_it(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.delete_model(restApiId=rest_api["id"], modelName="Error")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_model(restApiId=rest_api["id"], modelName="Error")
    assert message_of(exc) == "Invalid model name specified: Error"


def test_delete_referenced_model_is_conflict(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    put_method(client, rest_api["id"], resource["id"], requestModels={"application/json": "Empty"})
    with pytest.raises(client.exceptions.ConflictException):
        client.delete_model(restApiId=rest_api["id"], modelName="Empty")
    assert client.get_model(restApiId=rest_api["id"], modelName="Empty")["name"] == "Empty"


def test_get_models_pages(client: Any, rest_api: dict[str, Any]) -> None:
    first = client.get_models(restApiId=rest_api["id"], limit=1)
    second = client.get_models(restApiId=rest_api["id"], limit=1, position=first["position"])
    assert [m["name"] for m in first["items"] + second["items"]] == ["Empty", "Error"]
    assert "position" not in second

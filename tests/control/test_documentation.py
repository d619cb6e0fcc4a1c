"""Documentation parts (every location type, AWS's location rules, the list filters, import) and documentation
versions through boto3 (spec control-plane-2 §11). Texts marked [UNK] are the mock's choice, unverified."""

from __future__ import annotations

import json
from typing import Any

import pytest

from apigw_mock.control.registry import handlers
from tests.helpers import body, raises_aws
from tests.stages import ensure_stage

DESCRIBED = json.dumps({"description": "pets"})
PART_NOT_FOUND = "Invalid Documentation part identifier specified"  # [UNK]
VERSION_NOT_FOUND = "Invalid Documentation version identifier specified"  # [UNK]

VALID_LOCATIONS = [
    {"type": "API"},
    {"type": "AUTHORIZER", "name": "auth"},
    {"type": "MODEL", "name": "Pet"},
    {"type": "RESOURCE", "path": "/pets"},
    {"type": "METHOD", "path": "/pets", "method": "GET"},
    {"type": "PATH_PARAMETER", "path": "/pets/{id}", "method": "*", "name": "id"},
    {"type": "QUERY_PARAMETER", "path": "/pets", "method": "GET", "name": "page"},
    {"type": "REQUEST_HEADER", "method": "GET", "name": "x-id"},
    {"type": "REQUEST_BODY", "path": "/pets", "method": "POST", "name": "Pet"},
    {"type": "RESPONSE", "path": "/pets", "method": "GET", "statusCode": "200"},
    {"type": "RESPONSE_HEADER", "statusCode": "200", "name": "x-next"},
    {"type": "RESPONSE_BODY", "path": "/pets", "method": "GET", "statusCode": "404"},
]


def _part(client: Any, api_id: str, location: dict[str, str], properties: str = DESCRIBED) -> dict[str, Any]:
    return body(client.create_documentation_part(restApiId=api_id, location=location, properties=properties))


@pytest.mark.parametrize("location", VALID_LOCATIONS, ids=lambda location: location["type"])
def test_every_location_type_is_stored_as_given(client: Any, rest_api: dict[str, Any], location: Any) -> None:
    resp = client.create_documentation_part(restApiId=rest_api["id"], location=location, properties=DESCRIBED)
    created = body(resp)

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert created == {"id": created["id"], "location": location, "properties": DESCRIBED}  # defaults not echoed
    fetched = client.get_documentation_part(restApiId=rest_api["id"], documentationPartId=created["id"])
    assert body(fetched) == created


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ({"type": "API", "path": "/"}, "Invalid location: 'path' is not a valid field for type API"),
        ({"type": "RESOURCE", "method": "GET"}, "Invalid location: 'method' is not a valid field for type RESOURCE"),
        (
            {"type": "METHOD", "statusCode": "200"},
            "Invalid location: 'statusCode' is not a valid field for type METHOD",
        ),
        ({"type": "MODEL"}, "Invalid location: 'name' is required for type MODEL"),
        (
            {"type": "RESPONSE_HEADER", "statusCode": "200"},
            "Invalid location: 'name' is required for type RESPONSE_HEADER",
        ),
        ({"type": "RESPONSE", "name": "x"}, "Invalid location: 'name' is not a valid field for type RESPONSE"),
    ],
)
def test_locations_aws_refuses(client: Any, rest_api: dict[str, Any], location: Any, message: str) -> None:
    with raises_aws("BadRequestException", message, 400):  # [UNK] texts
        _part(client, rest_api["id"], location)
    assert client.get_documentation_parts(restApiId=rest_api["id"])["items"] == []


def test_an_unknown_type_is_a_validation_error(client: Any, rest_api: dict[str, Any]) -> None:
    with raises_aws("ValidationException", status=400):
        _part(client, rest_api["id"], {"type": "STAGE"})


@pytest.mark.parametrize("properties", ["not json", "[1]", '"text"'])
def test_properties_must_be_a_json_object(client: Any, rest_api: dict[str, Any], properties: str) -> None:
    with raises_aws("BadRequestException", "Invalid properties specified: must be a JSON object", 400):  # [UNK]
        _part(client, rest_api["id"], {"type": "API"}, properties)


def test_the_same_entity_twice_conflicts_defaults_included(client: Any, rest_api: dict[str, Any]) -> None:
    _part(client, rest_api["id"], {"type": "METHOD", "path": "/pets"})
    with raises_aws("ConflictException", "Documentation part already exists for the specified location", 409):
        _part(client, rest_api["id"], {"type": "METHOD", "path": "/pets", "method": "*"})
    _part(client, rest_api["id"], {"type": "METHOD", "path": "/pets", "method": "GET"})  # another entity


def test_list_filters(client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    ids = [_part(client, api, location)["id"] for location in VALID_LOCATIONS]
    empty = _part(client, api, {"type": "RESOURCE", "path": "/empty"}, "{}")["id"]

    def listed(**filters: Any) -> list[str]:
        return [part["id"] for part in client.get_documentation_parts(restApiId=api, **filters)["items"]]

    assert listed() == [*ids, empty]
    assert listed(type="RESOURCE") == [ids[3], empty]
    assert listed(nameQuery="Pet") == [ids[2], ids[8]]
    assert listed(path="/pets", type="METHOD") == [ids[4]]
    assert listed(path="/", type="API") == [ids[0]]  # the default path
    assert listed(locationStatus="UNDOCUMENTED") == [empty]  # [INF] `{}` documents nothing
    assert empty not in listed(locationStatus="DOCUMENTED")
    first = client.get_documentation_parts(restApiId=api, limit=5)
    assert [p["id"] for p in first["items"]] == ids[:5] and "position" in first


def test_update_replaces_properties(client: Any, rest_api: dict[str, Any]) -> None:
    part = _part(client, rest_api["id"], {"type": "API"})
    ids = {"restApiId": rest_api["id"], "documentationPartId": part["id"]}
    new = json.dumps({"description": "new"})

    updated = body(
        client.update_documentation_part(
            **ids, patchOperations=[{"op": "replace", "path": "/properties", "value": new}]
        )
    )

    assert updated == {**part, "properties": new}
    with raises_aws("BadRequestException", "Invalid properties specified: must be a JSON object", 400):
        client.update_documentation_part(
            **ids, patchOperations=[{"op": "replace", "path": "/properties", "value": "nope"}]
        )
    with raises_aws("BadRequestException", "Invalid patch path /location/type", 400):
        client.update_documentation_part(
            **ids, patchOperations=[{"op": "replace", "path": "/location/type", "value": "MODEL"}]
        )
    assert body(client.get_documentation_part(**ids)) == updated


def test_delete_and_missing_parts(client: Any, rest_api: dict[str, Any]) -> None:
    part = _part(client, rest_api["id"], {"type": "API"})
    ids = {"restApiId": rest_api["id"], "documentationPartId": part["id"]}

    assert client.delete_documentation_part(**ids)["ResponseMetadata"]["HTTPStatusCode"] == 202
    with raises_aws("NotFoundException", PART_NOT_FOUND, 404):
        client.get_documentation_part(**ids)
    with raises_aws("NotFoundException", "Invalid API identifier specified 123456789012:doesnotexi", 404):
        client.get_documentation_parts(restApiId="doesnotexi")


# ---- ImportDocumentationParts ---------------------------------------------------------------------------------------


def _document(*parts: dict[str, Any]) -> str:
    return json.dumps(
        {"swagger": "2.0", "x-amazon-apigateway-documentation": {"version": "1", "documentationParts": parts}}
    )


def test_import_merges_by_location(client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    kept = _part(client, api, {"type": "RESOURCE", "path": "/kept"})
    merged = _part(client, api, {"type": "API"})
    document = _document(
        {"location": {"type": "API"}, "properties": {"description": "merged"}},
        {"location": {"type": "MODEL", "name": "Pet"}, "properties": {"description": "a pet"}},
    )

    resp = client.import_documentation_parts(restApiId=api, body=document)

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert resp["ids"][0] == merged["id"] and "warnings" not in resp
    parts = {p["id"]: p for p in client.get_documentation_parts(restApiId=api)["items"]}
    assert set(parts) == {kept["id"], merged["id"], resp["ids"][1]}
    assert json.loads(parts[merged["id"]]["properties"]) == {"description": "merged"}


def test_import_overwrite_replaces_every_part_and_warns(client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    _part(client, api, {"type": "RESOURCE", "path": "/gone"})
    document = _document(
        {"location": {"type": "API"}, "properties": {}}, {"location": {"type": "MODEL"}, "properties": {}}
    )

    resp = client.import_documentation_parts(restApiId=api, mode="overwrite", body=document)

    assert resp["warnings"] == ["Documentation part 1: Invalid location: 'name' is required for type MODEL"]  # [UNK]
    assert [p["id"] for p in client.get_documentation_parts(restApiId=api)["items"]] == resp["ids"]


def test_import_fails_on_warnings_when_asked_and_changes_nothing(client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    part = _part(client, api, {"type": "API"})

    with raises_aws("BadRequestException", status=400):
        client.import_documentation_parts(
            restApiId=api, mode="overwrite", failOnWarnings=True, body=_document({"location": {"type": "MODEL"}})
        )
    with raises_aws("BadRequestException", status=400):
        client.import_documentation_parts(restApiId=api, body="swagger: '2.0'")  # JSON only in the mock
    assert client.get_documentation_parts(restApiId=api)["items"] == [part]


# ---- documentation versions -----------------------------------------------------------------------------------------


def test_versions_snapshot_and_crud(client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    _part(client, api, {"type": "API"})

    resp = client.create_documentation_version(restApiId=api, documentationVersion="1.0", description="first")
    created = body(resp)
    bare = body(client.create_documentation_version(restApiId=api, documentationVersion="1.1"))

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert set(created) == {"version", "createdDate", "description"} and set(bare) == {"version", "createdDate"}
    assert body(client.get_documentation_version(restApiId=api, documentationVersion="1.0")) == created
    assert [v["version"] for v in client.get_documentation_versions(restApiId=api)["items"]] == ["1.0", "1.1"]
    ops = [{"op": "replace", "path": "/description", "value": "again"}]
    updated = body(client.update_documentation_version(restApiId=api, documentationVersion="1.1", patchOperations=ops))
    assert updated == {**bare, "description": "again"}
    deleted = client.delete_documentation_version(restApiId=api, documentationVersion="1.0")
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 202
    with raises_aws("NotFoundException", VERSION_NOT_FOUND, 404):
        client.get_documentation_version(restApiId=api, documentationVersion="1.0")


def test_version_refusals(client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    client.create_documentation_version(restApiId=api, documentationVersion="1.0")

    with raises_aws("ConflictException", "Documentation version already exists", 409):  # [UNK]
        client.create_documentation_version(restApiId=api, documentationVersion="1.0")
    with raises_aws("BadRequestException", "Invalid stage identifier specified", 400):
        client.create_documentation_version(restApiId=api, documentationVersion="2.0", stageName="prod")
    with raises_aws("BadRequestException", "Invalid patch path /version", 400):
        client.update_documentation_version(
            restApiId=api, documentationVersion="1.0", patchOperations=[{"op": "replace", "path": "/version"}]
        )
    assert [v["version"] for v in client.get_documentation_versions(restApiId=api)["items"]] == ["1.0"]


def test_a_version_freezes_the_parts_of_its_time(mock: Any, client: Any, rest_api: dict[str, Any]) -> None:
    api = rest_api["id"]
    part = _part(client, api, {"type": "API"})
    client.create_documentation_version(restApiId=api, documentationVersion="1.0")
    client.delete_documentation_part(restApiId=api, documentationPartId=part["id"])

    snapshot = mock.backend().apis[api].documentation.snapshots["1.0"]

    assert [node.id for node in snapshot] == [part["id"]]


def test_a_version_onto_a_stage_shows_on_the_stage(client: Any, rest_api: dict[str, Any]) -> None:
    if "GetStage" not in handlers():
        pytest.skip("needs the deployments branch (CreateStage, GetStage)")
    api = rest_api["id"]
    ensure_stage(client, api)

    client.create_documentation_version(restApiId=api, documentationVersion="1.0", stageName="prod")

    assert client.get_stage(restApiId=api, stageName="prod")["documentationVersion"] == "1.0"

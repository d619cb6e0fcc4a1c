"""`x-amazon-apigateway-documentation` on ImportRestApi and PutRestApi: its parts become the API's documentation
parts (as ImportDocumentationParts reads them), unless `ignore=documentation`; a bad part is a warning."""

from __future__ import annotations

import json
from typing import Any

DOCUMENT = {
    "openapi": "3.0.1",
    "info": {"title": "documented", "version": "1"},
    "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok"}}}}},
    "x-amazon-apigateway-documentation": {
        "version": "1",
        "documentationParts": [
            {"location": {"type": "API"}, "properties": {"description": "The pet store"}},
            {"location": {"type": "METHOD", "path": "/pets", "method": "GET"}, "properties": {"summary": "List"}},
            {"location": {"type": "NOPE"}, "properties": {}},
        ],
    },
}


def _parts(client: Any, api_id: str) -> dict[str, dict[str, Any]]:
    items = client.get_documentation_parts(restApiId=api_id)["items"]
    return {item["location"]["type"]: json.loads(item["properties"]) for item in items}


def test_import_stores_the_documentation_parts(client: Any) -> None:
    api = client.import_rest_api(body=json.dumps(DOCUMENT).encode())

    assert _parts(client, api["id"]) == {"API": {"description": "The pet store"}, "METHOD": {"summary": "List"}}
    assert any("Documentation part 2" in warning for warning in api.get("warnings", []))


def test_ignore_documentation_stores_none(client: Any) -> None:
    api = client.import_rest_api(body=json.dumps(DOCUMENT).encode(), parameters={"ignore": "documentation"})

    assert _parts(client, api["id"]) == {}


def test_put_merge_updates_a_part_in_place(client: Any) -> None:
    api = client.import_rest_api(body=json.dumps(DOCUMENT).encode())
    before = {
        item["location"]["type"]: item["id"] for item in client.get_documentation_parts(restApiId=api["id"])["items"]
    }
    changed = json.loads(json.dumps(DOCUMENT))
    changed["x-amazon-apigateway-documentation"]["documentationParts"][0]["properties"] = {"description": "v2"}

    client.put_rest_api(restApiId=api["id"], mode="merge", body=json.dumps(changed).encode())

    after = client.get_documentation_parts(restApiId=api["id"])["items"]
    assert {item["location"]["type"]: item["id"] for item in after} == before
    assert _parts(client, api["id"])["API"] == {"description": "v2"}

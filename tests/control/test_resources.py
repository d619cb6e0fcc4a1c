"""Resource CRUD: GetResources (pagination, embed, resourceMethods), GetResource, CreateResource, DeleteResource.

Covers spec §1.1, §2 and §3.2: path computation, sibling greedy/variable rules, name conflicts, generated ids,
and deletion of descendants.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.helpers import assert_reply
from tests.helpers import body as _body
from tests.support.calls import bound

ACCOUNT_ID = "123456789012"


def _by_path(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["path"]: item for item in items}


# --- GetResources / GetResource ----------------------------------------------------------------------------------


def test_get_resources_on_new_api_returns_only_root(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_resources(restApiId=rest_api["id"])
    assert_reply(resp, 200, {"items": [{"id": rest_api["rootResourceId"], "path": "/"}]})


def test_get_resource_root_has_no_parent_or_path_part(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_resource(restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"])
    assert_reply(resp, 200, {"id": rest_api["rootResourceId"], "path": "/"})


def test_get_resource_returns_the_created_child(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    fetched = _body(client.get_resource(restApiId=rest_api["id"], resourceId=resource["id"]))
    assert fetched == _body(resource)


def test_get_resources_lists_root_and_children(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    pet = bound(client, restApiId=api_id).create_resource(parentId=resource["id"], pathPart="{petId}")
    items = client.get_resources(restApiId=api_id)["items"]
    assert sorted(items, key=lambda r: r["path"]) == [
        {"id": rest_api["rootResourceId"], "path": "/"},
        _body(resource),
        pet,
    ]


def test_get_resources_shows_empty_object_per_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    bound(client, restApiId=api_id, resourceId=resource["id"], httpMethod="GET").put_method(authorizationType="NONE")
    bound(client, restApiId=api_id, resourceId=resource["id"], httpMethod="OPTIONS").put_method(
        authorizationType="NONE"
    )
    items = _by_path(client.get_resources(restApiId=api_id)["items"])
    assert items["/pets"]["resourceMethods"] == {"GET": {}, "OPTIONS": {}}


def test_get_resources_omits_resource_methods_when_there_are_none(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    items = _by_path(client.get_resources(restApiId=rest_api["id"])["items"])
    assert "resourceMethods" not in items["/pets"]
    assert "resourceMethods" not in items["/"]


def test_get_resources_embed_methods_embeds_method_objects(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    bound(client, restApiId=api_id, resourceId=resource["id"], httpMethod="GET").put_method(authorizationType="NONE")
    items = _by_path(client.get_resources(restApiId=api_id, embed=["methods"])["items"])
    embedded = items["/pets"]["resourceMethods"]["GET"]
    assert embedded["httpMethod"] == "GET"
    assert embedded["authorizationType"] == "NONE"
    assert embedded["apiKeyRequired"] is False


def test_get_resources_default_page_size_is_25(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = {rest_api["rootResourceId"]}
    for i in range(30):
        ids.add(
            bound(client, restApiId=api_id).create_resource(parentId=rest_api["rootResourceId"], pathPart=f"r{i}")["id"]
        )
    first = client.get_resources(restApiId=api_id)
    assert len(first["items"]) == 25
    assert first.get("position")
    second = client.get_resources(restApiId=api_id, position=first["position"])
    assert len(second["items"]) == 6
    assert "position" not in second
    seen = [r["id"] for r in first["items"]] + [r["id"] for r in second["items"]]
    assert len(seen) == 31
    assert set(seen) == ids


def test_get_resources_paginates_with_explicit_limit(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = {rest_api["rootResourceId"]}
    for name in ("a", "b", "c"):
        ids.add(
            bound(client, restApiId=api_id).create_resource(parentId=rest_api["rootResourceId"], pathPart=name)["id"]
        )
    first = client.get_resources(restApiId=api_id, limit=2)
    assert len(first["items"]) == 2
    assert first.get("position")
    second = client.get_resources(restApiId=api_id, limit=2, position=first["position"])
    assert len(second["items"]) == 2
    assert "position" not in second
    assert {r["id"] for r in first["items"]} | {r["id"] for r in second["items"]} == ids


def test_get_resources_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_resources(restApiId="doesnotexi")
    # spec §2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"


def test_get_resource_missing_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_resource(restApiId=rest_api["id"], resourceId="nope00")
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_get_resource_missing_api_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_resource(restApiId="doesnotexi", resourceId=rest_api["rootResourceId"])
    # spec §2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


# --- CreateResource ----------------------------------------------------------------------------------------------


def test_create_resource_returns_201_and_full_shape(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart="pets")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    body = _body(resp)
    assert body == {"id": body["id"], "parentId": rest_api["rootResourceId"], "path": "/pets", "pathPart": "pets"}


def test_create_resource_path_is_parent_path_plus_path_part(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    pet = bound(client, restApiId=api_id).create_resource(parentId=resource["id"], pathPart="{petId}")
    toys = bound(client, restApiId=api_id).create_resource(parentId=pet["id"], pathPart="toys")
    assert pet["path"] == "/pets/{petId}"
    assert toys == {"id": toys["id"], "parentId": pet["id"], "path": "/pets/{petId}/toys", "pathPart": "toys"}


def test_create_resource_child_id_is_short_lowercase_alphanumeric(resource: dict[str, Any]) -> None:
    # spec §3.2: [INF] children typically 6 chars lowercase alnum (shorter than the 10-char root id)
    assert re.match(r"^[a-z0-9]+$", resource["id"])
    assert len(resource["id"]) < 10


def test_create_resource_ids_are_unique(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = [
        bound(client, restApiId=api_id).create_resource(parentId=rest_api["rootResourceId"], pathPart=f"p{i}")["id"]
        for i in range(8)
    ]
    assert len(set(ids)) == 8
    assert rest_api["rootResourceId"] not in ids


def test_create_resource_missing_parent_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.create_resource(restApiId=rest_api["id"], parentId="nope00", pathPart="pets")
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_create_resource_missing_api_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.create_resource(restApiId="doesnotexi", parentId=rest_api["rootResourceId"], pathPart="pets")
    # spec §2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_create_resource_second_variable_sibling_of_greedy_is_bad_request(
    client: Any, rest_api: dict[str, Any]
) -> None:
    api_id, root = rest_api["id"], rest_api["rootResourceId"]
    bound(client, restApiId=api_id).create_resource(parentId=root, pathPart="{proxy+}")
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=api_id, parentId=root, pathPart="{dynamic}")
    assert exc.value.response["Error"]["Message"] == (
        "A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed"
    )


def test_create_resource_second_plain_variable_sibling_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    api_id, root = rest_api["id"], rest_api["rootResourceId"]
    bound(client, restApiId=api_id).create_resource(parentId=root, pathPart="{id}")
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=api_id, parentId=root, pathPart="{name}")
    # spec §3.2: [INF] the message names the existing variable sibling, as in the recorded {proxy+} case
    assert exc.value.response["Error"]["Message"] == (
        "A sibling ({id}) of this resource already has a variable path part -- only one is allowed"
    )


def test_create_resource_static_and_variable_siblings_coexist(client: Any, rest_api: dict[str, Any]) -> None:
    api_id, root = rest_api["id"], rest_api["rootResourceId"]
    bound(client, restApiId=api_id).create_resource(parentId=root, pathPart="{id}")
    # spec §3.2: [INF] only a second *variable* sibling is rejected
    static = bound(client, restApiId=api_id).create_resource(parentId=root, pathPart="pets")
    assert static["path"] == "/pets"


def test_create_resource_child_of_greedy_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    proxy = bound(client, restApiId=api_id).create_resource(parentId=rest_api["rootResourceId"], pathPart="{proxy+}")
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=api_id, parentId=proxy["id"], pathPart="child")
    assert exc.value.response["Error"]["Message"] == (
        "Cannot create a child of a resource with a greedy path variable: {proxy+}"
    )


def test_create_resource_greedy_under_static_parent_is_allowed(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    greedy = ids.create_resource(parentId=resource["id"], pathPart="{child+}")
    assert greedy == {"id": greedy["id"], "parentId": resource["id"], "path": "/pets/{child+}", "pathPart": "{child+}"}


def test_create_resource_duplicate_name_under_same_parent_is_conflict(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.ConflictException) as exc:
        client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart="pets")
    # spec §3.2: [INF] text recorded for UpdateResource
    assert exc.value.response["Error"]["Message"] == "Another resource with the same parent already has this name: pets"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_create_resource_same_name_under_different_parents_is_allowed(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    other = bound(client, restApiId=api_id).create_resource(parentId=rest_api["rootResourceId"], pathPart="owners")
    first = bound(client, restApiId=api_id).create_resource(parentId=resource["id"], pathPart="toys")
    # spec §3.2: [INF] the name conflict is per parent
    second = bound(client, restApiId=api_id).create_resource(parentId=other["id"], pathPart="toys")
    assert (first["path"], second["path"]) == ("/pets/toys", "/owners/toys")


# --- DeleteResource ----------------------------------------------------------------------------------------------


def test_delete_resource_returns_202(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    resp = client.delete_resource(restApiId=rest_api["id"], resourceId=resource["id"])
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202


def test_delete_resource_then_get_is_not_found(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    client.delete_resource(restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_resource(restApiId=rest_api["id"], resourceId=resource["id"])
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_delete_resource_removes_descendants(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    pet = bound(client, restApiId=api_id).create_resource(parentId=resource["id"], pathPart="{petId}")
    toys = bound(client, restApiId=api_id).create_resource(parentId=pet["id"], pathPart="toys")
    client.delete_resource(restApiId=api_id, resourceId=resource["id"])
    for gone in (pet, toys):
        with pytest.raises(client.exceptions.NotFoundException) as exc:
            client.get_resource(restApiId=api_id, resourceId=gone["id"])
        assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_delete_resource_removes_subtree_from_get_resources(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    bound(client, restApiId=api_id).create_resource(parentId=resource["id"], pathPart="{petId}")
    owners = bound(client, restApiId=api_id).create_resource(parentId=rest_api["rootResourceId"], pathPart="owners")
    client.delete_resource(restApiId=api_id, resourceId=resource["id"])
    items = client.get_resources(restApiId=api_id)["items"]
    assert sorted(items, key=lambda r: r["path"]) == [{"id": rest_api["rootResourceId"], "path": "/"}, owners]


def test_delete_resource_removes_its_methods(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    bound(client, restApiId=api_id, resourceId=resource["id"], httpMethod="GET").put_method(authorizationType="NONE")
    client.delete_resource(restApiId=api_id, resourceId=resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_method(restApiId=api_id, resourceId=resource["id"], httpMethod="GET")
    # spec §2: [INF] resource message for GetMethod on a missing resource
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_delete_resource_missing_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_resource(restApiId=rest_api["id"], resourceId="nope00")
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_delete_resource_twice_is_not_found(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    client.delete_resource(restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_resource(restApiId=rest_api["id"], resourceId=resource["id"])
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_delete_resource_allows_recreating_the_same_path(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    client.delete_resource(restApiId=rest_api["id"], resourceId=resource["id"])
    again = ids.create_resource(parentId=rest_api["rootResourceId"], pathPart="pets")
    assert again["path"] == "/pets"

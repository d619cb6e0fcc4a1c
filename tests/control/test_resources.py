"""Resource CRUD: GetResources (pagination, embed, resourceMethods), GetResource, CreateResource, DeleteResource.

Covers spec §1.1, §2 and §3.2: path computation, sibling greedy/variable rules, name conflicts, generated ids,
and deletion of descendants.

The last section holds details found in review beyond the spec-derived cases (from the former
test_graph_details.py); where a text is our choice the test says so ([INF]/[UNK]).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.helpers import assert_reply, message_of, method_with_mock, put_method
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
    ids = bound(client, restApiId=api_id)
    pet = ids.create_resource(parentId=resource["id"], pathPart="{petId}")
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
    put_method(client, api_id, resource["id"])
    put_method(client, api_id, resource["id"], "OPTIONS")
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
    put_method(client, api_id, resource["id"])
    items = _by_path(client.get_resources(restApiId=api_id, embed=["methods"])["items"])
    embedded = items["/pets"]["resourceMethods"]["GET"]
    assert embedded["httpMethod"] == "GET"
    assert embedded["authorizationType"] == "NONE"
    assert embedded["apiKeyRequired"] is False


def test_get_resources_default_page_size_is_25(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    calls = bound(client, restApiId=api_id)
    ids = {rest_api["rootResourceId"]}
    for i in range(30):
        ids.add(calls.create_resource(parentId=rest_api["rootResourceId"], pathPart=f"r{i}")["id"])
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
    calls = bound(client, restApiId=api_id)
    ids = {rest_api["rootResourceId"]}
    for name in ("a", "b", "c"):
        ids.add(calls.create_resource(parentId=rest_api["rootResourceId"], pathPart=name)["id"])
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
    ids = bound(client, restApiId=api_id)
    pet = ids.create_resource(parentId=resource["id"], pathPart="{petId}")
    toys = ids.create_resource(parentId=pet["id"], pathPart="toys")
    assert pet["path"] == "/pets/{petId}"
    assert toys == {"id": toys["id"], "parentId": pet["id"], "path": "/pets/{petId}/toys", "pathPart": "toys"}


def test_create_resource_child_id_is_short_lowercase_alphanumeric(resource: dict[str, Any]) -> None:
    # spec §3.2: [INF] children typically 6 chars lowercase alnum (shorter than the 10-char root id)
    assert re.match(r"^[a-z0-9]+$", resource["id"])
    assert len(resource["id"]) < 10


def test_create_resource_ids_are_unique(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    calls = bound(client, restApiId=api_id)
    ids = [calls.create_resource(parentId=rest_api["rootResourceId"], pathPart=f"p{i}")["id"] for i in range(8)]
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
    ids = bound(client, restApiId=api_id)
    ids.create_resource(parentId=root, pathPart="{proxy+}")
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=api_id, parentId=root, pathPart="{dynamic}")
    assert exc.value.response["Error"]["Message"] == (
        "A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed"
    )


def test_create_resource_second_plain_variable_sibling_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    api_id, root = rest_api["id"], rest_api["rootResourceId"]
    ids = bound(client, restApiId=api_id)
    ids.create_resource(parentId=root, pathPart="{id}")
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=api_id, parentId=root, pathPart="{name}")
    # spec §3.2: [INF] the message names the existing variable sibling, as in the recorded {proxy+} case
    assert exc.value.response["Error"]["Message"] == (
        "A sibling ({id}) of this resource already has a variable path part -- only one is allowed"
    )


def test_create_resource_static_and_variable_siblings_coexist(client: Any, rest_api: dict[str, Any]) -> None:
    api_id, root = rest_api["id"], rest_api["rootResourceId"]
    ids = bound(client, restApiId=api_id)
    ids.create_resource(parentId=root, pathPart="{id}")
    # spec §3.2: [INF] only a second *variable* sibling is rejected
    static = ids.create_resource(parentId=root, pathPart="pets")
    assert static["path"] == "/pets"


def test_create_resource_child_of_greedy_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id)
    proxy = ids.create_resource(parentId=rest_api["rootResourceId"], pathPart="{proxy+}")
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
    ids = bound(client, restApiId=api_id)
    other = ids.create_resource(parentId=rest_api["rootResourceId"], pathPart="owners")
    first = ids.create_resource(parentId=resource["id"], pathPart="toys")
    # spec §3.2: [INF] the name conflict is per parent
    second = ids.create_resource(parentId=other["id"], pathPart="toys")
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
    ids = bound(client, restApiId=api_id)
    pet = ids.create_resource(parentId=resource["id"], pathPart="{petId}")
    toys = ids.create_resource(parentId=pet["id"], pathPart="toys")
    client.delete_resource(restApiId=api_id, resourceId=resource["id"])
    for gone in (pet, toys):
        with pytest.raises(client.exceptions.NotFoundException) as exc:
            client.get_resource(restApiId=api_id, resourceId=gone["id"])
        assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_delete_resource_removes_subtree_from_get_resources(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id)
    ids.create_resource(parentId=resource["id"], pathPart="{petId}")
    owners = ids.create_resource(parentId=rest_api["rootResourceId"], pathPart="owners")
    client.delete_resource(restApiId=api_id, resourceId=resource["id"])
    items = client.get_resources(restApiId=api_id)["items"]
    assert sorted(items, key=lambda r: r["path"]) == [{"id": rest_api["rootResourceId"], "path": "/"}, owners]


def test_delete_resource_removes_its_methods(client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    put_method(client, api_id, resource["id"])
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


# --- review details: embed views, paging edges, path parts, the root ([INF]/[UNK] texts marked) -----------------------


def test_get_resource_shows_method_stubs_unless_embedded(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    method = put_method(client, api_id, rid)
    plain = _body(client.get_resource(restApiId=api_id, resourceId=rid))
    embedded = _body(client.get_resource(restApiId=api_id, resourceId=rid, embed=["methods"]))
    assert plain["resourceMethods"] == {"GET": {}}
    assert embedded["resourceMethods"] == {"GET": method}


def test_get_resources_embed_includes_integration_and_responses(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    method_with_mock(client, api_id, rid)
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


@pytest.mark.parametrize("path_part", ["has space", "a/b", "{unclosed", "x{y}", "{}", "na*me", ""])
def test_create_resource_bad_path_part_is_bad_request(client: Any, rest_api: dict[str, Any], path_part: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart=path_part)
    assert message_of(exc) == (
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
    assert message_of(exc) == "Cannot delete the root resource"  # [UNK] text
    assert client.get_resources(restApiId=rest_api["id"])["items"] == [{"id": rest_api["rootResourceId"], "path": "/"}]

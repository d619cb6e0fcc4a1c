"""Black-box tests for UpdateResource (spec §1.1, §2, §3.2, §4.1, §4.1.1, §4.5).

Only `replace` on `/pathPart` and `/parentId` is supported; paths of the resource and all its descendants are
recomputed. Error texts of this operation use their own message family (note the two spaces after "path").
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import assert_reply, body
from tests.support.calls import bound

OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"


def _child(client: Any, api_id: str, parent_id: str, path_part: str) -> dict[str, Any]:
    return body(client.create_resource(restApiId=api_id, parentId=parent_id, pathPart=path_part))


def _replace(path: str, value: str) -> dict[str, Any]:
    return {"op": "replace", "path": path, "value": value}


def _unsupported(path: str, op: str) -> str:
    return f"Invalid patch path  '{path}' specified for op '{op}'. Please choose supported operations"


# --- success --------------------------------------------------------------------------------------------------


def test_replace_path_part(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    resp = ids.raw.update_resource(patchOperations=[_replace("/pathPart", "dogs")])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    expected = {"id": resource["id"], "parentId": rest_api["rootResourceId"], "path": "/dogs", "pathPart": "dogs"}
    assert body(resp) == expected
    assert ids.get_resource() == expected


def test_rename_recomputes_descendant_paths(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    pet = _child(client, rest_api["id"], resource["id"], "{petId}")
    toys = _child(client, rest_api["id"], pet["id"], "toys")

    ids.update_resource(patchOperations=[_replace("/pathPart", "animals")])

    assert bound(client, restApiId=rest_api["id"], resourceId=pet["id"]).get_resource() == {
        "id": pet["id"],
        "parentId": resource["id"],
        "path": "/animals/{petId}",
        "pathPart": "{petId}",
    }
    assert (
        bound(client, restApiId=rest_api["id"], resourceId=toys["id"]).get_resource()["path"] == "/animals/{petId}/toys"
    )


def test_replace_parent_id_moves_resource_and_descendants(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    zoo = _child(client, rest_api["id"], rest_api["rootResourceId"], "zoo")
    toys = _child(client, rest_api["id"], resource["id"], "toys")

    resp = ids.raw.update_resource(patchOperations=[_replace("/parentId", zoo["id"])])

    assert_reply(resp, 200, {"id": resource["id"], "parentId": zoo["id"], "path": "/zoo/pets", "pathPart": "pets"})
    assert bound(client, restApiId=rest_api["id"], resourceId=toys["id"]).get_resource()["path"] == "/zoo/pets/toys"


def test_moved_paths_are_listed_by_get_resources(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    zoo = _child(client, rest_api["id"], rest_api["rootResourceId"], "zoo")
    _child(client, rest_api["id"], resource["id"], "toys")

    ids.update_resource(patchOperations=[_replace("/parentId", zoo["id"])])

    items = client.get_resources(restApiId=rest_api["id"])["items"]
    assert sorted(item["path"] for item in items) == ["/", "/zoo", "/zoo/pets", "/zoo/pets/toys"]


def test_move_and_rename_in_one_request(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    zoo = _child(client, rest_api["id"], rest_api["rootResourceId"], "zoo")

    resp = ids.raw.update_resource(patchOperations=[_replace("/parentId", zoo["id"]), _replace("/pathPart", "cats")])

    assert body(resp) == {"id": resource["id"], "parentId": zoo["id"], "path": "/zoo/cats", "pathPart": "cats"}


def test_ops_are_applied_in_order(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    resp = ids.raw.update_resource(patchOperations=[_replace("/pathPart", "a"), _replace("/pathPart", "b")])

    assert body(resp)["path"] == "/b"
    assert body(resp)["pathPart"] == "b"


def test_reparented_child_survives_delete_of_former_parent(client: Any, rest_api: dict, resource: dict) -> None:
    toys = _child(client, rest_api["id"], resource["id"], "toys")
    ids = bound(client, restApiId=rest_api["id"], resourceId=toys["id"])
    ids.update_resource(patchOperations=[_replace("/parentId", rest_api["rootResourceId"])])

    client.delete_resource(restApiId=rest_api["id"], resourceId=resource["id"])

    assert ids.get_resource() == {
        "id": toys["id"],
        "parentId": rest_api["rootResourceId"],
        "path": "/toys",
        "pathPart": "toys",
    }


# --- semantic errors ------------------------------------------------------------------------------------------


def test_unknown_parent_id_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.update_resource(patchOperations=[_replace("/parentId", "nosuch")])

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


@pytest.mark.parametrize("depth", [1, 2])
def test_moving_under_own_descendant_is_cyclical(client: Any, rest_api: dict, resource: dict, depth: int) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    target = resource
    for index in range(depth):
        target = _child(client, rest_api["id"], target["id"], f"level{index}")

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_resource(patchOperations=[_replace("/parentId", target["id"])])

    assert exc.value.response["Error"]["Message"] == "Resources cannot be cyclical."


def test_cyclical_move_leaves_tree_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    child = _child(client, rest_api["id"], resource["id"], "toys")

    with pytest.raises(client.exceptions.BadRequestException):
        ids.update_resource(patchOperations=[_replace("/parentId", child["id"])])

    assert ids.get_resource()["path"] == "/pets"
    assert bound(client, restApiId=rest_api["id"], resourceId=child["id"]).get_resource()["path"] == "/pets/toys"


def test_move_onto_existing_name_is_conflict(client: Any, rest_api: dict, resource: dict) -> None:
    zoo = _child(client, rest_api["id"], rest_api["rootResourceId"], "zoo")
    other_pets = _child(client, rest_api["id"], zoo["id"], "pets")
    ids = bound(client, restApiId=rest_api["id"], resourceId=other_pets["id"])

    with pytest.raises(client.exceptions.ConflictException) as exc:
        ids.update_resource(patchOperations=[_replace("/parentId", rest_api["rootResourceId"])])

    assert exc.value.response["Error"]["Message"] == "Another resource with the same parent already has this name: pets"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_rename_onto_sibling_name_is_conflict(client: Any, rest_api: dict, resource: dict) -> None:
    dogs = _child(client, rest_api["id"], rest_api["rootResourceId"], "dogs")
    ids = bound(client, restApiId=rest_api["id"], resourceId=dogs["id"])

    with pytest.raises(client.exceptions.ConflictException) as exc:
        ids.update_resource(patchOperations=[_replace("/pathPart", "pets")])

    assert exc.value.response["Error"]["Message"] == "Another resource with the same parent already has this name: pets"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("/pathPart", "root", "Root resource cannot update its pathPart."),
        ("/parentId", "RESOURCE", "Root resource cannot update its parentId."),
    ],
)
def test_root_resource_cannot_be_updated(
    client: Any, rest_api: dict, resource: dict, path: str, value: str, message: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=rest_api["rootResourceId"])
    new_value = resource["id"] if value == "RESOURCE" else value

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_resource(patchOperations=[_replace(path, new_value)])

    # spec §3.2: message [REC]; exception class BadRequest [INF]
    assert exc.value.response["Error"]["Message"] == message


# --- bad paths and ops ----------------------------------------------------------------------------------------


def test_replace_unknown_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_resource(patchOperations=[_replace("/invalid", "x")])

    assert exc.value.response["Error"]["Message"] == (
        "Invalid patch path  '/invalid' specified for op 'replace'. Must be one of: [/parentId, /pathPart]"
    )


@pytest.mark.parametrize("op", ["add", "remove"])
def test_add_or_remove_path_part_is_bad_request(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_resource(patchOperations=[{"op": op, "path": "/pathPart", "value": "dogs"}])

    assert exc.value.response["Error"]["Message"] == _unsupported("/pathPart", op)


def test_add_on_unknown_path_uses_unsupported_operation_text(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_resource(patchOperations=[{"op": "add", "path": "/invalid", "value": "x"}])

    # spec §4.1: [INF] for UpdateResource (REC for UpdateModel, same message family)
    assert exc.value.response["Error"]["Message"] == _unsupported("/invalid", "add")


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_are_unsupported(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_resource(patchOperations=[{"op": op, "path": "/pathPart", "from": "/pathPart", "value": "x"}])

    # spec §4.1 / §4.1.1: [UNK] recommended choice (the operation's unsupported-op message)
    assert exc.value.response["Error"]["Message"] == _unsupported("/pathPart", op)


def test_rejected_op_leaves_resource_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(client.exceptions.BadRequestException):
        ids.update_resource(patchOperations=[_replace("/pathPart", "dogs"), _replace("/invalid", "x")])

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert ids.get_resource() == body(resource)


def test_bad_op_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"])
    with pytest.raises(ClientError) as exc:
        ids.update_resource(patchOperations=[{"op": "bogus", "path": "/pathPart", "value": "x"}])

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    # spec §4.1: [INF] member naming for this operation
    assert exc.value.response["Error"]["Message"] == (
        "1 validation error detected: Value 'bogus' at 'updateResourceInput.patchOperations.1.member.op' "
        f"failed to satisfy constraint: {OP_ENUM}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- existence ------------------------------------------------------------------------------------------------


def test_missing_resource_is_not_found(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId="nores0")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.update_resource(patchOperations=[_replace("/pathPart", "x")])

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_resource_is_not_found_with_empty_ops(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId="nores0")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.update_resource(patchOperations=[])

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_api_is_not_found(client: Any) -> None:
    ids = bound(client, restApiId="noapi00000", resourceId="nores0")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.update_resource(patchOperations=[])

    # spec §2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"

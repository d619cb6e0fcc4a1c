"""The Resource `PATCHABLE` table (UpdateResource, spec §3.2, §4.5), pure (no boto3): every path x op as `(node, ops)
-> node | error` and `Placement.commit` (re-parenting recomputes the subtree's paths), with the vocabulary of
tests/support/patch_tables.py. The same behaviour through boto3: test_resource_updates.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from apigw_mock import patch
from apigw_mock.domain.paths import INVALID_PATH_PART
from apigw_mock.domain.resource import Placement, Resource
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.exceptions import ConflictException
from tests.support.patch_tables import Error, Ops, bad, missing, op, run, wire


def tree() -> ResourceTree:
    """/ ; /pets ; /pets/{petId} ; /pets/{petId}/toys ; /zoo ; /zoo/{proxy+}"""
    resources = ResourceTree()
    resources["root"] = Resource(id="root", path="/")
    for parent, part, resource_id in [
        ("root", "pets", "pets"),
        ("pets", "{petId}", "pet"),
        ("pet", "toys", "toys"),
        ("root", "zoo", "zoo"),
        ("zoo", "{proxy+}", "proxy"),
    ]:
        resources.add_child(resources[parent], part, resource_id)
    return resources


TREE = tree()


def resource_with(resource_id: str, **changes: Any) -> dict[str, Any]:
    return {**wire(TREE[resource_id]), **changes}


def please_choose(path: str, name: str) -> Error:
    return bad(f"Invalid patch path  '{path}' specified for op '{name}'. Please choose supported operations")


def must_be(path: str) -> Error:
    return bad(f"Invalid patch path  '{path}' specified for op 'replace'. Must be one of: [/parentId, /pathPart]")


CYCLICAL = bad("Resources cannot be cyclical.")

RESOURCE: dict[str, tuple[str, Ops, dict[str, Any] | Error]] = {
    "/pathPart replace": (
        "pets",
        [op("replace", "/pathPart", "dogs")],
        resource_with("pets", pathPart="dogs", path="/dogs"),
    ),
    "/pathPart replace with a variable": (
        "toys",
        [op("replace", "/pathPart", "{toyId}")],
        resource_with("toys", pathPart="{toyId}", path="/pets/{petId}/{toyId}"),
    ),
    "/pathPart replace with the same name": ("pets", [op("replace", "/pathPart", "pets")], resource_with("pets")),
    "/pathPart replace onto a sibling's name": (
        "zoo",
        [op("replace", "/pathPart", "pets")],
        Error(ConflictException, "Another resource with the same parent already has this name: pets"),
    ),
    "/pathPart replace with bad characters": ("pets", [op("replace", "/pathPart", "a b")], bad(INVALID_PATH_PART)),
    "/pathPart two renames, last wins": (
        "pets",
        [op("replace", "/pathPart", "a"), op("replace", "/pathPart", "b")],
        resource_with("pets", pathPart="b", path="/b"),
    ),
    "/pathPart replace without a value": ("pets", [op("replace", "/pathPart")], bad(INVALID_PATH_PART)),
    "/pathPart replace with an empty value": ("pets", [op("replace", "/pathPart", "")], bad(INVALID_PATH_PART)),
    "/pathPart on root": ("root", [op("replace", "/pathPart", "x")], bad("Root resource cannot update its pathPart.")),
    "/pathPart add": ("pets", [op("add", "/pathPart", "dogs")], please_choose("/pathPart", "add")),
    "/pathPart remove": ("pets", [op("remove", "/pathPart")], please_choose("/pathPart", "remove")),
    "/parentId replace": (
        "toys",
        [op("replace", "/parentId", "zoo")],
        resource_with("toys", parentId="zoo", path="/zoo/toys"),
    ),
    "/parentId replace to root": (
        "toys",
        [op("replace", "/parentId", "root")],
        resource_with("toys", parentId="root", path="/toys"),
    ),
    "/parentId replace with the same parent": ("toys", [op("replace", "/parentId", "pet")], resource_with("toys")),
    "/parentId unknown": (
        "toys",
        [op("replace", "/parentId", "nosuch")],
        missing("Invalid Resource identifier specified"),
    ),
    "/parentId null": ("toys", [op("replace", "/parentId")], missing("Invalid Resource identifier specified")),
    "/parentId itself": ("pets", [op("replace", "/parentId", "pets")], CYCLICAL),
    "/parentId own child": ("pets", [op("replace", "/parentId", "pet")], CYCLICAL),
    "/parentId own grandchild": ("pets", [op("replace", "/parentId", "toys")], CYCLICAL),
    "/parentId beside a variable sibling": (
        "pet",
        [op("replace", "/parentId", "zoo")],
        bad("A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed"),
    ),
    "/parentId under a greedy variable": (
        "toys",
        [op("replace", "/parentId", "proxy")],
        bad("Cannot create a child of a resource with a greedy path variable: {proxy+}"),
    ),
    "/parentId name clash at destination": (
        "toys",
        [op("replace", "/parentId", "root"), op("replace", "/pathPart", "zoo")],
        Error(ConflictException, "Another resource with the same parent already has this name: zoo"),
    ),
    "/parentId then /pathPart in one request": (
        "toys",
        [op("replace", "/parentId", "zoo"), op("replace", "/pathPart", "cats")],
        resource_with("toys", parentId="zoo", pathPart="cats", path="/zoo/cats"),
    ),
    "/parentId on root": (
        "root",
        [op("replace", "/parentId", "pets")],
        bad("Root resource cannot update its parentId."),
    ),
    "/parentId add": ("pets", [op("add", "/parentId", "zoo")], please_choose("/parentId", "add")),
    "/parentId remove": ("pets", [op("remove", "/parentId")], please_choose("/parentId", "remove")),
    "unknown path replace": ("pets", [op("replace", "/invalid", "x")], must_be("/invalid")),
    "/path is not patchable": ("pets", [op("replace", "/path", "/x")], must_be("/path")),
    "unknown path add": ("pets", [op("add", "/invalid", "x")], please_choose("/invalid", "add")),
    **{
        f"{name} rejected": (
            "pets",
            [op(name, "/pathPart", "x", **{"from": "/pathPart"})],
            please_choose("/pathPart", name),
        )
        for name in ("move", "copy", "test")
    },
    "missing path": ("pets", [op("replace", None, "x")], bad("Invalid patch path null")),
    "atomic: later op fails": (
        "pets",
        [op("replace", "/pathPart", "dogs"), op("replace", "/invalid", "x")],
        must_be("/invalid"),
    ),
}


@pytest.mark.parametrize(("resource_id", "ops", "expected"), RESOURCE.values(), ids=RESOURCE.keys())
def test_resource_table(resource_id: str, ops: Ops, expected: dict[str, Any] | Error) -> None:
    node = TREE[resource_id]
    run(node, ops, expected, context=Placement(node, TREE))


def _paths(resources: Iterable[Resource]) -> dict[str, str]:
    return {resource.id: resource.path for resource in resources}


def test_commit_recomputes_descendant_paths() -> None:
    resources = tree()
    placement = Placement(resources["pets"], resources)

    placement.commit(patch.apply_patch(resources["pets"], [op("replace", "/parentId", "zoo")], context=placement))

    assert _paths(resources.values()) == {
        "root": "/",
        "pets": "/zoo/pets",
        "pet": "/zoo/pets/{petId}",
        "toys": "/zoo/pets/{petId}/toys",
        "zoo": "/zoo",
        "proxy": "/zoo/{proxy+}",
    }
    assert [child.id for child in resources.children("zoo")] == ["proxy", "pets"]
    assert list(resources.children("root")) == [resources["zoo"]]


def test_commit_touches_only_the_subtree() -> None:
    resources = tree()
    untouched = {key: resources[key] for key in ("root", "zoo", "proxy")}
    placement = Placement(resources["pet"], resources)

    placement.commit(patch.apply_patch(resources["pet"], [op("replace", "/pathPart", "{id}")], context=placement))

    assert all(resources[key] is node for key, node in untouched.items())
    assert resources["toys"].path == "/pets/{id}/toys"
    assert resources.child("pets", "{id}") is resources["pet"]

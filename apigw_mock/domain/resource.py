"""Resource: one path segment of an API, holding its methods."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Protocol

import msgspec

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.messages import INVALID_RESOURCE
from apigw_mock.domain.method import Method
from apigw_mock.domain.paths import child_path
from apigw_mock.exceptions import NotFoundException


class Tree(Protocol):
    """What UpdateResource needs of the API's resources (`ResourceTree` is one; typed here so that this module
    does not import the tree, which imports it)."""

    def __contains__(self, resource_id: object, /) -> bool: ...
    def __getitem__(self, resource_id: str, /) -> Resource: ...
    def __setitem__(self, resource_id: str, resource: Resource, /) -> None: ...
    def subtree(self, resource_id: str) -> Iterator[Resource]: ...
    def check_child(self, parent: Resource, path_part: str, *, moving: str | None = None) -> None: ...


# ---- UpdateResource rules (spec §3.2): they see the resource being patched and its tree through `Placement` ------


def _path_part_reason(value: Any, key: str | None, placement: Placement) -> str | None:
    return "Root resource cannot update its pathPart." if placement.resource.parent_id is None else None


def _parent_id_reason(value: Any, key: str | None, placement: Placement) -> str | None:
    """Not on the root; the new parent must exist and must not be the resource or one of its descendants."""
    if placement.resource.parent_id is None:
        return "Root resource cannot update its parentId."
    if value not in placement.tree:
        raise NotFoundException(INVALID_RESOURCE)
    ancestor: str | None = value
    while ancestor is not None:  # walk up to the root: O(depth)
        if ancestor == placement.resource.id:
            return "Resources cannot be cyclical."
        ancestor = placement.tree[ancestor].parent_id
    return None


def _place(doc: dict[str, Any], placement: Placement) -> None:
    """After all ops: the (possibly new) name must be allowed under the (possibly new) parent, as on creation;
    the path follows."""
    if (doc["parentId"], doc["pathPart"]) != (placement.resource.parent_id, placement.resource.path_part):
        parent = placement.tree[doc["parentId"]]
        path_part = doc["pathPart"] or ""  # a missing value is an (invalid) empty path part
        placement.tree.check_child(parent, path_part, moving=doc["id"])
        doc["path"] = child_path(parent.path, path_part)


class Resource(ApiGatewayModel, kw_only=True):
    id: str
    parent_id: str | None = None
    """Absent on the root resource."""
    path_part: str | None = None
    """Absent on the root resource."""
    path: str
    resource_methods: dict[str, Method] | None = None
    """HTTP verb -> Method; omitted when the resource has no methods."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/parentId": patch.Field(check=_parent_id_reason),
            "/pathPart": patch.Field(check=_path_part_reason),
        },
        patch.ResourceMessages(["/parentId", "/pathPart"]),
        finish=_place,
    )


class Placement(msgspec.Struct, frozen=True):
    """UpdateResource's patch context: the resource being patched, within its API's resource tree."""

    resource: Resource
    tree: Tree

    def commit(self, moved: Resource) -> Resource:
        """Store the patched resource and recompute its descendants' paths (O(size of its subtree))."""
        descendants = list(self.tree.subtree(moved.id))[1:]  # parents before children
        self.tree[moved.id] = moved
        for node in descendants:
            path = child_path(self.tree[node.parent_id or ""].path, node.path_part or "")
            self.tree[node.id] = node.model_copy(update={"path": path})
        return moved

"""Resource handlers: GetResources, GetResource, CreateResource, DeleteResource (spec §2, §3.2).

A missing API reads as a missing resource, except for GetResources, which names the API (spec §2 [UNK] choices).
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.control.views import ResourceView, as_listed
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.resource import Placement, Resource
from apigw_mock.exceptions import BadRequestException
from apigw_mock.paging import page_size
from apigw_mock.patch import PatchOperations, apply_patch


@operation("GetResources")
def get_resources(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    position: str | None = None,
    limit: int | None = None,
    embed: list[str] | None = None,
) -> dict[str, Any]:
    resources, following = backend.graph(rest_api_id).resources.page(position, page_size(limit))
    return {"items": [as_listed(resource, embed) for resource in resources], "position": following}


@operation("GetResource")
def get_resource(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, embed: list[str] | None = None
) -> Resource | ResourceView:
    return as_listed(backend.resource(rest_api_id, resource_id), embed)


@operation("CreateResource")
def create_resource(backend: ApiGatewayBackend, *, rest_api_id: str, parent_id: str, path_part: str) -> Resource:
    parent = backend.resource(rest_api_id, parent_id)
    graph = backend.graph(rest_api_id)
    child = graph.resources.add_child(parent, path_part, backend.new_id(CHILD_ID_LENGTH))
    graph.adopt(child.id)
    return child


@operation("DeleteResource")
def delete_resource(backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str) -> None:
    if backend.resource(rest_api_id, resource_id).parent_id is None:
        # AWS's text for deleting the root is unrecorded [UNK]; the API would be left without a root.
        raise BadRequestException("Cannot delete the root resource")
    del backend.graph(rest_api_id).resources[resource_id]


@operation("UpdateResource")
def update_resource(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, patch_operations: PatchOperations = ()
) -> ResourceView | Resource:
    resource = backend.resource(rest_api_id, resource_id)
    placement = Placement(resource, backend.graph(rest_api_id).resources)
    updated = placement.commit(apply_patch(resource, patch_operations, context=placement))
    # Shown as GetResource shows it (methods as `{verb: {}}`): the reply's method form is unrecorded [UNK].
    return as_listed(updated, None)

"""UpdateRestApi, UpdateResource, UpdateMethod and UpdateMethodResponse on the shared patch engine.

Each handler looks the node up (AWS's not-found text for its family, even with no operations), applies the patch
to it atomically with the node's own `PATCHABLE` table, swaps the new node into the graph and returns it
(UpdateResource also recomputes the paths beneath a renamed or moved resource).
What a path may do, and the errors, live in the tables (models/rest_api.py, resource.py, method.py).
"""

from __future__ import annotations

from apigw_mock.backend import ApiGatewayBackend
from apigw_mock.models.method import Method, MethodResponse
from apigw_mock.models.resource import Placement, Resource
from apigw_mock.models.resource_view import ResourceView, as_listed
from apigw_mock.models.rest_api import RestApi
from apigw_mock.operations.methods import references
from apigw_mock.operations.registry import operation
from apigw_mock.patch import PatchOperations, apply_patch


@operation("UpdateRestApi")
def update_rest_api(backend: ApiGatewayBackend, *, rest_api_id: str, patch_operations: PatchOperations = ()) -> RestApi:
    graph = backend.graph(rest_api_id)
    graph.api = apply_patch(graph.api, patch_operations)
    # Unlike Create/Get, UpdateRestApi always shows `tags`, `{}` when there are none (spec §3.1, recorded).
    return graph.api.model_copy(update={"tags": graph.api.tags or {}})


@operation("UpdateResource")
def update_resource(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, patch_operations: PatchOperations = ()
) -> ResourceView | Resource:
    resource = backend.resource(rest_api_id, resource_id)
    placement = Placement(resource, backend.graph(rest_api_id).resources)
    updated = placement.commit(apply_patch(resource, patch_operations, context=placement))
    # Shown as GetResource shows it (methods as `{verb: {}}`): the reply's method form is unrecorded [UNK].
    return as_listed(updated, None)


@operation("UpdateMethod")
def update_method(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    patch_operations: PatchOperations = (),
) -> Method:
    method = backend.method(rest_api_id, resource_id, http_method)
    updated = apply_patch(method, patch_operations, context=references(backend, rest_api_id))
    backend.replace_method(rest_api_id, resource_id, updated, http_method)
    return updated


@operation("UpdateMethodResponse")
def update_method_response(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    status_code: str,
    patch_operations: PatchOperations = (),
) -> MethodResponse:
    node = backend.method_response(rest_api_id, resource_id, http_method, status_code)
    updated = apply_patch(node, patch_operations, context=references(backend, rest_api_id))
    backend.replace_method_response(rest_api_id, resource_id, http_method, status_code, updated)
    return updated

"""RestApi handlers: CreateRestApi, GetRestApi, GetRestApis, DeleteRestApi (spec §3.1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.control.views import updated_rest_api
from apigw_mock.domain import api_policy, rest_api_rules
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.gateway_response import GatewayResponse
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.domain.model import Model, default_models
from apigw_mock.domain.resource import Resource
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.domain.tags import check_tags, custom_id
from apigw_mock.paging import PagedDict, page_size
from apigw_mock.patch import PatchOperations, apply_patch


@operation("CreateRestApi")
def create_rest_api(
    backend: ApiGatewayBackend,
    *,
    name: str,
    description: str | None = None,
    minimum_compression_size: int | None = None,
    endpoint_configuration: Mapping[str, Any] | None = None,
    binary_media_types: list[str] | None = None,
    tags: dict[str, str] | None = None,
    clone_from: str | None = None,
    **optional: Any,
) -> RestApi:
    rest_api_rules.check_new_rest_api(description, minimum_compression_size, endpoint_configuration)
    check_tags(tags)
    resources, models, gateway_responses = (
        _cloned(backend, backend.graph(clone_from)) if clone_from is not None else _fresh(backend)
    )
    api = RestApi.checked(
        id=backend.claim_id(chosen) if (chosen := custom_id(tags)) else backend.new_id(),  # moto's `_custom_id_` tag
        name=name,
        description=description,
        created_date=backend.now(),
        minimum_compression_size=minimum_compression_size,
        endpoint_configuration=rest_api_rules.endpoint_configuration(endpoint_configuration),
        binary_media_types=binary_media_types or None,  # `[]` is omitted (spec §3.1, recorded)
        tags=tags or None,
        root_resource_id=resources.root.id,
        policy=api_policy.stored(optional.pop("policy", None)),
        **optional,
    )
    backend.apis[api.id] = ApiGraph(api, resources, models, gateway_responses)
    return api


@operation("GetRestApi")
def get_rest_api(backend: ApiGatewayBackend, *, rest_api_id: str) -> RestApi:
    return backend.graph(rest_api_id).api


@operation("GetRestApis")
def get_rest_apis(
    backend: ApiGatewayBackend, *, position: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    graphs, following = backend.apis.page(position, page_size(limit))
    return {"items": [graph.api for graph in graphs], "position": following}


@operation("DeleteRestApi")
def delete_rest_api(backend: ApiGatewayBackend, *, rest_api_id: str) -> None:
    backend.graph(rest_api_id)
    del backend.apis[rest_api_id]


@operation("UpdateRestApi")
def update_rest_api(backend: ApiGatewayBackend, *, rest_api_id: str, patch_operations: PatchOperations = ()) -> RestApi:
    graph = backend.graph(rest_api_id)
    graph.api = apply_patch(graph.api, patch_operations)
    return updated_rest_api(graph.api)


_Contents = tuple[ResourceTree, PagedDict[str, Model], dict[str, GatewayResponse]]


def _fresh(backend: ApiGatewayBackend) -> _Contents:
    """The root resource `/`, the default models and no customised gateway responses."""
    resources = ResourceTree()
    root = Resource(id=backend.new_id(), path="/")
    resources[root.id] = root
    return resources, _paged(default_models(lambda: backend.new_id(CHILD_ID_LENGTH))), {}


def _cloned(backend: ApiGatewayBackend, source: ApiGraph) -> _Contents:
    """A copy of `source`'s resources (methods included), models and gateway responses, under fresh ids."""
    resources = source.resources.cloned(
        lambda r: backend.new_id() if r.parent_id is None else backend.new_id(CHILD_ID_LENGTH)
    )
    models = {
        name: model.model_copy(update={"id": backend.new_id(CHILD_ID_LENGTH)}) for name, model in source.models.items()
    }
    return resources, _paged(models), dict(source.gateway_responses)


def _paged(models: Mapping[str, Model]) -> PagedDict[str, Model]:
    paged: PagedDict[str, Model] = PagedDict()
    paged.update(models)
    return paged

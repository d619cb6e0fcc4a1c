"""Model handlers: GetModels, GetModel, CreateModel, DeleteModel (spec §2, §3.1).

A missing API is `Invalid API identifier specified <account>:<id>` (recorded for CreateModel and GetModels).
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.model_rules import check_new_model, check_unused
from apigw_mock.domain.rest_api import Model
from apigw_mock.exceptions import NotFoundException
from apigw_mock.paging import page_size


@operation("GetModels")
def get_models(
    backend: ApiGatewayBackend, *, rest_api_id: str, position: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    models, following = backend.graph(rest_api_id).models.page(position, page_size(limit))
    return {"items": models, "position": following}


@operation("GetModel")
def get_model(backend: ApiGatewayBackend, *, rest_api_id: str, model_name: str, flatten: bool = False) -> Model:
    # `flatten` expands `$ref`s to other models; stored schemas are returned as written.
    return _model(backend, rest_api_id, model_name)


@operation("CreateModel")
def create_model(backend: ApiGatewayBackend, *, rest_api_id: str, name: str, content_type: str, **fields: Any) -> Model:
    models = backend.graph(rest_api_id).models
    check_new_model(models, name)
    model = Model(id=backend.new_id(CHILD_ID_LENGTH), name=name, content_type=content_type, **fields)
    models[name] = model
    return model


@operation("DeleteModel")
def delete_model(backend: ApiGatewayBackend, *, rest_api_id: str, model_name: str) -> None:
    _model(backend, rest_api_id, model_name)
    graph = backend.graph(rest_api_id)
    check_unused(graph.resources.values(), model_name)
    del graph.models[model_name]


def _model(backend: ApiGatewayBackend, rest_api_id: str, model_name: str) -> Model:
    found = backend.graph(rest_api_id).models.get(model_name)
    if found is None:
        raise NotFoundException(f"Invalid model name specified: {model_name}")
    return found

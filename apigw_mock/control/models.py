"""Model operations: CreateModel, GetModel, GetModels, UpdateModel, DeleteModel as a declared collection, and
GetModelTemplate (spec §2, §3.1).

A missing API is `Invalid API identifier specified <account>:<id>` (recorded for CreateModel and GetModels); a
missing model `Invalid model name specified: <name>`.
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.control.registry import operation
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.model import DUPLICATE, Model, check_unused, mapping_template
from apigw_mock.paging import PagedDict


def _models(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, Model]:
    return backend.graph(params["rest_api_id"]).models


def _unused(backend: ApiGatewayBackend, params: Params, model: Model) -> None:
    check_unused(backend.graph(params["rest_api_id"]).resources.values(), model.name)


MODELS = Collection(
    model=Model,
    noun="Model",
    container=_models,
    key="model_name",
    key_field="name",
    not_found="Invalid model name specified: {key}",
    duplicate=DUPLICATE,
    before_delete=_unused,  # `flatten` on GetModel expands `$ref`s; stored schemas are returned as written
)
register_crud(MODELS)


@operation("GetModelTemplate")
def get_model_template(backend: ApiGatewayBackend, **params: Any) -> dict[str, str]:
    return {"value": mapping_template(MODELS.lookup(backend, params)[1])}

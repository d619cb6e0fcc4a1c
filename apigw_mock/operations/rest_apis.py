"""RestApi handlers: CreateRestApi, GetRestApi, GetRestApis, DeleteRestApi (placeholder wiring)."""

from __future__ import annotations

import datetime
from typing import Any

from apigw_mock.backend import ApiGatewayBackend, ApiGraph
from apigw_mock.models.resource import Resource
from apigw_mock.models.rest_api import EndpointConfiguration, RestApi
from apigw_mock.operations.registry import operation


@operation("CreateRestApi")
def create_rest_api(backend: ApiGatewayBackend, *, name: str, **_: Any) -> RestApi:
    root = Resource(id=backend.new_id(), path="/")
    api = RestApi(
        id=backend.new_id(),
        name=name,
        created_date=datetime.datetime.now(datetime.UTC),
        endpoint_configuration=EndpointConfiguration(types=["EDGE"], ip_address_type="ipv4"),
        root_resource_id=root.id,
    )
    backend.apis[api.id] = ApiGraph(api, resources={root.id: root})
    return api


@operation("GetRestApi")
def get_rest_api(backend: ApiGatewayBackend, *, rest_api_id: str) -> RestApi:
    return backend.graph(rest_api_id).api

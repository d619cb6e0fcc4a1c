"""SDK generation: GetSdkTypes and GetSdkType (a declared collection over AWS's catalogue), and GetSdk, which
answers a real zip archive that says what it is (spec control-plane-2 §15; `domain/sdk.py`). GetSdk needs the
API (`Invalid API identifier specified <account>:<id>`) and its stage (NotFound `Invalid stage identifier
specified` [INF]) before it looks at the SDK type and its parameters.
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.collections import Collection, register_crud
from apigw_mock.control.registry import operation
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.messages import INVALID_STAGE
from apigw_mock.domain.sdk import (
    CONTENT_TYPE,
    SDK_TYPES,
    TYPE_NOT_FOUND,
    SdkType,
    check_parameters,
    file_name,
    sdk_archive,
)
from apigw_mock.domain.stage_refs import stage_exists
from apigw_mock.dump import dump
from apigw_mock.exceptions import NotFoundException

SDK_TYPE_CATALOGUE = Collection(
    model=SdkType,
    noun="SdkType",
    container=lambda backend, params: SDK_TYPES,
    key="id",
    id_length=None,
    not_found=TYPE_NOT_FOUND,
)
register_crud(SDK_TYPE_CATALOGUE, verbs=("get", "list"))


@operation("GetSdk")
def get_sdk(
    backend: ApiGatewayBackend, *, rest_api_id: str, stage_name: str, sdk_type: str, parameters: Any = None
) -> dict[str, Any]:
    graph = backend.graph(rest_api_id)
    if not stage_exists(graph, stage_name):
        raise NotFoundException(INVALID_STAGE)
    check_parameters(sdk_type, parameters or {})
    now = backend.now()
    api = {"restApi": dump(graph.api), "resources": [dump(resource) for resource in graph.resources.values()]}
    request = {"sdkType": sdk_type, "stageName": stage_name, "parameters": parameters or {}}
    return {
        "contentType": CONTENT_TYPE,
        "contentDisposition": file_name(sdk_type, now),
        "body": sdk_archive(api, request, now),
    }

"""GatewayResponse handlers: Put, Get, GetGatewayResponses, Update, Delete (spec §5).

Every operation first needs the API (`Invalid API identifier specified <account>:<id>`); the responses it shows
are derived from the customised ones by `models.gateway_response.effective`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.enums import GatewayResponseType
from apigw_mock.domain.gateway_response import GatewayResponse, effective, effective_all
from apigw_mock.exceptions import NotFoundException
from apigw_mock.patch import PatchOperations, apply_patch


@operation("PutGatewayResponse")
def put_gateway_response(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    response_type: GatewayResponseType,
    status_code: str | None = None,
    response_parameters: Mapping[str, str | None] | None = None,
    response_templates: Mapping[str, str | None] | None = None,
) -> GatewayResponse:
    customised = backend.graph(rest_api_id).gateway_responses
    node = GatewayResponse.put(response_type, status_code, response_parameters, response_templates)
    customised[response_type] = node
    return node


@operation("GetGatewayResponse")
def get_gateway_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, response_type: GatewayResponseType
) -> GatewayResponse:
    return effective(backend.graph(rest_api_id).gateway_responses, response_type)


@operation("GetGatewayResponses")
def get_gateway_responses(backend: ApiGatewayBackend, *, rest_api_id: str, **_: Any) -> dict[str, Any]:
    # Not paginated: `limit` and `position` do not apply (botocore model doc, spec §5.1).
    return {"items": effective_all(backend.graph(rest_api_id).gateway_responses)}


@operation("UpdateGatewayResponse")
def update_gateway_response(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    response_type: GatewayResponseType,
    patch_operations: PatchOperations = (),
) -> GatewayResponse:
    customised = backend.graph(rest_api_id).gateway_responses
    node = apply_patch(effective(customised, response_type).customise(), patch_operations)
    customised[response_type] = node
    return node


@operation("DeleteGatewayResponse")
def delete_gateway_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, response_type: GatewayResponseType
) -> None:
    customised = backend.graph(rest_api_id).gateway_responses
    if customised.pop(response_type, None) is None:
        raise NotFoundException("Gateway response type not defined on api")

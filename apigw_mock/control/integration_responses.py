"""IntegrationResponse handlers (Put/Get/Update/Delete) and UpdateIntegration, on the shared patch engine."""

from __future__ import annotations

from apigw_mock.control.integrations import check_connection
from apigw_mock.control.registry import operation
from apigw_mock.domain import integration_rules
from apigw_mock.domain.backend import (
    ApiGatewayBackend,
    integration_of,
    integration_response_of,
    store_integration,
    store_integration_response,
)
from apigw_mock.domain.integration import Integration, IntegrationResponse, stored_templates
from apigw_mock.domain.messages import INVALID_INTEGRATION, INVALID_STATUS_CODE
from apigw_mock.domain.method import Method
from apigw_mock.exceptions import ConflictException, NotFoundException
from apigw_mock.patch import PatchOperations, apply_patch


@operation("PutIntegrationResponse")
def put_integration_response(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    status_code: str,
    selection_pattern: str | None = None,
    response_parameters: dict[str, str] | None = None,
    response_templates: dict[str, str | None] | None = None,
    content_handling: str | None = None,
) -> IntegrationResponse:
    method = backend.method(rest_api_id, resource_id, http_method)
    integration = integration_of(method)
    node = IntegrationResponse.checked(
        status_code=status_code,
        selection_pattern=selection_pattern,
        response_parameters=response_parameters,
        response_templates=stored_templates(response_templates),
        content_handling=content_handling,
    )
    _check_new(node, method)
    store_integration_response(integration, status_code, node)
    return node


@operation("GetIntegrationResponse")
def get_integration_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, status_code: str
) -> IntegrationResponse:
    return backend.integration_response(rest_api_id, resource_id, http_method, status_code)


@operation("UpdateIntegrationResponse")
def update_integration_response(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    status_code: str,
    patch_operations: PatchOperations = (),
) -> IntegrationResponse:
    method = backend.method(rest_api_id, resource_id, http_method)
    integration = integration_of(method)
    current = integration_response_of(integration, status_code)
    updated = apply_patch(current, patch_operations, context=_declared_headers(method, status_code))
    _check_default_pattern(updated, method)
    store_integration_response(integration, status_code, updated)
    return updated


@operation("DeleteIntegrationResponse")
def delete_integration_response(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, status_code: str
) -> None:
    # A missing method reads as a missing integration here, unlike GetIntegrationResponse (spec §2, recorded).
    integration = backend.integration(rest_api_id, resource_id, http_method, method_missing=INVALID_INTEGRATION)
    if status_code not in (integration.integration_responses or {}):
        raise NotFoundException(INVALID_STATUS_CODE)
    store_integration_response(integration, status_code, None)


@operation("UpdateIntegration")
def update_integration(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    resource_id: str,
    http_method: str,
    patch_operations: PatchOperations = (),
) -> Integration:
    method = backend.method(rest_api_id, resource_id, http_method)
    current = integration_of(method)
    updated = apply_patch(current, patch_operations, context=method)
    check_connection(backend, updated, current)
    store_integration(method, updated)
    return updated


def _declared_headers(method: Method, status_code: str) -> frozenset[str]:
    """The `method.response.header.*` names the method response of `status_code` declares (may be none)."""
    response = (method.method_responses or {}).get(status_code)
    return frozenset((response.response_parameters or {}) if response else ())


def _check_new(node: IntegrationResponse, method: Method) -> None:
    """PutIntegrationResponse's semantic checks, first failure wins (spec §1.4, §3.6)."""
    integration_rules.check_integration_response(node, method)
    _check_default_pattern(node, method)


def _check_default_pattern(node: IntegrationResponse, method: Method) -> None:
    """Only one integration response may be the default (no selection pattern; spec §3.6 and §7.8 [UNK] choice:
    an omitted pattern is the default, `""` is not)."""
    if node.selection_pattern is not None:
        return
    others = (method.method_integration.integration_responses or {}) if method.method_integration else {}
    if any(r.selection_pattern is None for code, r in others.items() if code != node.status_code):
        raise ConflictException("Integration response with selection pattern default already exists")

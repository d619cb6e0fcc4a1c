"""Integration handlers: PutIntegration (an upsert that keeps integration responses), GetIntegration,
DeleteIntegration (spec §2, §3.5). A missing method is `Invalid Method identifier specified` for all three."""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.control.views import put_integration_reply
from apigw_mock.domain.backend import ApiGatewayBackend, integration_of, store_integration
from apigw_mock.domain.integration import Integration
from apigw_mock.domain.integration_rules import new_integration


@operation("PutIntegration")
def put_integration(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, **fields: Any
) -> Integration:
    method = backend.method(rest_api_id, resource_id, http_method)
    integration = new_integration(method, resource_id, **fields)
    # spec §7.6 [UNK] choice: a re-PUT keeps the integration responses (the reply does not show them).
    kept = method.method_integration.integration_responses if method.method_integration else None
    stored = integration if kept is None else integration.model_copy(update={"integration_responses": kept})
    store_integration(method, stored)
    return put_integration_reply(stored)


@operation("GetIntegration")
def get_integration(backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str) -> Integration:
    return backend.integration(rest_api_id, resource_id, http_method)


@operation("DeleteIntegration")
def delete_integration(backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str) -> None:
    method = backend.method(rest_api_id, resource_id, http_method)
    integration_of(method)
    store_integration(method, None)

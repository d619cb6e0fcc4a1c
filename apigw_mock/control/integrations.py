"""Integration handlers: PutIntegration (an upsert that keeps integration responses), GetIntegration,
DeleteIntegration (spec §2, §3.5). A missing method is `Invalid Method identifier specified` for all three."""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.control.views import put_integration_reply
from apigw_mock.domain.backend import ApiGatewayBackend, integration_of, store_integration
from apigw_mock.domain.integration import Integration
from apigw_mock.domain.integration_rules import new_integration, vpc_link_reason
from apigw_mock.exceptions import BadRequestException


def check_connection(backend: ApiGatewayBackend, integration: Integration, before: Integration | None = None) -> None:
    """A `VPC_LINK` integration names a VPC link of the account (PutIntegration, and UpdateIntegration when it
    changes the connection: a link deleted since is left dangling, spec c-p-2 §18.11)."""
    connection = (integration.connection_type, integration.connection_id)
    if before is not None and connection == (before.connection_type, before.connection_id):
        return
    reason = vpc_link_reason(*connection, backend.vpc_links)
    if reason is not None:
        raise BadRequestException(reason)


@operation("PutIntegration")
def put_integration(
    backend: ApiGatewayBackend, *, rest_api_id: str, resource_id: str, http_method: str, **fields: Any
) -> Integration:
    method = backend.method(rest_api_id, resource_id, http_method)
    integration = new_integration(method, resource_id, **fields)
    check_connection(backend, integration)
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

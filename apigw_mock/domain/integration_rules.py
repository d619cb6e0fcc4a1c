"""PutIntegration: AWS's checks and the defaults it fills in (spec §3.5).

Contract: `new_integration(method, resource_id, type=..., ...)` raises the first semantic BadRequest (shape errors
were reported by protocol validation) or returns the Integration as AWS stores it: `cacheKeyParameters` `[]`,
`cacheNamespace` the resource id, `passthroughBehavior` WHEN_NO_MATCH, `timeoutInMillis` 29000, `connectionType`
INTERNET for HTTP and HTTP_PROXY only, no `uri`/`httpMethod` on MOCK, empty templates stored as null. It carries no
integration responses; keeping an earlier integration's responses on re-PUT is the caller's job.
`check_integration_response(node, method)` raises PutIntegrationResponse's first mapping error (template content
types, then `method.response.header.*` targets the method response must declare; spec §3.6), for PutIntegrationResponse
and the OpenAPI importer alike.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import Any

from apigw_mock.domain import mapping, vpc_link
from apigw_mock.domain.integration import (
    TIMEOUT,
    Integration,
    IntegrationResponse,
    cache_key_reason,
    checked_passthrough_behavior,
    http_method_reason,
    stored_templates,
    uri_reason,
)
from apigw_mock.domain.method import Method
from apigw_mock.exceptions import BadRequestException

_NEEDS_HTTP_METHOD = ("HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY")
_INTERNET_BY_DEFAULT = ("HTTP", "HTTP_PROXY")


def new_integration(
    method: Method,
    resource_id: str,
    *,
    type: str,
    integration_http_method: str | None = None,
    uri: str | None = None,
    connection_type: str | None = None,
    cache_namespace: str | None = None,
    cache_key_parameters: list[str] | None = None,
    passthrough_behavior: str | None = None,
    timeout_in_millis: int | None = None,
    request_parameters: dict[str, str] | None = None,
    request_templates: dict[str, str | None] | None = None,
    **optional: Any,
) -> Integration:
    _check(type, integration_http_method, uri, timeout_in_millis, passthrough_behavior)
    _check_mappings(method, request_parameters, request_templates, cache_key_parameters)
    mock = type == "MOCK"
    return Integration.checked(
        type=type,
        http_method=None if mock else integration_http_method,
        uri=None if mock else uri,
        connection_type=connection_type or ("INTERNET" if type in _INTERNET_BY_DEFAULT else None),
        cache_namespace=cache_namespace or resource_id,
        cache_key_parameters=cache_key_parameters or [],
        passthrough_behavior=passthrough_behavior or "WHEN_NO_MATCH",
        timeout_in_millis=29000 if timeout_in_millis is None else timeout_in_millis,
        request_parameters=request_parameters,
        request_templates=stored_templates(request_templates),
        **optional,
    )


def _check(
    integration_type: str, http_method: str | None, uri: str | None, timeout: int | None, passthrough: str | None
) -> None:
    reason = http_method_reason(http_method) if integration_type in _NEEDS_HTTP_METHOD else None
    if reason is not None:
        raise BadRequestException(reason)
    reason = uri_reason(integration_type, uri)
    if reason is not None:
        raise BadRequestException(reason)
    TIMEOUT.check(timeout)
    if passthrough is not None:
        checked_passthrough_behavior(passthrough)  # the same check (and unrecorded [UNK] text) as UpdateIntegration's


def _check_mappings(
    method: Method,
    request_parameters: Mapping[str, str] | None,
    request_templates: Mapping[str, str | None] | None,
    cache_key_parameters: list[str] | None,
) -> None:
    declared = method.request_parameters or {}
    for name, source in (request_parameters or {}).items():
        reason = mapping.integration_request_reason(name, source, declared)
        if reason is not None:
            raise BadRequestException(reason)
    for content_type in request_templates or {}:
        reason = mapping.content_type_reason(content_type)
        if reason is not None:
            raise BadRequestException(reason)
    for key in cache_key_parameters or ():
        reason = cache_key_reason(key, method)
        if reason is not None:
            raise BadRequestException(reason)


VPC_LINK_MISSING = vpc_link.NOT_FOUND  # the VPC link family's own text, for an integration naming a missing link


def vpc_link_reason(connection_type: str | None, connection_id: str | None, links: Container[str]) -> str | None:
    """Why a `VPC_LINK` connection names no existing VPC link, or None (PutIntegration and UpdateIntegration).
    A stage variable (`${stageVariables.vpcLinkId}`) is resolved per stage at invocation, so it is kept as given
    (core spec §3.5, REC)."""
    if connection_type != "VPC_LINK" or (connection_id or "").startswith("${stageVariables."):
        return None
    return None if connection_id in links else VPC_LINK_MISSING


def check_integration_response(node: IntegrationResponse, method: Method) -> None:
    """PutIntegrationResponse's mapping checks, first failure wins (spec §1.4, §3.6)."""
    for content_type in node.response_templates or {}:
        reason = mapping.content_type_reason(content_type)
        if reason is not None:
            raise BadRequestException(reason)
    response = (method.method_responses or {}).get(node.status_code)
    declared = frozenset((response.response_parameters or {}) if response else ())
    for name, source in (node.response_parameters or {}).items():
        reason = mapping.method_response_header_reason(name, source, declared)
        if reason is not None:
            raise BadRequestException(reason)

"""Integration and IntegrationResponse: the backend side of a method."""

from __future__ import annotations

from apigw_mock.models.base import ApiGatewayModel
from apigw_mock.models.enums import ConnectionType, ContentHandlingStrategy, IntegrationType, ResponseTransferMode


class IntegrationResponse(ApiGatewayModel):
    status_code: str
    selection_pattern: str | None = None
    """Regex matched against the backend error (Lambda) or status code (HTTP); `""` is kept as sent."""
    response_parameters: dict[str, str] | None = None
    """`method.response.header.<Name>` -> mapping expression (`'static'`, `integration.response.header.X`, ...)."""
    response_templates: dict[str, str | None] | None = None
    """Content type -> template; an empty template is stored (and returned) as null."""
    content_handling: ContentHandlingStrategy | None = None


class TlsConfig(ApiGatewayModel):
    insecure_skip_verification: bool | None = None


class Integration(ApiGatewayModel):
    type: IntegrationType
    http_method: str | None = None
    """The *integration* HTTP verb (PutIntegration's `integrationHttpMethod`); never present for MOCK."""
    uri: str | None = None
    connection_type: ConnectionType | None = None
    connection_id: str | None = None
    credentials: str | None = None
    request_parameters: dict[str, str] | None = None
    request_templates: dict[str, str | None] | None = None
    passthrough_behavior: str | None = None
    content_handling: ContentHandlingStrategy | None = None
    timeout_in_millis: int | None = None
    cache_namespace: str | None = None
    cache_key_parameters: list[str] = []
    """Always present, `[]` by default."""
    integration_responses: dict[str, IntegrationResponse] | None = None
    """Status code -> IntegrationResponse; omitted when there are none (and on the PutIntegration response)."""
    tls_config: TlsConfig | None = None
    response_transfer_mode: ResponseTransferMode | None = None
    integration_target: str | None = None

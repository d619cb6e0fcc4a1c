"""Method and MethodResponse: the client-facing side of one verb on a resource."""

from __future__ import annotations

from apigw_mock.models.base import ApiGatewayModel
from apigw_mock.models.integration import Integration


class MethodResponse(ApiGatewayModel):
    status_code: str
    response_parameters: dict[str, bool] | None = None
    """`method.response.header.<Name>` -> required; omitted unless supplied (present-empty when `{}` was sent)."""
    response_models: dict[str, str] | None = None
    """Content type -> model name."""


class Method(ApiGatewayModel):
    http_method: str
    authorization_type: str
    authorizer_id: str | None = None
    api_key_required: bool = False
    request_validator_id: str | None = None
    operation_name: str | None = None
    request_parameters: dict[str, bool] | None = None
    """`method.request.{querystring|header|path}.<name>` -> required."""
    request_models: dict[str, str] | None = None
    method_responses: dict[str, MethodResponse] | None = None
    """Status code -> MethodResponse; omitted when there are none."""
    method_integration: Integration | None = None
    authorization_scopes: list[str] | None = None

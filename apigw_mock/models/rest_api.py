"""RestApi and its EndpointConfiguration, plus the API-level `Model` (request/response schema)."""

from __future__ import annotations

import datetime

from pydantic import Field

from apigw_mock.models.base import ApiGatewayModel
from apigw_mock.models.enums import ApiKeySourceType, EndpointType, IpAddressType


class EndpointConfiguration(ApiGatewayModel):
    types: list[EndpointType] | None = None
    """Exactly one endpoint type (AWS rejects zero or several)."""
    ip_address_type: IpAddressType | None = None
    """`ipv4` by default; `dualstack` for (and only allowed value of) PRIVATE APIs."""
    vpc_endpoint_ids: list[str] | None = None


class RestApi(ApiGatewayModel):
    id: str
    name: str
    description: str | None = None
    created_date: datetime.datetime
    version: str | None = None
    warnings: list[str] | None = None
    binary_media_types: list[str] | None = None
    """Omitted when empty."""
    minimum_compression_size: int | None = None
    api_key_source: ApiKeySourceType = "HEADER"
    endpoint_configuration: EndpointConfiguration
    policy: str | None = None
    tags: dict[str, str] | None = None
    """Omitted on Create/Get when there are none (UpdateRestApi always shows `{}`)."""
    disable_execute_api_endpoint: bool = False
    root_resource_id: str


class Model(ApiGatewayModel):
    """A request/response schema model of an API (`Empty` and `Error` exist on every new API)."""

    id: str
    name: str
    description: str | None = None
    schema_: str | None = Field(default=None, alias="schema")
    content_type: str | None = None

"""Resource: one path segment of an API, holding its methods."""

from __future__ import annotations

from apigw_mock.models.base import ApiGatewayModel
from apigw_mock.models.method import Method


class Resource(ApiGatewayModel):
    id: str
    parent_id: str | None = None
    """Absent on the root resource."""
    path_part: str | None = None
    """Absent on the root resource."""
    path: str
    resource_methods: dict[str, Method] | None = None
    """HTTP verb -> Method; omitted when the resource has no methods."""

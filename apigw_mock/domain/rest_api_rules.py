"""CreateRestApi's semantic checks and defaults (spec §3.1).

Contract: `check_new_rest_api(...)` raises the first BadRequest AWS answers (the checks run in AWS's order: the
description before the compression size before the endpoint configuration); `endpoint_configuration(raw)` fills
the defaults (EDGE; ipv4, or dualstack for PRIVATE).
Shape errors (enums) were already reported by protocol validation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apigw_mock.domain.rest_api import COMPRESSION_SIZE, PRIVATE_NEEDS_DUALSTACK, EndpointConfiguration
from apigw_mock.exceptions import BadRequestException


def check_new_rest_api(
    description: str | None, minimum_compression_size: int | None, endpoint: Mapping[str, Any] | None
) -> None:
    """Raise the first BadRequest AWS answers for these CreateRestApi members."""
    if description == "":
        raise BadRequestException("Description cannot be an empty string")
    COMPRESSION_SIZE.check(minimum_compression_size)
    types = (endpoint or {}).get("types")
    if types is not None and len(types) == 0:
        raise BadRequestException("REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.")
    if types is not None and len(types) > 1:
        raise BadRequestException("Cannot create an api with multiple Endpoint Types.")
    if types == ["PRIVATE"] and (endpoint or {}).get("ipAddressType") == "ipv4":
        raise BadRequestException(PRIVATE_NEEDS_DUALSTACK)


def endpoint_configuration(endpoint: Mapping[str, Any] | None) -> EndpointConfiguration:
    """The stored configuration: one type (EDGE by default) and its ipAddressType (dualstack only for PRIVATE)."""
    given = dict(endpoint or {})
    types = given.get("types") or ["EDGE"]
    default_ip = "dualstack" if types == ["PRIVATE"] else "ipv4"
    return EndpointConfiguration.checked(
        types=types,
        ip_address_type=given.get("ipAddressType") or default_ip,
        vpc_endpoint_ids=given.get("vpcEndpointIds"),
    )

"""RestApi and its EndpointConfiguration."""

from __future__ import annotations

from typing import Any, ClassVar, get_args

from apigw_mock import patch
from apigw_mock.domain import api_policy
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.enums import ApiKeySourceType, EndpointType, IpAddressType
from apigw_mock.domain.values import IntRange
from apigw_mock.dump import Timestamp
from apigw_mock.exceptions import BadRequestException


class EndpointConfiguration(ApiGatewayModel, kw_only=True):
    types: list[EndpointType] | None = None
    """Exactly one endpoint type (AWS rejects zero or several)."""
    ip_address_type: IpAddressType | None = None
    """`ipv4` by default; `dualstack` for (and only allowed value of) PRIVATE APIs."""
    vpc_endpoint_ids: list[str] | None = None


# ---- UpdateRestApi rules that reach beyond one value (spec §3.1, recorded) -----------------------------------------

_ENDPOINT_TYPES = get_args(EndpointType)
COMPRESSION_SIZE = IntRange(
    0, 10485760, "Invalid minimum compression size, must be between 0 and 10485760", empty_unsets=True
)
PRIVATE_NEEDS_DUALSTACK = "Only dualstack ipAddressType is supported for Private APIs."
INVALID_ENDPOINT_TYPES = "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"


def _replace_endpoint_type(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, context: Any) -> None:
    """`/endpointConfiguration/types/{0|current type}`: an API has exactly one type; PRIVATE implies dualstack."""
    config = dict(doc.get("endpointConfiguration") or {})
    if key != "0" and key not in (config.get("types") or []):
        raise BadRequestException(f"Invalid patch path {op.path}")
    if op.value not in _ENDPOINT_TYPES:
        raise BadRequestException(INVALID_ENDPOINT_TYPES)
    config["types"] = [op.value]
    if op.value == "PRIVATE":
        config["ipAddressType"] = "dualstack"
    doc["endpointConfiguration"] = config


def _replace_ip_address_type(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, context: Any) -> None:
    """`/endpointConfiguration/ipAddressType`: ipv4 or dualstack, and only dualstack on a PRIVATE API."""
    config = dict(doc.get("endpointConfiguration") or {})
    if op.value not in get_args(IpAddressType):
        raise BadRequestException("ipAddressType must be either ipv4 or dualstack.")
    if op.value == "ipv4" and "PRIVATE" in (config.get("types") or []):
        raise BadRequestException(PRIVATE_NEEDS_DUALSTACK)
    config["ipAddressType"] = op.value
    doc["endpointConfiguration"] = config


class RestApi(ApiGatewayModel, kw_only=True):
    id: str
    name: str
    description: str | None = None
    created_date: Timestamp
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
    security_policy: str | None = None
    endpoint_access_mode: str | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/name": patch.Field(),
            "/description": patch.Field(ops=frozenset({"add", "replace", "remove"})),
            "/policy": patch.Field(parse=api_policy.stored),
            "/apiKeySource": patch.Field(
                parse=patch.one_of(
                    get_args(ApiKeySourceType), "Invalid API Key source specified. Valid options are HEADER,AUTHORIZER"
                )
            ),
            "/disableExecuteApiEndpoint": patch.Field(parse=patch.boolean),
            "/binaryMediaTypes/{key}": patch.SetEntry(),
            "/minimumCompressionSize": patch.Field(parse=COMPRESSION_SIZE.parse),
            "/endpointConfiguration/types/{key}": patch.Custom(
                _replace_endpoint_type,
                unsupported_op="Invalid patch operation specified. Must be 'add'|'remove'|'replace'",
            ),
            "/endpointConfiguration/ipAddressType": patch.Custom(_replace_ip_address_type),
            # DOC: add/remove, value = the id (Terraform's form); the PRIVATE-only rule's text is unrecorded [UNK].
            "/endpointConfiguration/vpcEndpointIds": patch.SetEntry(ops=frozenset({"add", "remove"})),
            # 2025 fields (DOC: replace); their invalid-value texts are unrecorded, so values are stored as sent.
            "/securityPolicy": patch.Field(),
            "/endpointAccessMode": patch.Field(),
        }
    )

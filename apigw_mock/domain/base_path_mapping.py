"""Base path mappings of a domain name, and domain name access associations (spec control-plane-2 §9.3, §9.1).

A mapping ties `https://{domain}/{basePath}` to an API and, optionally, one of its stages. The empty base path is
stored and addressed as `(none)` [MODEL]; a base path with a `/` is refused (`MULTI_LEVEL`). Its patch table:
`replace` of `/basePath` [DOC], `/restapiId` (AWS's casing) and `/stage` [CLIENT tf]; the whole-node checks (one
segment, API and stage exist, base path free) belong to the control layer, which sees the graph.
"""

from __future__ import annotations

from typing import Any, ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.messages import INVALID_REST_API

NONE = "(none)"
"""The empty base path, as stored, returned and addressed [MODEL CreateBasePathMappingRequest.basePath]."""
DUPLICATE = "Base path already exists for this domain name"  # [UNK §9.3]
NOT_FOUND = "Invalid base path mapping identifier specified"  # [UNK §2 → §18.1]
INVALID_API = INVALID_REST_API  # core spec §2 [REC] for a body-named API
MULTI_LEVEL = (
    "API Gateway V1 doesn't support the slash character (/) in base path mappings. "
    "To create a multi-level base path mapping, use API Gateway V2."
)
"""[INF: AWS's text as the moto project quotes it; spec §9.3 inferred multi-level paths were allowed, from a V2
API mapping example — multi-level mappings are made with apigatewayv2's CreateApiMapping.]"""


def stored_base_path(value: str | None) -> str:
    """A base path as AWS keeps it: `(none)` for an empty or missing one."""
    return value or NONE


def _replace_rest_api_id(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, context: Any) -> None:
    """`/restapiId` (lowercase `a`, as AWS's path is spelt) sets `restApiId`."""
    doc["restApiId"] = op.value or ""


class BasePathMapping(ApiGatewayModel, kw_only=True):
    """One base path of a domain name."""

    base_path: str
    """`(none)` for the empty base path; one segment (no `/`, `MULTI_LEVEL`)."""
    rest_api_id: str
    stage: str | None = None
    """Omitted when not given [UNK §9.3]; callers then put the stage name after the base path."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/basePath": patch.Field(parse=stored_base_path),
            "/restapiId": patch.Custom(_replace_rest_api_id),
            "/stage": patch.Field(),
        }
    )


class DomainNameAccessAssociation(ApiGatewayModel, kw_only=True):
    """A VPC endpoint's access to a private domain name [MODEL]."""

    domain_name_access_association_arn: str
    """`arn:aws:apigateway:{region}:{account}:/domainnameaccessassociations/domainname/{name}+{id}/vpcesource/{vpce}`
    [INF from the private custom domain pages]."""
    domain_name_arn: str
    access_association_source_type: str
    access_association_source: str
    tags: dict[str, str] | None = None


ASSOCIATION_NOT_FOUND = "Invalid domain name access association identifier specified"  # [UNK]
ASSOCIATION_DUPLICATE = "The domain name access association you provided already exists."  # [UNK]
PRIVATE_ONLY = "Invalid domain name ARN specified: access associations are for private domain names"  # [UNK]


def association_arn(domain_name_arn: str, source: str) -> str:
    """The association's ARN, from its private domain name's ARN and its VPC endpoint."""
    prefix, _, path = domain_name_arn.partition(":/domainnames/")
    return f"{prefix}:/domainnameaccessassociations/domainname/{path}/vpcesource/{source}"

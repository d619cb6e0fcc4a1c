"""Authorizer: a Lambda (TOKEN, REQUEST) or Cognito user pool (COGNITO_USER_POOLS) check in front of methods (spec
control-plane-2 §5), its patch table, the cross-field rules CreateAuthorizer and UpdateAuthorizer share, and the
"still used by a method" rule of DeleteAuthorizer.

Contract: `new_authorizer(id, members)` fills AWS's defaults (`authType` `custom` / `cognito_user_pools` [DOC CLI
examples]; `authorizerResultTtlInSeconds` 300 for TOKEN/REQUEST when omitted, omitted for Cognito [UNK → §18.3])
and checks the node with `check_authorizer`, which UpdateAuthorizer runs on the patched node too, so every rule
and text exists once. The rules are documented (TOKEN/REQUEST need a Lambda `authorizerUri`, TOKEN and Cognito an
`identitySource` header, REQUEST one when caching, Cognito `providerARNs`, TTL 0–3600, at most 10 per API [MODEL
doc strings, DOC]);
their texts are unrecorded [UNK], chosen in AWS's style and marked so in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args

import msgspec

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.values import IntRange
from apigw_mock.exceptions import BadRequestException

if TYPE_CHECKING:
    from apigw_mock.domain.resource import Resource

AuthorizerType = Literal["TOKEN", "REQUEST", "COGNITO_USER_POOLS"]
LAMBDA_TYPES = ("TOKEN", "REQUEST")
NOT_FOUND = "Invalid Authorizer identifier specified"  # [UNK → §18.1]
MISSING_API = "Unable to complete operation due to concurrent modification. Please try again later."  # core §2 REC
TTL_MAX = 3600
TTL_DEFAULT = 300
# [UNK] texts, one owner each (Create and Update alike).
TTL_RANGE = f"Invalid authorizer result TTL specified. Must be between 0 and {TTL_MAX} seconds."
URI_REQUIRED = "Authorizer URI is required for authorizers of type {type}"
URI_INVALID = (
    "Invalid Authorizer URI: {uri}. Authorizer URI should be a valid API Gateway ARN that represents a Lambda"
    " function invocation."
)  # recalled wording, unverified
PROVIDERS_REQUIRED = "Provider ARNs are required for authorizers of type COGNITO_USER_POOLS"
IDENTITY_REQUIRED = "Identity source is required for authorizers of type {type}"
IDENTITY_INVALID = "Invalid identity source specified: {source}"
AUTHORIZERS_MAX = 10  # per API [DOC DG:limits]
TOO_MANY = f"The maximum number of authorizers for an API ({AUTHORIZERS_MAX}) has been reached"
TYPE_INVALID = "Invalid authorizer type specified. Valid options are " + ",".join(get_args(AuthorizerType))

# `arn:aws:apigateway:{region}:lambda:path/{service_api}` [MODEL doc of authorizerUri].
_LAMBDA_URI = re.compile(r"arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/.+")
_HEADER = re.compile(r"method\.request\.header\.[^\s,]+")
# REQUEST identity sources: request parameters, stage variables and context variables [DOC DG:apigateway-use-lambda].
_REQUEST_SOURCE = re.compile(
    r"(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)|stageVariables|context)\.[^\s,]+"
)


class Authorizer(ApiGatewayModel, kw_only=True):
    id: str
    """Generated (6 characters)."""
    name: str
    type: AuthorizerType
    provider_arns: list[str] | None = msgspec.field(default=None, name="providerARNs")
    """Cognito user pool ARNs; COGNITO_USER_POOLS only, and never empty there."""
    auth_type: str | None = None
    """Free text with no runtime effect; `custom` / `cognito_user_pools` unless given."""
    authorizer_uri: str | None = None
    """The Lambda invocation URI (TOKEN, REQUEST)."""
    authorizer_credentials: str | None = None
    """The IAM role API Gateway assumes to call the Lambda function; omitted when not given."""
    identity_source: str | None = None
    """TOKEN/Cognito: one `method.request.header.<name>`; REQUEST: comma-separated mapping expressions."""
    identity_validation_expression: str | None = None
    """A regular expression the TOKEN must match before the Lambda function is called."""
    authorizer_result_ttl_in_seconds: int | None = None
    """0 (no caching) to 3600."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/name": patch.Field(),
            "/type": patch.Field(parse=patch.one_of(get_args(AuthorizerType), TYPE_INVALID)),
            "/authorizerUri": patch.Field(),
            "/authorizerCredentials": patch.Field(),
            "/identitySource": patch.Field(),
            "/identityValidationExpression": patch.Field(),
            # Any integer parses; its range is check_authorizer's (UpdateAuthorizer runs it on the patched node).
            "/authorizerResultTtlInSeconds": patch.Field(parse=IntRange(-(2**31), 2**31 - 1, TTL_RANGE).parse),
            "/authType": patch.Field(),
            # One ARN per op, in `value`; the list may never become empty (check_authorizer), so Terraform adds first.
            "/providerARNs": patch.SetEntry(ops=frozenset({"add", "remove"})),
        }
    )


def new_authorizer(authorizer_id: str, members: dict[str, Any], existing: int) -> Authorizer:
    """The authorizer CreateAuthorizer stores beside `existing` others, with AWS's defaults; raises the first rule
    it breaks (the per-API limit first)."""
    if existing >= AUTHORIZERS_MAX:
        raise BadRequestException(TOO_MANY)
    kind = members.get("type")
    lambda_type = kind in LAMBDA_TYPES
    defaults: dict[str, Any] = {"auth_type": "custom" if lambda_type else "cognito_user_pools"}
    if lambda_type:
        defaults["authorizer_result_ttl_in_seconds"] = TTL_DEFAULT
    given = {key: value for key, value in members.items() if value is not None}
    authorizer = Authorizer.checked(**{**defaults, **given, "id": authorizer_id})
    check_authorizer(authorizer)
    return authorizer


def check_authorizer(authorizer: Authorizer) -> None:
    """The cross-field rules of an authorizer (Create and the patched node of Update) [DOC rules, UNK texts]."""
    ttl = authorizer.authorizer_result_ttl_in_seconds
    if ttl is not None and not 0 <= ttl <= TTL_MAX:
        raise BadRequestException(TTL_RANGE)
    source = authorizer.identity_source
    if authorizer.type in LAMBDA_TYPES:
        uri = authorizer.authorizer_uri
        if not uri:
            raise BadRequestException(URI_REQUIRED.format(type=authorizer.type))
        if not _LAMBDA_URI.fullmatch(uri):
            raise BadRequestException(URI_INVALID.format(uri=uri))
    if authorizer.type == "REQUEST":
        caching = ttl is None or ttl > 0
        if not source and caching:
            raise BadRequestException(IDENTITY_REQUIRED.format(type="REQUEST"))
        for part in (source or "").split(","):
            if source and not _REQUEST_SOURCE.fullmatch(part.strip()):
                raise BadRequestException(IDENTITY_INVALID.format(source=source))
        return
    if not source:
        raise BadRequestException(IDENTITY_REQUIRED.format(type=authorizer.type))
    if not _HEADER.fullmatch(source):
        raise BadRequestException(IDENTITY_INVALID.format(source=source))
    if authorizer.type == "COGNITO_USER_POOLS" and not authorizer.provider_arns:
        raise BadRequestException(PROVIDERS_REQUIRED)


def check_unused(resources: Iterable[Resource], authorizer: Authorizer) -> None:
    """DeleteAuthorizer is refused while a method names the authorizer [UNK → §5.2, §18.11: BadRequest, recalled
    text]. Walks every method of the API: a rare operation."""
    for resource in resources:
        for verb, method in (resource.resource_methods or {}).items():
            if method.authorizer_id == authorizer.id:
                raise BadRequestException(
                    f"Cannot delete authorizer '{authorizer.name}', is referenced in method: {verb} {resource.path}"
                )

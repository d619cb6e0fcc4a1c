"""The `x-amazon-apigateway-*` extensions of REST APIs, both ways (spec control-plane-2 §17.4 [DOC], §16 [DOC]).

Contract: each `*_members(extension)` turns an extension's value into the members of the Create/Put call it
stands for (what the importer hands to the domain's rule functions); each `*_extension(node)` writes a node the
way an export shows it. Integration types and passthrough behaviours are lowercase in exports and accepted in
any case on import [DOC]. Extensions for HTTP APIs only are listed in `HTTP_API_ONLY` (ignored, with a warning).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.gateway_response import GatewayResponse
from apigw_mock.domain.integration import Integration, IntegrationResponse
from apigw_mock.domain.request_validator import RequestValidator

PREFIX = "x-amazon-apigateway-"
ANY_METHOD = PREFIX + "any-method"
API_KEY_SOURCE = PREFIX + "api-key-source"
AUTH = PREFIX + "auth"
AUTHORIZER = PREFIX + "authorizer"
AUTHTYPE = PREFIX + "authtype"
BINARY_MEDIA_TYPES = PREFIX + "binary-media-types"
DOCUMENTATION = PREFIX + "documentation"
ENDPOINT_CONFIGURATION = PREFIX + "endpoint-configuration"
GATEWAY_RESPONSES = PREFIX + "gateway-responses"
INTEGRATION = PREFIX + "integration"
MINIMUM_COMPRESSION_SIZE = PREFIX + "minimum-compression-size"
POLICY = PREFIX + "policy"
REQUEST_VALIDATORS = PREFIX + "request-validators"
REQUEST_VALIDATOR = PREFIX + "request-validator"
TAG_VALUE = PREFIX + "tag-value"
IMPORTEXPORT_VERSION = PREFIX + "importexport-version"
HTTP_API_ONLY = (PREFIX + "cors", PREFIX + "integrations")
"""Root-level extensions for HTTP APIs: ignored for REST [DOC]. `importexport-version` is accepted silently."""

# ---- integration ---------------------------------------------------------------------------------------------

_INTEGRATION_FIELDS = (
    "uri",
    "credentials",
    "requestParameters",
    "requestTemplates",
    "contentHandling",
    "cacheNamespace",
    "cacheKeyParameters",
    "connectionType",
    "connectionId",
    "timeoutInMillis",
    "tlsConfig",
)


def integration_members(extension: Mapping[str, Any]) -> dict[str, Any]:
    """PutIntegration's members (snake_case) from `x-amazon-apigateway-integration` (without `responses`)."""
    members: dict[str, Any] = {"type": str(extension.get("type") or "").upper()}
    if extension.get("httpMethod") is not None:
        members["integration_http_method"] = str(extension["httpMethod"]).upper()
    if extension.get("passthroughBehavior") is not None:
        members["passthrough_behavior"] = str(extension["passthroughBehavior"]).upper()
    for name in _INTEGRATION_FIELDS:
        if extension.get(name) is not None:
            members[_snake(name)] = extension[name]
    if "timeout_in_millis" in members:
        members["timeout_in_millis"] = int(members["timeout_in_millis"])
    if "request_templates" in members:
        members["request_templates"] = {k: _text(v) for k, v in members["request_templates"].items()}
    return members


def integration_responses(extension: Mapping[str, Any]) -> list[tuple[str | None, Mapping[str, Any]]]:
    """(selection pattern, response) pairs of `responses`: the key `default` is the response without a pattern."""
    found = extension.get("responses")
    responses = found if isinstance(found, dict) else {}
    return [
        (None if key == "default" else str(key), value) for key, value in responses.items() if isinstance(value, dict)
    ]


def integration_extension(integration: Integration) -> dict[str, Any]:
    """`x-amazon-apigateway-integration` as an export writes it (type and passthrough lowercase [DOC])."""
    written: dict[str, Any] = {"type": integration.type.lower()}
    if integration.http_method:
        written["httpMethod"] = integration.http_method
    plain = integration.model_dump(exclude_none=True)
    for name in _INTEGRATION_FIELDS:
        if name in plain and (plain[name] != [] or name == "cacheKeyParameters"):
            written[name] = plain[name]
    if "requestTemplates" in written:
        written["requestTemplates"] = {k: v or "" for k, v in (integration.request_templates or {}).items()}
    if integration.passthrough_behavior:
        written["passthroughBehavior"] = integration.passthrough_behavior.lower()
    responses = integration.integration_responses or {}
    if responses:
        written["responses"] = {
            ("default" if r.selection_pattern is None else r.selection_pattern): _integration_response(r)
            for r in responses.values()
        }
    return written


def _integration_response(response: IntegrationResponse) -> dict[str, Any]:
    written: dict[str, Any] = {"statusCode": response.status_code}
    if response.response_parameters:
        written["responseParameters"] = dict(response.response_parameters)
    if response.response_templates:
        written["responseTemplates"] = {k: v or "" for k, v in response.response_templates.items()}
    if response.content_handling:
        written["contentHandling"] = response.content_handling
    return written


# ---- authorizers -------------------------------------------------------------------------------------------------

AUTHORIZER_TYPES = {"token": "TOKEN", "request": "REQUEST", "cognito_user_pools": "COGNITO_USER_POOLS"}
_AUTHORIZER_FIELDS = (
    "authorizerUri",
    "authorizerCredentials",
    "identitySource",
    "identityValidationExpression",
    "authorizerResultTtlInSeconds",
    "providerARNs",
)


def authorizer_members(name: str, scheme: Mapping[str, Any]) -> dict[str, Any]:
    """CreateAuthorizer's members (snake_case, as `new_authorizer` takes them) from a security scheme with
    `x-amazon-apigateway-authorizer`; a `token` scheme's identity source defaults to its header [INF]."""
    extension = scheme[AUTHORIZER]
    kind = str(extension.get("type") or "").lower()
    members: dict[str, Any] = {"name": name, "type": AUTHORIZER_TYPES.get(kind, kind.upper())}
    for field in _AUTHORIZER_FIELDS:
        if extension.get(field) is not None:
            members["provider_arns" if field == "providerARNs" else _snake(field)] = extension[field]
    if scheme.get(AUTHTYPE) is not None:
        members["auth_type"] = scheme[AUTHTYPE]
    if "identity_source" not in members and kind in ("token", "cognito_user_pools") and scheme.get("in") == "header":
        members["identity_source"] = f"method.request.header.{scheme.get('name')}"
    return members


def authorizer_scheme(authorizer: Authorizer) -> dict[str, Any]:
    """The security scheme an export writes for an authorizer (header-borne token, as AWS writes it [DOC])."""
    source = authorizer.identity_source or ""
    header = source.split(".", 3)[3] if source.startswith("method.request.header.") else "Unused"
    scheme: dict[str, Any] = {"type": "apiKey", "name": header, "in": "header"}
    if authorizer.auth_type is not None:
        scheme[AUTHTYPE] = authorizer.auth_type
    extension: dict[str, Any] = {"type": authorizer.type.lower()}
    plain = authorizer.model_dump(exclude_none=True)
    for field in _AUTHORIZER_FIELDS:
        if field in plain:
            extension[field] = plain[field]
    scheme[AUTHORIZER] = extension
    return scheme


# ---- request validators, gateway responses, policy -------------------------------------------------------------


def validator_extension(validator: RequestValidator) -> dict[str, bool]:
    return {
        "validateRequestBody": validator.validate_request_body,
        "validateRequestParameters": validator.validate_request_parameters,
    }


def gateway_response_extension(response: GatewayResponse) -> dict[str, Any]:
    written: dict[str, Any] = {}
    if response.status_code is not None:
        written["statusCode"] = response.status_code
    if response.response_parameters:
        written["responseParameters"] = dict(response.response_parameters)
    if response.response_templates:
        written["responseTemplates"] = dict(response.response_templates)
    return written


def policy_text(value: Any, account_id: str, region: str, api_id: str) -> str:
    """RestApi `policy` from `x-amazon-apigateway-policy` (a document or its text); `execute-api:/...` resources
    are expanded to the API's execute ARN [DOC]."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text.replace('"execute-api:/', f'"arn:aws:execute-api:{region}:{account_id}:{api_id}/')


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def _text(value: Any) -> str | None:
    return None if value is None else value if isinstance(value, str) else json.dumps(value, default=str)

"""Integration and IntegrationResponse: the backend side of a method."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar, get_args

from apigw_mock.domain import mapping
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.enums import ConnectionType, ContentHandlingStrategy, IntegrationType, ResponseTransferMode
from apigw_mock.domain.messages import CONTENT_TYPE_NOT_FOUND, INVALID_PARAMETER, null_value
from apigw_mock.domain.values import IntRange
from apigw_mock.exceptions import BadRequestException
from apigw_mock.lazy_pattern import LazyPattern
from apigw_mock.patch import (
    Custom,
    Field,
    MapEntry,
    Parse,
    PatchOperation,
    PatchRules,
    SetEntry,
    boolean,
    one_of,
)

PASSTHROUGH_BEHAVIORS = ("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER")
TIMEOUT = IntRange(50, 29000, "Timeout should be between 50 ms and 29000 ms")
_HTTP_URL = LazyPattern(r"https?://[^\s/?#]+\S*")
_AWS_ARN = LazyPattern(r"arn:[\w-]+:([\w-]+):[\w-]*:([\w.-]*):(.+)")
# Firehose targets are rejected too, whatever the message says (spec §3.5, recorded).
_PROXY_TARGET = LazyPattern(r"lambda:path/2015-03-31/functions/.+")


def _optional(parse: Parse) -> Parse:
    """A nullable scalar: a null or empty value clears it (spec §4.2 [UNK] recommendation)."""
    return lambda value: parse(value) if value else None


def _enum_choice(values: Collection[str], label: str) -> Parse:
    # spec §7.11 [UNK]: AWS's text for a bad enum inside a patch value is unrecorded; modelled on the recorded
    # `Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE`.
    return one_of(values, f"Invalid {label} specified. Valid options are {','.join(values)}")


#: Parses (and checks) a passthrough behaviour; shared by PutIntegration and UpdateIntegration.
checked_passthrough_behavior = _enum_choice(PASSTHROUGH_BEHAVIORS, "PassthroughBehavior")


def stored_templates(templates: Mapping[str, str | None] | None) -> dict[str, str | None] | None:
    """Templates as AWS stores them on PUT: an empty template becomes null (spec §3.5, §3.6, recorded)."""
    return None if templates is None else {content_type: body or None for content_type, body in templates.items()}


def uri_reason(integration_type: str, uri: str | None) -> str | None:
    """Why `uri` is not a valid endpoint for an integration of `integration_type` (spec §3.5), or None."""
    if integration_type in ("HTTP", "HTTP_PROXY"):
        return None if uri and _HTTP_URL.fullmatch(uri) else "Invalid HTTP endpoint specified for URI"
    if integration_type not in ("AWS", "AWS_PROXY"):
        return None
    arn = _AWS_ARN.fullmatch(uri or "")
    if arn is None:
        return "Invalid ARN specified in the request"
    service, target = arn.group(1), f"{arn.group(2)}:{arn.group(3)}"
    if service != "apigateway" or not arn.group(3).startswith(("path/", "action/")):
        return "AWS ARN for integration must contain path or action"
    if integration_type == "AWS_PROXY" and not _PROXY_TARGET.fullmatch(target):
        return (
            "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations."
        )
    return None


class IntegrationResponse(ApiGatewayModel, kw_only=True):
    status_code: str
    selection_pattern: str | None = None
    """Regex matched against the backend error (Lambda) or status code (HTTP); `""` is kept as sent."""
    response_parameters: dict[str, str] | None = None
    """`method.response.header.<Name>` -> mapping expression (`'static'`, `integration.response.header.X`, ...)."""
    response_templates: dict[str, str | None] | None = None
    """Content type -> template; an empty template is stored (and returned) as null."""
    content_handling: ContentHandlingStrategy | None = None

    # UpdateIntegrationResponse (spec §4.2). Context: the header names declared on the method response.
    PATCHABLE: ClassVar[PatchRules] = PatchRules(
        {
            "/selectionPattern": Field(),
            "/contentHandling": Field(
                parse=_optional(_enum_choice(get_args(ContentHandlingStrategy), "ContentHandling"))
            ),
            "/responseParameters/{key}": MapEntry(
                missing=INVALID_PARAMETER,
                check=lambda value, key, declared: mapping.method_response_header_reason(key or "", value, declared),
                null_error=null_value("responseParameters"),
                reject_empty=True,
            ),
            "/responseTemplates/{key}": MapEntry(
                missing=CONTENT_TYPE_NOT_FOUND,
                check=lambda value, key, _: mapping.content_type_reason(key or ""),
                null_error=null_value("responseTemplates"),
            ),
        }
    )


class TlsConfig(ApiGatewayModel, kw_only=True):
    insecure_skip_verification: bool | None = None


class Integration(ApiGatewayModel, kw_only=True):
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

    # UpdateIntegration (spec §4.3). Context: the Method the integration belongs to.
    PATCHABLE: ClassVar[PatchRules] = PatchRules(
        {
            "/cacheKeyParameters/{key}": SetEntry(
                check=lambda _, key, method: cache_key_reason(key, method), keep_empty=True
            ),
            "/cacheNamespace": Field(),
            "/connectionId": Field(),
            "/connectionType": Field(parse=_enum_choice(get_args(ConnectionType), "ConnectionType")),
            "/contentHandling": Field(
                parse=_optional(_enum_choice(get_args(ContentHandlingStrategy), "ContentHandling"))
            ),
            "/credentials": Field(),  # spec §4.3 [UNK]: not in the DOC table; accepted, as peers do
            "/httpMethod": Custom(
                lambda doc, op, _key, _method: _set_unless_mock(doc, "httpMethod", op, http_method_reason)
            ),
            "/integrationTarget": Field(),
            "/passthroughBehavior": Field(parse=checked_passthrough_behavior),
            "/requestParameters/{key}": MapEntry(
                missing=INVALID_PARAMETER,
                check=lambda value, key, method: mapping.integration_request_reason(
                    key or "", value, (method.request_parameters or {}) if method else {}
                ),
                null_error=null_value("requestParameters"),
                reject_empty=True,
            ),
            # No value is an empty (passthrough) template, stored as PUT stores "" [DOC: the AWS CLI's
            # update-integration example `op='add',path='/requestTemplates/application~1json'`, no value].
            "/requestTemplates/{key}": MapEntry(
                missing=CONTENT_TYPE_NOT_FOUND,
                check=lambda value, key, _: mapping.content_type_reason(key or ""),
            ),
            "/responseTransferMode": Field(parse=_enum_choice(get_args(ResponseTransferMode), "ResponseTransferMode")),
            "/timeoutInMillis": Field(parse=TIMEOUT.parse),
            "/tlsConfig/insecureSkipVerification": Field(parse=boolean),
            "/uri": Custom(
                lambda doc, op, _key, _method: _set_unless_mock(doc, "uri", op, lambda v: uri_reason(doc["type"], v))
            ),
        }
    )


def cache_key_reason(key: str | None, method: Any) -> str | None:
    """A cache key must be a request parameter the method declares (PutIntegration and UpdateIntegration)."""
    declared = (method.request_parameters or {}) if method is not None else {}
    return None if key in declared else "Invalid cache key parameter specified"


def http_method_reason(value: str | None) -> str | None:
    """HTTP, HTTP_PROXY, AWS and AWS_PROXY integrations need an integration HTTP method (Put and Update)."""
    return None if value else "Enumeration value for HttpMethod must be non-empty"


def _set_unless_mock(doc: dict[str, Any], name: str, op: PatchOperation, reason: Any) -> None:
    """`/uri` and `/httpMethod` are accepted but never stored on a MOCK integration (spec §4.3 [INF])."""
    if doc["type"] == "MOCK":
        return
    problem = reason(op.value)
    if problem is not None:
        raise BadRequestException(problem)
    doc[name] = op.value

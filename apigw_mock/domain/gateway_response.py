"""GatewayResponse: what an API answers when a request fails before reaching (or while calling) its integration.

Contract (spec §5):
- Every API has all 21 types. `BUILT_IN` is AWS's catalogue (default status code and family per type), in the
  order AWS prints the enum (also the order of GetGatewayResponses, [UNK] recommended choice).
- Only customised types are stored (`ApiGraph.gateway_responses`). `effective(customised, type)` is what Get
  shows: the customisation; else, if the type's DEFAULT_4XX/DEFAULT_5XX is customised, that one's status code
  (when it has one), parameters and templates under this type, still `defaultResponse: true`; else the built-in.
- `GatewayResponse.put(...)` builds a PUT's customisation: unsupplied fields come from the type's built-in
  default, never from an earlier PUT nor from its DEFAULT_XXX.
- `PATCHABLE` is UpdateGatewayResponse's patch surface; an Update starts from `effective(...).customise()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.enums import GatewayResponseType
from apigw_mock.domain.mapping import gateway_response_parameter_reason
from apigw_mock.domain.messages import INVALID_PARAMETER, null_value
from apigw_mock.exceptions import BadRequestException
from apigw_mock.lazy_pattern import LazyPattern
from apigw_mock.patch import Field, MapEntry, PatchRules, PathOnlyMessages

DEFAULT_TEMPLATES = {"application/json": '{"message":$context.error.messageString}'}

#: type -> (built-in status code, the DEFAULT_XXX it inherits from), in the order AWS prints the enum (spec §1.3).
BUILT_IN: dict[GatewayResponseType, tuple[str | None, GatewayResponseType | None]] = {
    "REQUEST_TOO_LARGE": ("413", "DEFAULT_4XX"),
    "RESOURCE_NOT_FOUND": ("404", "DEFAULT_4XX"),
    "AUTHORIZER_CONFIGURATION_ERROR": ("500", "DEFAULT_5XX"),
    "MISSING_AUTHENTICATION_TOKEN": ("403", "DEFAULT_4XX"),
    "BAD_REQUEST_BODY": ("400", "DEFAULT_4XX"),
    "INVALID_SIGNATURE": ("403", "DEFAULT_4XX"),
    "INVALID_API_KEY": ("403", "DEFAULT_4XX"),
    "BAD_REQUEST_PARAMETERS": ("400", "DEFAULT_4XX"),
    "AUTHORIZER_FAILURE": ("500", "DEFAULT_5XX"),
    "UNAUTHORIZED": ("401", "DEFAULT_4XX"),
    "INTEGRATION_TIMEOUT": ("504", "DEFAULT_5XX"),
    "ACCESS_DENIED": ("403", "DEFAULT_4XX"),
    "DEFAULT_4XX": (None, None),
    "DEFAULT_5XX": (None, None),
    "WAF_FILTERED": ("403", "DEFAULT_4XX"),
    "QUOTA_EXCEEDED": ("429", "DEFAULT_4XX"),
    "THROTTLED": ("429", "DEFAULT_4XX"),
    "API_CONFIGURATION_ERROR": ("500", "DEFAULT_5XX"),
    "UNSUPPORTED_MEDIA_TYPE": ("415", "DEFAULT_4XX"),
    "INTEGRATION_FAILURE": ("504", "DEFAULT_5XX"),
    "EXPIRED_TOKEN": ("403", "DEFAULT_4XX"),
}

NULL_PARAMETER = null_value("responseParameters")
NULL_TEMPLATE = null_value("responseTemplates")
MISSING_KEY = INVALID_PARAMETER  # recorded for parameters; templates [INF] (spec §5.4)
_STATUS_CODE = LazyPattern(r"[1-5][0-9][0-9]")  # ASCII digits only, like the Java `\d` of the service


def _status_code_violation(value: Any, key: str | None, context: Any) -> str | None:
    """The patched `/statusCode` must match `[1-5]\\d\\d`; the BadRequest text is ours ([UNK] in the spec)."""
    if isinstance(value, str) and _STATUS_CODE.fullmatch(value):
        return None
    return f"Invalid status code specified: {value}. Must match [1-5]\\d\\d"


def _parameter_violation(value: Any, key: str | None, context: Any) -> str | None:
    return gateway_response_parameter_reason(key or "", value)


def _absent_maps_are_empty(doc: dict[str, Any]) -> None:
    # The patch engine drops a map emptied by `remove`; AWS always shows these maps, `{}` when empty (§6).
    for name in ("responseParameters", "responseTemplates"):
        if doc.get(name) is None:
            doc[name] = {}


class GatewayResponse(ApiGatewayModel, kw_only=True):
    response_type: GatewayResponseType
    status_code: str | None = None
    """Absent for DEFAULT_4XX/DEFAULT_5XX unless customised with one."""
    response_parameters: dict[str, str] = {}
    """`gatewayresponse.{header|querystring|path}.<name>` -> mapping expression; always present (`{}`)."""
    response_templates: dict[str, str] = {}
    """Content type -> template."""
    default_response: bool
    """True unless the type itself was customised (by PUT or Update)."""

    PATCHABLE: ClassVar[PatchRules] = PatchRules(
        {
            "/statusCode": Field(check=_status_code_violation),
            "/responseParameters/{key}": MapEntry(
                MISSING_KEY, check=_parameter_violation, null_error=NULL_PARAMETER, reject_empty=True
            ),
            "/responseTemplates/{key}": MapEntry(MISSING_KEY, null_error=NULL_TEMPLATE, reject_empty=True),
        },
        PathOnlyMessages(),
        finish=lambda doc, _: _absent_maps_are_empty(doc),
    )

    @classmethod
    def built_in(cls, response_type: GatewayResponseType) -> GatewayResponse:
        """The type's default on a fresh API."""
        return cls(
            response_type=response_type,
            status_code=BUILT_IN[response_type][0],
            response_templates=DEFAULT_TEMPLATES,
            default_response=True,
        )

    @classmethod
    def put(
        cls,
        response_type: GatewayResponseType,
        status_code: str | None = None,
        response_parameters: Mapping[str, str | None] | None = None,
        response_templates: Mapping[str, str | None] | None = None,
    ) -> GatewayResponse:
        """A PUT's customisation, or BadRequest for the first invalid map entry."""
        reason = _maps_violation(response_parameters or {}, response_templates or {})
        if reason is not None:
            raise BadRequestException(reason)
        built_in = cls.built_in(response_type)
        return cls.model_validate(
            {
                "responseType": response_type,
                "statusCode": status_code or built_in.status_code,
                "responseParameters": {} if response_parameters is None else response_parameters,
                "responseTemplates": built_in.response_templates if response_templates is None else response_templates,
                "defaultResponse": False,
            }
        )

    def customise(self) -> GatewayResponse:
        """This response as an explicit customisation: the starting point of an Update."""
        return self.model_copy(update={"default_response": False})

    def inherited_by(self, response_type: GatewayResponseType) -> GatewayResponse:
        """What a non-customised member of this DEFAULT_XXX's family shows while this one is customised."""
        return GatewayResponse(
            response_type=response_type,
            status_code=self.status_code or BUILT_IN[response_type][0],
            response_parameters=self.response_parameters,
            response_templates=self.response_templates,
            default_response=True,
        )


def effective(customised: Mapping[str, GatewayResponse], response_type: GatewayResponseType) -> GatewayResponse:
    """What GetGatewayResponse shows for `response_type` given the API's customised responses."""
    found = customised.get(response_type)
    if found is not None:
        return found
    family = BUILT_IN[response_type][1]
    family_default = customised.get(family) if family is not None else None
    if family_default is not None:
        return family_default.inherited_by(response_type)
    return GatewayResponse.built_in(response_type)


def effective_all(customised: Mapping[str, GatewayResponse]) -> list[GatewayResponse]:
    """All 21 responses as GetGatewayResponses lists them."""
    return [effective(customised, response_type) for response_type in BUILT_IN]


def _maps_violation(parameters: Mapping[str, str | None], templates: Mapping[str, str | None]) -> str | None:
    """The first invalid entry of a PUT's maps, checked like the patch rules check one entry."""
    for key, value in parameters.items():
        reason = NULL_PARAMETER if not value else gateway_response_parameter_reason(key, value)
        if reason is not None:
            return reason
    return NULL_TEMPLATE if any(not value for value in templates.values()) else None

"""Method and MethodResponse: the client-facing side of one verb on a resource."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from apigw_mock import patch
from apigw_mock.domain import parameters
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.integration import Integration
from apigw_mock.domain.messages import (
    CONTENT_TYPE_NOT_FOUND,
    INVALID_PARAMETER,
    INVALID_REQUEST_VALIDATOR,
    invalid_model,
)
from apigw_mock.exceptions import BadRequestException

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer import Authorizer

# ---- UpdateMethod / UpdateMethodResponse rules that look at the API (spec §3.3, §3.4, §4.4) -------------------

AUTHORIZER_TYPES = ("CUSTOM", "COGNITO_USER_POOLS")
AUTHORIZATION_TYPES = ("NONE", "AWS_IAM", *AUTHORIZER_TYPES)
INVALID_AUTHORIZER = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a"
    " valid authorizer."
)


class References(msgspec.Struct, frozen=True):
    """The API-level objects a method may name: the patch `context` of Method and MethodResponse."""

    models: Collection[str]
    request_validators: Collection[str] = ()
    authorizers: Mapping[str, Authorizer] = msgspec.field(default_factory=dict)
    """Authorizer id -> Authorizer."""


# Which authorizer types each authorization type takes [DOC: CUSTOM is a Lambda authorizer, COGNITO_USER_POOLS a
# user pool one]; a mismatch reads as an invalid authorizer (INVALID_AUTHORIZER) [UNK text].
_FITS = {"CUSTOM": ("TOKEN", "REQUEST"), "COGNITO_USER_POOLS": ("COGNITO_USER_POOLS",)}


def check_authorizer_fits(authorization_type: str, authorizer_id: str | None, refs: References) -> None:
    """CUSTOM needs an existing TOKEN/REQUEST authorizer, COGNITO_USER_POOLS a Cognito one (PutMethod and the
    patched method of UpdateMethod); other types need none."""
    fits = _FITS.get(authorization_type)
    if fits is None:
        return
    authorizer = refs.authorizers.get(authorizer_id or "")
    if authorizer is None or authorizer.type not in fits:
        raise BadRequestException(INVALID_AUTHORIZER)


def model_reason(name: str | None, refs: References) -> str | None:
    """A method request/response may map a content type only to a model of the API (Put and Update)."""
    return None if name in refs.models else invalid_model(name)


def validator_reason(validator_id: str | None, refs: References) -> str | None:
    """None clears the validator (what Terraform sends); anything else must name an existing one (Put and Update)."""
    return None if validator_id is None or validator_id in refs.request_validators else INVALID_REQUEST_VALIDATOR


def _model_exists(value: Any, key: str | None, refs: References) -> str | None:
    return model_reason(value, refs)


def _validator_exists(value: Any, key: str | None, refs: References) -> str | None:
    return validator_reason(value, refs)


def _check_request_parameter(value: Any, key: str | None, refs: References) -> None:
    """The name must be a `method.request.<location>.<name>` expression (raises PutMethod's BadRequest)."""
    parameters.check_request_parameters([key or ""])


def _check_response_parameter(value: Any, key: str | None, refs: References) -> None:
    """The name must be a `method.response.header.<name>` expression (raises PutMethodResponse's BadRequest)."""
    parameters.check_response_parameters([key or ""])


def _finish_method(doc: dict[str, Any], refs: References) -> None:
    """After all ops, the rules PutMethod applies to the whole method: parameter names unique across locations;
    CUSTOM/COGNITO_USER_POOLS need a valid authorizer of a fitting type (possibly set in the same request), and any
    other type silently drops the authorizer id (recorded: `replace /authorizerId` on NONE is ignored)."""
    parameters.check_request_parameters(doc.get("requestParameters") or {})
    if doc["authorizationType"] not in AUTHORIZER_TYPES:
        doc["authorizerId"] = None
    else:
        check_authorizer_fits(doc["authorizationType"], doc.get("authorizerId"), refs)


def checked_authorization_type(value: str | None) -> str:
    """Upper-cased as PutMethod does (`none` -> `NONE`, recorded), then one of the four types (text [UNK])."""
    upper = (value or "").upper()
    if upper not in AUTHORIZATION_TYPES:
        raise BadRequestException(
            f"Invalid authorization type specified. Valid options are {','.join(AUTHORIZATION_TYPES)}"
        )
    return upper


_SET_OPS = frozenset({"add", "remove"})


class MethodResponse(ApiGatewayModel, kw_only=True):
    status_code: str
    response_parameters: dict[str, bool] | None = None
    """`method.response.header.<Name>` -> required; omitted unless supplied (present-empty when `{}` was sent)."""
    response_models: dict[str, str] | None = None
    """Content type -> model name."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/responseParameters/{key}": patch.MapEntry(
                INVALID_PARAMETER, parse=patch.boolean, check=_check_response_parameter, empty_value=False
            ),
            "/responseModels/{key}": patch.MapEntry(CONTENT_TYPE_NOT_FOUND, check=_model_exists),
        }
    )


class Method(ApiGatewayModel, kw_only=True):
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

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/authorizationType": patch.Field(parse=checked_authorization_type),
            "/authorizerId": patch.Field(),
            "/apiKeyRequired": patch.Field(parse=patch.boolean),
            "/operationName": patch.Field(),
            "/requestValidatorId": patch.Field(check=_validator_exists),
            "/requestParameters/{key}": patch.MapEntry(
                INVALID_PARAMETER, parse=patch.boolean, check=_check_request_parameter, empty_value=False
            ),
            "/requestModels/{key}": patch.MapEntry(CONTENT_TYPE_NOT_FOUND, check=_model_exists),
            # The element is the path's last segment (spec §4.1) or, on the bare path, the value (Terraform's form).
            "/authorizationScopes/{key}": patch.SetEntry(ops=_SET_OPS),
            "/authorizationScopes": patch.SetEntry(ops=_SET_OPS),
        },
        finish=_finish_method,
    )

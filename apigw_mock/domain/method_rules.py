"""PutMethod and PutMethodResponse: AWS's checks, in AWS's order, and the nodes they create (spec §3.3, §3.4).

Contract: `check_verb` and `check_absent` run right after the resource lookup (a bad verb is reported only for an
existing resource, spec §1.4); `new_method(...)` and `new_method_response(...)` raise the first semantic
BadRequest, else return the node with AWS's defaults (`apiKeyRequired` false, authorization type upper-cased,
maps kept present-empty when `{}` was sent). `References` names the API-level objects that may be referenced.
"""

from __future__ import annotations

from collections.abc import Mapping

from apigw_mock.domain import parameters
from apigw_mock.domain.method import (
    AUTHORIZER_TYPES,
    Method,
    MethodResponse,
    References,
    check_authorizer_fits,
    checked_authorization_type,
    model_reason,
    validator_reason,
)
from apigw_mock.exceptions import BadRequestException, ConflictException

VERBS = ("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY")


def check_verb(http_method: str) -> None:
    if http_method not in VERBS:
        raise BadRequestException(f"Invalid HttpMethod specified. Valid options are {','.join(VERBS)}")


def check_absent(existing: Mapping[str, object] | None, key: str, message: str) -> None:
    """PutMethod and PutMethodResponse are not upserts: an existing node is a Conflict with `message`."""
    if key in (existing or {}):
        raise ConflictException(message)


def new_method(
    http_method: str,
    refs: References,
    *,
    authorization_type: str,
    authorizer_id: str | None = None,
    api_key_required: bool | None = None,
    request_validator_id: str | None = None,
    request_parameters: dict[str, bool] | None = None,
    request_models: dict[str, str] | None = None,
    operation_name: str | None = None,
    authorization_scopes: list[str] | None = None,
) -> Method:
    authorization = checked_authorization_type(authorization_type)
    check_authorizer_fits(authorization, authorizer_id, refs)
    _raise(validator_reason(request_validator_id, refs))
    parameters.check_request_parameters(request_parameters or {})
    check_models(request_models, refs)
    return Method.checked(
        http_method=http_method,
        authorization_type=authorization,
        # Only an authorizer type keeps the authorizer id (as UpdateMethod does, spec §3.3).
        authorizer_id=authorizer_id if authorization in AUTHORIZER_TYPES else None,
        api_key_required=bool(api_key_required),
        request_validator_id=request_validator_id,
        request_parameters=request_parameters,
        request_models=request_models,
        operation_name=operation_name,
        authorization_scopes=authorization_scopes,
    )


def new_method_response(
    status_code: str,
    refs: References,
    *,
    response_parameters: dict[str, bool] | None = None,
    response_models: dict[str, str] | None = None,
) -> MethodResponse:
    parameters.check_response_parameters(response_parameters or {})
    check_models(response_models, refs)
    return MethodResponse.checked(
        status_code=status_code, response_parameters=response_parameters, response_models=response_models
    )


def check_models(content_models: Mapping[str, str] | None, refs: References) -> None:
    """Every model a content type maps to must exist on the API."""
    for name in (content_models or {}).values():
        _raise(model_reason(name, refs))


def _raise(reason: str | None) -> None:
    if reason is not None:
        raise BadRequestException(reason)

"""Step 9: request validation, parameters then body (spec §5).

Contract: only a method whose `requestValidatorId` names a validator of the deployment checks anything (a deleted
validator checks nothing [UNK → §18.11]), and only what the validator's flags ask:
- `validateRequestParameters`: every `method.request.{path|querystring|header}.{name}` marked required must be
  present and not blank (the last value; header names in any case); else 400 `Missing required request parameters:
  [a, b]` (BAD_REQUEST_PARAMETERS), the names in the order of `requestParameters` ([UNK] §16.9). Only presence is
  checked, never type or format [DOC].
- `validateRequestBody`: the model for the request's Content-Type (its media type, any case; no Content-Type is
  `application/json`), else the `$default` one; no model checks nothing. The body must satisfy it
  (`json_schema.models_of`, draft 4); else 400 `Invalid request body` (BAD_REQUEST_BODY) with the detail in
  `$context.error.validationErrorString`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.invoke import content, errors
from apigw_mock.invoke.json_schema import models_of

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports

_PREFIX = "method.request."
DEFAULT_MODEL = "$default"


def check(call: Call, ports: Ports) -> Call:
    validator_id = call.method.request_validator_id
    validator = call.deployed.request_validators.get(validator_id) if validator_id is not None else None
    if validator is None:
        return call
    if validator.validate_request_parameters:
        missing = missing_parameters(call)
        if missing:
            raise errors.BadRequestParameters(missing)
    if validator.validate_request_body:
        model = request_model(call.method.request_models or {}, call.request.header("Content-Type"))
        problems = models_of(call.deployed).problems(model, call.method_request.body) if model is not None else None
        if problems is not None:
            raise errors.BadRequestBody(problems)
    return call


def missing_parameters(call: Call) -> list[str]:
    """The names of the required parameters the request lacks or sends blank, in declaration order."""
    request = call.method_request
    missing: list[str] = []
    for key, required in (call.method.request_parameters or {}).items():
        if not required or not key.startswith(_PREFIX):
            continue
        location, _, name = key[len(_PREFIX) :].partition(".")
        if location == "path":
            value = request.path.get(name)
        elif location == "querystring":
            value = request.query(name)
        elif location == "header":
            value = request.header(name)
        else:
            continue
        if not value:
            missing.append(name)
    return missing


def request_model(models: dict[str, str], content_type: str | None) -> str | None:
    """The model name for a request's Content-Type (see the module contract)."""
    if not models:
        return None
    wanted = content.media_type(content_type)
    for key, name in models.items():
        if key.lower() == wanted:
            return name
    return models.get(DEFAULT_MODEL)

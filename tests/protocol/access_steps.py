"""The serializer scenario's steps for the access-control families (authorizers, request validators, API keys,
usage plans, client certificates, the account): rows of (operation, call(client, ctx), needs) that
`test_serializer.STEPS` wraps in its `Step`. `BUILD` runs after the API exists, `TEAR_DOWN` before it is deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Row = tuple[str, Callable[[Any, dict[str, Any]], Any], tuple[str, ...]]
API = ("CreateRestApi",)
URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations"


def _authorizer(c: Any, ctx: dict[str, Any]) -> None:
    ctx["authorizer"] = c.create_authorizer(
        restApiId=ctx["api"],
        name="auth",
        type="REQUEST",
        authType="custom",
        authorizerUri=URI,
        authorizerCredentials="arn:aws:iam::123456789012:role/r",
        identitySource="method.request.header.A",
        identityValidationExpression=".*",
        authorizerResultTtlInSeconds=60,
    )["id"]


def _validator(c: Any, ctx: dict[str, Any]) -> None:
    ctx["validator"] = c.create_request_validator(
        restApiId=ctx["api"], name="v", validateRequestBody=True, validateRequestParameters=True
    )["id"]


def _auth_ids(ctx: dict[str, Any]) -> dict[str, str]:
    return {"restApiId": ctx["api"], "authorizerId": ctx["authorizer"]}


def _validator_ids(ctx: dict[str, Any]) -> dict[str, str]:
    return {"restApiId": ctx["api"], "requestValidatorId": ctx["validator"]}


_REPLACE_NAME = [{"op": "replace", "path": "/name", "value": "renamed"}]

BUILD: list[Row] = [
    ("CreateAuthorizer", _authorizer, API),
    ("GetAuthorizer", lambda c, ctx: c.get_authorizer(**_auth_ids(ctx)), ("CreateAuthorizer",)),
    ("GetAuthorizers", lambda c, ctx: c.get_authorizers(restApiId=ctx["api"], limit=5), ("CreateAuthorizer",)),
    (
        "UpdateAuthorizer",
        lambda c, ctx: c.update_authorizer(**_auth_ids(ctx), patchOperations=_REPLACE_NAME),
        ("CreateAuthorizer",),
    ),
    ("CreateRequestValidator", _validator, API),
    ("GetRequestValidator", lambda c, ctx: c.get_request_validator(**_validator_ids(ctx)), ("CreateRequestValidator",)),
    (
        "GetRequestValidators",
        lambda c, ctx: c.get_request_validators(restApiId=ctx["api"]),
        ("CreateRequestValidator",),
    ),
    (
        "UpdateRequestValidator",
        lambda c, ctx: c.update_request_validator(**_validator_ids(ctx), patchOperations=_REPLACE_NAME),
        ("CreateRequestValidator",),
    ),
]

TEAR_DOWN: list[Row] = [
    ("DeleteAuthorizer", lambda c, ctx: c.delete_authorizer(**_auth_ids(ctx)), ("CreateAuthorizer",)),
    (
        "DeleteRequestValidator",
        lambda c, ctx: c.delete_request_validator(**_validator_ids(ctx)),
        ("CreateRequestValidator",),
    ),
]

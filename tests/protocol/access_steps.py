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


def _api_key(c: Any, ctx: dict[str, Any]) -> None:
    ctx["key"] = c.create_api_key(
        name="key", description="d", enabled=True, value="v" * 40, customerId="cust", tags={"team": "api"}
    )["id"]


def _usage_plan(c: Any, ctx: dict[str, Any]) -> None:
    ctx["plan"] = c.create_usage_plan(
        name="plan",
        description="d",
        throttle={"burstLimit": 10, "rateLimit": 5.5},
        quota={"limit": 100, "offset": 0, "period": "DAY"},
        tags={"team": "api"},
    )["id"]


def _certificate(c: Any, ctx: dict[str, Any]) -> None:
    ctx["certificate"] = c.generate_client_certificate(description="d", tags={"team": "api"})["clientCertificateId"]


def _plan_key_ids(ctx: dict[str, Any]) -> dict[str, str]:
    return {"usagePlanId": ctx["plan"], "keyId": ctx["key"]}


_CSV = b"Name,Key,Description,Enabled\nimported," + b"k" * 30 + b",from csv,true\n"
_REPLACE_NAME = [{"op": "replace", "path": "/name", "value": "renamed"}]

BUILD: list[Row] = [
    ("CreateAuthorizer", _authorizer, API),
    ("GetAuthorizer", lambda c, ctx: c.get_authorizer(**_auth_ids(ctx)), ("CreateAuthorizer",)),
    (  # no Lambda is registered for the authorizer: the reply is a 500 client status with its log
        "TestInvokeAuthorizer",
        lambda c, ctx: c.test_invoke_authorizer(**_auth_ids(ctx), headers={"A": "token"}),
        ("CreateAuthorizer",),
    ),
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
    ("CreateApiKey", _api_key, ()),
    ("GetApiKey", lambda c, ctx: c.get_api_key(apiKey=ctx["key"], includeValue=True), ("CreateApiKey",)),
    ("GetApiKeys", lambda c, ctx: c.get_api_keys(includeValues=True, limit=5), ("CreateApiKey",)),
    (
        "UpdateApiKey",
        lambda c, ctx: c.update_api_key(apiKey=ctx["key"], patchOperations=_REPLACE_NAME),
        ("CreateApiKey",),
    ),
    ("ImportApiKeys", lambda c, ctx: c.import_api_keys(body=_CSV, format="csv"), ()),
    ("CreateUsagePlan", _usage_plan, ()),
    ("GetUsagePlan", lambda c, ctx: c.get_usage_plan(usagePlanId=ctx["plan"]), ("CreateUsagePlan",)),
    (
        "UpdateUsagePlan",
        lambda c, ctx: c.update_usage_plan(usagePlanId=ctx["plan"], patchOperations=_REPLACE_NAME),
        ("CreateUsagePlan",),
    ),
    (
        "CreateUsagePlanKey",
        lambda c, ctx: c.create_usage_plan_key(usagePlanId=ctx["plan"], keyId=ctx["key"], keyType="API_KEY"),
        ("CreateUsagePlan", "CreateApiKey"),
    ),
    ("GetUsagePlans", lambda c, ctx: c.get_usage_plans(keyId=ctx["key"]), ("CreateUsagePlanKey",)),
    ("GetUsagePlanKey", lambda c, ctx: c.get_usage_plan_key(**_plan_key_ids(ctx)), ("CreateUsagePlanKey",)),
    (
        "GetUsagePlanKeys",
        lambda c, ctx: c.get_usage_plan_keys(usagePlanId=ctx["plan"], nameQuery="re"),
        ("CreateUsagePlanKey",),
    ),
    (
        "GetUsage",
        lambda c, ctx: c.get_usage(usagePlanId=ctx["plan"], startDate="2026-01-01", endDate="2026-01-02"),
        ("CreateUsagePlanKey",),
    ),
    (
        "UpdateUsage",
        lambda c, ctx: c.update_usage(
            **_plan_key_ids(ctx), patchOperations=[{"op": "replace", "path": "/remaining", "value": "5"}]
        ),
        ("CreateUsagePlanKey",),
    ),
    ("GenerateClientCertificate", _certificate, ()),
    (
        "GetClientCertificate",
        lambda c, ctx: c.get_client_certificate(clientCertificateId=ctx["certificate"]),
        ("GenerateClientCertificate",),
    ),
    ("GetClientCertificates", lambda c, ctx: c.get_client_certificates(limit=5), ("GenerateClientCertificate",)),
    (
        "UpdateClientCertificate",
        lambda c, ctx: c.update_client_certificate(
            clientCertificateId=ctx["certificate"],
            patchOperations=[{"op": "replace", "path": "/description", "value": "new"}],
        ),
        ("GenerateClientCertificate",),
    ),
    ("GetAccount", lambda c, ctx: c.get_account(), ()),
    (
        "UpdateAccount",
        lambda c, ctx: c.update_account(
            patchOperations=[
                {"op": "replace", "path": "/cloudwatchRoleArn", "value": "arn:aws:iam::123456789012:role/logs"}
            ]
        ),
        (),
    ),
]

TEAR_DOWN: list[Row] = [
    (
        "DeleteClientCertificate",
        lambda c, ctx: c.delete_client_certificate(clientCertificateId=ctx["certificate"]),
        ("GenerateClientCertificate",),
    ),
    ("DeleteUsagePlanKey", lambda c, ctx: c.delete_usage_plan_key(**_plan_key_ids(ctx)), ("CreateUsagePlanKey",)),
    ("DeleteUsagePlan", lambda c, ctx: c.delete_usage_plan(usagePlanId=ctx["plan"]), ("CreateUsagePlan",)),
    ("DeleteApiKey", lambda c, ctx: c.delete_api_key(apiKey=ctx["key"]), ("CreateApiKey",)),
    ("DeleteAuthorizer", lambda c, ctx: c.delete_authorizer(**_auth_ids(ctx)), ("CreateAuthorizer",)),
    (
        "DeleteRequestValidator",
        lambda c, ctx: c.delete_request_validator(**_validator_ids(ctx)),
        ("CreateRequestValidator",),
    ),
]

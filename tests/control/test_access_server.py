"""Server mode answers the access-control operations exactly as the in-process mock does (one scenario, both
ways, compared normalised as in tests/test_server_parity.py; certificates' PEMs and ids are random, so hidden)."""

from __future__ import annotations

from typing import Any

from tests.test_server_parity import Recorder, in_process, over_http

URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"
CSV = b"Name,Key,Enabled\nimported," + b"i" * 30 + b",false\nbad,short,\n"


def access_scenario(call: Recorder) -> None:
    api = call("create_rest_api", name="access")
    auth = call(
        "create_authorizer",
        restApiId=api["id"],
        name="a",
        type="TOKEN",
        authorizerUri=URI,
        identitySource="method.request.header.Auth",
    )
    call("create_authorizer", restApiId=api["id"], name="bad", type="TOKEN")
    call(
        "update_authorizer",
        restApiId=api["id"],
        authorizerId=auth["id"],
        patchOperations=[{"op": "replace", "path": "/authorizerResultTtlInSeconds", "value": "10"}],
    )
    validator = call("create_request_validator", restApiId=api["id"], name="v", validateRequestBody=True)
    call(
        "put_method",
        restApiId=api["id"],
        resourceId=api["rootResourceId"],
        httpMethod="GET",
        authorizationType="CUSTOM",
        authorizerId=auth["id"],
        requestValidatorId=validator["id"],
    )
    call("delete_authorizer", restApiId=api["id"], authorizerId=auth["id"])
    call("get_request_validators", restApiId=api["id"])
    key = call("create_api_key", name="k", value="v" * 20, enabled=True)
    call("get_api_key", apiKey=key["id"], includeValue=True)
    call("import_api_keys", body=CSV, format="csv")
    call("import_api_keys", body=CSV, format="csv", failOnWarnings=True)
    call("get_api_keys", includeValues=True, nameQuery="imp")
    plan = call("create_usage_plan", name="p", quota={"limit": 10, "period": "DAY"}, throttle={"rateLimit": 1.5})
    call("create_usage_plan", name="p", apiStages=[{"apiId": api["id"], "stage": "nope"}])
    call("create_usage_plan_key", usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    call("get_usage_plan_keys", usagePlanId=plan["id"])
    call("get_usage", usagePlanId=plan["id"], startDate="2026-01-01", endDate="2026-01-02")
    call(
        "update_usage_plan",
        usagePlanId=plan["id"],
        patchOperations=[{"op": "replace", "path": "/throttle/burstLimit", "value": "3"}],
    )
    call("delete_usage_plan_key", usagePlanId=plan["id"], keyId=key["id"])
    cert = call("generate_client_certificate", description="c")
    call("get_client_certificate", clientCertificateId=cert["clientCertificateId"])
    call("get_client_certificate", clientCertificateId="nope00")
    call(
        "update_account",
        patchOperations=[{"op": "replace", "path": "/cloudwatchRoleArn", "value": "arn:aws:iam::1:role/r"}],
    )
    call("get_account")


def _hidden(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: "<random>" if k in ("pemEncodedCertificate", "clientCertificateId") else _hidden(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_hidden(item) for item in value]
    return value


def test_server_answers_the_access_operations_as_the_in_process_mock_does() -> None:
    expected = _hidden(in_process(access_scenario))

    assert sum(outcome == "error" for _, outcome, _ in expected) == 5
    assert _hidden(over_http(access_scenario)) == expected

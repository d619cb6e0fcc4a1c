"""An API protected by a Lambda TOKEN authorizer and an API key in a usage plan, called with `requests`.

A registered Python handler reads the `Authorization` header and answers an IAM policy: API Gateway refuses a
missing token (401) and a denied one (403), maps the principal of an allowed one into the response and caches the
answer for the authorizer's TTL. The method also requires an API key (`x-api-key`): a caller without a key, or with
a key that is in no usage plan of this stage, gets 403 `Forbidden`; the plan's daily quota answers 429
`Limit Exceeded` once used up, GetUsage shows the calls counted, and the next day (on the mock's clock, no
sleeping) the quota starts again. Run: python examples/protected_api.py
"""

from __future__ import annotations

import datetime
from typing import Any

import boto3
import requests

from apigw_mock import mock_apigateway

REGION = "us-east-1"
AUTHORIZER = f"arn:aws:lambda:{REGION}:123456789012:function:token-authorizer"
USERS = {"Bearer s3cret": "ada"}
TOKENS_SEEN: list[str] = []


def authorizer(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """An ordinary TOKEN authorizer: Allow for a known token, Deny for any other."""
    TOKENS_SEEN.append(event["authorizationToken"])
    user = USERS.get(event["authorizationToken"])
    statement = {"Action": "execute-api:Invoke", "Effect": "Allow" if user else "Deny", "Resource": event["methodArn"]}
    return {
        "principalId": user or "anonymous",
        "policyDocument": {"Version": "2012-10-17", "Statement": [statement]},
        "context": {"plan": "pro", "quota": 100},
    }


def main() -> None:
    with mock_apigateway() as apigw:
        apigw.register_lambda(AUTHORIZER, authorizer)
        client = boto3.client("apigateway", region_name=REGION)
        api = client.create_rest_api(name="protected-demo")
        created = client.create_authorizer(
            restApiId=api["id"],
            name="token",
            type="TOKEN",
            authorizerUri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{AUTHORIZER}/invocations",
            identitySource="method.request.header.Authorization",
            authorizerResultTtlInSeconds=300,
        )
        me = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="me")
        ids = {"restApiId": api["id"], "resourceId": me["id"], "httpMethod": "GET"}
        client.put_method(**ids, authorizationType="CUSTOM", authorizerId=created["id"], apiKeyRequired=True)
        client.put_method_response(**ids, statusCode="200")
        client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
        client.put_integration_response(
            **ids,
            statusCode="200",
            responseTemplates={
                "application/json": '{"user": "$context.authorizer.principalId", "plan": "$context.authorizer.plan"}'
            },
        )
        client.create_deployment(restApiId=api["id"], stageName="prod")
        url = f"https://{api['id']}.execute-api.{REGION}.amazonaws.com/prod/me"

        apigw.clock.set(datetime.datetime(2026, 12, 2, 9, 0))  # the usage plan's day starts at 00:00 UTC
        key = client.create_api_key(name="ada-laptop", enabled=True)
        stray = client.create_api_key(name="in-no-plan", enabled=True)
        plan = client.create_usage_plan(
            name="pro",
            apiStages=[{"apiId": api["id"], "stage": "prod"}],
            throttle={"rateLimit": 10.0, "burstLimit": 5},
            quota={"limit": 3, "period": "DAY"},
        )
        client.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
        token = {"Authorization": "Bearer s3cret"}
        keyed = {**token, "x-api-key": key["value"]}

        missing = requests.get(url, headers={"x-api-key": key["value"]})
        print("no token:", missing.status_code, missing.json())
        assert (missing.status_code, missing.json()) == (401, {"message": "Unauthorized"})

        bad = requests.get(url, headers={"Authorization": "Bearer guess", "x-api-key": key["value"]})
        print("bad token:", bad.status_code, bad.json())
        assert bad.status_code == 403 and bad.headers["x-amzn-ErrorType"] == "AccessDeniedException"

        no_key = requests.get(url, headers=token)
        print("good token, no API key:", no_key.status_code, no_key.json())
        assert (no_key.status_code, no_key.json()) == (403, {"message": "Forbidden"})
        planless = requests.get(url, headers={**token, "x-api-key": stray["value"]})
        print("good token, key in no usage plan:", planless.status_code, planless.json())
        assert planless.status_code == 403

        good = requests.get(url, headers=keyed)
        print("good token and key:", good.status_code, good.json())
        assert (good.status_code, good.json()) == (200, {"user": "ada", "plan": "pro"})
        print("authorizer calls so far:", len(TOKENS_SEEN), "(the answer for 'Bearer s3cret' is cached for 300 s)")
        assert TOKENS_SEEN == ["Bearer guess", "Bearer s3cret"]

        statuses = [requests.get(url, headers=keyed).status_code for _ in range(3)]
        print("three more calls on a quota of 3 a day:", statuses)
        assert statuses == [200, 200, 429]
        over = requests.get(url, headers=keyed)
        assert (over.status_code, over.json()) == (429, {"message": "Limit Exceeded"})
        usage = client.get_usage(usagePlanId=plan["id"], keyId=key["id"], startDate="2026-12-02", endDate="2026-12-02")
        print("GetUsage (used, remaining):", usage["items"][key["id"]])
        assert usage["items"][key["id"]] == [[3, 0]]

        apigw.clock.advance(24 * 3600)  # the next day: a fresh quota
        again = requests.get(url, headers=keyed)
        print("next day:", again.status_code, again.json())
        assert again.status_code == 200
        print("authorizer calls:", len(TOKENS_SEEN), "(a day later the cached answer had expired)")
        assert len(TOKENS_SEEN) == 3

        requests.get(url, headers=keyed)
        client.flush_stage_authorizers_cache(restApiId=api["id"], stageName="prod")
        requests.get(url, headers=keyed)
        print("after FlushStageAuthorizersCache:", len(TOKENS_SEEN))
        assert len(TOKENS_SEEN) == 4


if __name__ == "__main__":
    main()

"""An API protected by a Lambda TOKEN authorizer: a registered Python handler reads the `Authorization` header and
answers an IAM policy; API Gateway refuses a missing token (401) and a denied one (403), and maps the principal of
an allowed one into the response. Called with `requests`. Run: python examples/protected_api.py
"""

from __future__ import annotations

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
        client.put_method(**ids, authorizationType="CUSTOM", authorizerId=created["id"])
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

        missing = requests.get(url)
        print("no token:", missing.status_code, missing.json())
        assert (missing.status_code, missing.json()) == (401, {"message": "Unauthorized"})

        bad = requests.get(url, headers={"Authorization": "Bearer guess"})
        print("bad token:", bad.status_code, bad.json())
        assert bad.status_code == 403 and bad.headers["x-amzn-ErrorType"] == "AccessDeniedException"

        good = requests.get(url, headers={"Authorization": "Bearer s3cret"})
        print("good token:", good.status_code, good.json())
        assert (good.status_code, good.json()) == (200, {"user": "ada", "plan": "pro"})

        requests.get(url, headers={"Authorization": "Bearer s3cret"})  # the answer is cached for 300 s
        print("authorizer calls:", len(TOKENS_SEEN))
        assert TOKENS_SEEN == ["Bearer guess", "Bearer s3cret"]
        client.flush_stage_authorizers_cache(restApiId=api["id"], stageName="prod")
        requests.get(url, headers={"Authorization": "Bearer s3cret"})
        print("after FlushStageAuthorizersCache:", len(TOKENS_SEEN))


if __name__ == "__main__":
    main()

"""A Lambda proxy API with a Python handler registered on the mock: the handler receives AWS's REST event (format
1.0) and its response becomes the HTTP reply; an exception becomes AWS's 502. Called with `requests` and with the
direct `apigw.invoke(...)`. Run: python examples/lambda_proxy.py
"""

from __future__ import annotations

import json
from typing import Any

import boto3
import requests

from apigw_mock import mock_apigateway

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:pets"


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """An ordinary Lambda proxy handler."""
    if event["pathParameters"]["proxy"] == "crash":
        raise RuntimeError("the handler failed")
    payload = {
        "path": event["path"],
        "name": (event["queryStringParameters"] or {}).get("name"),
        "stage": event["requestContext"]["stage"],
        "function": context.function_name,
    }
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps(payload)}


def main() -> None:
    with mock_apigateway() as apigw:
        apigw.register_lambda(FUNCTION, handler)
        client = boto3.client("apigateway", region_name="us-east-1")
        api = client.create_rest_api(name="lambda-proxy-demo")
        proxy = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="{proxy+}")
        ids = {"restApiId": api["id"], "resourceId": proxy["id"], "httpMethod": "ANY"}
        client.put_method(**ids, authorizationType="NONE")
        client.put_integration(
            **ids,
            type="AWS_PROXY",
            integrationHttpMethod="POST",
            uri=f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FUNCTION}/invocations",
        )
        client.create_deployment(restApiId=api["id"], stageName="prod")

        url = f"https://{api['id']}.execute-api.us-east-1.amazonaws.com/prod/hello/world?name=ada"
        answer = requests.get(url)
        print("requests:", answer.status_code, answer.json())
        assert answer.json() == {"path": "/hello/world", "name": "ada", "stage": "prod", "function": "pets"}

        direct = apigw.invoke(api["id"], "prod", "GET", "/crash")
        print("handler exception:", direct.status, direct.text)
        assert (direct.status, direct.json()) == (502, {"message": "Internal server error"})


if __name__ == "__main__":
    main()

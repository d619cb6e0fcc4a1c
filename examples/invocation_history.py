"""Invocation history and data-plane faults: assert what your code sent to a deployed API, and see how it copes
when the integration times out or Lambda throttles.

`fetch_pet` stands for the code under test: it calls the stage with `requests` and retries once on a 5XX.
Run: python examples/invocation_history.py
"""

from __future__ import annotations

import json
from typing import Any

import boto3
import requests

from apigw_mock import mock_apigateway

ARN = "arn:aws:lambda:us-east-1:123456789012:function:pets"


def pets(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """The Lambda behind the API (a proxy integration)."""
    return {"statusCode": 200, "body": json.dumps({"id": event["pathParameters"]["id"], "name": "rex"})}


def fetch_pet(base_url: str, pet_id: str) -> dict[str, Any]:
    """The code under test: one retry on a 5XX, then give up."""
    for _ in range(2):
        answer = requests.get(f"{base_url}/pets/{pet_id}", headers={"X-Client": "example"}, timeout=5)
        if answer.status_code < 500:
            result: dict[str, Any] = answer.json()
            return result
    return {"error": answer.status_code}


def build(client: Any) -> str:
    api = client.create_rest_api(name="pets")
    pets_id = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")["id"]
    pet = client.create_resource(restApiId=api["id"], parentId=pets_id, pathPart="{id}")["id"]
    client.put_method(restApiId=api["id"], resourceId=pet, httpMethod="GET", authorizationType="NONE")
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations"
    client.put_integration(
        restApiId=api["id"], resourceId=pet, httpMethod="GET", type="AWS_PROXY", integrationHttpMethod="POST", uri=uri
    )
    client.create_deployment(restApiId=api["id"], stageName="dev")
    return f"https://{api['id']}.execute-api.us-east-1.amazonaws.com/dev"


def main() -> None:
    with mock_apigateway() as apigw:
        apigw.register_lambda(ARN, pets)
        base_url = build(boto3.client("apigateway", region_name="us-east-1"))

        print("pet:", fetch_pet(base_url, "7"))
        sent = apigw.invocations.assert_invoked_once("GET", "/pets/*", headers={"X-Client": "example"}, status=200)
        print("recorded:", sent, "reply:", sent.json())

        with apigw.fail_invocations("lambda_throttled", path="/pets/*", times=1):
            print("after one throttle:", fetch_pet(base_url, "8"))  # the retry succeeds
        with apigw.fail_invocations("timeout", path="/pets/*"):
            print("while timing out:", fetch_pet(base_url, "9"))
        print("statuses:", apigw.invocations.statuses)
        print("gateway responses:", [invocation.gateway_response for invocation in apigw.invocations.failed])
        try:
            apigw.invocations.assert_all_ok()
        except AssertionError as failure:
            print(f"a failing assertion explains itself:\n{failure}")


if __name__ == "__main__":
    main()

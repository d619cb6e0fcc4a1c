"""Call history: assert on what your code asked API Gateway to do, without caring about call order.

`deploy_cors` stands for the code under test; the test checks which calls it made and how an assertion explains
a miss. Run: python examples/call_history.py
"""

from __future__ import annotations

from typing import Any

import boto3

from apigw_mock import mock_apigateway


def deploy_cors(client: Any, api_id: str, resource_id: str) -> None:
    """The code under test: an OPTIONS method answered by a MOCK integration."""
    ids = {"restApiId": api_id, "resourceId": resource_id, "httpMethod": "OPTIONS"}
    client.put_method(**ids, authorizationType="NONE")
    client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})


def main() -> None:
    with mock_apigateway() as apigw:
        client = boto3.client("apigateway", region_name="us-east-1")
        api = client.create_rest_api(name="history-demo")
        apigw.calls.clear()  # only the calls of the code under test from here on

        deploy_cors(client, api["id"], api["rootResourceId"])

        print("operations:", apigw.calls.operations)
        integration = apigw.calls.assert_called_once("PutIntegration", restApiId=api["id"], type="MOCK")
        print("PutIntegration answered:", integration.status, integration.reply and integration.reply["type"])
        apigw.calls.assert_not_called("DeleteMethod")
        apigw.calls.assert_all_ok()
        try:
            apigw.calls.assert_called("PutIntegration", type="HTTP")
        except AssertionError as failure:
            print(f"a failing assertion explains itself:\n{failure}")


if __name__ == "__main__":
    main()

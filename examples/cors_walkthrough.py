"""CORS on a MOCK endpoint, end to end, with `with mock_apigateway():` in a plain script.

The method response declares the `Access-Control-Allow-Origin` header, the integration response maps a static
value onto it, and then the AWS CLI documentation's two `update-integration-response` examples run through boto3:
replace the mapping with `'*'`, then remove it. Run: python examples/cors_walkthrough.py
"""

from __future__ import annotations

import json
from typing import Any

import boto3

from apigw_mock import mock_apigateway

ORIGIN = "method.response.header.Access-Control-Allow-Origin"


def show(title: str, response: dict[str, Any]) -> dict[str, Any]:
    body = {key: value for key, value in response.items() if key != "ResponseMetadata"}
    print(f"{title}:\n{json.dumps(body, indent=2, default=str)}\n")
    return body


def main() -> None:
    with mock_apigateway() as apigw:
        client = boto3.client("apigateway", region_name="eu-west-1")
        api = client.create_rest_api(name="cors-demo")
        pets = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
        ids = {"restApiId": api["id"], "resourceId": pets["id"], "httpMethod": "GET"}
        client.put_method(**ids, authorizationType="NONE")
        client.put_method_response(**ids, statusCode="200", responseParameters={ORIGIN: False})
        client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
        show(
            "put-integration-response",
            client.put_integration_response(**ids, statusCode="200", responseParameters={ORIGIN: "'example.com'"}),
        )

        # `aws apigateway update-integration-response ... op='replace',path=...,value="'*'"`
        replaced = show(
            "update-integration-response (replace)",
            client.update_integration_response(
                **ids,
                statusCode="200",
                patchOperations=[{"op": "replace", "path": f"/responseParameters/{ORIGIN}", "value": "'*'"}],
            ),
        )
        assert replaced == {"statusCode": "200", "responseParameters": {ORIGIN: "'*'"}}

        # `aws apigateway update-integration-response ... op='remove',path=...`
        removed = show(
            "update-integration-response (remove)",
            client.update_integration_response(
                **ids, statusCode="200", patchOperations=[{"op": "remove", "path": f"/responseParameters/{ORIGIN}"}]
            ),
        )
        assert removed == {"statusCode": "200"}

        try:
            client.update_integration_response(
                **ids, statusCode="200", patchOperations=[{"op": "replace", "path": "/responseTemplates"}]
            )
        except client.exceptions.BadRequestException as error:
            print(f"a bare map path is rejected as AWS rejects it: {error.response['Error']['Message']}")

        method = apigw.backend(region="eu-west-1").method(api["id"], pets["id"], "GET")
        print(f"white-box view: {method.method_integration.integration_responses}")  # type: ignore[union-attr]


if __name__ == "__main__":
    main()

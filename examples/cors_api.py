"""A CORS-enabled API called with `requests`: an OPTIONS preflight answered by a MOCK integration and a GET whose
integration response maps the Access-Control-Allow-Origin header, exactly as the AWS console's "Enable CORS"
sets them up. API Gateway adds no CORS headers of its own, and neither does the mock: a path without an OPTIONS
method gets the usual 403. Run: python examples/cors_api.py
"""

from __future__ import annotations

import boto3
import requests

from apigw_mock import mock_apigateway

ORIGIN = "method.response.header.Access-Control-Allow-Origin"
PREFLIGHT = {
    ORIGIN: "'https://app.example.com'",
    "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'",
    "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key'",
}


def main() -> None:
    with mock_apigateway():
        client = boto3.client("apigateway", region_name="us-east-1")
        api = client.create_rest_api(name="cors-demo")
        pets = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
        for verb, headers, template in (
            ("OPTIONS", PREFLIGHT, "{}"),
            ("GET", {ORIGIN: "'https://app.example.com'"}, '[{"id": 1, "name": "Rex"}]'),
        ):
            ids = {"restApiId": api["id"], "resourceId": pets["id"], "httpMethod": verb}
            client.put_method(**ids, authorizationType="NONE")
            client.put_method_response(**ids, statusCode="200", responseParameters=dict.fromkeys(headers, False))
            client.put_integration(**ids, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
            client.put_integration_response(
                **ids, statusCode="200", responseParameters=headers, responseTemplates={"application/json": template}
            )
        client.create_deployment(restApiId=api["id"], stageName="dev")

        url = f"https://{api['id']}.execute-api.us-east-1.amazonaws.com/dev/pets"
        preflight = requests.options(
            url, headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
        )
        print("preflight", preflight.status_code, preflight.headers["Access-Control-Allow-Methods"])
        assert preflight.headers["Access-Control-Allow-Origin"] == "https://app.example.com"

        got = requests.get(url, headers={"Origin": "https://app.example.com"})
        print("GET", got.status_code, got.headers["Access-Control-Allow-Origin"], got.json())
        assert got.json() == [{"id": 1, "name": "Rex"}]

        elsewhere = requests.options(url.replace("/pets", "/owners"))
        print("no OPTIONS method:", elsewhere.status_code, elsewhere.text)
        assert "Access-Control-Allow-Origin" not in elsewhere.headers


if __name__ == "__main__":
    main()

"""API Gateway -> DynamoDB with no Lambda in between, answered by moto: `POST /pets` stores the body with PutItem
(a request template writes DynamoDB JSON), `GET /pets/{id}` reads it back with GetItem and a response template
maps DynamoDB's reply to plain JSON; a missing table comes back as DynamoDB's 400, selected into a 400 method
response. Run: python examples/dynamodb_integration.py
"""

from __future__ import annotations

from typing import Any

import boto3
import requests
from moto import mock_aws

from apigw_mock import mock_apigateway

REGION = "us-east-1"
ROLE = "arn:aws:iam::123456789012:role/apigateway-dynamodb"
PUT_ITEM = """{
  "TableName": "$stageVariables.table",
  "Item": {"id": {"S": "$input.path('$.id')"}, "name": {"S": "$input.path('$.name')"}}
}"""
GET_ITEM = """{"TableName": "$stageVariables.table", "Key": {"id": {"S": "$input.params('id')"}}}"""
PET = """#set($pet = $input.path('$.Item'))
{"id": "$pet.id.S", "name": "$pet.name.S"}"""
ERROR = """{"error": "$input.path('$.message')"}"""


def dynamodb_method(client: Any, api_id: str, resource_id: str, verb: str, action: str, template: str, ok: str) -> None:
    """A method integrated with a DynamoDB action: 200 through `ok`, any 4XX from DynamoDB through ERROR."""
    ids = {"restApiId": api_id, "resourceId": resource_id, "httpMethod": verb}
    client.put_method(**ids, authorizationType="NONE")
    client.put_integration(
        **ids,
        type="AWS",
        integrationHttpMethod="POST",  # DynamoDB's API is POST-only, whatever the client's verb
        uri=f"arn:aws:apigateway:{REGION}:dynamodb:action/{action}",
        credentials=ROLE,
        requestTemplates={"application/json": template},
    )
    for status, pattern, body in (("200", "", ok), ("400", "4\\d{2}", ERROR)):
        client.put_method_response(**ids, statusCode=status)
        client.put_integration_response(
            **ids, statusCode=status, selectionPattern=pattern, responseTemplates={"application/json": body}
        )


def main() -> None:
    with mock_aws(), mock_apigateway():
        dynamodb = boto3.client("dynamodb", region_name=REGION)  # answered by moto
        dynamodb.create_table(
            TableName="pets",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )

        client = boto3.client("apigateway", region_name=REGION)  # answered by apigw_mock
        api = client.create_rest_api(name="pets-on-dynamodb")["id"]
        root = client.get_resources(restApiId=api)["items"][0]["id"]
        pets = client.create_resource(restApiId=api, parentId=root, pathPart="pets")["id"]
        pet = client.create_resource(restApiId=api, parentId=pets, pathPart="{id}")["id"]
        dynamodb_method(client, api, pets, "POST", "PutItem", PUT_ITEM, '{"stored": true}')
        dynamodb_method(client, api, pet, "GET", "GetItem", GET_ITEM, PET)
        client.create_deployment(restApiId=api, stageName="prod", variables={"table": "pets"})
        client.create_deployment(restApiId=api, stageName="broken", variables={"table": "no-such-table"})

        base = f"https://{api}.execute-api.{REGION}.amazonaws.com"
        stored = requests.post(f"{base}/prod/pets", json={"id": "7", "name": "Rex"})
        print("PutItem:", stored.status_code, stored.json())
        print("in DynamoDB:", dynamodb.get_item(TableName="pets", Key={"id": {"S": "7"}})["Item"])
        fetched = requests.get(f"{base}/prod/pets/7")
        print("GetItem:", fetched.status_code, fetched.json())
        assert fetched.json() == {"id": "7", "name": "Rex"}

        missing = requests.get(f"{base}/broken/pets/7")
        print("missing table:", missing.status_code, missing.json())
        assert (missing.status_code, missing.json()) == (400, {"error": "Requested resource not found"})


if __name__ == "__main__":
    main()

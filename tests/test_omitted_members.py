"""An optional member the caller leaves out is left out of the reply, as AWS does (issue 19: CreateModel without a
`description` must not answer `"description": ""`), for every Create*/Put* the mock implements, on the reply and on
the Get and list that read the node back.

Driven by the registry and the botocore model: each Create*/Put* is called with its required members only (values
from `REQUIRED`, a small table of member name -> valid value on the seeded graph), so an operation added later is
covered by adding the values of any new required member here. A string member that the reply shows as `""` was
defaulted by the mock, not sent: that is the defect.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore import xform_name

from apigw_mock import mock_apigateway
from apigw_mock.control.registry import handlers
from apigw_mock.protocol import spec

REGION = "us-east-1"
PUTS = sorted(name for name in handlers() if name.startswith(("Create", "Put")))
REQUIRED = {
    "restApiId": "<api>",
    "resourceId": "<resource>",
    "parentId": "<root>",
    "httpMethod": "GET",
    "statusCode": "200",
    "name": "Fresh",
    "contentType": "application/json",
    "pathPart": "fresh",
    "type": "MOCK",
    "authorizationType": "NONE",
    "responseType": "DEFAULT_4XX",
}
CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge"
LAMBDA_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"
# Per operation: required members whose value differs from REQUIRED's, and the members AWS's own rules require
# beyond the model's (a TOKEN authorizer's URI, a domain name's certificate). Everything else stays omitted.
PER_OPERATION: dict[str, dict[str, Any]] = {
    "CreateAuthorizer": {
        "type": "TOKEN",
        "authorizerUri": LAMBDA_URI,
        "identitySource": "method.request.header.Authorization",
    },
    "CreateBasePathMapping": {"domainName": "<domain>"},
    "CreateDocumentationPart": {"location": {"type": "API"}, "properties": '{"description": "d"}'},
    "CreateDocumentationVersion": {"documentationVersion": "v1"},
    "CreateDomainName": {"domainName": "fresh.example.com", "certificateArn": CERT},
    "CreateDomainNameAccessAssociation": {
        "domainNameArn": "<private-domain-arn>",
        "accessAssociationSourceType": "VPCE",
        "accessAssociationSource": "vpce-0123456789abcdef0",
    },
    "CreateStage": {"stageName": "fresh", "deploymentId": "<deployment>"},
    "CreateUsagePlanKey": {"usagePlanId": "<plan>", "keyId": "<key>", "keyType": "API_KEY"},
    "PutRestApi": {"body": b'{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/a": {}}}'},
    "CreateVpcLink": {"targetArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/lb/1"]},
}
# How each operation's node is read back (operation, extra parameters), when the mock has the reader.
READ_BACK = {
    "CreateModel": [("GetModel", {"modelName": "Fresh"}), ("GetModels", {})],
    "CreateResource": [("GetResources", {})],
    "CreateRestApi": [("GetRestApis", {})],
    "PutGatewayResponse": [("GetGatewayResponse", {}), ("GetGatewayResponses", {})],
    "PutIntegration": [("GetIntegration", {})],
    "PutIntegrationResponse": [("GetIntegrationResponse", {})],
    "PutMethod": [("GetMethod", {})],
    "PutMethodResponse": [("GetMethodResponse", {})],
    "CreateStage": [("GetStages", {})],
    "CreateDeployment": [("GetDeployments", {})],
    "CreateVpcLink": [("GetVpcLinks", {})],
    "CreateDomainName": [("GetDomainNames", {})],
}


def empty_strings(value: Any, path: str = "") -> list[str]:
    """Paths of every `""` in a reply (ResponseMetadata aside)."""
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            if key != "ResponseMetadata"
            for found in empty_strings(item, f"{path}.{key}")
        ]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in empty_strings(item, f"{path}[{index}]")]
    return [path] if value == "" else []


def seed(client: Any, operation: str) -> dict[str, str]:
    api = client.create_rest_api(name="omitted")
    resource = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
    ids = {"<api>": api["id"], "<root>": api["rootResourceId"], "<resource>": resource["id"]}
    where = {"restApiId": api["id"], "resourceId": resource["id"], "httpMethod": "GET"}
    if operation != "PutMethod":
        client.put_method(**where, authorizationType="NONE")
    if operation in ("PutIntegrationResponse", "CreateDeployment", "CreateStage"):
        client.put_integration(**where, type="MOCK")
    if operation == "CreateStage":
        ids["<deployment>"] = client.create_deployment(restApiId=api["id"])["id"]
    if operation == "CreateBasePathMapping":
        ids["<domain>"] = client.create_domain_name(domainName="map.example.com", certificateArn=CERT)["domainName"]
    if operation == "CreateDomainNameAccessAssociation":
        policy = '{"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "execute-api:/*"}]}'
        private = client.create_domain_name(
            domainName="private.example.com",
            certificateArn=CERT,
            endpointConfiguration={"types": ["PRIVATE"]},
            policy=policy,
        )
        ids["<private-domain-arn>"] = private["domainNameArn"]
    if operation == "CreateUsagePlanKey":
        ids["<plan>"] = client.create_usage_plan(name="plan")["id"]
        ids["<key>"] = client.create_api_key(name="key")["id"]
    return ids


def _value(value: Any, ids: dict[str, str]) -> Any:
    return (
        ids.get(value, value)
        if isinstance(value, str)
        else [_value(v, ids) for v in value]
        if isinstance(value, list)
        else value
    )


@pytest.mark.parametrize("operation", PUTS)
def test_an_omitted_optional_string_is_omitted_from_the_reply_and_the_reads(operation: str) -> None:
    shape = spec.operation(operation).input_shape
    values = {**REQUIRED, **PER_OPERATION.get(operation, {})}
    assert set(shape.required_members) <= set(values), f"give REQUIRED a value for {operation}'s members"
    with mock_apigateway():
        client = boto3.client("apigateway", region_name=REGION)
        ids = seed(client, operation)
        sent = set(shape.required_members) | set(PER_OPERATION.get(operation, {}))
        params = {name: _value(values[name], ids) for name in sent}

        replies = {operation: getattr(client, xform_name(operation))(**params)}
        for reader, extra in READ_BACK.get(operation, []):
            members = spec.operation(reader).input_shape.members
            location = {name: value for name, value in params.items() if name in members}
            replies[reader] = getattr(client, xform_name(reader))(**location, **extra)

    for name, reply in replies.items():
        assert empty_strings(reply) == [], f"{name} after {operation} shows members nobody sent"


def test_create_model_without_a_description_has_no_description_key() -> None:
    with mock_apigateway():
        client = boto3.client("apigateway", region_name=REGION)
        api = client.create_rest_api(name="models")
        created = client.create_model(restApiId=api["id"], name="Pet", contentType="application/json")
        got = client.get_model(restApiId=api["id"], modelName="Pet")
        listed = next(item for item in client.get_models(restApiId=api["id"])["items"] if item["name"] == "Pet")

    for reply in (created, got, listed):
        assert "description" not in reply

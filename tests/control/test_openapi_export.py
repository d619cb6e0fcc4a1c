"""GetExport through boto3 (spec control-plane-2 §16): both flavours, both accept types, each extension set, from
the stage's deployment snapshot; every export is checked by openapi-spec-validator (a test oracle)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from tests.control import openapi_docs as docs
from tests.helpers import raises_aws


def _export(client: Any, api_id: str, export_type: str = "oas30", stage: str = "dev", **kwargs: Any) -> dict[str, Any]:
    reply = client.get_export(restApiId=api_id, stageName=stage, exportType=export_type, **kwargs)
    raw = reply["body"].read()
    document: dict[str, Any] = yaml.safe_load(raw) if reply["contentType"] == "application/yaml" else json.loads(raw)
    validate(document)  # type: ignore[arg-type]
    return document


def _deployed(client: Any, document: dict[str, Any]) -> str:
    api_id: str = client.import_rest_api(body=docs.dumps(document))["id"]
    client.create_deployment(restApiId=api_id, stageName="dev")
    return api_id


def test_oas30_servers_info_and_paths(client: Any) -> None:
    api_id = _deployed(client, docs.serverless())
    reply = client.get_export(restApiId=api_id, stageName="dev", exportType="oas30")
    document = json.loads(reply["body"].read())

    assert reply["ResponseMetadata"]["HTTPStatusCode"] == 200 and reply["contentType"] == "application/json"
    assert reply["contentDisposition"] == 'attachment; filename="sls-service-dev-oas30.json"'  # [UNK]
    assert document["openapi"] == "3.0.1"
    assert document["servers"] == [
        {
            "url": f"https://{api_id}.execute-api.us-east-1.amazonaws.com/{{basePath}}",
            "variables": {"basePath": {"default": "/dev"}},
        }
    ]
    assert document["info"]["title"] == "sls-service" and document["info"]["description"] == "a service"
    assert document["info"]["version"].endswith("Z")
    assert set(document["paths"]["/items"]) == {"get", "post", "options"}
    assert "x-amazon-apigateway-integration" not in document["paths"]["/items"]["get"]  # no extensions asked
    assert document["components"]["schemas"]["Items"]["items"] == {"$ref": "#/components/schemas/Item"}
    assert document["paths"]["/items"]["get"]["security"] == [{"api_key": []}]
    validate(document)


def test_swagger_host_base_path_and_any_method(client: Any) -> None:
    api_id = _deployed(client, docs.sam())
    document = _export(client, api_id, "swagger", parameters={"extensions": "integrations"})

    assert document["swagger"] == "2.0"
    assert document["host"] == f"{api_id}.execute-api.us-east-1.amazonaws.com"
    assert document["basePath"] == "/dev" and document["schemes"] == ["https"]
    proxy = document["paths"]["/{proxy+}"]
    assert list(proxy) == ["x-amazon-apigateway-any-method"]
    integration = proxy["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"]
    assert integration["type"] == "aws_proxy" and integration["passthroughBehavior"] == "when_no_match"
    assert integration["uri"] == docs.LAMBDA.format(name="app")


def test_yaml_accept(client: Any) -> None:
    api_id = _deployed(client, docs.chalice())
    reply = client.get_export(restApiId=api_id, stageName="dev", exportType="swagger", accepts="application/yaml")

    assert reply["contentType"] == "application/yaml"
    assert reply["contentDisposition"].endswith('-dev-swagger.yaml"')
    document = yaml.safe_load(reply["body"].read())
    assert document["info"]["title"] == "chalice-app"
    validate(document)


def test_apigateway_extensions(client: Any) -> None:
    api_id = _deployed(client, docs.serverless())
    document = _export(client, api_id, parameters={"extensions": "apigateway"})

    assert document["x-amazon-apigateway-request-validators"] == {
        "params": {"validateRequestBody": False, "validateRequestParameters": True},
        "body": {"validateRequestBody": True, "validateRequestParameters": False},
    }
    assert set(document["x-amazon-apigateway-gateway-responses"]) == {"DEFAULT_4XX", "UNAUTHORIZED"}
    assert document["x-amazon-apigateway-minimum-compression-size"] == 1024
    get = document["paths"]["/items"]["get"]
    assert get["x-amazon-apigateway-request-validator"] == "params"
    assert get["x-amazon-apigateway-integration"]["passthroughBehavior"] == "when_no_templates"
    pool = document["components"]["securitySchemes"]["pool"]
    assert pool["x-amazon-apigateway-authorizer"]["type"] == "cognito_user_pools"
    assert document["paths"]["/items"]["post"]["security"] == [{"pool": ["items/write"]}]


def test_authorizers_extension_alone(client: Any) -> None:
    api_id = _deployed(client, docs.chalice())
    document = _export(client, api_id, "swagger", parameters={"extensions": "authorizers"})

    auth = document["securityDefinitions"]["MyAuth"]
    assert auth["x-amazon-apigateway-authorizer"]["type"] == "token"
    assert document["securityDefinitions"]["sigv4"]["x-amazon-apigateway-authtype"] == "awsSigv4"
    assert "x-amazon-apigateway-integration" not in document["paths"]["/"]["get"]
    plain = _export(client, api_id, "swagger")
    assert "x-amazon-apigateway-authorizer" not in plain["securityDefinitions"]["MyAuth"]
    both = _export(client, api_id, "swagger", parameters={"extensions": "integrations, authorizers"})
    assert "x-amazon-apigateway-authorizer" in both["securityDefinitions"]["MyAuth"]
    assert "x-amazon-apigateway-integration" in both["paths"]["/"]["get"]
    assert "x-amazon-apigateway-binary-media-types" not in both  # API-level extensions come with `apigateway` only


def test_postman_is_accepted(client: Any) -> None:
    api_id = _deployed(client, docs.minimal())
    assert _export(client, api_id, parameters={"extensions": "postman"})["paths"]["/"]["get"]  # [UNK]: plain


def test_the_export_reads_the_deployment_not_the_live_api(client: Any) -> None:
    api_id = _deployed(client, docs.minimal())
    root = client.get_resources(restApiId=api_id)["items"][0]["id"]
    client.create_resource(restApiId=api_id, parentId=root, pathPart="later")
    new = client.get_resources(restApiId=api_id)["items"][-1]["id"]
    client.put_method(restApiId=api_id, resourceId=new, httpMethod="GET", authorizationType="NONE")
    client.put_integration(restApiId=api_id, resourceId=new, httpMethod="GET", type="MOCK")

    assert set(_export(client, api_id)["paths"]) == {"/"}
    client.create_deployment(restApiId=api_id, stageName="dev")
    assert set(_export(client, api_id)["paths"]) == {"/", "/later"}


def test_a_method_without_responses_exports_a_default_response(client: Any) -> None:
    api_id = _deployed(client, docs.minimal({"/a": {"get": {"x-amazon-apigateway-integration": docs.MOCK}}}))
    assert _export(client, api_id)["paths"]["/a"]["get"]["responses"] == {
        "default": {"description": "Default response"}
    }


@pytest.mark.parametrize(
    ("kwargs", "code", "message"),
    [
        (
            {"exportType": "raml"},
            "BadRequestException",
            "Invalid export type specified. Valid options are oas30,swagger",
        ),
        (
            {"accepts": "text/html"},
            "BadRequestException",
            "Invalid accept type specified. Valid options are application/json,application/yaml",
        ),
        (
            {"parameters": {"extensions": "x"}},
            "BadRequestException",
            "Invalid extensions specified. Valid options are integrations,apigateway,authorizers,postman",
        ),
        ({"stageName": "prod"}, "NotFoundException", "Invalid stage identifier specified"),
    ],
)
def test_export_errors(client: Any, kwargs: dict[str, Any], code: str, message: str) -> None:
    api_id = _deployed(client, docs.minimal())
    call = {"restApiId": api_id, "stageName": "dev", "exportType": "oas30", **kwargs}
    with raises_aws(code, message):  # [UNK] texts
        client.get_export(**call)


def test_export_of_a_missing_api(client: Any) -> None:
    with raises_aws("NotFoundException", "Invalid API identifier specified 123456789012:nope000000", 404):
        client.get_export(restApiId="nope000000", stageName="dev", exportType="oas30")


def test_swagger_refuses_methods_with_only_non_json_models(client: Any) -> None:
    api = client.create_rest_api(name="xml")
    root = api["rootResourceId"]
    client.create_model(restApiId=api["id"], name="Doc", contentType="application/xml", schema="{}")
    client.put_method(
        restApiId=api["id"],
        resourceId=root,
        httpMethod="POST",
        authorizationType="NONE",
        requestModels={"application/xml": "Doc"},
    )
    client.put_integration(restApiId=api["id"], resourceId=root, httpMethod="POST", type="MOCK")
    client.create_deployment(restApiId=api["id"], stageName="dev")

    with raises_aws("BadRequestException", "Only found non-JSON body models for method: POST /"):
        client.get_export(restApiId=api["id"], stageName="dev", exportType="swagger")
    assert "application/xml" in _export(client, api["id"])["paths"]["/"]["post"]["requestBody"]["content"]

"""ImportRestApi through boto3 (spec control-plane-2 §17): what each construct and extension becomes, defaults,
omitted keys, warnings and errors. Error and warning texts are [UNK] (the spec records none): the tests pin the
mock's choices, marked so. The SAM / Chalice / Serverless documents are in `openapi_docs`."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.control import openapi_docs as docs
from tests.helpers import body, raises_aws


def _methods(client: Any, api_id: str) -> dict[str, dict[str, Any]]:
    """`path verb` -> method, for every method of the API."""
    found: dict[str, dict[str, Any]] = {}
    for resource in client.get_resources(restApiId=api_id, embed=["methods"])["items"]:
        for verb, method in (resource.get("resourceMethods") or {}).items():
            found[f"{resource['path']} {verb}"] = method
    return found


def _paths(client: Any, api_id: str) -> list[str]:
    return sorted(r["path"] for r in client.get_resources(restApiId=api_id)["items"])


# ---- the API node ------------------------------------------------------------------------------------------------


def test_import_answers_201_with_the_api_and_its_defaults(client: Any) -> None:
    reply = client.import_rest_api(body=docs.dumps(docs.minimal()))

    assert reply["ResponseMetadata"]["HTTPStatusCode"] == 201
    api = body(reply)
    assert api["name"] == "t" and api["version"] == "1"
    assert api["apiKeySource"] == "HEADER" and api["disableExecuteApiEndpoint"] is False
    assert api["endpointConfiguration"] == {"types": ["EDGE"], "ipAddressType": "ipv4"}
    for omitted in ("description", "warnings", "binaryMediaTypes", "minimumCompressionSize", "policy", "tags"):
        assert omitted not in api
    assert client.get_rest_api(restApiId=api["id"])["name"] == "t"


def test_the_root_extensions_set_the_api(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.serverless()))

    assert api["description"] == "a service" and api["version"] == "2024-01-01"
    assert api["minimumCompressionSize"] == 1024
    assert api["tags"] == {"team": "core"}
    policy = json.loads(json.loads(f'"{api["policy"]}"'))  # kept escaped once more, as AWS answers it [INF]
    assert policy["Statement"][0]["Resource"] == f"arn:aws:execute-api:us-east-1:123456789012:{api['id']}/*"
    chalice = client.import_rest_api(body=docs.dumps(docs.chalice()))
    assert chalice["binaryMediaTypes"] == ["application/octet-stream", "image/png"]


def test_endpoint_configuration_types_and_extension(client: Any) -> None:
    document = docs.minimal(**{"x-amazon-apigateway-endpoint-configuration": {"disableExecuteApiEndpoint": True}})
    api = client.import_rest_api(body=docs.dumps(document), parameters={"endpointConfigurationTypes": "REGIONAL"})

    assert api["endpointConfiguration"] == {"types": ["REGIONAL"], "ipAddressType": "ipv4"}
    assert api["disableExecuteApiEndpoint"] is True
    private = client.import_rest_api(
        body=docs.dumps(docs.minimal()), parameters={"endpointConfigurationTypes": "PRIVATE"}
    )
    assert private["endpointConfiguration"] == {"types": ["PRIVATE"], "ipAddressType": "dualstack"}


def test_endpoint_configuration_on_the_server_object(client: Any) -> None:
    server = {
        "url": "https://x.example.com",
        "x-amazon-apigateway-endpoint-configuration": {"vpcEndpointIds": ["vpce-1"]},
    }
    api = client.import_rest_api(
        body=docs.dumps(docs.minimal(servers=[server])), parameters={"endpointConfigurationTypes": "PRIVATE"}
    )
    assert api["endpointConfiguration"]["vpcEndpointIds"] == ["vpce-1"]


def test_api_key_source_authorizer(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.minimal(**{"x-amazon-apigateway-api-key-source": "AUTHORIZER"})))
    assert api["apiKeySource"] == "AUTHORIZER"


def test_yaml_and_swagger_bodies(client: Any) -> None:
    api = client.import_rest_api(body=yaml.safe_dump(docs.sam()).encode())

    assert api["name"] == "sam-app"
    assert _paths(client, api["id"]) == ["/", "/hello", "/{proxy+}"]
    methods = _methods(client, api["id"])
    assert set(methods) == {"/hello GET", "/hello OPTIONS", "/{proxy+} ANY"}
    assert methods["/{proxy+} ANY"]["methodIntegration"]["type"] == "AWS_PROXY"


_YAML = b"""
openapi: 3.0.1
info: {title: dated, version: 2024-01-01}
paths:
  /a:
    get:
      responses:
        200:
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Day"}
      x-amazon-apigateway-integration:
        type: mock
        responses:
          default: {statusCode: 200}
components:
  schemas:
    Day: {type: string, example: 2024-01-01}
"""


def test_yaml_numbers_and_dates_are_read_as_text(client: Any) -> None:
    api = client.import_rest_api(body=_YAML)

    assert api["version"] == "2024-01-01"
    method = _methods(client, api["id"])["/a GET"]
    assert method["methodResponses"]["200"]["responseModels"] == {"application/json": "Day"}
    assert set(method["methodIntegration"]["integrationResponses"]) == {"200"}
    schema = json.loads(client.get_model(restApiId=api["id"], modelName="Day")["schema"])
    assert schema == {"type": "string", "example": "2024-01-01"}


# ---- resources and methods ---------------------------------------------------------------------------------------


def test_serverless_methods_parameters_security_and_validators(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.serverless()))
    methods = _methods(client, api["id"])
    validators = {v["name"]: v for v in client.get_request_validators(restApiId=api["id"])["items"]}

    get = methods["/items GET"]
    assert get["operationName"] == "listItems"
    assert get["apiKeyRequired"] is True and get["authorizationType"] == "NONE"
    assert get["requestParameters"] == {
        "method.request.querystring.limit": False,
        "method.request.header.X-Trace": True,
    }
    assert get["requestValidatorId"] == validators["params"]["id"]
    assert validators["params"]["validateRequestParameters"] is True
    assert validators["params"]["validateRequestBody"] is False
    assert get["methodResponses"]["200"] == {
        "statusCode": "200",
        "responseParameters": {"method.response.header.Access-Control-Allow-Origin": False},
        "responseModels": {"application/json": "Items"},
    }
    assert get["methodResponses"]["400"] == {"statusCode": "400"}
    post = methods["/items POST"]
    assert post["requestModels"] == {"application/json": "Item"}
    assert post["authorizationType"] == "COGNITO_USER_POOLS" and post["authorizationScopes"] == ["items/write"]
    authorizer = client.get_authorizer(restApiId=api["id"], authorizerId=post["authorizerId"])
    assert authorizer["type"] == "COGNITO_USER_POOLS" and authorizer["name"] == "pool"
    assert authorizer["identitySource"] == "method.request.header.Authorization"
    assert authorizer["providerARNs"] == ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"]


def test_chalice_iam_and_token_authorizer(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.chalice()))
    methods = _methods(client, api["id"])

    assert methods["/private GET"]["authorizationType"] == "AWS_IAM"
    post = methods["/users/{name} POST"]
    assert post["authorizationType"] == "CUSTOM"
    assert post["requestParameters"] == {"method.request.path.name": True}
    authorizer = client.get_authorizer(restApiId=api["id"], authorizerId=post["authorizerId"])
    assert authorizer["type"] == "TOKEN" and authorizer["authType"] == "custom"
    assert authorizer["identitySource"] == "method.request.header.Authorization"
    assert authorizer["authorizerResultTtlInSeconds"] == 300
    assert methods["/ GET"]["methodResponses"]["200"]["responseModels"] == {"application/json": "Empty"}
    assert methods["/ GET"]["methodIntegration"]["contentHandling"] == "CONVERT_TO_TEXT"


def test_integration_extension_maps_every_member(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.serverless()))
    methods = _methods(client, api["id"])
    resource_id = next(r["id"] for r in client.get_resources(restApiId=api["id"])["items"] if r["path"] == "/items")

    integration = methods["/items GET"]["methodIntegration"]
    assert integration["type"] == "AWS" and integration["httpMethod"] == "POST"
    assert integration["passthroughBehavior"] == "WHEN_NO_TEMPLATES"
    assert integration["timeoutInMillis"] == 10000
    assert integration["cacheKeyParameters"] == ["method.request.querystring.limit"]
    assert integration["cacheNamespace"] == resource_id
    assert integration["requestParameters"] == {"integration.request.header.X-Trace": "method.request.header.X-Trace"}
    responses = integration["integrationResponses"]
    assert "selectionPattern" not in responses["200"]
    assert responses["200"]["responseTemplates"] == {"application/json": "$input.json('$.body')"}
    assert responses["400"]["selectionPattern"] == ".*Bad.*"
    http = methods["/items POST"]["methodIntegration"]
    assert http["connectionType"] == "INTERNET" and http["tlsConfig"] == {"insecureSkipVerification": True}


def test_cors_options_mock_method(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.serverless()))
    options = _methods(client, api["id"])["/items OPTIONS"]

    assert options["authorizationType"] == "NONE" and options["apiKeyRequired"] is False
    integration = options["methodIntegration"]
    assert integration["type"] == "MOCK" and "uri" not in integration and "httpMethod" not in integration
    assert integration["requestTemplates"] == {"application/json": '{"statusCode": 200}'}
    assert integration["integrationResponses"]["200"]["responseParameters"] == docs.CORS_HEADERS
    assert set(options["methodResponses"]["200"]["responseParameters"]) == set(docs.CORS_HEADERS)


def test_models_get_api_gateway_model_urls(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.serverless()))

    models = {m["name"]: m for m in client.get_models(restApiId=api["id"])["items"]}
    assert set(models) == {"Item", "Items"}  # only the document's models [INF]
    schema = json.loads(models["Items"]["schema"])
    assert schema["items"] == {"$ref": f"https://apigateway.amazonaws.com/restapis/{api['id']}/models/Item"}
    assert models["Item"]["contentType"] == "application/json"


def test_gateway_responses(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.serverless()))

    default = client.get_gateway_response(restApiId=api["id"], responseType="DEFAULT_4XX")
    assert default["defaultResponse"] is False
    assert default["responseParameters"] == {"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"}
    unauthorized = client.get_gateway_response(restApiId=api["id"], responseType="UNAUTHORIZED")
    assert unauthorized["statusCode"] == "401" and unauthorized["defaultResponse"] is False


def test_auth_extension_sets_the_authorization_type(client: Any) -> None:
    operation = {"x-amazon-apigateway-auth": {"type": "aws_iam"}, "responses": {"200": {"description": "ok"}}}
    api = client.import_rest_api(body=docs.dumps(docs.minimal({"/a": {"get": operation}})))
    assert _methods(client, api["id"])["/a GET"]["authorizationType"] == "AWS_IAM"


@pytest.mark.parametrize(
    ("mode", "paths"),
    [
        ("ignore", ["/", "/e", "/f"]),
        ("prepend", ["/", "/a", "/a/b", "/a/b/c", "/a/b/c/e", "/a/b/c/f"]),
        ("split", ["/", "/b", "/b/c", "/b/c/e", "/b/c/f"]),
    ],
)
def test_basepath_modes(client: Any, mode: str, paths: list[str]) -> None:
    get = {"get": {"responses": {"200": {"description": "ok"}}}}
    swagger = {"swagger": "2.0", "info": {"title": "b"}, "basePath": "/a/b/c", "paths": {"/e": get, "/f": get}}
    oas = docs.minimal({"/e": get, "/f": get}, servers=[{"url": "https://example.com/a/b/c"}])
    for document in (swagger, oas):
        api = client.import_rest_api(body=docs.dumps(document), parameters={"basepath": mode})
        assert _paths(client, api["id"]) == sorted(paths)
        assert set(_methods(client, api["id"])) == {f"{paths[-2]} GET", f"{paths[-1]} GET"}


# ---- warnings, errors, atomicity ------------------------------------------------------------------------------------

_MISSING_MODEL = {
    "/a": {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}},
            "responses": {"200": {"description": "ok"}},
        }
    }
}


def test_warnings_are_returned_and_not_stored(client: Any) -> None:
    api = client.import_rest_api(body=docs.dumps(docs.minimal(_MISSING_MODEL)))

    # [UNK] text
    assert api["warnings"] == ["Ignoring model reference 'Nope' on 'POST /a': no model of that name in the definition."]
    assert "requestModels" not in _methods(client, api["id"])["/a POST"]
    assert "warnings" not in client.get_rest_api(restApiId=api["id"])


def test_failonwarnings_fails_and_creates_nothing(client: Any) -> None:
    with raises_aws("BadRequestException", status=400) as error:
        client.import_rest_api(body=docs.dumps(docs.minimal(_MISSING_MODEL)), failOnWarnings=True)

    assert error.value.response["Error"]["Message"].startswith("Warnings found during import:\n\t")  # [UNK]
    assert client.get_rest_apis()["items"] == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json: [", "Invalid OpenAPI input."),
        (b"- a list", "Invalid OpenAPI input."),
        (
            b'{"info": {"title": "x"}}',
            "Invalid OpenAPI input. The document must declare 'openapi: 3.0.x' or 'swagger: \"2.0\"'.",
        ),
        (b'{"swagger": "1.2", "info": {"title": "x"}}', "Unsupported OpenAPI version: 1.2"),
    ],
)
def test_unreadable_documents(client: Any, raw: bytes, message: str) -> None:
    with raises_aws("BadRequestException", message, 400):  # [UNK] texts
        client.import_rest_api(body=raw)
    assert client.get_rest_apis()["items"] == []


def _error(client: Any, document: dict[str, Any]) -> str:
    with raises_aws("BadRequestException", status=400) as error:
        client.import_rest_api(body=docs.dumps(document))
    assert client.get_rest_apis()["items"] == []  # nothing was created
    message: str = error.value.response["Error"]["Message"]
    assert message.startswith("Errors found during import:\n\t")  # [UNK] layout
    return message


def test_rule_errors_use_the_put_operations_texts(client: Any) -> None:
    bad_uri = {"type": "aws_proxy", "httpMethod": "POST", "uri": "not-an-arn"}
    paths = {"/a": {"get": {"x-amazon-apigateway-integration": bad_uri, "responses": {}}}}
    assert _error(client, docs.minimal(paths)).endswith(
        "Unable to put integration on 'GET' for resource at path '/a': Invalid ARN specified in the request"
    )
    assert "Resource's path part only allow" in _error(client, docs.minimal({"/a b": {}}))
    timeout = {"type": "mock", "timeoutInMillis": 10}
    message = _error(client, docs.minimal({"/t": {"get": {"x-amazon-apigateway-integration": timeout}}}))
    assert message.endswith("Timeout should be between 50 ms and 29000 ms")


def test_document_errors(client: Any) -> None:
    assert "Invalid model name specified: Bad-Name" in _error(
        client, docs.minimal(components={"schemas": {"Bad-Name": {"type": "object"}}})
    )
    assert "malformed integration at path /a" in _error(
        client, docs.minimal({"/a": {"get": {"x-amazon-apigateway-integration": "nope"}}})
    )
    assert "Invalid integration type specified: lambda" in _error(
        client, docs.minimal({"/a": {"get": {"x-amazon-apigateway-integration": {"type": "lambda"}}}})
    )
    assert "Invalid gateway response type: NOPE" in _error(
        client, docs.minimal(**{"x-amazon-apigateway-gateway-responses": {"NOPE": {}}})
    )
    assert "Invalid request validator 'v' on method 'GET /'" in _error(
        client, docs.minimal(**{"x-amazon-apigateway-request-validator": "v"})
    )


def test_unmapped_response_header_is_an_error(client: Any) -> None:
    integration = {
        "type": "mock",
        "responses": {"default": {"statusCode": "200", "responseParameters": docs.CORS_HEADERS}},
    }
    paths = {
        "/a": {
            "options": {
                "responses": {"200": {"description": "no headers"}},
                "x-amazon-apigateway-integration": integration,
            }
        }
    }
    assert "Invalid mapping expression parameter specified: method.response.header." in _error(
        client, docs.minimal(paths)
    )


def test_bad_options(client: Any) -> None:
    with raises_aws("BadRequestException", "Invalid basepath option specified. Valid options are ignore,prepend,split"):
        client.import_rest_api(body=docs.dumps(docs.minimal()), parameters={"basepath": "drop"})
    with raises_aws("BadRequestException", "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"):
        client.import_rest_api(body=docs.dumps(docs.minimal()), parameters={"endpointConfigurationTypes": "X"})


def test_http_api_extensions_are_warnings_and_documentation_is_read(client: Any) -> None:
    # The documentation extension is imported (tests/control/test_openapi_documentation.py), so it warns no more.
    document = docs.minimal(**{"x-amazon-apigateway-documentation": {"version": "1"}, "x-amazon-apigateway-cors": {}})
    warned = client.import_rest_api(body=docs.dumps(document))["warnings"]
    assert not any("x-amazon-apigateway-documentation" in w for w in warned)
    assert any("x-amazon-apigateway-cors" in w for w in warned)
    ignored = client.import_rest_api(body=docs.dumps(document), parameters={"ignore": "documentation"})["warnings"]
    assert not any("documentation" in w for w in ignored)


def test_root_security_is_ignored_and_operation_validator_overrides_the_root_one(client: Any) -> None:
    schemes = {"securitySchemes": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}}}
    validators = {"all": {"validateRequestBody": True}, "none": {}}
    ok = {"responses": {"200": {"description": "ok"}}}
    paths = {"/a": {"get": ok, "post": ok | {"x-amazon-apigateway-request-validator": "none"}}}
    document = docs.minimal(paths, security=[{"api_key": []}], components=schemes)
    document |= {"x-amazon-apigateway-request-validators": validators, "x-amazon-apigateway-request-validator": "all"}
    api = client.import_rest_api(body=docs.dumps(document))

    methods = _methods(client, api["id"])
    names = {v["id"]: v for v in client.get_request_validators(restApiId=api["id"])["items"]}
    assert methods["/a GET"]["apiKeyRequired"] is False  # root-level security is ignored [DOC]
    assert names[methods["/a GET"]["requestValidatorId"]]["name"] == "all"
    assert names[methods["/a POST"]["requestValidatorId"]] == {
        "id": methods["/a POST"]["requestValidatorId"],
        "name": "none",
        "validateRequestBody": False,
        "validateRequestParameters": False,
    }


def test_request_authorizer_from_a_security_scheme(client: Any) -> None:
    authorizer = {
        "type": "request",
        "authorizerUri": docs.LAMBDA.format(name="auth"),
        "identitySource": "method.request.header.A, method.request.querystring.b",
        "authorizerResultTtlInSeconds": 0,
    }
    scheme = {"type": "apiKey", "name": "Unused", "in": "header", "x-amazon-apigateway-authorizer": authorizer}
    paths = {"/a": {"get": {"security": [{"req": []}], "responses": {"200": {"description": "ok"}}}}}
    api = client.import_rest_api(body=docs.dumps(docs.minimal(paths, components={"securitySchemes": {"req": scheme}})))

    (found,) = client.get_authorizers(restApiId=api["id"])["items"]
    assert found["type"] == "REQUEST" and found["authType"] == "custom"
    assert found["identitySource"] == "method.request.header.A, method.request.querystring.b"
    assert found["authorizerResultTtlInSeconds"] == 0
    assert _methods(client, api["id"])["/a GET"]["authorizerId"] == found["id"]


def test_authorizer_rules_are_createauthorizers(client: Any) -> None:
    scheme = {"type": "apiKey", "name": "A", "in": "header", "x-amazon-apigateway-authorizer": {"type": "token"}}
    message = _error(client, docs.minimal(components={"securitySchemes": {"tok": scheme}}))
    assert message.endswith(
        "Unable to create authorizer 'tok': Authorizer URI is required for authorizers of type TOKEN"
    )
    scheme["x-amazon-apigateway-authorizer"] = {"type": "jwt"}
    assert "Invalid authorizer type: jwt" in _error(
        client, docs.minimal(components={"securitySchemes": {"tok": scheme}})
    )


def test_constructs_of_the_wrong_type_are_errors_not_crashes(client: Any) -> None:
    timeout = {"type": "mock", "timeoutInMillis": "soon"}
    assert "Invalid OpenAPI input: invalid literal" in _error(
        client, docs.minimal({"/a": {"get": {"x-amazon-apigateway-integration": timeout}}})
    )
    assert "Unable to put method 'GET' on resource at path '/a': Invalid OpenAPI input" in _error(
        client, docs.minimal({"/a": {"get": {"parameters": {"not": "a list"}}}})
    )
    assert "Invalid OpenAPI input" in _error(
        client, docs.minimal(**{"x-amazon-apigateway-minimum-compression-size": "big"})
    )

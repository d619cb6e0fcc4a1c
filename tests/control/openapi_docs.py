"""OpenAPI documents in the style real tools write, for the import/export tests (SAM, Chalice, Serverless), and
small builders. Plain data: nothing here talks to the mock."""

from __future__ import annotations

import json
from typing import Any

REGION = "us-east-1"
ACCOUNT = "123456789012"
LAMBDA = (
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:{name}/invocations"
)
MOCK = {"type": "mock", "requestTemplates": {"application/json": '{"statusCode": 200}'}}
CORS_HEADERS = {
    "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'",
    "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key'",
    "method.response.header.Access-Control-Allow-Origin": "'*'",
}


def dumps(document: dict[str, Any]) -> bytes:
    """The import body (None values dropped)."""
    return json.dumps(strip_none(document)).encode()


def cors_options(swagger: bool) -> dict[str, Any]:
    """The OPTIONS MOCK method SAM, Chalice and Serverless write for CORS."""
    header_names = [name.rsplit(".", 1)[1] for name in CORS_HEADERS]
    headers = {h: ({"type": "string"} if swagger else {"schema": {"type": "string"}}) for h in header_names}
    return {
        "consumes": ["application/json"] if swagger else None,
        "responses": {"200": {"description": "200 response", "headers": headers}},
        "x-amazon-apigateway-integration": {
            "type": "mock",
            "requestTemplates": {"application/json": '{"statusCode": 200}'},
            "passthroughBehavior": "when_no_match",
            "responses": {"default": {"statusCode": "200", "responseParameters": CORS_HEADERS}},
        },
    }


def sam() -> dict[str, Any]:
    """SAM's implicit API: swagger 2.0, Lambda proxy `x-amazon-apigateway-any-method` under `{proxy+}`."""
    proxy = {
        "x-amazon-apigateway-integration": {
            "type": "aws_proxy",
            "httpMethod": "POST",
            "uri": LAMBDA.format(name="app"),
            "passthroughBehavior": "when_no_match",
        },
        "responses": {},
    }
    options = cors_options(True)
    options.pop("consumes")
    return {
        "swagger": "2.0",
        "info": {"version": "1.0", "title": "sam-app"},
        "paths": {
            "/hello": {"get": dict(proxy), "options": options},
            "/{proxy+}": {"x-amazon-apigateway-any-method": dict(proxy)},
        },
    }


def chalice() -> dict[str, Any]:
    """Chalice's output: swagger 2.0 with `Empty` and `Error` definitions, an IAM route and a custom authorizer."""
    integration = {
        "type": "aws_proxy",
        "httpMethod": "POST",
        "uri": LAMBDA.format(name="chalice"),
        "passthroughBehavior": "when_no_match",
        "contentHandling": "CONVERT_TO_TEXT",
    }
    response = {"200": {"description": "200 response", "schema": {"$ref": "#/definitions/Empty"}}}
    options = cors_options(True)
    return {
        "swagger": "2.0",
        "info": {"version": "1.0", "title": "chalice-app"},
        "schemes": ["https"],
        "paths": {
            "/": {
                "get": {"consumes": ["application/json"], "produces": ["application/json"], "responses": response}
                | {"x-amazon-apigateway-integration": integration},
            },
            "/private": {
                "get": {"responses": response, "security": [{"sigv4": []}]}
                | {"x-amazon-apigateway-integration": integration},
                "options": options,
            },
            "/users/{name}": {
                "post": {
                    "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
                    "responses": response,
                    "security": [{"MyAuth": []}],
                    "x-amazon-apigateway-integration": integration,
                }
            },
        },
        "definitions": {
            "Empty": {"type": "object", "title": "Empty Schema"},
            "Error": {"type": "object", "properties": {"Code": {"type": "string"}, "Message": {"type": "string"}}},
        },
        "x-amazon-apigateway-binary-media-types": ["application/octet-stream", "image/png"],
        "securityDefinitions": {
            "sigv4": {
                "in": "header",
                "type": "apiKey",
                "name": "Authorization",
                "x-amazon-apigateway-authtype": "awsSigv4",
            },
            "MyAuth": {
                "in": "header",
                "type": "apiKey",
                "name": "Authorization",
                "x-amazon-apigateway-authtype": "custom",
                "x-amazon-apigateway-authorizer": {
                    "type": "token",
                    "authorizerUri": LAMBDA.format(name="auth"),
                    "authorizerResultTtlInSeconds": 300,
                },
            },
        },
    }


def serverless() -> dict[str, Any]:
    """A Serverless-style OpenAPI 3 document: REST paths with Lambda (non-proxy) integrations, request validation,
    api keys, gateway responses and a Cognito authorizer."""
    return {
        "openapi": "3.0.1",
        "info": {"title": "sls-service", "description": "a service", "version": "2024-01-01"},
        "servers": [{"url": "https://example.com/{basePath}", "variables": {"basePath": {"default": "/dev"}}}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "parameters": [
                        {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer"}},
                        {"name": "X-Trace", "in": "header", "required": True, "schema": {"type": "string"}},
                    ],
                    "security": [{"api_key": []}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {"Access-Control-Allow-Origin": {"schema": {"type": "string"}}},
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Items"}}},
                        },
                        "400": {"description": "bad"},
                    },
                    "x-amazon-apigateway-request-validator": "params",
                    "x-amazon-apigateway-integration": {
                        "type": "aws",
                        "httpMethod": "POST",
                        "uri": LAMBDA.format(name="list"),
                        "requestParameters": {"integration.request.header.X-Trace": "method.request.header.X-Trace"},
                        "requestTemplates": {"application/json": '{"limit": "$input.params(\'limit\')"}'},
                        "passthroughBehavior": "when_no_templates",
                        "timeoutInMillis": 10000,
                        "cacheKeyParameters": ["method.request.querystring.limit"],
                        "responses": {
                            "default": {
                                "statusCode": "200",
                                "responseParameters": {"method.response.header.Access-Control-Allow-Origin": "'*'"},
                                "responseTemplates": {"application/json": "$input.json('$.body')"},
                            },
                            ".*Bad.*": {"statusCode": "400"},
                        },
                    },
                },
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                    "security": [{"pool": ["items/write"]}],
                    "responses": {"201": {"description": "created"}},
                    "x-amazon-apigateway-request-validator": "body",
                    "x-amazon-apigateway-integration": {
                        "type": "http",
                        "httpMethod": "POST",
                        "uri": "https://backend.example.com/items",
                        "connectionType": "INTERNET",
                        "tlsConfig": {"insecureSkipVerification": True},
                        "responses": {"default": {"statusCode": "201"}},
                    },
                },
                "options": cors_options(False) | {"consumes": None},
            },
        },
        "components": {
            "schemas": {
                "Item": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
            },
            "securitySchemes": {
                "api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
                "pool": {
                    "type": "apiKey",
                    "name": "Authorization",
                    "in": "header",
                    "x-amazon-apigateway-authtype": "cognito_user_pools",
                    "x-amazon-apigateway-authorizer": {
                        "type": "cognito_user_pools",
                        "providerARNs": ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"],
                    },
                },
            },
        },
        "x-amazon-apigateway-request-validators": {
            "params": {"validateRequestBody": False, "validateRequestParameters": True},
            "body": {"validateRequestBody": True, "validateRequestParameters": False},
        },
        "x-amazon-apigateway-gateway-responses": {
            "DEFAULT_4XX": {
                "responseParameters": {"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"},
                "responseTemplates": {"application/json": '{"message":$context.error.messageString}'},
            },
            "UNAUTHORIZED": {"statusCode": "401"},
        },
        "x-amazon-apigateway-api-key-source": "HEADER",
        "x-amazon-apigateway-minimum-compression-size": 1024,
        "x-amazon-apigateway-policy": {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}
            ],
        },
        "tags": [{"name": "team", "x-amazon-apigateway-tag-value": "core"}],
    }


def strip_none(document: Any) -> Any:
    """The document without None values (builders use None to drop a key)."""
    if isinstance(document, dict):
        return {k: strip_none(v) for k, v in document.items() if v is not None}
    if isinstance(document, list):
        return [strip_none(v) for v in document]
    return document


def minimal(paths: dict[str, Any] | None = None, **root: Any) -> dict[str, Any]:
    """An OpenAPI 3 document titled `t`, with `paths` (one GET on `/` with a MOCK integration by default)."""
    get = {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": MOCK}
    found = paths if paths is not None else {"/": {"get": get}}
    return {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": found, **root}

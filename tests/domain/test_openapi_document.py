"""domain.openapi as pure tables: reading a body, the base path of each flavour, `$ref` names, the extensions'
member mapping and the policy expansion (no client, no mock)."""

from __future__ import annotations

import pytest

from apigw_mock.domain.openapi import document, extensions
from apigw_mock.exceptions import BadRequestException

YAML = b"""
openapi: 3.0.1
info: {title: t, version: 2024-01-01}
paths:
  /a:
    get:
      responses:
        200: {description: ok}
"""


@pytest.mark.parametrize(
    ("root", "base"),
    [
        ({"swagger": "2.0", "basePath": "/a/b/"}, "/a/b"),
        ({"swagger": "2.0"}, "/"),
        ({"openapi": "3.0.1", "servers": [{"url": "https://h.example.com/v1/x"}]}, "/v1/x"),
        ({"openapi": "3.0.1", "servers": [{"url": "https://h.example.com"}]}, "/"),
        ({"openapi": "3.0.1", "servers": [{"url": "/rel"}]}, "/rel"),
        (
            {
                "openapi": "3.0.1",
                "servers": [{"url": "https://h/{basePath}", "variables": {"basePath": {"default": "/s"}}}],
            },
            "/s",
        ),
        ({"openapi": "3.1.0"}, "/"),
    ],
)
def test_base_path(root: dict[str, object], base: str) -> None:
    assert document.Document(dict(root), swagger="swagger" in root).base_path() == base


def test_read_json_yaml_and_refs() -> None:
    read = document.read(YAML)
    assert read.swagger is False and list(read.paths) == ["/a"]
    assert read.model_of({"$ref": "#/components/schemas/Pet"}) == "Pet"
    assert read.model_of({"type": "object"}) is None
    assert document.read('{"swagger": "2.0"}').ref_prefix == "#/definitions/"


@pytest.mark.parametrize("raw", [b"", b"[1, 2]", b"{: :", b"null"])
def test_unreadable(raw: bytes) -> None:
    with pytest.raises(BadRequestException, match=r"^Invalid OpenAPI input\.$"):  # [UNK]
        document.read(raw)


def test_too_large() -> None:
    with pytest.raises(BadRequestException, match="maximum size is 6 MB"):  # DOC limit, [UNK] text
        document.read(b" " * (document.MAX_BODY + 1))


def test_integration_members_upper_case_and_snake_names() -> None:
    members = extensions.integration_members(
        {"type": "aws_proxy", "httpMethod": "post", "passthroughBehavior": "never", "timeoutInMillis": "100",
         "cacheKeyParameters": ["method.request.path.id"], "requestTemplates": {"application/json": {"a": 1}}}
    )  # fmt: skip
    assert members == {
        "type": "AWS_PROXY",
        "integration_http_method": "POST",
        "passthrough_behavior": "NEVER",
        "timeout_in_millis": 100,
        "cache_key_parameters": ["method.request.path.id"],
        "request_templates": {"application/json": '{"a": 1}'},
    }
    assert extensions.integration_responses({"responses": {"default": {"statusCode": 200}, "5\\d{2}": {}}}) == [
        (None, {"statusCode": 200}),
        ("5\\d{2}", {}),
    ]


def test_authorizer_members_take_the_header_of_a_token_scheme() -> None:
    scheme = {"type": "apiKey", "name": "X-Token", "in": "header", "x-amazon-apigateway-authtype": "oauth2"}
    scheme["x-amazon-apigateway-authorizer"] = {"type": "TOKEN", "authorizerUri": "u", "providerARNs": ["p"]}
    assert extensions.authorizer_members("a", scheme) == {
        "name": "a",
        "type": "TOKEN",
        "authorizer_uri": "u",
        "provider_arns": ["p"],
        "auth_type": "oauth2",
        "identity_source": "method.request.header.X-Token",
    }


def test_policy_resources_are_expanded() -> None:
    policy = {"Statement": [{"Resource": ["execute-api:/*", "arn:aws:execute-api:eu-west-1:1:x/*"]}]}
    text = extensions.policy_text(policy, "123", "us-east-1", "abc")
    assert '"arn:aws:execute-api:us-east-1:123:abc/*"' in text and '"arn:aws:execute-api:eu-west-1:1:x/*"' in text

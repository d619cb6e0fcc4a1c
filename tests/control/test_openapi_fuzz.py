"""Property: whatever a document holds where OpenAPI expects something else, ImportRestApi answers 201 or AWS's
BadRequest, never a crash, and a refused import creates nothing."""

from __future__ import annotations

import json
from typing import Any

import hypothesis.strategies as st
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 70000) | st.sampled_from(("", "x", "GET", "mock", "/a", "200")),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(("type", "200", "a", "$ref")), inner, max_size=3)
    ),
    max_leaves=6,
)
_slots = st.sampled_from(
    (
        ("paths",),
        ("paths", "/a"),
        ("paths", "/a", "get"),
        ("paths", "/a", "get", "parameters"),
        ("paths", "/a", "get", "responses"),
        ("paths", "/a", "get", "responses", "200"),
        ("paths", "/a", "get", "security"),
        ("paths", "/a", "get", "requestBody"),
        ("paths", "/a", "get", "x-amazon-apigateway-integration"),
        ("paths", "/a", "get", "x-amazon-apigateway-integration", "responses"),
        ("paths", "/a", "get", "x-amazon-apigateway-integration", "requestParameters"),
        ("paths", "/a", "get", "x-amazon-apigateway-auth"),
        ("components",),
        ("components", "schemas"),
        ("components", "securitySchemes"),
        ("components", "securitySchemes", "s"),
        ("info",),
        ("servers",),
        ("x-amazon-apigateway-gateway-responses",),
        ("x-amazon-apigateway-request-validators",),
        ("x-amazon-apigateway-binary-media-types",),
        ("x-amazon-apigateway-policy",),
        ("x-amazon-apigateway-endpoint-configuration",),
        ("tags",),
    )
)


def _document() -> dict[str, Any]:
    integration = {"type": "mock", "responses": {"default": {"statusCode": "200"}}}
    operation = {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": integration}
    scheme = {"type": "apiKey", "name": "A", "in": "header", "x-amazon-apigateway-authorizer": {"type": "token"}}
    return {
        "openapi": "3.0.1",
        "info": {"title": "fuzz"},
        "paths": {"/a": {"get": operation}},
        "components": {"schemas": {"M": {"type": "object"}}, "securitySchemes": {"s": scheme}},
    }


def _put(document: dict[str, Any], slot: tuple[str, ...], value: Any) -> None:
    node: Any = document
    for key in slot[:-1]:
        node = node.setdefault(key, {}) if isinstance(node, dict) else {}
    if isinstance(node, dict):
        node[slot[-1]] = value


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(changes=st.lists(st.tuples(_slots, _json), min_size=1, max_size=3))
def test_any_document_is_imported_or_refused(client: Any, changes: list[tuple[tuple[str, ...], Any]]) -> None:
    document = _document()
    for slot, value in changes:
        _put(document, slot, value)
    before = len(client.get_rest_apis(limit=500)["items"])
    try:
        client.import_rest_api(body=json.dumps(document).encode())
    except ClientError as error:
        assert error.response["Error"]["Code"] == "BadRequestException", error.response
        assert len(client.get_rest_apis(limit=500)["items"]) == before
    else:
        assert len(client.get_rest_apis(limit=500)["items"]) == before + 1


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
@given(changes=st.lists(st.tuples(_slots, _json), min_size=1, max_size=3), mode=st.sampled_from(("merge", "overwrite")))
def test_a_refused_put_changes_nothing(client: Any, changes: list[tuple[tuple[str, ...], Any]], mode: str) -> None:
    valid = _document()
    del valid["components"]["securitySchemes"]  # its token authorizer lacks a URI: a slot for the fuzzer
    api_id = client.import_rest_api(body=json.dumps(valid).encode())["id"]
    before = client.get_resources(restApiId=api_id, embed=["methods"])["items"]
    document = _document()
    for slot, value in changes:
        _put(document, slot, value)
    try:
        client.put_rest_api(restApiId=api_id, body=json.dumps(document).encode(), mode=mode)
    except ClientError as error:
        assert error.response["Error"]["Code"] == "BadRequestException", error.response
        assert client.get_resources(restApiId=api_id, embed=["methods"])["items"] == before
        assert client.get_rest_api(restApiId=api_id)["name"] == "fuzz"
    client.delete_rest_api(restApiId=api_id)

"""The HTTP router: every operation's botocore-serialised request routes back to that operation; junk routes nowhere."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from botocore.awsrequest import prepare_request_dict
from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.serialize import create_serializer

from apigw_mock.protocol import spec
from apigw_mock.protocol.router import router

OPERATIONS = sorted(spec.service_model().operation_names)
# A label value with every character botocore %-encodes (a tag's resource ARN really carries slashes).
AWKWARD = "arn:aws:apigateway:us-east-1::/restapis/a b/stages/~prod"


def _minimal(shape: Shape, text: str) -> Any:
    """A value for `shape` (required members only, strings set to `text`)."""
    if isinstance(shape, StructureShape):
        return {name: _minimal(shape.members[name], text) for name in shape.required_members}
    if isinstance(shape, ListShape):
        return [_minimal(shape.member, text)]
    if isinstance(shape, MapShape):
        return {"key": _minimal(shape.value, text)}
    enum = getattr(shape, "enum", None)  # only string shapes have one
    return {"integer": 1, "long": 1, "double": 1.0, "float": 1.0, "boolean": True, "blob": b"x"}.get(
        shape.type_name, enum[0] if enum else text
    )


def _wire(name: str, text: str) -> tuple[str, str, str]:
    """(method, raw path, query string) of botocore's own request for `name`."""
    operation = spec.operation(name)
    params = _minimal(operation.input_shape, text) if operation.input_shape else {}
    request = create_serializer("rest-json", include_validation=False).serialize_to_request(params, operation)
    prepare_request_dict(request, endpoint_url="https://apigateway.us-east-1.amazonaws.com")
    url = urlsplit(request["url"])
    return request["method"], url.path, url.query


def test_the_model_has_the_124_operations_the_router_covers() -> None:
    assert len(OPERATIONS) == 124


@pytest.mark.parametrize("name", OPERATIONS)
@pytest.mark.parametrize("text", ["abc123", AWKWARD], ids=["plain", "awkward"])
def test_every_operation_routes_back_to_itself(name: str, text: str) -> None:
    method, path, query = _wire(name, text)
    assert router().resolve(method, path, query) == name


@pytest.mark.parametrize(
    ("method", "path", "query", "expected"),
    [
        ("POST", "/restapis", "mode=import", "ImportRestApi"),
        ("POST", "/restapis", "failonwarnings=true&mode=import", "ImportRestApi"),
        ("POST", "/restapis", "", "CreateRestApi"),
        ("POST", "/apikeys", "mode=import&format=csv", "ImportApiKeys"),
        ("POST", "/apikeys", "", "CreateApiKey"),
        ("PUT", "/restapis/abc", "mode=overwrite", "PutRestApi"),
        ("GET", "/tags/arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Frestapis%2Fabc", "", "GetTags"),
    ],
)
def test_the_most_specific_route_wins(method: str, path: str, query: str, expected: str) -> None:
    assert router().resolve(method, path, query) == expected


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", ""),
        ("GET", "/nothing"),
        ("GET", "/restapis/"),
        ("GET", "/restapis//resources"),
        ("PUT", "/restapis"),
        ("BREW", "/restapis"),
        ("get", "/restapis"),
        ("GET", "/restapis/abc/resources/def/methods/GET/integration/responses/200/extra"),
        ("GET", "/tags/arn:aws:apigateway:us-east-1::/restapis/abc"),  # an unencoded slash is a path separator
        ("GET", "/_apigw_mock/health"),
    ],
)
def test_junk_routes_nowhere(method: str, path: str) -> None:
    assert router().resolve(method, path) is None


def test_the_router_is_built_once() -> None:
    assert router() is router()

"""parse(botocore-serialise(params)) == params, for every operation of the `apigateway` model.

Parameters are drawn from each operation's input shape (only what botocore would send: required members always,
optional ones sometimes; URI labels non-empty but otherwise any text, `/`, `%` and spaces included), sent through a
real boto3 client whose `before-send` is captured, and parsed back by `apigw_mock.protocol.parser.parse`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.protocol import spec
from apigw_mock.protocol.parser import parse
from apigw_mock.transport.botocore_hook import wire_request

OPERATIONS = sorted(spec.service_model().operation_names)
# botocore's `add_accept_header` (before-call.apigateway) sends this when the caller gives no `Accept`.
DEFAULT_ACCEPT = "application/json"

# Any text, with the characters that mean something in a URL drawn often.
CHARACTERS = st.one_of(st.sampled_from("/%+ ?#&=.~;"), st.characters(codec="utf-8"))
URI_TEXT = st.text(CHARACTERS, min_size=1, max_size=12)  # botocore would build `//` from an empty label
# A header value holds no line break (nor any other C0 control character).
HEADER_TEXT = st.text(st.characters(codec="utf-8", min_codepoint=0x20), max_size=20)
PLAIN_TEXT = st.text(CHARACTERS, max_size=12)


class _Sent:
    """The last request the client tried to send, answered with an empty 200 instead."""

    request: AWSPreparedRequest | None = None

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        self.request = request
        return AWSResponse(request.url, 200, {}, _Raw())


class _Raw:
    def stream(self, **_: Any) -> Iterator[bytes]:
        yield b"{}"


@pytest.fixture(scope="module")
def sent() -> _Sent:
    return _Sent()


@pytest.fixture(scope="module")
def client(sent: _Sent) -> Any:
    api = boto3.client(
        "apigateway", region_name="eu-west-1", aws_access_key_id="AKIDROUNDTRIP", aws_secret_access_key="secret"
    )
    api.meta.events.register_first("before-send.api-gateway", sent)
    return api


@pytest.mark.parametrize("operation_name", OPERATIONS)
@given(data=st.data())
def test_parse_returns_what_botocore_serialised(
    client: Any, sent: _Sent, operation_name: str, data: st.DataObject
) -> None:
    params = data.draw(input_strategy(operation_name), label="params")
    getattr(client, spec_method(operation_name))(**params)
    assert sent.request is not None

    parsed = parse(wire_request(sent.request), operation_name)

    assert parsed == expected(operation_name, params)


def test_every_operation_is_covered() -> None:
    assert len(OPERATIONS) == 124


@pytest.mark.parametrize(
    ("label", "encoded"),
    [("a/b", "a%2Fb"), ("50%", "50%25"), ("a b", "a%20b"), ("ünï", "%C3%BCn%C3%AF")],
)
def test_uri_labels_travel_percent_encoded_and_come_back_decoded(
    client: Any, sent: _Sent, label: str, encoded: str
) -> None:
    client.get_rest_api(restApiId=label)
    assert sent.request is not None
    assert sent.request.url.endswith(f"/restapis/{encoded}")

    assert parse(wire_request(sent.request), "GetRestApi") == {"restApiId": label}


def expected(operation_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """What the server sees: the caller's parameters plus the `Accept` botocore adds to every request."""
    accept = _accept_member(operation_name)
    return {accept: DEFAULT_ACCEPT, **params} if accept else params


def spec_method(operation_name: str) -> str:
    return str(xform_name(operation_name))


@cache
def _accept_member(operation_name: str) -> str | None:
    shape = spec.operation(operation_name).input_shape
    members = shape.members if shape else {}
    return next(
        (
            name
            for name, member in members.items()
            if member.serialization.get("location") == "header" and member.serialization.get("name") == "Accept"
        ),
        None,
    )


# ---- strategies built from the input shape -------------------------------------------------------------------


@cache
def input_strategy(operation_name: str) -> st.SearchStrategy[dict[str, Any]]:
    shape = spec.operation(operation_name).input_shape
    if shape is None:
        return st.just({})
    query_names = _query_wire_names(operation_name)
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, member in shape.members.items():
        strategy = _top_level(member, shape.serialization.get("payload") == name, query_names)
        (required if name in shape.required_members else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _top_level(member: Shape, is_payload: bool, query_names: frozenset[str]) -> st.SearchStrategy[Any]:
    location = member.serialization.get("location")
    if is_payload and member.type_name == "blob":
        return st.binary(min_size=1, max_size=40)  # an empty payload is indistinguishable from none on the wire
    if location == "uri":
        return URI_TEXT
    if location == "header":
        return HEADER_TEXT
    if location == "querystring":
        return _query(member, query_names)
    return _body(member, depth=0)


def _query(member: Shape, query_names: frozenset[str]) -> st.SearchStrategy[Any]:
    if isinstance(member, MapShape):
        # A map spreads over the query string; keys naming another query member would be read as that member.
        keys = st.text(min_size=1, max_size=8).filter(lambda key: key not in query_names)
        return st.dictionaries(keys, PLAIN_TEXT, min_size=1, max_size=3)
    if isinstance(member, ListShape):
        return st.lists(PLAIN_TEXT, min_size=1, max_size=3)  # an empty list sends nothing
    return _scalar(member)


def _body(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    if isinstance(shape, StructureShape):
        if depth > 4:
            return st.just({})
        members = {name: _body(member, depth + 1) for name, member in shape.members.items()}
        required = {name: members.pop(name) for name in shape.required_members}
        return st.fixed_dictionaries(required, optional=members)
    if isinstance(shape, ListShape):
        return st.lists(_body(shape.member, depth + 1), max_size=3)
    if isinstance(shape, MapShape):
        return st.dictionaries(PLAIN_TEXT, _body(shape.value, depth + 1), max_size=3)
    return _scalar(shape)


def _scalar(shape: Shape) -> st.SearchStrategy[Any]:
    kind = shape.type_name
    if kind == "string":
        enum = getattr(shape, "enum", None)
        return st.one_of(st.sampled_from(enum), PLAIN_TEXT) if enum else PLAIN_TEXT
    if kind in ("integer", "long"):
        return st.integers(-(2**31), 2**31 - 1)
    if kind in ("double", "float"):
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "blob":
        return st.binary(max_size=40)
    raise AssertionError(f"no strategy for {kind} shape {shape.name}")


def _query_wire_names(operation_name: str) -> frozenset[str]:
    shape = spec.operation(operation_name).input_shape
    members = shape.members.values() if shape else ()
    bound = {m.serialization.get("name") for m in members if m.serialization.get("location") == "querystring"}
    return frozenset({name for name in bound if name} | spec.route(operation_name).static_query)

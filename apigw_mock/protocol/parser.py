"""rest-json request -> `{memberName: value}`, driven only by the operation's input shape.

Contract: `parse(request, operation_name)` returns the same parameter dict the caller handed to boto3 (URI labels
un-%-encoded, query and header members typed, body members renamed from wire names, blobs decoded, timestamps
as aware datetimes). A body member of the wrong JSON type raises `SerializationException` in AWS's Coral
wording (spec §1.3); a request that matches no route of the operation raises `NotFoundException`.
Constraint checks (enums, patterns, required) are `validation`'s job, not the parser's.
"""

from __future__ import annotations

import base64
import datetime
import json
from collections.abc import Callable
from functools import cache, lru_cache
from json.scanner import make_scanner
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import msgspec
from botocore.model import ListShape, MapShape, Shape, StructureShape

from apigw_mock.exceptions import NotFoundException, SerializationException
from apigw_mock.http import WireRequest
from apigw_mock.protocol import spec

# Java class names Coral reports for a JSON value of the wrong type (spec §1.3).
_JAVA_CLASS = {
    bool: "java.lang.Boolean",
    int: "com.amazon.coral.value.json.numbers.TruncatingBigNumber",
    float: "com.amazon.coral.value.json.numbers.TruncatingBigNumber",
    str: "java.lang.String",
    list: "java.util.ArrayList",
    dict: "java.util.LinkedHashMap",
}
_JAVA_TARGET = {
    "string": "String",
    "integer": "Integer",
    "long": "Long",
    "double": "Double",
    "float": "Float",
    "boolean": "Boolean",
    "timestamp": "Date",
    "blob": "ByteBuffer",
    "list": "List",
    "map": "Map",
    "structure": "Structure",
}
_ACCEPTS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "double": (int, float),
    "float": (int, float),
    "boolean": (bool,),
    "timestamp": (int, float),
    "blob": (str,),
    "list": (list,),
    "map": (dict,),
    "structure": (dict,),
}


class _Plan(msgspec.Struct, frozen=True):
    query: tuple[tuple[str, str, Shape], ...]  # (wire name, member, shape)
    query_map: tuple[str, MapShape] | None  # the member collecting all other query keys
    headers: tuple[tuple[str, str, Shape], ...]
    body: StructureShape | None  # members serialised in the JSON body (None when there are none)
    payload: tuple[str, Shape] | None


def parse(request: WireRequest, operation_name: str) -> dict[str, Any]:
    """Parse one request of `operation_name` into its input parameters."""
    plan = _plan(operation_name)
    route = spec.route(operation_name)
    url = urlsplit(request.url)
    match = route.path.match(url.path)
    if match is None:
        raise NotFoundException(f"No route for {request.method} {url.path}")
    params: dict[str, Any] = match.groupdict()
    if "%" in url.path:
        params = {name: _unquoted(value) for name, value in params.items()}
    if url.query or plan.query:
        _parse_query(url.query, plan, route.static_query, params)
    for wire, member, shape in plan.headers:
        value = _header(request.headers, wire)
        if value is not None:
            params[member] = _scalar_from_text(value, shape)
    if plan.payload is not None:
        member, shape = plan.payload
        if request.body:
            params[member] = request.body if shape.type_name == "blob" else _body(request.body, shape)
    elif plan.body is not None and request.body:
        params.update(_converter(plan.body)(_json(request.body)))
    return params


_unquoted = lru_cache(maxsize=256)(unquote)
"""A percent-encoded path label decoded (a tag call's ARN: `arn%3Aaws%3A...`). A test sends the same few over and
over, and decoding one costs about as much as the rest of the parse."""


def _parse_query(query: str, plan: _Plan, static: frozenset[str], params: dict[str, Any]) -> None:
    pairs = [(key, value) for key, value in _query_pairs(query) if key not in static]
    bound = {wire for wire, _, _ in plan.query}
    for wire, member, shape in plan.query:
        values = [value for key, value in pairs if key == wire]
        if values:
            params[member] = (
                [_scalar_from_text(v, shape.member) for v in values]
                if isinstance(shape, ListShape)
                else _scalar_from_text(values[0], shape)
            )
    if plan.query_map is not None:
        member, map_shape = plan.query_map
        rest = [(key, value) for key, value in pairs if key not in bound]
        if rest:
            if isinstance(map_shape.value, ListShape):
                grouped: dict[str, list[str]] = {}
                for key, value in rest:
                    grouped.setdefault(key, []).append(value)
                params[member] = grouped
            else:
                params[member] = dict(rest)


def _query_pairs(query: str) -> list[tuple[str, str]]:
    """`parse_qsl(query, keep_blank_values=True)`; a query with nothing to decode (botocore's usual `limit=25`,
    `tagKeys=round`) split directly, at a fraction of the cost."""
    if "%" in query or "+" in query:
        return parse_qsl(query, keep_blank_values=True)
    return [(key, value) for key, _, value in (pair.partition("=") for pair in query.split("&") if pair)]


def _header(headers: Any, wire: str) -> str | None:
    value = headers.get(wire)
    if value is None:
        lowered = wire.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return value.decode() if isinstance(value, bytes) else value


def _scalar_from_text(text: str, shape: Shape) -> Any:
    kind = shape.type_name
    if kind == "boolean":
        return text.lower() == "true"
    if kind in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            raise _wrong_type(text, shape) from None
    if kind in ("double", "float"):
        try:
            return float(text)
        except ValueError:
            raise _wrong_type(text, shape) from None
    return text


def _no_constant(token: str) -> Any:
    """`NaN`, `Infinity` and `-Infinity` are not JSON: Coral's Jackson refuses them as any other bad body [INF]."""
    raise ValueError(token)


_DECODER = json.JSONDecoder(parse_constant=_no_constant)
# What the decoder itself scans with, minus its whitespace handling (the stub types the context argument narrowly).
_SCAN = make_scanner(_DECODER)  # type: ignore[arg-type]


def _body(raw: bytes, shape: Shape) -> Any:
    return _converter(shape)(_json(raw))


def _json(raw: bytes) -> Any:
    """The JSON document in a UTF-8 body. botocore's compact bodies are read by the C scanner alone, which is
    twice as fast as `json.loads(bytes)` (encoding detection, whitespace handling); anything else falls back."""
    try:
        text = raw.decode()
        try:
            document, end = _SCAN(text, 0)
        except StopIteration:  # nothing parsable at 0 (e.g. leading whitespace): let the decoder say
            end = -1
        return document if end == len(text) else _DECODER.decode(text)
    except ValueError:  # also UnicodeDecodeError
        raise SerializationException("Unable to parse the request body as JSON") from None


Convert = Callable[[Any], Any]


# The exact Python types of the JSON values a scalar member's converter hands on unchanged (the JSON decoder makes
# no subclasses; a boolean is refused where a number is expected): timestamps and blobs are converted, so absent.
_KEPT_AS_IS: dict[str, frozenset[type]] = {
    "string": frozenset({str}),
    "integer": frozenset({int}),
    "long": frozenset({int}),
    "double": frozenset({int, float}),
    "float": frozenset({int, float}),
    "boolean": frozenset({bool}),
}
_NONE = frozenset({type(None)})


@cache
def _converter(shape: Shape) -> Convert:
    """JSON value -> parameter value for `shape` (see `_compile`), with a direct path where one exists: a value
    that is already what the converter would build is handed on as it is (`_direct`)."""
    general = _compile(shape)
    direct = _direct(shape, general)
    return general if direct is None else direct


def _direct(shape: Shape, general: Convert) -> Convert | None:
    """For a map or list of scalars, or a structure of scalars of one kind under their own wire names (a patch
    operation: four strings): the JSON value itself when the general converter would rebuild it unchanged (right
    types, no null member, no unknown key); the general converter otherwise. None for other shapes. The JSON value
    is the request's own, held by nothing else. The check is a loop without calls: under Python 3.11 a call costs
    more than a few specialised bytecodes (`map` or `set.issuperset` over the values measured slower too)."""
    if isinstance(shape, MapShape | ListShape):
        item = shape.value if isinstance(shape, MapShape) else shape.member
        kept = _KEPT_AS_IS.get(item.type_name)
        if kept is None:
            return None
        container, items_kept = dict if isinstance(shape, MapShape) else list, kept | _NONE  # nulls are kept

        def collection(value: Any) -> Any:
            if type(value) is not container:
                return general(value)
            for item in value.values() if type(value) is dict else value:
                if type(item) not in items_kept:
                    return general(value)
            return value

        return collection
    if not isinstance(shape, StructureShape):
        return None
    wire_names = _wire_names(shape)
    kinds = {shape.members[name].type_name for name in wire_names.values()}
    if len(kinds) != 1 or any(wire != name for wire, name in wire_names.items()):
        return None
    kept = _KEPT_AS_IS.get(kinds.pop())
    if kept is None:
        return None
    known = frozenset(wire_names)

    def structure(value: Any) -> Any:
        if type(value) is not dict:
            return general(value)
        for key, item in value.items():
            if type(item) not in kept or key not in known:
                return general(value)
        return value

    return structure


@cache
def _compile(shape: Shape) -> Convert:
    """JSON value -> parameter value for `shape`, type-checked as Coral does; compiled once per shape, because
    re-reading the shape on every call costs more than botocore's own parsing of the reply (the apigateway model
    has no recursive shapes, so compiling eagerly terminates). Members, items and values are converted by
    `_converter` (direct paths included)."""
    kind = shape.type_name
    accepts = _ACCEPTS[kind]
    strict = kind != "boolean"  # a JSON true/false is a Python int, but only a boolean member accepts it

    def checked(value: Any) -> Any:
        if not isinstance(value, accepts) or (strict and isinstance(value, bool)):
            raise _wrong_type(value, shape)
        return value

    if kind == "string":
        return _string(shape)
    if isinstance(shape, StructureShape):
        members = {wire: (name, _converter(shape.members[name])) for wire, name in _wire_names(shape).items()}

        def structure(value: Any) -> dict[str, Any]:
            if type(value) is not dict:
                raise _wrong_type(value, shape)
            parsed: dict[str, Any] = {}
            for key, item in value.items():
                member = members.get(key)
                if member is not None and item is not None:
                    parsed[member[0]] = member[1](item)
            return parsed

        return structure
    if isinstance(shape, ListShape):
        item_of = _converter(shape.member)
        return lambda value: [None if item is None else item_of(item) for item in checked(value)]
    if isinstance(shape, MapShape):
        value_of = _converter(shape.value)
        return lambda value: {key: None if item is None else value_of(item) for key, item in checked(value).items()}
    if kind == "timestamp":
        return lambda value: datetime.datetime.fromtimestamp(checked(value), datetime.UTC)
    if kind == "blob":
        return lambda value: base64.b64decode(checked(value))
    return checked


def _string(shape: Shape) -> Convert:
    def string(value: Any) -> str:
        if type(value) is not str:
            raise _wrong_type(value, shape)
        return value

    return string


def _wrong_type(value: Any, shape: Shape) -> SerializationException:
    source = _JAVA_CLASS.get(type(value), "java.lang.Object")
    return SerializationException(f"class {source} can not be converted to an {_JAVA_TARGET[shape.type_name]}")


@cache
def _wire_names(shape: StructureShape) -> dict[str, str]:
    """Body wire key -> member name (e.g. PutIntegration's `httpMethod` -> `integrationHttpMethod`)."""
    return {
        member.serialization.get("name", name): name
        for name, member in shape.members.items()
        if "location" not in member.serialization
    }


@cache
def _plan(operation_name: str) -> _Plan:
    shape = spec.operation(operation_name).input_shape
    if shape is None:
        return _Plan((), None, (), None, None)
    query, headers, query_map = [], [], None
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if location == "querystring" and isinstance(member, MapShape):
            query_map = (name, member)
        elif location == "querystring":
            query.append((wire, name, member))
        elif location == "header":
            headers.append((wire, name, member))
    payload_name = shape.serialization.get("payload")
    payload = (payload_name, shape.members[payload_name]) if payload_name else None
    has_body = payload is None and any("location" not in m.serialization for m in shape.members.values())
    return _Plan(tuple(query), query_map, tuple(headers), shape if has_body else None, payload)

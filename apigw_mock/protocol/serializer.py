"""Handler result -> wire reply, and `ApiGatewayError` -> wire error: the only place either happens.

Contract: `serialize_result(result, operation_name)` takes what a handler returned (a domain model, a mapping of
member names to values or models, or None) and answers with the operation's success status (`responseCode` in
the model, default 200), members bound to headers as headers, a payload member as the raw body, and every other
member in a JSON body under its wire name (`items` travels as `item`). Timestamps become epoch seconds
(`dump.epoch_seconds`). A result msgspec can write as the wire wants (`protocol.direct`) is written in one call;
any other is dumped (`dump.dump`) and encoded by one stdlib encoder (the general path).
`serialize_error(error)` answers with the error's status, `x-amzn-ErrorType: <code>` and `{"message": ...}`,
which is exactly what botocore turns into `client.exceptions.<Code>`.
"""

from __future__ import annotations

import base64
import datetime
import itertools
import json
import random
from collections.abc import Mapping
from functools import cache
from typing import Any

import msgspec
from botocore.model import ListShape, MapShape, Shape, StructureShape
from msgspec import Struct

from apigw_mock.dump import dump, epoch_seconds
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.http import HttpResponse
from apigw_mock.protocol import spec
from apigw_mock.protocol.direct import direct_json

_JSON = "application/json"


class _RequestIds:
    """AWS's `x-amzn-RequestId` format, a version-4 UUID string. One random UUID is drawn per process (from a
    private generator, so a test's seeded `random` is neither consumed nor followed); its last 48 bits then count
    up, so ids are unique. They are formatted a batch at a time into `ready`, which callers pop from directly:
    between two mocked calls botocore's own work evicts the formatting code from the CPU caches, and a list pop
    costs a fraction of a cold format."""

    BATCH = 64

    def __init__(self) -> None:
        bits = random.Random().getrandbits(128) & ~(0xF << 76 | 0xC << 60) | (0x4 << 76 | 0x8 << 60)
        digits = f"{bits:032x}"
        self.prefix = f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-"
        self.counter = itertools.count(int(digits[20:], 16))
        self.ready: list[str] = []  # popped from the end, so filled in reverse counting order

    def __call__(self) -> str:
        """The next id (list.pop and the counter are atomic, so threads never share one)."""
        try:
            return self.ready.pop()
        except IndexError:
            batch = [f"{self.prefix}{next(self.counter) & 0xFFFFFFFFFFFF:012x}" for _ in range(self.BATCH)]
            batch.reverse()
            self.ready.extend(batch)
            return self.ready.pop()


request_id = _RequestIds()
_READY_IDS = request_id.ready


def serialize_result(result: Struct | Mapping[str, Any] | None, operation_name: str) -> HttpResponse:
    """The success reply for one operation."""
    plan = _plan(operation_name)
    try:
        reply_id = _READY_IDS.pop()  # the common case, without a call
    except IndexError:
        reply_id = request_id()
    headers = {"Content-Type": _JSON, "x-amzn-RequestId": reply_id}
    if result is None or plan.shape is None:
        return HttpResponse(plan.status, headers, b"")
    if plan.members is not None:
        body = direct_json(result, plan.members, plan.direct)
        if body is not None:
            return HttpResponse(plan.status, headers, body)
    data = to_plain(result)
    for member, wire in plan.headers:
        value = data.pop(member, None)
        if value is not None:
            headers[wire] = str(value)
    if plan.payload is not None:
        payload = data.get(plan.payload)
        body = payload if isinstance(payload, bytes) else _ENCODER.encode(payload).encode()
        return HttpResponse(plan.status, headers, body)
    return HttpResponse(plan.status, headers, _ENCODER.encode(_to_wire(data, plan.shape)).encode())


def serialize_error(error: ApiGatewayError) -> HttpResponse:
    """The wire form of a modelled (or AWS-but-unmodelled) error."""
    headers = {"Content-Type": _JSON, "x-amzn-ErrorType": error.code, "x-amzn-RequestId": request_id()}
    return HttpResponse(error.status, headers, json.dumps({"message": error.message}).encode())


def to_plain(result: Struct | Mapping[str, Any]) -> dict[str, Any]:
    """A handler result as plain JSON-ready data keyed by member names (models dumped by alias)."""
    if isinstance(result, Struct):
        return dump(result)
    return {key: _plain_value(value) for key, value in result.items() if value is not None}


def _plain_value(value: Any) -> Any:
    if isinstance(value, Struct):
        return dump(value)
    if isinstance(value, list | tuple):
        return [_plain_value(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain_value(item) for key, item in value.items()}
    return value


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return epoch_seconds(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    raise TypeError(f"cannot serialise {type(value).__name__}")


# Compact and UTF-8 unescaped, as AWS writes it; built once (json.dumps(default=...) builds
# one per call).
_ENCODER = json.JSONEncoder(default=_encode, separators=(",", ":"), ensure_ascii=False)


def _to_wire(value: Any, shape: Shape) -> Any:
    """Rename members to their wire names, only where the model renames something beneath `shape`."""
    if not _renames_below(shape):
        return value
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        members = shape.members
        return {
            members[key].serialization.get("name", key): _to_wire(item, members[key])
            for key, item in value.items()
            if key in members
        }
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_to_wire(item, shape.member) for item in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {key: _to_wire(item, shape.value) for key, item in value.items()}
    return value


@cache
def _renames_below(shape: Shape, _seen: frozenset[str] = frozenset()) -> bool:
    if shape.name in _seen:
        return False
    seen = _seen | {shape.name}
    if isinstance(shape, StructureShape):
        return any("name" in member.serialization or _renames_below(member, seen) for member in shape.members.values())
    if isinstance(shape, ListShape):
        return _renames_below(shape.member, seen)
    if isinstance(shape, MapShape):
        return _renames_below(shape.value, seen)
    return False


class _Plan(msgspec.Struct, frozen=True):
    status: int
    shape: StructureShape | None
    headers: tuple[tuple[str, str], ...]  # (member, wire header)
    payload: str | None
    members: Mapping[str, str] | None = None
    """Member -> wire name where `direct_json` may write the reply: no member travels as a header or the payload,
    and only the output shape's own members may be renamed (nothing beneath them)."""
    direct: bool = False  # nothing is renamed at all: a node result is the body under its own wire names


@cache
def _plan(operation_name: str) -> _Plan:
    operation = spec.operation(operation_name)
    shape = operation.output_shape
    status = int(operation.http.get("responseCode", 200))
    if shape is None:
        return _Plan(status, None, (), None)
    headers = tuple(
        (name, member.serialization.get("name", name))
        for name, member in shape.members.items()
        if member.serialization.get("location") == "header"
    )
    payload = shape.serialization.get("payload")
    if headers or payload is not None or any(_renames_below(member) for member in shape.members.values()):
        return _Plan(status, shape, headers, payload)
    members = {name: member.serialization.get("name", name) for name, member in shape.members.items()}
    return _Plan(status, shape, headers, payload, members, not _renames_below(shape))

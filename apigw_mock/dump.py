"""Domain nodes (`msgspec.Struct`s) as plain data keyed by their wire names, walked in Python.

Contract: `dump(node)` is the node's fields under their wire names (`encode_name`), None-valued fields left out
(kept with `keep_none=True`), nested nodes as dicts, lists and dicts as new containers at every level, so the
result may be edited freely; datetimes stay datetimes (the serializer writes them as epoch seconds, the state file
as ISO text). `dump_shallow(node)` is the cheap variant for a copy that is only ever edited by replacing values
(the patch engine's working document): a node held directly by a field becomes a dict too, but lists and maps
are the node's own. `json_ready(node)` is `dump(node)` with ISO 8601 datetimes (the JSON outside the wire), and
`refusal(error)` reads msgspec's conversion error as (what, where) for the texts built from it.

Why not `msgspec.to_builtins`: it keeps None-valued fields (the wire leaves them out, and botocore would hand the
user an explicit None) and has no shallow form; `tests/domain/test_dump.py` checks the walk against msgspec's field
list.

This module is a leaf: it knows `msgspec.Struct`, not the domain's base class.
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any

import msgspec
from msgspec import Struct

SCALARS = frozenset({str, bool, int, float})
"""The value types written as they are (the wire's, the state file's and msgspec's JSON alike)."""
_PLAIN = SCALARS | {dict, list, datetime.datetime}  # values that are never nodes (checked before isinstance)

Timestamp = datetime.datetime
"""A datetime field: epoch seconds on the wire (`epoch_seconds`), ISO text in the state file."""
Double = float
"""A float field (botocore's `double`)."""


def dump(node: Struct, *, keep_none: bool = False) -> dict[str, Any]:
    """The node's fields under their wire names; None-valued fields only with `keep_none`."""
    out: dict[str, Any] = {}
    for name, wire in wire_names(type(node)):
        value = getattr(node, name)
        if value is None:
            if keep_none:
                out[wire] = None
        else:
            out[wire] = value if type(value) in SCALARS else _plain(value, keep_none)
    return out


def dump_shallow(node: Struct) -> dict[str, Any]:
    """`dump(node, keep_none=True)` one level deep: a node held directly by a field becomes a dict too, but lists
    and maps (and any nodes in them) are the node's own, shared and not copied, so the result may only be edited
    by replacing its values. Converting it back gives the node back."""
    out: dict[str, Any] = {}
    for name, wire in wire_names(type(node)):
        value = getattr(node, name)
        out[wire] = (
            value
            if value is None or type(value) in _PLAIN or not isinstance(value, Struct)
            else dump(value, keep_none=True)
        )
    return out


def _plain(value: Any, keep_none: bool) -> Any:
    kind = type(value)
    if kind is dict:
        return {
            key: item if item is None or type(item) in SCALARS else _plain(item, keep_none)
            for key, item in value.items()
        }
    if kind is list or kind is tuple:
        return [item if item is None or type(item) in SCALARS else _plain(item, keep_none) for item in value]
    if isinstance(value, Struct):
        return dump(value, keep_none=keep_none)
    return value


@cache
def wire_names(kind: type[Struct]) -> tuple[tuple[str, str], ...]:
    """(field name, wire name) of each field, in declaration order."""
    return tuple(zip(kind.__struct_fields__, kind.__struct_encode_fields__, strict=True))


def epoch_seconds(value: datetime.datetime) -> int | float:
    """A timestamp on the wire: epoch seconds, whole seconds as integers (as AWS sends them)."""
    seconds = value.timestamp()
    return int(seconds) if seconds.is_integer() else seconds


def refusal(error: Exception) -> tuple[str, str]:
    """A `msgspec.ValidationError` as (what is wrong, where): `"Invalid enum value 'C'", "kind"` from msgspec's
    "Invalid enum value 'C' - at `$.kind`" (where is "" for the node itself)."""
    reason, _, where = str(error).partition(" - at `$")
    return reason, where.removesuffix("`").removeprefix(".")


def json_ready(node: Struct) -> dict[str, Any]:
    """`dump(node)` with datetimes as ISO 8601 text (`...Z`): the JSON form outside the wire (the state file, the
    management endpoints), which `model_validate` reads back."""
    return msgspec.to_builtins(dump(node))  # type: ignore[no-any-return]

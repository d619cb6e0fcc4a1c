"""The serializer's direct path: a reply msgspec writes in one call, as the wire wants it.

Contract: `direct_json(result, members, whole)` is the JSON body of a handler result, or None when the result is
not one msgspec can write as the general path does (`protocol.serializer`: `dump`, renames, the stdlib encoder);
the general path then writes it. `tests/protocol/test_serializer_direct_path.py` proves the two paths agree.

A node is written one of two ways, chosen once per node class (`node_plan`):
- as itself, when every default is None and every field holds strings, booleans, integers, floats, string enums,
  None, maps, lists and such nodes (`direct_safe`): the domain's `omit_defaults` then leaves out exactly the
  None-valued fields, as `dump` does;
- through its wire twin otherwise: when it holds a datetime (epoch seconds on the wire, where msgspec writes ISO
  text), has a default other than None (which `omit_defaults` would leave out, where the wire keeps it), or holds
  such a node in a field or a map. The twin is a generated Struct with the node's fields under their wire names,
  each defaulting to None; the node's values are copied into it positionally (one C call each way), datetimes
  turned into epoch seconds and held nodes into their own twins on the way.
A node with a field neither way covers (a datetime in a list, a twinned node in a list) is left to the general
path; no node of today's domain has one, and the test checks that every one is written here.

Floats are written by msgspec (`1e-05` as `0.00001`, `1e+16` as `1e16`) where the stdlib writes Python's repr:
other text, the same double for every JSON reader.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from functools import cache
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

import msgspec
from msgspec import Struct
from msgspec.structs import astuple

from apigw_mock.dump import SCALARS, epoch_seconds

_ENCODE = msgspec.json.Encoder().encode
_REQUIRED = msgspec.NODEFAULT  # a required field after optional ones (`kw_only`)
_NO: Any = object()  # what `_writable` answers for a value msgspec cannot write as the general path does


class NodePlan(msgspec.Struct, frozen=True):
    """How nodes of one class are written: as they are (`twin` None), or through the wire twin class `twin`, with
    the fields whose values are converted on the way (position, converter): datetimes to epoch seconds, nodes
    (alone or in a map) to their own twins."""

    twin: type[Struct] | None = None
    conversions: tuple[tuple[int, Callable[[Any], Any]], ...] = ()


_AS_IS = NodePlan()


class _Unwritable(Exception):
    """A field msgspec cannot write as the general path does, through any twin."""


def direct_json(result: Struct | Mapping[str, Any], members: Mapping[str, str], whole: bool) -> bytes | None:
    """The reply's body written in one msgspec call, or None (the general path writes it). A node qualifies when
    `node_plan` has a way for it and `whole` (nothing beneath the output shape is renamed); a mapping of output
    members (a listing: `{"items": [...], "position": ...}`) when its values are scalars, maps of scalars, such
    nodes or lists of those, renamed to their wire names (`members`, member -> wire name), None values left out."""
    if type(result) is not dict:
        if not whole:
            return None
        value = _writable(result)
        return None if value is _NO else _ENCODE(value)
    document: dict[str, Any] = {}
    for key, value in result.items():
        if value is None:
            continue
        wire = members.get(key)
        if wire is None:
            return None
        if type(value) is list:
            value = [_writable(item) for item in value]
            if any(item is _NO for item in value):
                return None
        else:
            value = _writable(value)
            if value is _NO:
                return None
        document[wire] = value
    return _ENCODE(document)


def _writable(value: Any) -> Any:
    """`value` as msgspec should be handed it (a node's wire twin in place of the node), or `_NO`."""
    kind = type(value)
    if kind in SCALARS:
        return value
    if kind is dict:  # a map member (GetTags' `tags`): written as it is when it holds only scalars
        return value if all(item is None or type(item) in SCALARS for item in value.values()) else _NO
    plan = node_plan(value.__class__)
    if plan is None:
        return _NO
    if plan.twin is None:
        return value
    values: Any = astuple(value)
    if plan.conversions:
        values = list(values)
        for index, convert in plan.conversions:
            held = values[index]
            if held is not None:
                values[index] = convert(held)
    return plan.twin(*values)


def _writable_map(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item if item is None else _writable(item) for key, item in value.items()}


@cache
def node_plan(kind: type) -> NodePlan | None:
    """How msgspec writes nodes of `kind` as the general path does: as they are, through a wire twin, or not at
    all (None)."""
    if direct_safe(kind):
        return _AS_IS
    if not (isinstance(kind, type) and issubclass(kind, Struct)):
        return None
    fields = msgspec.structs.fields(kind)
    conversions = []
    try:
        for index, field in enumerate(fields):
            convert = _conversion(field.type)
            if convert is not None:
                conversions.append((index, convert))
    except _Unwritable:
        return None
    twin = msgspec.defstruct(
        f"{kind.__name__}Wire",
        [(field.name, Any, None) for field in fields],
        rename={field.name: field.encode_name for field in fields},
        omit_defaults=True,
        frozen=True,
    )
    return NodePlan(twin, tuple(conversions))


def _conversion(annotation: Any) -> Callable[[Any], Any] | None:
    """How a twin's field of this type is filled from the node's value: as it is (None), or converted; raises
    `_Unwritable` when it cannot be."""
    if _safe_type(annotation):
        return None
    held = _optional(annotation)
    if held is datetime.datetime:
        return epoch_seconds
    if isinstance(held, type) and issubclass(held, Struct):
        plan = node_plan(held)
        if plan is None:
            raise _Unwritable
        return None if plan.twin is None else _writable
    if get_origin(held) is dict and get_args(held)[0] is str:
        value = _optional(get_args(held)[1])
        if isinstance(value, type) and issubclass(value, Struct) and node_plan(value) is not None:
            return _writable_map
    raise _Unwritable


@cache
def direct_safe(kind: type) -> bool:
    """Whether msgspec writes a node of `kind`, as it is, as the general path does: every default is None (the
    domain's `omit_defaults` then leaves out exactly the None-valued fields, as `dump` does), and every field holds
    strings, booleans, integers, floats, string enums, None, maps, lists and such nodes. Not so for datetimes
    (msgspec writes ISO text, the wire epoch seconds)."""
    if not (isinstance(kind, type) and issubclass(kind, Struct) and kind.__struct_config__.omit_defaults):
        return False
    if any(default is not None and default is not _REQUIRED for default in kind.__struct_defaults__):  # cheap first
        return False
    return all(_safe_type(field.type) for field in msgspec.structs.fields(kind))


def _safe_type(annotation: Any) -> bool:
    if annotation in (str, bool, int, float, type(None)):
        return True
    if isinstance(annotation, type) and issubclass(annotation, Struct):
        return direct_safe(annotation)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return all(isinstance(arg, str) for arg in args)
    return origin in (dict, list, Union, UnionType) and all(_safe_type(arg) for arg in args)


def _optional(annotation: Any) -> Any:
    """`X` of `X | None`, else the annotation itself."""
    if get_origin(annotation) in (Union, UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation

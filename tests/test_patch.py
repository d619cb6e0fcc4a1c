"""Pure unit tables for the patch engine (no boto3): `(node, ops) -> node | error`.

These drive the generic mechanics through toy models the engine has never heard of. Each case states the whole
expected node (as the wire would show it) or the exact error. The per-model tables (every path x op of RestApi,
Resource, Method, MethodResponse; spec §3.1-§3.4, §4.1, §4.4, §4.5) live beside their families:
tests/control/test_*_patch_table.py.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

import pytest
from msgspec import Struct

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.values import IntRange
from tests.support.patch_tables import Error, Ops, bad, drop, missing, op, run, wire

# ==== generic mechanics, on a toy model ==========================================================================


class Inner(ApiGatewayModel):
    switch: bool | None = None


def _double_size(doc: dict[str, Any], operation: patch.PatchOperation, key: str | None, context: Any) -> None:
    doc["size"] = 2 * (doc.get("size") or 0)


def _finish(doc: dict[str, Any], context: Any) -> None:
    if context == "finish":
        doc["name"] = doc["name"].upper()


def _no_forbidden(value: Any, key: str | None, context: Any) -> str | None:
    return "forbidden value" if value == "forbidden" else None


class Toy(ApiGatewayModel):
    name: str
    flag: bool = False
    size: int | None = None
    color: Literal["red", "blue"] | None = None
    loose_color: Literal["red", "blue"] | None = None
    labels: dict[str, str | None] | None = None
    notes: dict[str, str | None] | None = None
    required: dict[str, bool] | None = None
    tags: list[str] | None = None
    scopes: list[str] | None = None
    keys: list[str] = []
    inner: Inner | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/name": patch.Field(ops=frozenset({"add", "replace"}), check=_no_forbidden),
            "/flag": patch.Field(parse=patch.boolean),
            "/size": patch.Field(parse=IntRange(0, 9, "bad size", empty_unsets=True).parse),
            "/color": patch.Field(parse=patch.one_of(("red", "blue"), "bad color {value}")),
            "/looseColor": patch.Field(),
            "/labels/{key}": patch.MapEntry("no such label", null_error="null label", reject_empty=True),
            "/notes/{key}": patch.MapEntry("no such note"),
            "/required/{key}": patch.MapEntry("no such parameter", parse=patch.boolean, empty_value=False),
            "/tags/{key}": patch.SetEntry(),
            "/scopes": patch.SetEntry(ops=frozenset({"add", "remove"})),
            "/keys/{key}": patch.SetEntry(keep_empty=True),
            "/inner/switch": patch.Field(parse=patch.boolean),
            "/double": patch.Custom(_double_size, unsupported_op="only replace, sic"),
            "/doubleToo": patch.Custom(_double_size),
        },
        finish=_finish,
    )


class ResourceLikeToy(ApiGatewayModel):
    part: str | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {"/part": patch.Field()}, patch.ResourceMessages(["/part"])
    )


class PathOnlyToy(ApiGatewayModel):
    status: str | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules({"/status": patch.Field()}, patch.PathOnlyMessages())


TOY = Toy(name="toy", size=3, labels={"a/b": "x"}, required={"q": True}, tags=["t1"])
BASE = wire(TOY)

GENERIC: dict[str, tuple[Struct, Ops, dict[str, Any] | Error]] = {
    # scalars
    "field replace": (TOY, [op("replace", "/name", "renamed")], {**BASE, "name": "renamed"}),
    "field add where allowed": (TOY, [op("add", "/name", "added")], {**BASE, "name": "added"}),
    "field remove not allowed": (
        TOY,
        [op("remove", "/name")],
        bad("Invalid patch operation specified. Must be one of: [add, replace]"),
    ),
    "field check rejects": (TOY, [op("replace", "/name", "forbidden")], bad("forbidden value")),
    "boolean true any case": (TOY, [op("replace", "/flag", "TrUe")], {**BASE, "flag": True}),
    "boolean anything else false": (
        Toy(name="toy", flag=True),
        [op("replace", "/flag", "yes")],
        {"name": "toy", "flag": False, "keys": []},
    ),
    "boolean missing value false": (
        Toy(name="toy", flag=True),
        [op("replace", "/flag")],
        {"name": "toy", "flag": False, "keys": []},
    ),
    "integer parsed": (TOY, [op("replace", "/size", "7")], {**BASE, "size": 7}),
    "integer empty unsets": (TOY, [op("replace", "/size", "")], drop(BASE, "size")),
    "integer missing unsets": (TOY, [op("replace", "/size")], drop(BASE, "size")),
    "integer out of range": (TOY, [op("replace", "/size", "10")], bad("bad size")),
    "integer not a number": (TOY, [op("replace", "/size", "ten")], bad("bad size")),
    "enum value": (TOY, [op("replace", "/color", "red")], {**BASE, "color": "red"}),
    "enum bad value": (TOY, [op("replace", "/color", "green")], bad("bad color green")),
    "revalidation catches what no parser did": (
        TOY,
        [op("replace", "/looseColor", "green")],
        bad("Invalid value for looseColor: Invalid enum value 'green'"),
    ),
    "nested field creates parent": (TOY, [op("replace", "/inner/switch", "true")], {**BASE, "inner": {"switch": True}}),
    # maps
    "map add creates entry": (TOY, [op("add", "/labels/c", "y")], {**BASE, "labels": {"a/b": "x", "c": "y"}}),
    "map add creates map": (
        Toy(name="toy"),
        [op("add", "/required/q", "true")],
        {"name": "toy", "flag": False, "keys": [], "required": {"q": True}},
    ),
    "map add overwrites": (TOY, [op("add", "/labels/a~1b", "z")], {**BASE, "labels": {"a/b": "z"}}),
    "map replace existing": (TOY, [op("replace", "/labels/a~1b", "z")], {**BASE, "labels": {"a/b": "z"}}),
    "map replace missing": (TOY, [op("replace", "/labels/c", "z")], missing("no such label")),
    "map remove missing": (TOY, [op("remove", "/labels/c")], missing("no such label")),
    "map remove ignores value": (
        TOY,
        [op("remove", "/required/q", "whatever")],
        drop(BASE, "required"),
    ),
    "map emptied disappears": (TOY, [op("remove", "/labels/a~1b")], drop(BASE, "labels")),
    "map null value rejected": (TOY, [op("replace", "/labels/a~1b")], bad("null label")),
    "map empty value rejected": (TOY, [op("add", "/labels/c", "")], bad("null label")),
    "map missing key before null check": (TOY, [op("replace", "/labels/c")], missing("no such label")),
    "map empty value stored as empty_value": (
        Toy(name="toy"),
        [op("add", "/notes/c", "")],
        {"name": "toy", "flag": False, "keys": [], "notes": {"c": None}},
    ),
    "boolean map empty value is false": (TOY, [op("replace", "/required/q", "")], {**BASE, "required": {"q": False}}),
    "bare map path": (TOY, [op("replace", "/labels", "x")], bad("Invalid patch path /labels")),
    "extra slash in key": (TOY, [op("add", "/labels/a/b", "x")], bad("Invalid patch path /labels/a/b")),
    # sets
    "set add from path, value ignored": (TOY, [op("add", "/tags/t~12", "ignored")], {**BASE, "tags": ["t1", "t/2"]}),
    "set add twice keeps one": (TOY, [op("add", "/tags/t1")], {**BASE, "tags": ["t1"]}),
    "set add dash is literal": (TOY, [op("add", "/tags/-", "x")], {**BASE, "tags": ["t1", "-"]}),
    "set replace removes and appends": (
        Toy(name="toy", tags=["a", "b"]),
        [op("replace", "/tags/a", "c")],
        {"name": "toy", "flag": False, "keys": [], "tags": ["b", "c"]},
    ),
    "set remove last disappears": (TOY, [op("remove", "/tags/t1")], drop(BASE, "tags")),
    "set remove absent is a no-op": (TOY, [op("remove", "/tags/zz")], BASE),
    "set keep_empty stays []": (
        Toy(name="toy", keys=["k"]),
        [op("remove", "/keys/k")],
        {"name": "toy", "flag": False, "keys": []},
    ),
    "bare set path takes the value": (
        TOY,
        [op("add", "/scopes", "s1"), op("add", "/scopes", "s2"), op("remove", "/scopes", "s1")],
        {**BASE, "scopes": ["s2"]},
    ),
    "bare set path replace not allowed": (
        TOY,
        [op("replace", "/scopes", "s1")],
        bad("Invalid patch operation specified. Must be one of: [add, remove]"),
    ),
    # custom rules
    "custom applies": (TOY, [op("replace", "/double")], {**BASE, "size": 6}),
    "custom own unsupported-op text": (TOY, [op("add", "/double")], bad("only replace, sic")),
    "custom family unsupported-op text": (
        TOY,
        [op("add", "/doubleToo")],
        bad("Invalid patch operation specified. Must be one of: [replace]"),
    ),
    # pointer decoding: ~1 first, then ~0
    "pointer ~1 is slash": (TOY, [op("replace", "/labels/a~1b", "q")], {**BASE, "labels": {"a/b": "q"}}),
    "pointer ~0 is tilde": (TOY, [op("add", "/labels/x~0y", "q")], {**BASE, "labels": {"a/b": "x", "x~y": "q"}}),
    "pointer ~01 is tilde-one": (TOY, [op("add", "/labels/x~01y", "q")], {**BASE, "labels": {"a/b": "x", "x~1y": "q"}}),
    # paths
    "missing path": (TOY, [op("replace", None, "x")], bad("Invalid patch path null")),
    "unknown path": (TOY, [op("replace", "/nope", "x")], bad("Invalid patch path /nope")),
    "path without leading slash": (TOY, [op("replace", "name", "x")], bad("Invalid patch path name")),
    "trailing slash": (TOY, [op("replace", "/name/", "x")], bad("Invalid patch path /name/")),
    "empty path": (TOY, [op("replace", "", "x")], bad("Invalid patch path ")),
    # ops
    **{
        f"{name} rejected": (
            TOY,
            [op(name, "/labels/a~1b", "x", **{"from": "/labels/a~1b"})],
            bad("Invalid patch operation specified. Must be one of: [add, remove, replace]"),
        )
        for name in ("move", "copy", "test")
    },
    "ops in order": (
        TOY,
        [op("add", "/labels/c", "1"), op("replace", "/labels/c", "2"), op("remove", "/labels/a~1b")],
        {**BASE, "labels": {"c": "2"}},
    ),
    "later op sees earlier one": (
        Toy(name="toy"),
        [op("add", "/required/q", "true"), op("remove", "/required/q")],
        {"name": "toy", "flag": False, "keys": []},
    ),
    "no ops": (TOY, [], BASE),
    "first failure wins": (TOY, [op("replace", "/nope"), op("replace", None)], bad("Invalid patch path /nope")),
    "atomic: failing second op": (
        TOY,
        [op("replace", "/name", "changed"), op("remove", "/labels/zz")],
        missing("no such label"),
    ),
    # message families
    "resource family: unknown path on replace": (
        ResourceLikeToy(),
        [op("replace", "/x", "v")],
        bad("Invalid patch path  '/x' specified for op 'replace'. Must be one of: [/part]"),
    ),
    "resource family: op precedes path": (
        ResourceLikeToy(),
        [op("add", "/x", "v")],
        bad("Invalid patch path  '/x' specified for op 'add'. Please choose supported operations"),
    ),
    "resource family: op on known path": (
        ResourceLikeToy(),
        [op("remove", "/part")],
        bad("Invalid patch path  '/part' specified for op 'remove'. Please choose supported operations"),
    ),
    "resource family: replace works": (ResourceLikeToy(), [op("replace", "/part", "v")], {"part": "v"}),
    "resource family: missing path": (ResourceLikeToy(), [op("add", None)], bad("Invalid patch path null")),
    "path-only family: bad op reads as bad path": (
        PathOnlyToy(),
        [op("add", "/status", "1")],
        bad("Invalid patch path /status"),
    ),
}


@pytest.mark.parametrize(("node", "ops", "expected"), GENERIC.values(), ids=GENERIC.keys())
def test_generic_mechanics(node: Struct, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected)


def test_finish_runs_once_after_every_op() -> None:
    result = patch.apply_patch(TOY, [op("replace", "/name", "a"), op("replace", "/name", "b")], context="finish")

    assert result.name == "B"
    assert TOY.name == "toy"


def test_result_is_a_new_node() -> None:
    result = patch.apply_patch(TOY, [op("add", "/labels/c", "y")])

    assert result is not TOY
    assert TOY.labels == {"a/b": "x"}


@pytest.mark.parametrize(
    ("segment", "decoded"), [("application~1json", "application/json"), ("a~0b", "a~b"), ("~01", "~1"), ("~10", "/0")]
)
def test_decode_pointer(segment: str, decoded: str) -> None:
    assert patch.decode_pointer(segment) == decoded


def _all_subclasses(kind: type[Any]) -> list[type[Any]]:
    return [sub for direct in kind.__subclasses__() for sub in (direct, *_all_subclasses(direct))]


@pytest.mark.parametrize(
    "rule", [patch.Field, patch.MapEntry, patch.SetEntry, patch.Copy, patch.Keyed, patch.Custom, patch.ByOp]
)
def test_the_rule_classes_have_no_subclasses_as_the_engine_dispatches_on_exact_types(rule: type[Any]) -> None:
    from apigw_mock.control import registry

    registry.handlers()  # every table of every family is built
    assert _all_subclasses(rule) == []

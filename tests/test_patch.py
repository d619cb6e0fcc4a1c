"""Pure unit tables for the patch engine (no boto3): `(node, ops) -> node | error`.

The first half drives the generic mechanics through a toy model the engine has never heard of; the second half
covers every path x op of the RestApi, Resource, Method and MethodResponse tables (spec §3.1-§3.4, §4.1, §4.4,
§4.5). Each case states the whole expected node (as the wire would show it) or the exact error.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import pytest
from pydantic import BaseModel

from apigw_mock import patch
from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.method import Method, MethodResponse, References
from apigw_mock.domain.paths import INVALID_PATH_PART
from apigw_mock.domain.resource import Placement, Resource
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.domain.rest_api import EndpointConfiguration, RestApi
from apigw_mock.domain.values import IntRange
from apigw_mock.exceptions import ApiGatewayError, BadRequestException, ConflictException, NotFoundException

Ops = list[dict[str, Any]]


@dataclass(frozen=True)
class Error:
    """An expected failure: exception class and exact message."""

    kind: type[ApiGatewayError]
    message: str


def op(name: str, path: str | None, value: str | None = None, **extra: str) -> dict[str, Any]:
    """A raw patch operation as the parser hands it over (absent members stay absent)."""
    raw: dict[str, Any] = {"op": name, **extra}
    if path is not None:
        raw["path"] = path
    if value is not None:
        raw["value"] = value
    return raw


def wire(node: BaseModel) -> dict[str, Any]:
    return node.model_dump(by_alias=True, exclude_none=True)


def run(node: BaseModel, ops: Ops, expected: dict[str, Any] | Error, context: Any = None) -> None:
    """Apply `ops`; compare the result (or the error) and check that `node` itself never changed."""
    before = wire(node)
    if isinstance(expected, Error):
        with pytest.raises(expected.kind) as caught:
            patch.apply_patch(node, ops, context=context)
        assert caught.value.message == expected.message
    else:
        assert wire(patch.apply_patch(node, ops, context=context)) == expected
    assert wire(node) == before


def drop(wire_node: dict[str, Any], key: str) -> dict[str, Any]:
    return {name: value for name, value in wire_node.items() if name != key}


def bad(message: str) -> Error:
    return Error(BadRequestException, message)


def missing(message: str) -> Error:
    return Error(NotFoundException, message)


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

GENERIC: dict[str, tuple[BaseModel, Ops, dict[str, Any] | Error]] = {
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
        bad("Invalid value for looseColor: Input should be 'red' or 'blue'"),
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
def test_generic_mechanics(node: BaseModel, ops: Ops, expected: dict[str, Any] | Error) -> None:
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


# ==== RestApi (UpdateRestApi, spec §3.1, §4.5) ===================================================================

CREATED = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def rest_api(**fields: Any) -> RestApi:
    defaults: dict[str, Any] = {
        "id": "api0000001",
        "name": "test-api",
        "created_date": CREATED,
        "endpoint_configuration": EndpointConfiguration(types=["EDGE"], ip_address_type="ipv4"),
        "root_resource_id": "root000001",
    }
    return RestApi(**{**defaults, **fields})


API = rest_api()
API_WIRE = wire(API)
PRIVATE_API = rest_api(endpoint_configuration=EndpointConfiguration(types=["PRIVATE"], ip_address_type="dualstack"))
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"
MAPPING = (
    "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
    "[Invalid mapping expression specified: {}]"
)
VPCE = "/endpointConfiguration/vpcEndpointIds"
COMPRESSION = "Invalid minimum compression size, must be between 0 and 10485760"
ENDPOINT_TYPES = "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"
TYPES_OP = "Invalid patch operation specified. Must be 'add'|'remove'|'replace'"


def api_with(**changes: Any) -> dict[str, Any]:
    """API_WIRE with `changes` applied; a None value removes the key."""
    merged = {**API_WIRE, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def endpoint(types: str, ip: str) -> dict[str, Any]:
    return {"types": [types], "ipAddressType": ip}


REST_API: dict[str, tuple[RestApi, Ops, dict[str, Any] | Error]] = {
    "/name replace": (API, [op("replace", "/name", "renamed")], api_with(name="renamed")),
    "/name add": (API, [op("add", "/name", "x")], bad(ONLY_REPLACE)),
    "/name remove": (API, [op("remove", "/name")], bad(ONLY_REPLACE)),
    "/description add": (API, [op("add", "/description", "d")], api_with(description="d")),
    "/description replace": (
        rest_api(description="old"),
        [op("replace", "/description", "new")],
        api_with(description="new"),
    ),
    "/description remove": (rest_api(description="old"), [op("remove", "/description")], API_WIRE),
    "/policy replace": (
        API,
        [op("replace", "/policy", '{"Version": "2012-10-17"}')],
        api_with(policy='{"Version": "2012-10-17"}'),
    ),
    "/policy add": (API, [op("add", "/policy", "{}")], bad(ONLY_REPLACE)),
    "/policy remove": (API, [op("remove", "/policy")], bad(ONLY_REPLACE)),
    "/apiKeySource replace": (API, [op("replace", "/apiKeySource", "AUTHORIZER")], api_with(apiKeySource="AUTHORIZER")),
    "/apiKeySource bad value": (
        API,
        [op("replace", "/apiKeySource", "COOKIE")],
        bad("Invalid API Key source specified. Valid options are HEADER,AUTHORIZER"),
    ),
    "/apiKeySource add": (API, [op("add", "/apiKeySource", "HEADER")], bad(ONLY_REPLACE)),
    "/apiKeySource remove": (API, [op("remove", "/apiKeySource")], bad(ONLY_REPLACE)),
    "/disableExecuteApiEndpoint replace true": (
        API,
        [op("replace", "/disableExecuteApiEndpoint", "true")],
        api_with(disableExecuteApiEndpoint=True),
    ),
    "/disableExecuteApiEndpoint replace other": (
        rest_api(disable_execute_api_endpoint=True),
        [op("replace", "/disableExecuteApiEndpoint", "no")],
        API_WIRE,
    ),
    "/disableExecuteApiEndpoint add": (API, [op("add", "/disableExecuteApiEndpoint", "true")], bad(ONLY_REPLACE)),
    "/disableExecuteApiEndpoint remove": (API, [op("remove", "/disableExecuteApiEndpoint")], bad(ONLY_REPLACE)),
    "/binaryMediaTypes/k add": (
        API,
        [op("add", "/binaryMediaTypes/image~1png")],
        api_with(binaryMediaTypes=["image/png"]),
    ),
    "/binaryMediaTypes/k add ignores value": (
        API,
        [op("add", "/binaryMediaTypes/image~1png", "text/html")],
        api_with(binaryMediaTypes=["image/png"]),
    ),
    "/binaryMediaTypes/- add stores dash": (
        API,
        [op("add", "/binaryMediaTypes/-", "image/png")],
        api_with(binaryMediaTypes=["-"]),
    ),
    "/binaryMediaTypes/k replace appends": (
        rest_api(binary_media_types=["image/png", "image/jpeg"]),
        [op("replace", "/binaryMediaTypes/image~1png", "image/gif")],
        api_with(binaryMediaTypes=["image/jpeg", "image/gif"]),
    ),
    "/binaryMediaTypes/k remove": (
        rest_api(binary_media_types=["image/png", "image/gif"]),
        [op("remove", "/binaryMediaTypes/image~1gif")],
        api_with(binaryMediaTypes=["image/png"]),
    ),
    "/binaryMediaTypes/k remove last": (
        rest_api(binary_media_types=["image/png"]),
        [op("remove", "/binaryMediaTypes/image~1png")],
        API_WIRE,
    ),
    **{
        f"/binaryMediaTypes bare {name}": (
            API,
            [op(name, "/binaryMediaTypes", "image/png")],
            bad("Invalid patch path /binaryMediaTypes"),
        )
        for name in ("add", "replace", "remove")
    },
    "/minimumCompressionSize replace": (
        API,
        [op("replace", "/minimumCompressionSize", "10")],
        api_with(minimumCompressionSize=10),
    ),
    "/minimumCompressionSize replace 0": (
        API,
        [op("replace", "/minimumCompressionSize", "0")],
        api_with(minimumCompressionSize=0),
    ),
    "/minimumCompressionSize replace max": (
        API,
        [op("replace", "/minimumCompressionSize", "10485760")],
        api_with(minimumCompressionSize=10485760),
    ),
    "/minimumCompressionSize replace empty unsets": (
        rest_api(minimum_compression_size=5),
        [op("replace", "/minimumCompressionSize", "")],
        API_WIRE,
    ),
    "/minimumCompressionSize replace null unsets": (
        rest_api(minimum_compression_size=5),
        [op("replace", "/minimumCompressionSize")],
        API_WIRE,
    ),
    "/minimumCompressionSize replace -1": (API, [op("replace", "/minimumCompressionSize", "-1")], bad(COMPRESSION)),
    "/minimumCompressionSize replace text": (API, [op("replace", "/minimumCompressionSize", "test")], bad(COMPRESSION)),
    "/minimumCompressionSize replace too big": (
        API,
        [op("replace", "/minimumCompressionSize", "10485761")],
        bad(COMPRESSION),
    ),
    "/minimumCompressionSize add": (API, [op("add", "/minimumCompressionSize", "10")], bad(ONLY_REPLACE)),
    "/minimumCompressionSize remove": (API, [op("remove", "/minimumCompressionSize")], bad(ONLY_REPLACE)),
    "/endpointConfiguration/types/0 replace REGIONAL": (
        API,
        [op("replace", "/endpointConfiguration/types/0", "REGIONAL")],
        api_with(endpointConfiguration=endpoint("REGIONAL", "ipv4")),
    ),
    "/endpointConfiguration/types/0 replace PRIVATE -> dualstack": (
        API,
        [op("replace", "/endpointConfiguration/types/0", "PRIVATE")],
        api_with(endpointConfiguration=endpoint("PRIVATE", "dualstack")),
    ),
    "/endpointConfiguration/types/<current> replace": (
        API,
        [op("replace", "/endpointConfiguration/types/EDGE", "REGIONAL")],
        api_with(endpointConfiguration=endpoint("REGIONAL", "ipv4")),
    ),
    "/endpointConfiguration/types/<other> replace": (
        API,
        [op("replace", "/endpointConfiguration/types/REGIONAL", "PRIVATE")],
        bad("Invalid patch path /endpointConfiguration/types/REGIONAL"),
    ),
    "/endpointConfiguration/types/0 three replaces in order": (
        API,
        [op("replace", "/endpointConfiguration/types/0", t) for t in ("REGIONAL", "EDGE", "PRIVATE")],
        api_with(endpointConfiguration=endpoint("PRIVATE", "dualstack")),
    ),
    "/endpointConfiguration/types/0 bad value": (
        API,
        [op("replace", "/endpointConfiguration/types/0", "WRONG")],
        bad(ENDPOINT_TYPES),
    ),
    "/endpointConfiguration/types/0 add": (API, [op("add", "/endpointConfiguration/types/0", "EDGE")], bad(TYPES_OP)),
    "/endpointConfiguration/types/0 remove": (API, [op("remove", "/endpointConfiguration/types/0")], bad(TYPES_OP)),
    "/endpointConfiguration/types bare": (
        API,
        [op("replace", "/endpointConfiguration/types", "EDGE")],
        bad("Invalid patch path /endpointConfiguration/types"),
    ),
    "/endpointConfiguration/ipAddressType replace dualstack": (
        API,
        [op("replace", "/endpointConfiguration/ipAddressType", "dualstack")],
        api_with(endpointConfiguration=endpoint("EDGE", "dualstack")),
    ),
    "/endpointConfiguration/ipAddressType replace ipv4": (
        rest_api(endpoint_configuration=EndpointConfiguration(types=["REGIONAL"], ip_address_type="dualstack")),
        [op("replace", "/endpointConfiguration/ipAddressType", "ipv4")],
        api_with(endpointConfiguration=endpoint("REGIONAL", "ipv4")),
    ),
    "/endpointConfiguration/ipAddressType bad value": (
        API,
        [op("replace", "/endpointConfiguration/ipAddressType", "ipv5")],
        bad("ipAddressType must be either ipv4 or dualstack."),
    ),
    "/endpointConfiguration/ipAddressType ipv4 on PRIVATE": (
        PRIVATE_API,
        [op("replace", "/endpointConfiguration/ipAddressType", "ipv4")],
        bad("Only dualstack ipAddressType is supported for Private APIs."),
    ),
    "/endpointConfiguration/ipAddressType ipv4 after switch to PRIVATE": (
        API,
        [
            op("replace", "/endpointConfiguration/types/0", "PRIVATE"),
            op("replace", "/endpointConfiguration/ipAddressType", "ipv4"),
        ],
        bad("Only dualstack ipAddressType is supported for Private APIs."),
    ),
    "/endpointConfiguration/ipAddressType add": (
        API,
        [op("add", "/endpointConfiguration/ipAddressType", "ipv4")],
        bad(ONLY_REPLACE),
    ),
    "/endpointConfiguration/ipAddressType remove": (
        API,
        [op("remove", "/endpointConfiguration/ipAddressType")],
        bad(ONLY_REPLACE),
    ),
    "/endpointConfiguration/vpcEndpointIds add": (
        PRIVATE_API,
        [op("add", "/endpointConfiguration/vpcEndpointIds", "vpce-1"), op("add", VPCE, "vpce-2")],
        api_with(endpointConfiguration={**endpoint("PRIVATE", "dualstack"), "vpcEndpointIds": ["vpce-1", "vpce-2"]}),
    ),
    "/endpointConfiguration/vpcEndpointIds remove last": (
        rest_api(
            endpoint_configuration=EndpointConfiguration(
                types=["PRIVATE"], ip_address_type="dualstack", vpc_endpoint_ids=["vpce-1"]
            )
        ),
        [op("remove", VPCE, "vpce-1")],
        api_with(endpointConfiguration=endpoint("PRIVATE", "dualstack")),
    ),
    "/endpointConfiguration/vpcEndpointIds replace": (
        PRIVATE_API,
        [op("replace", VPCE, "vpce-1")],
        bad("Invalid patch operation specified. Must be one of: [add, remove]"),
    ),
    "/securityPolicy replace": (API, [op("replace", "/securityPolicy", "TLS_1_2")], api_with(securityPolicy="TLS_1_2")),
    "/securityPolicy add": (API, [op("add", "/securityPolicy", "TLS_1_2")], bad(ONLY_REPLACE)),
    "/endpointAccessMode replace": (
        API,
        [op("replace", "/endpointAccessMode", "STRICT")],
        api_with(endpointAccessMode="STRICT"),
    ),
    "/endpointAccessMode remove": (API, [op("remove", "/endpointAccessMode")], bad(ONLY_REPLACE)),
    "/id is not patchable": (API, [op("replace", "/id", "x")], bad("Invalid patch path /id")),
    "/tags is not patchable": (API, [op("add", "/tags/team", "x")], bad("Invalid patch path /tags/team")),
    "atomic: later op fails": (
        API,
        [op("replace", "/name", "changed"), op("replace", "/minimumCompressionSize", "-1")],
        bad(COMPRESSION),
    ),
}


@pytest.mark.parametrize(("node", "ops", "expected"), REST_API.values(), ids=REST_API.keys())
def test_rest_api_table(node: RestApi, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected)


# ==== Method (UpdateMethod, spec §3.3, §4.4) =====================================================================

LAMBDA_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"
TOKEN_AUTHORIZER = Authorizer(
    id="auth01", name="a", type="TOKEN", authorizer_uri=LAMBDA_URI, identity_source="method.request.header.Auth"
)
REFS = References(models={"Empty", "Error"}, request_validators={"val001"}, authorizers={"auth01": TOKEN_AUTHORIZER})
NO_AUTH = (
    "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a"
    " valid authorizer."
)
METHOD = Method(http_method="GET", authorization_type="NONE")
METHOD_WIRE = wire(METHOD)
Q = "method.request.querystring.optional"
Q_PATH = f"/requestParameters/{Q}"
JSON_MODEL = "/requestModels/application~1json"


def method_with(**changes: Any) -> dict[str, Any]:
    merged = {**METHOD_WIRE, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def method(**fields: Any) -> Method:
    return Method(**{"http_method": "GET", "authorization_type": "NONE", **fields})


METHOD_CASES: dict[str, tuple[Method, Ops, dict[str, Any] | Error]] = {
    "/authorizationType replace": (
        METHOD,
        [op("replace", "/authorizationType", "AWS_IAM")],
        method_with(authorizationType="AWS_IAM"),
    ),
    "/authorizationType replace upper-cases": (
        METHOD,
        [op("replace", "/authorizationType", "aws_iam")],
        method_with(authorizationType="AWS_IAM"),
    ),
    "/authorizationType CUSTOM without authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "CUSTOM")],
        bad(NO_AUTH),
    ),
    "/authorizationType COGNITO without authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "COGNITO_USER_POOLS")],
        bad(NO_AUTH),
    ),
    "/authorizationType CUSTOM with invalid authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "CUSTOM"), op("replace", "/authorizerId", "nosuch")],
        bad(NO_AUTH),
    ),
    "/authorizationType CUSTOM with valid authorizer": (
        METHOD,
        [op("replace", "/authorizationType", "CUSTOM"), op("replace", "/authorizerId", "auth01")],
        method_with(authorizationType="CUSTOM", authorizerId="auth01"),
    ),
    "/authorizationType away from CUSTOM drops authorizer": (
        method(authorization_type="CUSTOM", authorizer_id="auth01"),
        [op("replace", "/authorizationType", "NONE")],
        METHOD_WIRE,
    ),
    "/authorizationType add": (METHOD, [op("add", "/authorizationType", "NONE")], bad(ONLY_REPLACE)),
    "/authorizationType remove": (METHOD, [op("remove", "/authorizationType")], bad(ONLY_REPLACE)),
    "/authorizationType bad value": (
        METHOD,
        [op("replace", "/authorizationType", "OAUTH")],
        bad("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS"),
    ),
    "/authorizerId replace on NONE is ignored": (METHOD, [op("replace", "/authorizerId", "abc123")], METHOD_WIRE),
    "/authorizerId replace on CUSTOM": (
        method(authorization_type="CUSTOM", authorizer_id="old"),
        [op("replace", "/authorizerId", "auth01")],
        method_with(authorizationType="CUSTOM", authorizerId="auth01"),
    ),
    "/authorizerId add": (METHOD, [op("add", "/authorizerId", "auth01")], bad(ONLY_REPLACE)),
    "/authorizerId remove": (METHOD, [op("remove", "/authorizerId")], bad(ONLY_REPLACE)),
    "/apiKeyRequired replace true": (
        METHOD,
        [op("replace", "/apiKeyRequired", "true")],
        method_with(apiKeyRequired=True),
    ),
    "/apiKeyRequired replace TRUE": (
        METHOD,
        [op("replace", "/apiKeyRequired", "TRUE")],
        method_with(apiKeyRequired=True),
    ),
    "/apiKeyRequired replace whatever": (
        method(api_key_required=True),
        [op("replace", "/apiKeyRequired", "whatever")],
        METHOD_WIRE,
    ),
    "/apiKeyRequired add": (METHOD, [op("add", "/apiKeyRequired", "true")], bad(ONLY_REPLACE)),
    "/apiKeyRequired remove": (METHOD, [op("remove", "/apiKeyRequired")], bad(ONLY_REPLACE)),
    "/operationName replace": (
        METHOD,
        [op("replace", "/operationName", "ListPets")],
        method_with(operationName="ListPets"),
    ),
    "/operationName add": (METHOD, [op("add", "/operationName", "ListPets")], bad(ONLY_REPLACE)),
    "/operationName remove": (METHOD, [op("remove", "/operationName")], bad(ONLY_REPLACE)),
    "/requestValidatorId replace": (
        METHOD,
        [op("replace", "/requestValidatorId", "val001")],
        method_with(requestValidatorId="val001"),
    ),
    "/requestValidatorId replace unknown": (
        METHOD,
        [op("replace", "/requestValidatorId", "nosuch")],
        bad("Invalid Request Validator identifier specified"),
    ),
    "/requestValidatorId replace empty": (
        METHOD,
        [op("replace", "/requestValidatorId", "")],
        bad("Invalid Request Validator identifier specified"),
    ),
    "/requestValidatorId replace null clears": (
        method(request_validator_id="val001"),
        [op("replace", "/requestValidatorId")],
        METHOD_WIRE,
    ),
    "/requestValidatorId add (op before value)": (
        METHOD,
        [op("add", "/requestValidatorId", "nosuch")],
        bad(ONLY_REPLACE),
    ),
    "/requestValidatorId remove": (METHOD, [op("remove", "/requestValidatorId")], bad(ONLY_REPLACE)),
    "/requestParameters/k add true": (METHOD, [op("add", Q_PATH, "true")], method_with(requestParameters={Q: True})),
    "/requestParameters/k add other": (METHOD, [op("add", Q_PATH, "yes")], method_with(requestParameters={Q: False})),
    "/requestParameters/k add no value": (METHOD, [op("add", Q_PATH)], method_with(requestParameters={Q: False})),
    "/requestParameters/k replace false": (
        method(request_parameters={Q: True}),
        [op("replace", Q_PATH, "false")],
        method_with(requestParameters={Q: False}),
    ),
    "/requestParameters/k replace missing": (
        METHOD,
        [op("replace", Q_PATH, "true")],
        missing("Invalid parameter name specified"),
    ),
    "/requestParameters/k remove last": (method(request_parameters={Q: True}), [op("remove", Q_PATH)], METHOD_WIRE),
    "/requestParameters/k remove missing": (
        METHOD,
        [op("remove", Q_PATH)],
        missing("Invalid parameter name specified"),
    ),
    "/requestParameters/k malformed name": (
        METHOD,
        [op("add", "/requestParameters/true", "true")],
        bad(MAPPING.format("true")),
    ),
    "/requestParameters/k same name in two locations": (
        method(request_parameters={Q: True}),
        [op("add", "/requestParameters/method.request.header.optional", "true")],
        bad("Parameter names must be unique across querystring, header and path"),
    ),
    "/requestParameters/k rename across locations in one request": (
        method(request_parameters={Q: True}),
        [op("add", "/requestParameters/method.request.header.optional", "true"), op("remove", Q_PATH)],
        method_with(requestParameters={"method.request.header.optional": True}),
    ),
    "/requestParameters bare": (
        METHOD,
        [op("replace", "/requestParameters", "true")],
        bad("Invalid patch path /requestParameters"),
    ),
    "/requestModels/k add": (
        METHOD,
        [op("add", JSON_MODEL, "Empty")],
        method_with(requestModels={"application/json": "Empty"}),
    ),
    "/requestModels/k add unknown model": (
        METHOD,
        [op("add", JSON_MODEL, "petModel")],
        bad("Invalid model identifier specified: petModel"),
    ),
    "/requestModels/k add null model": (
        METHOD,
        [op("add", JSON_MODEL)],
        bad("Invalid model identifier specified: null"),
    ),
    "/requestModels/k replace": (
        method(request_models={"application/json": "Empty"}),
        [op("replace", JSON_MODEL, "Error")],
        method_with(requestModels={"application/json": "Error"}),
    ),
    "/requestModels/k replace missing": (
        METHOD,
        [op("replace", JSON_MODEL, "Empty")],
        missing("Content-Type specified was not found"),
    ),
    "/requestModels/k remove last": (
        method(request_models={"application/json": "Empty"}),
        [op("remove", JSON_MODEL)],
        METHOD_WIRE,
    ),
    "/requestModels/k remove missing": (
        METHOD,
        [op("remove", JSON_MODEL)],
        missing("Content-Type specified was not found"),
    ),
    "/requestModels unescaped slash": (
        METHOD,
        [op("add", "/requestModels/application/json", "Empty")],
        bad("Invalid patch path /requestModels/application/json"),
    ),
    "/requestModels bare": (METHOD, [op("add", "/requestModels", "Empty")], bad("Invalid patch path /requestModels")),
    "/authorizationScopes/k add": (
        METHOD,
        [op("add", "/authorizationScopes/read~1pets")],
        method_with(authorizationScopes=["read/pets"]),
    ),
    "/authorizationScopes/k remove last": (
        method(authorization_scopes=["read"]),
        [op("remove", "/authorizationScopes/read")],
        METHOD_WIRE,
    ),
    "/authorizationScopes/k replace": (
        METHOD,
        [op("replace", "/authorizationScopes/read", "write")],
        bad("Invalid patch operation specified. Must be one of: [add, remove]"),
    ),
    "/authorizationScopes bare add/remove by value": (
        method(authorization_scopes=["a"]),
        [op("add", "/authorizationScopes", "b"), op("remove", "/authorizationScopes", "a")],
        method_with(authorizationScopes=["b"]),
    ),
    "/httpMethod add": (METHOD, [op("add", "/httpMethod", "POST")], bad("Invalid patch path /httpMethod")),
    "/httpMethod replace": (METHOD, [op("replace", "/httpMethod", "POST")], bad("Invalid patch path /httpMethod")),
    "/methodResponses is not patchable": (
        METHOD,
        [op("add", "/methodResponses/200", "x")],
        bad("Invalid patch path /methodResponses/200"),
    ),
    "unknown path": (METHOD, [op("replace", "/foo", "x")], bad("Invalid patch path /foo")),
    "atomic: later op fails": (
        METHOD,
        [op("replace", "/operationName", "ListPets"), op("replace", "/requestValidatorId", "nosuch")],
        bad("Invalid Request Validator identifier specified"),
    ),
    "ops in order": (
        METHOD,
        [op("add", Q_PATH, "true"), op("replace", Q_PATH, "false")],
        method_with(requestParameters={Q: False}),
    ),
}


@pytest.mark.parametrize(("node", "ops", "expected"), METHOD_CASES.values(), ids=METHOD_CASES.keys())
def test_method_table(node: Method, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected, context=REFS)


# ==== MethodResponse (UpdateMethodResponse, spec §3.4, §4.5) =====================================================

HEADER = "method.response.header.my-header"
HEADER_PATH = f"/responseParameters/{HEADER}"
RESPONSE = MethodResponse(status_code="200")
FULL_RESPONSE = MethodResponse(
    status_code="200", response_parameters={HEADER: True}, response_models={"application/json": "Empty"}
)
STATUS_ONLY = {"statusCode": "200"}
MAP_OPS = "Invalid patch operation specified. Must be one of: [add, remove, replace]"

METHOD_RESPONSE: dict[str, tuple[MethodResponse, Ops, dict[str, Any] | Error]] = {
    "/responseParameters/k add true": (
        RESPONSE,
        [op("add", HEADER_PATH, "true")],
        {**STATUS_ONLY, "responseParameters": {HEADER: True}},
    ),
    "/responseParameters/k add other": (
        RESPONSE,
        [op("add", HEADER_PATH, "nope")],
        {**STATUS_ONLY, "responseParameters": {HEADER: False}},
    ),
    "/responseParameters/k replace": (
        FULL_RESPONSE,
        [op("replace", HEADER_PATH, "false")],
        {**wire(FULL_RESPONSE), "responseParameters": {HEADER: False}},
    ),
    "/responseParameters/k replace missing": (
        RESPONSE,
        [op("replace", HEADER_PATH, "true")],
        missing("Invalid parameter name specified"),
    ),
    "/responseParameters/k remove": (
        FULL_RESPONSE,
        [op("remove", HEADER_PATH, "ignored")],
        {**STATUS_ONLY, "responseModels": {"application/json": "Empty"}},
    ),
    "/responseParameters/k remove missing": (
        RESPONSE,
        [op("remove", HEADER_PATH)],
        missing("Invalid parameter name specified"),
    ),
    "/responseModels/k add": (
        RESPONSE,
        [op("add", "/responseModels/application~1json", "Empty")],
        {**STATUS_ONLY, "responseModels": {"application/json": "Empty"}},
    ),
    "/responseModels/k add unknown model": (
        RESPONSE,
        [op("add", "/responseModels/application~1json", "petModel")],
        bad("Invalid model identifier specified: petModel"),
    ),
    "/responseModels/k replace": (
        FULL_RESPONSE,
        [op("replace", "/responseModels/application~1json", "Error")],
        {**wire(FULL_RESPONSE), "responseModels": {"application/json": "Error"}},
    ),
    "/responseModels/k replace missing": (
        RESPONSE,
        [op("replace", "/responseModels/application~1json", "Empty")],
        missing("Content-Type specified was not found"),
    ),
    "/responseModels/k remove": (
        FULL_RESPONSE,
        [op("remove", "/responseModels/application~1json")],
        {**STATUS_ONLY, "responseParameters": {HEADER: True}},
    ),
    "/responseModels/k remove missing": (
        RESPONSE,
        [op("remove", "/responseModels/application~1json")],
        missing("Content-Type specified was not found"),
    ),
    "both maps emptied disappear": (
        FULL_RESPONSE,
        [op("remove", HEADER_PATH), op("remove", "/responseModels/application~1json")],
        STATUS_ONLY,
    ),
    "present-empty maps stay when untouched": (
        MethodResponse(status_code="200", response_parameters={}, response_models={}),
        [],
        {**STATUS_ONLY, "responseParameters": {}, "responseModels": {}},
    ),
    "/responseParameters/k malformed name": (
        RESPONSE,
        [op("add", "/responseParameters/header.x", "true")],
        bad(MAPPING.format("header.x")),
    ),
    "/responseParameters bare": (
        RESPONSE,
        [op("add", "/responseParameters", "true")],
        bad("Invalid patch path /responseParameters"),
    ),
    "/responseModels unescaped slash": (
        RESPONSE,
        [op("add", "/responseModels/application/json", "Empty")],
        bad("Invalid patch path /responseModels/application/json"),
    ),
    "unknown top path": (RESPONSE, [op("add", f"/wrong/{HEADER}", "true")], bad(f"Invalid patch path /wrong/{HEADER}")),
    "/statusCode is not patchable": (
        RESPONSE,
        [op("replace", "/statusCode", "201")],
        bad("Invalid patch path /statusCode"),
    ),
    **{
        f"{name} rejected": (FULL_RESPONSE, [op(name, HEADER_PATH, "true", **{"from": HEADER_PATH})], bad(MAP_OPS))
        for name in ("move", "copy", "test")
    },
    "atomic: later op fails": (
        FULL_RESPONSE,
        [op("replace", HEADER_PATH, "false"), op("remove", "/responseParameters/method.response.header.other")],
        missing("Invalid parameter name specified"),
    ),
}


@pytest.mark.parametrize(("node", "ops", "expected"), METHOD_RESPONSE.values(), ids=METHOD_RESPONSE.keys())
def test_method_response_table(node: MethodResponse, ops: Ops, expected: dict[str, Any] | Error) -> None:
    run(node, ops, expected, context=REFS)


# ==== Resource (UpdateResource, spec §3.2, §4.5) =================================================================


def tree() -> ResourceTree:
    """/ ; /pets ; /pets/{petId} ; /pets/{petId}/toys ; /zoo ; /zoo/{proxy+}"""
    resources = ResourceTree()
    resources["root"] = Resource(id="root", path="/")
    for parent, part, resource_id in [
        ("root", "pets", "pets"),
        ("pets", "{petId}", "pet"),
        ("pet", "toys", "toys"),
        ("root", "zoo", "zoo"),
        ("zoo", "{proxy+}", "proxy"),
    ]:
        resources.add_child(resources[parent], part, resource_id)
    return resources


TREE = tree()


def resource_with(resource_id: str, **changes: Any) -> dict[str, Any]:
    return {**wire(TREE[resource_id]), **changes}


def please_choose(path: str, name: str) -> Error:
    return bad(f"Invalid patch path  '{path}' specified for op '{name}'. Please choose supported operations")


def must_be(path: str) -> Error:
    return bad(f"Invalid patch path  '{path}' specified for op 'replace'. Must be one of: [/parentId, /pathPart]")


CYCLICAL = bad("Resources cannot be cyclical.")

RESOURCE: dict[str, tuple[str, Ops, dict[str, Any] | Error]] = {
    "/pathPart replace": (
        "pets",
        [op("replace", "/pathPart", "dogs")],
        resource_with("pets", pathPart="dogs", path="/dogs"),
    ),
    "/pathPart replace with a variable": (
        "toys",
        [op("replace", "/pathPart", "{toyId}")],
        resource_with("toys", pathPart="{toyId}", path="/pets/{petId}/{toyId}"),
    ),
    "/pathPart replace with the same name": ("pets", [op("replace", "/pathPart", "pets")], resource_with("pets")),
    "/pathPart replace onto a sibling's name": (
        "zoo",
        [op("replace", "/pathPart", "pets")],
        Error(ConflictException, "Another resource with the same parent already has this name: pets"),
    ),
    "/pathPart replace with bad characters": ("pets", [op("replace", "/pathPart", "a b")], bad(INVALID_PATH_PART)),
    "/pathPart two renames, last wins": (
        "pets",
        [op("replace", "/pathPart", "a"), op("replace", "/pathPart", "b")],
        resource_with("pets", pathPart="b", path="/b"),
    ),
    "/pathPart replace without a value": ("pets", [op("replace", "/pathPart")], bad(INVALID_PATH_PART)),
    "/pathPart replace with an empty value": ("pets", [op("replace", "/pathPart", "")], bad(INVALID_PATH_PART)),
    "/pathPart on root": ("root", [op("replace", "/pathPart", "x")], bad("Root resource cannot update its pathPart.")),
    "/pathPart add": ("pets", [op("add", "/pathPart", "dogs")], please_choose("/pathPart", "add")),
    "/pathPart remove": ("pets", [op("remove", "/pathPart")], please_choose("/pathPart", "remove")),
    "/parentId replace": (
        "toys",
        [op("replace", "/parentId", "zoo")],
        resource_with("toys", parentId="zoo", path="/zoo/toys"),
    ),
    "/parentId replace to root": (
        "toys",
        [op("replace", "/parentId", "root")],
        resource_with("toys", parentId="root", path="/toys"),
    ),
    "/parentId replace with the same parent": ("toys", [op("replace", "/parentId", "pet")], resource_with("toys")),
    "/parentId unknown": (
        "toys",
        [op("replace", "/parentId", "nosuch")],
        missing("Invalid Resource identifier specified"),
    ),
    "/parentId null": ("toys", [op("replace", "/parentId")], missing("Invalid Resource identifier specified")),
    "/parentId itself": ("pets", [op("replace", "/parentId", "pets")], CYCLICAL),
    "/parentId own child": ("pets", [op("replace", "/parentId", "pet")], CYCLICAL),
    "/parentId own grandchild": ("pets", [op("replace", "/parentId", "toys")], CYCLICAL),
    "/parentId beside a variable sibling": (
        "pet",
        [op("replace", "/parentId", "zoo")],
        bad("A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed"),
    ),
    "/parentId under a greedy variable": (
        "toys",
        [op("replace", "/parentId", "proxy")],
        bad("Cannot create a child of a resource with a greedy path variable: {proxy+}"),
    ),
    "/parentId name clash at destination": (
        "toys",
        [op("replace", "/parentId", "root"), op("replace", "/pathPart", "zoo")],
        Error(ConflictException, "Another resource with the same parent already has this name: zoo"),
    ),
    "/parentId then /pathPart in one request": (
        "toys",
        [op("replace", "/parentId", "zoo"), op("replace", "/pathPart", "cats")],
        resource_with("toys", parentId="zoo", pathPart="cats", path="/zoo/cats"),
    ),
    "/parentId on root": (
        "root",
        [op("replace", "/parentId", "pets")],
        bad("Root resource cannot update its parentId."),
    ),
    "/parentId add": ("pets", [op("add", "/parentId", "zoo")], please_choose("/parentId", "add")),
    "/parentId remove": ("pets", [op("remove", "/parentId")], please_choose("/parentId", "remove")),
    "unknown path replace": ("pets", [op("replace", "/invalid", "x")], must_be("/invalid")),
    "/path is not patchable": ("pets", [op("replace", "/path", "/x")], must_be("/path")),
    "unknown path add": ("pets", [op("add", "/invalid", "x")], please_choose("/invalid", "add")),
    **{
        f"{name} rejected": (
            "pets",
            [op(name, "/pathPart", "x", **{"from": "/pathPart"})],
            please_choose("/pathPart", name),
        )
        for name in ("move", "copy", "test")
    },
    "missing path": ("pets", [op("replace", None, "x")], bad("Invalid patch path null")),
    "atomic: later op fails": (
        "pets",
        [op("replace", "/pathPart", "dogs"), op("replace", "/invalid", "x")],
        must_be("/invalid"),
    ),
}


@pytest.mark.parametrize(("resource_id", "ops", "expected"), RESOURCE.values(), ids=RESOURCE.keys())
def test_resource_table(resource_id: str, ops: Ops, expected: dict[str, Any] | Error) -> None:
    node = TREE[resource_id]
    run(node, ops, expected, context=Placement(node, TREE))


def _paths(resources: Iterable[Resource]) -> dict[str, str]:
    return {resource.id: resource.path for resource in resources}


def test_commit_recomputes_descendant_paths() -> None:
    resources = tree()
    placement = Placement(resources["pets"], resources)

    placement.commit(patch.apply_patch(resources["pets"], [op("replace", "/parentId", "zoo")], context=placement))

    assert _paths(resources.values()) == {
        "root": "/",
        "pets": "/zoo/pets",
        "pet": "/zoo/pets/{petId}",
        "toys": "/zoo/pets/{petId}/toys",
        "zoo": "/zoo",
        "proxy": "/zoo/{proxy+}",
    }
    assert [child.id for child in resources.children("zoo")] == ["proxy", "pets"]
    assert list(resources.children("root")) == [resources["zoo"]]


def test_commit_touches_only_the_subtree() -> None:
    resources = tree()
    untouched = {key: resources[key] for key in ("root", "zoo", "proxy")}
    placement = Placement(resources["pet"], resources)

    placement.commit(patch.apply_patch(resources["pet"], [op("replace", "/pathPart", "{id}")], context=placement))

    assert all(resources[key] is node for key, node in untouched.items())
    assert resources["toys"].path == "/pets/{id}/toys"
    assert resources.child("pets", "{id}") is resources["pet"]

"""The MethodResponse `PATCHABLE` table (UpdateMethodResponse, spec §3.4, §4.5), pure (no boto3): every path x op as
`(node, ops) -> node | error`, with the vocabulary of tests/support/patch_tables.py. The same behaviour through
boto3: test_method_response_updates.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock.domain.method import MethodResponse
from tests.support.patch_tables import MAPPING, REFS, Error, Ops, bad, missing, op, run, wire

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

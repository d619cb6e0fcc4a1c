"""The shared vocabulary of the pure patch-table tests (no boto3): `(node, ops) -> node | error`.

Used by tests/test_patch.py (the engine on toy models) and by the per-model tables beside their families
(tests/control/test_*_patch_table.py). Each case states the whole expected node (as the wire would show it) or the
exact error; `run` also checks that the node patched is never changed itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from msgspec import Struct

from apigw_mock import patch
from apigw_mock.domain.authorizer import Authorizer
from apigw_mock.domain.method import References
from apigw_mock.exceptions import ApiGatewayError, BadRequestException, NotFoundException

Ops = list[dict[str, Any]]

LAMBDA_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"
TOKEN_AUTHORIZER = Authorizer(
    id="auth01", name="a", type="TOKEN", authorizer_uri=LAMBDA_URI, identity_source="method.request.header.Auth"
)
REFS = References(models={"Empty", "Error"}, request_validators={"val001"}, authorizers={"auth01": TOKEN_AUTHORIZER})
"""The references a Method-family table may resolve: the models, request validators and authorizers that exist."""
MAPPING = (
    "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
    "[Invalid mapping expression specified: {}]"
)
"""A rejected mapping expression (`.format` it with the expression)."""


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


def wire(node: Struct) -> dict[str, Any]:
    return node.model_dump(exclude_none=True)


def run(node: Struct, ops: Ops, expected: dict[str, Any] | Error, context: Any = None) -> None:
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

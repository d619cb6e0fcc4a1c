"""Mapping expressions of gateway-response parameters: which keys and source values AWS accepts.

Contract: `mapping_violation(key, value)` returns AWS's BadRequest text for the first invalid part of one
`responseParameters` entry (the key first, then the value), or None when the entry is valid.

A key names the response location, `gatewayresponse.{header|querystring|path}.<name>`; a value is a static
`'literal'` or one of the sources a gateway response can read: `method.request.{header|querystring|path|
multivalueheader|multivaluequerystring}.<name>`, `stageVariables.<name>` or `context.<name>` (AWS doc
"Set up gateway responses"). The error family is AWS's mapping-validation text (recorded for PutMethod, spec §3.3);
its exact wording for gateway responses is unrecorded [UNK].
"""

from __future__ import annotations

import re

_KEY = re.compile(r"gatewayresponse\.(header|querystring|path)\.\S+")
_VALUE = re.compile(
    r"'.*'"
    r"|method\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.\S+"
    r"|stageVariables\.\S+"
    r"|context\.\S+",
    re.DOTALL,
)


def mapping_violation(key: str, value: str | None) -> str | None:
    """The BadRequest text for an invalid `key -> value` gateway-response parameter, or None."""
    for expression, pattern in ((key, _KEY), (value, _VALUE)):
        if expression is None or not pattern.fullmatch(expression):
            return invalid_mapping(expression)
    return None


def invalid_mapping(expression: str | None) -> str:
    """AWS's mapping-validation wording for one rejected expression."""
    return (
        "Invalid mapping expression specified: Validation Result: warnings : [], "
        f"errors : [Invalid mapping expression specified: {expression}]"
    )

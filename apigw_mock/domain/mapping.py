"""Mapping expressions: which parameter names may be mapped, and from which sources (AWS "data mapping").

Contract: each `*_reason` function returns None when valid, else the BadRequest text AWS uses, always in its
`Invalid mapping expression specified: Validation Result: warnings : [], errors : [...]` wrapper (spec §3.3, §3.6).
See https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
"""

from __future__ import annotations

import re
from collections.abc import Collection

from apigw_mock.lazy_pattern import LazyPattern

_NAME = r"[^\s.][^\s]*"
_STATIC = r"'.*'"  # a literal in single quotes (inner quotes are not rejected)
_INTEGRATION_RESPONSE_SOURCE = LazyPattern(
    rf"{_STATIC}|integration\.response\.(?:header|multivalueheader)\.{_NAME}|integration\.response\.body(?:\..+)?"
    rf"|stageVariables\.{_NAME}|context\.{_NAME}",
    re.DOTALL,
)
_INTEGRATION_REQUEST_TARGET = LazyPattern(
    rf"integration\.request\.(?:header|querystring|path|multivalueheader|multivaluequerystring)\.{_NAME}"
)
_METHOD_REQUEST_PARAMETER = LazyPattern(
    rf"method\.request\.(?:header|querystring|path|multivalueheader|multivaluequerystring)\.{_NAME}"
)
_INTEGRATION_REQUEST_SOURCE = LazyPattern(
    rf"{_STATIC}|method\.request\.body(?:\..+)?|stageVariables\.{_NAME}|context\.{_NAME}", re.DOTALL
)
_GATEWAY_RESPONSE_TARGET = LazyPattern(rf"gatewayresponse\.(?:header|querystring|path)\.{_NAME}")
_GATEWAY_RESPONSE_SOURCE = LazyPattern(
    rf"{_STATIC}|method\.request\.(?:header|querystring|path|multivalueheader|multivaluequerystring)\.{_NAME}"
    rf"|stageVariables\.{_NAME}|context\.{_NAME}",
    re.DOTALL,
)
_CONTENT_TYPE = LazyPattern(r"[\w!#$&^.+*-]+/[\w!#$&^.+*-]+(?:\s*;.*)?", re.DOTALL)


def validation_result(error: str) -> str:
    return f"Validation Result: warnings : [], errors : [{error}]"


_INVALID = "Invalid mapping expression specified: "


def invalid_expression(expression: str) -> str:
    return _INVALID + validation_result(f"Invalid mapping expression specified: {expression}")


def invalid_parameter(name: str) -> str:
    return _INVALID + validation_result(f"Invalid mapping expression parameter specified: {name}")


def method_response_header_reason(name: str, value: str | None, declared: Collection[str]) -> str | None:
    """An integration response mapping `method.response.header.X <- source` (X declared on the method response)."""
    if name not in declared:
        return invalid_parameter(name)
    if value is None or not _INTEGRATION_RESPONSE_SOURCE.fullmatch(value):
        return invalid_expression(str(value))
    return None


def integration_request_reason(name: str, value: str | None, declared: Collection[str]) -> str | None:
    """An integration request mapping `integration.request.<loc>.X <- source`; a `method.request.<loc>.Y` source
    must be declared on the method."""
    if not _INTEGRATION_REQUEST_TARGET.fullmatch(name):
        return invalid_expression(name)
    if value is not None and _METHOD_REQUEST_PARAMETER.fullmatch(value):
        # A multi-value source reads a parameter declared in its single-value location.
        single = value.replace(".multivaluequerystring.", ".querystring.", 1).replace(
            ".multivalueheader.", ".header.", 1
        )
        return None if single in declared else invalid_parameter(value)
    if value is None or not _INTEGRATION_REQUEST_SOURCE.fullmatch(value):
        return invalid_expression(str(value))
    return None


def gateway_response_parameter_reason(name: str, value: str | None) -> str | None:
    """A gateway response mapping `gatewayresponse.<loc>.X <- source` (AWS doc "Set up gateway responses"); the
    name is checked first, then the source. The exact text for gateway responses is unrecorded [UNK]."""
    if not _GATEWAY_RESPONSE_TARGET.fullmatch(name):
        return invalid_expression(name)
    if value is None or not _GATEWAY_RESPONSE_SOURCE.fullmatch(value):
        return invalid_expression(str(value))
    return None


def content_type_reason(content_type: str) -> str | None:
    """Template keys are media types (`application/json`); anything else is AWS's content-type error."""
    if _CONTENT_TYPE.fullmatch(content_type):
        return None
    return validation_result(f"Invalid content type specified: {content_type}")

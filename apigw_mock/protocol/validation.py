"""Server-side shape validation that AWS does and botocore does not: enums, patterns, required members.

Contract: `validate(params, operation_name)` raises one aggregated `ValidationException` listing every violation
in AWS's wording (spec §1.3): body members are named `<operationInLowerCamel>Input.<dotted path>` with 1-based
list indexes (`updateGatewayResponseInput.patchOperations.1.member.op`) and are reported before the members bound
to the URI, query or headers, which use their bare names (`'statusCode'`). Enum lists are printed in the order
AWS prints them, which is not always the model's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from botocore.model import ListShape, Shape, StructureShape

from apigw_mock.exceptions import ValidationException
from apigw_mock.protocol import spec

# The order AWS prints enum value sets in (spec §1.3, recorded); shapes not listed use the model's order.
AWS_ENUM_ORDER: dict[str, tuple[str, ...]] = {
    "Op": ("add", "remove", "move", "test", "replace", "copy"),
    "GatewayResponseType": (
        "REQUEST_TOO_LARGE",
        "RESOURCE_NOT_FOUND",
        "AUTHORIZER_CONFIGURATION_ERROR",
        "MISSING_AUTHENTICATION_TOKEN",
        "BAD_REQUEST_BODY",
        "INVALID_SIGNATURE",
        "INVALID_API_KEY",
        "BAD_REQUEST_PARAMETERS",
        "AUTHORIZER_FAILURE",
        "UNAUTHORIZED",
        "INTEGRATION_TIMEOUT",
        "ACCESS_DENIED",
        "DEFAULT_4XX",
        "DEFAULT_5XX",
        "WAF_FILTERED",
        "QUOTA_EXCEEDED",
        "THROTTLED",
        "API_CONFIGURATION_ERROR",
        "UNSUPPORTED_MEDIA_TYPE",
        "INTEGRATION_FAILURE",
        "EXPIRED_TOKEN",
    ),
    "IntegrationType": ("HTTP", "MOCK", "AWS_PROXY", "HTTP_PROXY", "AWS"),
    "EndpointType": ("PRIVATE", "EDGE", "REGIONAL"),
    "IpAddressType": ("ipv4", "dualstack"),
}


def validate(params: dict[str, Any], operation_name: str) -> None:
    """Raise `ValidationException` if `params` break any constraint of the operation's input shape."""
    violations: list[str] = []
    for name, member, path, required, valid in _plan(operation_name):
        value = params.get(name)
        if (value is None and required) or (value is not None and valid is not None and not valid(value)):
            _check(value, member, path, required, violations)
    if violations:
        raise ValidationException.aggregate(violations)


@cache
def _plan(operation_name: str) -> tuple[tuple[str, Shape, str, bool, Valid | None], ...]:
    """(member, shape, reported path, required, fast check) of the input members that can break a constraint, body
    members first. Members that cannot (no enum, pattern or required member anywhere beneath) are skipped; a member
    that is only required has no fast check (None)."""
    shape = spec.operation(operation_name).input_shape
    if shape is None:
        return ()
    prefix = operation_name[0].lower() + operation_name[1:] + "Input"
    required = set(shape.required_members)
    return tuple(
        (
            name,
            member,
            f"{prefix}.{name}" if in_body else name,
            name in required,
            _valid(member) if _constrained(member) else None,
        )
        for in_body in (True, False)
        for name, member in shape.members.items()
        if ("location" not in member.serialization) is in_body and (name in required or _constrained(member))
    )


@cache
def _checked_members(shape: StructureShape) -> tuple[tuple[str, Shape, bool], ...]:
    """(member, shape, required) of a structure's members that can break a constraint, in the model's order."""
    required = set(shape.required_members)
    return tuple(
        (name, member, name in required)
        for name, member in shape.members.items()
        if name in required or _constrained(member)
    )


@cache
def _constrained(shape: Shape) -> bool:
    """Whether some value of `shape` can break a constraint `_check` enforces."""
    if getattr(shape, "enum", None) or shape.metadata.get("pattern"):
        return True
    if isinstance(shape, StructureShape):
        return bool(_checked_members(shape))
    return isinstance(shape, ListShape) and _constrained(shape.member)


Valid = Callable[[Any], bool]


@cache
def _valid(shape: Shape) -> Valid:
    """A yes/no twin of `_check`, compiled once per shape: True when a non-null `value` breaks nothing. Valid
    requests (nearly all) pay only for this; the messages and paths are built by `_check` when it says no."""
    if isinstance(shape, StructureShape):
        members = tuple((name, _valid(member), required) for name, member, required in _checked_members(shape))

        def structure(value: Any) -> bool:
            if type(value) is not dict:
                return True
            for name, valid, required in members:
                item = value.get(name)
                if (item is None and required) or (item is not None and not valid(item)):
                    return False
            return True

        return structure
    if isinstance(shape, ListShape):
        if not _constrained(shape.member):
            return lambda value: True
        records = _string_members(shape.member)
        if records is not None:
            return _records_valid(records)
        item_valid = _valid(shape.member)

        def items(value: Any) -> bool:
            if type(value) is list:
                for item in value:
                    if item is None or not item_valid(item):
                        return False
            return True

        return items
    enum = frozenset(getattr(shape, "enum", None) or ())
    pattern = shape.metadata.get("pattern")
    matcher = _compiled(pattern).fullmatch if pattern else None
    if not enum and matcher is None:
        return lambda value: True
    return lambda value: (
        type(value) is not str or ((not enum or value in enum) and (matcher is None or matcher(value) is not None))
    )


_Record = tuple[tuple[str, frozenset[str] | None, bool], ...]  # (member, allowed values or any, required)


@cache
def _string_members(shape: Shape) -> _Record | None:
    """The checked members of a structure whose checked members are all strings without a pattern (e.g.
    PatchOperation: `op` and its enum), or None for any other shape."""
    if not isinstance(shape, StructureShape):
        return None
    records = []
    for name, member, required in _checked_members(shape):
        if member.type_name != "string" or member.metadata.get("pattern"):
            return None
        enum = getattr(member, "enum", None)
        records.append((name, frozenset(enum) if enum else None, required))
    return tuple(records)


def _records_valid(records: _Record) -> Valid:
    """`_valid` of a list of such structures, in one loop (the `patchOperations` of every Update request)."""

    def valid(value: Any) -> bool:
        if type(value) is list:
            for item in value:
                if item is None:
                    return False
                if type(item) is dict:
                    for name, allowed, required in records:
                        member = item.get(name)
                        if member is None:
                            if required:
                                return False
                        elif allowed is not None and type(member) is str and member not in allowed:
                            return False
        return True

    return valid


def _check(value: Any, shape: Shape, path: str, required: bool, out: list[str]) -> None:
    if value is None:
        if required:
            out.append(f"Value null at '{path}' failed to satisfy constraint: Member must not be null")
        return
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        for name, member, member_required in _checked_members(shape):
            _check(value.get(name), member, f"{path}.{name}", member_required, out)
    elif isinstance(shape, ListShape) and isinstance(value, list):
        _check_list(value, shape, path, out)
    elif isinstance(value, str):
        reason = string_violation(value, shape)
        if reason is not None:
            out.append(f"Value '{value}' at '{path}' failed to satisfy constraint: {reason}")


def _check_list(value: list[Any], shape: ListShape, path: str, out: list[str]) -> None:
    item_shape = shape.member
    if getattr(item_shape, "enum", None):
        if any(string_violation(item, item_shape) for item in value if isinstance(item, str)):
            printed = "[" + ", ".join(str(item) for item in value) + "]"
            out.append(
                f"Value '{printed}' at '{path}' failed to satisfy constraint: "
                f"Member must satisfy constraint: [{string_violation('', item_shape)}]"
            )
        return
    if not _constrained(item_shape):
        return
    for index, item in enumerate(value, start=1):  # list members are never nullable
        _check(item, item_shape, f"{path}.{index}.member", True, out)


def string_violation(value: str, shape: Shape) -> str | None:
    """The constraint text `value` breaks for a string shape, or None when it is valid."""
    if getattr(shape, "enum", None) and value not in shape.enum:
        return f"Member must satisfy enum value set: [{', '.join(enum_order(shape.name))}]"
    pattern = shape.metadata.get("pattern")
    if pattern and not _compiled(pattern).fullmatch(value):
        return f"Member must satisfy regular expression pattern: {pattern}"
    return None


def enum_order(shape_name: str) -> tuple[str, ...]:
    """An enum's values in the order AWS prints them."""
    return AWS_ENUM_ORDER.get(shape_name) or spec.enum(shape_name)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)  # Java's `\d` is ASCII-only

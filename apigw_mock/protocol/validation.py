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
    for name, check, path, required in _plan(operation_name):
        value = params.get(name)
        if value is None:
            if required:
                violations.append(_null(path))
        elif check is not None:
            check(value, path, violations)
    if violations:
        raise ValidationException.aggregate(violations)


Check = Callable[[Any, str, list[str]], None]
"""(a value that is not None, its reported path, the violations found so far) -> None, appending violations."""


@cache
def _plan(operation_name: str) -> tuple[tuple[str, Check | None, str, bool], ...]:
    """(member, its check, reported path, required) of the input members that can break a constraint, body members
    first. Members that cannot (no enum, pattern or required member anywhere beneath) are skipped, and each check is
    compiled once per shape (`_compiled_check`): this is what keeps validation cheap."""
    shape = spec.operation(operation_name).input_shape
    if shape is None:
        return ()
    prefix = operation_name[0].lower() + operation_name[1:] + "Input"
    required = set(shape.required_members)
    return tuple(
        (name, _compiled_check(member), f"{prefix}.{name}" if in_body else name, name in required)
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
    """Whether some value of `shape` can break a constraint the checks enforce."""
    if getattr(shape, "enum", None) or shape.metadata.get("pattern"):
        return True
    if isinstance(shape, StructureShape):
        return bool(_checked_members(shape))
    return isinstance(shape, ListShape) and _constrained(shape.member)


def _null(path: str) -> str:
    return f"Value null at '{path}' failed to satisfy constraint: Member must not be null"


@cache
def _compiled_check(shape: Shape) -> Check | None:
    """The check of one value of `shape`: members of a structure (a dict), items of a list, or a string's enum and
    pattern; a value of another type is not checked (the parser has refused wrong JSON types already). None when no
    value of `shape` can break a constraint (a member that is only required)."""
    if not _constrained(shape):
        return None
    if isinstance(shape, StructureShape):
        members = tuple((name, _compiled_check(member), required) for name, member, required in _checked_members(shape))

        def structure(value: Any, path: str, out: list[str]) -> None:
            if isinstance(value, dict):
                for name, check, required in members:
                    item = value.get(name)
                    if item is None:
                        if required:
                            out.append(_null(f"{path}.{name}"))
                    elif check is not None:
                        check(item, f"{path}.{name}", out)

        return structure
    if isinstance(shape, ListShape):
        return _list_check(shape)
    enum = frozenset(shape.enum) if getattr(shape, "enum", None) else None
    pattern = shape.metadata.get("pattern")
    matches = _compiled(pattern).fullmatch if pattern else None

    def string(value: Any, path: str, out: list[str]) -> None:
        if isinstance(value, str) and (
            (enum is not None and value not in enum) or (matches is not None and not matches(value))
        ):
            out.append(f"Value '{value}' at '{path}' failed to satisfy constraint: {string_violation(value, shape)}")

    return string


def _list_check(shape: ListShape) -> Check:
    item_shape = shape.member
    if getattr(item_shape, "enum", None):
        enum = frozenset(item_shape.enum)

        def enums(value: Any, path: str, out: list[str]) -> None:
            if isinstance(value, list) and any(isinstance(item, str) and item not in enum for item in value):
                printed = "[" + ", ".join(str(item) for item in value) + "]"
                out.append(
                    f"Value '{printed}' at '{path}' failed to satisfy constraint: "
                    f"Member must satisfy constraint: [{string_violation('', item_shape)}]"
                )

        return enums
    item_check = _compiled_check(item_shape)

    def items(value: Any, path: str, out: list[str]) -> None:
        if item_check is not None and isinstance(value, list):
            for index, item in enumerate(value, start=1):  # list members are never nullable
                if item is None:
                    out.append(_null(f"{path}.{index}.member"))
                else:
                    item_check(item, f"{path}.{index}.member", out)

    return items


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

"""IAM policy documents as API Gateway evaluates them: a Lambda authorizer's `policyDocument` (spec §7.3, §7.4) and a
REST API's resource policy (spec §4 step 4). One owner for both, and for TestInvokeAuthorizer.

Contract:
- `compile_policy(document, expand=...)` turns a policy (a dict, as parsed from JSON) into a `Policy` once; later
  decisions only run compiled regexes. What is not a policy raises `PolicyError`: no `Statement` (an object or a
  list of objects), an `Effect` other than `Allow`/`Deny`, no `Action`/`NotAction` or `Resource`/`NotResource`, a
  value that is not a string or a list of strings. `expand` rewrites each resource pattern first (a resource
  policy's `execute-api:/...` shorthand).
- `Policy.decide(action, resource, caller, values)` is `ALLOW`, `DENY` or `NONE` (no statement applies: the implicit
  deny). A statement applies when its action, resource, principal and conditions all match; any applicable `Deny`
  wins over every `Allow` (IAM's evaluation logic).
- Patterns: `*` matches any run of characters (`/` and `:` included), `?` exactly one, everything else itself;
  actions compare case-insensitively, resources case-sensitively (IAM's rules). `NotAction` / `NotResource` match
  what their list does not.
- `Principal` (resource policies only): `*` or `{"AWS": "*"}` is anyone; otherwise the listed ARNs or account ids
  must name the caller (`caller`: a user ARN, or `None` for an anonymous caller, who matches only the wildcard).
  A statement without a principal applies to anyone (an identity policy, as an authorizer's is). `NotPrincipal`
  is not modelled (`ApigwMockNotImplemented`).
- `Condition`: `{operator: {key: value or [values]}}`, keys case-insensitive, read from `values` (lower-case keys,
  e.g. `aws:sourceip`): `StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`, `StringNotEqualsIgnoreCase`,
  `StringLike`, `StringNotLike`, `IpAddress`, `NotIpAddress` (CIDRs, IPv4 and IPv6), `Bool`, each also with
  `IfExists`. A key the request lacks makes the positive operators false and the negated ones true (IAM's rule;
  `IfExists`: true). Other operators raise `ApigwMockNotImplemented` when the policy is compiled.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from apigw_mock.exceptions import ApigwMockNotImplemented


class PolicyError(ValueError):
    """The document is not a policy API Gateway can evaluate."""


class Decision(enum.Enum):
    ALLOW = "Allow"
    DENY = "Deny"
    NONE = "None"
    """No statement applies: the implicit deny."""


Values = Mapping[str, str | None]
NO_VALUES: Values = {}
_Test = Callable[[str, tuple[Any, ...]], bool]


@lru_cache(maxsize=4096)
def patterns(alternatives: tuple[str, ...], ignore_case: bool = False) -> re.Pattern[str]:
    """One compiled regex that fully matches any of the wildcard `alternatives` (see the module contract)."""
    body = "|".join(
        "".join(".*" if char == "*" else "." if char == "?" else re.escape(char) for char in pattern)
        for pattern in alternatives
    )
    return re.compile(f"(?:{body})", re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def wildcard_match(pattern: str, text: str, *, ignore_case: bool = False) -> bool:
    return patterns((pattern,), ignore_case).fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class _Names:
    """An `Action`/`Resource` list (or its `Not` form) compiled into one regex; `None`: `*`, anything."""

    pattern: re.Pattern[str] | None
    negated: bool

    def match(self, text: str) -> bool:
        found = self.pattern is None or self.pattern.fullmatch(text) is not None
        return found is not self.negated


@dataclass(frozen=True, slots=True)
class _Condition:
    test: _Test
    key: str
    expected: tuple[Any, ...]
    when_absent: bool

    def holds(self, values: Values) -> bool:
        value = values.get(self.key)
        return self.when_absent if value is None else self.test(value, self.expected)


@dataclass(frozen=True, slots=True)
class Statement:
    allow: bool
    actions: _Names
    resources: _Names
    principals: frozenset[str] | None
    """`None`: anyone (also `*`); else the ARNs and account ids the caller must be one of."""
    conditions: tuple[_Condition, ...]

    def applies(self, action: str, resource: str, caller: str | None, values: Values) -> bool:
        if not (self.actions.match(action) and self.resources.match(resource)):
            return False
        if self.principals is not None and not _names_caller(self.principals, caller):
            return False
        return not self.conditions or all(condition.holds(values) for condition in self.conditions)


@dataclass(frozen=True, slots=True)
class Policy:
    statements: tuple[Statement, ...]
    conditional: bool = False
    """Whether a statement has conditions (else `decide` needs no `values`)."""

    def decide(self, action: str, resource: str, caller: str | None = None, values: Values = NO_VALUES) -> Decision:
        allowed = False
        for statement in self.statements:
            if statement.applies(action, resource, caller, values):
                if not statement.allow:
                    return Decision.DENY
                allowed = True
        return Decision.ALLOW if allowed else Decision.NONE


def compile_policy(document: Any, expand: Callable[[str], str] | None = None) -> Policy:
    """The compiled policy (see the module contract); `PolicyError` when `document` is not one."""
    if not isinstance(document, Mapping):
        raise PolicyError("a policy document is a JSON object")
    statements = document.get("Statement")
    listed = [statements] if isinstance(statements, Mapping) else statements
    if not isinstance(listed, list) or not all(isinstance(statement, Mapping) for statement in listed):
        raise PolicyError("Statement must be an object or a list of objects")
    compiled = tuple(_statement(statement, expand) for statement in listed)
    return Policy(compiled, any(statement.conditions for statement in compiled))


def _statement(statement: Mapping[str, Any], expand: Callable[[str], str] | None) -> Statement:
    effect = statement.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise PolicyError(f"Effect must be Allow or Deny, not {effect!r}")
    if "NotPrincipal" in statement:
        raise ApigwMockNotImplemented("NotPrincipal", kind="resource policy element")
    return Statement(
        allow=effect == "Allow",
        actions=_names(statement, "Action", ignore_case=True),
        resources=_names(statement, "Resource", expand=expand),
        principals=_principals(statement.get("Principal")),
        conditions=_conditions(statement.get("Condition")),
    )


def _names(
    statement: Mapping[str, Any], element: str, *, ignore_case: bool = False, expand: Callable[[str], str] | None = None
) -> _Names:
    negated = element not in statement and f"Not{element}" in statement
    listed = _strings(statement.get(f"Not{element}" if negated else element), element)
    if expand is not None:
        listed = [expand(item) for item in listed]
    if "*" in listed:
        return _Names(None, negated)
    return _Names(patterns(tuple(listed), ignore_case), negated)


def _strings(value: Any, element: str) -> list[str]:
    listed = [value] if isinstance(value, str) else value
    if not isinstance(listed, list) or not listed or not all(isinstance(item, str) for item in listed):
        raise PolicyError(f"{element} must be a string or a non-empty list of strings")
    return listed


def _principals(principal: Any) -> frozenset[str] | None:
    if principal is None or principal == "*":
        return None
    if not isinstance(principal, Mapping):
        raise PolicyError("Principal must be * or an object")
    names: set[str] = set()
    for value in principal.values():
        listed = _strings(value, "Principal")
        if "*" in listed:
            return None
        names.update(listed)
    return frozenset(names)


def _names_caller(principals: frozenset[str], caller: str | None) -> bool:
    """Whether the caller's ARN, its account id or the account's root ARN is listed."""
    if caller is None:
        return False
    parts = caller.split(":")
    account = parts[4] if len(parts) > 4 else ""
    return caller in principals or account in principals or f"arn:aws:iam::{account}:root" in principals


# ---- conditions ---------------------------------------------------------------------------------------------------


def _string_equals(value: str, expected: tuple[Any, ...]) -> bool:
    return value in expected


def _string_equals_ignore_case(value: str, expected: tuple[Any, ...]) -> bool:
    return value.lower() in expected


def _string_like(value: str, expected: tuple[Any, ...]) -> bool:
    return patterns(expected).fullmatch(value) is not None


def _ip_address(value: str, expected: tuple[Any, ...]) -> bool:
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return False
    return any(address in network for network in expected if network.version == address.version)


def _bool(value: str, expected: tuple[Any, ...]) -> bool:
    return value.lower() in expected


def _negated(test: _Test) -> _Test:
    return lambda value, expected: not test(value, expected)


def _networks(values: Sequence[str]) -> tuple[Any, ...]:
    try:
        return tuple(ipaddress.ip_network(value, strict=False) for value in values)
    except ValueError as error:
        raise PolicyError(f"not a CIDR: {error}") from None


def _lowered(values: Sequence[str]) -> tuple[Any, ...]:
    return tuple(value.lower() for value in values)


# operator -> (test, how the expected values are prepared, negated)
_OPERATORS: dict[str, tuple[_Test, Callable[[Sequence[str]], tuple[Any, ...]], bool]] = {
    "StringEquals": (_string_equals, tuple, False),
    "StringNotEquals": (_negated(_string_equals), tuple, True),
    "StringEqualsIgnoreCase": (_string_equals_ignore_case, _lowered, False),
    "StringNotEqualsIgnoreCase": (_negated(_string_equals_ignore_case), _lowered, True),
    "StringLike": (_string_like, tuple, False),
    "StringNotLike": (_negated(_string_like), tuple, True),
    "IpAddress": (_ip_address, _networks, False),
    "NotIpAddress": (_negated(_ip_address), _networks, True),
    "Bool": (_bool, _lowered, False),
}


def _conditions(condition: Any) -> tuple[_Condition, ...]:
    if condition is None:
        return ()
    if not isinstance(condition, Mapping):
        raise PolicyError("Condition must be an object")
    found: list[_Condition] = []
    for operator, tests in condition.items():
        name = str(operator)
        if_exists = name.endswith("IfExists")
        known = _OPERATORS.get(name.removesuffix("IfExists"))
        if known is None:
            raise ApigwMockNotImplemented(name, kind="policy condition operator")
        if not isinstance(tests, Mapping):
            raise PolicyError(f"{name} must map condition keys to values")
        test, prepare, negated = known
        for key, value in tests.items():
            listed = [str(item).lower() if isinstance(item, bool) else item for item in _values(value, name)]
            found.append(_Condition(test, str(key).lower(), prepare(listed), if_exists or negated))
    return tuple(found)


def _values(value: Any, operator: str) -> list[Any]:
    listed = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str | bool | int) for item in listed):
        raise PolicyError(f"{operator} values must be strings")
    return [item if isinstance(item, str | bool) else str(item) for item in listed]

"""`invoke.policy` on its own: IAM policy documents as API Gateway evaluates them (wildcards, explicit Deny wins,
NotAction/NotResource, principals, conditions), as pure tables, with hypothesis where the input is wide."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.exceptions import ApigwMockNotImplemented
from apigw_mock.invoke.policy import Decision, PolicyError, compile_policy, wildcard_match

ALLOW, DENY, NONE = Decision.ALLOW, Decision.DENY, Decision.NONE
ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets/1"
INVOKE = "execute-api:Invoke"


def decide(*statements: dict[str, Any], action: str = INVOKE, resource: str = ARN, **keywords: Any) -> Decision:
    return compile_policy({"Version": "2012-10-17", "Statement": list(statements)}).decide(action, resource, **keywords)


def allow(resource: Any = "*", action: Any = INVOKE, **more: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **more}


def deny(resource: Any = "*", action: Any = INVOKE, **more: Any) -> dict[str, Any]:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **more}


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("*", "", True),
        ("arn:aws:execute-api:*", ARN, True),
        ("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/*", ARN, True),
        ("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/pets", ARN, False),
        ("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets/?", ARN, True),
        ("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets/??", ARN, False),
        ("arn:aws:execute-api:*:*:abc123/*", ARN, True),
        ("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/get/*", ARN, False),  # resources are case-sensitive
        ("a.b", "axb", False),  # no regex syntax
        ("a[b]", "a[b]", True),  # no character classes either
        ("a+", "aa", False),
    ],
)
def test_wildcards(pattern: str, text: str, matches: bool) -> None:
    assert wildcard_match(pattern, text) is matches


def _reference(pattern: str, text: str) -> bool:
    """A wildcard match written the slow, obvious way: dynamic programming over both strings."""
    table = [[False] * (len(text) + 1) for _ in range(len(pattern) + 1)]
    table[0][0] = True
    for i, char in enumerate(pattern, 1):
        table[i][0] = table[i - 1][0] and char == "*"
        for j in range(1, len(text) + 1):
            if char == "*":
                table[i][j] = table[i - 1][j] or table[i][j - 1]
            else:
                table[i][j] = table[i - 1][j - 1] and char in ("?", text[j - 1])
    return table[-1][-1]


_ALPHABET = st.sampled_from(list("ab/:*?.[]+\\$^(|"))


@given(st.text(_ALPHABET, max_size=8), st.text(st.sampled_from(list("ab/:.[]+\\$^(|")), max_size=8))
def test_wildcards_agree_with_a_reference_matcher(pattern: str, text: str) -> None:
    assert wildcard_match(pattern, text) is _reference(pattern, text)


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        ([allow()], ALLOW),
        ([deny()], DENY),
        ([], NONE),
        ([allow(), deny()], DENY),
        ([deny(), allow()], DENY),
        ([allow("arn:aws:execute-api:*:*:other/*")], NONE),
        ([allow(), deny("arn:aws:execute-api:*:*:other/*")], ALLOW),
        ([allow(["arn:x", "arn:aws:execute-api:*/GET/*"])], ALLOW),
        ([allow(action="execute-api:*")], ALLOW),
        ([allow(action="EXECUTE-API:invoke")], ALLOW),  # actions compare case-insensitively
        ([allow(action="*")], ALLOW),
        ([allow(action=["s3:GetObject", "execute-api:Invoke"])], ALLOW),
        ([allow(action="execute-api:ManageConnections")], NONE),
        ([{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}], ALLOW),
        ([{"Effect": "Allow", "NotAction": "execute-api:*", "Resource": "*"}], NONE),
        ([{"Effect": "Deny", "Action": INVOKE, "NotResource": "arn:aws:execute-api:*/GET/*"}, allow()], ALLOW),
        ([{"Effect": "Deny", "Action": INVOKE, "NotResource": "arn:aws:execute-api:*/POST/*"}, allow()], DENY),
    ],
)
def test_decisions(statements: list[dict[str, Any]], expected: Decision) -> None:
    assert decide(*statements) is expected


@pytest.mark.parametrize(
    ("principal", "caller", "applies"),
    [
        ("*", None, True),
        ({"AWS": "*"}, None, True),
        ({"AWS": ["arn:aws:iam::111122223333:root", "*"]}, None, True),
        ({"AWS": "arn:aws:iam::111122223333:root"}, None, False),
        ({"AWS": "arn:aws:iam::111122223333:root"}, "arn:aws:iam::111122223333:user/ada", True),
        ({"AWS": "111122223333"}, "arn:aws:iam::111122223333:user/ada", True),
        ({"AWS": "arn:aws:iam::111122223333:user/ada"}, "arn:aws:iam::111122223333:user/ada", True),
        ({"AWS": "arn:aws:iam::111122223333:user/bob"}, "arn:aws:iam::111122223333:user/ada", False),
        ({"Service": "lambda.amazonaws.com"}, None, False),
    ],
)
def test_principals(principal: Any, caller: str | None, applies: bool) -> None:
    assert decide(allow(Principal=principal), caller=caller) is (ALLOW if applies else NONE)


@pytest.mark.parametrize(
    ("condition", "values", "applies"),
    [
        ({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, {"aws:sourceip": "10.9.9.9"}, True),
        ({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, {"aws:sourceip": "not-an-ip"}, False),
        ({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, {}, False),  # absent: positive operators are false
        ({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, {}, True),  # ... and negated ones true
        ({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, {"aws:sourceip": "::1"}, False),
        ({"StringEquals": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": "vpce-1"}, True),
        ({"StringEquals": {"aws:SourceVpce": ["vpce-2", "vpce-1"]}}, {"aws:sourcevpce": "vpce-1"}, True),
        ({"StringEquals": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": "VPCE-1"}, False),
        ({"StringEqualsIgnoreCase": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": "VPCE-1"}, True),
        ({"StringNotEqualsIgnoreCase": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": "VPCE-1"}, False),
        ({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": "vpce-2"}, True),
        ({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": None}, True),
        ({"StringLike": {"aws:SourceVpce": "vpce-*"}}, {"aws:sourcevpce": "vpce-9"}, True),
        ({"StringNotLike": {"aws:SourceVpce": "vpce-*"}}, {"aws:sourcevpce": "vpce-9"}, False),
        ({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}, {}, True),
        ({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}, {"aws:sourcevpce": "vpce-2"}, False),
        ({"Bool": {"aws:SecureTransport": True}}, {"aws:securetransport": "true"}, True),
        (
            {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "StringEquals": {"aws:SourceVpce": "vpce-1"}},
            {"aws:sourceip": "10.0.0.1", "aws:sourcevpce": "vpce-2"},
            False,  # every condition must hold
        ),
    ],
)
def test_conditions(condition: dict[str, Any], values: dict[str, str | None], applies: bool) -> None:
    assert decide(allow(Condition=condition), values=values) is (ALLOW if applies else NONE)


@pytest.mark.parametrize(
    "document",
    [
        None,
        "Allow",
        {},
        {"Statement": "Allow"},
        {"Statement": [allow(), "x"]},
        {"Statement": [{"Effect": "allow", "Action": "*", "Resource": "*"}]},
        {"Statement": [{"Effect": "Allow", "Resource": "*"}]},
        {"Statement": [{"Effect": "Allow", "Action": "*"}]},
        {"Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]},
        {"Statement": [{"Effect": "Allow", "Action": [1], "Resource": "*"}]},
        {"Statement": [allow(Principal=["*"])]},
        {"Statement": [allow(Condition="x")]},
        {"Statement": [allow(Condition={"IpAddress": "x"})]},
        {"Statement": [allow(Condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/99"}})]},
        {"Statement": [allow(Condition={"StringEquals": {"k": {"nested": 1}}})]},
    ],
)
def test_what_is_not_a_policy(document: Any) -> None:
    with pytest.raises(PolicyError):
        compile_policy(document)


@pytest.mark.parametrize(
    "statement",
    [allow(Condition={"DateGreaterThan": {"aws:CurrentTime": "2020-01-01"}}), {**allow(), "NotPrincipal": "*"}],
)
def test_what_the_mock_does_not_model_says_so(statement: dict[str, Any]) -> None:
    with pytest.raises(ApigwMockNotImplemented, match=re.escape("does not support")):
        compile_policy({"Statement": [statement]})


def test_the_shorthand_expansion_applies_to_resources() -> None:
    expand = lambda resource: resource.replace("execute-api:", "x")  # noqa: E731
    policy = compile_policy({"Statement": allow("execute-api:/*/GET/*")}, expand=expand)
    assert policy.decide(INVOKE, "x/dev/GET/pets") is ALLOW and policy.decide(INVOKE, ARN) is NONE


_RESOURCES = st.sampled_from(["*", ARN, "arn:aws:execute-api:*:*:abc123/*", "arn:aws:execute-api:*:*:zzz/*", "x"])
_STATEMENTS = st.builds(
    lambda effect, resource, action: {"Effect": effect, "Action": action, "Resource": resource},
    st.sampled_from(["Allow", "Deny"]),
    st.one_of(_RESOURCES, st.lists(_RESOURCES, min_size=1, max_size=3)),
    st.sampled_from([INVOKE, "execute-api:*", "*", "s3:GetObject"]),
)


@given(st.lists(_STATEMENTS, max_size=6), st.randoms())
def test_deny_wins_and_the_order_of_statements_does_not_matter(
    statements: list[dict[str, Any]], shuffler: random.Random
) -> None:
    decided = decide(*statements)
    shuffled = list(statements)
    shuffler.shuffle(shuffled)
    assert decide(*shuffled) is decided
    assert decide(*statements, deny()) is DENY
    if decided is not DENY:
        assert decide(*statements, allow()) is ALLOW

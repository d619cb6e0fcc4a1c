"""Integration response selection (spec §10.1) and the Java regex translation it rests on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apigw_mock.invoke import java_regex
from apigw_mock.invoke.selection import http_input, lambda_input, select

# A typical setup: default 200, 4xx and 5xx mapped by pattern.
RESPONSES = {"200": None, "400": "4\\d{2}", "500": "5\\d{2}"}
LAMBDA = {"200": None, "400": "Malformed.*", "404": ".*not found.*", "500": "(\\n|.)*Internal(\\n|.)*"}


@pytest.mark.parametrize(
    ("responses", "selection_input", "expected"),
    [
        (RESPONSES, http_input(200), "200"),  # no pattern matches -> default
        (RESPONSES, http_input(404), "400"),
        (RESPONSES, http_input("503"), "500"),
        (RESPONSES, "4040", "200"),  # full match only (Java String.matches)
        (RESPONSES, "x404", "200"),
        ({"400": "4\\d{2}"}, "200", None),  # no match and no default (spec §10.1.4)
        ({"400": "4\\d{2}", "200": ""}, "200", "200"),  # "" is the default too
        ({"200": ".*"}, "999", "200"),
        # Lambda: the input is the errorMessage; success has none (spec §8.4)
        (LAMBDA, lambda_input(None), "200"),
        (LAMBDA, lambda_input("Malformed input: x"), "400"),
        (LAMBDA, lambda_input("thing not found"), "404"),
        (LAMBDA, lambda_input("Internal\nstack line"), "500"),
        (LAMBDA, lambda_input("Malformed\nsecond line"), "200"),  # `.` stops at a newline -> default
        (LAMBDA, lambda_input("other"), "200"),  # unmapped Lambda errors reach the client as the default
        ({"200": None, "400": ".*"}, lambda_input(None), "400"),  # `.*` also catches a success [DOC]
        # several matches: the lowest status code wins ([UNK] spec §16.11), in any input order
        ([("502", "5.*"), ("500", "50\\d"), ("200", None)], "502", "500"),
        ([("500", "50\\d"), ("502", "5.*")], "502", "500"),
        # a custom error object stringified into errorMessage (DG:handle-errors-in-lambda-integration)
        ({"200": None, "500": '.*"type":\\s*"InternalServerError".*'}, '{"type": "InternalServerError"}', "500"),
        ({"200": None, "400": "[invalid"}, "[invalid", "200"),  # invalid Java regex never matches [UNK]
        ((), "200", None),
    ],
)
def test_select(responses: object, selection_input: str | None, expected: str | None) -> None:
    assert select(responses, selection_input) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("4\\d{2}", "404", True),
        ("\\d+", "١٢", False),  # Java's \d is ASCII-only
        ("\\w+", "é", False),
        ("(?i)error.*", "ERROR x", True),
        (".", "\r", False),  # Java's `.` excludes every line terminator
        (".", "\u2028", False),
        (".", "\x85", False),
        ("(?s).+", "a\nb", True),
        ("a$", "a", True),
        ("\\Qa.b\\E", "a.b", True),
        ("\\Qa.b\\E", "axb", False),
        ("\\Qa.b", "a.b", True),  # \Q without \E quotes to the end
        ("x\\z", "x", True),
        ("\\p{Alpha}+\\p{Digit}", "abc1", True),
        ("\\P{Digit}+", "abc", True),
        ("[\\p{Upper}_]+", "AB_", True),
        ("(?<code>\\d)\\k<code>", "44", True),
        ("(?<code>\\d)\\k<code>", "45", False),
        ("a*+a", "aaa", False),  # possessive
        ("(?>a+)b", "aab", True),
        ("\\e\\cA", "\x1b\x01", True),
        ("\\0101\\x{42}", "AB", True),
        ("\\h", "\t", True),
        ("[\\h]", " ", True),
        ("\\t\\n", "\t\n", True),
        ("\\v", "\x0b", True),
        ("a\\Rb", "a\r\nb", True),
        ("\\H+", "ab", True),
        ("\\V", "\n", False),
        ("[\\v]", "\u2028", True),
    ],
)
def test_java_regex_full_match(pattern: str, text: str, matches: bool) -> None:
    assert java_regex.full_match(pattern, text) is matches


@pytest.mark.parametrize(
    "pattern", ["[a-z&&[^e]]", "[a[b]]", "\\p{L}", "\\G", "\\X", "[\\R]", "[\\P{Digit}]", "\\p{IsLatin}"]
)
def test_unsupported_java_syntax_is_reported_not_guessed(pattern: str) -> None:
    with pytest.raises(java_regex.UnsupportedJavaRegex):
        java_regex.compile(pattern)
    with pytest.raises(java_regex.UnsupportedJavaRegex):
        select({"200": None, "400": pattern}, "x")


@pytest.mark.parametrize("pattern", ["(", "a{", "\\", "\\y", "\\0"])
def test_invalid_java_syntax(pattern: str) -> None:
    with pytest.raises(java_regex.InvalidJavaRegex):
        java_regex.compile(pattern)


@pytest.mark.parametrize(
    ("pattern", "replacement", "text", "expected"),
    [
        ("l+", "L", "hello", "heLo"),
        ("(\\w)(\\d)", "$2$1", "a1 b2", "1a 2b"),
        ("(?<x>o)", "[${x}]", "foo", "f[o][o]"),
        ("o", "\\$", "foo", "f$$"),
        ("(a)", "$10", "a", "a0"),  # group 1 then a literal 0: only existing groups are read
    ],
)
def test_java_replace_all(pattern: str, replacement: str, text: str, expected: str) -> None:
    assert java_regex.replace(pattern, replacement, text) == expected


@pytest.mark.parametrize(
    ("pattern", "text", "limit", "expected"),
    [
        (",", "a,b,,", 0, ["a", "b"]),  # trailing empty strings dropped
        (",", "a,b,,", -1, ["a", "b", "", ""]),
        (",", "a,b,c", 2, ["a", "b,c"]),
        (",", ",a", 0, ["", "a"]),
        ("", "abc", 0, ["a", "b", "c"]),  # no leading empty string for a zero-width match (Java 8+)
        (",", "", 0, [""]),
        (",", ",", 0, []),
        ("(,)", "a,b", 0, ["a", "b"]),  # groups are not part of the result
    ],
)
def test_java_split(pattern: str, text: str, limit: int, expected: list[str]) -> None:
    assert java_regex.split(pattern, text, limit) == expected


def test_patterns_compile_once() -> None:
    assert java_regex.compile("4\\d{2}") is java_regex.compile("4\\d{2}")


_ATOMS = st.sampled_from(["a", "b", "1", ".", "\\d", "\\w", "\\s", "[ab]", "[^a]", "(a|b1)", "\\.", "-"])
_QUANTIFIERS = st.sampled_from(["", "*", "+", "?", "{1,2}", "*?"])
_PATTERNS = st.lists(st.tuples(_ATOMS, _QUANTIFIERS).map("".join), min_size=1, max_size=5).map("".join)
_TEXTS = st.text(alphabet="ab1 .-_\n", max_size=8)


@settings(max_examples=100, deadline=None)
@given(_PATTERNS, _TEXTS)
def test_common_syntax_means_the_same_in_java_and_python(pattern: str, text: str) -> None:
    """On constructs the two dialects share, the translation changes nothing (inputs without \\r and friends)."""
    assert java_regex.full_match(pattern, text) == (re.fullmatch(pattern, text, re.ASCII) is not None)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=12).filter(lambda text: "\\E" not in text))
def test_a_quoted_literal_selects_exactly_its_own_text(text: str) -> None:
    responses = {"200": None, "418": f"\\Q{text}\\E"}
    assert select(responses, text) == "418"
    assert select(responses, text + "x") == "200"


_STATUS = st.integers(min_value=200, max_value=599).map(str)
_ENTRIES = st.lists(st.tuples(_STATUS, st.one_of(st.none(), st.just(""), _PATTERNS)), max_size=6)


@settings(max_examples=100, deadline=None)
@given(_ENTRIES, st.one_of(st.none(), _TEXTS))
def test_selection_invariants(entries: list[tuple[str, str | None]], selection_input: str | None) -> None:
    chosen = select(entries, selection_input)
    text = selection_input or ""
    matching = [status for status, pattern in entries if pattern and java_regex.full_match(pattern, text)]
    defaults = [status for status, pattern in entries if not pattern]
    if matching:
        assert chosen == min(matching, key=int)
    elif defaults:
        assert chosen == min(defaults, key=int)
    else:
        assert chosen is None
    # adding a default response never changes a pattern's win
    if matching:
        assert select([*entries, ("100", None)], selection_input) == chosen

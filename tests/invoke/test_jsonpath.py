"""JSONPath with Jayway's definite/indefinite results (spec §9.2), on jsonpath-ng."""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock.invoke.jsonpath import MISSING, InvalidJsonPath, query

DOC = {"a": {"b": 1, "n": None}, "items": [{"n": "x", "p": 5}, {"n": "y", "p": 15}], "k-1": 2, "sp ace": 3}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$", DOC),  # the root itself
        ("$.a.b", 1),
        ("$['a']", {"b": 1, "n": None}),
        ("$['a']['b']", 1),
        ("$.items[0]", {"n": "x", "p": 5}),
        ("$.items[-1].n", "y"),
        ("$.items[0].n", "x"),
        ("$['k-1']", 2),
        ("$['sp ace']", 3),
        ("$.a.n", None),  # a JSON null is a value, not a missing path
        ("a.b", 1),  # no leading `$` (the `method.request.body.a.b` form)
        ("$.nope", MISSING),
        ("$.items[5]", MISSING),
        ("$.a.b.c", MISSING),
        # indefinite paths give lists (Jayway), possibly empty
        ("$.items[*].n", ["x", "y"]),
        ("$..n", [None, "x", "y"]),
        ("$.items[?(@.p > 10)].n", ["y"]),
        ("$.items[0:1]", [{"n": "x", "p": 5}]),
        ("$.items[0,1].p", [5, 15]),
        ("$['a']['b','n']", [1, None]),
        ("$.nope[*]", []),
    ],
)
def test_query(path: str, expected: Any) -> None:
    assert query(DOC, path) == expected


@pytest.mark.parametrize("path", ["$.[[", "$.items[", "$..."])
def test_invalid_paths_raise(path: str) -> None:
    with pytest.raises(InvalidJsonPath):
        query(DOC, path)


def test_query_on_scalars_and_lists() -> None:
    assert query("text", "$") == "text"
    assert query([1, 2], "$[1]") == 2
    assert query(3, "$.a") is MISSING

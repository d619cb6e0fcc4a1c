"""JSONPath as `$input.path`/`$input.json` and `...body.JSONPath` mappings use it (spec §9.2, §8.7, §10.2).

Contract:
- AWS documents Jayway JsonPath: `$` root, `.key`, `['key']`, `[n]` (negative from the end), `[*]`, `..`, slices
  and filters `[?(@.p > 1)]`. `query(document, path)` evaluates `path` with `jsonpath-ng` (its `ext` parser, for
  filters), parsed once per path text (cached).
- Like Jayway, a *definite* path (only names and indexes) gives its single value or `MISSING`; an indefinite one
  (wildcards, `..`, slices, filters, unions) gives the list of all matches (possibly empty).
- A path without the leading `$` (the `method.request.body.petstore.pets[0]` form) is read from the root.
- A path that does not parse raises `InvalidJsonPath` (a `ValueError`).
`jsonpath-ng` is imported on first use, keeping `import apigw_mock` cheap.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final


class _Missing:
    """No value at a definite path (distinct from a JSON `null`)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


class InvalidJsonPath(ValueError):
    """The text is not a JSONPath expression the engine understands."""


def query(document: Any, path: str) -> Any:
    """The value at `path` in `document`: one value (definite path), a list (indefinite), or `MISSING`."""
    expression, definite = _parsed(path)
    values = [found.value for found in expression.find(document)]
    if not definite:
        return values
    return values[0] if values else MISSING


@lru_cache(maxsize=1024)
def _parsed(path: str) -> tuple[Any, bool]:
    from jsonpath_ng.exceptions import JsonPathLexerError, JsonPathParserError
    from jsonpath_ng.ext import parse

    text = path.strip()
    if not text.startswith("$"):
        text = "$." + text if text else "$"
    try:
        expression = parse(text)
    except (JsonPathLexerError, JsonPathParserError, Exception) as error:
        raise InvalidJsonPath(f"{path!r}: {error}") from error
    return expression, _is_definite(expression)


def _is_definite(expression: Any) -> bool:
    from jsonpath_ng import jsonpath

    if isinstance(expression, jsonpath.Child):
        return _is_definite(expression.left) and _is_definite(expression.right)
    if isinstance(expression, jsonpath.Fields):
        return len(expression.fields) == 1 and expression.fields[0] != "*"
    if isinstance(expression, jsonpath.Index):
        indices = getattr(expression, "indices", None)  # `[0,1]` is one Index with two indices (1.8)
        return indices is None or len(indices) == 1
    return isinstance(expression, jsonpath.Root | jsonpath.This)

"""The method request as the engines read it: path parameters, query string, headers, body (plain data).

Contract (spec §3.3, §8.7):
- Query string and headers are multi-valued, in arrival order. Single-value views (`query`, `header`) give the
  **last** value ([INF] §3.3); multi-value views give all of them.
- Header names are looked up case-insensitively but kept as the client sent them ([UNK] §3.3).
- Values are already URL-decoded (the caller decodes the URL once; routing decodes path parameters).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from apigw_mock.invoke.frozen import quick

Multi = Mapping[str, Sequence[str]]
Shaped = dict[str, tuple[str, ...]]


def _multi(values: Mapping[str, str | Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    # a plain `str` is a `Sequence[str]` too: it must be recognised first
    """`{"a": "1", "b": ["2", "3"]}` -> `{"a": ("1",), "b": ("2", "3")}`."""
    if type(values) is dict:
        for value in values.values():
            if type(value) is not tuple:
                break
        else:
            return values  # already in shape (the data plane builds it so): no copy on every request
    return {name: (value,) if isinstance(value, str) else tuple(value) for name, value in (values or {}).items()}


@quick
@dataclass(frozen=True, slots=True)
class MethodRequest:
    """One client request, after routing: what `method.request.*` and `$input` read."""

    path: Mapping[str, str] = field(default_factory=dict)
    querystring: Multi = field(default_factory=dict)
    headers: Multi = field(default_factory=dict)
    body: str = ""

    def __post_init__(self) -> None:
        """Single values are accepted where lists are expected: `{"q": "1"}` means `{"q": ("1",)}`."""
        querystring, headers = _multi(self.querystring), _multi(self.headers)
        if querystring is not self.querystring:  # already in shape (the data plane's): nothing to replace
            object.__setattr__(self, "querystring", querystring)
        if headers is not self.headers:
            object.__setattr__(self, "headers", headers)

    @classmethod
    def shaped(cls, path: Mapping[str, str], querystring: Shaped, headers: Shaped, body: str) -> MethodRequest:
        """From maps already in shape (name -> tuple of values, as the engine builds them), without `__post_init__`'s
        look at every value (tests/invoke/test_frozen.py checks it makes what `MethodRequest(...)` makes)."""
        request = object.__new__(cls)
        set_path, set_querystring, set_headers, set_body = _SETTERS
        set_path(request, path)
        set_querystring(request, querystring)
        set_headers(request, headers)
        set_body(request, body)
        return request

    @classmethod
    def of(
        cls,
        *,
        path: Mapping[str, str] | None = None,
        querystring: Mapping[str, str | Sequence[str]] | None = None,
        headers: Mapping[str, str | Sequence[str]] | None = None,
        body: str = "",
    ) -> MethodRequest:
        """Build from single or multi values (`{"q": "1"}` or `{"q": ["1", "2"]}`)."""
        return cls(dict(path or {}), _multi(querystring), _multi(headers), body)

    def query(self, name: str) -> str | None:
        values = self.querystring.get(name)
        return values[-1] if values else None

    def query_values(self, name: str) -> list[str] | None:
        values = self.querystring.get(name)
        return list(values) if values is not None else None

    def header(self, name: str) -> str | None:
        values = self.header_values(name)
        return values[-1] if values else None

    def header_values(self, name: str) -> list[str] | None:
        found = [value for key, values in self.headers.items() if key.lower() == name.lower() for value in values]
        return found if any(key.lower() == name.lower() for key in self.headers) else None

    def single_querystring(self) -> dict[str, str]:
        return {name: values[-1] for name, values in self.querystring.items() if values}

    def single_headers(self) -> dict[str, str]:
        return {name: values[-1] for name, values in self.headers.items() if values}


_SETTERS = tuple(vars(MethodRequest)[name].__set__ for name in ("path", "querystring", "headers", "body"))
"""The slots' own setters, for `MethodRequest.shaped`."""

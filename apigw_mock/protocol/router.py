"""HTTP method + raw path + query string -> operation name, from the botocore model's routes alone.

Contract: `router().resolve(method, path, query)` names the one operation whose route (`spec.route`) matches the
request, or None. `path` is the raw, still %-encoded URL path (labels such as a tag's resource ARN carry `%2F`).
When several routes match, the most specific wins: routes that fix static query keys (ImportRestApi is
`POST /restapis?mode=import`, CreateRestApi `POST /restapis`) before those that do not, then fewer labels, greedy
labels last. The table is built once and indexed by HTTP method and first path segment, so a lookup tries only
the handful of routes sharing both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qsl

from apigw_mock.protocol import spec

_ANY_SEGMENT = "{"  # index key of routes whose first segment is a label (no literal segment starts with "{")


@dataclass(frozen=True)
class _Candidate:
    name: str
    route: spec.Route


class Router:
    """Resolves requests to operation names; see the module docstring."""

    def __init__(self, operation_names: Iterable[str]) -> None:
        buckets: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
        for name in operation_names:
            route = spec.route(name)
            template = spec.operation(name).http["requestUri"]
            segment = _first_segment(template)
            buckets[route.method, _ANY_SEGMENT if segment.startswith("{") else segment].append(_Candidate(name, route))
        # A route starting with a label competes in every bucket of its method.
        wildcards = {method: found for (method, segment), found in buckets.items() if segment == _ANY_SEGMENT}
        self._index = {
            key: sorted(found if key[1] == _ANY_SEGMENT else [*found, *wildcards.get(key[0], [])], key=_specificity)
            for key, found in buckets.items()
        }

    def resolve(self, method: str, path: str, query: str = "") -> str | None:
        """The operation `method path?query` calls, or None when no route matches."""
        candidates = self._index.get((method, _first_segment(path))) or self._index.get((method, _ANY_SEGMENT), [])
        query_keys = {key for key, _ in parse_qsl(query, keep_blank_values=True)} if query else set()
        for candidate in candidates:
            if candidate.route.static_query <= query_keys and candidate.route.path.match(path):
                return candidate.name
        return None


@cache
def router() -> Router:
    """The router over every operation of the service model, built on first use."""
    return Router(spec.service_model().operation_names)


def _specificity(candidate: _Candidate) -> tuple[int, int, int]:
    """Sort key, most specific first: more static query keys, fewer labels, fewer greedy labels."""
    template = spec.operation(candidate.name).http["requestUri"].partition("?")[0]
    return (-len(candidate.route.static_query), template.count("{"), template.count("+}"))


def _first_segment(path: str) -> str:
    return path.lstrip("/").partition("?")[0].partition("/")[0]

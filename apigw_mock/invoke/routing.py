"""Resource and method matching for a request path after the stage (spec §3).

Contract:
- `Router(resources)` is built once per deployment from plain data: `(resource_id, path, methods)` triples, `path`
  as AWS shows it (`/`, `/pets/{petId}`, `/{proxy+}`), `methods` the HTTP verbs with a method (`ANY` included).
- `router.resolve(path)` finds the resource (`ResourceMatch`) or `None`; `router.match(http_method, path)` also
  picks the method (`Match`) or returns `None`. AWS answers both failures alike (MISSING_AUTHENTICATION_TOKEN, 403,
  spec §3.1.8, §3.2); the two calls let a caller log which one it was.
- Per level, a literal `pathPart` (case-sensitive) beats the `{name}` sibling (exactly one non-empty segment),
  which beats the `{name+}` sibling (this and all remaining segments, >= 1). When a branch fails further down, the
  next candidate at the same level is tried (backtracking, [UNK] spec §16.3). `/{proxy+}` never matches `/`.
- Segments are split on `/` first, then URL-decoded (spec §3.1.6); path parameters hold decoded values and the
  greedy one the remaining path without a leading slash (`hello/world`). One trailing slash is ignored; empty
  inner segments match nothing ([UNK] §16.2).
- Method: the explicit verb, else `ANY`, else none; only `DELETE GET HEAD OPTIONS PATCH POST PUT` (no implicit
  HEAD or OPTIONS, spec §3.2). No fallback to a less specific resource that has the method ([UNK] §3.2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote

from apigw_mock.invoke.frozen import quick

HTTP_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"})
ANY = "ANY"


@dataclass(frozen=True)
class ResourceMatch:
    resource_id: str
    resource_path: str
    path_parameters: Mapping[str, str]
    methods: frozenset[str]


@quick
@dataclass(frozen=True, slots=True)
class Match:
    resource_id: str
    resource_path: str
    method_key: str
    """The method's key on the resource: the request's verb, or `ANY`."""
    path_parameters: Mapping[str, str]


@dataclass
class _Node:
    resource_id: str | None = None
    path: str = "/"
    methods: frozenset[str] = frozenset()
    literals: dict[str, _Node] = field(default_factory=dict)
    variable: tuple[str, _Node] | None = None
    greedy: tuple[str, _Node] | None = None


class Router:
    """The resource tree of one deployment, ready for matching."""

    def __init__(self, resources: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        self._root = _Node()
        for resource_id, path, methods in resources:
            node = self._node_for(path)
            node.resource_id, node.path, node.methods = resource_id, path, frozenset(methods)

    def _node_for(self, path: str) -> _Node:
        node = self._root
        for part in _template_parts(path):
            node = _child(node, part)
        return node

    def resolve(self, path: str) -> ResourceMatch | None:
        """The resource serving `path` (the request path after the stage), with its path parameters."""
        found = self._find(path)
        if found is None:
            return None
        node, parameters = found
        assert node.resource_id is not None
        return ResourceMatch(node.resource_id, node.path, parameters, node.methods)

    def match(self, http_method: str, path: str) -> Match | None:
        """The resource and method serving `http_method path`, or `None` (no resource, or no such method)."""
        found = self._find(path)
        if found is None or http_method not in HTTP_METHODS:
            return None
        node, parameters = found
        methods = node.methods
        key = http_method if http_method in methods else ANY if ANY in methods else None
        if key is None:
            return None
        assert node.resource_id is not None
        return Match(node.resource_id, node.path, key, parameters)

    def _find(self, path: str) -> tuple[_Node, dict[str, str]] | None:
        segments = _request_segments(path)
        return None if segments is None else _descend(self._root, segments, 0)


def _template_parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


def _child(node: _Node, part: str) -> _Node:
    if part.startswith("{") and part.endswith("+}"):
        node.greedy = node.greedy or (part[1:-2], _Node())
        return node.greedy[1]
    if part.startswith("{") and part.endswith("}"):
        node.variable = node.variable or (part[1:-1], _Node())
        return node.variable[1]
    return node.literals.setdefault(part, _Node())


def _request_segments(path: str) -> list[str] | None:
    raw = path.split("/")[1:] if path.startswith("/") else path.split("/")
    if raw and raw[-1] == "":
        raw.pop()  # one trailing slash (and the root's own "/")
    if "" in raw:
        return None
    return [unquote(segment) for segment in raw] if "%" in path else raw


def _descend(node: _Node, segments: list[str], index: int) -> tuple[_Node, dict[str, str]] | None:
    if index == len(segments):
        return (node, {}) if node.resource_id is not None else None
    segment = segments[index]
    literal = node.literals.get(segment)
    found = _descend(literal, segments, index + 1) if literal else None
    if found is None and node.variable:
        name, child = node.variable
        found = _descend(child, segments, index + 1)
        if found is not None:
            found = (found[0], {name: segment, **found[1]})
    if found is None and node.greedy and node.greedy[1].resource_id is not None:
        name, child = node.greedy
        found = (child, {name: "/".join(segments[index:])})
    return found

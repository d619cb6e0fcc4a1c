"""Resource and method matching (spec §3): tables and properties over plain (id, path, methods) data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apigw_mock.invoke.routing import Match, Router

RESOURCES = [
    ("root", "/", ["GET"]),
    ("pets", "/pets", ["GET", "POST"]),
    ("pet", "/pets/{petId}", ["GET", "ANY"]),
    ("mine", "/pets/mine", ["GET"]),
    ("toys", "/pets/{petId}/toys", ["GET"]),
    ("deep", "/a/b/c", ["GET"]),
    ("ad", "/{x}/d", ["GET"]),
    ("files", "/files", []),
    ("file", "/files/{path+}", ["ANY"]),
    ("proxy", "/{proxy+}", ["ANY"]),
]
ROUTER = Router(RESOURCES)


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/", ("root", "GET", {})),
        ("GET", "/pets", ("pets", "GET", {})),
        ("POST", "/pets", ("pets", "POST", {})),
        ("GET", "/pets/7", ("pet", "GET", {"petId": "7"})),
        ("DELETE", "/pets/7", ("pet", "ANY", {"petId": "7"})),  # ANY only when no explicit verb (spec §3.2)
        ("GET", "/pets/mine", ("mine", "GET", {})),  # literal beats {param} (spec §3.1.2)
        ("GET", "/pets/7/toys", ("toys", "GET", {"petId": "7"})),
        ("GET", "/pets/mine/toys", ("toys", "GET", {"petId": "mine"})),  # backtrack from the literal ([UNK] §16.3)
        ("GET", "/a/d", ("ad", "GET", {"x": "a"})),
        ("GET", "/a/b/c", ("deep", "GET", {})),
        ("PUT", "/files/x/y.txt", ("file", "ANY", {"path": "x/y.txt"})),
        ("GET", "/hello/world", ("proxy", "ANY", {"proxy": "hello/world"})),  # spec §3.1.5 (GO sample)
        ("GET", "/a/b", ("proxy", "ANY", {"proxy": "a/b"})),  # /a/b is no resource: back up to the root's greedy
        ("GET", "/pets/", ("pets", "GET", {})),  # one trailing slash ignored ([UNK] §16.2)
        ("GET", "/pets/a%20b", ("pet", "GET", {"petId": "a b"})),  # decoded (spec §3.1.6)
        ("GET", "/pets/a%2Fb", ("pet", "GET", {"petId": "a/b"})),  # split first, then decode
        ("GET", "/x/%7Bproxy%7D", ("proxy", "ANY", {"proxy": "x/{proxy}"})),
    ],
)
def test_match(method: str, path: str, expected: tuple[str, str, dict[str, str]]) -> None:
    match = ROUTER.match(method, path)
    assert match is not None
    assert (match.resource_id, match.method_key, dict(match.path_parameters)) == expected


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/pets/mine"),  # resource has GET only: no fallback to /pets/{petId}'s ANY ([UNK] §3.2)
        ("HEAD", "/pets"),  # no implicit HEAD
        ("OPTIONS", "/pets"),  # no automatic CORS preflight (spec §13)
        ("POST", "/"),  # /{proxy+} never serves the root (spec §3.1.4)
        ("PURGE", "/hello"),  # verb outside AWS's seven
        ("get", "/pets"),  # verbs are case-sensitive [INF]
        ("GET", "/files"),  # resource without methods
    ],
)
def test_no_method(method: str, path: str) -> None:
    assert ROUTER.match(method, path) is None


def test_resolve_distinguishes_a_resource_without_the_method() -> None:
    resource = ROUTER.resolve("/pets/mine")
    assert resource is not None and resource.resource_id == "mine" and resource.methods == {"GET"}
    assert ROUTER.match("POST", "/pets/mine") is None


@pytest.mark.parametrize("path", ["/pets//toys", "//", "/pets//", "/a//d"])
def test_empty_inner_segments_match_nothing(path: str) -> None:
    """[UNK] §16.2: empty inner segments do not match (not even a greedy resource)."""
    assert Router([("pet", "/pets/{id}/toys", ["GET"]), ("ad", "/{x}/d", ["GET"])]).resolve(path) is None


def test_without_greedy_resource_unknown_paths_do_not_resolve() -> None:
    router = Router([("root", "/", ["GET"]), ("pets", "/pets", ["GET"])])
    assert router.resolve("/cats") is None
    assert router.resolve("/pets/1") is None
    assert router.match("GET", "/") == Match("root", "/", "GET", {})


def test_intermediate_path_without_a_resource_is_no_match() -> None:
    router = Router([("c", "/a/b/c", ["GET"])])
    assert router.resolve("/a/b") is None
    assert router.resolve("/a/b/c") is not None


def test_case_sensitive_literals() -> None:
    router = Router([("pets", "/pets", ["GET"])])
    assert router.resolve("/Pets") is None


_SEGMENT = st.text(alphabet="abc", min_size=1, max_size=2)


@settings(max_examples=100, deadline=None)
@given(st.lists(_SEGMENT, min_size=1, max_size=4), st.integers(min_value=0, max_value=3))
def test_a_literal_path_beats_any_parameter_path(segments: list[str], variable_at: int) -> None:
    literal = "/" + "/".join(segments)
    variable_parts = list(segments)
    variable_parts[min(variable_at, len(segments) - 1)] = "{p}"
    router = Router(
        [("param", "/" + "/".join(variable_parts), ["GET"]), ("literal", literal, ["GET"]), ("all", "/{x+}", ["GET"])]
    )
    match = router.match("GET", literal)
    assert match is not None and match.resource_id == "literal" and match.path_parameters == {}


_TEMPLATE_PART = st.one_of(_SEGMENT, st.just("{v}"))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(_TEMPLATE_PART, min_size=1, max_size=3), min_size=1, max_size=6),
    st.lists(_SEGMENT, min_size=1, max_size=3),
)
def test_a_match_fills_its_template_back_into_the_request_path(templates: list[list[str]], request: list[str]) -> None:
    resources = []
    for number, parts in enumerate(templates):
        named = [f"{{v{i}}}" if part == "{v}" else part for i, part in enumerate(parts)]
        resources.append((f"r{number}", "/" + "/".join(named), ["GET"]))
    found = Router(resources).resolve("/" + "/".join(request))
    if found is None:
        return
    filled = [found.path_parameters.get(part[1:-1], part) for part in found.resource_path.strip("/").split("/")]
    assert filled == request


@settings(max_examples=100, deadline=None)
@given(st.lists(_SEGMENT, min_size=1, max_size=4))
def test_a_parameter_beats_a_greedy_sibling_for_one_segment(segments: list[str]) -> None:
    router = Router([("one", "/{v}", ["GET"]), ("rest", "/{rest+}", ["GET"])])
    match = router.match("GET", "/" + "/".join(segments))
    assert match is not None
    if len(segments) == 1:
        assert (match.resource_id, dict(match.path_parameters)) == ("one", {"v": segments[0]})
    else:
        assert (match.resource_id, dict(match.path_parameters)) == ("rest", {"rest": "/".join(segments)})

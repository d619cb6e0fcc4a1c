"""`ExecuteRequest.header`: the last value sent for a name, found case-insensitively (spec §3.3), however often and
in whatever casing it is asked (the lookup map is built once per request)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from apigw_mock.invoke.ports import ExecuteRequest

_NAMES = st.sampled_from(["Accept", "accept", "ACCEPT", "Content-Type", "content-type", "X-Tag", "User-Agent"])
_PAIRS = st.lists(st.tuples(_NAMES, st.text(max_size=4)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(_PAIRS, st.lists(_NAMES, min_size=1, max_size=6))
def test_header_is_the_last_value_of_any_casing(pairs: list[tuple[str, str]], asked: list[str]) -> None:
    request = ExecuteRequest("GET", "/", headers=tuple(pairs))
    for name in asked:
        values = [value for key, value in pairs if key.lower() == name.lower()]
        assert request.header(name) == (values[-1] if values else None)


def test_the_lookup_map_is_not_part_of_the_value() -> None:
    asked = ExecuteRequest("GET", "/", headers=(("Accept", "a"),))
    assert asked.header("accept") == "a"
    fresh = ExecuteRequest("GET", "/", headers=(("Accept", "a"),))
    assert asked == fresh and hash(asked) == hash(fresh) and "_last" not in repr(asked)

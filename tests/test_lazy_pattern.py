"""LazyPattern answers as the compiled pattern does, compiles nothing until used, and only once."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.lazy_pattern import LazyPattern

SOURCES = [
    (r"[1-5][0-9][0-9]", 0),
    (r"'.*'|context\.[^\s.][^\s]*", re.DOTALL),
    (r"arn:aws[\w-]*:apigateway:([\w-]+)::(/.+)", 0),
]


@given(st.sampled_from(SOURCES), st.text(alphabet="0123456789'\n.:/-abcontextrw ", max_size=40))
def test_fullmatch_answers_as_the_compiled_pattern(source: tuple[str, int], text: str) -> None:
    pattern, flags = source
    lazy = LazyPattern(pattern, flags)
    expected = re.compile(pattern, flags).fullmatch(text)
    for _ in range(2):  # the first call compiles, the second is the compiled method
        got = lazy.fullmatch(text)
        assert (got is None) == (expected is None)
        if got is not None and expected is not None:
            assert got.groups() == expected.groups()


def test_the_first_use_binds_the_compiled_method() -> None:
    lazy = LazyPattern(r"a+", re.IGNORECASE)
    assert "fullmatch" not in vars(lazy)
    assert lazy.fullmatch("AaA") is not None
    bound = vars(lazy)["fullmatch"]
    assert isinstance(bound.__self__, re.Pattern)
    assert bound.__self__.flags & re.IGNORECASE
    assert lazy.fullmatch("ab") is None

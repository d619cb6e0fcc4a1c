"""`domain.tags.TagIndex.find` remembers what each ARN parsed to: it answers as a fresh parse would, ARN after ARN,
for ARNs of every shape (wrong partition, region or service, kinds it knows and does not know), in any region,
and a kind registered later is found even for an ARN looked up before."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.domain.tags import Taggable, TagIndex
from apigw_mock.exceptions import BadRequestException

LABEL = st.sampled_from(["a1", "b", "x-y", "", "a/b"])
SHAPES = st.builds(
    lambda partition, region, service, kind, first, second: (
        f"arn:{partition}:{service}:{region}::{kind.format(first, second)}"
    ),
    st.sampled_from(["aws", "aws-cn", "awz"]),
    st.sampled_from(["us-east-1", "eu-west-1", ""]),
    st.sampled_from(["apigateway", "lambda"]),
    st.sampled_from(["/restapis/{}", "/restapis/{}/stages/{}", "/apikeys/{}", "/restapis/{}/other/{}", "/"]),
    LABEL,
    LABEL,
)
# Well-formed ARNs of each kind, often: the same ARN is looked up again (remembered) before and after a late kind.
COMMON = st.sampled_from(
    [f"arn:aws:apigateway:us-east-1::{path}" for path in ("/restapis/a1", "/restapis/a1/stages/dev", "/apikeys/k")]
)
ARNS = COMMON | SHAPES


def _resolver(kind: str) -> Any:
    return lambda backend, labels: Taggable(lambda: {kind: "/".join(labels)}, print)


def _index(*patterns: str) -> TagIndex:
    index = TagIndex()
    for pattern in patterns:
        index.register(pattern, _resolver(pattern))
    return index


def _answer(index: TagIndex, region: str, arn: str) -> Any:
    try:
        return index.find(SimpleNamespace(region=region), arn).read()  # type: ignore[arg-type]
    except BadRequestException as error:
        return ("refused", error.message)


@given(lookups=st.lists(st.tuples(st.sampled_from(["us-east-1", "eu-west-1"]), ARNS), max_size=12), late=st.booleans())
def test_remembered_parses_answer_as_fresh_ones(lookups: list[tuple[str, str]], late: bool) -> None:
    kinds: tuple[str, ...] = ("/restapis/{}", "/restapis/{}/stages/{}")
    remembering = _index(*kinds)
    for at, (region, arn) in enumerate(lookups):
        if late and at == len(lookups) // 2:
            remembering.register("/apikeys/{}", _resolver("/apikeys/{}"))
            kinds = (*kinds, "/apikeys/{}")
        assert _answer(remembering, region, arn) == _answer(_index(*kinds), region, arn)

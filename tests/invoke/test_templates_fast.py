"""The template fast path (plain text and plain references) renders exactly as the Velocity engine does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.invoke import templates
from apigw_mock.invoke.request import MethodRequest

PLAIN_CONTEXT = {
    "stage": "dev",
    "requestId": "r-1",
    "requestTimeEpoch": 1589522469693,
    "identity": {"sourceIp": "127.0.0.1", "user": None},
    "authorizer": {"flag": True},
    "isCanaryRequest": "false",
}
CONTEXT = templates.template_context(PLAIN_CONTEXT)
REQUEST = MethodRequest.of(path={"id": "7"}, querystring={"q": ["a", "b"]}, headers={"X-H": "h"})
BODY = '{"pets": [{"id": 1, "price": 249.99, "ok": true}, {"id": 2}], "name": "n"}'
VARIABLES = {"color": "blue"}
SIMPLE = [
    '{"statusCode": 200}',
    "{}",
    "",
    '{"stage": "$context.stage", "q": "$input.params(\'q\')", "id": "$context.requestId"}',
    "${context.stage}-x",
    "$context.requestTimeEpoch",
    "$context.identity.sourceIp $context.identity.user|$context.missing|$!context.missing",
    "$context.identity",
    "$context.authorizer.flag",
    "$stageVariables.color/$stageVariables.none",
    "$input.params('id') $input.params('X-H') $input.params(\"q\") $input.params('nope')",
    "$input.json('$.pets[0]') $input.json('$.missing') $input.json('$')",
    "$input.path('$.pets[0].price') $input.path('$.pets[0].ok') $input.path('$.name') $input.path('$.pets')",
    "$input.body",
    "pets: $input.path('$.pets[1].id'), \"quoted\"",
    "$context.stage-x",  # names may hold a hyphen, in the engine too
]
NOT_SIMPLE = [
    "#set($a = 1)$a",
    "$input.path('$.pets').size()",
    "$context.stage.",
    "$foo",
    "\\$context.stage",
    '$input.json("$.pets")',
    "$util.escapeJavaScript('x')",
]


def _engine(template: str) -> str:
    namespace, _ = templates._namespace(REQUEST, BODY, CONTEXT, VARIABLES)
    return templates._merge(templates.compile_template(template), namespace)


@pytest.mark.parametrize("template", SIMPLE)
def test_the_fast_path_renders_as_the_engine(template: str) -> None:
    assert templates._simple(template) is not None
    rendered = templates.render(template, request=REQUEST, body=BODY, context=CONTEXT, stage_variables=VARIABLES)
    assert rendered.body == _engine(template)
    plain = templates.render(template, request=REQUEST, body=BODY, context=PLAIN_CONTEXT, stage_variables=VARIABLES)
    assert plain.body == rendered.body  # the engine's caller passes $context unconverted


@pytest.mark.parametrize("template", NOT_SIMPLE)
def test_anything_else_goes_to_the_engine(template: str) -> None:
    assert templates._simple(template) is None


PIECES = st.sampled_from(
    [
        "$context.stage",
        "${context.requestId}",
        "$context.identity.sourceIp",
        "$!context.nothing",
        "$stageVariables.color",
        "$input.params('q')",
        "$input.json('$.pets[1]')",
        "$input.path('$.name')",
        '{"k": "',
        '"}',
        " ",
        ",\n",
        "text",
    ]
)


@given(st.lists(PIECES, max_size=8))
def test_any_composition_of_simple_pieces_renders_as_the_engine(pieces: list[str]) -> None:
    template = "".join(pieces)
    rendered = templates.render(template, request=REQUEST, body=BODY, context=CONTEXT, stage_variables=VARIABLES)
    assert rendered.body == _engine(template)

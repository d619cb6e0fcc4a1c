"""Mapping templates on airspeed-ext with AWS's variables (spec §9): pure tables, no boto3."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.template_variables import Util
from apigw_mock.invoke.templates import Rendered, TemplateFailure, compile_template, render

PETS = '{"pets": [{"name": "Fido", "price": 10}, {"name": "Rex", "price": 25}, {"name": "Tom", "price": 5}]}'
REQUEST = MethodRequest.of(
    path={"petId": "7", "shared": "from-path"},
    querystring={"type": ["dog", "cat"], "shared": "from-query"},
    headers={"X-Token": "tok", "shared": "from-header"},
    body=PETS,
)


def _render(template: str, **kwargs: Any) -> Rendered:
    kwargs.setdefault("request", REQUEST)
    return render(template, **kwargs)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # spec §9.2 [DOC]: `$input.path('$.pets').size()` / `.count()` -> 3
        ("$input.path('$.pets').size()", "3"),
        ("$input.path('$.pets').count()", "3"),
        ("$input.path('$.pets[0].name')", "Fido"),
        ("$input.path('$.pets[-1].name')", "Tom"),
        ("$input.path('$.pets[0]').name", "Fido"),
        ("$input.path('$.pets[*].name')", "[Fido, Rex, Tom]"),  # indefinite path: a list, Java toString
        ("$input.path('$..price').size()", "3"),
        ("$input.path('$.pets[?(@.price > 9)].name').size()", "2"),
        ("$input.path(\"$['pets'][1]['name']\")", "Rex"),
        ("$input.path('$.pets[1]')", "{name=Rex, price=25}"),  # a map renders as Java's Map.toString
        ("[$input.path('$.nope')]", "[]"),  # missing -> null -> renders empty [INF]
        ("[$!input.path('$.nope')]", "[]"),
        # `$input.json(x)` is JSON text (spec §9.2); `$input.json('$')` the whole body [DOC]
        ("$input.json('$.pets[0].name')", '"Fido"'),
        ("$input.json('$.pets[1]')", '{"name":"Rex","price":25}'),
        ("$input.json('$.pets[*].price')", "[10,25,5]"),
        ("[$input.json('$.nope')]", "[]"),  # [UNK] -> empty string
        ("$input.body", PETS),
    ],
)
def test_input_path_and_json(template: str, expected: str) -> None:
    assert _render(template).body == expected


def test_input_json_root_is_the_whole_body_as_json_text() -> None:
    assert json.loads(_render("$input.json('$')").body) == json.loads(PETS)


@pytest.mark.parametrize(
    ("body", "template", "expected"),
    [
        ("not json", "$input.json('$')", "{}"),  # [UNK] -> as if empty object
        ("not json", "[$input.path('$.a')]", "[]"),
        ("", "$input.json('$')", "{}"),
        ("not json", "$input.body", "not json"),
        ('"just a string"', "$input.path('$').length()", "13"),
        ("[1, 2]", "$input.path('$').size()", "2"),
    ],
)
def test_input_on_bodies_that_are_not_objects(body: str, template: str, expected: str) -> None:
    assert render(template, request=MethodRequest.of(body=body)).body == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("$input.params('petId')", "7"),
        ("$input.params('type')", "cat"),  # last value of a repeated key [INF] §3.3
        ("$input.params('X-Token')", "tok"),
        ("$input.params('x-token')", "tok"),  # headers case-insensitively [UNK] §3.3
        ("$input.params('shared')", "from-path"),  # path, then query string, then header (spec §9.2)
        ("[$input.params('absent')]", "[]"),
        ("$input.params().path.petId", "7"),
        ("$input.params().querystring.get('type')", "cat"),
        ("$input.params().header.get('X-Token')", "tok"),
        ("$input.params().keySet()", "[path, querystring, header]"),
        ("$input.params().path", "{petId=7, shared=from-path}"),
    ],
)
def test_input_params(template: str, expected: str) -> None:
    assert _render(template).body == expected


def test_input_params_prefers_query_over_header() -> None:
    request = MethodRequest.of(querystring={"k": "q"}, headers={"k": "h"})
    assert render("$input.params('k')", request=request).body == "q"


def test_the_documented_passthrough_template_renders_valid_json() -> None:
    """AWS's "Method Request passthrough" general template (DG:api-gateway-mapping-template-reference)."""
    template = """#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "http-method" : "$context.httpMethod",
    "source-ip" : "$context.identity.sourceIp",
    "stage" : "$context.stage"
}
}"""
    rendered = _render(
        template,
        context={"httpMethod": "GET", "stage": "prod", "identity": {"sourceIp": "192.0.2.1"}},
        stage_variables={"alias": "live"},
    )
    assert json.loads(rendered.body) == {
        "body-json": json.loads(PETS),
        "params": {
            "path": {"petId": "7", "shared": "from-path"},
            "querystring": {"type": "cat", "shared": "from-query"},
            "header": {"X-Token": "tok", "shared": "from-header"},
        },
        "stage-variables": {"alias": "live"},
        "context": {"http-method": "GET", "source-ip": "192.0.2.1", "stage": "prod"},
    }


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # escapeJavaScript: `"` `\` `'` and control characters (spec §9.3); `/` and non-ASCII as Commons Lang [INF]
        ("$util.escapeJavaScript($context.s)", 'it\\\'s \\"q\\" \\\\ \\/ \\n\\t \\u00E9'),
        # the doc's recommendation for embedding in JSON: `.replaceAll("\\'","'")`
        ('$util.escapeJavaScript($context.s).replaceAll("\\\\\'","\'")', 'it\'s \\"q\\" \\\\ \\/ \\n\\t \\u00E9'),
        ("$util.urlEncode($context.url)", "a+b%26c%3D%7E*._-%C3%A9"),
        ("$util.urlDecode('a+b%26c')", "a b&c"),
        ("$util.base64Encode('hello é')", "aGVsbG8gw6k="),
        ("$util.base64Decode('aGVsbG8gw6k=')", "hello é"),
        ("#set($o = $util.parseJson('{\"a\": [1, true, null]}'))$o.a.size() $o.a", "3 [1, true, null]"),
        ("[$util.toJson('x')]", "[]"),  # undocumented $util functions do not exist (spec §9.3)
        ("[$util.escapeJavaScript($context.nope)]", "[]"),  # null in, null out (Commons Lang)
    ],
)
def test_util(template: str, expected: str) -> None:
    context = {"s": 'it\'s "q" \\ / \n\t é', "url": "a b&c=~*._-é"}
    assert _render(template, context=context).body == expected


def test_escape_javascript_escapes_astral_characters_as_surrogate_pairs() -> None:
    assert _render("$util.escapeJavaScript($context.s)", context={"s": "😀"}).body == "\\uD83D\\uDE00"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("$c.s.length()", "5"),
        ("$c.s.size()", ""),  # a String has no size(): unresolved -> empty (airspeed-ext / AWS parity)
        ("$c.s.toLowerCase() $c.s.toUpperCase()", "hello HELLO"),
        ("$c.s.substring(1, 3) $c.s.substring(2)", "el llo"),
        ("$c.s.contains('ell') $c.s.contains('x')", "true false"),
        ("$c.s.equals('Hello') $c.s.equals('hello')", "true false"),
        ("$c.s.equalsIgnoreCase('hello')", "true"),
        ("$c.s.replaceAll('l+', 'L')", "HeLo"),
        ("$c.s.replaceAll('(l+)(o)', '$2$1')", "Heoll"),
        ("$c.s.replaceFirst('l', '_')", "He_lo"),
        ("$c.s.startsWith('He') $c.s.endsWith('lo')", "true true"),
        ("$c.s.indexOf('l') $c.s.indexOf('z')", "2 -1"),
        ("$c.s.matches('H.*o') $c.s.matches('ell')", "true false"),  # Java matches() is a full match
        ("$c.csv.split(',').size() $c.csv.split(',')", "3 [a, b, c]"),
        ("[$c.pad.trim()]", "[x]"),
        ("$c.s.charAt(1)", "e"),
        ("$c.list.size() $c.list.isEmpty() $c.list.get(1) $c.list.contains(2)", "3 false 2 true"),
        ("$c.map.size() $c.map.isEmpty() $c.map.containsKey('a')", "2 false true"),
        ("$c.map.keySet() $c.map.get('b')", "[a, b] x"),
        ("#foreach($e in $c.map.entrySet())$e.key=$e.value;#end", "a=1;b=x;"),
        ("$c.map", "{a=1, b=x}"),
        ("$c.flag $c.none", "true "),
    ],
)
def test_java_methods(template: str, expected: str) -> None:
    context = {
        "s": "Hello",
        "csv": "a,b,c,,",
        "pad": "  x \t",
        "list": [1, 2, 3],
        "map": {"a": 1, "b": "x"},
        "flag": True,
        "none": None,
    }
    assert _render("#set($c = $context)" + template, context=context).body == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("#set($a = 3)#if($a > 2)big#{else}small#end", "big"),
        ("#foreach($x in [1, 2, 3])$x#if($foreach.hasNext),#end#end", "1,2,3"),
        ("#foreach($x in ['a', 'b'])$foreach.count:$foreach.index #end", "1:0 2:1 "),
        ("a## line comment\nb#* block *#c", "abc"),  # `##` eats its newline, as Velocity's does
        ("[$!nothing][${nothing}]", "[][]"),
        ("$stageVariables.v ${stageVariables['v']} $stageVariables['v']", "sv sv sv"),  # spec §9.6
        ("$context.identity.sourceIp $context.stage", "192.0.2.1 prod"),
        ("$context.authorizer.claims.email", "me@example.com"),
        ("#set($m = {})#set($m.k = 'v')$m.k", "v"),
    ],
)
def test_directives_and_references(template: str, expected: str) -> None:
    claims = {"claims": {"email": "me@example.com"}}
    context = {"stage": "prod", "identity": {"sourceIp": "192.0.2.1"}, "authorizer": claims}
    assert _render(template, context=context, stage_variables={"v": "sv"}).body == expected


def test_unresolved_reference_renders_empty_and_null_condition_is_true() -> None:
    """[UNK] spec §9.1 infers stock Velocity; airspeed-ext reproduces recorded API Gateway output instead."""
    assert _render("Hello $name").body == "Hello "
    assert _render("#if($missing)yes#{else}no#end").body == "yes"


def test_mock_integration_template_from_the_docs() -> None:
    """DG:how-to-mock-integration: the request template `{"statusCode": 200}` renders as written (spec §8.1)."""
    assert json.loads(_render('{"statusCode": 200}').body) == {"statusCode": 200}


def test_response_side_input_reads_the_given_body_but_params_of_the_method_request() -> None:
    rendered = _render("$input.path('$.ok') $input.params('petId')", body='{"ok": "yes"}')
    assert rendered.body == "yes 7"


def test_overrides_are_returned() -> None:
    """spec §9.5 [DOC]: request and response overrides set by templates; list header -> comma-joined."""
    template = (
        "#set($context.requestOverride.header.X-Trace = 'abc')"
        "#set($context.requestOverride.querystring.page = 2)"
        "#set($context.requestOverride.path.id = $input.params('petId'))"
        "#set($context.requestOverride.header.multivalueheader = ['foo', 'bar'])"
        "#set($context.responseOverride.status = 400)"
        "#set($context.responseOverride.header.Content-Type = 'application/xml')"
        "done"
    )
    rendered = _render(template)
    assert rendered.body == "done"
    assert rendered.request_override.header == {"X-Trace": "abc", "multivalueheader": "foo,bar"}
    assert rendered.request_override.querystring == {"page": "2"}
    assert rendered.request_override.path == {"id": "7"}
    assert rendered.response_override.status == 400
    assert rendered.response_override.header == {"Content-Type": "application/xml"}


def test_no_override_means_empty_maps_and_no_status() -> None:
    rendered = _render("x")
    assert rendered.request_override.header == {} and rendered.response_override.status is None


@pytest.mark.parametrize(
    "template",
    [
        "#set($context.responseOverride.status = 400)#set($context.responseOverride.status = 401)",
        "#set($context.requestOverride.header.X = 'a')#set($context.requestOverride.header.X = 'b')",
    ],
)
def test_setting_an_override_twice_fails(template: str) -> None:
    """spec §9.5 [DOC]: setting the same override twice -> 5XX."""
    with pytest.raises(TemplateFailure) as caught:
        _render(template)
    assert caught.value.status == 500 and caught.value.response_type == "API_CONFIGURATION_ERROR"


@pytest.mark.parametrize(
    "template",
    [
        "#if($a == 1)unclosed",
        "$util.parseJson('{not json')",
        "$input.path('$.[[[')",
        "#set($context.responseOverride.status = 'abc')",
        "$context.s.substring(9)",
        "$util.base64Encode($context.nope)",  # Java throws on a null argument [INF]
    ],
)
def test_failures_are_api_configuration_errors(template: str) -> None:
    with pytest.raises(TemplateFailure) as caught:
        _render(template, context={"s": "abc"})
    assert caught.value.message == "Internal server error"
    assert caught.value.log and caught.value.log.startswith("Execution failed due to configuration error:")


def test_context_passed_in_is_not_mutated() -> None:
    context: dict[str, Any] = {"m": {"a": 1}}
    _render("#set($context.m.b = 2)#set($context.requestOverride.header.X = 'v')", context=context)
    assert context == {"m": {"a": 1}}


def test_templates_compile_once_and_render_many_times() -> None:
    text = "$input.path('$.n')"
    assert compile_template(text) is compile_template(text)
    bodies = [render(text, request=MethodRequest.of(body=json.dumps({"n": n}))).body for n in range(3)]
    assert bodies == ["0", "1", "2"]


_TEXT = st.text(max_size=20)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_escape_javascript_then_the_documented_replace_is_a_json_string(text: str) -> None:
    """spec §9.3: after `.replaceAll("\\\\'","'")` the escaped text embeds in JSON and reads back unchanged."""
    util = Util()
    escaped = util.escapeJavaScript(text)
    assert escaped is not None and escaped.isascii()
    assert json.loads('"' + escaped.replaceAll("\\\\'", "'") + '"') == text


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_url_and_base64_round_trips(text: str) -> None:
    util = Util()
    assert util.urlDecode(util.urlEncode(text)) == text
    assert set(util.urlEncode(text)) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-*_+%")
    assert util.base64Decode(util.base64Encode(text)) == text

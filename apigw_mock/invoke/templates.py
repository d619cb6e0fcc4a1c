"""Mapping templates: Velocity (VTL) with AWS's `$input`, `$util`, `$context` and `$stageVariables` (spec §9).

Contract:
- `render(template, request=..., body=..., context=..., stage_variables=...)` evaluates one request or response
  template and returns `Rendered(body, request_override, response_override)`. `body` is what `$input` reads (the
  method request body on the request side, the integration response body on the response side; `$input.params()`
  always reads the method request). Nothing passed in is mutated.
- `$context` is the caller's map (spec §9.4), converted to Java-ish values (`template_context(map)` converts it
  once for several templates of one request); `requestOverride.{header,path,
  querystring}` and `responseOverride.{header,status}` are fresh, writable maps (§9.5). Their values are returned
  after the whole template ran; setting the same override twice fails the template ([DOC] "5XX"); a list header
  value is comma-joined ([DOC] example log).
- Any failure (syntax, evaluation, bad JSON for `$util.parseJson`, bad JSONPath, bad override) raises
  `TemplateFailure`, an `ApiConfigurationError` (500, [INF] §9.1).
- Templates are parsed once per text (`compile_template`, LRU-cached); a compiled template is reusable across
  requests because evaluation state lives in the namespace, never in the template.

Engine: `airspeed-ext` 0.6.9 (LocalStack's fork of airspeed, module `airspeed`), imported on first use. Chosen over
`airspeed` 0.7.1 after running the spec §9 cases through both: only the fork renders as AWS does where the two
differ: booleans `true`/`false` (0.7.1: `True`), `null` values as empty text, unresolved references (`$foo`,
`${foo}`) as empty text, `#{else}`/`#{end}`, and Java methods (`length`, `replaceAll`, `contains`, `substring`,
`matches`, list `size`/`isEmpty`, map `put`/`keySet`). The fork's test snapshots record real API Gateway output for
these, including two quirks it reproduces that stock Velocity does not: an unresolved reference renders as `""`
(spec §9.1 infers "renders literally" from stock Velocity: [UNK], the recorded behaviour is kept), and a null
condition (`#if($missing)`) is *true*. Both packages install the module `airspeed`; only the fork is a dependency.
Neither supports `#break` or the 1000-iteration `#foreach` limit (not enforced here).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from apigw_mock.invoke.errors import ApiConfigurationError
from apigw_mock.invoke.frozen import quick
from apigw_mock.invoke.java_values import JavaMap, java_str, to_vtl
from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.template_variables import Input, Util, param

if TYPE_CHECKING:
    from airspeed import Template


class TemplateFailure(ApiConfigurationError):
    """A mapping template could not be evaluated; the reason is in `log`."""

    def __init__(self, reason: str) -> None:
        super().__init__(log=f"Execution failed due to configuration error: {reason}")


@dataclass(frozen=True)
class RequestOverride:
    """`$context.requestOverride.*` as set by a request template (spec §9.5)."""

    header: dict[str, str] = field(default_factory=dict)
    path: dict[str, str] = field(default_factory=dict)
    querystring: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ResponseOverride:
    """`$context.responseOverride.*` as set by a response template (spec §9.5)."""

    header: dict[str, str] = field(default_factory=dict)
    status: int | None = None


NO_REQUEST_OVERRIDE: Final = RequestOverride()
NO_RESPONSE_OVERRIDE: Final = ResponseOverride()
"""What a template that sets no override returns (shared: a rendered override is only read, never written)."""


@quick
@dataclass(frozen=True, slots=True)
class Rendered:
    body: str
    request_override: RequestOverride = NO_REQUEST_OVERRIDE
    response_override: ResponseOverride = NO_RESPONSE_OVERRIDE


class _OverrideMap(JavaMap):
    """A map each key of which a template may set once: a second `#set` of one override is an error."""

    def __setitem__(self, key: Any, value: Any) -> None:
        if key in self:
            raise TemplateFailure(f"override {key} set more than once")
        super().__setitem__(key, value)


@lru_cache(maxsize=512)
def compile_template(text: str) -> Template:
    """Parse `text` once (cached by text); raises `TemplateFailure` on a syntax error."""
    import airspeed

    template = airspeed.Template(text)
    try:
        template.ensure_compiled()
    except airspeed.TemplateError as error:
        raise TemplateFailure(f"invalid mapping template: {error}") from error
    return template


def template_context(context: Mapping[str, Any]) -> JavaMap:
    """`$context` converted once, for every template of one request."""
    converted: JavaMap = to_vtl(dict(context))
    return converted


def render(
    template: str,
    *,
    request: MethodRequest | None = None,
    body: str | None = None,
    context: Mapping[str, Any] | None = None,
    stage_variables: Mapping[str, str] | None = None,
) -> Rendered:
    """Evaluate `template` with AWS's variables; see the module contract."""
    request = request or MethodRequest()
    text = request.body if body is None else body
    simple = _simple(template)
    if simple is not None:
        return Rendered(_render_simple(simple, request, text, context, stage_variables))
    namespace, overrides = _namespace(request, text, context, stage_variables)
    output = _merge(compile_template(template), namespace)
    return Rendered(output, _request_override(overrides["requestOverride"]), _response_override(overrides))


# ---- the fast path: templates that are only text and plain references ----------------------------------------
# Most templates (`{"statusCode": 200}`, `{}`, `{"id": "$input.params('id')", "stage": "$context.stage"}`) have
# no directive and only references the engine would resolve by plain lookups. They are rendered here, with the
# engine's rules (null and unresolved -> "", booleans `true`/`false`, other values by their `toString`), without
# its recursive evaluator (a fraction of the cost, and a shallow stack). Anything else - a `#`, a backslash, a
# method chain, an unknown root, a double-quoted argument holding `$` - goes to the engine.
# tests/invoke/test_templates_fast.py checks that both paths render alike.
_NAME = r"[A-Za-z0-9_-]+"
_ARGUMENT = r"""(?:'[^']*'|"[^"$]*")"""
_BODY = rf"context(?:\.{_NAME})+|stageVariables\.{_NAME}|input\.(?:params|json|path)\({_ARGUMENT}\)|input\.body"
_SIMPLE_REFERENCE = re.compile(rf"\$!?(?:\{{(?P<formal>{_BODY})\}}|(?P<plain>{_BODY})(?![A-Za-z0-9_\-.\[(]))")
_SPECIAL = re.compile(r"[$#\\]")
Reference = tuple[str, ...]
Simple = tuple[tuple[str, ...], tuple[tuple[int, Reference], ...]]
"""A template on the fast path: its pieces (literal text, `""` where a reference goes) and, for each reference, its
piece's index and its path (`("context", "stage")`, `("input", "params", "q")`, `("input", "body")`)."""


@lru_cache(maxsize=512)
def _simple(text: str) -> Simple | None:
    """The template as literal text and references, or None when the engine must render it."""
    pieces: list[str] = []
    references: list[tuple[int, Reference]] = []
    position = 0
    for found in _SIMPLE_REFERENCE.finditer(text):
        literal = text[position : found.start()]
        if _SPECIAL.search(literal):
            return None
        if literal:
            pieces.append(literal)
        references.append((len(pieces), _reference(found.group("formal") or found.group("plain"))))
        pieces.append("")
        position = found.end()
    rest = text[position:]
    if _SPECIAL.search(rest):
        return None
    if rest:
        pieces.append(rest)
    return tuple(pieces), tuple(references)


def _reference(body: str) -> Reference:
    if body.startswith("input."):
        name, _, argument = body.removeprefix("input.").partition("(")
        return ("input", name, argument[1:-2]) if argument else ("input", name)
    return tuple(body.split("."))


def _render_simple(
    simple: Simple,
    request: MethodRequest,
    body: str,
    context: Mapping[str, Any] | None,
    stage_variables: Mapping[str, str] | None,
) -> str:
    pieces, references = simple
    if not references:
        return "".join(pieces)
    out = list(pieces)  # the literal text in place: only the references' pieces are filled in
    source: Input | None = None
    value: Any
    for index, part in references:
        root = part[0]
        if root == "input":
            if part[1] == "params" and len(part) == 3:
                out[index] = param(request, part[2])  # the usual reference, read without an `$input` object
                continue
            source = source or Input(body, request)
            try:
                value = getattr(source, part[1]) if len(part) == 2 else getattr(source, part[1])(part[2])
            except Exception as error:
                raise TemplateFailure(f"mapping template failed: {error}") from error
        else:
            value = (context if root == "context" else stage_variables) or {}
            for name in part[1:]:
                # dict first: the usual map, found without the (slow) ABC check that any other Mapping needs
                value = value.get(name) if isinstance(value, (dict, Mapping)) else None
        out[index] = "" if value is None else value if isinstance(value, str) else _text(to_vtl(value))
    return "".join(out)


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _namespace(
    request: MethodRequest, body: str, context: Mapping[str, Any] | None, stage_variables: Mapping[str, str] | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    # a context already converted (`template_context`, once per request) is only copied: overrides go in the copy
    vtl_context = JavaMap(context) if isinstance(context, JavaMap) else to_vtl(dict(context or {}))
    overrides = {
        "requestOverride": _OverrideMap(header=_OverrideMap(), path=_OverrideMap(), querystring=_OverrideMap()),
        "responseOverride": _OverrideMap(header=_OverrideMap()),
    }
    vtl_context.update(overrides)
    namespace = {
        "input": Input(body, request),
        "util": Util(),
        "context": vtl_context,
        "stageVariables": to_vtl(dict(stage_variables or {})),
    }
    return namespace, overrides


def _merge(template: Template, namespace: dict[str, Any]) -> str:
    import airspeed

    try:
        return str(template.merge(namespace))
    except TemplateFailure:
        raise
    except airspeed.TemplateExecutionError as error:
        if isinstance(error.__cause__, TemplateFailure):
            raise error.__cause__ from error
        raise TemplateFailure(f"mapping template failed: {error.__cause__ or error}") from error
    except Exception as error:  # the engine lets some evaluation errors through unwrapped
        raise TemplateFailure(f"mapping template failed: {error}") from error


def _override_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ",".join(java_str(item) for item in value)
    return java_str(value)


def _request_override(override: Mapping[str, Any]) -> RequestOverride:
    if not any(override.values()):
        return NO_REQUEST_OVERRIDE  # the usual case, answered without building three dicts

    def section(name: str) -> dict[str, str]:
        return {str(key): _override_value(value) for key, value in dict(override.get(name) or {}).items()}

    return RequestOverride(section("header"), section("path"), section("querystring"))


def _response_override(overrides: Mapping[str, Any]) -> ResponseOverride:
    override = overrides["responseOverride"]
    if override.get("status") is None and not override.get("header"):
        return NO_RESPONSE_OVERRIDE  # the usual case
    headers = {str(key): _override_value(value) for key, value in dict(override.get("header") or {}).items()}
    status = override.get("status")
    if status is None:
        return ResponseOverride(headers)
    try:
        return ResponseOverride(headers, int(str(status)))
    except ValueError as error:
        raise TemplateFailure(f"invalid responseOverride.status {status}") from error

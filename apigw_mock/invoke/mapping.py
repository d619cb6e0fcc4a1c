"""Parameter mapping expressions: `requestParameters` / `responseParameters` evaluated at runtime (spec §8.7, §10.2,
§12.2.5).

Contract:
- `evaluate(expression, sources)` gives a source's value: a `str`, a `list[str]` (the `multivalue*` sources), or
  `None` when the source is absent at runtime (the target is then omitted, [INF]). Sources:
  `'literal'`; `method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.NAME` (headers
  case-insensitively, [UNK] §3.3); `method.request.body[.JSONPath]`; `stageVariables.NAME`; `context.A.B` (a
  `$context` value; booleans as `true`/`false`, maps are null as `$context.authorizer.claims` is);
  `integration.response.{header|multivalueheader}.NAME`; `integration.response.body[.JSONPath]`.
- A body JSONPath (written without `$.`) reads the body as JSON; a non-string result is its compact JSON text
  ([DOC] handle-errors example); JSON `null`, a missing path or a non-JSON body give `None`. When a path does not
  resolve and a value on the way is a string holding JSON (a Lambda `errorMessage` with a stringified object), the
  rest of the path is read inside it ([DOC] `integration.response.body.errorMessage.x`).
- An expression of no known form raises `MappingFailure` (an `ApiConfigurationError`, 500).
- Destinations: `integration_request(...)` -> `IntegrationRequestParameters` (path, repeated querystring and header
  values), then `requestOverride` values replace mapped ones (§9.5); `method_response_headers(...)` and
  `gateway_response_headers(...)` -> `{header: value}` (list values comma-joined, [INF]), response overrides last;
  gateway responses skip a source they cannot evaluate instead of failing the error reply [INF].
- `integration_uri(uri, path, stage_variables)` fills `${stageVariables.x}` (unknown -> `""`, [UNK] §8.7) and
  `{name}` from the mapped path parameters (re-encoded for a URL path, spec §3.1.6).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from apigw_mock.invoke import jsonpath
from apigw_mock.invoke.errors import ApiConfigurationError
from apigw_mock.invoke.frozen import quick
from apigw_mock.invoke.request import MethodRequest, Multi
from apigw_mock.invoke.templates import RequestOverride, ResponseOverride

Value = str | list[str] | None
_STAGE_VARIABLE = re.compile(r"\$\{stageVariables\.([A-Za-z0-9_]+)\}")
_URI_PARAMETER = re.compile(r"\{([A-Za-z0-9._-]+)\}")


class MappingFailure(ApiConfigurationError):
    def __init__(self, expression: str) -> None:
        super().__init__(log=f"Execution failed due to configuration error: Invalid mapping expression: {expression}")


@dataclass(frozen=True)
class IntegrationResponse:
    """What an integration answered, as `integration.response.*` reads it."""

    headers: Multi = field(default_factory=dict)
    """Name -> values (a single `str` is accepted for one value)."""
    body: str = ""

    def header_values(self, name: str) -> list[str] | None:
        return MethodRequest(headers=self.headers).header_values(name)


@dataclass(frozen=True)
class Sources:
    request: MethodRequest = field(default_factory=MethodRequest)
    stage_variables: Mapping[str, str] = field(default_factory=dict)
    context: Mapping[str, Any] = field(default_factory=dict)
    integration_response: IntegrationResponse | None = None


@quick
@dataclass(frozen=True, slots=True)
class IntegrationRequestParameters:
    path: dict[str, str] = field(default_factory=dict)
    querystring: dict[str, list[str]] = field(default_factory=dict)
    header: dict[str, list[str]] = field(default_factory=dict)


def evaluate(expression: str, sources: Sources) -> Value:
    """The runtime value of one mapping expression (see the module contract)."""
    if len(expression) >= 2 and expression.startswith("'") and expression.endswith("'"):
        return expression[1:-1]
    head, _, rest = expression.partition(".")
    if head == "stageVariables" and rest:
        return sources.stage_variables.get(rest)
    if head == "context" and rest:
        return _context_value(sources.context, rest)
    if expression.startswith("method.request."):
        return _method_request(expression, expression.removeprefix("method.request."), sources.request)
    if expression.startswith("integration.response.") and sources.integration_response is not None:
        return _integration_response(expression, expression.removeprefix("integration.response."), sources)
    raise MappingFailure(expression)


def _method_request(expression: str, source: str, request: MethodRequest) -> Value:
    kind, _, name = source.partition(".")
    if kind == "body":
        return _body_value(request.body, name)
    if not name:
        raise MappingFailure(expression)
    if kind == "path":
        return request.path.get(name)
    if kind == "querystring":
        return request.query(name)
    if kind == "header":
        return request.header(name)
    if kind == "multivaluequerystring":
        return request.query_values(name)
    if kind == "multivalueheader":
        return request.header_values(name)
    raise MappingFailure(expression)


def _integration_response(expression: str, source: str, sources: Sources) -> Value:
    response = sources.integration_response
    assert response is not None
    kind, _, name = source.partition(".")
    if kind == "body":
        return _body_value(response.body, name)
    values = response.header_values(name) if name and kind in ("header", "multivalueheader") else None
    if kind == "header":
        return values[-1] if values else None
    if kind == "multivalueheader":
        return values
    raise MappingFailure(expression)


def _body_value(body: str, path: str) -> str | None:
    if not path:
        return body
    try:
        document = json.loads(body)
    except ValueError:
        return None
    return _json_text(_read(document, path))


def _read(document: Any, path: str) -> Any:
    found = jsonpath.query(document, path)
    if found is not jsonpath.MISSING or "." not in path:
        return found
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        inner = jsonpath.query(document, ".".join(parts[:cut]))
        if isinstance(inner, str):
            try:
                return _read(json.loads(inner), ".".join(parts[cut:]))
            except ValueError:
                return jsonpath.MISSING
    return jsonpath.MISSING


def _json_text(value: Any) -> str | None:
    if value is jsonpath.MISSING or value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _context_value(context: Mapping[str, Any], dotted: str) -> str | None:
    value: Any = context
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    if value is None or isinstance(value, Mapping | list):
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _targets(
    parameters: Mapping[str, str], prefix: str, sources: Sources, *, lenient: bool = False
) -> dict[str, Value]:
    """`{name: value}` for every `prefix + name` destination whose source has a value (`lenient`: bad ones skipped)."""
    found: dict[str, Value] = {}
    for destination, expression in parameters.items():
        if destination.startswith(prefix):
            try:
                value = evaluate(expression, sources)
            except MappingFailure:
                if not lenient:
                    raise
                value = None
            if value is not None:
                found[destination.removeprefix(prefix)] = value
    return found


def _as_list(value: Value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _joined(value: Value) -> str:
    return value if isinstance(value, str) else ",".join(value or [])


def integration_request(
    request_parameters: Mapping[str, str], sources: Sources, override: RequestOverride | None = None
) -> IntegrationRequestParameters:
    """`integration.request.{path|querystring|header}.NAME` targets, then the request template's overrides."""
    override = override or RequestOverride()
    path = {
        name: _joined(value)
        for name, value in _targets(request_parameters, "integration.request.path.", sources).items()
    }
    query = {
        name: _as_list(value)
        for name, value in _targets(request_parameters, "integration.request.querystring.", sources).items()
    }
    header = {
        name: _as_list(value)
        for name, value in _targets(request_parameters, "integration.request.header.", sources).items()
    }
    path.update(override.path)
    query.update({name: [value] for name, value in override.querystring.items()})
    header.update({name: [value] for name, value in override.header.items()})
    return IntegrationRequestParameters(path, query, header)


def method_response_headers(
    response_parameters: Mapping[str, str], sources: Sources, override: ResponseOverride | None = None
) -> dict[str, str]:
    """`method.response.header.NAME` targets of the selected integration response, then the template's overrides."""
    headers = {
        name: _joined(value)
        for name, value in _targets(response_parameters, "method.response.header.", sources).items()
    }
    headers.update((override or ResponseOverride()).header)
    return headers


def gateway_response_headers(response_parameters: Mapping[str, str], sources: Sources) -> dict[str, str]:
    """`gatewayresponse.header.NAME` targets of a gateway response (spec §12.2.5); an error reply never fails
    itself, so a source it cannot evaluate is left out [INF] (the control plane vets these expressions)."""
    return {
        name: _joined(value)
        for name, value in _targets(response_parameters, "gatewayresponse.header.", sources, lenient=True).items()
    }


def integration_uri(uri: str, path: Mapping[str, str], stage_variables: Mapping[str, str]) -> str:
    """The integration URI with stage variables and `{name}` path parameters filled in."""
    if "{" not in uri:
        return uri  # nothing to fill (the usual Lambda URI): both patterns need a brace
    from urllib.parse import quote

    with_variables = _STAGE_VARIABLE.sub(lambda match: stage_variables.get(match.group(1), ""), uri)
    return _URI_PARAMETER.sub(
        lambda match: quote(path[match.group(1)], safe="/") if match.group(1) in path else match.group(0),
        with_variables,
    )

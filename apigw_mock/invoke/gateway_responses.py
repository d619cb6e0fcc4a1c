"""Gateway responses at runtime: turning a `GatewayError` into the reply the client sees (spec §12).

Contract:
- `render(error, definition, accept=..., sources=...)` -> `GatewayReply(status, headers, body)`. `definition` is
  the API's *effective* gateway response for `error.response_type` as plain data (`statusCode`,
  `responseParameters`, `responseTemplates`; resolved by the caller from the deployment: customised ->
  DEFAULT_4XX/5XX -> built-in, spec §12.2.1), or `None` for the built-in one.
- Status: the error's forced status (Lambda proxy 502, [UNK] §16.5), else the definition's `statusCode`, else
  the error's built-in status.
- Body: the template for the first `Accept` type, else `application/json`, else the first template [INF];
  without templates the default `{"message":$context.error.messageString}` -> `{"message":"..."}` (no spaces;
  `{"message":null}` for a null message). Gateway response templates are **not** VTL ([DOC] §12.2.4): only
  `$context.X`, `$stageVariables.X` and `$method.request.{path|querystring|header}.X` ([INF]) references are
  substituted (also as `${...}`, `$!...`); an unknown one renders empty ([UNK], as the VTL engine does);
  `$context.error.message`, `.messageString`, `.responseType`, `.validationErrorString` come from the error.
- Headers: `Content-Type` (the template's key, [INF]), `x-amzn-ErrorType` (§12.3), `x-amzn-RequestId` /
  `x-amz-apigw-id` from `$context.requestId` / `extendedRequestId` when known, then the definition's
  `gatewayresponse.header.X` mappings (`'literal'`, `method.request.*`, `stageVariables.*`, `context.*`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from apigw_mock.invoke import content, mapping
from apigw_mock.invoke.errors import BadRequestBody, GatewayError

DEFAULT_TEMPLATES = {"application/json": '{"message":$context.error.messageString}'}
_REFERENCE = re.compile(
    r"\$!?(?:\{(?P<braced>(?:context|stageVariables|method\.request)(?:\.[\w-]+)+)\}"
    r"|(?P<bare>(?:context|stageVariables|method\.request)(?:\.[\w-]+)+))"
)


@dataclass(frozen=True)
class GatewayReply:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


def render(
    error: GatewayError,
    definition: Mapping[str, Any] | None = None,
    *,
    accept: str | None = None,
    sources: mapping.Sources | None = None,
) -> GatewayReply:
    """The reply for `error` under the effective gateway response `definition` (see the module contract)."""
    definition = definition or {}
    sources = _with_error(sources or mapping.Sources(), error)
    key, template = _template(definition.get("responseTemplates") or DEFAULT_TEMPLATES, accept)
    headers = {"Content-Type": key, "x-amzn-ErrorType": error.error_type, **_request_ids(sources.context)}
    headers.update(mapping.gateway_response_headers(definition.get("responseParameters") or {}, sources))
    return GatewayReply(_status(error, definition.get("statusCode")), headers, substitute(template, sources))


def _status(error: GatewayError, status_code: str | int | None) -> int:
    if error.forced_status is not None:
        return error.forced_status
    return int(status_code) if status_code is not None else error.status


def _template(templates: Mapping[str, str | None], accept: str | None) -> tuple[str, str]:
    wanted = content.first_accept(accept)
    for key in (wanted, content.DEFAULT_MEDIA_TYPE):
        for name, template in templates.items():
            if name.lower() == key:
                return name, template or ""
    name, template = next(iter(templates.items()))
    return name, template or ""


def _with_error(sources: mapping.Sources, error: GatewayError) -> mapping.Sources:
    details = {
        "message": error.message,
        "messageString": error.message_string,
        "responseType": error.response_type,
        "validationErrorString": error.validation_error_string if isinstance(error, BadRequestBody) else None,
    }
    return replace(sources, context={**sources.context, "error": details})


def _request_ids(context: Mapping[str, Any]) -> dict[str, str]:
    ids = {"x-amzn-RequestId": context.get("requestId"), "x-amz-apigw-id": context.get("extendedRequestId")}
    return {name: str(value) for name, value in ids.items() if value is not None}


def substitute(template: str, sources: mapping.Sources) -> str:
    """Gateway-response template substitution: references replaced by their values, everything else as written."""

    def value(match: re.Match[str]) -> str:
        reference = match.group("braced") or match.group("bare")
        try:
            found = mapping.evaluate(reference, sources)
        except mapping.MappingFailure:
            found = None
        return found if isinstance(found, str) else ",".join(found or [])

    return _REFERENCE.sub(value, template)

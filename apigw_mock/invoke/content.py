"""Content negotiation: which mapping template applies, passthrough, and binary payload handling (spec §8.6, §11).

Contract:
- `media_type(content_type)`: the MIME part, lower-cased (`application/json; charset=UTF-8` -> `application/json`);
  absent -> `application/json`. `first_accept(accept)`: the first media type of `Accept` (AWS honours only the
  first, spec §3.3), absent -> `application/json`.
- `request_template(templates, content_type, passthrough_behavior)` -> `TemplateChoice` (a template, or
  passthrough) by the §8.6 decision table; refusal raises `errors.UnsupportedMediaType` (415). A template whose
  value is `None`/`""` exists and renders an empty body ([UNK]).
- `response_template(templates, accept)`: the template for the first Accept type, else the first template, else
  passthrough (§8.6 response side). `response_content_type(choice, integration_type)`: the template key used, else
  the integration's content type, else `application/json` (§10.3).
- `is_binary(media, binary_media_types)`: `binaryMediaTypes` match, with `type/*` and `*/*` wildcards,
  case-insensitively [INF].
- Payloads are `str` (text) or `bytes` (binary). `request_payload` / `response_payload` apply the §11 tables
  for `contentHandling` (`None`, `CONVERT_TO_TEXT`, `CONVERT_TO_BINARY`); a failed base64 decode raises
  `errors.ApiConfigurationError` (500, [DOC]). `template_body(payload)` is what `$input.body` sees: a binary
  payload as base64 text [DOC].
- Lambda proxy: `proxy_request_body` gives the event's `body`/`isBase64Encoded`; `proxy_response_body` decodes a
  response flagged `isBase64Encoded` (spec §8.3.2-3, §11).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from apigw_mock.invoke.errors import ApiConfigurationError, UnsupportedMediaType
from apigw_mock.invoke.frozen import quick

DEFAULT_MEDIA_TYPE = "application/json"
Payload = str | bytes
Templates = Mapping[str, str | None]


@quick
@dataclass(frozen=True, slots=True)
class TemplateChoice:
    """A template to apply (`content_type` is its key), or passthrough (both `None`)."""

    content_type: str | None = None
    template: str | None = None

    @property
    def passthrough(self) -> bool:
        return self.content_type is None


PASSTHROUGH = TemplateChoice()


@lru_cache(maxsize=256)  # pure, and read several times per request with the same few values
def media_type(content_type: str | None) -> str:
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    return mime or DEFAULT_MEDIA_TYPE


@lru_cache(maxsize=256)
def first_accept(accept: str | None) -> str:
    return media_type((accept or "").split(",", 1)[0])


def _lookup(templates: Templates, media: str) -> TemplateChoice | None:
    for key, template in templates.items():
        if key.lower() == media:
            return TemplateChoice(key, template or "")
    return None


def request_template(
    templates: Templates | None, content_type: str | None, passthrough_behavior: str | None
) -> TemplateChoice:
    """The request template for the request's Content-Type, or passthrough, or 415 (spec §8.6)."""
    behavior = passthrough_behavior or "WHEN_NO_MATCH"
    templates = templates or {}
    chosen = _lookup(templates, media_type(content_type))
    if chosen is not None:
        return chosen
    if behavior == "NEVER" or (behavior == "WHEN_NO_TEMPLATES" and templates):
        raise UnsupportedMediaType()
    return PASSTHROUGH


def response_template(templates: Templates | None, accept: str | None) -> TemplateChoice:
    """The integration response template for the first Accept type, else the first one, else passthrough."""
    templates = templates or {}
    chosen = _lookup(templates, first_accept(accept))
    if chosen is not None:
        return chosen
    for key, template in templates.items():
        return TemplateChoice(key, template or "")
    return PASSTHROUGH


def response_content_type(choice: TemplateChoice, integration_content_type: str | None) -> str:
    return choice.content_type or integration_content_type or DEFAULT_MEDIA_TYPE


def is_binary(media: str | None, binary_media_types: Iterable[str]) -> bool:
    """Does the media type match one of the API's `binaryMediaTypes` (wildcards allowed)?"""
    if not binary_media_types:
        return False  # most APIs declare none: nothing to parse
    kind, _, subtype = media_type(media).partition("/")
    for pattern in binary_media_types:
        want_kind, _, want_subtype = pattern.strip().lower().partition("/")
        if want_kind in ("*", kind) and want_subtype in ("*", subtype):
            return True
    return False


def _b64decode(text: str | bytes) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ApiConfigurationError(
            log="Execution failed due to configuration error: Unable to base64 decode the body."
        ) from error


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def request_payload(
    body: bytes, content_type: str | None, binary_media_types: Iterable[str], content_handling: str | None
) -> Payload:
    """The integration request payload for a raw request body (spec §11, request table)."""
    if is_binary(content_type, binary_media_types):
        return _b64encode(body) if content_handling == "CONVERT_TO_TEXT" else body
    text = body.decode("utf-8", errors="replace")
    return _b64decode(text) if content_handling == "CONVERT_TO_BINARY" else text


def response_payload(
    payload: Payload, accept: str | None, binary_media_types: Iterable[str], content_handling: str | None
) -> Payload:
    """The method response payload for an integration payload (spec §11, response table)."""
    binary_accept = is_binary(first_accept(accept), binary_media_types)
    if content_handling == "CONVERT_TO_TEXT":
        return _b64encode(payload) if isinstance(payload, bytes) else payload
    if content_handling == "CONVERT_TO_BINARY":
        return payload if isinstance(payload, bytes) else _b64decode(payload)
    if isinstance(payload, bytes):
        return payload if binary_accept else _b64encode(payload)
    return _b64decode(payload) if binary_accept else payload


def template_body(payload: Payload) -> str:
    """`$input.body` for a payload: text as is, binary as base64 [DOC]."""
    return _b64encode(payload) if isinstance(payload, bytes) else payload


def proxy_request_body(
    body: bytes, content_type: str | None, binary_media_types: Iterable[str]
) -> tuple[str | None, bool]:
    """The Lambda proxy event's `(body, isBase64Encoded)`: base64 when the Content-Type is binary; empty -> null."""
    if not body:
        return None, False
    if is_binary(content_type, binary_media_types):
        return _b64encode(body), True
    return body.decode("utf-8", errors="replace"), False


def proxy_response_body(body: str | None, is_base64_encoded: bool) -> Payload:
    """A Lambda proxy response body: decoded when the function set `isBase64Encoded` (spec §8.3.3)."""
    if body is None:
        return ""
    return _b64decode(body) if is_base64_encoded else body

"""Template selection, passthrough and binary handling (spec §8.6, §11)."""

from __future__ import annotations

import base64

import pytest

from apigw_mock.invoke.content import (
    PASSTHROUGH,
    TemplateChoice,
    first_accept,
    is_binary,
    media_type,
    proxy_request_body,
    proxy_response_body,
    request_payload,
    request_template,
    response_content_type,
    response_payload,
    response_template,
    template_body,
)
from apigw_mock.invoke.errors import ApiConfigurationError, UnsupportedMediaType

JSON_ONLY = {"application/json": "json-template"}
TWO = {"application/xml": "xml-template", "application/json": "json-template"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("application/json; charset=UTF-8", "application/json"),  # MIME part only (spec §8.6)
        ("Application/JSON", "application/json"),
        (None, "application/json"),  # absent -> application/json
        ("", "application/json"),
        ("text/plain", "text/plain"),
    ],
)
def test_media_type(value: str | None, expected: str) -> None:
    assert media_type(value) == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/html, application/json", "text/html"),
        ("application/xml;q=0.9", "application/xml"),
        (None, "application/json"),
    ],
)
def test_first_accept(accept: str | None, expected: str) -> None:
    """spec §3.3: only the first media type of Accept is honoured."""
    assert first_accept(accept) == expected


# spec §8.6 decision table: T = the integration has templates, M = one for the Content-Type
@pytest.mark.parametrize(
    ("behavior", "templates", "content_type", "expected"),
    [
        (None, {}, "application/json", PASSTHROUGH),  # WHEN_NO_MATCH is the default
        ("WHEN_NO_MATCH", {}, "application/json", PASSTHROUGH),
        ("WHEN_NO_MATCH", JSON_ONLY, "application/json", TemplateChoice("application/json", "json-template")),
        ("WHEN_NO_MATCH", JSON_ONLY, "text/plain", PASSTHROUGH),
        ("WHEN_NO_TEMPLATES", {}, "text/plain", PASSTHROUGH),
        ("WHEN_NO_TEMPLATES", JSON_ONLY, None, TemplateChoice("application/json", "json-template")),
        ("WHEN_NO_TEMPLATES", JSON_ONLY, "text/plain", UnsupportedMediaType),
        ("NEVER", {}, "application/json", UnsupportedMediaType),
        ("NEVER", None, None, UnsupportedMediaType),  # no body either: 415 as well [UNK]
        ("NEVER", TWO, "application/xml; charset=utf-8", TemplateChoice("application/xml", "xml-template")),
        ("NEVER", JSON_ONLY, "text/plain", UnsupportedMediaType),
        (None, {"application/json": None}, None, TemplateChoice("application/json", "")),  # [UNK]: empty body
        (None, {"Application/Json": "t"}, "application/json", TemplateChoice("Application/Json", "t")),
    ],
)
def test_request_template(
    behavior: str | None, templates: dict[str, str | None] | None, content_type: str | None, expected: object
) -> None:
    if expected is UnsupportedMediaType:
        with pytest.raises(UnsupportedMediaType) as caught:
            request_template(templates, content_type, behavior)
        assert (caught.value.status, caught.value.message) == (415, "Unsupported Media Type")
    else:
        assert request_template(templates, content_type, behavior) == expected


@pytest.mark.parametrize(
    ("templates", "accept", "expected"),
    [
        (TWO, "application/json", TemplateChoice("application/json", "json-template")),
        (TWO, None, TemplateChoice("application/json", "json-template")),  # absent -> application/json
        (TWO, "text/html", TemplateChoice("application/xml", "xml-template")),  # no match -> the first template
        (TWO, "application/xml, application/json", TemplateChoice("application/xml", "xml-template")),
        ({}, "application/json", PASSTHROUGH),  # no templates -> body passed through
        ({"application/json": ""}, None, TemplateChoice("application/json", "")),  # explicit empty template [DOC]
    ],
)
def test_response_template(templates: dict[str, str | None], accept: str | None, expected: TemplateChoice) -> None:
    assert response_template(templates, accept) == expected


@pytest.mark.parametrize(
    ("choice", "integration_type", "expected"),
    [
        (TemplateChoice("application/xml", "x"), "text/plain", "application/xml"),
        (PASSTHROUGH, "text/plain", "text/plain"),
        (PASSTHROUGH, None, "application/json"),  # spec §10.3: application/json by default
    ],
)
def test_response_content_type(choice: TemplateChoice, integration_type: str | None, expected: str) -> None:
    assert response_content_type(choice, integration_type) == expected


@pytest.mark.parametrize(
    ("media", "types", "expected"),
    [
        ("image/png", ["image/png"], True),
        ("image/png", ["image/*"], True),
        ("image/png", ["*/*"], True),
        ("IMAGE/PNG; q=1", ["image/png"], True),
        ("image/png", ["image/jpeg", "application/octet-stream"], False),
        ("application/json", ["image/*"], False),
        (None, ["*/*"], True),  # absent Content-Type reads as application/json [INF]
        ("image/png", [], False),
    ],
)
def test_is_binary(media: str | None, types: list[str], expected: bool) -> None:
    assert is_binary(media, types) is expected


BINARY = b"\x89PNG\x00\xff"
B64 = base64.b64encode(BINARY).decode()


@pytest.mark.parametrize(
    ("body", "content_type", "handling", "expected"),
    [
        # spec §11 request table
        (b'{"a": 1}', "application/json", None, '{"a": 1}'),
        (b'{"a": 1}', "application/json", "CONVERT_TO_TEXT", '{"a": 1}'),
        (B64.encode(), "application/json", "CONVERT_TO_BINARY", BINARY),
        (BINARY, "image/png", None, BINARY),
        (BINARY, "image/png", "CONVERT_TO_BINARY", BINARY),
        (BINARY, "image/png", "CONVERT_TO_TEXT", B64),
    ],
)
def test_request_payload(body: bytes, content_type: str, handling: str | None, expected: object) -> None:
    assert request_payload(body, content_type, ["image/*"], handling) == expected


@pytest.mark.parametrize(
    ("payload", "accept", "handling", "expected"),
    [
        # spec §11 response table
        ("text", "application/json", None, "text"),
        (B64, "image/png", None, BINARY),  # text with a binary Accept -> base64-decoded
        (BINARY, "application/json", None, B64),  # binary with a text Accept -> base64 string
        (BINARY, "image/png", None, BINARY),
        (BINARY, "image/png", "CONVERT_TO_TEXT", B64),
        ("text", "image/png", "CONVERT_TO_TEXT", "text"),
        (B64, "application/json", "CONVERT_TO_BINARY", BINARY),
        (BINARY, "application/json", "CONVERT_TO_BINARY", BINARY),
    ],
)
def test_response_payload(payload: str | bytes, accept: str, handling: str | None, expected: object) -> None:
    assert response_payload(payload, accept, ["image/*"], handling) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: request_payload(b"not base64!", "text/plain", [], "CONVERT_TO_BINARY"),
        lambda: response_payload("not base64!", "image/png", ["image/*"], None),
    ],
)
def test_base64_failure_is_a_configuration_error(call: object) -> None:
    """spec §11 [DOC]: base64 decode failure -> 500."""
    with pytest.raises(ApiConfigurationError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.status == 500


def test_template_body_of_binary_is_base64() -> None:
    """spec §11 [DOC]: a binary payload is visible to a template only as base64 via `$input.body`."""
    assert template_body(BINARY) == B64
    assert template_body("text") == "text"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b'{"a": 1}', "application/json", ('{"a": 1}', False)),
        (BINARY, "image/png", (B64, True)),
        (b"", "application/json", (None, False)),  # empty body -> null (spec §8.3.2)
    ],
)
def test_proxy_request_body(body: bytes, content_type: str, expected: tuple[str | None, bool]) -> None:
    assert proxy_request_body(body, content_type, ["image/*"]) == expected


def test_proxy_response_body() -> None:
    assert proxy_response_body(B64, True) == BINARY
    assert proxy_response_body("text", False) == "text"
    assert proxy_response_body(None, False) == ""

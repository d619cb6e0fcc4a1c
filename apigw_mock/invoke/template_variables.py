"""`$input` and `$util`: the objects AWS puts in a mapping template's namespace (spec §9.2, §9.3).

Contract:
- `Input(body, request)`: `$input.body` (the payload text), `$input.json(path)` (JSON text of the JSONPath result,
  compact [INF]; missing path -> `""` [UNK]), `$input.path(path)` (the result as a Java-ish object, missing -> null),
  `$input.params()` (map `path`/`querystring`/`header` -> name -> value), `$input.params(name)` (path, then query
  string, then header (case-insensitive [UNK]); `""` when none [INF]). A body that is empty or not JSON reads as
  `{}` for `json`/`path` ([UNK] §9.2).
- `Util()`: `escapeJavaScript` (Apache Commons Lang `escapeJavaScript`, the Java library AWS's text describes
  [INF]: `'` `"` `\\` `/` escaped, control and non-ASCII characters as `\\uXXXX`), `parseJson`, `urlEncode`/`urlDecode`
  (`java.net.URLEncoder`/`URLDecoder`, UTF-8: space <-> `+`), `base64Encode`/`base64Decode` (UTF-8 text).
- Failures (bad JSON for `parseJson`, a bad JSONPath, a null argument other than to `escapeJavaScript`, which
  returns null for null) raise; the renderer turns them into a template failure.
"""

from __future__ import annotations

import base64
import json
from functools import cached_property
from typing import Any

from apigw_mock.invoke import jsonpath
from apigw_mock.invoke.java_values import JavaString, to_plain, to_vtl
from apigw_mock.invoke.request import MethodRequest

_JS_ESCAPES = {"'": "\\'", '"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\n": "\\n", "\t": "\\t", "\f": "\\f"}
_JS_ESCAPES["\r"] = "\\r"
_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-*_")


class Input:
    """`$input` for one template evaluation."""

    def __init__(self, body: str, request: MethodRequest) -> None:
        self._body = body
        self._request = request

    @property
    def body(self) -> JavaString:
        return JavaString(self._body)

    @cached_property
    def _document(self) -> Any:
        try:
            return json.loads(self._body)
        except ValueError:
            return {}

    def json(self, path: str) -> JavaString:
        value = jsonpath.query(self._document, str(path))
        if value is jsonpath.MISSING:
            return JavaString("")
        return JavaString(json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":")))

    def path(self, path: str) -> Any:
        value = jsonpath.query(self._document, str(path))
        return None if value is jsonpath.MISSING else to_vtl(value)

    def params(self, name: str | None = None) -> Any:
        if name is None:
            return to_vtl(
                {
                    "path": dict(self._request.path),
                    "querystring": self._request.single_querystring(),
                    "header": self._request.single_headers(),
                }
            )
        return JavaString(param(self._request, name))


def param(request: MethodRequest, name: str) -> str:
    """`$input.params(name)` as text: the path parameter, else the query string's, else the header's, else `""`."""
    found = request.path.get(name)
    if found is None:
        values = request.querystring.get(name)
        found = values[-1] if values else request.header(name)
    return found or ""


class Util:
    """`$util`: the six documented functions, nothing else (spec §9.3)."""

    def escapeJavaScript(self, text: Any) -> JavaString | None:
        if text is None:
            return None  # Commons Lang returns null for null, which renders empty
        return JavaString("".join(_js_escape(char) for char in _utf16_units(_text(text))))

    def parseJson(self, text: Any) -> Any:
        return to_vtl(json.loads(_text(text)))

    def urlEncode(self, text: Any) -> JavaString:
        return JavaString("".join(_url_byte(byte) for byte in _text(text).encode()))

    def urlDecode(self, text: Any) -> JavaString:
        from urllib.parse import unquote_plus

        return JavaString(unquote_plus(_text(text), errors="strict"))

    def base64Encode(self, text: Any) -> JavaString:
        return JavaString(base64.b64encode(_text(text).encode()).decode("ascii"))

    def base64Decode(self, text: Any) -> JavaString:
        return JavaString(base64.b64decode(_text(text), validate=True).decode("utf-8", errors="replace"))


def _text(value: Any) -> str:
    """A Java argument as text; `null` fails the template, as the Java methods throw on it [INF]."""
    if value is None:
        raise TypeError("null argument")
    return str(value)


def _url_byte(byte: int) -> str:
    char = chr(byte)
    return "+" if char == " " else char if char in _URL_SAFE else f"%{byte:02X}"


def _utf16_units(text: str) -> list[str]:
    """Java strings are UTF-16: a character outside the BMP escapes as its two surrogates."""
    units: list[str] = []
    for char in text:
        if ord(char) > 0xFFFF:
            encoded = char.encode("utf-16-be")
            units += [chr(int.from_bytes(encoded[0:2], "big")), chr(int.from_bytes(encoded[2:4], "big"))]
        else:
            units.append(char)
    return units


def _js_escape(char: str) -> str:
    code = ord(char)
    if char in _JS_ESCAPES:
        return _JS_ESCAPES[char]
    if code < 32 or code > 0x7F:
        return f"\\u{code:04X}"
    return char

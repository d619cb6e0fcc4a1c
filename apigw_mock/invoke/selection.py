"""Integration response selection: which `IntegrationResponse` answers an integration's result (spec §10.1).

Contract:
- Input: the integration's responses as `(statusCode, selectionPattern | None)` pairs (or a mapping
  statusCode -> selectionPattern), and the selection input (`http_input(status)` for HTTP/AWS/MOCK: the
  status code as text; `lambda_input(error_message)` for a Lambda (AWS) integration: the function's
  `errorMessage`, or `None` when it did not fail).
- A response with a non-empty pattern is a candidate when its pattern, a Java regex, matches the **whole**
  input (`String.matches`, `.` not matching line terminators; `java_regex`). A `None` input (Lambda success) is
  matched as the empty string, so `.*` catches it too ([DOC] "`.*` also acts as a catch-all").
- Several candidates: the lowest status code wins ([UNK] spec §16.11). No candidate: the default response, the
  one whose pattern is absent or `""` (several defaults: the lowest status code, [UNK]). Neither: `None`; the
  caller raises `errors.NoOutputMapping` (500, spec §10.1.4).
- A pattern that is not valid Java never matches ([UNK]); one the mock cannot translate raises
  `java_regex.UnsupportedJavaRegex` so the test learns the mock's limit. Patterns compile once (cached).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from apigw_mock.invoke import java_regex

Responses = Mapping[str, str | None] | Iterable[tuple[str, str | None]]


def http_input(status: int | str) -> str:
    """The selection input of an HTTP, AWS-service or MOCK integration: its status code as text."""
    return str(status)


def lambda_input(error_message: str | None) -> str | None:
    """The selection input of a Lambda (AWS) integration: the function error's `errorMessage`, if any."""
    return error_message


def select(responses: Responses, selection_input: str | None) -> str | None:
    """The status code of the integration response selected for `selection_input`, or `None`."""
    pairs = responses.items() if isinstance(responses, Mapping) else responses
    text = "" if selection_input is None else selection_input
    matched: str | None = None
    default: str | None = None
    for status, pattern in pairs:  # one pass; the first of equal statuses wins, as `min` would pick it
        if pattern:
            if _matches(pattern, text) and (matched is None or _status_order(status) < _status_order(matched)):
                matched = status
        elif default is None or _status_order(status) < _status_order(default):
            default = status
    return matched if matched is not None else default


def _matches(pattern: str, text: str) -> bool:
    try:
        return java_regex.full_match(pattern, text)
    except java_regex.UnsupportedJavaRegex:
        raise
    except java_regex.InvalidJavaRegex:
        return False


def _status_order(status: str) -> tuple[int, str]:
    return (int(status), status) if status.isdigit() else (10**6, status)

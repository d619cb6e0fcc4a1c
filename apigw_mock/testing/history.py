"""Call history: every control-plane call the active mock answered, as plain data, and assertions on it.

    with mock_apigateway() as apigw:
        client.update_integration(restApiId=api_id, resourceId=root_id, httpMethod="GET", patchOperations=[...])
        apigw.calls.assert_called_once("UpdateIntegration", restApiId=api_id)
        apigw.calls[-1].reply          # {'type': 'MOCK', ...}: what boto3 returned, without ResponseMetadata
        apigw.calls.of("GetResources") # a filtered view; apigw.calls.clear() forgets them all

Contract:
- One `Call` per request that reached the mock, in arrival order, whatever its outcome: a success, an AWS error
  (validation and parse errors included), an injected fault, or an injected connection failure. A retry by
  botocore is a new request, so each attempt is a `Call` of its own.
- `Call.params` is the member dict as the caller passed it to boto3 (botocore's member names, `restApiId`...),
  parsed back from the wire; `{}` when the request could not be parsed. Never edit it.
- Recording stores references only (the parsed params, the reply bytes, the clock); `reply`, `error` and `time`
  are decoded when read. `reply` is parsed by botocore's own rest-json parser against the output shape, so it
  is exactly what boto3 returns (timestamps as datetimes, `items`), minus `ResponseMetadata`.
- Assertions match calls by operation and by a subset of params (each given member must be equal); they never
  depend on the order of calls. A failure names what was called instead, with a diff against the closest call.

Extending to the data plane (not built yet): an `Invocation` record (method, path, headers, body, status,
integration outcome) would be a second dataclass beside `Call`; `History.records` would hold both, and a view
`History.invocations` would filter them the way `Calls` does, so `calls` keeps its meaning.
"""

from __future__ import annotations

import datetime
import difflib
import json
import pprint
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple, cast, overload

from apigw_mock.http import HttpResponse


class CallError(NamedTuple):
    """How a call failed: AWS's error code and message and the HTTP status (None for a connection failure)."""

    code: str
    message: str
    status: int | None


@dataclass(slots=True, eq=False)
class Call:
    """One control-plane request as the mock answered it."""

    operation: str
    """The API Gateway operation name, e.g. `CreateResource`."""
    params: dict[str, Any]
    """The request's members as passed to boto3 (`{"restApiId": ..., "pathPart": ...}`)."""
    account_id: str
    region: str
    timestamp: float
    """When the mock answered (seconds since the epoch); `time` is the same as an aware datetime."""
    response: HttpResponse | None
    """The wire reply (None when a connection failure was injected instead)."""
    fault: Any = None
    """The `Fault` that made this call fail, if one did."""
    raised: BaseException | None = None
    """The exception raised to botocore instead of a reply (an injected connection failure)."""
    _decoded: Any = field(default=None, repr=False)

    @property
    def time(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.timestamp, datetime.UTC)

    @property
    def status(self) -> int | None:
        """The HTTP status of the reply (None for a connection failure)."""
        return None if self.response is None else self.response.status

    @property
    def ok(self) -> bool:
        """Whether the call succeeded (2xx)."""
        return self.response is not None and self.response.status < 300

    @property
    def reply(self) -> dict[str, Any] | None:
        """The success reply as boto3 returns it (without ResponseMetadata); None for a failed call."""
        if not self.ok:
            return None
        if self._decoded is None:
            self._decoded = _parse_reply(self.operation, self.response)
        reply: dict[str, Any] = self._decoded
        return reply

    @property
    def error(self) -> CallError | None:
        """The error code, message and status of a failed call; None for a success."""
        if self.raised is not None:
            return CallError(type(self.raised).__name__, str(self.raised), None)
        if self.response is None or self.ok:
            return None
        try:
            message = str(json.loads(self.response.body or b"{}").get("message", ""))
        except ValueError:
            message = self.response.body.decode(errors="replace")
        return CallError(self.response.headers.get("x-amzn-ErrorType", ""), message, self.response.status)

    def matches(self, operation: str | None, params: dict[str, Any]) -> bool:
        """Whether this is a call of `operation` (any, when None) whose params include `params`."""
        if operation is not None and self.operation != operation:
            return False
        return all(key in self.params and self.params[key] == value for key, value in params.items())

    def __repr__(self) -> str:
        outcome = "ok" if self.ok else (self.error or CallError("?", "", None)).code
        return f"Call({self.operation}({_arguments(self.params)}) -> {outcome})"


class History:
    """Where the hook appends (`records`): a `Call`, or the pipeline's plain record of an answered call
    `(operation, params, account_id, region, timestamp, reply)`, made a `Call` when first read (`calls()`)."""

    def __init__(self) -> None:
        self.records: list[Call | tuple[Any, ...]] = []

    def calls(self) -> list[Call]:
        """Every record as a `Call` (plain records replaced by their `Call` in place, so a call read twice is the
        same object)."""
        records = self.records
        for index, record in enumerate(records):
            if type(record) is tuple:
                records[index] = Call(*record)
        return cast("list[Call]", records)  # every entry is a Call now


class Calls(Sequence[Call]):
    """The recorded calls (all of them, or those of one operation): a read-only list with assertions."""

    def __init__(self, history: History, keep: Callable[[Call], bool] | None = None, label: str = "") -> None:
        self._history = history
        self._keep = keep
        self._label = label

    def _items(self) -> list[Call]:
        records = self._history.calls()
        return list(records) if self._keep is None else [call for call in records if self._keep(call)]

    @overload
    def __getitem__(self, index: int) -> Call: ...
    @overload
    def __getitem__(self, index: slice) -> list[Call]: ...
    def __getitem__(self, index: int | slice) -> Call | list[Call]:
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[Call]:
        return iter(self._items())

    def __repr__(self) -> str:
        return f"Calls{self._label}({self._items()!r})"

    def of(self, operation: str, **params: Any) -> Calls:
        """The calls of `operation` whose params include `params` (a live view: later calls show up in it)."""
        keep = self._keep

        def matching(call: Call) -> bool:
            return call.matches(operation, params) and (keep is None or keep(call))

        return Calls(self._history, matching, f"[{operation}({_arguments(params)})]")

    @property
    def operations(self) -> list[str]:
        """The operation of each call, in order (handy in an assert: `== ["CreateRestApi", "GetResources"]`)."""
        return [call.operation for call in self._items()]

    @property
    def failed(self) -> list[Call]:
        """The calls that did not succeed (AWS errors, injected faults, connection failures)."""
        return [call for call in self._items() if not call.ok]

    def clear(self) -> None:
        """Forget every recorded call (of every operation, whatever this view filters)."""
        self._history.records.clear()

    # ---- assertions ------------------------------------------------------------------------------------------

    def assert_called(self, operation: str, /, **params: Any) -> Call:
        """At least one call of `operation` with these params; returns the last such call."""
        found = self._matching(operation, params)
        if not found:
            raise AssertionError(self._explain(f"expected a call {operation}({_arguments(params)})", operation, params))
        return found[-1]

    def assert_called_once(self, operation: str, /, **params: Any) -> Call:
        """Exactly one call of `operation` with these params (each botocore retry attempt counts); returns it."""
        found = self._matching(operation, params)
        if len(found) != 1:
            wanted = f"expected exactly one call {operation}({_arguments(params)}), found {len(found)}"
            raise AssertionError(self._explain(wanted, operation, params))
        return found[0]

    def assert_called_times(self, count: int, operation: str, /, **params: Any) -> list[Call]:
        """Exactly `count` calls of `operation` with these params; returns them."""
        found = self._matching(operation, params)
        if len(found) != count:
            wanted = f"expected {count} calls {operation}({_arguments(params)}), found {len(found)}"
            raise AssertionError(self._explain(wanted, operation, params))
        return found

    def assert_not_called(self, operation: str | None = None, /, **params: Any) -> None:
        """No call of `operation` (of any operation when None) with these params."""
        found = [call for call in self._items() if call.matches(operation, params)]
        if found:
            name = operation or "any operation"
            lines = "\n".join(f"  {call!r}" for call in found)
            raise AssertionError(f"expected no call of {name}({_arguments(params)}), found {len(found)}:\n{lines}")

    def assert_all_ok(self) -> None:
        """Every call succeeded; otherwise lists the ones that failed, with their error."""
        failed = self.failed
        if failed:
            lines = "\n".join(f"  {call!r}: {call.error}" for call in failed)
            raise AssertionError(f"{len(failed)} of {len(self)} calls failed:\n{lines}")

    def _matching(self, operation: str, params: dict[str, Any]) -> list[Call]:
        return [call for call in self._items() if call.matches(operation, params)]

    def _explain(self, wanted: str, operation: str, params: dict[str, Any]) -> str:
        calls = self._items()
        if not calls:
            return f"{wanted}; no calls were recorded"
        same = [call for call in calls if call.operation == operation]
        lines = [f"{wanted}; the calls were:", *(f"  {call!r}" for call in calls[-20:])]
        if len(calls) > 20:
            lines.insert(1, f"  ... {len(calls) - 20} earlier calls not shown")
        candidates = [call for call in same if not call.matches(operation, params)]
        if params and candidates:
            closest = max(candidates, key=lambda call: sum(call.params.get(k) == v for k, v in params.items()))
            expected = {**closest.params, **params}
            diff = difflib.unified_diff(
                _lines(closest.params), _lines(expected), "called", "expected", lineterm="", n=2
            )
            lines += [f"closest {operation} call, params diff:", *(f"  {line}" for line in diff)]
        return "\n".join(lines)


def _lines(params: dict[str, Any]) -> list[str]:
    return pprint.pformat(params, width=100, sort_dicts=True).splitlines()


def _arguments(params: dict[str, Any]) -> str:
    text = ", ".join(f"{key}={value!r}" for key, value in params.items())
    return text if len(text) <= 160 else text[:157] + "..."


def _parse_reply(operation: str, response: HttpResponse | None) -> dict[str, Any]:
    assert response is not None
    shape = _output_shape(operation)
    if shape is None:
        return {}
    from botocore.awsrequest import HeadersDict  # case-insensitive, as botocore's parser expects

    wire = {"status_code": response.status, "headers": HeadersDict(response.headers), "body": response.body}
    reply = dict(_parser().parse(wire, shape))
    reply.pop("ResponseMetadata", None)
    return reply


@cache
def _parser() -> Any:
    from botocore.parsers import RestJSONParser

    return RestJSONParser()


@cache
def _output_shape(operation: str) -> Any:
    from apigw_mock.protocol import spec

    return spec.operation(operation).output_shape

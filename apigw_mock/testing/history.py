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

The data plane beside it (`apigw.invocations`, an `Invocations` view of `History.invocations`): one `Invocation`
per execute-api request the active mock answered — a `requests` call answered in process, `apigw.invoke(...)`, a
server-mode request — whatever its outcome (a gateway error, an injected fault, an injected connection error).
It holds references to what the data plane already made (the `ExecuteRequest`, the `Target`, the `Reply`) and
decodes on read: `method`, `path` (after the stage, as sent), `query`, `headers`, `body` as the client sent them;
`status`, `reply_headers`, `reply_body` (`text`, `json()`) as it received them; `gateway_response` and `log` when
a gateway error answered (`INTEGRATION_TIMEOUT`, ...). `apigw.calls` stays the control plane's only.

    apigw.invocations.assert_invoked("POST", "/pets", status=201, json={"name": "rex"})
    apigw.invocations.of(path="/pets/*").statuses      # [200, 404]
    apigw.invocations.assert_not_invoked("DELETE")

Invocation matching (`of`, the assertions): `method` (any when None), `path` an `fnmatch` pattern on the path
after the stage (`/pets/*`), and optionally `status`, `api_id`, `stage`, `query` and `headers` (each given pair
must be there; header names case-insensitive), `body` (bytes or text, equal) or `json` (the body parsed, equal).
"""

from __future__ import annotations

import datetime
import fnmatch
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, cast, overload

import msgspec

from apigw_mock.http import HttpResponse

if TYPE_CHECKING:
    from apigw_mock.invoke.ports import ExecuteRequest, Reply, Target

R = TypeVar("R")


class CallError(NamedTuple):
    """How a call failed: AWS's error code and message and the HTTP status (None for a connection failure)."""

    code: str
    message: str
    status: int | None


class Call(msgspec.Struct, eq=False):
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
    _decoded: Any = None

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

    def summary(self) -> dict[str, Any]:
        """The call as plain data (the server's history endpoint; `params` may hold bytes and datetimes)."""
        error = self.error
        return {
            "kind": "call",
            "time": self.time.isoformat(),
            "accountId": self.account_id,
            "region": self.region,
            "operation": self.operation,
            "params": self.params,
            "status": self.status,
            "ok": self.ok,
            "error": None if error is None else error._asdict(),
            "fault": None if self.fault is None else repr(self.fault),
        }

    def __repr__(self) -> str:
        outcome = "ok" if self.ok else (self.error or CallError("?", "", None)).code
        return f"Call({self.operation}({_arguments(self.params)}) -> {outcome})"


class History:
    """Where the hooks append: `records` (control plane) holds a `Call`, or the pipeline's plain record of an
    answered call `(operation, params, account_id, region, timestamp, reply)`, made a `Call` when first read
    (`calls()`); `invocations` (data plane) holds each `Invocation`. With a `limit`, each of the two keeps only
    its `limit` most recent entries (`add_call`, `add_invocation` drop the oldest), so a long-lived process (the
    server) stays bounded; without one (a test's default) every entry is kept."""

    def __init__(self, limit: int | None = None) -> None:
        self.records: list[Call | tuple[Any, ...]] = []
        self.invocations: list[Invocation] = []
        self.limit = limit

    def add_call(self, record: Call | tuple[Any, ...]) -> None:
        self.records.append(record)
        self._trim(self.records)

    def add_invocation(self, invocation: Invocation) -> None:
        self.invocations.append(invocation)
        self._trim(self.invocations)

    def _trim(self, entries: list[Any]) -> None:
        limit = self.limit
        if limit is not None and len(entries) > limit:
            del entries[: len(entries) - limit]

    def calls(self) -> list[Call]:
        """Every record as a `Call` (plain records replaced by their `Call` in place, so a call read twice is the
        same object)."""
        records = self.records
        for index, record in enumerate(records):
            if type(record) is tuple:
                records[index] = Call(*record)
        return cast("list[Call]", records)  # every entry is a Call now


class _View(Sequence[R], Generic[R]):
    """A read-only, live list of records (all of them, or those `keep` selects), shown as `Name[label](...)`."""

    def __init__(self, history: History, keep: Callable[[R], bool] | None = None, label: str = "") -> None:
        self._history = history
        self._keep = keep
        self._label = label

    def _all(self) -> list[R]:
        raise NotImplementedError

    def _items(self) -> list[R]:
        records = self._all()
        return list(records) if self._keep is None else [record for record in records if self._keep(record)]

    def _and(self, test: Callable[[R], bool]) -> Callable[[R], bool]:
        """`test`, narrowed by this view's own filter."""
        keep = self._keep
        return test if keep is None else lambda record: test(record) and keep(record)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> list[R]: ...
    def __getitem__(self, index: int | slice) -> R | list[R]:
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[R]:
        return iter(self._items())

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._label}({self._items()!r})"


class Calls(_View[Call]):
    """The recorded control-plane calls (all of them, or those of one operation), with assertions."""

    def _all(self) -> list[Call]:
        return self._history.calls()

    def of(self, operation: str, **params: Any) -> Calls:
        """The calls of `operation` whose params include `params` (a live view: later calls show up in it)."""
        matching = self._and(lambda call: call.matches(operation, params))
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
            import difflib  # only for a failing assertion's message

            diff = difflib.unified_diff(
                _lines(closest.params), _lines(expected), "called", "expected", lineterm="", n=2
            )
            lines += [f"closest {operation} call, params diff:", *(f"  {line}" for line in diff)]
        return "\n".join(lines)


class Invocation(msgspec.Struct, eq=False):
    """One execute-api request as the mock answered it (references to the data plane's own values)."""

    request: ExecuteRequest
    """What the client sent: verb, the path after the stage (%-encoded), query pairs, header pairs, body bytes."""
    target: Target
    """The API, stage, region and account it addressed."""
    timestamp: float
    """When the mock answered (seconds since the epoch); `time` is the same as an aware datetime."""
    reply: Reply | None
    """What the client received (None when a connection error was injected instead)."""
    fault: Any = None
    """The `InvocationFault` that failed this invocation, if one did."""
    raised: BaseException | None = None
    """The exception the client got instead of a reply (an injected connection error)."""

    @property
    def api_id(self) -> str:
        return self.target.api_id

    @property
    def stage(self) -> str:
        return self.target.stage

    @property
    def account_id(self) -> str:
        return self.target.account_id

    @property
    def region(self) -> str:
        return self.target.region

    @property
    def method(self) -> str:
        return self.request.method

    @property
    def path(self) -> str:
        return self.request.path

    @property
    def query(self) -> dict[str, str]:
        """The query parameters (the last value of a repeated name; `request.query` has every pair)."""
        return dict(self.request.query)

    @property
    def headers(self) -> dict[str, str]:
        """The request headers as sent (the last value of a repeated name; `request.headers` has every pair)."""
        return dict(self.request.headers)

    @property
    def body(self) -> bytes:
        return self.request.body

    @property
    def time(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.timestamp, datetime.UTC)

    @property
    def status(self) -> int | None:
        """The status the client received (None for a connection error)."""
        return None if self.reply is None else self.reply.status

    @property
    def ok(self) -> bool:
        """Whether the client received a 2xx."""
        return self.reply is not None and self.reply.status < 300

    @property
    def reply_headers(self) -> dict[str, str]:
        return {} if self.reply is None else self.reply.headers

    @property
    def reply_body(self) -> bytes:
        return b"" if self.reply is None else self.reply.body

    @property
    def text(self) -> str:
        """The reply body as text."""
        return self.reply_body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The reply body parsed as JSON."""
        return json.loads(self.reply_body)

    @property
    def gateway_response(self) -> str | None:
        """The gateway response type that answered (`INTEGRATION_TIMEOUT`, `DEFAULT_5XX`...), None for a method
        response."""
        failure = None if self.reply is None else self.reply.failure
        return None if failure is None else failure.response_type

    @property
    def log(self) -> str | None:
        """The execution-log line of the gateway error that answered, if it has one."""
        failure = None if self.reply is None else self.reply.failure
        return None if failure is None else failure.log

    def matches(self, method: str | None, path: str | None, criteria: Mapping[str, Any]) -> bool:
        """Whether this invocation matches (see the module docstring)."""
        if method is not None and self.request.method != method.upper():
            return False
        if path is not None and not fnmatch.fnmatchcase(self.request.path, path):
            return False
        return not self.mismatches(criteria)

    def mismatches(self, criteria: Mapping[str, Any]) -> list[str]:
        """The criteria (`status`, `api_id`, `stage`, `query`, `headers`, `body`, `json`) this one fails."""
        _check(criteria)
        wrong: list[str] = []
        for name, wanted in criteria.items():
            if name == "query":
                pairs = set(self.request.query)
                ok = all((key, str(value)) in pairs for key, value in wanted.items())
            elif name == "headers":
                sent = {(key.lower(), value) for key, value in self.request.headers}
                ok = all((key.lower(), str(value)) in sent for key, value in wanted.items())
            elif name == "body":
                ok = self.request.body == (wanted.encode() if isinstance(wanted, str) else wanted)
            elif name == "json":
                ok = _parsed(self.request.body) == wanted
            else:
                ok = getattr(self, name) == wanted
            if not ok:
                wrong.append(name)
        return wrong

    def summary(self) -> dict[str, Any]:
        """The invocation as plain JSON-ready data (the server's history endpoint)."""
        return {
            "kind": "invocation",
            "time": self.time.isoformat(),
            "accountId": self.account_id,
            "region": self.region,
            "apiId": self.api_id,
            "stage": self.stage,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "status": self.status,
            "ok": self.ok,
            "gatewayResponse": self.gateway_response,
            "fault": None if self.fault is None else repr(self.fault),
            "body": _clip(self.text),
        }

    def __repr__(self) -> str:
        query = "&".join(f"{key}={value}" for key, value in self.request.query)
        outcome = type(self.raised).__name__ if self.raised is not None else str(self.status)
        if self.gateway_response:
            outcome += f" {self.gateway_response}"
        return f"Invocation({self.method} /{self.stage}{self.path}{'?' + query if query else ''} -> {outcome})"


CRITERIA = ("status", "api_id", "stage", "region", "account_id", "query", "headers", "body", "json")
"""What invocations can be matched on besides `method` and `path`."""


def _check(criteria: Mapping[str, Any]) -> None:
    unknown = [name for name in criteria if name not in CRITERIA]
    if unknown:
        known = ", ".join(["method", "path", *CRITERIA])
        raise TypeError(f"unknown invocation criterion {unknown[0]!r}; the criteria are: {known}")


class Invocations(_View[Invocation]):
    """The recorded data-plane invocations (all, or a filtered view), with assertions that explain a miss."""

    def _all(self) -> list[Invocation]:
        return self._history.invocations

    def of(self, method: str | None = None, path: str | None = None, **criteria: Any) -> Invocations:
        """The invocations matching (a live view: later ones show up in it)."""
        _check(criteria)
        matching = self._and(lambda invocation: invocation.matches(method, path, criteria))
        return Invocations(self._history, matching, f"[{_wanted(method, path, criteria)}]")

    @property
    def routes(self) -> list[str]:
        """`METHOD path` of each invocation, in order (`== ["GET /pets", "POST /pets"]` in an assert)."""
        return [f"{invocation.method} {invocation.path}" for invocation in self._items()]

    @property
    def statuses(self) -> list[int | None]:
        """The status each invocation answered, in order (None for an injected connection error)."""
        return [invocation.status for invocation in self._items()]

    @property
    def failed(self) -> list[Invocation]:
        """The invocations whose client did not get a 2xx."""
        return [invocation for invocation in self._items() if not invocation.ok]

    def clear(self) -> None:
        """Forget every recorded invocation (whatever this view filters; control-plane calls stay)."""
        self._history.invocations.clear()

    # ---- assertions ------------------------------------------------------------------------------------------

    def assert_invoked(self, method: str | None = None, path: str | None = None, /, **criteria: Any) -> Invocation:
        """At least one matching invocation; returns the last one."""
        found = self._matching(method, path, criteria)
        if not found:
            raise AssertionError(
                self._explain(f"expected an invocation {_wanted(method, path, criteria)}", method, path, criteria)
            )
        return found[-1]

    def assert_invoked_once(self, method: str | None = None, path: str | None = None, /, **criteria: Any) -> Invocation:
        """Exactly one matching invocation; returns it."""
        found = self._matching(method, path, criteria)
        if len(found) != 1:
            wanted = f"expected exactly one invocation {_wanted(method, path, criteria)}, found {len(found)}"
            raise AssertionError(self._explain(wanted, method, path, criteria))
        return found[0]

    def assert_invoked_times(
        self, count: int, method: str | None = None, path: str | None = None, /, **criteria: Any
    ) -> list[Invocation]:
        """Exactly `count` matching invocations; returns them."""
        found = self._matching(method, path, criteria)
        if len(found) != count:
            wanted = f"expected {count} invocations {_wanted(method, path, criteria)}, found {len(found)}"
            raise AssertionError(self._explain(wanted, method, path, criteria))
        return found

    def assert_not_invoked(self, method: str | None = None, path: str | None = None, /, **criteria: Any) -> None:
        """No matching invocation (none at all with no arguments)."""
        found = self._matching(method, path, criteria)
        if found:
            lines = "\n".join(f"  {invocation!r}" for invocation in found)
            wanted = _wanted(method, path, criteria) or "any"
            raise AssertionError(f"expected no invocation {wanted}, found {len(found)}:\n{lines}")

    def assert_all_ok(self) -> None:
        """Every invocation answered 2xx; otherwise lists the others."""
        failed = self.failed
        if failed:
            lines = "\n".join(f"  {invocation!r}: {invocation.text[:200]}" for invocation in failed)
            raise AssertionError(f"{len(failed)} of {len(self)} invocations did not answer 2xx:\n{lines}")

    def _matching(self, method: str | None, path: str | None, criteria: dict[str, Any]) -> list[Invocation]:
        return [invocation for invocation in self._items() if invocation.matches(method, path, criteria)]

    def _explain(self, wanted: str, method: str | None, path: str | None, criteria: dict[str, Any]) -> str:
        invocations = self._items()
        if not invocations:
            return f"{wanted}; no invocations were recorded"
        lines = [f"{wanted}; the invocations were:", *(f"  {invocation!r}" for invocation in invocations[-20:])]
        if len(invocations) > 20:
            lines.insert(1, f"  ... {len(invocations) - 20} earlier invocations not shown")
        same = [invocation for invocation in invocations if invocation.matches(method, path, {})]
        if criteria and same:
            closest = min(same, key=lambda invocation: len(invocation.mismatches(criteria)))
            lines.append(f"closest {closest!r} differs in:")
            for name in closest.mismatches(criteria):
                lines.append(f"  {name}: expected {criteria[name]!r}, was {_actual(closest, name)!r}")
        return "\n".join(lines)


def _wanted(method: str | None, path: str | None, criteria: Mapping[str, Any]) -> str:
    route = " ".join(part for part in ((method or "").upper(), path or "") if part)
    extra = _arguments(dict(criteria))
    return f"{route} ({extra})" if route and extra else route or extra


def _actual(invocation: Invocation, name: str) -> Any:
    if name in ("query", "headers"):
        return getattr(invocation, name)
    if name == "json":
        return _parsed(invocation.body)
    return getattr(invocation, name)


def _parsed(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return body


def _clip(text: str, limit: int = 2000) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _lines(params: dict[str, Any]) -> list[str]:
    import pprint  # only for messages

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

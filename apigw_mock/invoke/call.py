"""One routed request, as the integrations and the response side read it: `Call`, `$context`, the trace.

Contract:
- `Ids.new(ports)`: the request's `requestId` (UUID) and `extendedRequestId` (16 characters ending in `=`, like
  AWS's `TWegAcC4EowCHnA=`).
- `context(...)` is the `$context` map of spec §9.4 (templates, `context.X` mappings, the proxy event's
  `requestContext` takes its keys from it): accountId, apiId, domainName, domainPrefix, extendedRequestId,
  httpMethod, identity (every key, `null` where unset; sourceIp and userAgent from the request), path
  (`/{stage}{path}`), protocol `HTTP/1.1`, requestId, requestTime (`dd/MMM/yyyy:HH:mm:ss +0000`),
  requestTimeEpoch (ms), resourceId, resourcePath, stage, and deploymentId / isCanaryRequest as strings ([UNK]
  §9.4). Before routing resourceId/resourcePath are absent.
- `Call` is complete when made: target, request, the serving deployment, the matched resource and method, the
  method request (decoded path parameters, query, headers, body text), stage variables and `$context`.
- `Trace` collects TestInvokeMethod's execution log (spec §15.3), `None` for real invocations (nothing formatted).
"""

from __future__ import annotations

import binascii
import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from apigw_mock.invoke.frozen import quick
from apigw_mock.invoke.ports import ExecuteRequest, KeyGrant, Ports, Target
from apigw_mock.invoke.request import MethodRequest

if TYPE_CHECKING:
    from apigw_mock.domain.method import Method
    from apigw_mock.domain.resource import Resource
    from apigw_mock.domain.snapshot import DeployedApi
    from apigw_mock.domain.stage import Stage

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
IDENTITY_KEYS = (
    "accessKey",
    "accountId",
    "apiKey",
    "apiKeyId",
    "caller",
    "cognitoAuthenticationProvider",
    "cognitoAuthenticationType",
    "cognitoIdentityId",
    "cognitoIdentityPoolId",
    "principalOrgId",
    "sourceIp",
    "user",
    "userAgent",
    "userArn",
)
_NO_IDENTITY: dict[str, Any] = dict.fromkeys(IDENTITY_KEYS)


@quick
@dataclass(frozen=True, slots=True)
class Ids:
    request_id: str
    extended_request_id: str
    now: datetime.datetime

    @classmethod
    def new(cls, ports: Ports) -> Ids:
        return cls(ports.request_id(), binascii.b2a_base64(os.urandom(11), newline=False).decode("ascii"), ports.now())


def request_time(now: datetime.datetime) -> str:
    """CLF time, `10/Mar/2020:00:03:59 +0000` (English month names whatever the locale)."""
    return f"{now.day:02d}/{_MONTHS[now.month - 1]}/{now.year}:{now.hour:02d}:{now.minute:02d}:{now.second:02d} +0000"


def log_time(now: datetime.datetime) -> str:
    """The execution log's time, `Sun Jan 19 17:19:42 UTC 2020` (spec §15.3)."""
    return f"{_DAYS[now.weekday()]} {_MONTHS[now.month - 1]} {now.day:02d} {now:%H:%M:%S} UTC {now.year}"


def context(
    target: Target,
    request: ExecuteRequest,
    ids: Ids,
    *,
    stage: str,
    deployment_id: str | None = None,
    canary: bool = False,
    resource: tuple[str, str] | None = None,
    operation_name: str | None = None,
    identity: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """`$context` for one request (see the module contract); `resource` is `(resourceId, resourcePath)`."""
    host = target.host
    caller = _NO_IDENTITY.copy()
    caller["sourceIp"], caller["userAgent"] = request.source_ip, request.header("User-Agent")
    if identity:
        caller.update(identity)
    found: dict[str, Any] = {
        "accountId": target.account_id,
        "apiId": target.api_id,
        "domainName": host,
        "domainPrefix": host.partition(".")[0],
        "extendedRequestId": ids.extended_request_id,
        "httpMethod": request.method,
        "identity": caller,
        "path": f"/{stage}{request.path}",
        "protocol": "HTTP/1.1",
        "requestId": ids.request_id,
        "requestTime": request_time(ids.now),
        "requestTimeEpoch": int(ids.now.timestamp() * 1000),
        "stage": stage,
        "deploymentId": deployment_id,
        "isCanaryRequest": "true" if canary else "false",
    }
    if resource is not None:
        found["resourceId"], found["resourcePath"] = resource
    if operation_name is not None:
        found["operationName"] = operation_name
    return found


@quick
@dataclass(frozen=True, slots=True)
class Call:
    """A request once routed (see the module contract)."""

    target: Target
    request: ExecuteRequest
    deployed: DeployedApi
    resource: Resource
    method: Method
    method_request: MethodRequest
    stage_variables: Mapping[str, str]
    context: Mapping[str, Any]
    ids: Ids
    test_invoke: bool = False
    authorizer: Mapping[str, Any] | None = None
    """Set by `guards.authorization` once admitted: what the proxy event's `requestContext.authorizer` holds
    (`principalId` and the authorizer's `context` entries with their JSON types, or Cognito's `claims`); the
    stringified `$context.authorizer.*` view lives in `context`."""
    usage_identifier_key: str | None = None
    """A Lambda authorizer's `usageIdentifierKey` (the API key when `apiKeySource` is AUTHORIZER)."""
    stage: Stage | None = None
    """The live stage node as served (its method settings throttle, spec §6.2); None for TestInvokeMethod."""
    api_key: KeyGrant | None = None
    """Set by `guards.api_keys` for an `apiKeyRequired` method: the key and the usage plan that admitted it."""

    @property
    def binary_media_types(self) -> list[str]:
        return self.deployed.api.binary_media_types or []

    @property
    def accept(self) -> str | None:
        return self.request.header("Accept")


CALL_FIELDS = (
    "target",
    "request",
    "deployed",
    "resource",
    "method",
    "method_request",
    "stage_variables",
    "context",
    "ids",
    "test_invoke",
    "authorizer",
    "usage_identifier_key",
    "stage",
    "api_key",
)
_CALL_FIELD_SET = frozenset(CALL_FIELDS)


def replaced(call: Call, **changes: Any) -> Call:
    """`dataclasses.replace(call, **changes)` without its walk over the fields' metadata (every guard that learns
    something makes one; tests/invoke/test_frozen.py checks both agree and that `CALL_FIELDS` is `Call`'s fields)."""
    if not changes.keys() <= _CALL_FIELD_SET:
        raise TypeError(f"Call has no field {sorted(changes.keys() - _CALL_FIELD_SET)}")
    get = changes.get
    return Call(
        get("target", call.target),
        get("request", call.request),
        get("deployed", call.deployed),
        get("resource", call.resource),
        get("method", call.method),
        get("method_request", call.method_request),
        get("stage_variables", call.stage_variables),
        get("context", call.context),
        get("ids", call.ids),
        get("test_invoke", call.test_invoke),
        get("authorizer", call.authorizer),
        get("usage_identifier_key", call.usage_identifier_key),
        get("stage", call.stage),
        get("api_key", call.api_key),
    )


class Trace:
    """TestInvokeMethod's execution log: `<time> : <text>` lines (spec §15.3)."""

    def __init__(self, request_id: str, now: datetime.datetime) -> None:
        self._stamp = log_time(now)
        self.lines = [f"Execution log for request {request_id}"]

    def add(self, text: str) -> None:
        self.lines.append(f"{self._stamp} : {text}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def java_map(values: Mapping[str, Any]) -> str:
    """A map as Java prints it, `{k=v, k2=v2}` (the execution log's format)."""
    return "{" + ", ".join(f"{key}={value}" for key, value in values.items()) + "}"

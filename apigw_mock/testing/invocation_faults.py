"""Fault injection for the data plane: make chosen execute-api invocations fail the way a backend or the network
fails, answered through the API's own gateway responses and integration responses.

    with apigw.fail_invocations(TIMEOUT, path="/pets"):          # every GET/POST/... /pets: 504 INTEGRATION_TIMEOUT
        requests.get(url + "/pets")
    apigw.fail_invocations(LAMBDA_THROTTLED, method="POST", nth=2)  # the 2nd POST: Lambda's TooManyRequestsException
    apigw.fail_invocations(BACKEND_5XX, status=503, rate=0.2, seed=7)   # a seeded fifth of HTTP backends answer 503
    apigw.fail_invocations(CONNECTION_ERROR, times=1)          # the client's next request gets a connection error

Contract:
- Which invocations: those matching `api_id`, `stage`, `method` (each None: any) and `path` (an `fnmatch`
  pattern on the path after the stage, as sent: `/pets/*`), counted from arming; `nth`, `times`, `rate`, `seed`,
  the `with` block and `remove()` work as for control-plane faults (`testing.faults.Trigger`). Armed faults are
  checked in arming order; the first whose trigger fires wins.
- What each kind does, at the data plane's ports (`invoke.ports.Ports`), so the engine answers as it answers a
  real failure (gateway responses, selection, the execution log); a kind fires only where its port is used, and
  `fired` (like `Invocation.fault`) counts only invocations it actually changed (a MOCK integration uses no port,
  so no timeout can be injected into it):
  - `TIMEOUT`: `send` raises `TimeoutError` (HTTP, HTTP_PROXY) and a Lambda handler raises
    `LambdaServiceError(None, ...)` (AWS, AWS_PROXY): 504 INTEGRATION_TIMEOUT `Endpoint request timed out`.
  - `LAMBDA_THROTTLED`: the Lambda handler raises Lambda's `TooManyRequestsException` (429, `Rate Exceeded.`):
    API Gateway answers 500 `Internal server error` (API_CONFIGURATION_ERROR) [INF: the data-plane spec has no
    entry; 500 with the log `Lambda invocation failed with status: 429` is what field execution logs show].
    The function itself is not called.
  - `BACKEND_5XX`: `send` answers `status` (default 502, any 5XX), `body` and `headers` without calling the
    backend (HTTP: integration response selection on the status; HTTP_PROXY: passed to the client).
  - `CONNECTION_ERROR`: nothing runs; the client gets a connection error: `requests` raises
    `requests.exceptions.ConnectionError`, `apigw.invoke` raises `ConnectionResetError`, and a server closes the
    connection without answering.
"""

from __future__ import annotations

import datetime
import fnmatch
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from apigw_mock.invoke.ports import LambdaServiceError, Outbound, OutboundReply
from apigw_mock.testing.faults import Trigger

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer_cache import AuthorizerCache
    from apigw_mock.domain.stage import Serving
    from apigw_mock.domain.usage_plan import QuotaSettings
    from apigw_mock.invoke.ports import (
        AwsServiceRequest,
        ExecuteRequest,
        KeyGrant,
        LambdaHandler,
        Ports,
        Target,
        _MissingApi,
    )
    from apigw_mock.sigv4 import Credential
    from apigw_mock.testing.hook import Kit

TIMEOUT = "timeout"
LAMBDA_THROTTLED = "lambda_throttled"
BACKEND_5XX = "backend_5xx"
CONNECTION_ERROR = "connection_error"
KINDS = (TIMEOUT, LAMBDA_THROTTLED, BACKEND_5XX, CONNECTION_ERROR)

THROTTLE_MESSAGE = "Rate Exceeded."  # Lambda's throttling message [INF]


class InvocationFault(Trigger):
    """One armed data-plane fault (see the module contract)."""

    def __init__(
        self,
        kit: Kit,
        kind: str,
        *,
        api_id: str | None = None,
        stage: str | None = None,
        method: str | None = None,
        path: str | None = None,
        status: int = 502,
        body: bytes | str = b"",
        headers: dict[str, str] | None = None,
        nth: int | Collection[int] | None = None,
        times: int | None = None,
        rate: float | None = None,
        seed: int | str | None = 0,
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown invocation fault {kind!r}: use one of {', '.join(KINDS)}")
        if not 500 <= status <= 599:
            raise ValueError(f"a backend 5XX needs a status from 500 to 599, not {status}")
        super().__init__(kit, nth=nth, times=times, rate=rate, seed=seed)
        self.kind = kind
        self.api_id, self.stage, self.path = api_id, stage, path
        self.method = None if method is None else method.upper()
        self.status = status
        self.body = body.encode() if isinstance(body, str) else body
        self.headers = tuple((headers or {}).items())

    def fires(self, request: ExecuteRequest, target: Target) -> bool:
        """Count a matching invocation and tell whether this fault fails it."""
        if (
            (self.api_id is not None and target.api_id != self.api_id)
            or (self.stage is not None and target.stage != self.stage)
            or (self.method is not None and request.method != self.method)
            or (self.path is not None and not fnmatch.fnmatchcase(request.path, self.path))
        ):
            return False
        return self._counts()

    @property
    def drops_connection(self) -> bool:
        """Whether the client gets a connection error instead of a reply (nothing runs)."""
        return self.kind == CONNECTION_ERROR

    def connection_error(self) -> ConnectionResetError:
        """Record the firing of a `CONNECTION_ERROR` fault and give the error the client gets."""
        self._spend()
        return ConnectionResetError("apigw_mock: injected connection error (the connection was reset)")

    def ports(self, ports: Ports) -> FaultPorts:
        """`ports` with this fault's failure in place of the port it affects."""
        return FaultPorts(ports, self)

    def __repr__(self) -> str:
        where = " ".join(
            part
            for part in (
                self.method or "",
                self.path or "",
                f"api={self.api_id}" if self.api_id else "",
                f"stage={self.stage}" if self.stage else "",
            )
            if part
        )
        return f"InvocationFault({self.kind}{' ' + where if where else ''}, fired {self.fired})"


class FaultPorts:
    """The data plane's ports for one invocation an `InvocationFault` fails; `injected` tells whether it did."""

    def __init__(self, ports: Ports, fault: InvocationFault) -> None:
        self._ports = ports
        self.fault = fault
        self.injected = False

    def _inject(self) -> None:
        if not self.injected:
            self.injected = True
            self.fault._spend()

    def send(self, outbound: Outbound) -> OutboundReply:
        kind = self.fault.kind
        if kind == TIMEOUT:
            self._inject()
            raise TimeoutError(f"apigw_mock: injected timeout calling {outbound.url}")
        if kind == BACKEND_5XX:
            self._inject()
            return OutboundReply(self.fault.status, self.fault.headers, self.fault.body)
        return self._ports.send(outbound)

    def lambda_handler(self, function_arn: str) -> LambdaHandler | None:
        handler = self._ports.lambda_handler(function_arn)
        kind = self.fault.kind
        if handler is None or kind not in (TIMEOUT, LAMBDA_THROTTLED):
            return handler

        def failing(event: Any, context: Any) -> Any:
            self._inject()
            if kind == TIMEOUT:
                raise LambdaServiceError(None, "Timeout", "apigw_mock: injected Lambda timeout")
            raise LambdaServiceError(429, "TooManyRequestsException", THROTTLE_MESSAGE)

        return failing

    def serving(self, target: Target) -> Serving | _MissingApi | None:
        return self._ports.serving(target)

    def lambda_names(self) -> Sequence[str]:
        return self._ports.lambda_names()

    def random(self) -> float:
        return self._ports.random()

    def now(self) -> datetime.datetime:
        return self._ports.now()

    def request_id(self) -> str:
        return self._ports.request_id()

    def aws_call(self, request: AwsServiceRequest) -> OutboundReply:
        return self._ports.aws_call(request)

    def user_pool_keys(self, pool_arn: str) -> Mapping[str, Any] | None:
        return self._ports.user_pool_keys(pool_arn)

    def signature_problem(self, request: ExecuteRequest, target: Target, credential: Credential) -> str | None:
        return self._ports.signature_problem(request, target, credential)

    def api_key(self, target: Target, value: str) -> KeyGrant | None:
        return self._ports.api_key(target, value)

    def take_token(
        self, target: Target, bucket: tuple[str, ...], rate: float | None, burst: int | None, now: datetime.datetime
    ) -> bool:
        return self._ports.take_token(target, bucket, rate, burst, now)

    def spend_quota(
        self, target: Target, plan_id: str, key_id: str, quota: QuotaSettings | None, day: datetime.date
    ) -> bool:
        return self._ports.spend_quota(target, plan_id, key_id, quota, day)

    def authorizer_cache(self, target: Target) -> AuthorizerCache:
        return self._ports.authorizer_cache(target)

"""The test kit's hook in the control-plane pipeline: records each call and answers armed faults.

Contract: `control.pipeline.handle` reads `STATE.kit` once per request; None (nothing recorded, no fault armed)
costs that one attribute read. Otherwise, under `STATE.lock`, it hands a parsed and validated request to
`Kit.answer`, and any AWS error answer (its own or the handler's) to `Kit.failed`. `Kit.answer` checks the armed
faults, runs the handler (unless a fault fails the call first) and records the outcome; an exception it raises
on purpose (an injected connection failure) is recorded first. `install`/`uninstall` keep `STATE.kit` None
whenever the kit has nothing to do. The kit answers through the pipeline's own steps (`pipeline.dispatch`,
`pipeline.serialize_result`, `pipeline.serialize_error`), looked up there on each call.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from apigw_mock.control import pipeline
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.state import STATE
from apigw_mock.testing.history import Call, History

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.http import HttpResponse
    from apigw_mock.testing.faults import Fault


class Kit:
    """History (when recording) and armed faults of the active mock."""

    def __init__(self, *, record: bool) -> None:
        self.history = History()
        self.recording = record
        self.faults: list[Fault] = []

    @property
    def idle(self) -> bool:
        return not self.recording and not self.faults

    def arm(self, fault: Fault) -> Fault:
        with STATE.lock:
            self.faults.append(fault)
            STATE.kit = self
        return fault

    def disarm(self, fault: Fault) -> None:
        with STATE.lock:
            if fault in self.faults:
                self.faults.remove(fault)
            if self.idle and STATE.kit is self:
                STATE.kit = None

    def answer(self, operation: str, params: dict[str, Any], backend: ApiGatewayBackend) -> HttpResponse:
        """The reply to one valid request (called under `STATE.lock`); raises the handler's AWS errors."""
        fault = next((fault for fault in self.faults if fault.fires(operation)), None) if self.faults else None
        if fault is not None and not fault.after:
            return self._inject(fault, operation, params, backend)
        reply = pipeline.serialize_result(pipeline.dispatch(operation, backend, params), operation)
        if fault is not None:
            return self._inject(fault, operation, params, backend)
        if self.recording:
            self.history.records.append(Call(operation, params, backend.account_id, backend.region, time.time(), reply))
        return reply

    def failed(
        self, operation: str, params: dict[str, Any] | None, region: str, account_id: str | None, reply: HttpResponse
    ) -> HttpResponse:
        """Record an AWS error answer (from parse, validation or the handler) and return it."""
        if self.recording:
            account = account_id or STATE.account_id
            self.history.records.append(Call(operation, params or {}, account, region, time.time(), reply))
        return reply

    def _inject(self, fault: Fault, operation: str, params: dict[str, Any], backend: ApiGatewayBackend) -> HttpResponse:
        error = fault.fire()
        now = time.time()
        if not isinstance(error, ApiGatewayError):
            if self.recording:
                call = Call(operation, params, backend.account_id, backend.region, now, None, fault, error)
                self.history.records.append(call)
            raise error
        reply = pipeline.serialize_error(error)
        if fault.retry_after is not None:
            reply.headers["Retry-After"] = str(fault.retry_after)
        if self.recording:
            self.history.records.append(Call(operation, params, backend.account_id, backend.region, now, reply, fault))
        return reply


def install(*, record: bool) -> Kit:
    """A fresh kit for an outermost activation (the pipeline sees it only when it has work)."""
    kit = Kit(record=record)
    STATE.kit = None if kit.idle else kit
    _current[0] = kit
    return kit


def current() -> Kit:
    """The kit of the current activation (a fresh, idle one before any activation)."""
    kit = _current[0]
    if kit is None:
        kit = _current[0] = Kit(record=False)
    return kit


def uninstall() -> None:
    """The outermost activation ended: no more recording, every fault disarmed."""
    kit = _current[0]
    if kit is not None:
        kit.faults.clear()
    STATE.kit = None


_current: list[Kit | None] = [None]

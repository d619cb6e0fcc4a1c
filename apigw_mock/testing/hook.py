"""The test kit's hook in the control-plane pipeline: records each call and answers armed faults.

Contract: `control.pipeline.handle` reads `STATE.kit` once per request; None (nothing recorded, no fault armed)
costs that one attribute read. Otherwise, under `STATE.lock`, it hands a parsed and validated request to
`Kit.answer` with the pipeline's own `dispatch` and `serialize_result`, and any AWS error answer to `Kit.failed`.
`Kit.answer` checks the armed faults, runs the handler (unless a fault fails the call first) and records the
outcome. An injected AWS error is raised for the pipeline to serialise like any other (`failed` adds the
fault's `Retry-After`); an injected connection failure is recorded, then raised past the pipeline to botocore.
`install`/`uninstall` keep `STATE.kit` None whenever the kit has nothing to do.

The data plane's entry (`transport.execute_api.execute_target`) reads `STATE.kit` the same way and hands each
invocation to `Kit.invoke` with the engine's run function: the kit checks the armed invocation faults (under the
lock), runs the engine with the fault's ports (or raises an injected connection error) and records an
`Invocation` (references only: the request, the target, the reply).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.state import STATE
from apigw_mock.testing.history import Call, History, Invocation

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.http import HttpResponse
    from apigw_mock.invoke.ports import ExecuteRequest, Ports, Reply, Target
    from apigw_mock.testing.faults import Fault, Trigger
    from apigw_mock.testing.invocation_faults import InvocationFault


class Kit:
    """History (when recording) and armed faults of the active mock."""

    def __init__(self, *, record: bool, history_limit: int | None = None) -> None:
        history = self.history = History(history_limit)
        self.recording = record
        bounded = history_limit is not None
        self.append: Callable[[tuple[Any, ...]], None] = (
            _ignore if not record else history.add_call if bounded else history.records.append
        )
        """Record one answered call (see `state.Kit`): the pipeline's path when no fault is armed."""
        self._add_invocation = history.add_invocation if bounded else history.invocations.append
        self.faults: list[Fault] = []
        self.invocation_faults: list[InvocationFault] = []
        self._firing = threading.local()  # .fault: the fault whose AWS error this thread's pipeline is answering

    @property
    def idle(self) -> bool:
        return not self.recording and not self.faults and not self.invocation_faults

    def arm(self, fault: Fault) -> Fault:
        with STATE.lock:
            self.faults.append(fault)
            STATE.kit = self
        return fault

    def arm_invocation(self, fault: InvocationFault) -> InvocationFault:
        with STATE.lock:
            self.invocation_faults.append(fault)
            STATE.kit = self
        return fault

    def is_armed(self, fault: Trigger) -> bool:
        return fault in self.faults or fault in self.invocation_faults

    def disarm(self, fault: Trigger) -> None:
        with STATE.lock:
            for armed in (self.faults, self.invocation_faults):
                if fault in armed:
                    armed.remove(fault)  # type: ignore[arg-type]  # the list of its kind
            if self.idle and STATE.kit is self:
                STATE.kit = None

    def invoke(
        self,
        request: ExecuteRequest,
        target: Target,
        ports: Ports,
        run: Callable[[ExecuteRequest, Target, Ports], Reply],
    ) -> Reply:
        """One data-plane invocation: `run(request, target, ports)` (the engine), with an armed fault's ports
        when one fires, recorded when recording."""
        fault = None
        if self.invocation_faults:
            with STATE.lock:
                fault = next((armed for armed in self.invocation_faults if armed.fires(request, target)), None)
        if fault is None:
            reply = run(request, target, ports)
            if self.recording:
                self._add_invocation(Invocation(request, target, time.time(), reply))
            return reply
        if fault.drops_connection:
            error = fault.connection_error()
            if self.recording:
                self._add_invocation(Invocation(request, target, time.time(), None, fault, error))
            raise error
        faulty = fault.ports(ports)
        reply = run(request, target, faulty)
        if self.recording:
            injected = fault if faulty.injected else None
            self._add_invocation(Invocation(request, target, time.time(), reply, injected))
        return reply

    def answer(
        self,
        operation: str,
        params: dict[str, Any],
        backend: ApiGatewayBackend,
        dispatch: Callable[[str, ApiGatewayBackend, dict[str, Any]], Any],
        serialize: Callable[[Any, str], HttpResponse],
    ) -> HttpResponse:
        """The reply to one valid request, made with the pipeline's `dispatch` and `serialize` (called under
        `STATE.lock`); AWS errors, the handler's and the injected ones, are raised for the pipeline to answer."""
        fault = next((fault for fault in self.faults if fault.fires(operation)), None) if self.faults else None
        if fault is not None and not fault.after:
            self._inject(fault, operation, params, backend)
        reply = serialize(dispatch(operation, backend, params), operation)
        if fault is not None:
            self._inject(fault, operation, params, backend)
        if self.recording:
            self.append((operation, params, backend.account_id, backend.region, time.time(), reply))
        return reply

    def failed(
        self, operation: str, params: dict[str, Any] | None, region: str, account_id: str | None, reply: HttpResponse
    ) -> HttpResponse:
        """Record an AWS error answer (from parse, validation, the handler or a fault) and return it."""
        fault: Fault | None = getattr(self._firing, "fault", None)
        self._firing.fault = None
        if fault is not None and fault.retry_after is not None:
            reply.headers["Retry-After"] = str(fault.retry_after)
        if self.recording:
            account = account_id or STATE.account_id
            self.history.add_call(Call(operation, params or {}, account, region, time.time(), reply, fault))
        return reply

    def _inject(self, fault: Fault, operation: str, params: dict[str, Any], backend: ApiGatewayBackend) -> None:
        """Raise the fault's error: an AWS error for the pipeline to answer (and `failed` to record), or anything
        else for botocore to see (recorded here, as no reply follows)."""
        error = fault.fire()
        if isinstance(error, ApiGatewayError):
            self._firing.fault = fault
        elif self.recording:
            call = Call(operation, params, backend.account_id, backend.region, time.time(), None, fault, error)
            self.history.add_call(call)
        raise error


def _ignore(record: tuple[Any, ...]) -> None:
    """`Kit.append` when nothing is recorded."""


def install(*, record: bool, history_limit: int | None = None) -> Kit:
    """A fresh kit for an outermost activation (the pipeline sees it only when it has work)."""
    kit = Kit(record=record, history_limit=history_limit)
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
        kit.invocation_faults.clear()
    STATE.kit = None


_current: list[Kit | None] = [None]

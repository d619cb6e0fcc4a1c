"""The process-wide mock state: whether the mock is active, and one backend per (account, region).

Nested activations share it; the outermost activation starts from a fresh, empty state. All access goes
through one re-entrant lock, so handlers run one at a time and a multi-step update is never seen half-done.
"""

from __future__ import annotations

import datetime
import random
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.http import HttpResponse


class Kit(Protocol):
    """What the control pipeline asks of the test kit (`apigw_mock.testing.hook.Kit` is the one implementation);
    declared here so that the pipeline and the state know no module above them. With no fault armed the pipeline
    answers by itself and hands the kit one plain record, `append((operation, params, account_id, region, time,
    reply))` (a list's own append: recording runs no Python frame); with faults armed, `answer` runs the call.
    The data plane hands it every invocation (`invoke`)."""

    @property
    def faults(self) -> Sequence[Any]: ...

    @property
    def append(self) -> Callable[[tuple[Any, ...]], None]: ...

    def answer(
        self,
        operation: str,
        params: dict[str, Any],
        backend: ApiGatewayBackend,
        dispatch: Callable[[str, ApiGatewayBackend, dict[str, Any]], Any],
        serialize: Callable[[Any, str], HttpResponse],
    ) -> HttpResponse: ...

    def failed(
        self, operation: str, params: dict[str, Any] | None, region: str, account_id: str | None, reply: HttpResponse
    ) -> HttpResponse: ...

    def invoke(self, request: Any, target: Any, ports: Any, run: Callable[[Any, Any, Any], Any]) -> Any:
        """One data-plane invocation (`transport.execute_api`): `run(request, target, ports)` -> the `Reply`, with
        the kit's faults and recording around it."""


DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"


class Clock:
    """The data plane's time (`Ports.now()`: usage days, throttle buckets, authorizer cache TTLs): the wall clock,
    unless a test set it. `apigw.clock.set(when)` fixes it (a naive datetime is UTC), `advance(seconds)` moves a
    fixed clock on (fixing it at the wall clock first), `release()` lets it run again; the outermost stop releases
    it. Only the data plane reads it: control-plane timestamps stay the wall clock's."""

    def __init__(self) -> None:
        self._fixed: datetime.datetime | None = None

    def now(self) -> datetime.datetime:
        fixed = self._fixed
        return datetime.datetime.now(datetime.UTC) if fixed is None else fixed

    def set(self, when: datetime.datetime) -> None:
        self._fixed = when if when.tzinfo is not None else when.replace(tzinfo=datetime.UTC)

    def advance(self, seconds: float) -> datetime.datetime:
        self._fixed = self.now() + datetime.timedelta(seconds=seconds)
        return self._fixed

    def release(self) -> None:
        self._fixed = None


class MockState:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.depth = 0  # activations holding the state: in-process mocks and servers
        self.intercepting = 0  # in-process activations; only they make botocore calls answer from memory
        self.account_id = DEFAULT_ACCOUNT_ID
        self.clock = Clock()
        self._backends: dict[tuple[str, str], ApiGatewayBackend] = {}
        self.kit: Kit | None = None  # the test kit's hook (call history, faults); None: the pipeline pays nothing
        self.seed: int | str | None = None  # set: each backend draws its ids from a generator seeded with it
        self.lambdas: dict[str, Any] = {}  # ARN or name -> handler(event, context); reset() keeps them
        # The data plane's way to AWS services (`Ports.aws_call`), installed by `apigw_mock.transport` when it is
        # imported, so that TestInvokeMethod (the control plane) reaches it without knowing the transport.
        self.aws_services: Callable[[Any], Any] | None = None
        self.user_pools: dict[str, Any] = {}  # Cognito user pool ARN -> its JWKS (public keys); kept like lambdas
        self.credentials: dict[str, str] = {}  # access key id -> secret: AWS_IAM signatures checked (opt-in)

    @property
    def active(self) -> bool:
        """Whether in-process botocore calls are answered by the mock (a server holding the state is not enough)."""
        return self.intercepting > 0

    def backend(self, region: str, account_id: str | None = None) -> ApiGatewayBackend:
        """The backend of one account and region, created empty on first use."""
        key = (account_id or self.account_id, region)
        found = self._backends.get(key)
        if found is None:
            from apigw_mock.domain.backend import ApiGatewayBackend  # deferred: `import apigw_mock` loads no model

            with self.lock:
                ids = None if self.seed is None else random.Random(f"{self.seed}:{key[0]}:{region}")
                found = self._backends.setdefault(key, ApiGatewayBackend(key[0], region, ids))
        return found

    def backends(self) -> list[ApiGatewayBackend]:
        return list(self._backends.values())

    def install(self, backends: list[ApiGatewayBackend]) -> None:
        """Replace every backend with `backends` (a restored snapshot or a loaded state file)."""
        with self.lock:
            self._backends = {(backend.account_id, backend.region): backend for backend in backends}

    def reset(self) -> None:
        with self.lock:
            self._backends.clear()


STATE = MockState()

"""Fault injection: make chosen control-plane calls fail with a modelled AWS error or a connection failure.

    with apigw.fail("CreateDeployment", "TooManyRequestsException", retry_after=1, times=1):
        client.create_deployment(...)     # botocore's retry mode retries the throttle; the second attempt succeeds
    apigw.fail("UpdateIntegration", "ConflictException", nth=2)          # the 2nd call only, from now on
    apigw.fail(None, "ServiceUnavailableException", rate=0.1, seed=7)    # a seeded 10 % of every operation's calls
    apigw.fail("DeleteResource", CONNECTION_ERROR, after=True)           # the change happens, the caller never hears

Contract:
- A `Fault` is armed when `fail()` returns and disarmed on leaving its `with` block, by `remove()`, once it has
  fired `times` times, or when the mock's outermost activation ends. Armed faults are checked in the order they
  were armed; the first that fires wins.
- Which calls it fires on: calls of `operation` (a name, several names, or None for every operation) that
  reached the handler (a request failing parse or validation is answered as it is and not counted). `nth=N`
  fires on the N-th such call since arming (1-based, an int or a collection of ints); `rate=p` on a fraction `p`,
  drawn from `random.Random(seed)` so a run repeats exactly; `times=K` at most K times. With neither `nth`,
  `rate` nor `times`, every call fails while the fault is armed.
- What it answers: an AWS error (`error` is a code such as `"ConflictException"`, an `ApiGatewayError` class or
  instance) is serialised as the mock serialises its own errors (status, `x-amzn-ErrorType`, `{"message"}`),
  plus `Retry-After: <retry_after>` when given (botocore reads it as `retryAfterSeconds`). `CONNECTION_ERROR`
  raises botocore's `EndpointConnectionError` from the hook, and any other exception instance is raised as it
  is, so botocore handles it as a failure to reach the endpoint (standard and legacy retry modes retry it).
  In server mode a raised exception is answered 500 InternalFailure by the HTTP front.
- `after=False` (the default) fails the call before the handler runs: nothing changes. `after=True` runs the
  handler first, keeps its change, then answers the fault; if the handler itself fails, its own error is
  answered and the fault does not fire.
- Default messages [UNK: AWS's exact texts for throttling and unavailability are not on record for this API;
  "Too Many Requests" is API Gateway's usual throttle body]: see `DEFAULT_MESSAGES`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from apigw_mock import exceptions
from apigw_mock.exceptions import ApiGatewayError

if TYPE_CHECKING:
    from apigw_mock.testing.hook import Kit

CONNECTION_ERROR = "EndpointConnectionError"
"""The `error` that makes a call fail as if the endpoint could not be reached."""

MODELLED_ERRORS: dict[str, type[ApiGatewayError]] = {
    cls.code: cls
    for cls in (
        exceptions.BadRequestException,
        exceptions.ConflictException,
        exceptions.LimitExceededException,
        exceptions.NotFoundException,
        exceptions.ServiceUnavailableException,
        exceptions.TooManyRequestsException,
        exceptions.UnauthorizedException,
    )
}
"""The error shapes botocore models for API Gateway, by code (the `error` strings `fail()` accepts)."""

DEFAULT_MESSAGES = {
    "TooManyRequestsException": "Too Many Requests",
    "ServiceUnavailableException": "Service Unavailable",
    "LimitExceededException": "Limit Exceeded",
}


class Trigger:
    """When an armed fault fires and when it is spent (`nth`, `times`, `rate` with `seed`; the module contract),
    and its arming: a context manager that disarms it on exit. `seen` counts the calls it matched, `fired` those
    it failed. `Fault` (control plane) and `invocation_faults.InvocationFault` (data plane) are the two kinds."""

    def __init__(
        self,
        kit: Kit,
        *,
        nth: int | Collection[int] | None = None,
        times: int | None = None,
        rate: float | None = None,
        seed: int | str | None = 0,
    ) -> None:
        self._kit = kit
        self.nth = None if nth is None else {nth} if isinstance(nth, int) else set(nth)
        self.times = times
        if rate is not None and not 0.0 <= rate <= 1.0:
            raise ValueError(f"rate must be between 0 and 1, not {rate}")
        if times is not None and times < 1:
            raise ValueError(f"times must be at least 1, not {times}")
        if self.nth is not None and min(self.nth, default=0) < 1:
            raise ValueError(f"nth counts calls from 1, not {nth}")
        self.rate = rate
        self._random = random.Random(seed)
        self.seen = 0
        """Matching calls seen since the fault was armed."""
        self.fired = 0

    @property
    def armed(self) -> bool:
        return self._kit.is_armed(self)

    def _counts(self) -> bool:
        """Count one matching call and tell whether the fault fails it."""
        self.seen += 1
        if self.nth is not None and self.seen not in self.nth:
            return False
        return self.rate is None or self._random.random() < self.rate

    def _spend(self) -> None:
        """Record one firing, disarming a fault that is spent."""
        self.fired += 1
        if (self.times is not None and self.fired >= self.times) or (
            self.nth is not None and self.rate is None and self.seen >= max(self.nth)
        ):
            self.remove()

    def remove(self) -> None:
        """Disarm the fault (idempotent)."""
        self._kit.disarm(self)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.remove()


class Fault(Trigger):
    """One armed control-plane fault (see the module contract)."""

    def __init__(
        self,
        kit: Kit,
        operation: str | Collection[str] | None,
        error: str | ApiGatewayError | type[ApiGatewayError] | BaseException,
        *,
        message: str | None = None,
        nth: int | Collection[int] | None = None,
        times: int | None = None,
        rate: float | None = None,
        seed: int | str | None = 0,
        after: bool = False,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(kit, nth=nth, times=times, rate=rate, seed=seed)
        self.operations = None if operation is None else {operation} if isinstance(operation, str) else set(operation)
        self._make = _factory(error, message)
        self.after = after
        self.retry_after = retry_after

    def fires(self, operation: str) -> bool:
        """Count a call of `operation` and tell whether this fault fails it (the caller then calls `fire`)."""
        if self.operations is not None and operation not in self.operations:
            return False
        return self._counts()

    def fire(self) -> ApiGatewayError | BaseException:
        """Record one firing (disarming a fault that is spent) and give the error to answer or raise."""
        self._spend()
        return self._make()

    def __repr__(self) -> str:
        operations = "every operation" if self.operations is None else ", ".join(sorted(self.operations))
        made = self._make()
        return f"Fault({operations}: {getattr(made, 'code', type(made).__name__)}, fired {self.fired})"

    @property
    def error(self) -> BaseException:
        """An instance of what the fault answers or raises (a new one for each firing of an AWS error)."""
        return self._make()


def _factory(error: Any, message: str | None) -> Callable[[], BaseException]:
    """What makes the exception to answer (a fresh AWS error per firing) or to raise (the instance given)."""
    if isinstance(error, str):
        if error == CONNECTION_ERROR:
            return _connection_error
        if error not in MODELLED_ERRORS:
            known = ", ".join([*MODELLED_ERRORS, CONNECTION_ERROR])
            raise ValueError(f"unknown error {error!r}: use one of {known}, or an exception instance")
        error = MODELLED_ERRORS[error]
    if isinstance(error, type) and issubclass(error, ApiGatewayError):
        text = message if message is not None else DEFAULT_MESSAGES.get(error.code, f"{error.code} (injected)")
        cls: type[ApiGatewayError] = error
        return lambda: cls(text)
    if isinstance(error, BaseException):
        instance = error
        return lambda: instance
    raise TypeError(f"error must be an AWS error code, an ApiGatewayError class or an exception, not {error!r}")


def _connection_error() -> BaseException:
    from botocore.exceptions import EndpointConnectionError

    error: BaseException = EndpointConnectionError(endpoint_url="https://apigateway.amazonaws.com (apigw_mock fault)")
    return error

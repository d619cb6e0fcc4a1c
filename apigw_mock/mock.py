"""`mock_apigateway`: the decorator / context manager that switches the in-process API Gateway on and off.

    @mock_apigateway            # a function (sync, async or generator) or a class
    def test_cors(): ...

    with mock_apigateway() as apigw:
        boto3.client("apigateway").create_rest_api(name="demo")
        apigw.backend().apis        # the typed domain graph, for seeding and assertions

Parentheses rule: use `@mock_apigateway` bare or call it with keyword options (`@mock_apigateway(account_id=...)`);
as a context manager or for `start()`/`stop()` always call it. Every outermost activation starts from a fresh, empty
graph; nested activations share it. While active, fake credentials are in the environment (no real account, no
metadata service) and the environment is restored exactly on exit.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import unittest
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, overload

from apigw_mock.state import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, STATE
from apigw_mock.transport import botocore_hook as interceptor

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.invoke.ports import Reply

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

FAKE_ENVIRONMENT: dict[str, str | None] = {
    "AWS_ACCESS_KEY_ID": "AKIAAPIGWMOCKTESTING",
    "AWS_SECRET_ACCESS_KEY": "apigw-mock-fake-secret-access-key",
    "AWS_SESSION_TOKEN": None,
    "AWS_SECURITY_TOKEN": None,
    "AWS_EC2_METADATA_DISABLED": "true",
}
_saved_environment: dict[str, str | None] = {}


class MockApiGateway:
    """One handle on the process-wide mock; see the module docstring for use."""

    def __init__(self, *, account_id: str = DEFAULT_ACCOUNT_ID, intercept: bool = True) -> None:
        """`intercept=False` only holds the shared state (server mode): in-process botocore calls are not answered
        and the environment's credentials are left alone."""
        self.account_id = account_id
        self.intercept = intercept
        self._started = False

    def start(self) -> None:
        """Activate (outermost activation: fresh state; first intercepting one: fake credentials). Idempotent."""
        if self._started:
            return
        with STATE.lock:
            if STATE.depth == 0:
                STATE.reset()
                STATE.account_id = self.account_id
                if self.intercept:
                    STATE.lambdas.clear()  # a server keeps the Lambdas registered before it started (its CLI's)
            if self.intercept:
                if STATE.intercepting == 0:
                    _enter_environment()
                STATE.intercepting += 1
            STATE.depth += 1
            self._started = True

    def stop(self) -> None:
        """Deactivate; the last intercepting stop restores the environment. Idempotent per handle."""
        if not self._started:
            return
        with STATE.lock:
            self._started = False
            STATE.depth -= 1
            if self.intercept:
                STATE.intercepting -= 1
                if STATE.intercepting == 0:
                    _restore_environment()
                    _stop_data_plane()

    def backend(self, region: str = DEFAULT_REGION, account_id: str | None = None) -> ApiGatewayBackend:
        """The typed domain graph of one region (and account, default the mock's), for assertions: the nodes it
        holds are shared from now on, so a later call never changes a node you read from it (it replaces it)."""
        with STATE.lock:
            backend = STATE.backend(region, account_id)
            backend.share()
            return backend

    def reset(self) -> None:
        """Forget every API in every account and region (and every registered Lambda)."""
        STATE.reset()
        STATE.lambdas.clear()

    def register_lambda(self, name_or_arn: str, handler: Callable[[Any, Any], Any]) -> None:
        """Bind `handler(event, context)` to a Lambda function (full ARN, or a bare name for any region and
        account): integrations whose URI names it call it. Also starts answering execute-api `requests` calls."""
        register_lambda(name_or_arn, handler)

    def invoke(
        self,
        rest_api_id: str,
        stage: str,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | None = None,
        region: str = DEFAULT_REGION,
    ) -> Reply:
        """Call a deployed stage without an HTTP client: `invoke(api_id, "dev", "GET", "/pets?limit=2")` ->
        `Reply(status, headers, body)` (also `.text`, `.json()`, `.multi_value_headers`)."""
        from apigw_mock.transport import execute_api

        return execute_api.invoke(rest_api_id, stage, method, path, headers=headers, body=body, region=region)

    def seed_canary(self, seed: int | None) -> None:
        """Make canary draws reproducible (`None`: random again)."""
        from apigw_mock.transport import execute_api

        execute_api.seed(seed)

    def __enter__(self) -> MockApiGateway:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __call__(self, target: T) -> T:
        """Decorate a function, coroutine function or class; each call gets its own activation."""
        if isinstance(target, type):
            return _decorate_class(target, self.account_id)  # type: ignore[return-value]
        return _decorate_function(target, self.account_id)  # type: ignore[arg-type,return-value]


@overload
def mock_apigateway(target: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def mock_apigateway(target: type[T], /) -> type[T]: ...
@overload
def mock_apigateway(*, account_id: str = DEFAULT_ACCOUNT_ID) -> MockApiGateway: ...
def mock_apigateway(target: Any = None, /, *, account_id: str = DEFAULT_ACCOUNT_ID) -> Any:
    """Mock API Gateway for a function, a class, a `with` block or between `start()` and `stop()`."""
    mock = MockApiGateway(account_id=account_id)
    return mock if target is None else mock(target)


def _decorate_function(func: Callable[P, Any], account_id: str) -> Callable[P, Any]:
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def run_async(*args: P.args, **kwargs: P.kwargs) -> Any:
            with MockApiGateway(account_id=account_id):
                return await func(*args, **kwargs)

        return run_async
    if inspect.isgeneratorfunction(func):
        # A generator (e.g. a yield-fixture) runs after the call returns: the mock must span its iteration.
        @functools.wraps(func)
        def run_generator(*args: P.args, **kwargs: P.kwargs) -> Any:
            with MockApiGateway(account_id=account_id):
                return (yield from func(*args, **kwargs))

        return run_generator

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> Any:
        with MockApiGateway(account_id=account_id):
            return func(*args, **kwargs)

    return run


def _decorate_class(cls: type[T], account_id: str) -> type[T]:
    """unittest: the mock spans setUp, the test, tearDown and cleanups. Plain (pytest) classes: it spans
    setup_method, the test and teardown_method, and each `test*` method is also wrapped on its own."""
    if issubclass(cls, unittest.TestCase):
        original_set_up = cls.setUp

        def set_up(self: unittest.TestCase) -> None:
            mock = MockApiGateway(account_id=account_id)
            mock.start()
            self.addCleanup(mock.stop)
            original_set_up(self)

        cls.setUp = functools.wraps(original_set_up)(set_up)  # type: ignore[method-assign]
        return cls
    original_setup = getattr(cls, "setup_method", None)
    original_teardown = getattr(cls, "teardown_method", None)

    def setup_method(self: Any, method: Any = None) -> None:
        self._apigw_mock = MockApiGateway(account_id=account_id)
        self._apigw_mock.start()
        if original_setup is not None:
            original_setup(self, method)

    def teardown_method(self: Any, method: Any = None) -> None:
        try:
            if original_teardown is not None:
                original_teardown(self, method)
        finally:
            self._apigw_mock.stop()

    cls.setup_method = setup_method  # type: ignore[attr-defined]
    cls.teardown_method = teardown_method  # type: ignore[attr-defined]
    for name, member in list(vars(cls).items()):
        if name.startswith("test") and callable(member):
            setattr(cls, name, _decorate_function(member, account_id))
    return cls


def register_lambda(name_or_arn: str, handler: Callable[[Any, Any], Any]) -> None:
    """Bind `handler(event, context)` to a Lambda function for the data plane, in process or for a server running in
    this process (`running_server()`): a full ARN, or a bare name matching any region, account and qualifier."""
    from apigw_mock.transport import execute_api

    execute_api.register_lambda(name_or_arn, handler)


def _stop_data_plane() -> None:
    execute_api = sys.modules.get("apigw_mock.transport.execute_api")  # loaded only if the data plane was used
    if execute_api is not None:
        execute_api.stop()


def _enter_environment() -> None:
    _saved_environment.clear()
    keys = [*FAKE_ENVIRONMENT, "AWS_DEFAULT_REGION"]
    _saved_environment.update({key: os.environ.get(key) for key in keys})
    for key, value in FAKE_ENVIRONMENT.items():
        _set(key, value)
    if "AWS_DEFAULT_REGION" not in os.environ and "AWS_REGION" not in os.environ:
        os.environ["AWS_DEFAULT_REGION"] = DEFAULT_REGION


def _restore_environment() -> None:
    for key, value in _saved_environment.items():
        _set(key, value)
    _saved_environment.clear()


def _set(key: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = value


interceptor.register()

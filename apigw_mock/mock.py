"""`mock_apigateway`: the decorator / context manager that switches the in-process API Gateway on and off.

    @mock_apigateway            # a function (sync, async or generator) or a class
    def test_cors(): ...

    with mock_apigateway() as apigw:
        boto3.client("apigateway").create_rest_api(name="demo")
        apigw.backend().apis        # the typed domain graph, for seeding and assertions
        apigw.calls.assert_called_once("CreateRestApi", name="demo")   # the call history (apigw_mock.testing)
        apigw.invocations.assert_invoked("GET", "/pets")               # calls to deployed stages

Options: `seed=` makes every generated id derive from it (two runs, same ids and URLs); `record=False` turns the
call history off, and `history_limit=N` keeps only the N most recent calls (for a long-running script). The test
kit (history, `fail`, `snapshot`/`restore`, `save`/`load`/`seed`) lives in `apigw_mock.testing`; the methods here
are one-line delegations to it.

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
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, overload

from apigw_mock.state import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, STATE, Clock
from apigw_mock.transport import botocore_hook as interceptor

if TYPE_CHECKING:
    import unittest
    from collections.abc import Collection, Mapping

    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.exceptions import ApiGatewayError
    from apigw_mock.invoke.ports import Reply
    from apigw_mock.testing.faults import Fault
    from apigw_mock.testing.history import Calls, Invocations
    from apigw_mock.testing.hook import Kit
    from apigw_mock.testing.invocation_faults import InvocationFault
    from apigw_mock.testing.snapshots import Snapshot
    from apigw_mock.testing.user_pools import UserPool

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

    def __init__(
        self,
        *,
        account_id: str = DEFAULT_ACCOUNT_ID,
        intercept: bool = True,
        seed: int | str | None = None,
        record: bool | None = None,
        history_limit: int | None = None,
    ) -> None:
        """`intercept=False` only holds the shared state (server mode): in-process botocore calls are not answered
        and the environment's credentials are left alone. `seed`: deterministic ids. `record`: keep the call
        history (default: when intercepting); `history_limit`: keep only that many of the most recent calls (and as
        many data-plane invocations), so a long-running process stays bounded (default: all of them). They apply
        to an outermost activation; nested ones share its."""
        self.account_id = account_id
        self.intercept = intercept
        self.seed_value = seed
        self.record = intercept if record is None else record
        if history_limit is not None and history_limit < 1:
            raise ValueError(f"history_limit must be a positive number of calls (or None for all), not {history_limit}")
        self.history_limit = history_limit
        self._started = False
        self._kit: Kit | None = None

    def start(self) -> None:
        """Activate (outermost activation: fresh state; first intercepting one: fake credentials). Idempotent."""
        if self._started:
            return
        from apigw_mock.testing import hook

        with STATE.lock:
            if STATE.depth == 0:
                STATE.reset()
                STATE.account_id = self.account_id
                STATE.seed = self.seed_value
                hook.install(record=self.record, history_limit=self.history_limit)
                if self.intercept:
                    STATE.lambdas.clear()  # a server keeps the Lambdas registered before it started (its CLI's)
                    STATE.user_pools.clear()
                    STATE.credentials.clear()
            self._kit = hook.current()
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
            if STATE.depth == 0:
                from apigw_mock.testing import hook

                hook.uninstall()
                STATE.clock.release()
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
        """Forget every API in every account and region, and every registered Lambda, user pool and credential (the
        call history stays; `calls.clear()` forgets it)."""
        STATE.reset()
        STATE.lambdas.clear()
        STATE.user_pools.clear()
        STATE.credentials.clear()

    def register_lambda(self, name_or_arn: str, handler: Callable[[Any, Any], Any]) -> None:
        """Bind `handler(event, context)` to a Lambda function (full ARN, or a bare name for any region and
        account): integrations whose URI names it call it. Also starts answering execute-api `requests` calls."""
        register_lambda(name_or_arn, handler)

    def user_pool(self, pool_arn: str) -> UserPool:
        """A Cognito user pool for COGNITO_USER_POOLS authorizers without moto: a signing key of its own, registered
        with the data plane, that issues ID and access tokens (`pool.id_token(client_id)`, `pool.access_token(
        client_id, scopes=[...])`; see `apigw_mock.testing.user_pools`). Pools moto's `mock_aws` serves need none."""
        from apigw_mock.testing.user_pools import UserPool

        return UserPool(pool_arn).register()

    def register_user_pool(self, pool_arn: str, jwks: Mapping[str, Any]) -> None:
        """Make a user pool's public keys (a JWKS, `{"keys": [...]}`) known, for tokens a test signs itself."""
        from apigw_mock.transport import execute_api

        execute_api.register_user_pool(pool_arn, jwks)

    def register_credentials(self, access_key_id: str, secret_access_key: str) -> None:
        """Check the SigV4 signatures made with this key on AWS_IAM methods (opt-in; other keys stay unchecked): a
        wrong one is 403 INVALID_SIGNATURE with AWS's text (see `transport.signatures`)."""
        with STATE.lock:
            STATE.credentials[access_key_id] = secret_access_key

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
        source_ip: str = "127.0.0.1",
    ) -> Reply:
        """Call a deployed stage without an HTTP client: `invoke(api_id, "dev", "GET", "/pets?limit=2")` ->
        `Reply(status, headers, body)` (also `.text`, `.json()`, `.multi_value_headers`); `source_ip` is the
        caller's address (`$context.identity.sourceIp`, a resource policy's `aws:SourceIp`)."""
        from apigw_mock.transport import execute_api

        return execute_api.invoke(
            rest_api_id, stage, method, path, headers=headers, body=body, region=region, source_ip=source_ip
        )

    @property
    def clock(self) -> Clock:
        """The data plane's clock (usage quotas, throttling, authorizer caching): `apigw.clock.set(when)`,
        `apigw.clock.advance(seconds)`, `apigw.clock.release()`; no test needs to sleep."""
        return STATE.clock

    def seed_canary(self, seed: int | None) -> None:
        """Make canary draws reproducible (`None`: random again)."""
        from apigw_mock.transport import execute_api

        execute_api.seed(seed)

    # ---- the test kit (apigw_mock.testing) ------------------------------------------------------------------------

    @property
    def calls(self) -> Calls:
        """Every control-plane call answered since the outermost activation began (see `testing.history`)."""
        from apigw_mock.testing.history import Calls

        return Calls(self._testkit().history)

    @property
    def invocations(self) -> Invocations:
        """Every data-plane invocation answered since the outermost activation began: `requests` calls to
        execute-api URLs, `invoke(...)`, server-mode stage requests (see `testing.history`)."""
        from apigw_mock.testing.history import Invocations

        return Invocations(self._testkit().history)

    def fail(
        self,
        operation: str | Collection[str] | None,
        error: str | ApiGatewayError | type[ApiGatewayError] | BaseException = "TooManyRequestsException",
        *,
        message: str | None = None,
        nth: int | Collection[int] | None = None,
        times: int | None = None,
        rate: float | None = None,
        seed: int | str | None = 0,
        after: bool = False,
        retry_after: int | None = None,
    ) -> Fault:
        """Arm a fault: calls of `operation` (None: all) fail with `error` (see `testing.faults`); a context manager."""
        from apigw_mock.testing.faults import Fault

        kit = self._armed_kit()
        fault = Fault(
            kit,
            operation,
            error,
            message=message,
            nth=nth,
            times=times,
            rate=rate,
            seed=seed,
            after=after,
            retry_after=retry_after,
        )
        return kit.arm(fault)

    def fail_invocations(
        self,
        kind: str = "timeout",
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
    ) -> InvocationFault:
        """Arm a data-plane fault: matching invocations (`path`: an fnmatch pattern after the stage) fail as
        `kind` — "timeout", "lambda_throttled", "backend_5xx" (`status`, `body`, `headers`) or "connection_error"
        (see `testing.invocation_faults`); a context manager."""
        from apigw_mock.testing.invocation_faults import InvocationFault

        kit = self._armed_kit()
        fault = InvocationFault(
            kit,
            kind,
            api_id=api_id,
            stage=stage,
            method=method,
            path=path,
            status=status,
            body=body,
            headers=headers,
            nth=nth,
            times=times,
            rate=rate,
            seed=seed,
        )
        return kit.arm_invocation(fault)

    def snapshot(self) -> Snapshot:
        """The whole state (every account and region) as it is now, in memory (see `testing.snapshots`)."""
        from apigw_mock.testing import snapshots

        return snapshots.take()

    def restore(self, snapshot: Snapshot) -> None:
        """Put the state back exactly as it was at `snapshot` (restorable any number of times)."""
        from apigw_mock.testing import snapshots

        snapshots.restore(snapshot)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the whole state to a JSON file, atomically (format: `testing.state_file`)."""
        from apigw_mock.testing import state_file

        return state_file.save(path)

    def load(self, source: str | os.PathLike[str] | Mapping[str, Any]) -> None:
        """Replace the whole state with a state file's (or its parsed JSON document)."""
        from apigw_mock.testing import state_file

        state_file.load(source)

    def seed(self, source: Callable[[Any], object] | str | os.PathLike[str] | Mapping[str, Any] | Snapshot) -> None:
        """Replace the state with a fixture: a state file or document, a snapshot, or a function `build(client)`
        run on an empty state once per process and restored from its snapshot afterwards (see `testing.seeding`)."""
        from apigw_mock.testing import seeding

        seeding.seed(source, self._testkit())

    def _armed_kit(self) -> Kit:
        """The kit to arm a fault on (faults need an active mock)."""
        if not STATE.depth:
            raise RuntimeError("arm faults on an active mock (inside `with mock_apigateway() as apigw:`)")
        return self._testkit()

    def _testkit(self) -> Kit:
        from apigw_mock.testing import hook

        return self._kit or hook.current()

    def __enter__(self) -> MockApiGateway:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __call__(self, target: T) -> T:
        """Decorate a function, coroutine function or class; each call gets its own activation."""
        options = {
            "account_id": self.account_id,
            "seed": self.seed_value,
            "record": self.record,
            "history_limit": self.history_limit,
        }
        if isinstance(target, type):
            return _decorate_class(target, options)  # type: ignore[return-value]
        return _decorate_function(target, options)  # type: ignore[arg-type,return-value]


@overload
def mock_apigateway(target: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def mock_apigateway(target: type[T], /) -> type[T]: ...
@overload
def mock_apigateway(
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    seed: int | str | None = None,
    record: bool = True,
    history_limit: int | None = None,
) -> MockApiGateway: ...
def mock_apigateway(
    target: Any = None,
    /,
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    seed: int | str | None = None,
    record: bool = True,
    history_limit: int | None = None,
) -> Any:
    """Mock API Gateway for a function, a class, a `with` block or between `start()` and `stop()`; `seed` makes
    the generated ids deterministic, `record=False` keeps no call history, `history_limit=N` only the N latest."""
    mock = MockApiGateway(account_id=account_id, seed=seed, record=record, history_limit=history_limit)
    return mock if target is None else mock(target)


def _decorate_function(func: Callable[P, Any], options: dict[str, Any]) -> Callable[P, Any]:
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def run_async(*args: P.args, **kwargs: P.kwargs) -> Any:
            with MockApiGateway(**options):
                return await func(*args, **kwargs)

        return run_async
    if inspect.isgeneratorfunction(func):
        # A generator (e.g. a yield-fixture) runs after the call returns: the mock must span its iteration.
        @functools.wraps(func)
        def run_generator(*args: P.args, **kwargs: P.kwargs) -> Any:
            with MockApiGateway(**options):
                return (yield from func(*args, **kwargs))

        return run_generator

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> Any:
        with MockApiGateway(**options):
            return func(*args, **kwargs)

    return run


def _decorate_class(cls: type[T], options: dict[str, Any]) -> type[T]:
    """unittest: the mock spans setUp, the test, tearDown and cleanups. Plain (pytest) classes: it spans
    setup_method, the test and teardown_method, and each `test*` method is also wrapped on its own."""
    # unittest not imported: cls cannot be a TestCase (so `import apigw_mock` need not import it)
    test_case: type[unittest.TestCase] | None = getattr(sys.modules.get("unittest"), "TestCase", None)
    if test_case is not None and issubclass(cls, test_case):
        original_set_up = cls.setUp

        def set_up(self: unittest.TestCase) -> None:
            mock = MockApiGateway(**options)
            mock.start()
            self.addCleanup(mock.stop)
            original_set_up(self)

        cls.setUp = functools.wraps(original_set_up)(set_up)  # type: ignore[method-assign]
        return cls
    original_setup = getattr(cls, "setup_method", None)
    original_teardown = getattr(cls, "teardown_method", None)

    def setup_method(self: Any, method: Any = None) -> None:
        self._apigw_mock = MockApiGateway(**options)
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
            setattr(cls, name, _decorate_function(member, options))
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

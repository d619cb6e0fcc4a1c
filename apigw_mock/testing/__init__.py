"""The test kit: call history and assertions, fault injection, state snapshots and files, seeding.

Reached through the active mock (`with mock_apigateway() as apigw:`): `apigw.calls`, `apigw.fail(...)`,
`apigw.snapshot()` / `apigw.restore(...)`, `apigw.save(path)` / `apigw.load(path)`, `apigw.seed(...)`, and
`mock_apigateway(seed=...)` for deterministic ids. Each module's docstring is its contract:
`history` (Call, Calls), `faults` (Fault, CONNECTION_ERROR), `snapshots` (Snapshot), `state_file` (the JSON format),
`seeding`, `user_pools` (UserPool: a Cognito pool that signs tokens, `apigw.user_pool(arn)`), and `hook` (the
pipeline's one entry point into the kit).
"""

from typing import TYPE_CHECKING, Any

from apigw_mock.testing.faults import CONNECTION_ERROR, Fault
from apigw_mock.testing.history import Call, CallError, Calls

if TYPE_CHECKING:
    from apigw_mock.testing.snapshots import Snapshot


def __getattr__(name: str) -> Any:
    """`Snapshot` on first use: starting a mock imports this package, and snapshots import the domain models."""
    if name == "Snapshot":
        from apigw_mock.testing.snapshots import Snapshot

        return Snapshot
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CONNECTION_ERROR", "Call", "CallError", "Calls", "Fault", "Snapshot"]

"""The test kit: call history and assertions, fault injection, state snapshots and files, seeding.

Reached through the active mock (`with mock_apigateway() as apigw:`): `apigw.calls`, `apigw.fail(...)`,
`apigw.snapshot()` / `apigw.restore(...)`, `apigw.save(path)` / `apigw.load(path)`, `apigw.seed(...)`, and
`mock_apigateway(seed=...)` for deterministic ids. Each module's docstring is its contract:
`history` (Call, Calls), `faults` (Fault, CONNECTION_ERROR), `snapshots` (Snapshot), `state_file` (the JSON format),
`seeding`, and `hook` (the pipeline's one entry point into the kit).
"""

from apigw_mock.testing.faults import CONNECTION_ERROR, Fault
from apigw_mock.testing.history import Call, CallError, Calls
from apigw_mock.testing.snapshots import Snapshot

__all__ = ["CONNECTION_ERROR", "Call", "CallError", "Calls", "Fault", "Snapshot"]

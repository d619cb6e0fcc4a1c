"""Seeding: replace the state with a fixture, built once per process and restored cheaply afterwards.

    def build(client):                       # any boto3 calls; runs on an empty state
        api = client.create_rest_api(name="shop")
        client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="orders")

    @mock_apigateway
    def test_orders():
        apigw.seed(build)                    # first test: runs build; later ones: restore build's snapshot

Contract: `seed(source, kit)` replaces every backend. `source` is a function `build(client)` (called with a boto3
`apigateway` client for us-east-1 on an empty state; its result is cached per function object as a `Snapshot`,
so it runs once per process), a `Snapshot`, a state file path or its parsed document (`testing.state_file`).
The calls `build` makes are not left in the call history. The cached snapshot holds the ids `build` produced;
with `mock_apigateway(seed=...)` they are the ones every run produces anyway.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from apigw_mock.state import DEFAULT_REGION, STATE
from apigw_mock.testing import snapshots, state_file
from apigw_mock.testing.hook import Kit
from apigw_mock.testing.snapshots import Snapshot

_built: dict[Callable[[Any], object], Snapshot] = {}


def seed(source: Callable[[Any], object] | str | os.PathLike[str] | Mapping[str, Any] | Snapshot, kit: Kit) -> None:
    """Replace the state with `source`; see the module docstring."""
    if isinstance(source, Snapshot):
        snapshots.restore(source)
    elif isinstance(source, str | os.PathLike | Mapping):
        state_file.load(source)
    elif source in _built:
        snapshots.restore(_built[source])
    else:
        _built[source] = _build(source, kit)


def _build(build: Callable[[Any], object], kit: Kit) -> Snapshot:
    import boto3

    if not STATE.active:
        raise RuntimeError("seed(build) needs an active in-process mock (`with mock_apigateway() as apigw:`)")
    recorded = len(kit.history.records)
    STATE.reset()
    try:
        build(boto3.client("apigateway", region_name=DEFAULT_REGION))
    finally:
        del kit.history.records[recorded:]
    return snapshots.take()

"""In-memory snapshots of the whole mock state (every account and region), taken and restored cheaply.

    snap = apigw.snapshot()     # after seeding a fixture graph once
    ...                         # a test changes whatever it likes
    apigw.restore(snap)         # back exactly to the snapshot; the same snapshot can be restored again

Contract:
- `take()` copies the containers, never the nodes: each API is `ApiGraph.fork()`ed (its containers new, its nodes
  shared copy-on-write; O(resources) pointers, see `domain.graph`), and every other container on a backend (the
  account-level `PagedDict`s and dicts, the set of ids in use) is copied one level deep. This is exact because of
  the write path's ownership rule (`domain.backend`): a node held outside the live graph is never edited again,
  account-level nodes are only ever replaced, and forked resources are copied before they are written beneath.
- The backend's own seeded id generator (deterministic ids) is captured too, so after a restore the same ids
  come out again; the shared unseeded generator is left alone.
- `restore(snapshot)` installs fresh forks of the snapshot (which stays untouched) in place of every backend,
  under `STATE.lock`; backends created after the snapshot are dropped.
- Call history and armed faults are not part of the state: a restore leaves them as they are. A backend read
  before a restore (`apigw.backend()`) is the old one: read it again after.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Any

from apigw_mock.domain.backend import _IDS, ApiGatewayBackend
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.paging import PagedDict
from apigw_mock.state import STATE


@dataclass(frozen=True)
class Snapshot:
    """The state of every backend at one moment; restore it with `MockApiGateway.restore` (any number of times)."""

    backends: tuple[ApiGatewayBackend, ...]
    """Private copies, never installed themselves (each restore installs copies of them)."""

    def __repr__(self) -> str:
        apis = sum(len(backend.apis) for backend in self.backends)
        return f"Snapshot({len(self.backends)} backends, {apis} REST APIs)"


def take() -> Snapshot:
    """A snapshot of the whole state as it is now."""
    with STATE.lock:
        return Snapshot(tuple(copy_backend(backend) for backend in STATE.backends()))


def restore(snapshot: Snapshot) -> None:
    """Make the state exactly what it was when `snapshot` was taken."""
    with STATE.lock:
        STATE.install([copy_backend(backend) for backend in snapshot.backends])


def copy_backend(backend: ApiGatewayBackend) -> ApiGatewayBackend:
    """A backend with containers of its own and the same (from now on shared) nodes."""
    twin = ApiGatewayBackend.__new__(ApiGatewayBackend)
    twin.__dict__.update({name: _copy(value) for name, value in vars(backend).items()})
    return twin


def _copy(value: Any) -> Any:
    if isinstance(value, PagedDict):
        twin = value.copy()
        for key, item in value.items():
            if isinstance(item, ApiGraph | PagedDict | dict):
                twin[key] = _copy(item)  # an existing key: its paging position is kept
        return twin
    if isinstance(value, ApiGraph):
        return _fork(value)
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, set | list):
        return value.copy()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # ledgers: containers of plain values
        fields = {field.name: _copy(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return type(value)(**fields)
    if isinstance(value, random.Random) and value is not _IDS:
        ids = random.Random()
        ids.setstate(value.getstate())
        return ids
    return value  # scalars, and nodes (replaced, never edited in place)


def _fork(graph: ApiGraph) -> ApiGraph:
    """`graph.fork()`, and a copy of any container the fork left shared (a field added to ApiGraph later)."""
    twin = graph.fork()
    for field in dataclasses.fields(graph):
        value = getattr(twin, field.name)
        if value is getattr(graph, field.name) and isinstance(value, PagedDict | dict | set | list):
            setattr(twin, field.name, value.copy())
    return twin

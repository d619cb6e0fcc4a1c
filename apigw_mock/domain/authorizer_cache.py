"""The Lambda authorizer cache of one backend (spec data-plane §7.5): results per stage, authorizer and identity.

Contract:
- `cache_of(backend)` is the backend's cache, made on first use and kept beside it (a weak map, not an attribute:
  a cache is not state, so state files and snapshots never see it, and a fresh or restored backend starts empty).
  The data plane reaches it through `Ports.authorizer_cache`; FlushStageAuthorizersCache (control plane) calls
  `flush`. Both sides only name this module, so neither imports the other.
- `get(stage, key, now)` is the value stored for `key` (an authorizer id and its identity values) on `stage`
  (`(api id, stage name)`) if it has not expired at `now` (seconds since the epoch, from the data plane's clock);
  else `None`. `put(stage, key, value, now=, ttl=)` stores it for `ttl` seconds from `now`; `flush(stage)` forgets
  the stage's entries. What the values are is the data plane's business (`invoke.guards.lambda_authorizer`).
- Bounded: beyond `LIMIT` entries in a stage, expired ones are dropped, then the oldest. Thread-safe (writes under
  a lock; a read is single dict lookups).
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Hashable

    from apigw_mock.domain.backend import ApiGatewayBackend

StageKey = tuple[str, str]
LIMIT = 10_000
_EMPTY: dict[Any, Any] = {}


class AuthorizerCache:
    def __init__(self) -> None:
        self._stages: dict[StageKey, dict[Hashable, tuple[float, Any]]] = {}
        self._lock = threading.Lock()

    def get(self, stage: StageKey, key: Hashable, now: float) -> Any:
        found = self._stages.get(stage, _EMPTY).get(key)  # single dict reads: atomic, no lock needed
        return found[1] if found is not None and now < found[0] else None

    def put(self, stage: StageKey, key: Hashable, value: Any, *, now: float, ttl: float) -> None:
        with self._lock:
            entries = self._stages.setdefault(stage, {})
            entries.pop(key, None)  # re-inserted last: the dict's order is the age order
            entries[key] = (now + ttl, value)
            if len(entries) > LIMIT:
                for gone in [old for old, (expires, _) in entries.items() if expires <= now]:
                    del entries[gone]
                while len(entries) > LIMIT:
                    del entries[next(iter(entries))]

    def flush(self, stage: StageKey) -> None:
        with self._lock:
            self._stages.pop(stage, None)

    def __len__(self) -> int:
        with self._lock:
            return sum(len(entries) for entries in self._stages.values())


_caches: weakref.WeakKeyDictionary[ApiGatewayBackend, AuthorizerCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def cache_of(backend: ApiGatewayBackend) -> AuthorizerCache:
    """The backend's authorizer cache (see the module contract)."""
    found = _caches.get(backend)
    if found is None:
        with _caches_lock:
            found = _caches.setdefault(backend, AuthorizerCache())
    return found

"""What the data plane builds once per deployment: an LRU keyed by the frozen snapshot itself.

Contract: `PerDeployment(build, size)` answers `get(deployed)` with `build(deployed)`, built on the first request for
that snapshot object (outside the lock: two threads may both build, one result is kept) and kept for the last
`size` deployments. Keyed by identity, checked against the snapshot held, so a reused `id()` never answers for
another deployment. Used for the router (`engine.compiled`) and the request models (`json_schema.models_of`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from apigw_mock.domain.snapshot import DeployedApi

T = TypeVar("T")


class PerDeployment(Generic[T]):
    def __init__(self, build: Callable[[DeployedApi], T], size: int = 64) -> None:
        self._build, self._size = build, size
        self._kept: OrderedDict[int, tuple[DeployedApi, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, deployed: DeployedApi) -> T:
        key = id(deployed)
        with self._lock:
            found = self._kept.get(key)
            if found is not None and found[0] is deployed:
                self._kept.move_to_end(key)
                return found[1]
        built = self._build(deployed)
        with self._lock:
            self._kept[key] = (deployed, built)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return built

"""Token buckets for invoke-time throttling (spec data-plane §6.2): usage-plan throttles and stage method settings.

Contract: `TokenBuckets.take(key, rate, burst, now)` lets one request through when the bucket named `key` holds a
token, and takes it. A bucket starts full with `burst` tokens and refills at `rate` tokens per second of the
data plane's clock (`now`, epoch seconds), never beyond `burst`; deterministic, no jitter (spec §6.2, mock choice).
`burst` 0 refuses every request; a missing `rate` refills at once (only `burst` 0 throttles), a missing `burst` is
`max(1, ceil(rate))` [INF]; a negative limit (-1, "throttling disabled" in method settings) is a missing one.
A clock set back in time refills nothing. Buckets live on the backend, so they are
reset, snapshotted and saved with the rest of the state; the caller holds the state's lock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

BucketKey = tuple[str, ...]


@dataclass
class TokenBuckets:
    """Bucket name -> (tokens left, epoch seconds of the last refill)."""

    levels: dict[BucketKey, tuple[float, float]] = field(default_factory=dict)

    def take(self, key: BucketKey, rate: float | None, burst: int | None, now: float) -> bool:
        """Whether a request passes the bucket `key` at `now` (taking its token when it does)."""
        if burst is not None and burst < 0:
            burst = None
        if burst == 0:
            return False
        if rate is None or rate < 0:
            return True
        size = float(burst) if burst is not None else float(max(1, math.ceil(rate)))
        tokens, last = self.levels.get(key, (size, now))
        tokens = min(size, tokens + max(0.0, now - last) * rate)
        passed = tokens >= 1.0
        self.levels[key] = (tokens - 1.0 if passed else tokens, max(now, last))
        return passed

"""The process-wide mock state: whether the mock is active, and one backend per (account, region).

Nested activations share it; the outermost activation starts from a fresh, empty state. All access goes
through one re-entrant lock, so handlers run one at a time and a multi-step update is never seen half-done.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"


class MockState:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.depth = 0  # activations holding the state: in-process mocks and servers
        self.intercepting = 0  # in-process activations; only they make botocore calls answer from memory
        self.account_id = DEFAULT_ACCOUNT_ID
        self._backends: dict[tuple[str, str], ApiGatewayBackend] = {}
        self.lambdas: dict[str, Any] = {}  # ARN or name -> handler(event, context); reset() keeps them

    @property
    def active(self) -> bool:
        """Whether in-process botocore calls are answered by the mock (a server holding the state is not enough)."""
        return self.intercepting > 0

    def backend(self, region: str, account_id: str | None = None) -> ApiGatewayBackend:
        """The backend of one account and region, created empty on first use."""
        key = (account_id or self.account_id, region)
        found = self._backends.get(key)
        if found is None:
            from apigw_mock.domain.backend import ApiGatewayBackend  # deferred: `import apigw_mock` loads no model

            with self.lock:
                found = self._backends.setdefault(key, ApiGatewayBackend(key[0], region))
        return found

    def backends(self) -> list[ApiGatewayBackend]:
        return list(self._backends.values())

    def reset(self) -> None:
        with self.lock:
            self._backends.clear()


STATE = MockState()

"""Every operation of the service model has a handler now; tests of what an unimplemented operation does take one
handler away for the length of the test."""

from __future__ import annotations

import pytest

from apigw_mock.control import registry


def take_away(monkeypatch: pytest.MonkeyPatch, operation: str) -> str:
    """Unregister `operation`'s handler until the test ends (monkeypatch puts it back); returns the name."""
    registry.handlers()  # every module registered first, so none re-registers it during the test
    monkeypatch.delitem(registry._HANDLERS, operation)
    registry._route.cache_clear()  # a remembered route would still find it; a missing one is never remembered
    assert operation not in registry.handlers()
    return operation

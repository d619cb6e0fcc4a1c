from __future__ import annotations

from typing import Any

import pytest

from tests.invoke.builder import ApiBuilder


@pytest.fixture
def api(client: Any) -> ApiBuilder:
    return ApiBuilder(client)

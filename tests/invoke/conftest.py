from __future__ import annotations

from typing import Any

import pytest

from apigw_mock import MockApiGateway
from tests.invoke.authorizers import FUNCTION, Authorizer
from tests.invoke.builder import ApiBuilder


@pytest.fixture
def api(client: Any) -> ApiBuilder:
    return ApiBuilder(client)


@pytest.fixture
def auth(mock: MockApiGateway) -> Authorizer:
    """The recording authorizer function (`tests.invoke.authorizers.Authorizer`), registered."""
    function = Authorizer()
    mock.register_lambda(FUNCTION, function)
    return function

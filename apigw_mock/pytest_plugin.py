"""pytest plugin (registered through the `pytest11` entry point): the `apigw` and `apigw_client` fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from apigw_mock.mock import MockApiGateway
from apigw_mock.state import DEFAULT_REGION


@pytest.fixture
def apigw() -> Iterator[MockApiGateway]:
    """An active mock with a fresh, empty state; `apigw.backend()` is the graph for white-box assertions."""
    with MockApiGateway() as mock:
        yield mock


@pytest.fixture
def apigw_client(apigw: MockApiGateway) -> Any:
    """A boto3 `apigateway` client (us-east-1) answered by the active mock."""
    import boto3

    return boto3.client("apigateway", region_name=DEFAULT_REGION)

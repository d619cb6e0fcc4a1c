"""Shared fixtures: an active mock, a boto3 client under it, and a small graph to act on."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from hypothesis import settings

from apigw_mock import MockApiGateway, mock_apigateway

# Property tests: a few examples in CI by default; `HYPOTHESIS_PROFILE=long` for a thorough run.
settings.register_profile("ci", max_examples=10, deadline=None)
settings.register_profile("long", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytest_plugins = ["pytester"]

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"


@pytest.fixture
def mock() -> Iterator[MockApiGateway]:
    """An active mock with a fresh, empty state."""
    with mock_apigateway() as active:
        yield active


@pytest.fixture
def client(mock: MockApiGateway) -> Any:
    """A plain boto3 apigateway client, answered by the mock."""
    return boto3.client("apigateway", region_name=REGION)


@pytest.fixture
def rest_api(client: Any) -> dict[str, Any]:
    """A fresh REST API (the CreateRestApi response)."""
    return dict(client.create_rest_api(name="test-api"))


@pytest.fixture
def resource(client: Any, rest_api: dict[str, Any]) -> dict[str, Any]:
    """A child resource `/pets` under the API's root (the CreateResource response)."""
    return dict(client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart="pets"))

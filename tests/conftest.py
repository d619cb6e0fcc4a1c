"""Shared fixtures: an active mock, a boto3 client under it, and a small graph to act on.

`mock` and `client` are aliases of the project's own pytest plugin fixtures (`apigw`, `apigw_client`, registered
through the `pytest11` entry point), so the suite runs on what users run on.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import settings

from apigw_mock import MockApiGateway

# Property tests: a few examples in CI by default; `HYPOTHESIS_PROFILE=long` for a thorough run.
settings.register_profile("ci", max_examples=10, deadline=None)
settings.register_profile("long", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytest_plugins = ["pytester"]

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"


@pytest.fixture
def mock(apigw: MockApiGateway) -> MockApiGateway:
    """An active mock with a fresh, empty state: the plugin's `apigw` fixture (apigw_mock/pytest_plugin.py)."""
    return apigw


@pytest.fixture
def client(apigw_client: Any) -> Any:
    """A plain boto3 apigateway client (us-east-1), answered by the mock: the plugin's `apigw_client` fixture."""
    return apigw_client


@pytest.fixture
def rest_api(client: Any) -> dict[str, Any]:
    """A fresh REST API (the CreateRestApi response)."""
    return dict(client.create_rest_api(name="test-api"))


@pytest.fixture
def resource(client: Any, rest_api: dict[str, Any]) -> dict[str, Any]:
    """A child resource `/pets` under the API's root (the CreateResource response)."""
    return dict(client.create_resource(restApiId=rest_api["id"], parentId=rest_api["rootResourceId"], pathPart="pets"))

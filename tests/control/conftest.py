"""Fixtures the access-control tests share."""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock import MockApiGateway
from apigw_mock.control.registry import handlers
from tests.helpers import method_with_mock


@pytest.fixture
def stage(mock: MockApiGateway, client: Any, rest_api: dict[str, Any], resource: dict[str, Any]) -> str:
    """`{apiId}:dev`, a deployed stage. Until the deployments branch registers CreateDeployment, a stand-in
    `stages` container is set on the live graph (what `stage_exists` reads)."""
    if "CreateDeployment" in handlers():
        method_with_mock(client, rest_api["id"], resource["id"])
        client.create_deployment(restApiId=rest_api["id"], stageName="dev")
    else:
        mock.backend().graph(rest_api["id"]).stages = {"dev": object()}  # type: ignore[attr-defined]
    return f"{rest_api['id']}:dev"

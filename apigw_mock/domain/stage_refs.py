"""Whether an API has a stage: the one check every reference to a stage goes through (API key `stageKeys`, usage
plan `apiStages`, base path mappings, documentation versions, GetSdk). Refusals use `messages.INVALID_STAGE`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.domain.graph import ApiGraph

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend


def stage_exists(graph: ApiGraph | None, name: str) -> bool:
    """True when `graph` exists and has a stage called `name`."""
    return graph is not None and name in graph.stages


def api_stage_exists(backend: ApiGatewayBackend, rest_api_id: str, name: str) -> bool:
    """True when the backend has the API `rest_api_id` and it has a stage called `name`."""
    return stage_exists(backend.apis.lookup(rest_api_id), name)

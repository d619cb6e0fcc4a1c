"""Whether an API has a stage: the one check every access-control reference to a stage goes through (API key
`stageKeys`, usage plan `apiStages`, usage plan keys sharing a stage).

Contract: `stage_exists(graph, name)` reads `graph.stages` (a mapping by stage name, the deployments family's
container) when the graph has one; a graph without stages has none, so every reference to a stage is refused.
"""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from apigw_mock.domain.graph import ApiGraph

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend


def stage_exists(graph: ApiGraph | None, name: str) -> bool:
    """True when `graph` exists and has a stage called `name`."""
    stages: Container[str] | None = getattr(graph, "stages", None)
    return stages is not None and name in stages


def api_stage_exists(backend: ApiGatewayBackend, rest_api_id: str, name: str) -> bool:
    """True when the backend has the API `rest_api_id` and it has a stage called `name`."""
    return stage_exists(backend.apis.lookup(rest_api_id), name)

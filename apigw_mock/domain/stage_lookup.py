"""Whether an API has a stage: the one check that base path mappings, documentation versions and SDKs share.

`ApiGraph.stages` (stage name -> Stage) belongs to the deployments family; until a graph has it, no stage exists,
so callers naming one are refused as AWS refuses a stage it does not know (spec control-plane-2 §2, FIELD).
"""

from __future__ import annotations

from typing import Any

from apigw_mock.domain.graph import ApiGraph

INVALID_STAGE = "Invalid stage identifier specified"
"""BadRequest for CreateBasePathMapping, NotFound for GetSdk (spec §2 FIELD, §15 INF)."""


def stage_exists(graph: ApiGraph, name: str) -> bool:
    """Whether the API has a stage called `name`."""
    stages: dict[str, Any] = getattr(graph, "stages", {})
    return name in stages

"""Stage handlers: Create, Get, Gets, Update, Delete and the two cache flushes (spec control-plane-2 §4).
A missing API is the API-level NotFound [UNK]; a missing stage `Invalid stage identifier specified`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.domain import deployment as deployments
from apigw_mock.domain import stage as stages
from apigw_mock.domain.authorizer_cache import cache_of
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.stage import Stage, StageContext
from apigw_mock.domain.tags import check_tags
from apigw_mock.patch import PatchOperations, apply_patch


@operation("CreateStage")
def create_stage(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    stage_name: str,
    deployment_id: str,
    canary_settings: Mapping[str, Any] | None = None,
    tags: dict[str, str] | None = None,
    **fields: Any,
) -> Stage:
    graph = backend.graph(rest_api_id)
    stages.check_stage_name(graph, stage_name)
    stages.check_variables(fields.get("variables"), (canary_settings or {}).get("stageVariableOverrides"))
    deployments.deployed(graph, deployment_id)
    stages.check_canary_target(graph, canary_settings)
    check_tags(tags)
    stage = stages.new_stage(
        stage_name, deployment_id, backend.now(), canary_settings=canary_settings, tags=tags, **fields
    )
    graph.stages[stage_name] = stage
    return stage


@operation("GetStage")
def get_stage(backend: ApiGatewayBackend, *, rest_api_id: str, stage_name: str) -> Stage:
    return stages.stage_of(backend.graph(rest_api_id), stage_name)


@operation("GetStages")
def get_stages(backend: ApiGatewayBackend, *, rest_api_id: str, deployment_id: str | None = None) -> dict[str, Any]:
    found = backend.graph(rest_api_id).stages.values()
    # Not paged, and the member is `item` itself (spec §1.2).
    return {"item": [stage for stage in found if deployment_id in (None, stage.deployment_id)]}


@operation("UpdateStage")
def update_stage(
    backend: ApiGatewayBackend, *, rest_api_id: str, stage_name: str, patch_operations: PatchOperations = ()
) -> Stage:
    graph = backend.graph(rest_api_id)
    stage = stages.stage_of(graph, stage_name)
    context = StageContext(graph.deployments, backend.now())
    graph.stages[stage_name] = updated = apply_patch(stage, patch_operations, rules=Stage.PATCHABLE, context=context)
    return updated


@operation("DeleteStage")
def delete_stage(backend: ApiGatewayBackend, *, rest_api_id: str, stage_name: str) -> None:
    graph = backend.graph(rest_api_id)
    stages.stage_of(graph, stage_name)
    del graph.stages[stage_name]  # base path mappings / usage plans naming it keep dangling references [UNK]


@operation("FlushStageCache")
def flush_stage_cache(backend: ApiGatewayBackend, *, rest_api_id: str, stage_name: str) -> None:
    stages.stage_of(backend.graph(rest_api_id), stage_name)  # the mock caches nothing: the status stays as it was


@operation("FlushStageAuthorizersCache")
def flush_stage_authorizers_cache(backend: ApiGatewayBackend, *, rest_api_id: str, stage_name: str) -> None:
    stages.stage_of(backend.graph(rest_api_id), stage_name)
    cache_of(backend).flush((rest_api_id, stage_name))  # the data plane's Lambda authorizer results (§7.5)

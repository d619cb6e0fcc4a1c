"""Deployment handlers: Create (freezes the API, may create or re-point a stage), Get, Gets, Update, Delete
(spec control-plane-2 §3). A missing API is the API-level NotFound for every one of them [UNK for Get/Update/Delete].
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.domain import deployment as deployments
from apigw_mock.domain import stage as stages
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.base import replaced
from apigw_mock.domain.deployment import Deployed, Deployment
from apigw_mock.domain.snapshot import freeze
from apigw_mock.paging import page_size
from apigw_mock.patch import PatchOperations, apply_patch


@operation("CreateDeployment")
def create_deployment(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    stage_name: str | None = None,
    stage_description: str | None = None,
    description: str | None = None,
    canary_settings: Mapping[str, Any] | None = None,
    **stage_fields: Any,
) -> Deployment:
    graph = backend.graph(rest_api_id)
    deployments.check_deployable(graph)
    deployment = Deployment(id=backend.new_id(CHILD_ID_LENGTH), description=description, created_date=backend.now())
    stage_fields["description"] = stage_description
    stage = stages.deployed_stage(
        graph, stage_name, deployment.id, deployment.created_date, canary_settings, **stage_fields
    )
    graph.deployments[deployment.id] = Deployed(deployment, freeze(graph))
    if stage is not None:
        graph.stages[stage.stage_name] = stage
    return deployment


@operation("GetDeployment")
def get_deployment(
    backend: ApiGatewayBackend, *, rest_api_id: str, deployment_id: str, embed: list[str] | None = None
) -> Deployment:
    record = deployments.deployed(backend.graph(rest_api_id), deployment_id)
    if "apisummary" not in (embed or ()):  # the only value the service documents
        return record.deployment
    return replaced(record.deployment, {"api_summary": deployments.api_summary(record.api)})


@operation("GetDeployments")
def get_deployments(
    backend: ApiGatewayBackend, *, rest_api_id: str, position: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    records, following = backend.graph(rest_api_id).deployments.page(position, page_size(limit))
    return {"items": [record.deployment for record in records], "position": following}


@operation("UpdateDeployment")
def update_deployment(
    backend: ApiGatewayBackend, *, rest_api_id: str, deployment_id: str, patch_operations: PatchOperations = ()
) -> Deployment:
    graph = backend.graph(rest_api_id)
    record = deployments.deployed(graph, deployment_id)
    updated = apply_patch(record.deployment, patch_operations)
    graph.deployments[deployment_id] = Deployed(updated, record.api)
    return updated


@operation("DeleteDeployment")
def delete_deployment(backend: ApiGatewayBackend, *, rest_api_id: str, deployment_id: str) -> None:
    graph = backend.graph(rest_api_id)
    deployments.deployed(graph, deployment_id)
    deployments.check_unused(graph, deployment_id)
    del graph.deployments[deployment_id]

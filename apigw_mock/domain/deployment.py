"""Deployment: one frozen version of an API (spec control-plane-2 §3), and the record that holds its snapshot.

Contract: `check_deployable(graph)` raises AWS's refusal for an API that cannot be deployed (no method at all, or a
method without an integration); `Deployed(deployment, api)` pairs the reply node with the `DeployedApi` it froze
(`domain.snapshot.freeze`); `deployed(graph, id)` finds one or raises `Invalid Deployment identifier specified`;
`check_unused(graph, id)` refuses to delete one a stage (or a stage's canary) still points at;
`api_summary(api)` is GetDeployment's `embed=apisummary` view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.dump import Timestamp
from apigw_mock.exceptions import BadRequestException, NotFoundException
from apigw_mock.patch import Field, PatchRules

if TYPE_CHECKING:
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.snapshot import DeployedApi

# spec §2 [UNK]: AWS's not-found text for a deployment is unrecorded; the "Invalid X identifier specified" family.
INVALID_DEPLOYMENT = "Invalid Deployment identifier specified"
NO_METHODS = "The REST API doesn't contain any methods"
NO_INTEGRATION = "No integration defined for method"
STILL_USED = "Active stages pointing to this deployment must be moved or deleted"


class MethodSnapshot(ApiGatewayModel, kw_only=True):
    """One method as `apiSummary` shows it."""

    authorization_type: str | None = None
    api_key_required: bool | None = None


class Deployment(ApiGatewayModel, kw_only=True):
    id: str
    description: str | None = None
    created_date: Timestamp
    api_summary: dict[str, dict[str, MethodSnapshot]] | None = None
    """Only on GetDeployment with `embed=apisummary`: resource path -> verb -> MethodSnapshot."""

    # UpdateDeployment (spec §3.3): the description only; `/canarySettings/...` is an unknown path [UNK: the canary
    # lives on the stage].
    PATCHABLE: ClassVar[PatchRules] = PatchRules({"/description": Field()})


@dataclass(frozen=True, slots=True)
class Deployed:
    """A deployment and the API it froze (the record kept per deployment id)."""

    deployment: Deployment
    api: DeployedApi


def check_deployable(graph: ApiGraph) -> None:
    """AWS's refusals before anything is frozen (spec §3.1, recorded texts)."""
    found = False
    for resource in graph.resources.values():  # one pass, nothing built: O(resources)
        methods = resource.resource_methods
        if methods:
            found = True
            if any(method.method_integration is None for method in methods.values()):
                raise BadRequestException(NO_INTEGRATION)
    if not found:
        raise BadRequestException(NO_METHODS)


def deployed(graph: ApiGraph, deployment_id: str) -> Deployed:
    """The deployment record, or NotFound `Invalid Deployment identifier specified` [UNK text]."""
    found = graph.deployments.lookup(deployment_id)
    if found is None:
        raise NotFoundException(INVALID_DEPLOYMENT)
    return found


def check_unused(graph: ApiGraph, deployment_id: str) -> None:
    """Refuse while a stage, or a stage's canary [INF], points at the deployment (spec §3.4, recorded text)."""
    for stage in graph.stages.values():
        canary = stage.canary_settings.deployment_id if stage.canary_settings else None
        if deployment_id in (stage.deployment_id, canary):
            raise BadRequestException(STILL_USED)


def api_summary(api: DeployedApi) -> dict[str, dict[str, MethodSnapshot]]:
    """Resource path -> verb -> what a caller needs (authorization type, API key), for every deployed method.
    Made once per deployment (its API is frozen) and kept beside it; replies only read it."""
    if not api.summary:  # a second build (two threads) is harmless
        api.summary.append(_api_summary(api))
    return api.summary[0]  # type: ignore[no-any-return]


def _api_summary(api: DeployedApi) -> dict[str, dict[str, MethodSnapshot]]:
    summary: dict[str, dict[str, MethodSnapshot]] = {}
    for resource, verb, method in api.methods():
        summary.setdefault(resource.path, {})[verb] = MethodSnapshot(
            authorization_type=method.authorization_type, api_key_required=method.api_key_required
        )
    return summary

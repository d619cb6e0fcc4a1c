"""DeployedApi: the frozen copy of a REST API that a deployment holds and a stage serves (the data plane's input).

Contract: `freeze(graph)` returns what the API is at that moment: its RestApi node, its resources (methods, method
responses, integrations, integration responses beneath them), its models and its *effective* gateway responses (the
21 types, customised or default). Later edits of the live graph never show in it; a new deployment does.

Cost: `freeze` is `ApiGraph.fork(definition_only=True)`: O(number of resources) pointers (about 100 bytes a
resource), the nodes shared, never copied; the 21 default gateway responses are built once for all deployments.
The live graph copies a resource on its first write after the fork (the ownership rule in `domain.graph`), so
N deployments cost N sets of containers plus the resources changed between them, not N deep copies.
Nodes are pydantic models shared with the live graph's past: readers (the data plane) must never edit them.

Later issues add their API-level definitions as fields here (authorizers, request validators, ...); the RestApi
node already carries binary media types, the policy and the API key source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from apigw_mock.domain.gateway_response import GatewayResponse, effective_all

if TYPE_CHECKING:
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.method import Method
    from apigw_mock.domain.resource import Resource
    from apigw_mock.domain.resource_tree import ResourceTree
    from apigw_mock.domain.rest_api import Model, RestApi


@dataclass(frozen=True, slots=True, repr=False)
class DeployedApi:
    """One API as deployed: read-only mappings over nodes nobody edits any more."""

    api: RestApi
    """The RestApi node (binaryMediaTypes, policy, apiKeySource, minimumCompressionSize, ...)."""
    resources: Mapping[str, Resource]
    """Resource id -> Resource, in creation order; methods and integrations beneath."""
    models: Mapping[str, Model]
    """Model name -> Model."""
    gateway_responses: Mapping[str, GatewayResponse]
    """Response type -> the effective response (customised, or AWS's default), all 21 types."""
    _tree: ResourceTree

    @property
    def root(self) -> Resource:
        """The `/` resource."""
        return self._tree.root

    def child(self, parent_id: str, path_part: str) -> Resource | None:
        """The child of `parent_id` named `path_part` exactly (`{id}`, `{proxy+}` included), if any: O(1)."""
        return self._tree.child(parent_id, path_part)

    def children(self, parent_id: str) -> Iterator[Resource]:
        """The direct children of `parent_id`."""
        return self._tree.children(parent_id)

    def methods(self) -> Iterator[tuple[Resource, str, Method]]:
        """(resource, verb, method) for every method of the API, resources in creation order."""
        for resource in self.resources.values():
            for verb, method in (resource.resource_methods or {}).items():
                yield resource, verb, method

    def __repr__(self) -> str:
        return f"DeployedApi({self.api.id!r}, {len(self.resources)} resources)"

    def __reduce__(self) -> tuple[Any, ...]:
        """Copyable and picklable (state snapshots, deep copies), although its mappings are read-only views."""
        return _rebuild, (self.api, self._tree, dict(self.models), dict(self.gateway_responses))


def _rebuild(
    api: RestApi, tree: ResourceTree, models: dict[str, Model], responses: dict[str, GatewayResponse]
) -> DeployedApi:
    return DeployedApi(api, MappingProxyType(tree), MappingProxyType(models), MappingProxyType(responses), tree)


def freeze(graph: ApiGraph) -> DeployedApi:
    """The API as it is now, sharing its nodes (see the module docstring)."""
    fork = graph.fork(definition_only=True)
    return DeployedApi(
        api=fork.api,
        resources=MappingProxyType(fork.resources),
        models=MappingProxyType(fork.models),
        gateway_responses=_effective(fork.gateway_responses) if fork.gateway_responses else _built_in(),
        _tree=fork.resources,
    )


def _effective(customised: Mapping[str, GatewayResponse]) -> Mapping[str, GatewayResponse]:
    responses: dict[str, GatewayResponse] = {r.response_type: r for r in effective_all(customised)}
    return MappingProxyType(responses)


@cache
def _built_in() -> Mapping[str, GatewayResponse]:
    """The 21 defaults of an API that customised none: built once and shared by every such deployment."""
    return _effective({})

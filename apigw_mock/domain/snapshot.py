"""DeployedApi: the frozen copy of a REST API that a deployment holds and a stage serves (the data plane's input).

Contract: `freeze(graph)` returns what the API is at that moment: its RestApi node, its resources (methods, method
responses, integrations, integration responses beneath them), its models and its *effective* gateway responses (the
21 types, customised or default). Later edits of the live graph never show in it; a new deployment does.

Cost: `freeze` is `ApiGraph.fork()` (O(number of resources) pointers: the nodes are shared, never copied) plus the
21 effective gateway responses. The live graph copies a resource on its first write after the fork (the ownership
rule in `domain.graph`), so N deployments of an unchanged API cost N sets of containers, not N deep copies.
Nodes are pydantic models shared with the live graph's past: readers (the data plane) must never edit them.

Authorizers and request validators are carried by id (GetExport writes them); the RestApi node carries binary
media types, the policy and the API key source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from apigw_mock.domain.gateway_response import GatewayResponse, effective_all

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer import Authorizer
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.method import Method
    from apigw_mock.domain.model import Model
    from apigw_mock.domain.request_validator import RequestValidator
    from apigw_mock.domain.resource import Resource
    from apigw_mock.domain.resource_tree import ResourceTree
    from apigw_mock.domain.rest_api import RestApi


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
    authorizers: Mapping[str, Authorizer] = field(default_factory=dict)
    """Authorizer id -> Authorizer."""
    request_validators: Mapping[str, RequestValidator] = field(default_factory=dict)
    """Request validator id -> RequestValidator."""

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


def freeze(graph: ApiGraph) -> DeployedApi:
    """The API as it is now, sharing its nodes (see the module docstring)."""
    fork = graph.fork()
    responses: dict[str, GatewayResponse] = {r.response_type: r for r in effective_all(fork.gateway_responses)}
    return DeployedApi(
        api=fork.api,
        resources=MappingProxyType(fork.resources),
        models=MappingProxyType(fork.models),
        gateway_responses=MappingProxyType(responses),
        _tree=fork.resources,
        authorizers=MappingProxyType(fork.authorizers),
        request_validators=MappingProxyType(fork.request_validators),
    )

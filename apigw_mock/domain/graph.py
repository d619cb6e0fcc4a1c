"""ApiGraph: one REST API and everything beneath it, and who may change what (the write path's ownership rule).

Contract (the one write path):
- The live graph belongs to its backend and is changed only under `STATE.lock`, by the control plane's handlers.
- A node (Resource, Method, Integration, ...) is either replaced (a new node stored in its parent's map) or, when
  its resource is *owned*, edited in place beneath that resource (maps updated without copying the nodes above:
  what keeps an update O(1)). `writable(resource_id)` is the only way to a resource that may be edited in place.
- A resource is owned while no one outside the live graph holds it. `share()` gives that up for every resource:
  after it, the first write beneath a resource deep-copies that one resource first (O(size of the resource)), so
  whatever was handed out keeps what it saw. `fork()` (state snapshots, the white-box view) shares
  and returns a graph whose containers are new and whose nodes are the live ones: O(number of resources) pointers,
  not a deep copy; `RestApi`, `Model` and `GatewayResponse` nodes are always replaced, never edited in place.
  A deployment (`domain.snapshot.freeze`) shares too, and keeps only the resource entries changed since the last one.
- Replies leave as bytes, serialised under the lock, so they never see a later write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from apigw_mock.domain.model import Model
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.paging import PagedDict

if TYPE_CHECKING:
    from apigw_mock.domain.deployment import Deployed
    from apigw_mock.domain.gateway_response import GatewayResponse
    from apigw_mock.domain.resource import Resource
    from apigw_mock.domain.stage import Stage


@dataclass
class ApiGraph:
    """One REST API and everything beneath it (containers keep creation order)."""

    api: RestApi
    resources: ResourceTree = field(default_factory=ResourceTree)
    """Resource id -> Resource, with the parent -> children index (deleting a resource deletes its subtree)."""
    models: PagedDict[str, Model] = field(default_factory=PagedDict)
    """Model name -> Model."""
    gateway_responses: dict[str, GatewayResponse] = field(default_factory=dict)
    """Customised gateway responses only; the built-in defaults are derived, not stored."""
    deployments: PagedDict[str, Deployed] = field(default_factory=PagedDict)
    """Deployment id -> the deployment and the API it froze (immutable records, replaced on update)."""
    stages: dict[str, Stage] = field(default_factory=dict)
    """Stage name -> Stage (replaced, never edited in place)."""
    owned: set[str] | None = None
    """Ids of the resources no one outside this graph holds (None: all of them, as for a graph just built)."""

    def writable(self, resource_id: str) -> Resource | None:
        """The resource, safe to edit beneath in place (copied first if it is shared); None when it is missing."""
        resource = self.resources.lookup(resource_id)
        if resource is None or self.owned is None or resource_id in self.owned:
            return resource
        copy = resource.model_copy(deep=True)
        self.resources[resource_id] = copy  # same parent and path part: the tree's index is left as it is
        self.owned.add(resource_id)
        return copy

    def adopt(self, resource_id: str) -> None:
        """Record that a resource just created (or replaced by a node nobody else holds) is owned."""
        if self.owned is not None:
            self.owned.add(resource_id)

    def share(self) -> None:
        """Give up ownership of every resource: nodes held from now on are never edited in place again."""
        self.owned = set()

    def fork(self) -> ApiGraph:
        """A graph with containers of its own and the same (from now on shared) nodes; see the module docstring."""
        self.share()
        return ApiGraph(
            self.api,
            self.resources.copy(),
            self.models.copy(),
            dict(self.gateway_responses),
            self.deployments.copy(),
            dict(self.stages),
            owned=set(),
        )

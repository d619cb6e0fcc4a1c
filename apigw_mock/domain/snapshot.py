"""DeployedApi: the frozen copy of a REST API that a deployment holds and a stage serves (the data plane's input).

Contract: `freeze(graph)` returns what the API is at that moment: its RestApi node, its resources (methods, method
responses, integrations, integration responses beneath them), its models and its *effective* gateway responses (the
21 types, customised or default). Later edits of the live graph never show in it; a new deployment does.
Nodes (`msgspec.Struct`s) are shared with the live graph's past: readers (the data plane) must never edit them.

Cost (structural sharing, in two layers):
- Nodes: `freeze` gives up the live graph's ownership of every resource (`ApiGraph.share`, the rule in
  `domain.graph`), so the first write beneath a resource afterwards copies that one resource: a deployment shares
  every node it did not see change.
- Containers: the resource map of a deployment is a `Layered` map: the previous deployment's base dict plus the
  entries changed since that base (found by identity in one O(resources) pass that allocates nothing for unchanged
  resources). So a redeploy after editing k resources keeps O(k) entries, not a copy of the whole map; once the
  changes reach an eighth of the API the map is compacted into a new base (amortised O(changed nodes)). Lookups stay
  two dict hits; the parent -> children index is built on first use, per deployment that is actually routed.
The 21 default gateway responses are built once for all deployments of APIs that customised none; the model,
authorizer and validator maps are the previous deployment's when their nodes did not change.

Authorizers and request validators are carried by id (GetExport writes them); the RestApi node carries binary
media types, the policy and the API key source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Reversible
from dataclasses import dataclass, field
from functools import cache
from operator import is_
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from apigw_mock.domain.gateway_response import GatewayResponse, effective_all

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer import Authorizer
    from apigw_mock.domain.deployment import Deployed
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.method import Method
    from apigw_mock.domain.model import Model
    from apigw_mock.domain.request_validator import RequestValidator
    from apigw_mock.domain.resource import Resource
    from apigw_mock.domain.rest_api import RestApi

V = TypeVar("V")
_GONE: Any = object()  # a change that deletes the entry
_MISSING: Any = object()
COMPACT_FRACTION = 8  # compact once the changes since the base reach 1/8 of the entries (and at least 16)


class Layered(Mapping[str, V], Generic[V]):
    """A read-only map: a base dict shared with earlier snapshots, the changes since it, and the key order."""

    __slots__ = ("_base", "_changes", "_order")

    def __init__(self, base: dict[str, V], changes: dict[str, Any], order: tuple[str, ...]) -> None:
        self._base, self._changes, self._order = base, changes, order

    @classmethod
    def of(cls, live: Mapping[str, V]) -> Layered[V]:
        """A compact copy of `live` (a new base)."""
        base = dict(live.items())
        return cls(base, {}, tuple(base))

    def then(self, live: Mapping[str, V]) -> Layered[V]:
        """`live` as a successor of this map, sharing its base and order when it can (see the module docstring)."""
        changes = self._changes  # copied on the first difference only
        grown = False
        seen = 0
        for key, value in live.items():
            before = self.get(key, _MISSING)
            if before is not value:
                if changes is self._changes:
                    changes = dict(changes)
                changes[key] = value
                grown = grown or before is _MISSING
            if before is not _MISSING:
                seen += 1
        shrunk = seen < len(self._order)
        if shrunk:
            if changes is self._changes:
                changes = dict(changes)
            for key in self._order:
                if key not in live:
                    changes[key] = _GONE
        if len(changes) >= max(16, len(live) // COMPACT_FRACTION):
            return Layered.of(live)
        return Layered(self._base, changes, tuple(live) if grown or shrunk else self._order)

    def __getitem__(self, key: str) -> V:
        found = self._changes.get(key, _MISSING)
        if found is _MISSING:
            return self._base[key]
        if found is _GONE:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def get(self, key: str, default: Any = None) -> Any:
        found = self._changes.get(key, _MISSING)
        if found is _MISSING:
            return self._base.get(key, default)
        return default if found is _GONE else found

    def __contains__(self, key: object) -> bool:
        found = self._changes.get(key, _MISSING)  # type: ignore[call-overload]
        return key in self._base if found is _MISSING else found is not _GONE

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __reduce__(self) -> tuple[Any, ...]:
        return Layered.of, (dict(self.items()),)


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
    _index: list[dict[str, dict[str, str]]] = field(default_factory=list, compare=False)
    """Parent id -> path part -> child id, built on first use (empty until then)."""
    authorizers: Mapping[str, Authorizer] = field(default_factory=dict)
    """Authorizer id -> Authorizer."""
    request_validators: Mapping[str, RequestValidator] = field(default_factory=dict)
    """Request validator id -> RequestValidator."""
    summary: list[Any] = field(default_factory=list, compare=False)
    """GetDeployment's `apiSummary` of this API, made on first ask (`deployment.api_summary`; empty until then)."""

    @property
    def root(self) -> Resource:
        """The `/` resource."""
        return self.resources[self.api.root_resource_id]

    def child(self, parent_id: str, path_part: str) -> Resource | None:
        """The child of `parent_id` named `path_part` exactly (`{id}`, `{proxy+}` included), if any: O(1)."""
        child_id = self._children().get(parent_id, {}).get(path_part)
        return None if child_id is None else self.resources[child_id]

    def children(self, parent_id: str) -> Iterator[Resource]:
        """The direct children of `parent_id`."""
        return (self.resources[child_id] for child_id in self._children().get(parent_id, {}).values())

    def methods(self) -> Iterator[tuple[Resource, str, Method]]:
        """(resource, verb, method) for every method of the API, resources in creation order."""
        for resource in self.resources.values():
            for verb, method in (resource.resource_methods or {}).items():
                yield resource, verb, method

    def _children(self) -> dict[str, dict[str, str]]:
        if not self._index:  # built by whoever asks first; a second build (two threads) is harmless
            index: dict[str, dict[str, str]] = {}
            for resource in self.resources.values():
                if resource.parent_id is not None and resource.path_part is not None:
                    index.setdefault(resource.parent_id, {})[resource.path_part] = resource.id
            self._index.append(index)
        return self._index[0]

    def __repr__(self) -> str:
        return f"DeployedApi({self.api.id!r}, {len(self.resources)} resources)"

    def __reduce__(self) -> tuple[Any, ...]:
        """Copyable and picklable (state snapshots, deep copies), although its mappings are read-only views."""
        maps = (self.resources, self.models, self.gateway_responses, self.authorizers, self.request_validators)
        return _rebuild, (self.api, *map(dict, maps))


def _rebuild(
    api: RestApi,
    resources: dict[str, Resource],
    models: dict[str, Model],
    responses: dict[str, GatewayResponse],
    authorizers: dict[str, Authorizer],
    validators: dict[str, RequestValidator],
) -> DeployedApi:
    return DeployedApi(
        api,
        Layered.of(resources),
        MappingProxyType(models),
        MappingProxyType(responses),
        authorizers=MappingProxyType(authorizers),
        request_validators=MappingProxyType(validators),
    )


def freeze(graph: ApiGraph, previous: DeployedApi | None = None) -> DeployedApi:
    """The API as it is now, sharing its nodes, and its containers with `previous` (by default the API's latest
    deployment) where nothing changed; see the module docstring."""
    if previous is None:
        # A dict's values view is reversible (3.8+); typeshed's ValuesView does not say so.
        latest = next(reversed(cast("Reversible[Deployed]", graph.deployments.values())), None)
        previous = latest.api if latest is not None else None
    graph.share()
    resources: Mapping[str, Resource] = graph.resources
    before = previous.resources if previous is not None else None
    return DeployedApi(
        api=graph.api,
        resources=before.then(resources) if isinstance(before, Layered) else Layered.of(resources),
        models=_frozen(graph.models, previous.models if previous is not None else None),
        gateway_responses=_effective(graph.gateway_responses) if graph.gateway_responses else _built_in(),
        authorizers=_frozen(graph.authorizers, previous.authorizers if previous is not None else None),
        request_validators=_frozen(
            graph.request_validators, previous.request_validators if previous is not None else None
        ),
    )


_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _frozen(live: Mapping[str, V], before: Mapping[str, V] | None) -> Mapping[str, V]:
    """A read-only copy of a small map of always-replaced nodes (models, authorizers, validators): the previous
    deployment's own when it holds the very same nodes in the same order (keys and nodes compared in C),
    one shared empty map when there are none, else a new copy."""
    if not live:
        return _EMPTY
    # Same keys in the same order, and the very same nodes (compared in C, pair by pair).
    if (
        before is not None
        and len(before) == len(live)
        and tuple(before) == tuple(live)
        and all(map(is_, before.values(), live.values()))
    ):
        return before
    return MappingProxyType(dict(live.items()))


def _effective(customised: Mapping[str, GatewayResponse]) -> Mapping[str, GatewayResponse]:
    responses: dict[str, GatewayResponse] = {r.response_type: r for r in effective_all(customised)}
    return MappingProxyType(responses)


@cache
def _built_in() -> Mapping[str, GatewayResponse]:
    """The 21 defaults of an API that customised none: built once and shared by every such deployment."""
    return _effective({})

"""Declared collections: a family of Create/Get/Get…s/Update/Delete operations, added by declaring where its nodes
live rather than by writing five handlers.

Contract: `register_crud(collection)` registers one `@operation` handler per verb the service model has for the
collection's noun (`Create<noun>`, `Get<noun>`, `Get<noun>s`, `Update<noun>`, `Delete<noun>`, or the names given in
`operations`). The botocore model supplies routes, members, statuses and output shapes; the declaration supplies
what the model cannot know: the container (which also raises the parent's not-found text), the key, the id format,
AWS's texts and the family's hooks. Each handler:

- create: the members (URI labels left out) become the node (`create` hook, else the model's own validation, with
  a generated `id` unless the caller names the key); a caller-chosen key that exists is a Conflict (`duplicate`);
- get / update / delete: the node by its key (`address` where the key is not one parameter), else NotFound
  `not_found` (formatted with `{key}`); update applies the patch with the model's `PATCHABLE` table (context from
  `patch_context`) and stores the node under its key field's new value when a patch changed it (a renamed base
  path), delete runs `before_delete` first;
- create and update answer the node they made; what is stored is `settle(node)` where AWS moves a status on by
  itself (a VPC link PENDING in Create's reply, AVAILABLE from then on);
- list: one page of the container (`limit`/`position` when the operation has them), filtered by `matches`.

A reply may show less than the stored node (an API key's value): `view(verb, node, params)` shapes what get,
list (per item) and update answer. Where AWS names a missing parent differently for Create (CreateAuthorizer,
CreateRequestValidator), `create_container` looks the map up for Create instead of `container`.

A collection that declares its ARN path (`arn="/apikeys/{}"`) is registered with the tag index, so TagResource,
UntagResource and GetTags find its nodes.

Everything goes through the write path of `domain/graph.py`: nodes are replaced in their container, never edited.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from botocore import xform_name

from apigw_mock.control.registry import handlers, operation
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.tags import TAGGABLE, Taggable, check_tags
from apigw_mock.exceptions import ConflictException, NotFoundException
from apigw_mock.paging import PagedDict, page_size
from apigw_mock.patch import apply_patch
from apigw_mock.protocol import spec

N = TypeVar("N", bound=ApiGatewayModel)
Params = dict[str, Any]
"""A handler's keyword arguments: snake_case member names (URI labels included)."""
Container = Callable[[ApiGatewayBackend, Params], MutableMapping[str, N]]
CreateHook = Callable[[ApiGatewayBackend, Params, Params], N]
"""(backend, every parameter, the members that become the node) -> the new node (raising AWS's errors)."""
NodeHook = Callable[[ApiGatewayBackend, Params, N], None]
"""(backend, every parameter, the node) -> None, raising to refuse."""


@dataclass(frozen=True, kw_only=True)
class Collection(Generic[N]):
    """One kind of node kept in a map, addressed by one key; see the module docstring."""

    model: type[N]
    noun: str
    """`Model` -> CreateModel, GetModel, GetModels, UpdateModel, DeleteModel."""
    container: Container[N]
    """The map the nodes live in, looked up from the parameters (raising the parent's not-found text)."""
    key: str
    """The parameter naming one node in Get/Update/Delete (`model_name`)."""
    not_found: str
    """AWS's NotFound text for a missing node; `{key}` stands for the key."""
    key_field: str = "id"
    """The node's field holding its key: `id` when generated, else the caller's (`name`)."""
    id_length: int | None = CHILD_ID_LENGTH
    """Length of the generated `id`; None when the node has no generated id."""
    duplicate: str | None = None
    """AWS's Conflict text for a caller-chosen key that exists."""
    create: CreateHook[N] | None = None
    before_delete: NodeHook[N] | None = None
    check_update: NodeHook[N] | None = None
    """Whole-node checks after a patch, before it is stored."""
    patch_context: Callable[[ApiGatewayBackend, Params], Any] | None = None
    matches: Callable[[N, Params], bool] | None = None
    """A list operation's filter (e.g. `nameQuery`)."""
    view: Callable[[str, N, Params], N] | None = None
    """(verb, node, parameters) -> the node as get/list/update answer it; the stored node is left as it is."""
    create_container: Container[N] | None = None
    """Create's own lookup of the map, where AWS's missing-parent text differs for Create."""
    operations: dict[str, str] = field(default_factory=dict)
    """Verb -> operation name, where AWS's name is not `<Verb><noun>` (`create`: GenerateClientCertificate)."""
    address: Callable[[Params], str] | None = None
    """The container key the parameters name, where it is not `params[key]` (private domain names: `name+id`)."""
    settle: Callable[[N], N] | None = None
    """The node as stored after Create/Update answered it, where AWS moves a status on by itself."""
    arn: str | None = None
    """The ARN path of a taggable node (`/apikeys/{}`, one `{}` for the key): TagResource, UntagResource and
    GetTags then find it (spec control-plane-2 §14.1)."""

    def name_of(self, verb: str) -> str:
        plural = "s" if verb == "list" else ""
        return self.operations.get(verb) or f"{'Get' if verb == 'list' else verb.title()}{self.noun}{plural}"

    def key_in(self, params: Params) -> str:
        """The container key the parameters name."""
        return self.address(params) if self.address is not None else str(params[self.key])

    def lookup(self, backend: ApiGatewayBackend, params: Params) -> tuple[MutableMapping[str, N], N]:
        nodes = self.container(backend, params)
        found = nodes.get(self.key_in(params))
        if found is None:
            raise NotFoundException(self.not_found.format(key=params[self.key]))
        return nodes, found

    def stored(self, node: N) -> N:
        """What is kept of a node just answered (see `settle`)."""
        return self.settle(node) if self.settle is not None else node


VERBS = ("create", "get", "list", "update", "delete")
_DECLARED: list[Collection[Any]] = []


def declared() -> tuple[Collection[Any], ...]:
    """Every collection (the contract tests walk them): every operation module is imported first."""
    handlers()
    return tuple(_DECLARED)


def register_crud(collection: Collection[Any], verbs: Iterable[str] = VERBS) -> None:
    """Register the collection's handlers (only for operations the service model has; see the module docstring)."""
    makers = {"create": _create, "get": _get, "list": _list, "update": _update, "delete": _delete}
    names = set(spec.service_model().operation_names)
    owner = sys._getframe(1).f_globals["__name__"]  # as namedtuple does: the declaring module owns the handlers
    _DECLARED.append(collection)
    if collection.arn is not None:
        TAGGABLE.register(collection.arn, _taggable(collection))
    for verb in verbs:
        name = collection.name_of(verb)
        if name in names:
            handler = makers[verb](collection, name)
            handler.__module__ = owner  # what `control/owners.py` records (tests/control/test_owners.py)
            operation(name)(handler)


def _taggable(collection: Collection[N]) -> Callable[[ApiGatewayBackend, tuple[str, ...]], Taggable]:
    """How the tag index reads and rewrites a node of the collection (replaced, never edited in place)."""

    def resolve(backend: ApiGatewayBackend, labels: tuple[str, ...]) -> Taggable:
        params: Params = {collection.key: labels[0]}
        nodes, node = collection.lookup(backend, params)
        empty = type(node).default_of("tags")  # `{}` where AWS always shows tags, else None

        def store(tags: dict[str, str] | None) -> None:
            nodes[collection.key_in(params)] = node.model_copy(update={"tags": empty if tags is None else tags})

        return Taggable(lambda: getattr(node, "tags", None), store)

    return resolve


def uri_params(name: str) -> frozenset[str]:
    """The keyword names of an operation's URI labels (they address the node, they are not its members)."""
    shape = spec.operation(name).input_shape
    members = shape.members.items() if shape is not None else ()
    return frozenset(xform_name(m) for m, member in members if member.serialization.get("location") == "uri")


def _create(collection: Collection[N], name: str) -> Callable[..., N]:
    uri = uri_params(name)

    container = collection.create_container or collection.container

    def create(backend: ApiGatewayBackend, **params: Any) -> N:
        nodes = container(backend, params)
        members = {key: value for key, value in params.items() if key not in uri}
        if collection.duplicate is not None and members.get(collection.key_field) in nodes:
            raise ConflictException(collection.duplicate)
        check_tags(members.get("tags"))  # a family whose Create takes tags: AWS's tag rules
        if collection.id_length is not None:
            members.setdefault("id", backend.new_id(collection.id_length))
        node = collection.create(backend, params, members) if collection.create else collection.model.checked(**members)
        nodes[getattr(node, collection.key_field)] = collection.stored(node)
        return node

    return create


def _get(collection: Collection[N], name: str) -> Callable[..., N]:
    view = collection.view

    def get(backend: ApiGatewayBackend, **params: Any) -> N:
        node = collection.lookup(backend, params)[1]
        return node if view is None else view("get", node, params)

    return get


def _list(collection: Collection[N], name: str) -> Callable[..., dict[str, Any]]:
    def get_all(backend: ApiGatewayBackend, **params: Any) -> dict[str, Any]:
        nodes = collection.container(backend, params)
        matches = collection.matches
        keep = None if matches is None else lambda node: matches(node, params)
        if isinstance(nodes, PagedDict):
            items, following = nodes.page(params.get("position"), page_size(params.get("limit")), keep)
        else:
            items, following = [node for node in nodes.values() if keep is None or keep(node)], None  # not paged
        view = collection.view
        if view is not None:
            items = [view("list", node, params) for node in items]
        return {"items": items, "position": following}

    return get_all


def _update(collection: Collection[N], name: str) -> Callable[..., N]:
    def update(backend: ApiGatewayBackend, **params: Any) -> N:
        nodes, current = collection.lookup(backend, params)
        context = collection.patch_context(backend, params) if collection.patch_context else None
        updated = apply_patch(current, params.get("patch_operations") or (), context=context)
        if collection.check_update is not None:
            collection.check_update(backend, params, updated)
        key, renamed = collection.key_in(params), getattr(updated, collection.key_field)
        if renamed != key:
            del nodes[key]
        nodes[renamed] = collection.stored(updated)
        return updated if collection.view is None else collection.view("update", updated, params)

    return update


def _delete(collection: Collection[N], name: str) -> Callable[..., None]:
    def delete(backend: ApiGatewayBackend, **params: Any) -> None:
        nodes, current = collection.lookup(backend, params)
        if collection.before_delete is not None:
            collection.before_delete(backend, params, current)
        del nodes[collection.key_in(params)]

    return delete

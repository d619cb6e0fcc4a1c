"""The resources of one API: by id in creation order, pageable, with a parent -> children index.

Contract: `ResourceTree` is a `PagedDict[id, Resource]` that keeps its index in step with every write, so callers
just assign (`tree[id] = resource`, also for a rename or a move). Deleting a resource deletes all its descendants,
as DeleteResource does; nothing below a deleted node stays reachable. Child lookups by name, the variable child of
a parent and `check_child` are O(1); `subtree` costs O(size of the subtree).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from apigw_mock.domain import paths
from apigw_mock.domain.resource import Resource
from apigw_mock.paging import PagedDict


class ResourceTree(PagedDict[str, Resource]):
    """All resources of one REST API."""

    def __init__(self) -> None:
        super().__init__()
        self._children: dict[str, dict[str, str]] = {}
        """Parent id -> path part -> child id."""
        self._variables: dict[str, dict[str, None]] = {}
        """Parent id -> ids of its children with a variable path part (at most one when AWS's rules hold)."""
        self._root_id: str | None = None

    def __setitem__(self, key: str, resource: Resource) -> None:
        old = self.lookup(key)
        moved = old is None or (old.parent_id, old.path_part) != (resource.parent_id, resource.path_part)
        if old is not None and moved:
            self._unlink(old)
        super().__setitem__(key, resource)
        if moved:  # a new method or integration leaves the index (and the sibling order) as it was
            self._link(resource)
        if resource.parent_id is None:
            self._root_id = key

    def __delitem__(self, key: str) -> None:
        """Delete the resource and everything beneath it."""
        for resource in list(self.subtree(key)):
            self._unlink(resource)
            self._children.pop(resource.id, None)
            self._variables.pop(resource.id, None)
            super().__delitem__(resource.id)

    @property
    def root(self) -> Resource:
        """The `/` resource (KeyError before it is added)."""
        return self[self._root_id or ""]

    def child(self, parent_id: str, path_part: str) -> Resource | None:
        """The child of `parent_id` called `path_part`, if any."""
        child_id = self._children.get(parent_id, {}).get(path_part)
        return None if child_id is None else self.lookup(child_id)

    def children(self, parent_id: str) -> Iterator[Resource]:
        """The direct children of `parent_id`, in the order they got their current name."""
        return (self[child_id] for child_id in self._children.get(parent_id, {}).values())

    def subtree(self, resource_id: str) -> Iterator[Resource]:
        """The resource (KeyError if missing) and all its descendants, parents before children."""
        pending = [self[resource_id]]
        while pending:
            resource = pending.pop()
            yield resource
            pending.extend(self.children(resource.id))

    def check_child(self, parent: Resource, path_part: str, *, moving: str | None = None) -> None:
        """Raise AWS's error if `path_part` may not be a child of `parent` (`moving`: id of a resource that is being
        renamed or moved there, which does not count as its own sibling)."""
        same_name = self.child(parent.id, path_part)
        variable = next((self.lookup(i) for i in self._variables.get(parent.id, {}) if i != moving), None)
        paths.check_child(
            parent.path_part,
            path_part,
            same_name=same_name is not None and same_name.id != moving,
            variable_sibling=variable.path_part if variable is not None else None,
        )

    def add_child(self, parent: Resource, path_part: str, resource_id: str) -> Resource:
        """Create the resource `path_part` under `parent` (after AWS's checks) and return it."""
        self.check_child(parent, path_part)
        child = Resource(
            id=resource_id, parent_id=parent.id, path_part=path_part, path=paths.child_path(parent.path, path_part)
        )
        self[resource_id] = child
        return child

    def copy(self) -> ResourceTree:
        """A tree of its own holding the same resource nodes (see `PagedDict.copy`)."""
        twin = super().copy()
        assert isinstance(twin, ResourceTree)
        twin._children = {parent: dict(children) for parent, children in self._children.items()}
        twin._variables = {parent: dict(children) for parent, children in self._variables.items()}
        return twin

    def cloned(self, new_id: Callable[[Resource], str]) -> ResourceTree:
        """A copy with fresh ids (`new_id(resource)`): same paths, methods and creation order (CreateRestApi's
        `cloneFrom`)."""
        ids = {resource.id: new_id(resource) for resource in self.values()}
        copy = ResourceTree()
        for resource in self.values():
            parent_id = ids[resource.parent_id] if resource.parent_id is not None else None
            # Deep: stored maps are updated in place, so the clone must not share them with its source.
            changes = {"id": ids[resource.id], "parent_id": parent_id}
            copy[ids[resource.id]] = resource.model_copy(update=changes, deep=True)
        return copy

    def _link(self, resource: Resource) -> None:
        if resource.parent_id is None or resource.path_part is None:
            return
        self._children.setdefault(resource.parent_id, {})[resource.path_part] = resource.id
        if paths.is_variable(resource.path_part):
            self._variables.setdefault(resource.parent_id, {})[resource.id] = None

    def _unlink(self, resource: Resource) -> None:
        if resource.parent_id is None or resource.path_part is None:
            return
        siblings = self._children.get(resource.parent_id, {})
        if siblings.get(resource.path_part) == resource.id:
            del siblings[resource.path_part]
        self._variables.get(resource.parent_id, {}).pop(resource.id, None)

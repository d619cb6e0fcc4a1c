"""ResourceTree: the children index follows every write; deletes take the subtree (pure unit tests)."""

from __future__ import annotations

import pytest

from apigw_mock.domain.resource import Resource
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.exceptions import BadRequestException, ConflictException


@pytest.fixture
def tree() -> ResourceTree:
    """`/`, `/pets`, `/pets/{id}`, `/pets/{id}/toys`, `/owners`."""
    tree = ResourceTree()
    tree["root"] = Resource(id="root", path="/")
    tree.add_child(tree["root"], "pets", "pets")
    tree.add_child(tree["pets"], "{id}", "pet")
    tree.add_child(tree["pet"], "toys", "toys")
    tree.add_child(tree["root"], "owners", "owners")
    return tree


def test_add_child_computes_path_and_indexes_it(tree: ResourceTree) -> None:
    assert tree["toys"].path == "/pets/{id}/toys"
    assert tree.child("pets", "{id}") == tree["pet"]
    assert [r.id for r in tree.children("root")] == ["pets", "owners"]
    assert tree.root.id == "root"


def test_delete_takes_the_whole_subtree(tree: ResourceTree) -> None:
    del tree["pets"]
    assert list(tree) == ["root", "owners"]
    assert tree.child("root", "pets") is None
    assert list(tree.children("pet")) == []
    tree.add_child(tree["root"], "pets", "again")  # the name is free again
    assert tree["again"].path == "/pets"


def test_subtree_lists_parents_before_children(tree: ResourceTree) -> None:
    order = [r.id for r in tree.subtree("pets")]
    assert sorted(order) == ["pet", "pets", "toys"]
    assert order.index("pets") < order.index("pet") < order.index("toys")


def test_assigning_a_renamed_or_moved_resource_reindexes_it(tree: ResourceTree) -> None:
    tree["pets"] = tree["pets"].model_copy(update={"path_part": "animals", "path": "/animals"})
    assert tree.child("root", "pets") is None
    assert tree.child("root", "animals") == tree["pets"]
    tree["pet"] = tree["pet"].model_copy(update={"parent_id": "owners", "path": "/owners/{id}"})
    assert list(tree.children("pets")) == []
    assert tree.child("owners", "{id}") == tree["pet"]
    with pytest.raises(BadRequestException):  # the variable sibling moved along
        tree.check_child(tree["owners"], "{other}")
    tree.check_child(tree["pets"], "{other}")


def test_check_child_ignores_the_resource_being_moved(tree: ResourceTree) -> None:
    tree.check_child(tree["pets"], "{id}", moving="pet")
    tree.check_child(tree["root"], "pets", moving="pets")
    with pytest.raises(ConflictException):
        tree.check_child(tree["root"], "pets", moving="owners")


def test_cloned_has_fresh_ids_and_the_same_shape(tree: ResourceTree) -> None:
    copy = tree.cloned(lambda r: f"new-{r.id}")
    assert list(copy) == [f"new-{key}" for key in tree]
    assert copy.root.id == "new-root"
    assert copy["new-toys"].parent_id == "new-pet"
    assert copy["new-toys"].path == "/pets/{id}/toys"
    assert copy.child("new-pets", "{id}") == copy["new-pet"]
    assert tree["toys"].parent_id == "pet"  # the source is untouched

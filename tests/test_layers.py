"""The layers of ARCHITECTURE.md, enforced: an `ast` walk over every module's imports (top-level, function-level
and `TYPE_CHECKING` ones alike) checks that each layer imports only what it may."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "apigw_mock"
LEAVES = {"patch", "paging", "dump", "http", "exceptions", "sigv4", "lazy_pattern"}
# layer -> the layers it may import (itself included where listed). Leaves may import other leaves.
MAY_IMPORT: dict[str, set[str]] = {
    "leaf": {"leaf"},
    "domain": {"domain", "leaf"},
    "protocol": {"protocol", "leaf"},
    "state": {"state", "domain", "leaf"},
    "control": {"control", "protocol", "state", "domain", "leaf"},
    "invoke": {"invoke", "domain", "leaf"},
    "transport": {"transport", "control", "invoke", "protocol", "state", "domain", "leaf"},
    "server": {"server", "surface", "testing", "transport", "control", "invoke", "protocol", "state", "domain", "leaf"},
    "testing": {"testing", "surface", "transport", "control", "invoke", "protocol", "state", "domain", "leaf"},
    "surface": {
        "surface",
        "testing",
        "server",
        "transport",
        "control",
        "invoke",
        "protocol",
        "state",
        "domain",
        "leaf",
    },
}
# Single modules allowed one layer more than their own: TestInvokeMethod runs the data plane's engine.
NARROW: dict[str, set[str]] = {"apigw_mock.control.test_invoke": {"invoke"}}
# Outside packages that only some layers may use: botocore's request objects and `responses` are transport's.
TRANSPORT_ONLY = ("botocore.awsrequest", "responses")
WALL_CLOCK = re.compile(r"\b(datetime|date)\.(now|utcnow|today)\(|\btime\.(time|monotonic)\(")
NOT_IN_THE_DOMAIN = ("botocore", "http", "urllib", "requests", "wsgiref")


def layer_of(module: str) -> str | None:
    """The layer of an `apigw_mock...` module name (None for other packages)."""
    parts = module.split(".")
    if parts[0] != "apigw_mock":
        return None
    if len(parts) == 1 or parts[1] in {"__init__", "__main__", "mock", "pytest_plugin"}:
        return "surface"
    if parts[1] in LEAVES:
        return "leaf"
    return parts[1] if parts[1] in MAY_IMPORT else "surface"


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        yield ".".join(part for part in relative.parts if part != "__init__"), path


def imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            found = [name for name in submodules if name.startswith("apigw_mock") and _is_module(name)]
            yield from found or [node.module]


MODULES = list(modules())


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_each_module_imports_only_the_layers_beneath_it(module: str, path: Path) -> None:
    own = layer_of(module)
    assert own is not None
    wrong = {
        name
        for name in imports(path)
        if (target := layer_of(name)) is not None
        and target not in MAY_IMPORT[own] | NARROW.get(module, set())
        and _is_module(name)
    }
    assert wrong == set(), f"{module} ({own}) may not import {sorted(wrong)}"


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_botocore_requests_and_responses_are_known_to_the_transport_only(module: str, path: Path) -> None:
    if layer_of(module) in {"transport", "server", "surface", "testing"}:
        return
    used = {name for name in imports(path) if name.startswith(TRANSPORT_ONLY)}
    assert used == set(), f"{module} uses {sorted(used)}"


@pytest.mark.parametrize(
    ("module", "path"), [(m, p) for m, p in MODULES if layer_of(m) == "domain"], ids=lambda v: str(v)
)
def test_the_domain_knows_no_wire_and_no_wall_clock(module: str, path: Path) -> None:
    used = {name for name in imports(path) if name.split(".")[0] in NOT_IN_THE_DOMAIN}
    assert used == set(), f"{module} uses {sorted(used)}"
    if module != "apigw_mock.domain.backend":  # the backend owns the clock (`now()`), so tests can replace it
        assert WALL_CLOCK.search(path.read_text()) is None


def test_the_data_plane_and_the_control_plane_are_siblings() -> None:
    assert "control" not in MAY_IMPORT["invoke"] and "protocol" not in MAY_IMPORT["invoke"]
    assert "invoke" not in MAY_IMPORT["domain"] and "control" not in MAY_IMPORT["domain"]
    assert "domain" not in MAY_IMPORT["protocol"] and "protocol" not in MAY_IMPORT["domain"]


def test_the_walk_sees_the_whole_package() -> None:
    names = {name for name, _ in MODULES}
    assert {"apigw_mock.control.pipeline", "apigw_mock.domain.graph", "apigw_mock.transport.botocore_hook"} <= names


def _is_module(name: str) -> bool:
    """`from apigw_mock.x import y` yields both `apigw_mock.x` and `apigw_mock.x.y`; only real modules count."""
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").exists() or (PACKAGE / relative / "__init__.py").exists()

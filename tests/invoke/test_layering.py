"""The data plane's boundaries: no control plane, protocol or state imports; heavy libraries only on first use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import apigw_mock.invoke

PACKAGE = Path(apigw_mock.invoke.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
FORBIDDEN = (
    "apigw_mock.operations",
    "apigw_mock.protocol",
    "apigw_mock.pipeline",
    "apigw_mock.state",
    "apigw_mock.models",
)
LAZY = ("airspeed", "jsonpath_ng")


def _imports(tree: ast.AST) -> list[tuple[str, bool]]:
    """(module, at top level?) for every import in a module."""
    found: list[tuple[str, bool]] = []
    top_level = {id(node) for node in getattr(tree, "body", [])}
    for node in ast.walk(tree):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [(name, id(node) in top_level) for name in names]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_control_plane_protocol_or_state_imports(path: Path) -> None:
    for module, _ in _imports(ast.parse(path.read_text())):
        assert not module.startswith(FORBIDDEN), f"{path.name} imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_heavy_libraries_are_imported_inside_functions(path: Path) -> None:
    for module, top_level in _imports(ast.parse(path.read_text())):
        assert not (top_level and module.startswith(LAZY)), f"{path.name} imports {module} at module level"


def test_importing_every_engine_loads_neither_airspeed_nor_jsonpath() -> None:
    names = ", ".join(f"apigw_mock.invoke.{path.stem}" for path in MODULES if path.stem != "__init__")
    code = f"import sys, {names}; print(sorted(m for m in sys.modules if m.split('.')[0] in {LAZY!r}))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"

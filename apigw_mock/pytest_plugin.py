"""pytest plugin (registered through the `pytest11` entry point): the `apigw` and `apigw_client` fixtures.

pytest loads every module of a distribution that registers a plugin through its assertion-rewriting import hook
(its own parse, cache and loader, in Python): loading the ~40 modules of a first call that way added a quarter of
the floor's whole first test to the mock's (`benchmarks/coldstart_instructions.py`). apigw_mock's `assert`s are internal
invariants, not checks a user reads, so `pytest_configure` takes the package off the hook's list: the modules
imported from then on (the first call's) load as they do outside pytest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from apigw_mock.mock import MockApiGateway
from apigw_mock.state import DEFAULT_REGION


def pytest_configure(config: pytest.Config) -> None:
    """Leave apigw_mock's modules to Python's own import system (see the module docstring)."""
    marked = getattr(getattr(config.pluginmanager, "rewrite_hook", None), "_must_rewrite", None)
    if isinstance(marked, set):  # pytest's private set of marked names: if it moves, modules are merely rewritten
        marked.discard("apigw_mock")


@pytest.fixture
def apigw() -> Iterator[MockApiGateway]:
    """An active mock with a fresh, empty state; `apigw.backend()` is the graph for white-box assertions."""
    with MockApiGateway() as mock:
        yield mock


@pytest.fixture
def apigw_client(apigw: MockApiGateway) -> Any:
    """A boto3 `apigateway` client (us-east-1) answered by the active mock."""
    import boto3

    return boto3.client("apigateway", region_name=DEFAULT_REGION)

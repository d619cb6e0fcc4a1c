"""`control/owners.py`, the operation -> module table the first dispatch of an operation imports by, against the
handlers themselves: every operation module is imported (found on disk, so a new module is seen too) and each
registered handler must be owned, in the table, by the module it was registered from."""

from __future__ import annotations

import importlib
import pkgutil

import apigw_mock.control
from apigw_mock.control import registry
from apigw_mock.control.owners import OWNERS

_NOT_FAMILIES = {"collections", "owners", "pipeline", "registry", "views"}  # modules that register no handler


def _registered_from() -> dict[str, str]:
    for module in pkgutil.iter_modules(apigw_mock.control.__path__):
        importlib.import_module(f"apigw_mock.control.{module.name}")
    return {name: handler.__module__.rpartition(".")[2] for name, handler in registry.handlers().items()}


def test_the_table_names_the_module_that_registers_each_handler() -> None:
    found = _registered_from()

    table = "".join(f'    "{name}": "{found[name]}",\n' for name in sorted(found))
    assert dict(OWNERS) == found, f"control/owners.py is out of date; its table is now:\n{table}"


def test_every_owner_is_an_operation_module() -> None:
    modules = {module.name for module in pkgutil.iter_modules(apigw_mock.control.__path__)}

    assert set(OWNERS.values()) <= modules - _NOT_FAMILIES

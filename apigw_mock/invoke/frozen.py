"""Frozen values that are quick to make: `@quick` on a `@dataclass(frozen=True, slots=True)` class.

Contract:
- A frozen dataclass's generated `__init__` stores every field with `object.__setattr__(self, name, value)`, a
  generic call that costs about ten times a plain slot store; the data plane makes some fifteen such values per
  request (the target, the request, the call, the ids, the route, the reply...), which made those stores a fifth of
  its own work. `quick(cls)` gives the class an `__init__` with the same signature (positional order, defaults,
  default factories, `init=False` fields, `__post_init__`) that stores through the slots' own descriptors: about
  three times faster. The instances are the same frozen values (assignment still raises `FrozenInstanceError`;
  equality, hashing, `repr`, pickling and `dataclasses.replace` are the dataclass's own).
- Only slotted frozen dataclasses without keyword-only fields or `InitVar`s are accepted (anything else is a
  `TypeError` when the class is defined). `GENERAL` keeps each class's generated `__init__`, the general path that
  tests/invoke/test_frozen.py checks the quick one against (hypothesis).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
GENERAL: dict[type, Callable[..., None]] = {}
"""Class -> the `__init__` `dataclasses` generated for it."""


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY = _Factory()


def quick(cls: type[T]) -> type[T]:
    """Give a frozen slotted dataclass the quick `__init__` (see the module contract)."""
    parameters = cls.__dataclass_params__  # type: ignore[attr-defined]
    if not parameters.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"quick needs a frozen dataclass with slots: {cls.__name__}")
    namespace: dict[str, Any] = {"_HAS_FACTORY": _HAS_FACTORY}
    arguments: list[str] = []
    body: list[str] = []
    for index, field in enumerate(cls.__dataclass_fields__.values()):  # type: ignore[attr-defined]
        if field._field_type is not dataclasses._FIELD:  # type: ignore[attr-defined]  # ClassVar: not a slot
            if field._field_type is dataclasses._FIELD_INITVAR:  # type: ignore[attr-defined]
                raise TypeError(f"quick does not support InitVar fields: {cls.__name__}.{field.name}")
            continue
        if field.kw_only:
            raise TypeError(f"quick does not support keyword-only fields: {cls.__name__}.{field.name}")
        setter, default, factory = f"_set_{index}", f"_default_{index}", f"_factory_{index}"
        namespace[setter] = cls.__dict__[field.name].__set__  # the slot's member descriptor
        if field.default is not dataclasses.MISSING:
            namespace[default] = field.default
            value = field.name if field.init else default
            if field.init:
                arguments.append(f"{field.name}={default}")
        elif field.default_factory is not dataclasses.MISSING:
            namespace[factory] = field.default_factory
            if field.init:
                arguments.append(f"{field.name}=_HAS_FACTORY")
                value = f"{factory}() if {field.name} is _HAS_FACTORY else {field.name}"
            else:
                value = f"{factory}()"
        elif field.init:
            arguments.append(field.name)
            value = field.name
        else:
            continue  # no init, no default: left unset, as dataclasses leaves it
        body.append(f"    {setter}(_quick_self, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("    _quick_self.__post_init__()")
    source = f"def __init__(_quick_self, {', '.join(arguments)}) -> None:\n" + ("\n".join(body) or "    pass")
    exec(source, namespace)  # generated from the class's own fields, as dataclasses does
    init = namespace["__init__"]
    general = cls.__init__
    init.__qualname__ = general.__qualname__
    init.__doc__ = general.__doc__
    GENERAL[cls] = general
    cls.__init__ = init  # type: ignore[method-assign]
    return cls

"""Models as plain data keyed by alias: `model_dump(by_alias=True)`, walked in Python.

Contract: `dump(model)` equals `model.model_dump(by_alias=True, exclude_none=True)` and `dump(model, keep_none=True)`
equals `model.model_dump(by_alias=True)` for models whose fields hold scalars, other models, and lists or dicts of
those (the domain models; no serialisers or computed fields). Nested models become new dicts; lists and dicts are
new containers at every level, so the result may be edited freely. `dump_shallow(model)` is the cheap variant
for a copy that is only ever edited by replacing values (the patch engine's working document).

Why not pydantic's own dump: for one small model it is no faster than this walk, and for a listing (GetResources,
a page of 25 resources) the walk takes half the time (measured: 17 µs against 32 µs), because `model_dump` pays a
fixed entry cost per model. `dump_shallow` lets the patch engine skip copying the lists and maps a patch does not
change.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel

_SCALARS = frozenset({str, bool, int, float})
_PLAIN = _SCALARS | {dict, list}


def dump(model: BaseModel, *, keep_none: bool = False) -> dict[str, Any]:
    """The model's fields under their aliases; None-valued fields only with `keep_none`."""
    values = model.__dict__
    out: dict[str, Any] = {}
    for name, alias in _aliases(type(model)):
        value = values[name]
        if value is None:
            if keep_none:
                out[alias] = None
        else:
            out[alias] = value if type(value) in _SCALARS else _plain(value, keep_none)
    return out


def dump_shallow(model: BaseModel) -> dict[str, Any]:
    """`dump(model, keep_none=True)` one level deep: a model held directly by a field becomes a dict too, but lists
    and maps (and any models in them) are the model's own, shared and not copied, so the result may only be edited
    by replacing its values. Validating it gives the model back."""
    values = model.__dict__
    out: dict[str, Any] = {}
    for name, alias in _aliases(type(model)):
        value = values[name]
        # Plain values are told by their exact type first: `isinstance(x, BaseModel)` is an ABC check, whose
        # machinery is cold code by the time botocore hands us the next request.
        plain = value is None or type(value) in _PLAIN
        out[alias] = value if plain or not isinstance(value, BaseModel) else dump(value, keep_none=True)
    return out


def _plain(value: Any, keep_none: bool) -> Any:
    kind = type(value)
    if kind is dict:
        return {
            key: item if item is None or type(item) in _SCALARS else _plain(item, keep_none)
            for key, item in value.items()
        }
    if kind is list or kind is tuple:
        return [item if item is None or type(item) in _SCALARS else _plain(item, keep_none) for item in value]
    if isinstance(value, BaseModel):
        return dump(value, keep_none=keep_none)
    return value


@cache
def _aliases(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    return tuple((name, field.alias or name) for name, field in model.model_fields.items())

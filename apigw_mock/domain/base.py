"""The one base class every domain node shares: a `msgspec.Struct` with snake_case fields whose wire names are
botocore's camelCase members, and no unknown keys.

Every subclass is declared `class X(ApiGatewayModel, kw_only=True)`: msgspec applies `kw_only` per class, and it
lets a required field follow optional ones, as the botocore shapes order them. The other options are inherited;
`omit_defaults` is for the serializer's direct path (`protocol.direct`).

Contract (the few operations the rest of the mock uses, named as pydantic names them, which most Python readers
know):
- `Node(field=value, ...)` builds a node from trusted values: no conversion, no checks (msgspec's own `__init__`).
- `Node.checked(field=value, ...)` builds one from values that may come from a caller (keyword names are field
  names, or wire names): converted as `model_validate` converts, nested dicts read by their wire names.
- `Node.model_validate(data)` converts plain data keyed by wire names (nested dicts become nodes, nodes are kept,
  ISO text becomes datetimes); `msgspec.ValidationError` (a subclass of ValueError) when a value does not fit.
- `node.model_dump(exclude_none=...)` is `dump.dump` (`dump.json_ready` for JSON outside the wire).
- `node.model_copy(update=..., deep=...)` is a new node with `update`'s field values (trusted, not converted),
  the rest shared with `node` (or deep-copied). `replaced(node, update)` is the same, as a function.
- `Node.model_fields` maps field names to `msgspec.structs.FieldInfo` (`encode_name`, `type`, `default`), and
  `Node.default_of(name)` is the value a field takes when not given.
Conversion is lax (`strict=False`): "1" becomes 1 and "true" True, as pydantic's lax mode did. The wire's types are
checked before a handler runs (`protocol.validation`), so what conversion refuses is a null where the domain has no
place for one (answered by `control.registry`), a bad value a patch made (`patch.apply_patch`), or a bad value of an
OpenAPI document (`domain.openapi.importer`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import cache
from typing import Any, ClassVar, TypeVar

import msgspec

from apigw_mock.dump import dump, wire_names
from apigw_mock.patch import PatchRules

N = TypeVar("N", bound="ApiGatewayModel")


class _Fields:
    """`Node.model_fields`: the class's fields, computed once per class."""

    def __get__(self, node: object, kind: type[msgspec.Struct]) -> Mapping[str, msgspec.structs.FieldInfo]:
        fields: Mapping[str, msgspec.structs.FieldInfo] | None = kind.__dict__.get("_fields_cache")
        if fields is None:
            fields = {field.name: field for field in msgspec.structs.fields(kind)}
            type.__setattr__(kind, "_fields_cache", fields)
        return fields


class ApiGatewayModel(msgspec.Struct, kw_only=True, rename="camel", forbid_unknown_fields=True, omit_defaults=True):
    """Fields are snake_case; wire names are the botocore member names (camelCase); None means "omitted"."""

    PATCHABLE: ClassVar[PatchRules] = PatchRules({})
    model_fields: ClassVar[_Fields] = _Fields()

    @classmethod
    def model_validate(cls: type[N], data: Any) -> N:
        return msgspec.convert(data, cls, strict=False)

    @classmethod
    def checked(cls: type[N], **fields: Any) -> N:
        wire = _wire_names(cls)
        return msgspec.convert({wire.get(name, name): value for name, value in fields.items()}, cls, strict=False)

    @classmethod
    def default_of(cls, name: str) -> Any:
        """The value field `name` takes when not given (a new `{}` for a mutable default)."""
        field = cls.model_fields[name]
        return field.default if field.default_factory is msgspec.NODEFAULT else field.default_factory()

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        return dump(self, keep_none=not exclude_none)

    def model_copy(self: N, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> N:
        return msgspec.structs.replace(copy.deepcopy(self) if deep else self, **(update or {}))


@cache
def _wire_names(kind: type[ApiGatewayModel]) -> Mapping[str, str]:
    """Field name -> wire name (a wire name passed to `checked` is taken as it is)."""
    return dict(wire_names(kind))


def replaced(node: N, update: Mapping[str, Any]) -> N:
    """`node.model_copy(update=update)`: a new node sharing `node`'s other field values."""
    return msgspec.structs.replace(node, **update)

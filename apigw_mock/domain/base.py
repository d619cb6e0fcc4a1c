"""The one base class and `ConfigDict` every domain model shares, and `replaced(node, update)`: pydantic's
`node.model_copy(update=update)` for these models (no extra fields, no private attributes), in a few steps."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from apigw_mock.patch import PatchRules


class ApiGatewayModel(BaseModel):
    """Fields are snake_case; aliases are the botocore member names (camelCase); None means "omitted"."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        validate_assignment=True,
        extra="forbid",
        defer_build=True,  # each model builds its validator and serialiser when first used (cold start)
    )

    PATCHABLE: ClassVar[PatchRules] = PatchRules({})


N = TypeVar("N", bound=ApiGatewayModel)
_set = object.__setattr__


def replaced(node: N, update: Mapping[str, Any], fields_set: set[str] | None = None) -> N:
    """`node.model_copy(update=update)`: a new node with the same field values (shared, not copied) but
    `update`'s (field name -> value, trusted, not validated), the same key order, and `update`'s names added to the
    fields set (or `fields_set` itself, when given). Without the `copy` module's dispatch that `model_copy` pays
    for; `tests/domain/test_replaced.py` proves the two agree."""
    cls = type(node)
    new = cls.__new__(cls)
    _set(new, "__dict__", {**node.__dict__, **update})
    _set(new, "__pydantic_extra__", None)  # `extra="forbid"`: never any
    _set(
        new, "__pydantic_fields_set__", node.__pydantic_fields_set__.union(update) if fields_set is None else fields_set
    )
    _set(new, "__pydantic_private__", None)  # no private attributes
    return new

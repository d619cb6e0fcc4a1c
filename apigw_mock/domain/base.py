"""The one base class and `ConfigDict` every domain model shares."""

from __future__ import annotations

from typing import ClassVar

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

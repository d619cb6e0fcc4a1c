"""The stage and deployment models match the botocore model: enum value sets and member names (no drift)."""

from __future__ import annotations

from typing import get_args

import pytest
from msgspec import Struct

from apigw_mock.domain.deployment import Deployment, MethodSnapshot
from apigw_mock.domain.stage import (
    AccessLogSettings,
    CacheClusterSize,
    CacheClusterStatus,
    CanarySettings,
    MethodSetting,
    Stage,
    UnauthorizedCacheControlHeaderStrategy,
)
from apigw_mock.protocol import spec


@pytest.mark.parametrize(
    ("shape", "literal"),
    [
        ("CacheClusterSize", CacheClusterSize),
        ("CacheClusterStatus", CacheClusterStatus),
        ("UnauthorizedCacheControlHeaderStrategy", UnauthorizedCacheControlHeaderStrategy),
    ],
)
def test_enums_equal_the_model(shape: str, literal: object) -> None:
    assert set(get_args(literal)) == set(spec.service_model().shape_for(shape).enum)


@pytest.mark.parametrize(
    ("shape", "model"),
    [
        ("Stage", Stage),
        ("Deployment", Deployment),
        ("MethodSnapshot", MethodSnapshot),
        ("MethodSetting", MethodSetting),
        ("CanarySettings", CanarySettings),
        ("AccessLogSettings", AccessLogSettings),
    ],
)
def test_aliases_equal_the_output_members(shape: str, model: type[Struct]) -> None:
    aliases = {field.encode_name for name, field in model.model_fields.items()}
    assert aliases == set(spec.service_model().shape_for(shape).members)

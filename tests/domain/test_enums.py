"""The domain's enum `Literal`s and validation's AWS print orders hold exactly the botocore model's values."""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

import pytest

from apigw_mock.domain import enums
from apigw_mock.protocol import spec
from apigw_mock.protocol.validation import AWS_ENUM_ORDER


@pytest.mark.parametrize("shape_name", sorted(enums.MODEL_ENUMS))
def test_literal_equals_the_model_enum(shape_name: str) -> None:
    values = get_args(enums.MODEL_ENUMS[shape_name])

    assert len(values) == len(set(values))
    assert set(values) == set(spec.enum(shape_name))


def test_every_literal_of_the_module_is_checked() -> None:
    literals = {name for name, value in vars(enums).items() if _is_literal(value)}

    assert literals == {
        name for name, value in vars(enums).items() if any(value is v for v in enums.MODEL_ENUMS.values())
    }
    assert literals  # the check above is not vacuous


@pytest.mark.parametrize("shape_name", sorted(AWS_ENUM_ORDER))
def test_aws_print_order_is_a_permutation_of_the_model_enum(shape_name: str) -> None:
    order = AWS_ENUM_ORDER[shape_name]

    assert sorted(order) == sorted(spec.enum(shape_name))


def _is_literal(value: Any) -> bool:
    return get_origin(value) is Literal

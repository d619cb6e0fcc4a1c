"""The serializer's direct path (pydantic writes the reply body in one call) against its general path.

`serialize_result` writes a `json_native` model straight with `serializer.direct_json` (pydantic's `to_json` under
`dump.WIRE`), when the output shape renames nothing; otherwise it dumps the model (`to_plain`) and encodes it
(`_to_wire` renames). A fast twin stays only while it agrees with the general path: for every domain model
`json_native` accepts, with field values drawn from the field annotations (None, empty and unicode strings,
nested models, maps with null values, timestamps with and without fractions of a second, any double), both paths
write the same bytes, or the direct one declines (a double such as `1e-05`, which pydantic writes `1e-5`) and the
general path answers. And the operations that take the direct path are exactly those whose output shape
`_to_wire` would leave as it is.
"""

from __future__ import annotations

import datetime
import math
import types
import typing
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from apigw_mock.control.registry import handlers
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.dump import Double, Timestamp
from apigw_mock.protocol import serializer, spec


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    found = []
    for sub in root.__subclasses__():
        found.extend([sub, *_models(sub)])
    return found


handlers()  # imports every operation module, and so every domain model
NATIVE = sorted(
    {model for model in _models(ApiGatewayModel) if serializer.json_native(model)}, key=lambda m: m.__name__
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6)
MOMENTS = st.datetimes(
    min_value=datetime.datetime(1971, 1, 1), max_value=datetime.datetime(2100, 1, 1), timezones=st.just(datetime.UTC)
)
TIMESTAMPS = st.one_of(MOMENTS.map(lambda moment: moment.replace(microsecond=0)), MOMENTS)


def values(annotation: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of a (json_native) field annotation."""
    if annotation is str:
        return TEXT
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(-(2**40), 2**40)
    if annotation is type(None):
        return st.none()
    if annotation == Timestamp:
        return TIMESTAMPS
    if annotation == Double:
        return st.floats(width=64)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return instances(annotation, depth + 1)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return values(args[0], depth)
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (Union, types.UnionType):
        return st.one_of([values(arg, depth) for arg in args])
    if origin is list:
        return st.lists(values(args[0], depth + 1), max_size=0 if depth > 2 else 3)
    if origin is dict:
        return st.dictionaries(TEXT, values(args[1], depth + 1), max_size=0 if depth > 2 else 3)
    raise AssertionError(f"json_native accepted an annotation this test cannot draw: {annotation!r}")


def instances(model: type[BaseModel], depth: int = 0) -> st.SearchStrategy[BaseModel]:
    hints = typing.get_type_hints(model, include_extras=True)
    fields = {name: values(hints[name], depth) for name in model.model_fields}
    return st.fixed_dictionaries(fields).map(lambda data: model.model_construct(**data))


def test_there_are_json_native_models() -> None:
    assert len(NATIVE) >= 5


@pytest.mark.parametrize("name", ["Stage", "Deployment", "RestApi", "ApiKey", "UsagePlan"])
def test_the_models_with_timestamps_and_doubles_take_the_direct_path(name: str) -> None:
    assert name in {model.__name__ for model in NATIVE}


@pytest.mark.parametrize("model", NATIVE, ids=lambda model: model.__name__)
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_direct_path_writes_the_general_paths_bytes(model: type[BaseModel], data: st.DataObject) -> None:
    node = data.draw(instances(model))

    direct = serializer.direct_json(node)
    general = serializer._ENCODER.encode(serializer.to_plain(node)).encode()

    assert direct in (general, None)
    if direct is None:  # declined only for a double pydantic writes otherwise
        doubles = [value for value in _leaves(node) if isinstance(value, float)]
        assert any(not math.isfinite(value) or "e-0" in repr(value) for value in doubles)


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, BaseModel):
        return [leaf for item in value.__dict__.values() for leaf in _leaves(item)]
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


@pytest.mark.parametrize("operation", sorted(spec.service_model().operation_names))
def test_the_direct_path_is_taken_only_where_the_general_path_renames_nothing(operation: str) -> None:
    plan = serializer._plan(operation)
    if plan.direct:
        assert plan.shape is not None
        assert not serializer._renames_below(plan.shape)
        assert not plan.headers and plan.payload is None


# ---- listings: a mapping of output members written directly (`direct_mapping_json`) ------------------------------

MAPPED = sorted(name for name in spec.service_model().operation_names if serializer._plan(name).members is not None)
MODELS = st.sampled_from(NATIVE).flatmap(instances)
DIRECT_VALUES = st.one_of(
    st.none(), TEXT, st.integers(-(2**40), 2**40), st.booleans(), MODELS, st.lists(st.one_of(MODELS, TEXT), max_size=3)
)


def _general(result: dict[str, Any], operation: str) -> bytes:
    plan = serializer._plan(operation)
    assert plan.shape is not None
    return serializer._ENCODER.encode(serializer._to_wire(serializer.to_plain(result), plan.shape)).encode()


def test_most_operations_may_answer_a_mapping_directly() -> None:
    assert {"GetStages", "GetDeployments", "GetRestApis", "GetResources"} <= set(MAPPED)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_mapping_is_written_directly_as_the_general_path_writes_it(data: st.DataObject) -> None:
    operation = data.draw(st.sampled_from(MAPPED))
    members = serializer._plan(operation).members
    assert members is not None
    result = data.draw(st.dictionaries(st.sampled_from(sorted(members)), DIRECT_VALUES, max_size=4))

    direct = serializer.direct_mapping_json(result, members)

    assert direct in (_general(result, operation), None)
    if direct is None:  # declined only for a double pydantic writes otherwise
        doubles = [value for value in _leaves(list(result.values())) if isinstance(value, float)]
        assert any(not math.isfinite(value) or "e-0" in repr(value) for value in doubles)


@pytest.mark.parametrize("value", [1.5, {"a": "b"}, b"x"], ids=["double", "map", "bytes"])
def test_a_mapping_with_other_values_or_keys_goes_the_general_way(value: Any) -> None:
    members = serializer._plan("GetDeployments").members
    assert members is not None

    assert serializer.direct_mapping_json({"items": [], "position": value}, members) is None
    assert serializer.direct_mapping_json({"items": [], "unknown": "x"}, members) is None
    assert serializer.direct_mapping_json({"items": [], "position": "p"}, members) == b'{"item":[],"position":"p"}'

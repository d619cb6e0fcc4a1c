"""`invoke.frozen.quick`: the quick `__init__` of the data plane's frozen values makes what the dataclass's own makes.

Property-tested for every class decorated (`GENERAL`): the same arguments (positional, keyword, defaults left out)
give equal field values or the same exception; default factories make a fresh value per instance; instances stay
frozen, hashable where the dataclass makes them so, and `dataclasses.replace` still works.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import apigw_mock.invoke.engine  # every module with quick values (engine imports the rest)
import apigw_mock.invoke.integrations.aws  # noqa: F401
from apigw_mock.invoke.call import CALL_FIELDS, Call, replaced
from apigw_mock.invoke.frozen import GENERAL, quick
from apigw_mock.invoke.request import MethodRequest

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.tuples(st.text(max_size=3)),
    st.dictionaries(st.text(max_size=3), st.tuples(st.text(max_size=3)), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
)
UNSET = object()
CLASSES = sorted(GENERAL, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_the_data_plane_values_are_quick() -> None:
    names = {cls.__name__ for cls in GENERAL}
    wanted = {"Target", "ExecuteRequest", "Reply", "Ids", "Call", "Match", "Prepared", "Endpoint", "Rendered"}
    assert wanted | {"TemplateChoice", "MethodRequest", "IntegrationRequestParameters", "LambdaContext"} <= names


def _init_fields(cls: type) -> list[dataclasses.Field[Any]]:
    return [field for field in dataclasses.fields(cls) if field.init]


def _state(instance: Any) -> dict[str, Any]:
    return {field.name: getattr(instance, field.name, UNSET) for field in dataclasses.fields(instance)}


def _made(cls: type, init: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, Any]:
    instance: Any = object.__new__(cls)
    try:
        init(instance, *args, **kwargs)
    except Exception as error:  # both paths must fail alike
        return "raised", type(error)
    return "made", instance


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_quick_init_agrees_with_the_dataclass_init(cls: type, data: st.DataObject) -> None:
    fields = _init_fields(cls)
    required = sum(
        1 for field in fields if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    )
    given_count = data.draw(st.integers(max(0, required - 1), len(fields)), label="arguments")
    positional = data.draw(st.integers(0, given_count), label="positional")
    values = [data.draw(VALUES, label=field.name) for field in fields[:given_count]]
    args = tuple(values[:positional])
    named = zip(fields[positional:given_count], values[positional:], strict=True)
    kwargs = {field.name: value for field, value in named}
    quick_outcome = _made(cls, vars(cls)["__init__"], args, kwargs)
    general_outcome = _made(cls, GENERAL[cls], args, kwargs)
    assert quick_outcome[0] == general_outcome[0]
    if quick_outcome[0] == "raised":
        assert quick_outcome[1] is general_outcome[1]
        return
    assert _state(quick_outcome[1]) == _state(general_outcome[1])
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(quick_outcome[1], fields[0].name if fields else "x", None)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_default_factories_make_a_fresh_value_per_instance(cls: type) -> None:
    factories = [field for field in dataclasses.fields(cls) if field.default_factory is not dataclasses.MISSING]
    required = [
        None
        for field in _init_fields(cls)
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    ]
    if not factories or cls.__name__ == "MethodRequest":  # its __post_init__ normalises the maps it was given
        return
    first, second = cls(*required), cls(*required)
    for field in factories:
        assert getattr(first, field.name) == getattr(second, field.name)
        assert getattr(first, field.name) is not getattr(second, field.name)


def test_quick_keeps_the_dataclass_behaviour() -> None:
    @quick
    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
        seen: int = dataclasses.field(default=1, init=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "seen", self.seen + 1)

    point = Point(1, tags=("a",))
    assert point == Point(1, 0, ("a",)) and point.seen == 2 and hash(Point(1)) == hash(Point(1))
    assert dataclasses.replace(point, y=3) == Point(1, 3, ("a",))
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]


def test_quick_refuses_what_it_cannot_copy() -> None:
    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        x: int

    @dataclasses.dataclass(slots=True)
    class Thawed:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        x: int

    for cls in (Unslotted, Thawed, KeywordOnly):
        with pytest.raises(TypeError):
            quick(cls)


def test_call_fields_are_the_calls() -> None:
    assert tuple(field.name for field in dataclasses.fields(Call)) == CALL_FIELDS


@given(changes=st.dictionaries(st.sampled_from(CALL_FIELDS), VALUES, max_size=4))
def test_replaced_is_dataclasses_replace(changes: dict[str, Any]) -> None:
    call = Call(*(f"{name}-value" for name in CALL_FIELDS[:9]))  # type: ignore[arg-type]
    assert _state(replaced(call, **changes)) == _state(dataclasses.replace(call, **changes))
    with pytest.raises(TypeError):
        replaced(call, **changes, unknown=1)
    with pytest.raises(TypeError):
        dataclasses.replace(call, **changes, unknown=1)  # type: ignore[call-arg]


SHAPED = st.dictionaries(st.text(max_size=3), st.lists(st.text(max_size=3), min_size=1, max_size=2).map(tuple))


@given(st.dictionaries(st.text(max_size=3), st.text(max_size=3)), SHAPED, SHAPED, st.text(max_size=3))
def test_a_shaped_method_request_is_the_checked_one(
    path: dict[str, str], query: dict[str, tuple[str, ...]], headers: dict[str, tuple[str, ...]], body: str
) -> None:
    shaped = MethodRequest.shaped(path, query, headers, body)
    assert shaped == MethodRequest(path, query, headers, body)
    assert shaped.querystring is query and shaped.headers is headers

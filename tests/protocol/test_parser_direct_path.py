"""The parser's direct path (a JSON value handed on as it is, `parser._direct`) agrees with the general converter it
stands for (hypothesis), on every shape of the service model it applies to: the same parameter value, with the same
types, keys and key order, or the same SerializationException. So does its direct split of a query string."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import given, settings
from hypothesis import strategies as st

from apigw_mock.exceptions import SerializationException
from apigw_mock.protocol import spec
from apigw_mock.protocol.parser import _compile, _converter, _query_pairs, _wire_names


def _reachable() -> list[Shape]:
    """Every shape beneath an input shape's body members, each once."""
    found: dict[str, Shape] = {}
    pending: list[Shape] = []
    for name in spec.service_model().operation_names:
        shape = spec.operation(name).input_shape
        if shape is not None:
            pending.append(shape)
    while pending:
        shape = pending.pop()
        if shape.name in found:
            continue
        found[shape.name] = shape
        if isinstance(shape, StructureShape):
            pending.extend(shape.members[name] for name in _wire_names(shape).values())
        elif isinstance(shape, ListShape):
            pending.append(shape.member)
        elif isinstance(shape, MapShape):
            pending.append(shape.value)
    return sorted(found.values(), key=lambda shape: shape.name)


DIRECT = [shape for shape in _reachable() if _converter(shape) is not _compile(shape)]
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4)
JSON = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
)


def _scalar(shape: Shape) -> st.SearchStrategy[Any]:
    kind = shape.type_name
    if kind == "string":
        return st.text(max_size=4)
    if kind == "boolean":
        return st.booleans()
    if kind in ("integer", "long"):
        return st.integers()
    return st.integers() | st.floats(allow_nan=False)


def _shaped(shape: Shape) -> st.SearchStrategy[Any]:
    """Mostly well-typed values of `shape` (what the direct path hands on), with the odd null, stray key or value
    of another JSON type (what sends it to the general converter)."""
    if isinstance(shape, StructureShape):
        names = _wire_names(shape)
        keys = st.sampled_from(sorted(names)) | st.text(max_size=3)
        return (
            st.dictionaries(keys, st.one_of(*(_scalar(shape.members[n]) for n in names.values())) | SCALARS, max_size=4)
            | JSON
        )
    item = shape.value if isinstance(shape, MapShape) else shape.member  # type: ignore[attr-defined]
    items = _scalar(item) | st.none() | SCALARS
    collection = (
        st.dictionaries(st.text(max_size=3), items, max_size=4)
        if isinstance(shape, MapShape)
        else st.lists(items, max_size=4)
    )
    return collection | JSON


def _outcome(convert: Any, value: Any) -> tuple[str, str]:
    try:
        converted = convert(value)
    except SerializationException as error:
        return "error", error.message
    return "value", repr(converted)  # repr tells 1 from 1.0 from True, and shows key order


def test_the_direct_path_covers_the_patch_operations_and_maps_of_strings() -> None:
    names = {shape.name for shape in DIRECT}
    assert {"PatchOperation", "MapOfStringToString", "MapOfStringToBoolean", "ListOfString"} <= names


@settings(max_examples=300)
@given(st.data())
def test_direct_and_general_converters_agree(data: st.DataObject) -> None:
    shape = data.draw(st.sampled_from(DIRECT))
    value = data.draw(_shaped(shape))
    assert _outcome(_converter(shape), value) == _outcome(_compile(shape), value)


@given(st.text(alphabet="ab=&;%2B+ 0", max_size=12))
def test_a_query_is_split_as_parse_qsl_splits_it(query: str) -> None:
    assert _query_pairs(query) == parse_qsl(query, keep_blank_values=True)

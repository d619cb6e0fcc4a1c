"""Every operation's input, with wrong JSON types and nulls at every depth, driven by the botocore model.

For each operation of the service model (so operations added later are covered without new code), hypothesis
builds inputs from the operation's input shape: at every node, a value of the right type or a wrong one (null, a
boolean, a number, a string, a list, an object). They are sent through boto3 with client-side validation off, on
a small graph whose ids the URI members mostly point at (so the requests reach the handlers, not just the
existence checks). Whatever is sent:
- the reply is a success or a modelled AWS error (ClientError); no other exception escapes the mock, except
  `ApigwMockNotImplemented` for an operation the mock has no handler for;
- a failed call changes no state (the white-box state dump before equals the one after).
Inputs that botocore itself cannot serialise (it raises before sending) are not the mock's concern and are
discarded.
"""

from __future__ import annotations

import copy as copy_module
import traceback
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from apigw_mock import ApigwMockNotImplemented, mock_apigateway
from apigw_mock.control.registry import handlers
from apigw_mock.protocol import spec
from apigw_mock.server.management import state

REGION = "us-east-1"
OPERATIONS = sorted(spec.service_model().operation_names)
EXAMPLES = max(20, settings.default.max_examples if settings.default else 0)  # per implemented operation

WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
)
# URI members mostly name the seeded graph's nodes, so calls get past the existence checks.
KNOWN = {
    "restApiId": "<api>",
    "resourceId": "<resource>",
    "parentId": "<root>",
    "httpMethod": "GET",
    "statusCode": "200",
    "responseType": "DEFAULT_4XX",
    "modelName": "Empty",
}


def right(shape: Shape, depth: int = 0, mixed: bool = True) -> st.SearchStrategy[Any]:
    """A value of the shape's own type, whose parts may be wrong (`mixed`) or are all right."""
    kind = shape.type_name
    part = anything if mixed else right
    if isinstance(shape, StructureShape):
        members = shape.members
        if depth > 3 or not members:
            return st.just({})
        return st.fixed_dictionaries({}, optional={name: part(m, depth + 1) for name, m in members.items()})
    if isinstance(shape, ListShape):
        return st.lists(part(shape.member, depth + 1), max_size=3)
    if isinstance(shape, MapShape):
        keys = st.sampled_from(["application/json", "method.response.header.X", "k", ""])
        return st.dictionaries(keys, part(shape.value, depth + 1), max_size=3)
    if kind == "string":
        enum = getattr(shape, "enum", None)
        return st.sampled_from(enum) if enum else st.text(max_size=8)
    if kind == "boolean":
        return st.booleans()
    if kind in ("integer", "long"):
        return st.integers(-5, 40000)
    if kind in ("double", "float"):
        return st.floats(-1e6, 1e6)
    if kind == "blob":
        return st.binary(max_size=8)
    return st.integers(0, 2**31)  # timestamp: epoch seconds


def anything(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """The right type most of the time (so that one wrong value deep down is often the only one), a wrong one
    (null included) otherwise."""
    return st.one_of(right(shape, depth), right(shape, depth), right(shape, depth), WRONG)


def inputs(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    """The operation's parameters; URI members that name a seeded node hold its placeholder (`<api>`). Half the
    time wrong values are scattered anywhere; the other half everything is right but one value, at any depth, so a
    lone null deep down (`endpointConfiguration.types[0]`) is not hidden behind an earlier error."""
    shape = spec.operation(operation).input_shape
    if shape is None:
        return st.just({})

    def members(mixed: bool) -> st.SearchStrategy[dict[str, Any]]:
        required, optional = {}, {}
        for name, member in shape.members.items():
            if member.serialization.get("location") == "uri":
                known = KNOWN.get(name)
                required[name] = st.sampled_from([known, known, known, "nope"]) if known else st.text("abc", min_size=1)
            elif name in shape.required_members:
                required[name] = anything(member) if mixed else right(member, mixed=False)
            else:
                optional[name] = anything(member) if mixed else right(member, mixed=False)
        return st.fixed_dictionaries(required, optional=optional)

    uri = {name for name, member in shape.members.items() if member.serialization.get("location") == "uri"}
    return st.one_of(members(True), members(False).flatmap(lambda params: one_wrong(params, uri)))


def one_wrong(params: dict[str, Any], uri: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    """`params` with one value (any depth, URI members aside) replaced by a wrong one."""
    paths: list[tuple[Any, ...]] = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    for name, value in params.items():
        if name not in uri:
            walk(value, (name,))
    if not paths:
        return st.just(params)

    def replaced(choice: tuple[tuple[Any, ...], Any]) -> dict[str, Any]:
        path, wrong = choice
        copy = copy_module.deepcopy(params)
        target = copy
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = wrong
        return copy

    return st.tuples(st.sampled_from(paths), WRONG).map(replaced)


def seed(client: Any) -> dict[str, str]:
    api = client.create_rest_api(name="fuzz")
    resource = client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
    ids = {"<api>": api["id"], "<root>": api["rootResourceId"], "<resource>": resource["id"]}
    where = {"restApiId": api["id"], "resourceId": resource["id"], "httpMethod": "GET"}
    client.put_method(**where, authorizationType="NONE")
    client.put_method_response(**where, statusCode="200", responseParameters={"method.response.header.X": False})
    client.put_integration(**where, type="MOCK")
    client.put_integration_response(**where, statusCode="200", responseTemplates={"application/json": "{}"})
    return ids


def _raised_in_mock(error: BaseException) -> bool:
    return any("/apigw_mock/" in frame.filename for frame in traceback.extract_tb(error.__traceback__))


@pytest.mark.parametrize("operation", OPERATIONS)
def test_wrong_types_at_any_depth_are_modelled_errors_that_change_nothing(operation: str) -> None:
    client = boto3.client(
        "apigateway",
        region_name=REGION,
        aws_access_key_id="AKIAFUZZ",
        aws_secret_access_key="fuzz",
        config=Config(parameter_validation=False),
    )
    method = getattr(client, xform_name(operation))
    implemented = operation in handlers()
    examples = EXAMPLES if implemented else 3  # an operation without a handler fails at dispatch, after the checks

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(params=inputs(operation))
    def call(params: dict[str, Any]) -> None:
        with mock_apigateway():  # every example starts from the same fresh graph
            ids = seed(client)
            params = {name: ids.get(value, value) if type(value) is str else value for name, value in params.items()}
            before = state()
            try:
                method(**params)
            except ClientError:
                assert state() == before, f"a failed {operation} changed the state"
            except ApigwMockNotImplemented:  # the one exception allowed to escape, and only without a handler
                assert not implemented
            except Exception as error:
                assume(_raised_in_mock(error))  # else botocore could not serialise the input: not our concern
                raise

    call()


WHERE = {"restApiId": "<api>", "resourceId": "<resource>", "httpMethod": "GET"}
HEADER = "method.response.header.X"


@pytest.mark.parametrize(
    ("operation", "params"),
    [
        ("CreateRestApi", {"name": "n", "tags": {"k": None}}),
        ("CreateRestApi", {"name": "n", "binaryMediaTypes": [None]}),
        ("CreateRestApi", {"name": "n", "endpointConfiguration": {"types": [None]}}),
        (
            "PutIntegrationResponse",
            {**WHERE, "statusCode": "200", "responseParameters": {"method.response.header.X": None}},
        ),
    ],
)
def test_a_null_the_domain_has_no_place_for_is_a_serialization_error(operation: str, params: dict[str, Any]) -> None:
    with mock_apigateway():
        client = boto3.client("apigateway", region_name=REGION, config=Config(parameter_validation=False))
        ids = seed(client)
        before = state()
        call = getattr(client, xform_name(operation))

        with pytest.raises(ClientError) as raised:
            call(**{name: ids.get(value, value) if type(value) is str else value for name, value in params.items()})

        assert raised.value.response["Error"]["Code"] == "SerializationException"
        assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
        assert raised.value.response["Error"]["Message"] == "null can not be converted to an String"
        assert state() == before


def test_a_null_template_is_stored_as_aws_stores_it() -> None:
    with mock_apigateway():
        client = boto3.client("apigateway", region_name=REGION, config=Config(parameter_validation=False))
        ids = seed(client)
        where = {"restApiId": ids["<api>"], "resourceId": ids["<resource>"], "httpMethod": "GET"}

        reply = client.put_integration_response(**where, statusCode="200", responseTemplates={"application/json": None})

        assert reply["responseTemplates"] == {"application/json": None}


# ---- every node of every input shape, one wrong value at a time (deterministic) ------------------------------

LONE_WRONG = (None, True, 7, "x", ["x"], {"k": "x"})


def filler(shape: Shape) -> Any:
    """The smallest right value of a shape."""
    kind = shape.type_name
    if kind == "string":
        enum = getattr(shape, "enum", None)
        return enum[0] if enum else "x"
    return {"structure": {}, "list": [], "map": {}, "boolean": True, "blob": b"x"}.get(kind, 1)


def nodes(shape: Shape, depth: int = 0) -> list[tuple[str, ...]]:
    """Paths to every node beneath a shape: member names, `[]` for a list item, `{}` for a map value."""
    if depth > 4:
        return []
    if isinstance(shape, StructureShape):
        return [(name, *rest) for name, member in shape.members.items() for rest in [(), *nodes(member, depth + 1)]]
    if isinstance(shape, ListShape):
        return [("[]", *rest) for rest in [(), *nodes(shape.member, depth + 1)]]
    if isinstance(shape, MapShape):
        return [("{}", *rest) for rest in [(), *nodes(shape.value, depth + 1)]]
    return []


def holding(shape: Shape, path: tuple[str, ...], wrong: Any) -> Any:
    """The smallest value of `shape` that holds `wrong` at `path`."""
    if not path:
        return wrong
    step, rest = path[0], path[1:]
    if isinstance(shape, ListShape):
        return [holding(shape.member, rest, wrong)]
    if isinstance(shape, MapShape):
        return {"application/json": holding(shape.value, rest, wrong)}
    assert isinstance(shape, StructureShape)
    return {step: holding(shape.members[step], rest, wrong)}


def lone_wrong_cases() -> list[tuple[str, tuple[str, ...]]]:
    cases = []
    for operation in sorted(handlers()):
        shape = spec.operation(operation).input_shape
        body = {name: m for name, m in shape.members.items() if m.serialization.get("location") != "uri"}
        for name, member in body.items():
            cases += [(operation, (name, *rest)) for rest in [(), *nodes(member)]]
    return cases


@pytest.mark.parametrize(
    ("operation", "path"), lone_wrong_cases(), ids=lambda value: ".".join(value) if isinstance(value, tuple) else value
)
def test_one_wrong_value_at_any_node_is_a_modelled_error_that_changes_nothing(
    operation: str, path: tuple[str, ...]
) -> None:
    shape = spec.operation(operation).input_shape
    client = boto3.client(
        "apigateway",
        region_name=REGION,
        aws_access_key_id="AKIAFUZZ",
        aws_secret_access_key="fuzz",
        config=Config(parameter_validation=False),
    )
    with mock_apigateway():
        ids = seed(client)
        base = {
            name: ids.get(KNOWN.get(name, ""), KNOWN.get(name, "x"))
            if member.serialization.get("location") == "uri"
            else filler(member)
            for name, member in shape.members.items()
            if name in shape.required_members
        }
        for wrong in LONE_WRONG:
            params = {**base, path[0]: holding(shape.members[path[0]], path[1:], wrong)}
            before = state()
            try:
                getattr(client, xform_name(operation))(**params)
            except ClientError:
                assert state() == before, f"a failed {operation} with {params} changed the state"
            except Exception as error:
                if _raised_in_mock(error):
                    raise AssertionError(f"{operation} with {params} let {error!r} escape") from error

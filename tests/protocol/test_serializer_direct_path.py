"""The serializer's direct path (`protocol.direct`: msgspec writes the reply in one call) writes what its general
path (`dump`, renames, the stdlib encoder) writes, for every domain node it accepts (as it is, or through its wire
twin) and for listings of them: the same members in the same order with the same values. The text differs only
where a float is written (msgspec's `1e-05` is `0.00001`), so the bodies are compared as parsed JSON, order kept."""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from apigw_mock.control import registry
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.deployment import Deployment
from apigw_mock.domain.integration import IntegrationResponse
from apigw_mock.domain.model import Model
from apigw_mock.domain.stage import MethodSetting, Stage
from apigw_mock.protocol import direct, serializer


def _subclasses(kind: type[Any]) -> Iterator[type[Any]]:
    for sub in kind.__subclasses__():
        yield sub
        yield from _subclasses(sub)


registry.handlers()  # every family's node types are defined
NODES = sorted(set(_subclasses(ApiGatewayModel)), key=str)
WRITTEN = [kind for kind in NODES if direct.node_plan(kind) is not None]


def _every_field(kind: type[Any]) -> st.SearchStrategy[Any]:
    """Nodes of `kind` with a drawn value in every field (hypothesis would otherwise hand a default factory itself
    to a field msgspec fills from one)."""
    return st.builds(kind, **{field.name: st.from_type(field.type) for field in msgspec.structs.fields(kind)})


st.register_type_strategy(  # what the domain holds: aware UTC times, as `backend.now()` makes them
    datetime.datetime,
    st.datetimes(datetime.datetime(1970, 1, 2), datetime.datetime(2200, 1, 1), timezones=st.just(datetime.UTC)),
)
for _kind in NODES:
    st.register_type_strategy(_kind, st.deferred(lambda kind=_kind: _every_field(kind)))


def _general(result: Any, operation: str) -> bytes:
    plan = serializer._plan(operation)
    assert plan.shape is not None
    data = serializer._to_wire(serializer.to_plain(result), plan.shape)
    return serializer._ENCODER.encode(data).encode()


def _parsed(body: bytes) -> Any:
    """The body as JSON, every object a list of (name, value) pairs, so member order counts."""
    return json.loads(body, object_pairs_hook=list)


def _finite(body: bytes) -> bool:
    """No NaN or infinity (which the domain never holds: every double is checked finite where it comes in)."""
    return all(math.isfinite(number) for number in _numbers(json.loads(body)))


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def test_every_node_of_the_domain_is_written_by_the_direct_path() -> None:
    assert WRITTEN == NODES
    assert direct.node_plan(IntegrationResponse) == direct.NodePlan()  # as it is: every default None
    stage_plan = direct.node_plan(Stage)
    assert stage_plan is not None and stage_plan.twin is not None  # datetimes and non-None defaults: a twin
    assert direct.node_plan(dict) is None


@pytest.mark.parametrize("kind", WRITTEN, ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_a_node_is_written_as_the_general_path_writes_it(kind: type[Any], data: st.DataObject) -> None:
    node = data.draw(st.from_type(kind))
    general = serializer._ENCODER.encode(serializer.to_plain(node)).encode()
    assume(_finite(general))
    written = direct.direct_json(node, {}, True)
    assert written is not None
    assert _parsed(written) == _parsed(general)


@given(
    stages=st.lists(st.from_type(Stage), max_size=3),
    deployments=st.lists(st.from_type(Deployment), max_size=3),
    models=st.lists(st.from_type(Model), max_size=3),
    position=st.none() | st.text(max_size=5),
    tags=st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
)
def test_a_listing_is_written_as_the_general_path_writes_it(
    stages: list[Stage], deployments: list[Deployment], models: list[Model], position: str | None, tags: dict[str, str]
) -> None:
    for operation, listing in (
        ("GetModels", {"items": models, "position": position}),
        ("GetDeployments", {"items": deployments, "position": position}),
        ("GetStages", {"item": stages}),
        ("GetTags", {"tags": tags}),
    ):
        plan = serializer._plan(operation)
        assert plan.members is not None
        general = _general(listing, operation)
        assume(_finite(general))
        written = direct.direct_json(listing, plan.members, plan.direct)
        assert written is not None
        assert _parsed(written) == _parsed(general)


def test_a_stage_reply_keeps_its_false_and_empty_defaults_and_writes_epoch_seconds() -> None:
    created = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    stage = Stage(
        stage_name="dev",
        deployment_id="d1",
        created_date=created,
        last_updated_date=created + datetime.timedelta(seconds=0.5),
        method_settings={"*/*": MethodSetting(metrics_enabled=False, throttling_rate_limit=10000.0)},
    )
    reply = serializer.serialize_result(stage, "GetStage")
    assert json.loads(reply.body) == {
        "deploymentId": "d1",
        "stageName": "dev",
        "cacheClusterEnabled": False,
        "cacheClusterStatus": "NOT_AVAILABLE",
        "methodSettings": {"*/*": {"metricsEnabled": False, "throttlingRateLimit": 10000.0}},
        "tracingEnabled": False,
        "createdDate": 1767323045,
        "lastUpdatedDate": 1767323045.5,
    }
    assert b'"createdDate":1767323045,' in reply.body  # whole seconds as an integer, as AWS sends them


def test_what_the_direct_path_declines_is_left_to_the_general_path() -> None:
    plan = serializer._plan("GetModels")
    assert plan.members is not None
    assert direct.direct_json({"unknown": "x"}, plan.members, plan.direct) is None  # not an output member
    assert direct.direct_json({"items": [b"x"]}, plan.members, plan.direct) is None  # bytes: base64 on the wire
    assert direct.direct_json({"items": {"a": [1]}}, plan.members, plan.direct) is None  # a map of non-scalars
    assert direct.direct_json(Model(id="m", name="n"), plan.members, False) is None  # renamed beneath the shape

"""The serializer's direct path (`direct_json`: msgspec writes the reply in one call) writes the very bytes of its
general path (`dump`, renames, the stdlib encoder), for every domain node it accepts and for listings of them;
what it declines (datetimes, floats, non-None defaults) it leaves to the general path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.control import registry
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.integration import IntegrationResponse
from apigw_mock.domain.model import Model
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.protocol import serializer


def _subclasses(kind: type[Any]) -> Iterator[type[Any]]:
    for sub in kind.__subclasses__():
        yield sub
        yield from _subclasses(sub)


registry.handlers()  # every family's node types are defined
DIRECT = sorted({kind for kind in _subclasses(ApiGatewayModel) if serializer.direct_safe(kind)}, key=str)


def _general(result: Any, operation: str) -> bytes:
    plan = serializer._plan(operation)
    assert plan.shape is not None
    data = serializer._to_wire(serializer.to_plain(result), plan.shape)
    return serializer._ENCODER.encode(data).encode()


def test_the_nodes_the_hot_replies_carry_take_the_direct_path() -> None:
    names = {kind.__name__ for kind in DIRECT}
    assert {"IntegrationResponse", "MethodResponse", "Model", "Authorizer", "DocumentationPart"} <= names
    assert not serializer.direct_safe(RestApi)  # a datetime (epoch seconds on the wire) and non-None defaults


@pytest.mark.parametrize("kind", DIRECT, ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_a_direct_node_is_written_as_the_general_path_writes_it(kind: type[Any], data: st.DataObject) -> None:
    node = data.draw(st.from_type(kind))
    direct = serializer.direct_json(node, {}, True)
    assert direct is not None
    assert direct == serializer._ENCODER.encode(serializer.to_plain(node)).encode()


@given(
    responses=st.lists(st.from_type(IntegrationResponse), max_size=3),
    models=st.lists(st.from_type(Model), max_size=3),
    position=st.none() | st.text(max_size=5),
)
def test_a_listing_of_direct_nodes_is_written_as_the_general_path_writes_it(
    responses: list[IntegrationResponse], models: list[Model], position: str | None
) -> None:
    plan = serializer._plan("GetModels")
    assert plan.members is not None
    listing = {"items": models, "position": position}
    assert serializer.direct_json(listing, plan.members, plan.direct) == _general(listing, "GetModels")
    plan = serializer._plan("GetIntegrationResponse")
    assert plan.members is not None
    for response in responses:
        assert serializer.direct_json(response, plan.members, plan.direct) == _general(
            response, "PutIntegrationResponse"
        )


def test_what_the_direct_path_declines_is_left_to_the_general_path() -> None:
    plan = serializer._plan("GetModels")
    assert plan.members is not None
    assert serializer.direct_json({"items": [1.5]}, plan.members, plan.direct) is None  # a float
    assert serializer.direct_json({"unknown": "x"}, plan.members, plan.direct) is None  # not an output member
    api = RestApi.model_validate(
        {
            "id": "a",
            "name": "n",
            "createdDate": "2026-01-02T03:04:05Z",
            "endpointConfiguration": {"types": ["EDGE"]},
            "rootResourceId": "r",
        }
    )
    assert serializer.direct_json(api, {}, True) is None
    reply = serializer.serialize_result(api, "GetRestApi")
    assert b'"createdDate":1767323045' in reply.body  # epoch seconds, by the general path

"""`domain.base.replaced(node, update)` makes what pydantic's `node.model_copy(update=update)` makes.

Property-tested on the models it copies (stages, canaries, deployments, REST APIs): the same field values in the same
order, the same fields set, no extra fields and no private attributes, and the original left as it was. A static
check keeps its premise true for every domain model: no `extra="allow"` and no private attributes.
"""

from __future__ import annotations

import datetime
import importlib
import pkgutil
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import apigw_mock.domain
from apigw_mock.domain.base import ApiGatewayModel, replaced
from apigw_mock.domain.deployment import Deployment
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.domain.stage import CanarySettings, Stage

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
TEXT = st.text(max_size=4)
VALUES = st.one_of(st.none(), st.booleans(), st.integers(), TEXT, st.dictionaries(TEXT, TEXT, max_size=2))
OPTIONAL_TEXT = st.none() | TEXT

NODES: dict[type[ApiGatewayModel], st.SearchStrategy[Any]] = {
    Stage: st.builds(
        lambda name, description, variables, tags, canary: Stage.model_validate(
            {
                "stageName": name,
                "createdDate": NOW,
                "lastUpdatedDate": NOW,
                **({} if description is None else {"description": description}),
                **({} if variables is None else {"variables": variables}),
                **({} if tags is None else {"tags": tags}),
                **({} if canary is None else {"canarySettings": {"deploymentId": canary}}),
            }
        ),
        TEXT,
        OPTIONAL_TEXT,
        st.none() | st.dictionaries(TEXT, TEXT, max_size=2),
        st.none() | st.dictionaries(TEXT, TEXT, max_size=2),
        OPTIONAL_TEXT,
    ),
    CanarySettings: st.builds(
        lambda deployment, percent: CanarySettings(deployment_id=deployment, percent_traffic=percent),
        OPTIONAL_TEXT,
        st.none() | st.floats(0, 100),
    ),
    Deployment: st.builds(
        lambda id_, description: Deployment(id=id_, description=description, created_date=NOW), TEXT, OPTIONAL_TEXT
    ),
    RestApi: st.builds(
        lambda id_, name, tags: RestApi.model_validate(
            {
                "id": id_,
                "name": name,
                "createdDate": NOW,
                "rootResourceId": "root",
                "endpointConfiguration": {"types": ["EDGE"]},
                **({} if tags is None else {"tags": tags}),
            }
        ),
        TEXT,
        TEXT,
        st.none() | st.dictionaries(TEXT, TEXT, max_size=2),
    ),
}


def _state(node: ApiGatewayModel) -> tuple[Any, ...]:
    return (
        type(node),
        list(node.__dict__.items()),
        node.__pydantic_fields_set__,
        node.__pydantic_extra__,
        node.__pydantic_private__,
    )


@pytest.mark.parametrize("model", list(NODES), ids=lambda model: model.__name__)
@given(data=st.data())
def test_replaced_is_model_copy(model: type[ApiGatewayModel], data: st.DataObject) -> None:
    node = data.draw(NODES[model])
    names = data.draw(st.lists(st.sampled_from(list(model.model_fields)), unique=True, max_size=4))
    update = {name: data.draw(VALUES) for name in names}
    before = _state(node)
    made = replaced(node, update)
    expected = node.model_copy(update=update)
    assert _state(made) == _state(expected)
    assert made == expected
    assert made is not node and made.__dict__ is not node.__dict__
    assert made.__pydantic_fields_set__ is not node.__pydantic_fields_set__
    assert _state(node) == before  # the original is untouched


def _domain_models() -> list[type[ApiGatewayModel]]:
    for module in pkgutil.walk_packages(apigw_mock.domain.__path__, "apigw_mock.domain."):
        importlib.import_module(module.name)
    found: list[type[ApiGatewayModel]] = []
    pending = [ApiGatewayModel]
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found


def test_no_domain_model_has_extra_fields_or_private_attributes() -> None:
    models = _domain_models()
    assert Stage in models and Deployment in models
    for model in models:
        assert model.model_config.get("extra") == "forbid", model
        assert not model.__private_attributes__, model

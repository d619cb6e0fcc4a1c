"""A forked graph (deployments, snapshots) keeps the documentation it saw: containers of its own."""

from __future__ import annotations

import datetime

from apigw_mock.domain.documentation import (
    Documentation,
    DocumentationPart,
    DocumentationPartLocation,
    DocumentationVersion,
)
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.domain.rest_api import EndpointConfiguration, RestApi

API = RestApi(
    id="abcdefghij",
    name="a",
    created_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    endpoint_configuration=EndpointConfiguration(types=["EDGE"]),
    root_resource_id="rootrootro",
)


def test_a_fork_does_not_see_later_documentation_writes() -> None:
    graph = ApiGraph(API)
    part = DocumentationPart(id="a1b2c3", location=DocumentationPartLocation(type="API"), properties="{}")
    graph.documentation.parts[part.id] = part

    fork = graph.fork()
    graph.documentation.parts["d4e5f6"] = part.model_copy(update={"id": "d4e5f6"})
    graph.documentation.versions["1"] = DocumentationVersion(version="1", created_date=API.created_date)
    graph.documentation.snapshots["1"] = (part,)

    assert list(fork.documentation.parts) == ["a1b2c3"]
    assert (list(fork.documentation.versions), fork.documentation.snapshots) == ([], {})
    assert isinstance(fork.documentation, Documentation) and fork.documentation is not graph.documentation

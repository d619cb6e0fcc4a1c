"""`apigw_mock.dump` is every field of a node under its wire name (msgspec's field list), None-valued fields left out
unless asked for: it must give the very same data for every domain node, and a copy the caller may edit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from msgspec import Struct

from apigw_mock import MockApiGateway
from apigw_mock.domain.integration import Integration, IntegrationResponse, TlsConfig
from apigw_mock.dump import dump, dump_shallow
from tests.helpers import declare_headers, put_method

TEXT = st.text(max_size=8)
OPTIONAL_MAP = st.none() | st.dictionaries(TEXT, st.none() | TEXT, max_size=3)


def _same_as_msgspec(node: Struct) -> None:
    assert dump(node) == node.model_dump(exclude_none=True)
    assert dump(node, keep_none=True) == node.model_dump()


def _nodes(mock: MockApiGateway) -> Iterator[Struct]:
    for graph in mock.backend().apis.values():
        yield graph.api
        yield from graph.models.values()
        yield from graph.gateway_responses.values()
        for resource in graph.resources.values():
            yield resource
            for method in (resource.resource_methods or {}).values():
                yield method
                yield from (method.method_responses or {}).values()
                if method.method_integration is not None:
                    yield method.method_integration
                    yield from (method.method_integration.integration_responses or {}).values()


def test_every_node_of_a_full_graph_dumps_as_msgspec_does(
    mock: MockApiGateway, client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    api_id, rid = rest_api["id"], resource["id"]
    put_method(client, api_id, rid, requestParameters={"method.request.querystring.q": True})
    declare_headers(client, api_id, rid, "200", "method.response.header.X-Trace")
    client.put_integration(
        restApiId=api_id,
        resourceId=rid,
        httpMethod="GET",
        type="HTTP",
        integrationHttpMethod="GET",
        uri="https://example.com/pets",
        cacheKeyParameters=["method.request.querystring.q"],
        requestTemplates={"application/json": ""},
        tlsConfig={"insecureSkipVerification": True},
    )
    client.put_integration_response(
        restApiId=api_id,
        resourceId=rid,
        httpMethod="GET",
        statusCode="200",
        responseParameters={"method.response.header.X-Trace": "'t'"},
        responseTemplates={"application/json": "{}", "text/plain": ""},
    )
    client.put_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX", statusCode="400")
    client.create_model(restApiId=api_id, name="Pet", contentType="application/json", schema="{}")
    nodes = list(_nodes(mock))
    assert {type(node).__name__ for node in nodes} >= {
        "RestApi",
        "Model",
        "GatewayResponse",
        "Resource",
        "Method",
        "MethodResponse",
        "Integration",
        "IntegrationResponse",
    }
    for node in nodes:
        _same_as_msgspec(node)
        assert type(node).model_validate(dump_shallow(node)) == node


@given(
    status=TEXT,
    pattern=st.none() | TEXT,
    parameters=st.none() | st.dictionaries(TEXT, TEXT, max_size=3),
    templates=OPTIONAL_MAP,
    handling=st.sampled_from([None, "CONVERT_TO_TEXT", "CONVERT_TO_BINARY"]),
)
def test_integration_responses_dump_as_pydantic_does(
    status: str, pattern: str | None, parameters: Any, templates: Any, handling: Any
) -> None:
    node = IntegrationResponse(
        status_code=status,
        selection_pattern=pattern,
        response_parameters=parameters,
        response_templates=templates,
        content_handling=handling,
    )
    _same_as_msgspec(node)
    _same_as_msgspec(Integration(type="MOCK", integration_responses={status: node}, request_templates=templates))


def test_the_dump_is_a_copy() -> None:
    response = IntegrationResponse(status_code="200", response_templates={"application/json": "{}"})
    node = Integration(
        type="MOCK",
        cache_key_parameters=["a"],
        tls_config=TlsConfig(insecure_skip_verification=False),
        integration_responses={"200": response},
    )
    before = node.model_dump()
    doc = dump(node, keep_none=True)
    doc["cacheKeyParameters"].append("b")
    doc["tlsConfig"]["insecureSkipVerification"] = True
    doc["integrationResponses"]["200"]["responseTemplates"]["text/plain"] = "x"
    doc["integrationResponses"]["404"] = {}
    assert node.model_dump() == before

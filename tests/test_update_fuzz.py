"""Fuzzing every Update operation with random patch lists, through boto3 with client-side validation off.

Paths are drawn from each model's PATCHABLE patterns (keys filled with plausible and junk keys) plus junk paths;
ops include move/copy/test and bogus ones; values include unicode, "", None. Whatever is sent:
- the only errors are modelled AWS errors (ClientError with an allowed code), never a crash;
- a failed patch changes nothing (the Get before equals the Get after, and the whole white-box API is unchanged);
- a successful patch answers what a later Get shows.
`HYPOTHESIS_PROFILE=long` runs many more examples (profiles in conftest.py); CI runs at least 30 per operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec import Struct

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.control.registry import handlers
from apigw_mock.domain.deployment import Deployment
from apigw_mock.domain.gateway_response import GatewayResponse
from apigw_mock.domain.integration import Integration, IntegrationResponse
from apigw_mock.domain.method import Method, MethodResponse
from apigw_mock.domain.resource import Resource
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.domain.stage import Stage
from apigw_mock.patch import PatchRules

REGION = "us-east-1"
ALLOWED_ERRORS = {
    "BadRequestException",
    "NotFoundException",
    "ConflictException",
    "ValidationException",
    "SerializationException",
}
EXAMPLES = max(
    30, settings.default.max_examples if settings.default else 0
)  # the `ci` profile's 10 is too few for nine wide surfaces

OPS = st.sampled_from(["add", "remove", "replace", "move", "copy", "test", "bogus", "", "REPLACE"])
KEYS = st.one_of(
    st.sampled_from(
        [
            "application~1json",
            "application~1xml",
            "text~1plain",
            "application/json",
            "method.response.header.X-Trace",
            "method.response.header.Other",
            "method.request.header.h",
            "method.request.querystring.q",
            "method.request.path.id",
            "integration.request.header.h",
            "integration.request.querystring.q",
            "gatewayresponse.header.x",
            "gatewayresponse.querystring.y",
            "image~1png",
            "0",
            "1",
            "EDGE",
            "REGIONAL",
            "PRIVATE",
            "scope",
            "",
            "~",
            "~2",
            "a~1b~0c",
            "*",
            "GET",
            "~1pets",
            "pets/sub",
        ]
    ),
    st.text(max_size=12),
)
VALUES = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(
        [
            "true",
            "false",
            "TRUE",
            "100",
            "-1",
            "29000",
            "10485760",
            "MOCK",
            "HTTP",
            "AWS_PROXY",
            "REGIONAL",
            "PRIVATE",
            "EDGE",
            "ipv4",
            "dualstack",
            "CONVERT_TO_TEXT",
            "CONVERT_TO_BINARY",
            "WHEN_NO_MATCH",
            "NEVER",
            "NONE",
            "none",
            "CUSTOM",
            "AWS_IAM",
            "HEADER",
            "AUTHORIZER",
            "404",
            "600",
            "2\\d{2}",
            "'static'",
            "integration.response.header.h",
            "integration.response.body",
            "method.request.header.h",
            "method.request.querystring.q",
            "context.requestId",
            "stageVariables.v",
            "https://example.com/x",
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations",
            "Empty",
            "Error",
            "Missing",
            "pets",
            "{id}",
            "{proxy+}",
            "a b",
            "INFO",
            "0.5",
            "12.5",
            "$context.requestId",
            "/canarySettings/deploymentId",
        ]
    ),
    st.text(max_size=30),
)
JUNK_PATHS = st.one_of(
    st.sampled_from(["", "/", "//", "/nope", "/id", "/statusCode/x", "/responseTemplates", "~1", "selectionPattern"]),
    st.text(max_size=20),
    st.text(max_size=20).map(lambda text: "/" + text),
)


def paths(rules: PatchRules) -> st.SearchStrategy[str | None]:
    patterned = st.tuples(st.sampled_from(rules.patterns), KEYS).map(
        lambda pk: pk[0].replace("{key+}", pk[1] or "*").replace("{key}", pk[1])
    )
    return st.one_of(patterned, patterned, patterned, JUNK_PATHS, st.none())


def patch_lists(rules: PatchRules) -> st.SearchStrategy[list[dict[str, Any]]]:
    operation = st.fixed_dictionaries(
        {"op": OPS, "path": paths(rules)}, optional={"value": VALUES, "from": paths(rules)}
    )
    return st.lists(operation, max_size=4)


Graph = dict[str, dict[str, str]]  # part name -> the request members that address it


@dataclass(frozen=True)
class Surface:
    """One Update operation: its domain model, the Get that shows the same node, and how to address it."""

    update: str
    get: str
    model: type[Struct]
    address: Callable[[Graph], dict[str, str]]
    empty_only_in_update: tuple[str, ...] = ()
    """Members the Update reply shows as `{}` where the Get omits them (recorded AWS behaviour)."""


SURFACES = [
    Surface(
        "UpdateIntegrationResponse", "GetIntegrationResponse", IntegrationResponse, lambda g: g["method"] | g["200"]
    ),
    Surface("UpdateIntegration", "GetIntegration", Integration, lambda g: g["method"]),
    Surface("UpdateMethod", "GetMethod", Method, lambda g: g["method"]),
    Surface("UpdateMethodResponse", "GetMethodResponse", MethodResponse, lambda g: g["method"] | g["200"]),
    Surface("UpdateResource", "GetResource", Resource, lambda g: g["resource"]),
    # spec §3.1: UpdateRestApi always shows `"tags": {}`; Get omits empty tags [REC].
    Surface("UpdateRestApi", "GetRestApi", RestApi, lambda g: g["api"], empty_only_in_update=("tags",)),
    Surface("UpdateGatewayResponse", "GetGatewayResponse", GatewayResponse, lambda g: g["api"] | g["gateway"]),
    Surface("UpdateStage", "GetStage", Stage, lambda g: g["api"] | g["stage"]),
    Surface("UpdateDeployment", "GetDeployment", Deployment, lambda g: g["api"] | g["deployment"]),
]


def build_graph(client: Any) -> Graph:
    """An API with `/pets/{id}` GET fully configured (every map non-empty) and a customised DEFAULT_4XX."""
    api = client.create_rest_api(name="fuzz", binaryMediaTypes=["image/png"], description="d")
    api_id = api["id"]
    pets = client.create_resource(restApiId=api_id, parentId=api["rootResourceId"], pathPart="pets")
    item = client.create_resource(restApiId=api_id, parentId=pets["id"], pathPart="{id}")
    method = {"restApiId": api_id, "resourceId": item["id"], "httpMethod": "GET"}
    client.put_method(
        **method,
        authorizationType="NONE",
        requestParameters={"method.request.header.h": False, "method.request.querystring.q": True},
        requestModels={"application/json": "Empty"},
    )
    client.put_method_response(
        **method,
        statusCode="200",
        responseParameters={"method.response.header.X-Trace": False},
        responseModels={"application/json": "Empty"},
    )
    client.put_integration(
        **method,
        type="HTTP",
        integrationHttpMethod="GET",
        uri="https://example.com/pets/{id}",
        requestParameters={"integration.request.header.h": "method.request.header.h"},
        requestTemplates={"application/json": "{}"},
        cacheKeyParameters=["method.request.header.h"],
    )
    client.put_integration_response(
        **method,
        statusCode="200",
        selectionPattern="2\\d{2}",
        responseTemplates={"application/json": "{}"},
        responseParameters={"method.response.header.X-Trace": "'v'"},
    )
    client.put_gateway_response(
        restApiId=api_id,
        responseType="DEFAULT_4XX",
        statusCode="400",
        responseParameters={"gatewayresponse.header.x": "'v'"},
        responseTemplates={"application/json": '{"m": 1}'},
    )
    deployment = client.create_deployment(restApiId=api_id, stageName="dev", description="d", variables={"v": "1"})
    client.create_deployment(
        restApiId=api_id, stageName="dev", canarySettings={"percentTraffic": 5.0, "stageVariableOverrides": {"v": "2"}}
    )
    client.update_stage(
        restApiId=api_id,
        stageName="dev",
        patchOperations=[
            {"op": "replace", "path": "/*/*/metrics/enabled", "value": "true"},
            {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"},
        ],
    )
    return {
        "api": {"restApiId": api_id},
        "resource": {"restApiId": api_id, "resourceId": item["id"]},
        "method": method,
        "200": {"statusCode": "200"},
        "gateway": {"responseType": "DEFAULT_4XX"},
        "stage": {"stageName": "dev"},
        "deployment": {"deploymentId": deployment["id"]},
    }


def shown(reply: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in reply.items() if key != "ResponseMetadata"}


def white_box(mock: MockApiGateway, api_id: str) -> Any:
    """Everything the API holds, as plain data (nodes are replaced on write, so a dump is a faithful snapshot)."""
    graph = mock.backend(REGION).apis[api_id]
    return (
        graph.api.model_dump(),
        [resource.model_dump() for resource in graph.resources.values()],
        {name: model.model_dump() for name, model in graph.models.items()},
        {kind: response.model_dump() for kind, response in graph.gateway_responses.items()},
        {name: stage.model_dump() for name, stage in graph.stages.items()},
        {key: record.deployment.model_dump() for key, record in graph.deployments.items()},
    )


def call(client: Any, operation: str, params: dict[str, Any]) -> dict[str, Any]:
    reply: dict[str, Any] = getattr(client, xform_name(operation))(**params)
    return reply


@pytest.mark.parametrize("surface", SURFACES, ids=[surface.update for surface in SURFACES])
def test_update_answers_modelled_errors_atomically(surface: Surface) -> None:
    if surface.update not in handlers() or surface.get not in handlers():
        pytest.skip(f"{surface.update}/{surface.get} not registered in apigw_mock.control.registry yet")
    rules: PatchRules = surface.model.PATCHABLE  # type: ignore[attr-defined]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(patch_operations=patch_lists(rules))
    def fuzz(patch_operations: list[dict[str, Any]]) -> None:
        with mock_apigateway() as mock:
            client = boto3.client("apigateway", region_name=REGION, config=Config(parameter_validation=False))
            graph = build_graph(client)
            address = surface.address(graph)
            before, whole_before = shown(call(client, surface.get, address)), white_box(mock, address["restApiId"])
            try:
                updated = shown(call(client, surface.update, {**address, "patchOperations": patch_operations}))
            except ClientError as error:
                assert error.response["Error"]["Code"] in ALLOWED_ERRORS, error.response
                assert shown(call(client, surface.get, address)) == before
                assert white_box(mock, address["restApiId"]) == whole_before
                return
            after = shown(call(client, surface.get, address))
            for member in surface.empty_only_in_update:
                if updated.get(member) == {} and member not in after:
                    del updated[member]
            assert updated == after

    fuzz()

"""Every reply the mock emits matches its operation's output shape, on the wire and as botocore reads it.

A scenario drives every registered handler through boto3 (one step per operation, richly parameterised so that
optional output members appear). Every success reply is captured where it is made (`serialize_result`) and checked
twice: the raw JSON body strictly against the output shape (wire names only, JSON types, enums, patterns, epoch
timestamps), and botocore's parse of it with `validate_parameters`. A handler registered without a step fails the
test, so new operations cannot slip by.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from botocore.awsrequest import HeadersDict
from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.parsers import create_parser
from botocore.validate import validate_parameters

from apigw_mock import MockApiGateway
from apigw_mock.control import pipeline
from apigw_mock.control.registry import handlers
from apigw_mock.http import HttpResponse
from apigw_mock.protocol import serializer, spec
from tests.protocol import access_steps, openapi_steps
from tests.protocol.domain_steps import DOMAIN_STEPS
from tests.protocol.steps import Step

# ---- capturing what the mock sends ----------------------------------------------------------------------------


@dataclass
class Reply:
    operation: str
    response: HttpResponse


@dataclass
class Wire:
    replies: list[Reply] = field(default_factory=list)
    errors: list[HttpResponse] = field(default_factory=list)

    def last(self, operation: str) -> HttpResponse:
        return next(reply.response for reply in reversed(self.replies) if reply.operation == operation)


@pytest.fixture(autouse=True)
def wire(monkeypatch: pytest.MonkeyPatch) -> Wire:
    """Every reply built by the pipeline during the test, in order."""
    captured = Wire()
    serialize_result, serialize_error = serializer.serialize_result, serializer.serialize_error

    def result(value: Any, operation_name: str) -> HttpResponse:
        response = serialize_result(value, operation_name)
        captured.replies.append(Reply(operation_name, response))
        return response

    def error(exception: Any) -> HttpResponse:
        response = serialize_error(exception)
        captured.errors.append(response)
        return response

    # The pipeline imported both by name: replace them where it looks them up.
    monkeypatch.setattr(pipeline, "serialize_result", result)
    monkeypatch.setattr(pipeline, "serialize_error", error)
    return captured


# ---- the scenario: one step per operation ---------------------------------------------------------------------

API = "restApiId"


def _ids(ctx: dict[str, Any], *, method: bool = False) -> dict[str, str]:
    ids = {API: ctx["api"], "resourceId": ctx["resource"]}
    return {**ids, "httpMethod": "GET"} if method else ids


_TEMPLATE = '{"statusCode": 200}'


def _test_invoke(c: Any, ctx: dict[str, Any]) -> Any:
    """TestInvokeMethod on a MOCK method of its own (the scenario's method calls a real HTTP backend)."""
    root = c.get_rest_api(restApiId=ctx["api"])["rootResourceId"]
    made = c.create_resource(restApiId=ctx["api"], parentId=root, pathPart="test-invoke")
    ids = {API: ctx["api"], "resourceId": made["id"], "httpMethod": "GET"}
    c.put_method(**ids, authorizationType="NONE")
    c.put_method_response(**ids, statusCode="200")
    c.put_integration(**ids, type="MOCK", requestTemplates={"application/json": _TEMPLATE})
    c.put_integration_response(**ids, statusCode="200", responseTemplates={"application/json": '{"ok": true}'})
    return c.test_invoke_method(**ids, pathWithQueryString="/test-invoke?a=1", headers={"X": "y"})


_BUILD = ("CreateRestApi", "CreateResource", "PutMethod")

STEPS: list[Step] = [
    Step(
        "CreateRestApi",
        lambda c, ctx: ctx.update(
            api=c.create_rest_api(
                name="scenario",
                description="all the optional members",
                version="v1",
                binaryMediaTypes=["image/png"],
                minimumCompressionSize=1024,
                apiKeySource="AUTHORIZER",
                endpointConfiguration={"types": ["REGIONAL"]},
                policy='{"Version": "2012-10-17", "Statement": []}',
                tags={"team": "api"},
                disableExecuteApiEndpoint=True,
            )["id"]
        ),
    ),
    Step("GetRestApi", lambda c, ctx: c.get_rest_api(restApiId=ctx["api"])),
    Step("GetRestApis", lambda c, ctx: c.get_rest_apis(limit=5)),
    Step(
        "UpdateRestApi",
        lambda c, ctx: c.update_rest_api(
            restApiId=ctx["api"], patchOperations=[{"op": "replace", "path": "/description", "value": "updated"}]
        ),
        ("CreateRestApi",),
    ),
    Step(
        "CreateModel",
        lambda c, ctx: c.create_model(
            restApiId=ctx["api"], name="Pet", contentType="application/json", schema='{"type": "object"}'
        ),
        ("CreateRestApi",),
    ),
    Step("GetModel", lambda c, ctx: c.get_model(restApiId=ctx["api"], modelName="Pet"), ("CreateModel",)),
    Step("GetModels", lambda c, ctx: c.get_models(restApiId=ctx["api"]), ("CreateRestApi",)),
    Step(
        "UpdateModel",
        lambda c, ctx: c.update_model(
            restApiId=ctx["api"],
            modelName="Pet",
            patchOperations=[{"op": "replace", "path": "/description", "value": "d"}],
        ),
        ("CreateModel",),
    ),
    Step(
        "GetModelTemplate", lambda c, ctx: c.get_model_template(restApiId=ctx["api"], modelName="Pet"), ("CreateModel",)
    ),
    *(Step(*row) for row in access_steps.BUILD),
    Step(
        "CreateResource",
        lambda c, ctx: ctx.update(
            resource=c.create_resource(
                restApiId=ctx["api"], parentId=c.get_rest_api(restApiId=ctx["api"])["rootResourceId"], pathPart="pets"
            )["id"]
        ),
        ("CreateRestApi", "GetRestApi"),
    ),
    Step(
        "UpdateResource",
        lambda c, ctx: c.update_resource(
            **_ids(ctx), patchOperations=[{"op": "replace", "path": "/pathPart", "value": "animals"}]
        ),
        _BUILD[:2],
    ),
    Step(
        "PutMethod",
        lambda c, ctx: c.put_method(
            **_ids(ctx, method=True),
            authorizationType="NONE",
            apiKeyRequired=True,
            operationName="ListPets",
            requestParameters={"method.request.querystring.page": False, "method.request.header.x-id": True},
            requestModels={"application/json": "Pet"},
        ),
        (*_BUILD[:2], "CreateModel"),
    ),
    Step("GetMethod", lambda c, ctx: c.get_method(**_ids(ctx, method=True)), _BUILD),
    Step(
        "UpdateMethod",
        lambda c, ctx: c.update_method(
            **_ids(ctx, method=True), patchOperations=[{"op": "replace", "path": "/operationName", "value": "Pets"}]
        ),
        _BUILD,
    ),
    Step(
        "PutMethodResponse",
        lambda c, ctx: c.put_method_response(
            **_ids(ctx, method=True),
            statusCode="200",
            responseParameters={"method.response.header.x-id": True},
            responseModels={"application/json": "Pet"},
        ),
        _BUILD,
    ),
    Step(
        "GetMethodResponse",
        lambda c, ctx: c.get_method_response(**_ids(ctx, method=True), statusCode="200"),
        (*_BUILD, "PutMethodResponse"),
    ),
    Step(
        "UpdateMethodResponse",
        lambda c, ctx: c.update_method_response(
            **_ids(ctx, method=True),
            statusCode="200",
            patchOperations=[
                {"op": "add", "path": "/responseParameters/method.response.header.x-more", "value": "false"}
            ],
        ),
        (*_BUILD, "PutMethodResponse"),
    ),
    Step(
        "PutIntegration",
        lambda c, ctx: c.put_integration(
            **_ids(ctx, method=True),
            type="HTTP",
            integrationHttpMethod="POST",
            uri="https://example.com/pets",
            requestParameters={"integration.request.header.x-id": "method.request.header.x-id"},
            requestTemplates={"application/json": _TEMPLATE},
            passthroughBehavior="WHEN_NO_TEMPLATES",
            cacheNamespace="pets",
            cacheKeyParameters=["method.request.querystring.page"],
            contentHandling="CONVERT_TO_TEXT",
            timeoutInMillis=5000,
            tlsConfig={"insecureSkipVerification": True},
        ),
        _BUILD,
    ),
    Step("GetIntegration", lambda c, ctx: c.get_integration(**_ids(ctx, method=True)), (*_BUILD, "PutIntegration")),
    Step(
        "UpdateIntegration",
        lambda c, ctx: c.update_integration(
            **_ids(ctx, method=True), patchOperations=[{"op": "replace", "path": "/timeoutInMillis", "value": "6000"}]
        ),
        (*_BUILD, "PutIntegration"),
    ),
    Step(
        "PutIntegrationResponse",
        lambda c, ctx: c.put_integration_response(
            **_ids(ctx, method=True),
            statusCode="200",
            selectionPattern="",
            responseParameters={"method.response.header.x-id": "integration.response.header.x-id"},
            responseTemplates={"application/json": _TEMPLATE, "text/plain": ""},  # "" is stored as null
            contentHandling="CONVERT_TO_BINARY",
        ),
        (*_BUILD, "PutMethodResponse", "PutIntegration"),
    ),
    Step(
        "GetIntegrationResponse",
        lambda c, ctx: c.get_integration_response(**_ids(ctx, method=True), statusCode="200"),
        (*_BUILD, "PutMethodResponse", "PutIntegration", "PutIntegrationResponse"),
    ),
    Step(
        "UpdateIntegrationResponse",
        lambda c, ctx: c.update_integration_response(
            **_ids(ctx, method=True),
            statusCode="200",
            patchOperations=[{"op": "add", "path": "/responseTemplates/application~1xml", "value": "<pets/>"}],
        ),
        (*_BUILD, "PutMethodResponse", "PutIntegration", "PutIntegrationResponse"),
    ),
    Step("GetResource", lambda c, ctx: c.get_resource(**_ids(ctx), embed=["methods"]), _BUILD),
    Step("GetResources", lambda c, ctx: c.get_resources(restApiId=ctx["api"], embed=["methods"]), _BUILD),
    Step(
        "PutGatewayResponse",
        lambda c, ctx: c.put_gateway_response(
            restApiId=ctx["api"],
            responseType="DEFAULT_5XX",
            statusCode="599",
            responseParameters={"gatewayresponse.header.x-id": "'abc'"},
            responseTemplates={"application/json": '{"message": "boom"}'},
        ),
        ("CreateRestApi",),
    ),
    Step(
        "GetGatewayResponse",
        lambda c, ctx: c.get_gateway_response(restApiId=ctx["api"], responseType="INTEGRATION_FAILURE"),
        ("CreateRestApi",),
    ),
    Step("GetGatewayResponses", lambda c, ctx: c.get_gateway_responses(restApiId=ctx["api"]), ("CreateRestApi",)),
    Step(
        "UpdateGatewayResponse",
        lambda c, ctx: c.update_gateway_response(
            restApiId=ctx["api"],
            responseType="MISSING_AUTHENTICATION_TOKEN",
            patchOperations=[{"op": "replace", "path": "/statusCode", "value": "404"}],
        ),
        ("CreateRestApi",),
    ),
    Step(
        "DeleteGatewayResponse",
        lambda c, ctx: c.delete_gateway_response(restApiId=ctx["api"], responseType="DEFAULT_5XX"),
        ("CreateRestApi", "PutGatewayResponse"),
    ),
    # Deployments, stages and tags (issue 12): every optional member, so each reply key is checked against its shape.
    Step(
        "CreateDeployment",
        lambda c, ctx: ctx.update(
            deployment=c.create_deployment(
                restApiId=ctx["api"],
                stageName="dev",
                stageDescription="s",
                description="d",
                variables={"a": "b"},
                cacheClusterEnabled=True,
                cacheClusterSize="1.6",
                tracingEnabled=True,
            )["id"]
        ),
        (*_BUILD, "PutIntegration"),
    ),
    Step(
        "GetDeployment",
        lambda c, ctx: c.get_deployment(restApiId=ctx["api"], deploymentId=ctx["deployment"], embed=["apisummary"]),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "GetDeployments",
        lambda c, ctx: c.get_deployments(restApiId=ctx["api"], limit=1),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "UpdateDeployment",
        lambda c, ctx: c.update_deployment(
            restApiId=ctx["api"],
            deploymentId=ctx["deployment"],
            patchOperations=[{"op": "replace", "path": "/description", "value": "e"}],
        ),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "CreateStage",
        lambda c, ctx: c.create_stage(
            restApiId=ctx["api"],
            stageName="prod",
            deploymentId=ctx["deployment"],
            description="p",
            cacheClusterEnabled=False,
            variables={"v": "1"},
            documentationVersion="1",
            canarySettings={
                "percentTraffic": 5.5,
                "deploymentId": ctx["deployment"],
                "useStageCache": True,
                "stageVariableOverrides": {"v": "2"},
            },
            tracingEnabled=False,
            tags={"team": "pets"},
        ),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "GetStage",
        lambda c, ctx: c.get_stage(restApiId=ctx["api"], stageName="prod"),
        (*_BUILD, "PutIntegration", "CreateDeployment", "CreateStage"),
    ),
    Step(
        "GetStages",
        lambda c, ctx: c.get_stages(restApiId=ctx["api"], deploymentId=ctx["deployment"]),
        (*_BUILD, "PutIntegration", "CreateDeployment", "CreateStage"),
    ),
    Step(
        "UpdateStage",
        lambda c, ctx: c.update_stage(
            restApiId=ctx["api"],
            stageName="prod",
            patchOperations=[
                {"op": "replace", "path": "/*/*/logging/loglevel", "value": "INFO"},
                {"op": "replace", "path": "/~1pets/GET/throttling/rateLimit", "value": "12.5"},
                {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"},
                {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": "arn:aws:logs:x"},
                {"op": "replace", "path": "/clientCertificateId", "value": "abc123"},
            ],
        ),
        (*_BUILD, "PutIntegration", "CreateDeployment", "CreateStage"),
    ),
    Step(
        "FlushStageCache",
        lambda c, ctx: c.flush_stage_cache(restApiId=ctx["api"], stageName="dev"),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "FlushStageAuthorizersCache",
        lambda c, ctx: c.flush_stage_authorizers_cache(restApiId=ctx["api"], stageName="dev"),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "TagResource",
        lambda c, ctx: c.tag_resource(
            resourceArn=f"arn:aws:apigateway:us-east-1::/restapis/{ctx['api']}/stages/dev", tags={"k": "v", "x": "y"}
        ),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "GetTags",
        lambda c, ctx: c.get_tags(resourceArn=f"arn:aws:apigateway:us-east-1::/restapis/{ctx['api']}/stages/dev"),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step(
        "UntagResource",
        lambda c, ctx: c.untag_resource(
            resourceArn=f"arn:aws:apigateway:us-east-1::/restapis/{ctx['api']}/stages/dev", tagKeys=["x"]
        ),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    *(Step(*row) for row in openapi_steps.STEPS),
    Step(
        "DeleteStage",
        lambda c, ctx: c.delete_stage(restApiId=ctx["api"], stageName="prod"),
        (*_BUILD, "PutIntegration", "CreateDeployment", "CreateStage"),
    ),
    Step(
        "DeleteDeployment",
        lambda c, ctx: c.delete_deployment(
            restApiId=ctx["api"], deploymentId=c.create_deployment(restApiId=ctx["api"])["id"]
        ),
        (*_BUILD, "PutIntegration", "CreateDeployment"),
    ),
    Step("TestInvokeMethod", lambda c, ctx: _test_invoke(c, ctx), _BUILD),
    Step(
        "DeleteIntegrationResponse",
        lambda c, ctx: c.delete_integration_response(**_ids(ctx, method=True), statusCode="200"),
        (*_BUILD, "PutMethodResponse", "PutIntegration", "PutIntegrationResponse"),
    ),
    Step(
        "DeleteIntegration", lambda c, ctx: c.delete_integration(**_ids(ctx, method=True)), (*_BUILD, "PutIntegration")
    ),
    Step(
        "DeleteMethodResponse",
        lambda c, ctx: c.delete_method_response(**_ids(ctx, method=True), statusCode="200"),
        (*_BUILD, "PutMethodResponse"),
    ),
    Step("DeleteMethod", lambda c, ctx: c.delete_method(**_ids(ctx, method=True)), _BUILD),
    Step("DeleteModel", lambda c, ctx: c.delete_model(restApiId=ctx["api"], modelName="Pet"), ("CreateModel",)),
    Step("DeleteResource", lambda c, ctx: c.delete_resource(**_ids(ctx)), _BUILD[:2]),
    *(Step(*row) for row in access_steps.TEAR_DOWN),
    *DOMAIN_STEPS,
    Step("DeleteRestApi", lambda c, ctx: c.delete_rest_api(restApiId=ctx["api"]), ("CreateRestApi",)),
]


def test_steps_name_real_operations_once() -> None:
    names = [step.operation for step in STEPS]
    assert len(names) == len(set(names))
    assert set(names) <= set(spec.service_model().operation_names)


def test_every_reply_of_every_handler_matches_its_output_shape(client: Any, wire: Wire) -> None:
    registered = set(handlers())
    assert registered - {step.operation for step in STEPS} == set(), "add a scenario step for these operations"
    context: dict[str, Any] = {}
    for step in STEPS:
        if {step.operation, *step.needs} <= registered:
            step.call(client, context)

    assert wire.errors == []
    assert {reply.operation for reply in wire.replies} >= registered
    for reply in wire.replies:
        problems = check_reply(reply.operation, reply.response)
        assert problems == [], f"{reply.operation}: {problems}"


# ---- the wire in detail ---------------------------------------------------------------------------------------


def test_items_travel_as_item(client: Any, wire: Wire, rest_api: dict[str, Any]) -> None:
    listed = client.get_rest_apis()

    body = json.loads(wire.last("GetRestApis").body)
    assert "items" not in body
    assert [api["id"] for api in body["item"]] == [rest_api["id"]]
    assert [api["id"] for api in listed["items"]] == [rest_api["id"]]


def test_timestamps_are_epoch_numbers(client: Any, wire: Wire) -> None:
    created = client.create_rest_api(name="clock")

    body = json.loads(wire.last("CreateRestApi").body)
    assert type(body["createdDate"]) is int  # whole epoch seconds, like AWS
    assert created["createdDate"].timestamp() == body["createdDate"]


def test_success_status_comes_from_the_model(client: Any, wire: Wire, rest_api: dict[str, Any]) -> None:
    client.delete_rest_api(restApiId=rest_api["id"])

    reply = wire.last("DeleteRestApi")
    assert (reply.status, reply.body) == (202, b"")


def test_error_reply_carries_the_code_header_and_a_message_body(client: Any, wire: Wire) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as caught:
        client.get_rest_api(restApiId="nope")

    (reply,) = wire.errors
    assert reply.status == 404
    assert reply.headers["x-amzn-ErrorType"] == "NotFoundException"
    assert json.loads(reply.body) == {"message": "Invalid API identifier specified 123456789012:nope"}
    assert caught.value.response["Error"] == {
        "Code": "NotFoundException",
        "Message": "Invalid API identifier specified 123456789012:nope",
    }


def test_check_reply_catches_what_botocore_would_drop() -> None:
    reply = HttpResponse(200, {"Content-Type": "application/json"}, b'{"items": [], "position": 7}')

    problems = check_reply("GetRestApis", reply)

    assert problems[:2] == ["$: unknown member 'items'", "$.position: expected string, got int"]
    assert "Invalid type for parameter position" in problems[2]  # botocore saw the second one too


def check_reply(operation_name: str, response: HttpResponse) -> list[str]:
    """Everything about `response` that does not fit the operation's output shape."""
    operation = spec.operation(operation_name)
    problems: list[str] = []
    expected_status = int(operation.http.get("responseCode", 200))
    if response.status != expected_status:
        problems.append(f"status {response.status}, model says {expected_status}")
    shape = operation.output_shape
    if shape is None or not response.body:
        return problems + ([f"unexpected body {response.body!r}"] if shape is None and response.body else [])
    if shape.serialization.get("payload"):
        return problems
    problems += list(_wire_problems(json.loads(response.body), shape, "$"))
    parsed = create_parser("rest-json").parse(
        {"status_code": response.status, "headers": HeadersDict(response.headers), "body": response.body}, shape
    )
    parsed.pop("ResponseMetadata", None)
    try:
        validate_parameters(_without_null_map_values(parsed, shape), shape)
    except Exception as error:  # botocore's ParamValidationError lists every problem
        problems.append(str(error))
    return problems


def _without_null_map_values(value: Any, shape: Shape) -> Any:
    """botocore's validator takes no None anywhere, but AWS's replies carry null map values (spec §6)."""
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        return {key: _without_null_map_values(item, shape.members[key]) for key, item in value.items()}
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_without_null_map_values(item, shape.member) for item in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {key: _without_null_map_values(item, shape.value) for key, item in value.items() if item is not None}
    return value


_JSON_KINDS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "double": (int, float),
    "float": (int, float),
    "boolean": (bool,),
    "timestamp": (int, float),
    "blob": (str,),
}


def _wire_problems(value: Any, shape: Shape, path: str) -> Iterator[str]:
    if isinstance(shape, StructureShape):
        yield from _structure_problems(value, shape, path)
    elif isinstance(shape, ListShape):
        if not isinstance(value, list):
            yield f"{path}: expected list, got {type(value).__name__}"
            return
        for index, item in enumerate(value):
            yield from _wire_problems(item, shape.member, f"{path}[{index}]")
    elif isinstance(shape, MapShape):
        if not isinstance(value, dict):
            yield f"{path}: expected map, got {type(value).__name__}"
            return
        for key, item in value.items():
            if item is not None:  # AWS sends null map values, e.g. an emptied template (spec §6)
                yield from _wire_problems(item, shape.value, f"{path}.{key}")
    else:
        yield from _scalar_problems(value, shape, path)


def _structure_problems(value: Any, shape: StructureShape, path: str) -> Iterator[str]:
    if not isinstance(value, dict):
        yield f"{path}: expected structure, got {type(value).__name__}"
        return
    members = {
        member.serialization.get("name", name): (name, member)
        for name, member in shape.members.items()
        if "location" not in member.serialization
    }
    for key, item in value.items():
        if key not in members:
            yield f"{path}: unknown member {key!r}"
        elif item is None:
            yield f"{path}.{key}: null (an absent value is an omitted key)"
        else:
            yield from _wire_problems(item, members[key][1], f"{path}.{key}")
    for name in shape.required_members:
        if shape.members[name].serialization.get("name", name) not in value:
            yield f"{path}: missing required member {name!r}"


def _scalar_problems(value: Any, shape: Shape, path: str) -> Iterator[str]:
    kinds = _JSON_KINDS[shape.type_name]
    if not isinstance(value, kinds) or (shape.type_name != "boolean" and isinstance(value, bool)):
        yield f"{path}: expected {shape.type_name}, got {type(value).__name__}"
        return
    enum = getattr(shape, "enum", None)
    if enum and value not in enum:
        yield f"{path}: {value!r} is not one of {enum}"
    pattern = shape.metadata.get("pattern")
    if pattern and isinstance(value, str) and not re.fullmatch(pattern, value):
        yield f"{path}: {value!r} does not match {pattern}"
    if shape.type_name == "blob" and isinstance(value, str):
        base64.b64decode(value, validate=True)


def test_check_reply_accepts_a_minimal_valid_reply() -> None:
    body = {"item": [{"id": "a", "name": "n", "createdDate": 1700000000, "endpointConfiguration": {"types": ["EDGE"]}}]}

    assert check_reply("GetRestApis", HttpResponse(200, {}, json.dumps(body).encode())) == []


def test_scenario_runs_under_a_fresh_mock(mock: MockApiGateway) -> None:
    assert mock.backend().apis == {}
    assert boto3.client("apigateway", region_name="us-east-1").get_rest_apis()["items"] == []

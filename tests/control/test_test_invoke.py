"""TestInvokeMethod through boto3: the live (undeployed) method run by the data plane's engine, with AWS's
execution log (spec §15)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from apigw_mock import MockApiGateway
from tests.helpers import assert_aws_error
from tests.invoke.builder import ApiBuilder

ARN = "arn:aws:lambda:us-east-1:123456789012:function:echo"
PROXY = {
    "type": "AWS_PROXY",
    "integrationHttpMethod": "POST",
    "uri": f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations",
}


@pytest.fixture
def api(client: Any) -> ApiBuilder:
    return ApiBuilder(client)


def test_a_mock_method_runs_without_a_deployment(api: ApiBuilder, client: Any) -> None:
    resource = api.mock(
        "/pets/{id}",
        template='{"id": "$input.params(\'id\')", "q": "$input.params(\'q\')", "stage": "$context.stage"}',
        responseParameters={"method.response.header.X-Ip": "context.identity.sourceIp"},
    )
    answer = client.test_invoke_method(
        restApiId=api.id, resourceId=resource, httpMethod="GET", pathWithQueryString="/pets/7?q=x"
    )
    assert answer["status"] == 200
    assert json.loads(answer["body"]) == {"id": "7", "q": "x", "stage": "test-invoke-stage"}
    assert answer["headers"]["X-Ip"] == "test-invoke-source-ip"
    assert answer["multiValueHeaders"]["Content-Type"] == ["application/json"]
    assert isinstance(answer["latency"], int)
    lines = answer["log"].splitlines()
    assert lines[0].startswith("Execution log for request ")
    request_id = lines[0].removeprefix("Execution log for request ")
    assert lines[1].endswith(f" : Starting execution for request: {request_id}")
    assert " UTC " in lines[1].split(" : ")[0]
    assert lines[2].endswith(" : HTTP Method: GET, Resource Path: /pets/7")
    assert lines[3].endswith(" : Method request path: {id=7}")
    assert lines[-1].endswith(" : Method completed with status: 200")


def test_the_live_configuration_is_what_runs(api: ApiBuilder, client: Any) -> None:
    resource = api.mock("/v", template='{"v": 1}')
    api.deploy()
    client.put_integration_response(
        restApiId=api.id, resourceId=resource, httpMethod="GET", statusCode="200",
        responseTemplates={"application/json": '{"v": 2}'},
    )  # fmt: skip
    answer = client.test_invoke_method(restApiId=api.id, resourceId=resource, httpMethod="GET")
    assert json.loads(answer["body"]) == {"v": 2}


def test_lambda_proxy_event_of_a_test_invocation(api: ApiBuilder, client: Any, mock: MockApiGateway) -> None:
    seen: list[dict[str, Any]] = []
    mock.register_lambda(ARN, lambda event, context: seen.append(event) or {"statusCode": 201, "body": "made"})
    resource = api.method("/items/{id}", "POST", PROXY)
    answer = client.test_invoke_method(
        restApiId=api.id,
        resourceId=resource,
        httpMethod="POST",
        pathWithQueryString="/items/9",
        body='{"a": 1}',
        stageVariables={"env": "test"},
    )
    assert (answer["status"], answer["body"]) == (201, "made")
    (event,) = seen
    assert (event["path"], event["pathParameters"], event["body"]) == ("/items/9", {"id": "9"}, '{"a": 1}')
    assert (event["headers"], event["queryStringParameters"], event["stageVariables"]) == (None, None, {"env": "test"})
    context = event["requestContext"]
    assert (context["stage"], context["path"], context["domainName"]) == (
        "test-invoke-stage",
        "/items/{id}",
        "testPrefix.testDomainName",
    )
    assert context["identity"]["apiKey"] == "test-invoke-api-key"
    assert answer["log"].rstrip().endswith("Method completed with status: 201")


def test_malformed_lambda_output_logs_aws_text(api: ApiBuilder, client: Any, mock: MockApiGateway) -> None:
    mock.register_lambda(ARN, lambda event, context: {"statusCode": 200, "body": {"no": "string"}})
    resource = api.method("/m", "GET", PROXY)
    answer = client.test_invoke_method(restApiId=api.id, resourceId=resource, httpMethod="GET")
    assert (answer["status"], json.loads(answer["body"])) == (502, {"message": "Internal server error"})
    lines = answer["log"].splitlines()
    assert lines[-2].endswith(" : Execution failed due to configuration error: Malformed Lambda proxy response")
    assert lines[-1].endswith(" : Method completed with status: 502")


def test_no_output_mapping_logs_aws_text(api: ApiBuilder, client: Any) -> None:
    resource = api.method(
        "/n",
        "GET",
        {"type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}},
        {"400": {"selectionPattern": "4\\d{2}"}},
    )
    answer = client.test_invoke_method(restApiId=api.id, resourceId=resource, httpMethod="GET")
    assert answer["status"] == 500
    assert (
        "Execution failed due to configuration error: No match for output mapping and no default output mapping "
        "configured. Endpoint Response Status Code: 200"
    ) in answer["log"]


def test_missing_resource_and_method(api: ApiBuilder, client: Any) -> None:
    resource = api.mock("/x")
    with pytest.raises(client.exceptions.NotFoundException) as missing:
        client.test_invoke_method(restApiId=api.id, resourceId="nope00", httpMethod="GET")
    assert_aws_error(missing, "NotFoundException", "Invalid Resource identifier specified", 404)
    with pytest.raises(client.exceptions.NotFoundException) as no_method:
        client.test_invoke_method(restApiId=api.id, resourceId=resource, httpMethod="POST")
    assert_aws_error(no_method, "NotFoundException", "Invalid Method identifier specified", 404)

"""The server answers exactly what the in-process mock answers: one scenario, run both ways, compared normalised."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from apigw_mock import mock_apigateway
from apigw_mock.server import running_server

REGION = "us-east-1"
UNCHECKED = Config(parameter_validation=False)  # lets wrong shapes reach the mock, as in spec §1.3
ID_KEYS = {"id", "rootResourceId", "parentId"}


class Recorder:
    """Runs calls against one client and keeps what each returned or raised (botocore's view of the reply)."""

    def __init__(self, client: Any, unchecked: Any) -> None:
        self.client, self.unchecked = client, unchecked
        self.log: list[tuple[str, str, Any]] = []

    def __call__(self, operation: str, *, checked: bool = True, **params: Any) -> dict[str, Any]:
        try:
            response = getattr(self.client if checked else self.unchecked, operation)(**params)
        except ClientError as error:
            self.log.append((operation, "error", error.response))
            return {}
        self.log.append((operation, "ok", response))
        return dict(response)


def graph_scenario(call: Recorder) -> None:
    api = call("create_rest_api", name="parity", description="same both ways", tags={"team": "a"})
    root = api["rootResourceId"]
    call("get_rest_api", restApiId=api["id"])
    pets = call("create_resource", restApiId=api["id"], parentId=root, pathPart="pets")
    call("create_resource", restApiId=api["id"], parentId=pets["id"], pathPart="{petId}")
    call("get_resources", restApiId=api["id"])
    where = {"restApiId": api["id"], "resourceId": pets["id"], "httpMethod": "GET"}
    call("put_method", **where, authorizationType="NONE", requestParameters={"method.request.querystring.q": False})
    call("put_method_response", **where, statusCode="200", responseParameters={"method.response.header.X": False})
    call("put_integration", **where, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
    call(
        "put_integration_response",
        **where,
        statusCode="200",
        selectionPattern="",
        responseParameters={"method.response.header.X": "'x'"},
        responseTemplates={"application/json": ""},
    )
    patch = [{"op": "replace", "path": "/responseParameters/method.response.header.X", "value": "'*'"}]
    call("update_integration_response", **where, statusCode="200", patchOperations=patch)
    call(
        "update_integration", **where, patchOperations=[{"op": "replace", "path": "/timeoutInMillis", "value": "5000"}]
    )
    call("update_method", **where, patchOperations=[{"op": "replace", "path": "/operationName", "value": "ListPets"}])
    call("get_method", **where)
    call("delete_integration_response", **where, statusCode="200")
    call("get_integration", **where)
    call("delete_method", **where)
    call("get_rest_apis")
    call("delete_rest_api", restApiId=api["id"])


def error_scenario(call: Recorder) -> None:
    api = call("create_rest_api", name="errors")
    call("get_rest_api", restApiId="missing0id")
    call("get_resource", restApiId=api["id"], resourceId="nope")
    call("create_resource", restApiId=api["id"], parentId=api["rootResourceId"], pathPart="dup")
    call("create_resource", restApiId=api["id"], parentId=api["rootResourceId"], pathPart="dup")
    where = {"restApiId": api["id"], "resourceId": api["rootResourceId"], "httpMethod": "GET"}
    call("put_integration", **where, type="WRONG", checked=False)
    call("get_integration_response", **where, statusCode="wrong", checked=False)
    call("put_method", **where, authorizationType="NONE")
    call("put_method", **where, authorizationType="NONE")
    call("update_method", **where, patchOperations=[{"op": "jump", "path": "/x"}], checked=False)
    call("update_method", **where, patchOperations=[{"op": "replace", "path": "/nonsense", "value": "1"}])
    call("put_integration", **where, type="MOCK", requestTemplates={"application/json": True}, checked=False)
    call("get_integration", **where)


def gateway_response_scenario(call: Recorder) -> None:
    api = call("create_rest_api", name="gateway-responses")
    call("get_gateway_responses", restApiId=api["id"], limit=5)
    call(
        "put_gateway_response",
        restApiId=api["id"],
        responseType="DEFAULT_4XX",
        statusCode="418",
        responseTemplates={"application/json": '{"m": $context.error.messageString}'},
    )
    patch = [{"op": "add", "path": "/responseParameters/gatewayresponse.header.X", "value": "'y'"}]
    call(
        "update_gateway_response",
        restApiId=api["id"],
        responseType="MISSING_AUTHENTICATION_TOKEN",
        patchOperations=patch,
    )
    call("get_gateway_response", restApiId=api["id"], responseType="MISSING_AUTHENTICATION_TOKEN")
    call("get_gateway_response", restApiId=api["id"], responseType="NOPE", checked=False)
    call("delete_gateway_response", restApiId=api["id"], responseType="DEFAULT_4XX")
    call("get_gateway_response", restApiId=api["id"], responseType="BAD_REQUEST_BODY")


def in_process(scenario: Callable[[Recorder], None]) -> Any:
    with mock_apigateway():
        call = Recorder(
            boto3.client("apigateway", region_name=REGION), boto3.client("apigateway", REGION, config=UNCHECKED)
        )
        scenario(call)
    return normalised(call.log)


def over_http(scenario: Callable[[Recorder], None]) -> Any:
    with running_server() as url:
        fake = {"endpoint_url": url, "aws_access_key_id": "AKIDFAKE", "aws_secret_access_key": "x"}
        call = Recorder(
            boto3.client("apigateway", REGION, **fake), boto3.client("apigateway", REGION, config=UNCHECKED, **fake)
        )
        scenario(call)
    return normalised(call.log)


def normalised(log: list[Any]) -> Any:
    """Ids -> `<id:n>` in order of appearance (also inside messages), datetimes -> `<date>`, transport noise gone."""
    ids: dict[str, str] = {}
    for value in _walk(log):
        if isinstance(value, dict):
            for key in ID_KEYS & value.keys():
                ids.setdefault(value[key], f"<id:{len(ids)}>")
    return _rewrite(log, ids)


def _walk(value: Any) -> Iterator[Any]:
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else ()
    for child in children:
        yield from _walk(child)


def _rewrite(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, dict):
        kept = {key: item for key, item in value.items() if key != "ResponseMetadata"}
        if "ResponseMetadata" in value:
            kept["status"] = value["ResponseMetadata"]["HTTPStatusCode"]
        return {ids.get(key, key): _rewrite(item, ids) for key, item in kept.items()}
    if isinstance(value, list | tuple):
        return [_rewrite(item, ids) for item in value]
    if isinstance(value, datetime.datetime):
        return "<date>"
    if isinstance(value, str):
        for real, placeholder in ids.items():
            value = value.replace(real, placeholder)
    return value


@pytest.mark.parametrize("scenario", [graph_scenario, error_scenario, gateway_response_scenario])
def test_server_answers_what_the_in_process_mock_answers(scenario: Callable[[Recorder], None]) -> None:
    expected = in_process(scenario)
    assert any(outcome == "ok" for _, outcome, _ in expected)
    assert over_http(scenario) == expected

"""Server mode: deployed stages answer over real loopback HTTP, path style and host style (spec §1), with Lambda
handlers registered from Python or from `serve --lambda`."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

import apigw_mock
from apigw_mock.server import running_server
from apigw_mock.server.cli import _parser, _register_lambda
from apigw_mock.state import STATE
from tests.invoke.builder import ApiBuilder, server_client

ARN = "arn:aws:lambda:us-east-1:123456789012:function:greeter"


def greeter(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """A handler for `--lambda` (importable as tests.invoke.test_invoke_server:greeter)."""
    return {
        "statusCode": 200,
        "body": json.dumps(
            {"hello": event["pathParameters"]["name"], "ip": event["requestContext"]["identity"]["sourceIp"]}
        ),
    }


@pytest.fixture
def server() -> Iterator[tuple[str, ApiBuilder]]:
    with running_server() as url:
        client = server_client(url)
        api = ApiBuilder(client)
        api.mock("/pets", template='{"stage": "$context.stage", "host": "$context.domainName"}')
        api.method(
            "/hello/{name}",
            "GET",
            {
                "type": "AWS_PROXY",
                "integrationHttpMethod": "POST",
                "uri": f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{ARN}/invocations",
            },
        )
        api.deploy("dev")
        yield url, api
    STATE.lambdas.clear()


def test_path_style(server: tuple[str, ApiBuilder]) -> None:
    url, api = server
    answer = requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/pets")
    assert (answer.status_code, answer.json()["stage"]) == (200, "dev")
    assert answer.headers["Content-Type"] == "application/json" and "x-amzn-RequestId" in answer.headers
    missing = requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/cats")
    assert (missing.status_code, missing.text) == (403, '{"message":"Missing Authentication Token"}')
    assert missing.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"


def test_host_style(server: tuple[str, ApiBuilder]) -> None:
    url, api = server
    host = f"{api.id}.execute-api.localhost.localstack.cloud"
    answer = requests.get(f"{url}/dev/pets", headers={"Host": host})
    assert answer.json() == {"stage": "dev", "host": host}
    unknown = requests.get(f"{url}/dev/pets", headers={"Host": "nope123.execute-api.localhost"})
    assert (unknown.status_code, unknown.text) == (403, '{"message":"Forbidden"}')


def test_lambda_registered_from_python(server: tuple[str, ApiBuilder]) -> None:
    url, api = server
    apigw_mock.register_lambda(ARN, greeter)
    answer = requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/hello/ada")
    assert (answer.status_code, answer.json()) == (200, {"hello": "ada", "ip": "127.0.0.1"})


def test_lambda_from_the_cli_option(server: tuple[str, ApiBuilder]) -> None:
    url, api = server
    arguments = _parser().parse_args(["serve", "--lambda", "greeter=tests.invoke.test_invoke_server:greeter"])
    for binding in arguments.lambdas:
        _register_lambda(binding)
    answer = requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/hello/bob")
    assert answer.json()["hello"] == "bob"
    with pytest.raises(SystemExit, match="NAME=module:function"):
        _register_lambda("no-target")


def test_the_control_plane_is_unaffected(server: tuple[str, ApiBuilder]) -> None:
    _, api = server
    assert api.client.get_rest_api(restApiId=api.id)["id"] == api.id


def test_cors_preflight_and_test_invoke_over_http(server: tuple[str, ApiBuilder]) -> None:
    url, api = server
    api.mock(
        "/pets",
        "OPTIONS",
        template="{}",
        responseParameters={"method.response.header.Access-Control-Allow-Origin": "'*'"},
    )
    api.deploy("dev")
    preflight = requests.options(f"{url}/restapis/{api.id}/dev/_user_request_/pets", headers={"Origin": "https://x"})
    assert (preflight.status_code, preflight.headers["Access-Control-Allow-Origin"]) == (200, "*")
    tested = api.client.test_invoke_method(restApiId=api.id, resourceId=api.resources["/pets"], httpMethod="GET")
    assert (tested["status"], json.loads(tested["body"])["stage"]) == (200, "test-invoke-stage")
    assert tested["log"].rstrip().endswith("Method completed with status: 200")


def cookies(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {
        "statusCode": 200,
        "headers": {"X-Single": "one"},
        "multiValueHeaders": {"Set-Cookie": ["a=1; Path=/", "b=2; Path=/"], "X-Tag": ["x", "y", "z"]},
        "body": "{}",
    }


def test_repeated_multi_value_headers_are_sent_as_repeated_lines(server: tuple[str, ApiBuilder]) -> None:
    """A Lambda proxy reply's `multiValueHeaders` reach the client as one header line per value, as in process."""
    url, api = server
    apigw_mock.register_lambda(ARN, cookies)
    host, _, port = url.removeprefix("http://").partition(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", f"/restapis/{api.id}/dev/_user_request_/hello/ada")
        answer = connection.getresponse()
        answer.read()
        lines = answer.getheaders()
    finally:
        connection.close()
    assert answer.status == 200
    assert [value for name, value in lines if name == "Set-Cookie"] == ["a=1; Path=/", "b=2; Path=/"]
    assert [value for name, value in lines if name == "X-Tag"] == ["x", "y", "z"]
    assert [value for name, value in lines if name == "X-Single"] == ["one"]
    assert [name for name, _ in lines].count("Content-Length") == 1

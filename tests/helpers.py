"""Helpers shared by the black-box tests: reply bodies, AWS error assertions, and the usual graph builders.

Everything here acts through a boto3 `apigateway` client, as a user would; nothing reaches into apigw_mock.
Builders default to `GET` with `authorizationType` NONE because that is what almost every test starts from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

REGION = "us-east-1"
OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
STATUS_PATTERN = r"Member must satisfy regular expression pattern: [1-5]\d\d"
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"
HTTP_STATUS = {
    "BadRequestException": 400,
    "ValidationException": 400,
    "NotFoundException": 404,
    "ConflictException": 409,
}
"""The HTTP status AWS answers with each error code."""

MISSING_API = "doesnotexi"
MISSING_RESOURCE = "nope00"
RESOURCE_NOT_FOUND = "Invalid Resource identifier specified"
METHOD_NOT_FOUND = "Invalid Method identifier specified"
INTEGRATION_NOT_FOUND = "Invalid Integration identifier specified"
STATUS_NOT_FOUND = "Invalid Response status code specified"
NOT_FOUND_COLUMNS = ("call", "build", "api_id", "resource_id", "message")
"""The columns of a not-found ladder: see `not_found_ladder`."""

Call = Callable[[Any, str, str], Any]
"""A call aimed at (client, api id, resource id); other arguments are bound beforehand (functools.partial)."""
Builder = Callable[[Any, str, str], object]
"""Builds the graph a test starts from on (client, api id, resource id)."""


def body(resp: Mapping[str, Any]) -> dict[str, Any]:
    """A parsed reply without boto3's ResponseMetadata: exactly the keys AWS sent."""
    return {key: value for key, value in resp.items() if key != "ResponseMetadata"}


def unvalidated_client() -> Any:
    """A client without botocore's parameter validation, to send what botocore would refuse (nulls, numbers)."""
    return boto3.client("apigateway", region_name=REGION, config=botocore.config.Config(parameter_validation=False))


def assert_aws_error(
    exc_info: pytest.ExceptionInfo[ClientError], code: str, message: str | None = None, status: int | None = None
) -> None:
    """The ClientError carries AWS's error `code` and, where given, its exact `message` and HTTP `status`."""
    response = exc_info.value.response
    assert response["Error"]["Code"] == code
    if message is not None:
        assert response["Error"]["Message"] == message
    if status is not None:
        assert response["ResponseMetadata"]["HTTPStatusCode"] == status


def assert_reply(resp: Mapping[str, Any], status: int, expected: Mapping[str, Any]) -> None:
    """The reply answered HTTP `status` with exactly the body `expected`."""
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == status
    assert body(resp) == expected


def assert_saved(resp: Mapping[str, Any], status: int, expected: Mapping[str, Any], fetched: Mapping[str, Any]) -> None:
    """A write answered HTTP `status` with exactly `expected`, and `fetched` (a later GET's body) agrees."""
    assert_reply(resp, status, expected)
    assert fetched == expected


@contextmanager
def raises_aws(
    code: str, message: str | None = None, status: int | None = None
) -> Iterator[pytest.ExceptionInfo[ClientError]]:
    """`pytest.raises(ClientError)` followed by `assert_aws_error` on what the block raised."""
    with pytest.raises(ClientError) as exc_info:
        yield exc_info
    assert_aws_error(exc_info, code, message, status)


def put_method(client: Any, api_id: str, resource_id: str, verb: str = "GET", **kwargs: Any) -> dict[str, Any]:
    """PutMethod (authorizationType NONE unless given); returns the reply body."""
    kwargs.setdefault("authorizationType", "NONE")
    return body(client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod=verb, **kwargs))


def put_mock_integration(
    client: Any, api_id: str, resource_id: str, verb: str = "GET", **kwargs: Any
) -> dict[str, Any]:
    """PutIntegration of type MOCK on an existing method; returns the reply body."""
    return body(
        client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod=verb, type="MOCK", **kwargs)
    )


def declare_headers(client: Any, api_id: str, resource_id: str, status_code: str, *headers: str) -> None:
    """PutMethodResponse on GET for `status_code`, declaring the given `method.response.header.*` keys."""
    client.put_method_response(
        restApiId=api_id,
        resourceId=resource_id,
        httpMethod="GET",
        statusCode=status_code,
        responseParameters={header: False for header in headers},
    )


def method_with_mock(client: Any, api_id: str, resource_id: str, verb: str = "GET") -> None:
    """A method with a MOCK integration and neither method nor integration responses."""
    put_method(client, api_id, resource_id, verb)
    put_mock_integration(client, api_id, resource_id, verb)


def mock_graph(
    client: Any, api_id: str, resource_id: str, headers: Iterable[str] = (), **integration_response: Any
) -> None:
    """GET + method response 200 declaring `headers` + MOCK integration + integration response 200 from the kwargs."""
    put_method(client, api_id, resource_id)
    declare_headers(client, api_id, resource_id, "200", *headers)
    put_mock_integration(client, api_id, resource_id)
    client.put_integration_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200", **integration_response
    )


def validation_message(*violations: str) -> str:
    """AWS's aggregated ValidationException text: `N validation error(s) detected: v1; v2`."""
    noun = "error" if len(violations) == 1 else "errors"
    return f"{len(violations)} validation {noun} detected: " + "; ".join(violations)


def op_violation(member: str, value: str, index: int) -> str:
    """The violation of a bad patch `op` at 1-based `index` of `member` (e.g. updateMethodInput.patchOperations)."""
    return f"Value '{value}' at '{member}.{index}.member.op' failed to satisfy constraint: {OP_ENUM}"


def status_code_violation(value: str) -> str:
    """The violation of a `statusCode` outside `[1-5]\\d\\d`."""
    return f"Value '{value}' at 'statusCode' failed to satisfy constraint: {STATUS_PATTERN}"


def build_nothing(client: Any, api_id: str, resource_id: str) -> None:
    """The starting point of a not-found case that needs nothing beyond the API and its `/pets` resource."""


def missing_parents(name: str, call: Call) -> list[Any]:
    """Not-found rows for `call` aimed at a missing resource and at a missing API: both give the resource message."""
    return [
        pytest.param(call, build_nothing, None, MISSING_RESOURCE, RESOURCE_NOT_FOUND, id=f"{name}-missing-resource"),
        pytest.param(call, build_nothing, MISSING_API, None, RESOURCE_NOT_FOUND, id=f"{name}-missing-api"),
    ]


def not_found_ladder(*rows: Any) -> Callable[..., None]:
    """A module's `test_not_found`, parametrized by `rows` (columns NOT_FOUND_COLUMNS; see `missing_parents`).

    Each row builds its graph on the fixtures' API and `/pets`, then makes its call, aimed at the row's ids (None: the
    built ones), which must answer NotFoundException, HTTP 404, with the row's message (None: left open by the spec).
    """

    def test_not_found(
        client: Any,
        rest_api: dict[str, Any],
        resource: dict[str, Any],
        call: Call,
        build: Builder,
        api_id: str | None,
        resource_id: str | None,
        message: str | None,
    ) -> None:
        build(client, rest_api["id"], resource["id"])
        with raises_aws("NotFoundException", message, 404):
            call(client, api_id or rest_api["id"], resource_id or resource["id"])

    ladder: Callable[..., None] = pytest.mark.parametrize(NOT_FOUND_COLUMNS, rows)(test_not_found)
    return ladder


def update_results(
    build: Callable[..., object], update: Callable[..., Any], get: Call, status: int, *rows: Any
) -> Callable[..., None]:
    """A module's `test_update_result`, parametrized by `rows` of (setup, ops, expected).

    Each row runs `build(client, api id, resource id, **setup)`, then `update(client, api id, resource id, ops)`,
    which must answer HTTP `status` with exactly `expected`; a later `get(client, api id, resource id)` (a body)
    must agree.
    """

    def test_update_result(
        client: Any,
        rest_api: dict[str, Any],
        resource: dict[str, Any],
        setup: dict[str, Any],
        ops: list[dict[str, Any]],
        expected: dict[str, Any],
    ) -> None:
        build(client, rest_api["id"], resource["id"], **setup)
        resp = update(client, rest_api["id"], resource["id"], ops)
        assert_saved(resp, status, expected, get(client, rest_api["id"], resource["id"]))

    table: Callable[..., None] = pytest.mark.parametrize(("setup", "ops", "expected"), rows)(test_update_result)
    return table


def message_of(exc_info: pytest.ExceptionInfo[Any]) -> str:
    """The AWS error message of a caught ClientError."""
    return str(exc_info.value.response["Error"]["Message"])


INVALID_EXPRESSION = "Invalid mapping expression specified: Validation Result: warnings : [], errors : [{}]"
"""AWS's wrapper around a rejected mapping expression's text (`.format` it with the inner message)."""


def error_of(exc_info: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    """The AWS error (code, message) of a caught ClientError."""
    return exc_info.value.response["Error"]["Code"], exc_info.value.response["Error"]["Message"]

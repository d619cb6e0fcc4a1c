"""The error classes mirror the service model, and mock-usage failures reach the test as Python exceptions."""

from __future__ import annotations

import inspect
from typing import Any

import boto3
import pytest
from botocore.awsrequest import HeadersDict
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.parsers import create_parser

from apigw_mock import ApiGatewayError, ApigwMockNotImplemented, MockApiGateway, exceptions
from apigw_mock.control.registry import handlers
from apigw_mock.protocol import spec
from apigw_mock.protocol.serializer import serialize_error

MODELLED = {shape.name: shape for shape in spec.service_model().error_shapes}
UNMODELLED = {"ValidationException": 400, "SerializationException": 400}  # AWS returns them; botocore has no shape
# Server mode's HTTP front answers these before any operation runs (class name -> (wire code, status)).
HTTP_FRONT = {
    "MissingAuthenticationTokenException": ("MissingAuthenticationTokenException", 403),
    "UnknownOperationException": ("UnknownOperationException", 404),
    "RequestEntityTooLargeException": ("RequestEntityTooLargeException", 413),
    "NotImplementedByMock": ("ApigwMockNotImplemented", 501),
    "InternalFailure": ("InternalFailure", 500),
}
ERROR_CLASSES = {
    cls.__name__: cls
    for _, cls in inspect.getmembers(exceptions, inspect.isclass)
    if issubclass(cls, ApiGatewayError) and cls is not ApiGatewayError and cls.__name__ not in HTTP_FRONT
}
UNIMPLEMENTED = "GetSdkType"


def test_the_model_declares_the_expected_error_shapes() -> None:
    assert set(MODELLED) >= {"BadRequestException", "ConflictException", "NotFoundException"}


@pytest.mark.parametrize("code", sorted(MODELLED))
def test_every_modelled_error_shape_has_its_class_with_the_model_status(code: str) -> None:
    cls = ERROR_CLASSES.get(code)

    assert cls is not None, f"apigw_mock.exceptions has no class for {code}"
    assert cls.code == code
    assert cls.status == MODELLED[code].metadata["error"]["httpStatusCode"]


@pytest.mark.parametrize(("code", "status"), sorted(UNMODELLED.items()))
def test_unmodelled_aws_errors_have_their_class(code: str, status: int) -> None:
    assert code not in MODELLED
    assert ERROR_CLASSES[code].code == code
    assert ERROR_CLASSES[code].status == status


def test_there_are_no_other_error_classes() -> None:
    assert set(ERROR_CLASSES) == set(MODELLED) | set(UNMODELLED)


@pytest.mark.parametrize(("name", "wire"), sorted(HTTP_FRONT.items()))
def test_the_http_front_errors_live_in_the_one_catalogue(name: str, wire: tuple[str, int]) -> None:
    cls = getattr(exceptions, name)

    assert issubclass(cls, ApiGatewayError)
    assert (cls.code, cls.status) == wire


@pytest.mark.parametrize("code", sorted(ERROR_CLASSES))
def test_codes_are_the_class_names(code: str) -> None:
    assert ERROR_CLASSES[code].code == code
    assert ERROR_CLASSES[code]("text").message == "text"


@pytest.mark.parametrize("code", sorted(ERROR_CLASSES))
def test_botocore_reads_each_error_reply_as_its_code(code: str) -> None:
    reply = serialize_error(ERROR_CLASSES[code]("Something is wrong"))
    parsed = create_parser("rest-json").parse(
        {"status_code": reply.status, "headers": HeadersDict(reply.headers), "body": reply.body}, None
    )

    assert reply.status == ERROR_CLASSES[code].status
    assert parsed["Error"] == {"Code": code, "Message": "Something is wrong"}


def test_error_reply_through_boto3_is_the_modelled_exception(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as caught:
        client.get_rest_api(restApiId="missing")

    assert caught.value.response["message"] == "Invalid API identifier specified 123456789012:missing"
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


# ---- operations the mock does not implement -------------------------------------------------------------------


@pytest.fixture
def unimplemented() -> str:
    assert UNIMPLEMENTED not in handlers(), "pick an operation nobody implements"
    return UNIMPLEMENTED


@pytest.mark.parametrize("retry_mode", ["legacy", "standard", "adaptive"])
def test_unimplemented_operation_raises_once_naming_it(
    mock: MockApiGateway, unimplemented: str, retry_mode: str
) -> None:
    client = boto3.client(
        "apigateway", region_name="us-east-1", config=Config(retries={"mode": retry_mode, "max_attempts": 5})
    )
    attempts: list[str] = []
    client.meta.events.register_first("before-send.api-gateway", lambda **kwargs: attempts.append("sent"))

    with pytest.raises(ApigwMockNotImplemented) as caught:
        client.get_sdk_type(id="java")

    assert not isinstance(caught.value, ClientError)
    assert caught.value.operation == unimplemented
    assert f"'{unimplemented}'" in str(caught.value)
    assert "UpdateIntegrationResponse" in str(caught.value)  # the supported operations are listed
    assert attempts == ["sent"]


def test_unimplemented_operation_is_a_python_error_not_an_api_error(unimplemented: str) -> None:
    assert issubclass(ApigwMockNotImplemented, NotImplementedError)
    assert not issubclass(ApigwMockNotImplemented, ApiGatewayError)

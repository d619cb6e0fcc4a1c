"""Server-side shape validation (spec §1.3, §1.4): what AWS answers when botocore's own validation is switched off.

Every request here is sent with `Config(parameter_validation=False)`, so it reaches the mock exactly as built.
Shape validation runs before dispatch, so these answers do not depend on the operation being implemented, nor on
the API, resource or method existing.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from apigw_mock import MockApiGateway
from apigw_mock.exceptions import SerializationException, ValidationException
from apigw_mock.http import HttpRequest
from apigw_mock.protocol.parser import parse
from apigw_mock.protocol.validation import validate
from tests.support.registry import take_away

OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
STATUS_PATTERN = r"Member must satisfy regular expression pattern: [1-5]\d\d"
RESPONSE_TYPE_ENUM = (  # AWS's order, not the model's (spec §1.3)
    "Member must satisfy enum value set: [REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND, AUTHORIZER_CONFIGURATION_ERROR, "
    "MISSING_AUTHENTICATION_TOKEN, BAD_REQUEST_BODY, INVALID_SIGNATURE, INVALID_API_KEY, BAD_REQUEST_PARAMETERS, "
    "AUTHORIZER_FAILURE, UNAUTHORIZED, INTEGRATION_TIMEOUT, ACCESS_DENIED, DEFAULT_4XX, DEFAULT_5XX, WAF_FILTERED, "
    "QUOTA_EXCEEDED, THROTTLED, API_CONFIGURATION_ERROR, UNSUPPORTED_MEDIA_TYPE, INTEGRATION_FAILURE, EXPIRED_TOKEN]"
)
MISSING = {"restApiId": "nope", "resourceId": "nope", "httpMethod": "GET"}


@pytest.fixture
def raw(mock: MockApiGateway) -> Any:
    """A client that sends whatever it is given (no client-side validation), answered by the mock."""
    return boto3.client("apigateway", region_name="us-east-1", config=Config(parameter_validation=False))


def error_of(call: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as caught:
        call(**params)
    response = caught.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    return dict(response["Error"])


def validation_error(call: Any, **params: Any) -> str:
    error = error_of(call, **params)
    assert error["Code"] == "ValidationException"
    return str(error["Message"])


# ---- enums and patterns ---------------------------------------------------------------------------------------


def test_integration_type_enum_in_aws_order(raw: Any) -> None:
    message = validation_error(raw.put_integration, **MISSING, type="WRONG")

    assert message == (
        "1 validation error detected: Value 'WRONG' at 'putIntegrationInput.type' failed to satisfy constraint: "
        "Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]"
    )


@pytest.mark.parametrize("operation", ["put_integration_response", "get_integration_response"])
def test_status_code_in_the_uri_is_named_bare(raw: Any, operation: str) -> None:
    message = validation_error(getattr(raw, operation), **MISSING, statusCode="wrong")

    assert message == (
        f"1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: {STATUS_PATTERN}"
    )


def test_status_code_pattern_message_has_a_literal_backslash_d(raw: Any) -> None:
    message = validation_error(raw.get_method_response, **MISSING, statusCode="20")

    assert message.endswith("[1-5]\\d\\d")


def test_gateway_response_type_enum_in_aws_order(raw: Any) -> None:
    message = validation_error(raw.get_gateway_response, restApiId="nope", responseType="WRONG")

    assert message == (
        "1 validation error detected: Value 'WRONG' at 'responseType' failed to satisfy constraint: "
        f"{RESPONSE_TYPE_ENUM}"
    )


def test_valid_values_pass_and_reach_the_existence_checks(raw: Any) -> None:
    with pytest.raises(raw.exceptions.NotFoundException):
        raw.get_integration_response(**MISSING, statusCode="200")


# ---- aggregation and ordering ---------------------------------------------------------------------------------


WRONG_OPS = [
    {"op": "wrong_op", "path": "/responseParameters/method.response.header.a"},
    {"op": "remove", "path": "/responseParameters/method.response.header.b"},
    {"op": "wrong_op", "path": "/responseParameters/method.response.header.c"},
]


def test_patch_op_errors_aggregate_with_one_based_indexes_skipping_valid_ops(raw: Any) -> None:
    message = validation_error(raw.update_method_response, **MISSING, statusCode="200", patchOperations=WRONG_OPS)

    assert message == (
        "2 validation errors detected: "
        f"Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.1.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}; "
        f"Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.3.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}"
    )


def test_patch_operation_errors_come_before_the_status_code_error(raw: Any) -> None:
    message = validation_error(
        raw.update_method_response, **MISSING, statusCode="wrong", patchOperations=[{"op": "wrong", "path": "/x"}]
    )

    assert message == (
        "2 validation errors detected: "
        f"Value 'wrong' at 'updateMethodResponseInput.patchOperations.1.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}; "
        f"Value 'wrong' at 'statusCode' failed to satisfy constraint: {STATUS_PATTERN}"
    )


@pytest.mark.parametrize(
    "endpoint_configuration",
    [{"types": ["wrong"], "ipAddressType": "wrong"}, {"ipAddressType": "wrong", "types": ["wrong"]}],
    ids=["types-first", "ip-address-type-first"],
)
def test_endpoint_types_error_precedes_ip_address_type_whatever_the_key_order(
    raw: Any, endpoint_configuration: dict[str, Any]
) -> None:
    message = validation_error(raw.create_rest_api, name="api", endpointConfiguration=endpoint_configuration)

    assert message == (
        "2 validation errors detected: "
        "Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: "
        "Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]; "
        "Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [ipv4, dualstack]"
    )


def test_list_of_enums_prints_the_whole_list_once(raw: Any) -> None:
    message = validation_error(raw.create_rest_api, name="api", endpointConfiguration={"types": ["EDGE", "wrong"]})

    assert message == (
        "1 validation error detected: "
        "Value '[EDGE, wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: "
        "Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]"
    )


# ---- required members -----------------------------------------------------------------------------------------


def test_missing_required_body_member_is_null(raw: Any) -> None:
    message = validation_error(raw.create_rest_api)

    assert message == (
        "1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: "
        "Member must not be null"
    )


def test_missing_required_enum_member_is_null(raw: Any) -> None:
    message = validation_error(raw.put_integration, **MISSING)

    assert message == (
        "1 validation error detected: Value null at 'putIntegrationInput.type' failed to satisfy constraint: "
        "Member must not be null"
    )


def test_missing_member_and_bad_enum_aggregate_in_member_order(raw: Any) -> None:
    message = validation_error(raw.create_rest_api, endpointConfiguration={"ipAddressType": "v5"})

    assert message == (
        "2 validation errors detected: "
        "Value null at 'createRestApiInput.name' failed to satisfy constraint: Member must not be null; "
        "Value 'v5' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [ipv4, dualstack]"
    )


# ---- SerializationException (spec §1.3, §1.4 step 1) -----------------------------------------------------------


def test_boolean_where_a_string_map_value_is_expected(raw: Any) -> None:
    error = error_of(raw.put_integration, **MISSING, type="HTTP", requestParameters={"a": True})

    assert error == {
        "Code": "SerializationException",
        "Message": "class java.lang.Boolean can not be converted to an String",
    }


def test_number_where_a_template_string_is_expected(raw: Any) -> None:
    error = error_of(raw.put_integration_response, **MISSING, statusCode="200", responseTemplates={"a": 1})

    assert error == {
        "Code": "SerializationException",
        "Message": "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
    }


def test_number_inside_a_patch_operation(raw: Any) -> None:
    operations = [{"op": "replace", "path": "/description", "value": "ok"}, {"op": "replace", "path": "/x", "value": 7}]
    error = error_of(raw.update_rest_api, restApiId="nope", patchOperations=operations)

    assert error == {
        "Code": "SerializationException",
        "Message": "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
    }


def test_patch_operation_that_is_not_an_object() -> None:
    with pytest.raises(SerializationException) as caught:
        parse(_update_rest_api(b'{"patchOperations": [["op", "add"]]}'), "UpdateRestApi")

    assert caught.value.message == "class java.util.ArrayList can not be converted to an Structure"


def test_patch_operations_parse_dropping_nulls_and_unknown_members() -> None:
    body = (
        b'{"patchOperations": [{"op": "replace", "path": "/description", "value": null, "extra": "x"},'
        b' {"op": "add", "path": "/binaryMediaTypes/a~1b"}, null]}'
    )
    assert parse(_update_rest_api(body), "UpdateRestApi") == {
        "restApiId": "abc",
        "patchOperations": [
            {"op": "replace", "path": "/description"},
            {"op": "add", "path": "/binaryMediaTypes/a~1b"},
            None,
        ],
    }


def _update_rest_api(body: bytes) -> HttpRequest:
    return HttpRequest("PATCH", "https://apigateway.us-east-1.amazonaws.com/restapis/abc", {}, body)


def test_wrong_json_type_wins_over_shape_violations(raw: Any) -> None:
    error = error_of(raw.put_integration, **MISSING, type="WRONG", requestParameters={"a": True})

    assert error["Code"] == "SerializationException"


def test_unmodelled_errors_carry_no_top_level_message(raw: Any) -> None:
    with pytest.raises(ClientError) as caught:
        raw.create_rest_api()

    assert "message" not in caught.value.response
    assert caught.value.response["Error"]["Code"] == "ValidationException"


# ---- before dispatch ------------------------------------------------------------------------------------------


def test_validation_precedes_dispatch_even_for_unimplemented_operations(
    raw: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    take_away(monkeypatch, "UpdateVpcLink")

    message = validation_error(raw.update_vpc_link, vpcLinkId="a", patchOperations=[{"op": "nope", "path": "/x"}])

    assert message == (
        "1 validation error detected: Value 'nope' at 'updateVpcLinkInput.patchOperations.1.member.op' "
        f"failed to satisfy constraint: {OP_ENUM}"
    )


# ---- validate() as a unit -------------------------------------------------------------------------------------


def test_validate_accepts_valid_parameters() -> None:
    validate({"restApiId": "a", "resourceId": "b", "httpMethod": "GET", "type": "MOCK"}, "PutIntegration")


def test_validate_reports_body_members_before_uri_members() -> None:
    with pytest.raises(ValidationException) as caught:
        validate({"restApiId": "a", "responseType": "NOPE", "statusCode": "99"}, "PutGatewayResponse")

    assert caught.value.message == (
        "2 validation errors detected: "
        f"Value '99' at 'putGatewayResponseInput.statusCode' failed to satisfy constraint: {STATUS_PATTERN}; "
        f"Value 'NOPE' at 'responseType' failed to satisfy constraint: {RESPONSE_TYPE_ENUM}"
    )


def test_validate_falls_back_to_model_enum_order() -> None:
    with pytest.raises(ValidationException) as caught:
        validate({"name": "x", "apiKeySource": "NOPE"}, "CreateRestApi")

    assert caught.value.message.endswith(
        "at 'createRestApiInput.apiKeySource' failed to satisfy constraint: "
        "Member must satisfy enum value set: [HEADER, AUTHORIZER]"
    )


def test_validate_nested_structure_lists_use_member_segments() -> None:
    with pytest.raises(ValidationException) as caught:
        validate({"patchOperations": [{"op": "add"}, {"op": "bad"}], "restApiId": "a"}, "UpdateRestApi")

    assert "'updateRestApiInput.patchOperations.2.member.op'" in caught.value.message
    assert caught.value.message.startswith("1 validation error detected: ")


def test_null_patch_operation_is_a_validation_error_not_a_crash() -> None:
    with pytest.raises(ValidationException) as error:
        validate({"restApiId": "a", "responseType": "DEFAULT_4XX", "patchOperations": [None]}, "UpdateGatewayResponse")
    assert error.value.message == (
        "1 validation error detected: Value null at 'updateGatewayResponseInput.patchOperations.1.member' "
        "failed to satisfy constraint: Member must not be null"
    )


def test_patterns_match_ascii_digits_only() -> None:
    with pytest.raises(ValidationException, match="regular expression pattern"):
        validate({"restApiId": "a", "responseType": "DEFAULT_4XX", "statusCode": "4\u0663\u0663"}, "PutGatewayResponse")

"""IntegrationResponse CRUD: PutIntegrationResponse (spec §1.1, §1.3, §1.4, §2, §3.6, §6), then GetIntegrationResponse
and DeleteIntegrationResponse with their different not-found messages and precedence (spec §1.1, §1.4, §2, §3.6).
UpdateIntegrationResponse: test_integration_response_updates.py.

Every test goes through a plain boto3 client answered by the mock; response shapes are compared as whole dicts
(minus ``ResponseMetadata``) wherever the spec pins them, because omitted keys matter.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import (
    INTEGRATION_NOT_FOUND,
    METHOD_NOT_FOUND,
    STATUS_NOT_FOUND,
    assert_reply,
    body,
    build_nothing,
    declare_headers,
    method_with_mock,
    missing_parents,
    not_found_ladder,
    put_method,
    raises_aws,
    status_code_violation,
    unvalidated_client,
    validation_message,
)
from tests.support.calls import aimed, bound

ACAO = "method.response.header.Access-Control-Allow-Origin"
STATUS_PATTERN = r"[1-5]\d\d"


# --- success shapes -------------------------------------------------------------------------------------------


def test_minimal_put_returns_201_with_only_status_code(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    resp = ids.raw.put_integration_response()

    assert_reply(resp, 201, {"statusCode": "200"})


def test_put_without_method_response_succeeds_and_is_readable(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    resp = ids.raw.put_integration_response(
        selectionPattern="2\\d{2}", responseTemplates={"application/json": '{"ok": true}'}
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    expected = {
        "statusCode": "200",
        "selectionPattern": "2\\d{2}",
        "responseTemplates": {"application/json": '{"ok": true}'},
    }
    assert body(resp) == expected
    assert ids.get_integration_response() == expected


def test_put_keeps_empty_selection_pattern(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    resp = ids.raw.put_integration_response(selectionPattern="")

    assert body(resp) == {"statusCode": "200", "selectionPattern": ""}
    assert ids.get_integration_response() == {"statusCode": "200", "selectionPattern": ""}


@pytest.mark.parametrize(
    ("templates", "expected"),
    [
        ({"application/json": "$input.body"}, {"application/json": "$input.body"}),
        ({}, {}),
        ({"application/json": ""}, {"application/json": None}),
        ({"application/json": None}, {"application/json": None}),
    ],
    ids=["value-kept", "empty-map-present", "empty-string-becomes-null", "null-stays-null"],
)
def test_put_response_templates_table(
    mock: Any, rest_api: dict, resource: dict, templates: dict, expected: dict
) -> None:
    client = unvalidated_client()
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    resp = ids.raw.put_integration_response(responseTemplates=templates)

    assert_reply(resp, 201, {"statusCode": "200", "responseTemplates": expected})
    assert body(
        bound(
            client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
        ).raw.get_integration_response()
    ) == {"statusCode": "200", "responseTemplates": expected}


def test_put_without_templates_omits_response_templates_key(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response(selectionPattern="x")

    got = ids.get_integration_response()

    assert "responseTemplates" not in got
    assert got == {"statusCode": "200", "selectionPattern": "x"}


def test_put_echoes_content_handling(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    resp = ids.raw.put_integration_response(contentHandling="CONVERT_TO_BINARY")

    assert body(resp) == {"statusCode": "200", "contentHandling": "CONVERT_TO_BINARY"}


def test_second_put_returns_201_and_replaces_whole_object(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "200", ACAO)
    ids.put_integration_response(
        selectionPattern="first",
        responseTemplates={"application/json": "first-template"},
        responseParameters={ACAO: "'*'"},
        contentHandling="CONVERT_TO_TEXT",
    )

    resp = ids.raw.put_integration_response(responseTemplates={"application/xml": "second"})

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    expected = {"statusCode": "200", "responseTemplates": {"application/xml": "second"}}
    assert body(resp) == expected
    assert ids.get_integration_response() == expected


def test_put_is_listed_in_get_integration(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response(selectionPattern="")

    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")

    assert integration["integrationResponses"] == {"200": {"statusCode": "200", "selectionPattern": ""}}


# --- body validation ------------------------------------------------------------------------------------------


def test_template_key_not_a_content_type_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.put_integration_response(responseTemplates={"123": "x"})

    assert exc.value.response["Error"]["Message"] == (
        "Validation Result: warnings : [], errors : [Invalid content type specified: 123]"
    )


def test_template_value_number_is_serialization_exception(mock: Any, rest_api: dict, resource: dict) -> None:
    client = unvalidated_client()
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        ids.put_integration_response(responseTemplates={"application/json": 123})

    assert exc.value.response["Error"]["Code"] == "SerializationException"
    assert exc.value.response["Error"]["Message"] == (
        "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


@pytest.mark.parametrize("status_code", ["wrong", "600", "20"])
def test_invalid_status_code_is_validation_exception(
    client: Any, rest_api: dict, resource: dict, status_code: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode=status_code)
    method_with_mock(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        ids.put_integration_response()

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"1 validation error detected: Value '{status_code}' at 'statusCode' failed to satisfy constraint: "
        f"Member must satisfy regular expression pattern: {STATUS_PATTERN}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_invalid_status_code_is_checked_before_existence(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="wrong")
    # No method exists on the resource: the shape error must still win over NotFound.
    with pytest.raises(ClientError) as exc:
        ids.put_integration_response()

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: "
        f"Member must satisfy regular expression pattern: {STATUS_PATTERN}"
    )


def test_invalid_status_code_on_missing_api_is_validation_exception(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.put_integration_response(
            restApiId="nope000000", resourceId="nope00", httpMethod="GET", statusCode="wrong"
        )

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- responseParameters --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "'*'",
        "'static value'",
        "integration.response.header.X-Upstream",
        "integration.response.body",
        "integration.response.body.json.path",
        "integration.response.body.errorMessage",
    ],
)
def test_declared_response_parameter_with_valid_expression_is_stored(
    client: Any, rest_api: dict, resource: dict, value: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "200", ACAO)

    resp = ids.raw.put_integration_response(responseParameters={ACAO: value})

    assert_reply(resp, 201, {"statusCode": "200", "responseParameters": {ACAO: value}})
    assert ids.get_integration_response() == {
        "statusCode": "200",
        "responseParameters": {ACAO: value},
    }


@pytest.mark.parametrize("header", ["method.response.header.Location", "method.response.header.X-Not-Declared"])
def test_response_parameter_not_declared_on_method_response_is_bad_request(
    client: Any, rest_api: dict, resource: dict, header: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "200", ACAO)

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.put_integration_response(responseParameters={header: "'x'"})

    assert exc.value.response["Error"]["Message"] == (
        "Invalid mapping expression specified: Validation Result: warnings : [], "
        f"errors : [Invalid mapping expression parameter specified: {header}]"
    )


def test_response_parameter_declared_only_for_other_status_code_is_bad_request(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "400", ACAO)

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.put_integration_response(responseParameters={ACAO: "'*'"})

    # spec §3.6: [FIELD] two texts exist (undeclared key / "No method response exists"); only the prefix is pinned
    assert exc.value.response["Error"]["Message"].startswith(
        "Invalid mapping expression specified: Validation Result: warnings : [], errors : ["
    )


def test_response_parameter_key_not_a_method_response_header_is_bad_request(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "200", ACAO)

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.put_integration_response(responseParameters={"integration.response.header.X": "'x'"})

    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression specified")


@pytest.mark.parametrize("value", ["not-an-expression", "'unterminated", "integration.response.nothing"])
def test_invalid_mapping_expression_value_is_bad_request(
    client: Any, rest_api: dict, resource: dict, value: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "200", ACAO)

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.put_integration_response(responseParameters={ACAO: value})

    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression specified")
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_rejected_put_does_not_create_integration_response(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    declare_headers(client, rest_api["id"], resource["id"], "200", ACAO)
    with pytest.raises(client.exceptions.BadRequestException):
        ids.put_integration_response(responseParameters={"method.response.header.Location": "'x'"})

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.get_integration_response()

    assert exc.value.response["Error"]["Message"] == "Invalid Response status code specified"


# --- selection-pattern default conflict -----------------------------------------------------------------------


def test_second_default_integration_response_is_conflict(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response()

    with pytest.raises(client.exceptions.ConflictException) as exc:
        bound(
            client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400"
        ).put_integration_response()

    assert (
        exc.value.response["Error"]["Message"] == "Integration response with selection pattern default already exists"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409


def test_overwriting_the_default_integration_response_is_not_a_conflict(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response()

    resp = ids.raw.put_integration_response()

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201


def test_default_and_patterned_integration_responses_coexist(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response()
    bound(
        client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400"
    ).put_integration_response(selectionPattern="4\\d{2}")

    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")

    assert integration["integrationResponses"] == {
        "200": {"statusCode": "200"},
        "400": {"statusCode": "400", "selectionPattern": "4\\d{2}"},
    }


def test_empty_selection_pattern_does_not_conflict_with_omitted_one(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response()

    resp = bound(
        client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="400"
    ).raw.put_integration_response(selectionPattern="")

    # spec §3.6 / §7.8: [UNK] recommended choice (only omitted patterns count as "default")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201


# --- existence ------------------------------------------------------------------------------------------------


def test_missing_integration_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    client.put_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", authorizationType="NONE")

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.put_integration_response()

    # spec §2 / §7.7: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid Integration identifier specified"


def test_missing_method_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.put_integration_response()

    assert exc.value.response["Error"]["Message"] == "Invalid Method identifier specified"


def test_missing_resource_is_not_found(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId="nores0", httpMethod="GET", statusCode="200")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.put_integration_response()

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_api_is_not_found_with_resource_message(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.put_integration_response(restApiId="noapi00000", resourceId="nores0", httpMethod="GET", statusCode="200")

    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def _with_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + MOCK integration + integration response 200."""
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    method_with_mock(client, api_id, resource_id)
    ids.put_integration_response()


def _with_deleted_response(client: Any, api_id: str, resource_id: str) -> None:
    """GET + MOCK integration whose integration response 200 was put, then deleted."""
    ids = bound(client, restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    _with_response(client, api_id, resource_id)
    ids.delete_integration_response()


# --- GetIntegrationResponse --------------------------------------------------------------------------------------


def test_get_integration_response_returns_200_and_the_stored_response(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    put = ids.put_integration_response(selectionPattern="", responseTemplates={"application/json": '{"ok": true}'})
    resp = client.get_integration_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )
    assert_reply(resp, 200, put)
    assert body(resp) == {
        "statusCode": "200",
        "selectionPattern": "",
        "responseTemplates": {"application/json": '{"ok": true}'},
    }


def test_get_integration_response_minimal_has_only_status_code(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_response(client, rest_api["id"], resource["id"])
    assert ids.get_integration_response() == {"statusCode": "200"}


def test_get_integration_response_invalid_status_is_validation_exception_before_existence(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="wrong")
    with raises_aws("ValidationException", validation_message(status_code_violation("wrong")), 400):
        ids.get_integration_response()


# --- DeleteIntegrationResponse -----------------------------------------------------------------------------------


def test_delete_integration_response_returns_204(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _with_response(client, rest_api["id"], resource["id"])
    resp = ids.raw.delete_integration_response()
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_delete_last_integration_response_removes_key_from_get_method(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_deleted_response(client, rest_api["id"], resource["id"])
    method = client.get_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert "methodIntegration" in method
    assert "integrationResponses" not in method["methodIntegration"]


def test_delete_last_integration_response_removes_key_from_get_integration(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    _with_deleted_response(client, rest_api["id"], resource["id"])
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert "integrationResponses" not in integration


def test_delete_integration_response_leaves_other_status_codes(
    client: Any, rest_api: dict[str, Any], resource: dict[str, Any]
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    method_with_mock(client, rest_api["id"], resource["id"])
    ids.put_integration_response()
    bound(
        client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="500"
    ).put_integration_response(selectionPattern="Error.*")
    ids.delete_integration_response()
    integration = client.get_integration(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    assert integration["integrationResponses"] == {"500": {"statusCode": "500", "selectionPattern": "Error.*"}}


# --- not found: Get and Delete name a missing method differently -------------------------------------------------


DELETE_INTEGRATION_RESPONSE = aimed("delete_integration_response", httpMethod="GET", statusCode="200")
GET_INTEGRATION_RESPONSE = aimed("get_integration_response", httpMethod="GET", statusCode="200")


test_not_found = not_found_ladder(
    pytest.param(
        aimed("get_integration_response", httpMethod="GET", statusCode="400"),
        _with_response,
        None,
        None,
        STATUS_NOT_FOUND,
        id="get-missing-status",
    ),
    pytest.param(GET_INTEGRATION_RESPONSE, put_method, None, None, INTEGRATION_NOT_FOUND, id="get-no-integration"),
    pytest.param(GET_INTEGRATION_RESPONSE, build_nothing, None, None, METHOD_NOT_FOUND, id="get-missing-method"),
    pytest.param(
        aimed("get_integration_response", httpMethod="wrong-method", statusCode="200"),
        method_with_mock,
        None,
        None,
        METHOD_NOT_FOUND,
        id="get-invalid-verb",
    ),
    *missing_parents("get", GET_INTEGRATION_RESPONSE),
    pytest.param(GET_INTEGRATION_RESPONSE, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="get-after-delete"),
    pytest.param(
        DELETE_INTEGRATION_RESPONSE,
        method_with_mock,
        None,
        None,
        STATUS_NOT_FOUND,
        id="delete-missing-status",
    ),
    pytest.param(DELETE_INTEGRATION_RESPONSE, _with_deleted_response, None, None, STATUS_NOT_FOUND, id="delete-twice"),
    pytest.param(
        DELETE_INTEGRATION_RESPONSE,
        build_nothing,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-missing-method",
    ),
    pytest.param(
        aimed("delete_integration_response", httpMethod="WRONG", statusCode="200"),
        method_with_mock,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-invalid-verb",
    ),
    # spec §2: [INF] integration message
    pytest.param(
        DELETE_INTEGRATION_RESPONSE,
        put_method,
        None,
        None,
        INTEGRATION_NOT_FOUND,
        id="delete-no-integration",
    ),
    *missing_parents("delete", DELETE_INTEGRATION_RESPONSE),
)

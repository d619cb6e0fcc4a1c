"""Black-box tests for UpdateIntegrationResponse (spec §1.3, §2, §3.6, §4.1, §4.1.1, §4.2).

The graph used by most tests: GET on `/pets` with a method response 200 declaring
`Access-Control-Allow-Origin` and `X-Extra`, a MOCK integration, and an integration response 200 built from the
keyword arguments of `_setup`.
"""

from __future__ import annotations

from typing import Any

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

ACAO = "method.response.header.Access-Control-Allow-Origin"
EXTRA = "method.response.header.X-Extra"
OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
STATUS_CONSTRAINT = r"Member must satisfy regular expression pattern: [1-5]\d\d"
MEMBER = "updateIntegrationResponseInput.patchOperations"
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"


def _body(resp: dict[str, Any]) -> dict[str, Any]:
    """The response without its ResponseMetadata."""
    return {key: value for key, value in resp.items() if key != "ResponseMetadata"}


def _unvalidated_client() -> Any:
    """A client that can send `None` patch values."""
    return boto3.client(
        "apigateway", region_name="us-east-1", config=botocore.config.Config(parameter_validation=False)
    )


def _setup(client: Any, api_id: str, resource_id: str, **integration_response: Any) -> None:
    """GET + method response 200 (declaring ACAO and X-Extra) + MOCK integration + integration response 200."""
    client.put_method(restApiId=api_id, resourceId=resource_id, httpMethod="GET", authorizationType="NONE")
    client.put_method_response(
        restApiId=api_id,
        resourceId=resource_id,
        httpMethod="GET",
        statusCode="200",
        responseParameters={ACAO: False, EXTRA: False},
    )
    client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod="GET", type="MOCK")
    client.put_integration_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200", **integration_response
    )


def _update(
    client: Any, api_id: str, resource_id: str, ops: list[dict[str, Any]], status_code: str = "200"
) -> dict[str, Any]:
    return client.update_integration_response(
        restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode=status_code, patchOperations=ops
    )


def _get(client: Any, api_id: str, resource_id: str) -> dict[str, Any]:
    return _body(
        client.get_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200")
    )


# --- AWS CLI documentation examples ---------------------------------------------------------------------------


def test_cli_example_replace_access_control_allow_origin(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={ACAO: "'example.com'"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": f"/responseParameters/{ACAO}", "value": "'*'"}],
    )

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == {"statusCode": "200", "responseParameters": {ACAO: "'*'"}}


def test_cli_example_remove_access_control_allow_origin(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={ACAO: "'*'"})

    resp = _update(client, rest_api["id"], resource["id"], [{"op": "remove", "path": f"/responseParameters/{ACAO}"}])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == {"statusCode": "200"}
    assert _get(client, rest_api["id"], resource["id"]) == {"statusCode": "200"}


def test_cli_example_replace_keeps_other_fields(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(
        client,
        rest_api["id"],
        resource["id"],
        selectionPattern="",
        responseParameters={ACAO: "'example.com'"},
        responseTemplates={"application/json": "tpl"},
    )

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": f"/responseParameters/{ACAO}", "value": "'*'"}],
    )

    assert _body(resp) == {
        "statusCode": "200",
        "selectionPattern": "",
        "responseParameters": {ACAO: "'*'"},
        "responseTemplates": {"application/json": "tpl"},
    }


def test_update_response_equals_later_get(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={ACAO: "'*'"}, selectionPattern="old")

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "replace", "path": "/selectionPattern", "value": "new"},
            {"op": "add", "path": "/responseTemplates/application~1json", "value": "{}"},
        ],
    )

    assert _body(resp) == _get(client, rest_api["id"], resource["id"])
    assert _body(resp) == {
        "statusCode": "200",
        "selectionPattern": "new",
        "responseParameters": {ACAO: "'*'"},
        "responseTemplates": {"application/json": "{}"},
    }


# --- scalar paths ---------------------------------------------------------------------------------------------


def test_replace_selection_pattern_keeps_templates(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], selectionPattern="old", responseTemplates={"application/json": "t"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": "/selectionPattern", "value": "updated-pattern"}],
    )

    assert _body(resp) == {
        "statusCode": "200",
        "selectionPattern": "updated-pattern",
        "responseTemplates": {"application/json": "t"},
    }


def test_replace_content_handling(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], contentHandling="CONVERT_TO_TEXT")

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": "/contentHandling", "value": "CONVERT_TO_BINARY"}],
    )

    assert _body(resp) == {"statusCode": "200", "contentHandling": "CONVERT_TO_BINARY"}
    assert _get(client, rest_api["id"], resource["id"]) == {"statusCode": "200", "contentHandling": "CONVERT_TO_BINARY"}


def test_replace_content_handling_with_invalid_value_is_bad_request(
    client: Any, rest_api: dict, resource: dict
) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/contentHandling", "value": "WRONG"}]
        )

    # spec §4.2: [UNK] message text; only the class and status are pinned
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- responseTemplates map ------------------------------------------------------------------------------------


def test_add_template_creates_map(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": "/responseTemplates/application~1json", "value": "$input.body"}],
    )

    assert _body(resp) == {"statusCode": "200", "responseTemplates": {"application/json": "$input.body"}}
    assert _get(client, rest_api["id"], resource["id"]) == _body(resp)


def test_replace_existing_template(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "old", "text/html": "h"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "replace", "path": "/responseTemplates/application~1json", "value": "new"}],
    )

    assert _body(resp) == {"statusCode": "200", "responseTemplates": {"application/json": "new", "text/html": "h"}}


def test_add_existing_template_overwrites(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "old"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": "/responseTemplates/application~1json", "value": "new"}],
    )

    # spec §4.1: [INF] add on an existing key overwrites
    assert _body(resp) == {"statusCode": "200", "responseTemplates": {"application/json": "new"}}


def test_remove_template_keeps_other_templates(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j", "text/html": "h"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "remove", "path": "/responseTemplates/application~1json", "value": "ignored"}],
    )

    assert _body(resp) == {"statusCode": "200", "responseTemplates": {"text/html": "h"}}


def test_remove_last_template_drops_the_map(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "remove", "path": "/responseTemplates/application~1json"}]
    )

    # spec §4.1: [INF] an emptied integration map disappears like Method/MethodResponse maps
    assert _body(resp) == {"statusCode": "200"}


@pytest.mark.parametrize("op", ["replace", "remove"])
def test_missing_template_key_is_not_found(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": op, "path": "/responseTemplates/application~1xml", "value": "x"}],
        )

    # spec §4.1 / §7.2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Content-Type specified was not found"


@pytest.mark.parametrize("op", ["add", "replace"])
def test_null_template_value_is_bad_request(mock: Any, rest_api: dict, resource: dict, op: str) -> None:
    client = _unvalidated_client()
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": op, "path": "/responseTemplates/application~1json", "value": None}],
        )

    # spec §4.1 / §7.4: [UNK] recommended choice (mirrors UpdateGatewayResponse)
    assert exc.value.response["Error"]["Message"] == "Invalid null or empty value in responseTemplates"


def test_template_key_with_unescaped_slash_is_invalid_path(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "add", "path": "/responseTemplates/application/json", "value": "x"}],
        )

    # spec §4.1: [INF] for this operation (REC for UpdateMethod)
    assert exc.value.response["Error"]["Message"] == "Invalid patch path /responseTemplates/application/json"


# --- responseParameters map -----------------------------------------------------------------------------------


def test_add_declared_response_parameter(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={ACAO: "'*'"})

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": f"/responseParameters/{EXTRA}", "value": "integration.response.header.X-Up"}],
    )

    assert _body(resp) == {
        "statusCode": "200",
        "responseParameters": {ACAO: "'*'", EXTRA: "integration.response.header.X-Up"},
    }


def test_add_response_parameter_creates_map(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": f"/responseParameters/{ACAO}", "value": "integration.response.body"}],
    )

    assert _body(resp) == {"statusCode": "200", "responseParameters": {ACAO: "integration.response.body"}}


def test_add_undeclared_response_parameter_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "add", "path": "/responseParameters/method.response.header.Location", "value": "'x'"}],
        )

    # spec §4.2: [INF] same mapping validation as PutIntegrationResponse
    assert exc.value.response["Error"]["Message"] == (
        "Invalid mapping expression specified: Validation Result: warnings : [], "
        "errors : [Invalid mapping expression parameter specified: method.response.header.Location]"
    )


def test_add_response_parameter_with_invalid_expression_is_bad_request(
    client: Any, rest_api: dict, resource: dict
) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "add", "path": f"/responseParameters/{ACAO}", "value": "bogus"}],
        )

    # spec §4.2: [INF] same mapping validation as PutIntegrationResponse
    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression specified")


@pytest.mark.parametrize("op", ["replace", "remove"])
def test_missing_response_parameter_key_is_not_found(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseParameters={ACAO: "'*'"})

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client, rest_api["id"], resource["id"], [{"op": op, "path": f"/responseParameters/{EXTRA}", "value": "'x'"}]
        )

    # spec §4.1: [UNK] recommended choice for *Parameters maps
    assert exc.value.response["Error"]["Message"] == "Invalid parameter name specified"


# --- op semantics ---------------------------------------------------------------------------------------------


def test_ops_are_applied_in_order(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "add", "path": "/responseTemplates/application~1json", "value": "first"},
            {"op": "replace", "path": "/responseTemplates/application~1json", "value": "second"},
            {"op": "replace", "path": "/selectionPattern", "value": "a"},
            {"op": "replace", "path": "/selectionPattern", "value": "b"},
        ],
    )

    assert _body(resp) == {
        "statusCode": "200",
        "selectionPattern": "b",
        "responseTemplates": {"application/json": "second"},
    }


def test_failing_second_op_leaves_object_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], selectionPattern="old", responseTemplates={"application/json": "j"})
    before = _get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException):
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {"op": "replace", "path": "/selectionPattern", "value": "new"},
                {"op": "remove", "path": "/responseTemplates/application~1xml"},
            ],
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert _get(client, rest_api["id"], resource["id"]) == before


def test_empty_patch_operations_returns_unchanged_object(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], selectionPattern="p")

    resp = _update(client, rest_api["id"], resource["id"], [])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == {"statusCode": "200", "selectionPattern": "p"}


# --- ValidationException --------------------------------------------------------------------------------------


def test_bad_op_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "bogus", "path": "/selectionPattern", "value": "x"}])

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"1 validation error detected: Value 'bogus' at '{MEMBER}.1.member.op' failed to satisfy constraint: {OP_ENUM}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_bad_ops_are_aggregated_with_one_based_indexes(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {"op": "bogus", "path": "/selectionPattern", "value": "x"},
                {"op": "replace", "path": "/selectionPattern", "value": "y"},
                {"op": "wrong_op", "path": "/selectionPattern", "value": "z"},
            ],
        )

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"2 validation errors detected: Value 'bogus' at '{MEMBER}.1.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}; "
        f"Value 'wrong_op' at '{MEMBER}.3.member.op' failed to satisfy constraint: {OP_ENUM}"
    )


def test_bad_ops_do_not_change_the_object(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"], selectionPattern="old")

    with pytest.raises(ClientError):
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "replace", "path": "/selectionPattern", "value": "new"}, {"op": "bogus", "path": "/x"}],
        )

    assert _get(client, rest_api["id"], resource["id"]) == {"statusCode": "200", "selectionPattern": "old"}


def test_bad_status_code_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [], status_code="wrong")

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: {STATUS_CONSTRAINT}"
    )


def test_bad_status_code_precedes_existence_checks(client: Any, rest_api: dict, resource: dict) -> None:
    # No method on the resource at all.
    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [], status_code="wrong")

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_bad_op_and_bad_status_code_list_patch_operations_first(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "bogus", "path": "/selectionPattern", "value": "x"}],
            status_code="wrong",
        )

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        f"2 validation errors detected: Value 'bogus' at '{MEMBER}.1.member.op' failed to satisfy constraint: "
        f"{OP_ENUM}; "
        f"Value 'wrong' at 'statusCode' failed to satisfy constraint: {STATUS_CONSTRAINT}"
    )


# --- bad paths and unsupported ops ----------------------------------------------------------------------------


def test_missing_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "replace", "value": "x"}])

    # spec §4.1: [INF] for this operation (REC for UpdateGatewayResponse)
    assert exc.value.response["Error"]["Message"] == "Invalid patch path null"


def test_unknown_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "replace", "path": "/foo", "value": "x"}])

    # spec §4.1 / §7.1: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid patch path /foo"


@pytest.mark.parametrize("op", ["add", "replace", "remove"])
@pytest.mark.parametrize("path", ["/responseTemplates", "/responseParameters"])
def test_bare_map_path_is_bad_request(client: Any, rest_api: dict, resource: dict, op: str, path: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": op, "path": path, "value": "x"}])

    # spec §4.1: [INF] for this operation (REC for UpdateMethod /requestParameters)
    assert exc.value.response["Error"]["Message"] == f"Invalid patch path {path}"


@pytest.mark.parametrize(
    ("op", "path"),
    [
        ("add", "/selectionPattern"),
        ("remove", "/selectionPattern"),
        ("add", "/contentHandling"),
        ("remove", "/contentHandling"),
    ],
)
def test_unsupported_op_on_scalar_path_is_bad_request(
    client: Any, rest_api: dict, resource: dict, op: str, path: str
) -> None:
    _setup(client, rest_api["id"], resource["id"], selectionPattern="p", contentHandling="CONVERT_TO_TEXT")

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": op, "path": path, "value": "x"}])

    # spec §4.1 / §7.1: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == ONLY_REPLACE


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_on_scalar_path_are_unsupported(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], selectionPattern="p")

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": op, "path": "/selectionPattern", "from": "/selectionPattern", "value": "p"}],
        )

    # spec §4.1: [UNK] recommended choice (the operation's unsupported-op message)
    assert exc.value.response["Error"]["Message"] == ONLY_REPLACE


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_on_map_path_are_unsupported(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [
                {
                    "op": op,
                    "path": "/responseTemplates/application~1xml",
                    "from": "/responseTemplates/application~1json",
                    "value": "j",
                }
            ],
        )

    # spec §4.1: [UNK] the list of supported ops for map paths is not pinned; only the message family is
    assert exc.value.response["Error"]["Message"].startswith("Invalid patch operation specified. Must be one of: [")


# --- existence ------------------------------------------------------------------------------------------------


def test_missing_status_code_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "replace", "path": "/selectionPattern", "value": "x"}],
            "404",
        )

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Response status code specified"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_missing_status_code_is_not_found_with_empty_ops(client: Any, rest_api: dict, resource: dict) -> None:
    _setup(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [], "500")

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Response status code specified"


def test_missing_integration_is_not_found_with_empty_ops(client: Any, rest_api: dict, resource: dict) -> None:
    client.put_method(restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", authorizationType="NONE")

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Integration identifier specified"


def test_missing_method_is_not_found_with_empty_ops(client: Any, rest_api: dict, resource: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Method identifier specified"


def test_missing_resource_is_not_found_with_empty_ops(client: Any, rest_api: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], "nores0", [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_api_is_not_found_with_empty_ops(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, "noapi00000", "nores0", [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"

"""Black-box tests for UpdateIntegrationResponse (spec §1.3, §2, §3.6, §4.1, §4.1.1, §4.2).

The graph used by most tests: GET on `/pets` with a method response 200 declaring
`Access-Control-Allow-Origin` and `X-Extra`, a MOCK integration, and an integration response 200 built from the
keyword arguments of `_setup`.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    ONLY_REPLACE,
    mock_graph,
    op_violation,
    put_method,
    raises_aws,
    status_code_violation,
    unvalidated_client,
    update_results,
    validation_message,
)
from tests.support.calls import aimed, bound

ACAO = "method.response.header.Access-Control-Allow-Origin"
EXTRA = "method.response.header.X-Extra"
MEMBER = "updateIntegrationResponseInput.patchOperations"
JSON_TEMPLATE = "/responseTemplates/application~1json"


def _setup(client: Any, api_id: str, resource_id: str, **integration_response: Any) -> None:
    """GET + method response 200 (declaring ACAO and X-Extra) + MOCK integration + integration response 200."""
    mock_graph(client, api_id, resource_id, (ACAO, EXTRA), **integration_response)


# --- successful updates: the reply (HTTP 200) is the new integration response, and a later GET agrees -----------


test_update_result = update_results(
    _setup,
    aimed("update_integration_response", raw=True, httpMethod="GET", statusCode="200"),
    aimed("get_integration_response", httpMethod="GET", statusCode="200"),
    200,
    pytest.param(
        {"responseParameters": {ACAO: "'example.com'"}},
        [{"op": "replace", "path": f"/responseParameters/{ACAO}", "value": "'*'"}],
        {"statusCode": "200", "responseParameters": {ACAO: "'*'"}},
        id="cli-example-replace-access-control-allow-origin",
    ),
    pytest.param(
        {"responseParameters": {ACAO: "'*'"}},
        [{"op": "remove", "path": f"/responseParameters/{ACAO}"}],
        {"statusCode": "200"},
        id="cli-example-remove-access-control-allow-origin",
    ),
    pytest.param(
        {
            "selectionPattern": "",
            "responseParameters": {ACAO: "'example.com'"},
            "responseTemplates": {"application/json": "tpl"},
        },
        [{"op": "replace", "path": f"/responseParameters/{ACAO}", "value": "'*'"}],
        {
            "statusCode": "200",
            "selectionPattern": "",
            "responseParameters": {ACAO: "'*'"},
            "responseTemplates": {"application/json": "tpl"},
        },
        id="cli-example-replace-keeps-other-fields",
    ),
    pytest.param(
        {"responseParameters": {ACAO: "'*'"}, "selectionPattern": "old"},
        [
            {"op": "replace", "path": "/selectionPattern", "value": "new"},
            {"op": "add", "path": JSON_TEMPLATE, "value": "{}"},
        ],
        {
            "statusCode": "200",
            "selectionPattern": "new",
            "responseParameters": {ACAO: "'*'"},
            "responseTemplates": {"application/json": "{}"},
        },
        id="update-response-equals-later-get",
    ),
    pytest.param(
        {"selectionPattern": "old", "responseTemplates": {"application/json": "t"}},
        [{"op": "replace", "path": "/selectionPattern", "value": "updated-pattern"}],
        {
            "statusCode": "200",
            "selectionPattern": "updated-pattern",
            "responseTemplates": {"application/json": "t"},
        },
        id="replace-selection-pattern-keeps-templates",
    ),
    pytest.param(
        {"contentHandling": "CONVERT_TO_TEXT"},
        [{"op": "replace", "path": "/contentHandling", "value": "CONVERT_TO_BINARY"}],
        {"statusCode": "200", "contentHandling": "CONVERT_TO_BINARY"},
        id="replace-content-handling",
    ),
    pytest.param(
        {},
        [{"op": "add", "path": JSON_TEMPLATE, "value": "$input.body"}],
        {"statusCode": "200", "responseTemplates": {"application/json": "$input.body"}},
        id="add-template-creates-map",
    ),
    pytest.param(
        {"responseTemplates": {"application/json": "old", "text/html": "h"}},
        [{"op": "replace", "path": JSON_TEMPLATE, "value": "new"}],
        {"statusCode": "200", "responseTemplates": {"application/json": "new", "text/html": "h"}},
        id="replace-existing-template",
    ),
    # spec §4.1: [INF] add on an existing key overwrites
    pytest.param(
        {"responseTemplates": {"application/json": "old"}},
        [{"op": "add", "path": JSON_TEMPLATE, "value": "new"}],
        {"statusCode": "200", "responseTemplates": {"application/json": "new"}},
        id="add-existing-template-overwrites",
    ),
    pytest.param(
        {"responseTemplates": {"application/json": "j", "text/html": "h"}},
        [{"op": "remove", "path": JSON_TEMPLATE, "value": "ignored"}],
        {"statusCode": "200", "responseTemplates": {"text/html": "h"}},
        id="remove-template-keeps-other-templates",
    ),
    # spec §4.1: [INF] an emptied integration map disappears like Method/MethodResponse maps
    pytest.param(
        {"responseTemplates": {"application/json": "j"}},
        [{"op": "remove", "path": JSON_TEMPLATE}],
        {"statusCode": "200"},
        id="remove-last-template-drops-the-map",
    ),
    pytest.param(
        {"responseParameters": {ACAO: "'*'"}},
        [{"op": "add", "path": f"/responseParameters/{EXTRA}", "value": "integration.response.header.X-Up"}],
        {"statusCode": "200", "responseParameters": {ACAO: "'*'", EXTRA: "integration.response.header.X-Up"}},
        id="add-declared-response-parameter",
    ),
    pytest.param(
        {},
        [{"op": "add", "path": f"/responseParameters/{ACAO}", "value": "integration.response.body"}],
        {"statusCode": "200", "responseParameters": {ACAO: "integration.response.body"}},
        id="add-response-parameter-creates-map",
    ),
    pytest.param(
        {},
        [
            {"op": "add", "path": JSON_TEMPLATE, "value": "first"},
            {"op": "replace", "path": JSON_TEMPLATE, "value": "second"},
            {"op": "replace", "path": "/selectionPattern", "value": "a"},
            {"op": "replace", "path": "/selectionPattern", "value": "b"},
        ],
        {"statusCode": "200", "selectionPattern": "b", "responseTemplates": {"application/json": "second"}},
        id="ops-are-applied-in-order",
    ),
    pytest.param(
        {"selectionPattern": "p"},
        [],
        {"statusCode": "200", "selectionPattern": "p"},
        id="empty-patch-operations-returns-unchanged-object",
    ),
)


# --- BadRequest / NotFound on a path, a value or an op --------------------------------------------------------

MAPPING_ERROR = (
    "Invalid mapping expression specified: Validation Result: warnings : [], "
    "errors : [Invalid mapping expression parameter specified: method.response.header.Location]"
)


@pytest.mark.parametrize(
    ("setup", "op", "code", "message"),
    [
        # spec §4.1 / §7.2: [UNK] recommended choice
        *(
            pytest.param(
                {"responseTemplates": {"application/json": "j"}},
                {"op": op, "path": "/responseTemplates/application~1xml", "value": "x"},
                "NotFoundException",
                "Content-Type specified was not found",
                id=f"missing-template-key-{op}",
            )
            for op in ("replace", "remove")
        ),
        # spec §4.1: [INF] for this operation (REC for UpdateMethod)
        pytest.param(
            {},
            {"op": "add", "path": "/responseTemplates/application/json", "value": "x"},
            "BadRequestException",
            "Invalid patch path /responseTemplates/application/json",
            id="template-key-with-unescaped-slash",
        ),
        # spec §4.2: [INF] same mapping validation as PutIntegrationResponse
        pytest.param(
            {},
            {"op": "add", "path": "/responseParameters/method.response.header.Location", "value": "'x'"},
            "BadRequestException",
            MAPPING_ERROR,
            id="add-undeclared-response-parameter",
        ),
        # spec §4.1: [UNK] recommended choice for *Parameters maps
        *(
            pytest.param(
                {"responseParameters": {ACAO: "'*'"}},
                {"op": op, "path": f"/responseParameters/{EXTRA}", "value": "'x'"},
                "NotFoundException",
                "Invalid parameter name specified",
                id=f"missing-response-parameter-key-{op}",
            )
            for op in ("replace", "remove")
        ),
        # spec §4.1: [INF] for this operation (REC for UpdateGatewayResponse)
        pytest.param(
            {}, {"op": "replace", "value": "x"}, "BadRequestException", "Invalid patch path null", id="no-path"
        ),
        # spec §4.1 / §7.1: [UNK] recommended choice
        pytest.param(
            {},
            {"op": "replace", "path": "/foo", "value": "x"},
            "BadRequestException",
            "Invalid patch path /foo",
            id="unknown-path",
        ),
    ],
)
def test_rejected_op(
    client: Any, rest_api: dict, resource: dict, setup: dict[str, Any], op: dict[str, Any], code: str, message: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], **setup)

    with raises_aws(code, message):
        ids.update_integration_response(patchOperations=[op])


def test_replace_content_handling_with_invalid_value_is_bad_request(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"])

    # spec §4.2: [UNK] message text; only the class and status are pinned
    with raises_aws("BadRequestException", status=400):
        ids.update_integration_response(
            patchOperations=[{"op": "replace", "path": "/contentHandling", "value": "WRONG"}]
        )


@pytest.mark.parametrize("op", ["add", "replace"])
def test_null_template_value_is_bad_request(mock: Any, rest_api: dict, resource: dict, op: str) -> None:
    client = unvalidated_client()
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    # spec §4.1 / §7.4: [UNK] recommended choice (mirrors UpdateGatewayResponse)
    with raises_aws("BadRequestException", "Invalid null or empty value in responseTemplates"):
        ids.update_integration_response(patchOperations=[{"op": op, "path": JSON_TEMPLATE, "value": None}])


def test_add_response_parameter_with_invalid_expression_is_bad_request(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"])

    with raises_aws("BadRequestException") as exc:
        ids.update_integration_response(
            patchOperations=[{"op": "add", "path": f"/responseParameters/{ACAO}", "value": "bogus"}]
        )

    # spec §4.2: [INF] same mapping validation as PutIntegrationResponse
    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression specified")


def test_failing_second_op_leaves_object_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], selectionPattern="old", responseTemplates={"application/json": "j"})
    before = ids.get_integration_response()

    with raises_aws("NotFoundException"):
        ids.update_integration_response(
            patchOperations=[
                {"op": "replace", "path": "/selectionPattern", "value": "new"},
                {"op": "remove", "path": "/responseTemplates/application~1xml"},
            ]
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert ids.get_integration_response() == before


# --- ValidationException --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ops", "status_code", "message"),
    [
        pytest.param(
            [{"op": "bogus", "path": "/selectionPattern", "value": "x"}],
            "200",
            validation_message(op_violation(MEMBER, "bogus", 1)),
            id="bad-op",
        ),
        pytest.param(
            [
                {"op": "bogus", "path": "/selectionPattern", "value": "x"},
                {"op": "replace", "path": "/selectionPattern", "value": "y"},
                {"op": "wrong_op", "path": "/selectionPattern", "value": "z"},
            ],
            "200",
            validation_message(op_violation(MEMBER, "bogus", 1), op_violation(MEMBER, "wrong_op", 3)),
            id="bad-ops-are-aggregated-with-one-based-indexes",
        ),
        pytest.param([], "wrong", validation_message(status_code_violation("wrong")), id="bad-status-code"),
        pytest.param(
            [{"op": "bogus", "path": "/selectionPattern", "value": "x"}],
            "wrong",
            validation_message(op_violation(MEMBER, "bogus", 1), status_code_violation("wrong")),
            id="bad-op-and-bad-status-code-list-patch-operations-first",
        ),
    ],
)
def test_validation_exception(
    client: Any, rest_api: dict, resource: dict, ops: list[dict[str, Any]], status_code: str, message: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode=status_code)
    _setup(client, rest_api["id"], resource["id"])

    with raises_aws("ValidationException", message, 400):
        ids.update_integration_response(patchOperations=ops)


def test_bad_ops_do_not_change_the_object(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], selectionPattern="old")

    with raises_aws("ValidationException"):
        ids.update_integration_response(
            patchOperations=[
                {"op": "replace", "path": "/selectionPattern", "value": "new"},
                {"op": "bogus", "path": "/x"},
            ]
        )

    assert ids.get_integration_response() == {"statusCode": "200", "selectionPattern": "old"}


def test_bad_status_code_precedes_existence_checks(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="wrong")
    # No method on the resource at all.
    with raises_aws("ValidationException", status=400):
        ids.update_integration_response(patchOperations=[])


# --- bad paths and unsupported ops ----------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["add", "replace", "remove"])
@pytest.mark.parametrize("path", ["/responseTemplates", "/responseParameters"])
def test_bare_map_path_is_bad_request(client: Any, rest_api: dict, resource: dict, op: str, path: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    # spec §4.1: [INF] for this operation (REC for UpdateMethod /requestParameters)
    with raises_aws("BadRequestException", f"Invalid patch path {path}"):
        ids.update_integration_response(patchOperations=[{"op": op, "path": path, "value": "x"}])


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
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], selectionPattern="p", contentHandling="CONVERT_TO_TEXT")

    # spec §4.1 / §7.1: [UNK] recommended choice
    with raises_aws("BadRequestException", ONLY_REPLACE):
        ids.update_integration_response(patchOperations=[{"op": op, "path": path, "value": "x"}])


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_on_scalar_path_are_unsupported(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], selectionPattern="p")

    # spec §4.1: [UNK] recommended choice (the operation's unsupported-op message)
    with raises_aws("BadRequestException", ONLY_REPLACE):
        ids.update_integration_response(
            patchOperations=[{"op": op, "path": "/selectionPattern", "from": "/selectionPattern", "value": "p"}]
        )


@pytest.mark.parametrize("op", ["move", "copy", "test"])
def test_move_copy_test_on_map_path_are_unsupported(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
    _setup(client, rest_api["id"], resource["id"], responseTemplates={"application/json": "j"})

    with raises_aws("BadRequestException") as exc:
        ids.update_integration_response(
            patchOperations=[
                {"op": op, "path": "/responseTemplates/application~1xml", "from": JSON_TEMPLATE, "value": "j"}
            ]
        )

    # spec §4.1: [UNK] the list of supported ops for map paths is not pinned; only the message family is
    assert exc.value.response["Error"]["Message"].startswith("Invalid patch operation specified. Must be one of: [")


# --- existence (spec §2: [INF]) -------------------------------------------------------------------------------

SELECTION_OP = {"op": "replace", "path": "/selectionPattern", "value": "x"}


@pytest.mark.parametrize(
    ("built", "api_id", "resource_id", "status_code", "ops", "message", "status"),
    [
        pytest.param(
            "graph",
            None,
            None,
            "404",
            [SELECTION_OP],
            "Invalid Response status code specified",
            404,
            id="missing-status-code",
        ),
        pytest.param(
            "graph",
            None,
            None,
            "500",
            [],
            "Invalid Response status code specified",
            None,
            id="missing-status-code-with-empty-ops",
        ),
        pytest.param(
            "method",
            None,
            None,
            "200",
            [],
            "Invalid Integration identifier specified",
            None,
            id="missing-integration-with-empty-ops",
        ),
        pytest.param(
            "nothing",
            None,
            None,
            "200",
            [],
            "Invalid Method identifier specified",
            None,
            id="missing-method-with-empty-ops",
        ),
        pytest.param(
            "nothing",
            None,
            "nores0",
            "200",
            [],
            "Invalid Resource identifier specified",
            None,
            id="missing-resource-with-empty-ops",
        ),
        pytest.param(
            "nothing",
            "noapi00000",
            "nores0",
            "200",
            [],
            "Invalid Resource identifier specified",
            None,
            id="missing-api-with-empty-ops",
        ),
    ],
)
def test_not_found(
    client: Any,
    rest_api: dict,
    resource: dict,
    built: str,
    api_id: str | None,
    resource_id: str | None,
    status_code: str,
    ops: list[dict[str, Any]],
    message: str,
    status: int | None,
) -> None:
    ids = bound(
        client,
        restApiId=api_id or rest_api["id"],
        resourceId=resource_id or resource["id"],
        httpMethod="GET",
        statusCode=status_code,
    )
    if built == "graph":
        _setup(client, rest_api["id"], resource["id"])
    elif built == "method":
        put_method(client, rest_api["id"], resource["id"])

    with raises_aws("NotFoundException", message, status):
        ids.update_integration_response(patchOperations=ops)

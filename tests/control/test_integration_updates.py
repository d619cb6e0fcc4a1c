"""Black-box tests for UpdateIntegration (spec §1.1, §2, §3.5, §4.1, §4.3).

Most tests act on GET `/pets` whose method declares `method.request.querystring.q` and
`method.request.header.X-Key`, integrated over HTTP with `http://example.com/pets` (plus the PutIntegration
keyword arguments of the test's row).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    HTTP_STATUS,
    ONLY_REPLACE,
    assert_saved,
    op_violation,
    put_method,
    put_mock_integration,
    raises_aws,
    unvalidated_client,
    validation_message,
)
from tests.support.calls import bound

URI = "http://example.com/pets"
QUERY_Q = "method.request.querystring.q"
HEADER_KEY = "method.request.header.X-Key"
TIMEOUT_RANGE = "Timeout should be between 50 ms and 29000 ms"
JSON_TEMPLATE = "/requestTemplates/application~1json"
ACCEPT = "integration.request.header.Accept"
VPC_LINK = {"connectionType": "VPC_LINK", "connectionId": "${stageVariables.vpcLinkId}"}


def _method(client: Any, api_id: str, resource_id: str) -> None:
    put_method(client, api_id, resource_id, requestParameters={QUERY_Q: False, HEADER_KEY: False})


def _integration(client: Any, api_id: str, resource_id: str, **kwargs: Any) -> None:
    """GET method + an HTTP integration to URI, unless `kwargs` say otherwise."""
    _method(client, api_id, resource_id)
    integration = {"type": "HTTP", "integrationHttpMethod": "GET", "uri": URI, **kwargs}
    client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod="GET", **integration)


def _http_defaults(resource_id: str) -> dict[str, Any]:
    """The GetIntegration body of an untouched HTTP integration built by `_integration`."""
    return {
        "type": "HTTP",
        "httpMethod": "GET",
        "uri": URI,
        "connectionType": "INTERNET",
        "cacheNamespace": resource_id,
        "cacheKeyParameters": [],
        "passthroughBehavior": "WHEN_NO_MATCH",
        "timeoutInMillis": 29000,
    }


def _replace(path: str, value: str) -> dict[str, Any]:
    return {"op": "replace", "path": path, "value": value}


def _add(path: str, value: str | None = None) -> dict[str, Any]:
    return {"op": "add", "path": path} if value is None else {"op": "add", "path": path, "value": value}


def _remove(path: str) -> dict[str, Any]:
    return {"op": "remove", "path": path}


# --- successful updates: HTTP 200, the reply is the new integration, and a later GET agrees ---------------------


@pytest.mark.parametrize(
    ("setup", "ops", "changes"),
    [
        pytest.param(
            {},
            [_replace("/cacheNamespace", "ns"), _add(JSON_TEMPLATE, "{}")],
            {"cacheNamespace": "ns", "requestTemplates": {"application/json": "{}"}},
            id="update-response-equals-later-get",
        ),
        pytest.param({}, [], {}, id="empty-patch-returns-integration-unchanged"),
        # --- cacheKeyParameters
        pytest.param(
            {},
            [_add(f"/cacheKeyParameters/{QUERY_Q}")],
            {"cacheKeyParameters": [QUERY_Q]},
            id="add-cache-key-from-path",
        ),
        pytest.param(
            {},
            [_add(f"/cacheKeyParameters/{QUERY_Q}", HEADER_KEY)],
            {"cacheKeyParameters": [QUERY_Q]},
            id="add-cache-key-ignores-value",
        ),
        # spec §4.3: [INF] set semantics (like binaryMediaTypes)
        pytest.param(
            {},
            [_add(f"/cacheKeyParameters/{QUERY_Q}", ""), _add(f"/cacheKeyParameters/{QUERY_Q}", "")],
            {"cacheKeyParameters": [QUERY_Q]},
            id="add-cache-key-twice-keeps-one",
        ),
        # spec §4.3: [INF] set semantics like binaryMediaTypes, new elements appended at the end
        pytest.param(
            {},
            [_add(f"/cacheKeyParameters/{QUERY_Q}"), _add(f"/cacheKeyParameters/{HEADER_KEY}")],
            {"cacheKeyParameters": [QUERY_Q, HEADER_KEY]},
            id="add-two-cache-keys-in-order",
        ),
        pytest.param(
            {"cacheKeyParameters": [QUERY_Q, HEADER_KEY]},
            [_remove(f"/cacheKeyParameters/{QUERY_Q}")],
            {"cacheKeyParameters": [HEADER_KEY]},
            id="remove-cache-key",
        ),
        # spec §3.5 / §6: cacheKeyParameters is always present ([] by default)
        pytest.param(
            {"cacheKeyParameters": [QUERY_Q]},
            [_remove(f"/cacheKeyParameters/{QUERY_Q}")],
            {},
            id="remove-last-cache-key-leaves-empty-list",
        ),
        # --- scalar paths
        pytest.param(
            {},
            [_replace("/cacheNamespace", "my-namespace")],
            {"cacheNamespace": "my-namespace"},
            id="replace-cache-namespace",
        ),
        pytest.param(
            VPC_LINK,
            [_replace("/connectionId", "${stageVariables.otherLinkId}")],
            {"connectionType": "VPC_LINK", "connectionId": "${stageVariables.otherLinkId}"},
            id="replace-connection-id-on-vpc-link",
        ),
        pytest.param(
            {},
            [_replace("/connectionType", "VPC_LINK"), _replace("/connectionId", "${stageVariables.vpcLinkId}")],
            VPC_LINK,
            id="replace-connection-type-and-id",
        ),
        *(
            pytest.param({}, [_replace(path, value)], {path[1:]: value}, id=f"replace-{path[1:]}-{value}")
            for path, values in {
                "/contentHandling": ("CONVERT_TO_TEXT", "CONVERT_TO_BINARY"),
                "/passthroughBehavior": ("WHEN_NO_TEMPLATES", "NEVER", "WHEN_NO_MATCH"),
                "/uri": ("https://example.org/dogs",),
                "/httpMethod": ("POST",),
            }.items()
            for value in values
        ),
        *(
            pytest.param(
                {},
                [_replace("/timeoutInMillis", str(timeout))],
                {"timeoutInMillis": timeout},
                id=f"replace-timeout-{timeout}-is-stored-as-number",
            )
            for timeout in (1000, 50, 29000)
        ),
        # spec §4.1: [INF] boolean inside "tlsConfig"
        *(
            pytest.param(
                {},
                [_replace("/tlsConfig/insecureSkipVerification", value)],
                {"tlsConfig": {"insecureSkipVerification": expected}},
                id=f"replace-tls-insecure-skip-verification-{value}",
            )
            for value, expected in (("true", True), ("false", False))
        ),
        # --- maps
        pytest.param(
            {},
            [_add(f"/requestParameters/{ACCEPT}", "'application/xml'")],
            {"requestParameters": {ACCEPT: "'application/xml'"}},
            id="add-request-parameter-mapping",
        ),
        pytest.param(
            {"requestParameters": {ACCEPT: "'application/xml'", "integration.request.header.B": "'b'"}},
            [_remove(f"/requestParameters/{ACCEPT}")],
            {"requestParameters": {"integration.request.header.B": "'b'"}},
            id="remove-request-parameter-mapping",
        ),
        pytest.param(
            {},
            [_add(JSON_TEMPLATE, '{"statusCode": 200}')],
            {"requestTemplates": {"application/json": '{"statusCode": 200}'}},
            id="add-request-template-creates-map",
        ),
        pytest.param(
            {"requestTemplates": {"application/json": "old"}},
            [_replace(JSON_TEMPLATE, "new")],
            {"requestTemplates": {"application/json": "new"}},
            id="replace-request-template",
        ),
        pytest.param(
            {"requestTemplates": {"application/json": "j", "application/xml": "x"}},
            [_remove(JSON_TEMPLATE)],
            {"requestTemplates": {"application/xml": "x"}},
            id="remove-request-template-keeps-others",
        ),
        pytest.param(
            {},
            [
                _add(JSON_TEMPLATE, "first"),
                _replace(JSON_TEMPLATE, "second"),
                _replace("/timeoutInMillis", "100"),
                _replace("/timeoutInMillis", "200"),
            ],
            {"timeoutInMillis": 200, "requestTemplates": {"application/json": "second"}},
            id="ops-are-applied-in-order",
        ),
        # The AWS CLI's documented update-integration example: add (then replace) a passthrough template, no value.
        pytest.param(
            {},
            [{"op": "add", "path": JSON_TEMPLATE}],
            {"requestTemplates": {"application/json": None}},
            id="add-request-template-without-value [DOC CLI]",
        ),
        pytest.param(
            {"requestTemplates": {"application/json": "j"}},
            [{"op": "replace", "path": JSON_TEMPLATE}],
            {"requestTemplates": {"application/json": None}},
            id="replace-request-template-without-value [DOC CLI]",
        ),
    ],
)
def test_update_result(
    client: Any,
    rest_api: dict,
    resource: dict,
    setup: dict[str, Any],
    ops: list[dict[str, Any]],
    changes: dict[str, Any],
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _integration(client, rest_api["id"], resource["id"], **setup)

    resp = ids.raw.update_integration(patchOperations=ops)

    expected = {**_http_defaults(resource["id"]), **changes}
    assert_saved(resp, 200, expected, ids.get_integration())


def test_update_returns_full_integration_including_integration_responses(
    client: Any, rest_api: dict, resource: dict
) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _method(client, rest_api["id"], resource["id"])
    put_mock_integration(client, rest_api["id"], resource["id"])
    client.put_integration_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )

    resp = ids.raw.update_integration(patchOperations=[_replace("/timeoutInMillis", "1000")])

    expected = {
        "type": "MOCK",
        "cacheNamespace": resource["id"],
        "cacheKeyParameters": [],
        "passthroughBehavior": "WHEN_NO_MATCH",
        "timeoutInMillis": 1000,
        "integrationResponses": {"200": {"statusCode": "200"}},
    }
    assert_saved(resp, 200, expected, ids.get_integration())


def test_replace_credentials_is_accepted(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    s3_uri = "arn:aws:apigateway:us-east-1:s3:path/my-bucket/my-key"
    _integration(client, rest_api["id"], resource["id"], type="AWS", uri=s3_uri)
    role = "arn:aws:iam::123456789012:role/apigw-s3"

    resp = ids.raw.update_integration(patchOperations=[_replace("/credentials", role)])

    # spec §4.3 / §7.5: [UNK] recommended choice (accept replace)
    expected = {**_http_defaults(resource["id"]), "type": "AWS", "uri": s3_uri, "credentials": role}
    del expected["connectionType"]
    assert_saved(resp, 200, expected, ids.get_integration())


# --- rejected patches -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "op", "code", "message"),
    [
        *(
            pytest.param(
                {},
                _replace("/timeoutInMillis", value),
                "BadRequestException",
                TIMEOUT_RANGE,
                id=f"timeout-{value}-out-of-range",
            )
            for value in ("49", "29001", "0", "-1")
        ),
        # spec §7.11: [UNK] message text; only class and status are pinned
        *(
            pytest.param({}, _replace(path, "WRONG"), "BadRequestException", None, id=f"invalid-enum-value-{path}")
            for path in ("/contentHandling", "/passthroughBehavior", "/connectionType")
        ),
        # spec §4.3: [INF]
        pytest.param({}, _replace("/type", "MOCK"), "BadRequestException", "Invalid patch path /type", id="type-path"),
        # spec §4.1 / §7.2: [UNK] recommended choice
        pytest.param(
            {},
            _remove("/requestParameters/integration.request.header.Nope"),
            "NotFoundException",
            "Invalid parameter name specified",
            id="remove-missing-request-parameter",
        ),
        # spec §4.1 / §7.2: [UNK] recommended choice
        *(
            pytest.param(
                {"requestTemplates": {"application/json": "j"}},
                {"op": op, "path": "/requestTemplates/text~1plain", "value": "v"},
                "NotFoundException",
                "Content-Type specified was not found",
                id=f"missing-request-template-key-{op}",
            )
            for op in ("replace", "remove")
        ),
        # spec §4.1: [INF] for this operation
        *(
            pytest.param(
                {}, _add(path, "x"), "BadRequestException", f"Invalid patch path {path}", id=f"bare-map-path-{path}"
            )
            for path in ("/requestTemplates", "/requestParameters")
        ),
        # spec §4.1: [INF] member naming for this operation
        pytest.param(
            {},
            {"op": "bogus", "path": "/cacheNamespace", "value": "x"},
            "ValidationException",
            validation_message(op_violation("updateIntegrationInput.patchOperations", "bogus", 1)),
            id="bad-op",
        ),
        # spec §4.1: [INF] for this operation
        pytest.param(
            {}, {"op": "replace", "value": "x"}, "BadRequestException", "Invalid patch path null", id="missing-path"
        ),
        # spec §4.1 / §7.1: [UNK] recommended choice
        pytest.param({}, _replace("/foo", "x"), "BadRequestException", "Invalid patch path /foo", id="unknown-path"),
        # spec §4.1 / §7.1: [UNK] recommended choice (UpdateMethod style)
        *(
            pytest.param(
                {},
                {"op": op, "path": path, "value": "x", "from": path},
                "BadRequestException",
                ONLY_REPLACE,
                id=f"unsupported-{op}-on-{path}",
            )
            for op, path in (
                ("add", "/cacheNamespace"),
                ("remove", "/timeoutInMillis"),
                ("add", "/passthroughBehavior"),
                ("remove", "/uri"),
                ("copy", "/cacheNamespace"),
            )
        ),
    ],
)
def test_rejected_op(
    mock: Any, rest_api: dict, resource: dict, setup: dict[str, Any], op: dict[str, Any], code: str, message: str | None
) -> None:
    client = unvalidated_client()  # so that a null value reaches the mock
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _integration(client, rest_api["id"], resource["id"], **setup)

    with raises_aws(code, message, HTTP_STATUS[code]):
        ids.update_integration(patchOperations=[op])


def test_failing_later_op_leaves_integration_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET")
    _integration(client, rest_api["id"], resource["id"])
    before = ids.get_integration()

    with raises_aws("BadRequestException"):
        ids.update_integration(
            patchOperations=[_replace("/cacheNamespace", "changed"), _replace("/timeoutInMillis", "10")]
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert ids.get_integration() == before


# --- existence (spec §2) --------------------------------------------------------------------------------------

METHOD_OR_INTEGRATION = {"Invalid Method identifier specified", "Invalid Integration identifier specified"}


@pytest.mark.parametrize(
    ("with_method", "api_id", "resource_id", "ops", "messages"),
    [
        # spec §2: [INF]
        pytest.param(True, None, None, [], {"Invalid Integration identifier specified"}, id="missing-integration"),
        # spec §2: [UNK] method message or integration message
        pytest.param(False, None, None, [], METHOD_OR_INTEGRATION, id="missing-method"),
        # spec §2: [INF]
        pytest.param(False, None, "nores0", [], {"Invalid Resource identifier specified"}, id="missing-resource"),
        pytest.param(
            False,
            "noapi00000",
            "nores0",
            [_replace("/cacheNamespace", "x")],
            {"Invalid Resource identifier specified"},
            id="missing-api",
        ),
    ],
)
def test_not_found(
    client: Any,
    rest_api: dict,
    resource: dict,
    with_method: bool,
    api_id: str | None,
    resource_id: str | None,
    ops: list[dict[str, Any]],
    messages: set[str],
) -> None:
    ids = bound(client, restApiId=api_id or rest_api["id"], resourceId=resource_id or resource["id"], httpMethod="GET")
    if with_method:
        _method(client, rest_api["id"], resource["id"])

    with raises_aws("NotFoundException", status=404) as exc:
        ids.update_integration(patchOperations=ops)

    assert exc.value.response["Error"]["Message"] in messages

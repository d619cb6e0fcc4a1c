"""Gateway responses (spec §5): the 21 built-in defaults, PutGatewayResponse, DEFAULT_4XX/5XX propagation,
UpdateGatewayResponse patch semantics and errors, DeleteGatewayResponse, and request validation (§1.3, §2, §4.1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import (
    HTTP_STATUS,
    STATUS_PATTERN,
    assert_reply,
    assert_saved,
    op_violation,
    raises_aws,
    unvalidated_client,
    validation_message,
)
from tests.support.calls import bound

ACCOUNT_ID = "123456789012"
DEFAULT_TEMPLATE = '{"message":$context.error.messageString}'
ALLOW_ORIGIN = "gatewayresponse.header.Access-Control-Allow-Origin"

# responseType -> (default statusCode or None, family)
TYPES: dict[str, tuple[str | None, str | None]] = {
    "ACCESS_DENIED": ("403", "4xx"),
    "API_CONFIGURATION_ERROR": ("500", "5xx"),
    "AUTHORIZER_CONFIGURATION_ERROR": ("500", "5xx"),
    "AUTHORIZER_FAILURE": ("500", "5xx"),
    "BAD_REQUEST_BODY": ("400", "4xx"),
    "BAD_REQUEST_PARAMETERS": ("400", "4xx"),
    "DEFAULT_4XX": (None, None),
    "DEFAULT_5XX": (None, None),
    "EXPIRED_TOKEN": ("403", "4xx"),
    "INTEGRATION_FAILURE": ("504", "5xx"),
    "INTEGRATION_TIMEOUT": ("504", "5xx"),
    "INVALID_API_KEY": ("403", "4xx"),
    "INVALID_SIGNATURE": ("403", "4xx"),
    "MISSING_AUTHENTICATION_TOKEN": ("403", "4xx"),
    "QUOTA_EXCEEDED": ("429", "4xx"),
    "REQUEST_TOO_LARGE": ("413", "4xx"),
    "RESOURCE_NOT_FOUND": ("404", "4xx"),
    "THROTTLED": ("429", "4xx"),
    "UNAUTHORIZED": ("401", "4xx"),
    "UNSUPPORTED_MEDIA_TYPE": ("415", "4xx"),
    "WAF_FILTERED": ("403", "4xx"),
}
FAMILY_4XX = sorted(t for t, (_, family) in TYPES.items() if family == "4xx")
FAMILY_5XX = sorted(t for t, (_, family) in TYPES.items() if family == "5xx")

# The order AWS prints the GatewayResponseType enum in (spec §1.3).
AWS_ENUM_ORDER = [
    "REQUEST_TOO_LARGE",
    "RESOURCE_NOT_FOUND",
    "AUTHORIZER_CONFIGURATION_ERROR",
    "MISSING_AUTHENTICATION_TOKEN",
    "BAD_REQUEST_BODY",
    "INVALID_SIGNATURE",
    "INVALID_API_KEY",
    "BAD_REQUEST_PARAMETERS",
    "AUTHORIZER_FAILURE",
    "UNAUTHORIZED",
    "INTEGRATION_TIMEOUT",
    "ACCESS_DENIED",
    "DEFAULT_4XX",
    "DEFAULT_5XX",
    "WAF_FILTERED",
    "QUOTA_EXCEEDED",
    "THROTTLED",
    "API_CONFIGURATION_ERROR",
    "UNSUPPORTED_MEDIA_TYPE",
    "INTEGRATION_FAILURE",
    "EXPIRED_TOKEN",
]
RESPONSE_TYPE_ERROR = (
    "1 validation error detected: Value 'WRONG' at 'responseType' failed to satisfy constraint: "
    "Member must satisfy enum value set: [" + ", ".join(AWS_ENUM_ORDER) + "]"
)
assert sorted(TYPES) == sorted(AWS_ENUM_ORDER) and len(TYPES) == 21, "the type tables above must agree"


def _builtin(response_type: str) -> dict[str, Any]:
    """The built-in default GatewayResponse of a type on a fresh API (spec §5.1)."""
    item: dict[str, Any] = {
        "defaultResponse": True,
        "responseParameters": {},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": response_type,
    }
    status = TYPES[response_type][0]
    if status is not None:
        item["statusCode"] = status
    return item


def _by_type(client: Any, api_id: str) -> dict[str, dict[str, Any]]:
    """GetGatewayResponses' items, keyed by responseType."""
    items = client.get_gateway_responses(restApiId=api_id)["items"]
    return {item["responseType"]: item for item in items}


# --- Built-in defaults: GetGatewayResponse / GetGatewayResponses -------------------------------------------------


@pytest.mark.parametrize("response_type", sorted(TYPES))
def test_get_gateway_response_returns_builtin_default(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    resp = client.get_gateway_response(restApiId=rest_api["id"], responseType=response_type)
    assert_reply(resp, 200, _builtin(response_type))


def test_get_gateway_responses_returns_all_21_defaults(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_gateway_responses(restApiId=rest_api["id"])
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert "position" not in resp
    items = resp["items"]
    assert len(items) == 21
    assert sorted(items, key=lambda i: i["responseType"]) == [_builtin(t) for t in sorted(TYPES)]


def test_get_gateway_responses_uses_aws_enum_order(client: Any, rest_api: dict[str, Any]) -> None:
    items = client.get_gateway_responses(restApiId=rest_api["id"])["items"]
    # spec §5.1: [UNK] recommended choice (the enum order AWS prints)
    assert [i["responseType"] for i in items] == AWS_ENUM_ORDER


def test_get_gateway_responses_ignores_limit(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_gateway_responses(restApiId=rest_api["id"], limit=5)
    assert len(resp["items"]) == 21
    assert "position" not in resp


MISSING_API = f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
NOT_DEFINED = "Gateway response type not defined on api"

# One call of each gateway-response operation on `api` for `response_type` (GetGatewayResponses ignores the type).
_CALLS: dict[str, Callable[[Any, str, str], Any]] = {
    "get-all": lambda c, api, _type: c.get_gateway_responses(restApiId=api),
    "get": lambda c, api, type_: c.get_gateway_response(restApiId=api, responseType=type_),
    "put": lambda c, api, type_: c.put_gateway_response(restApiId=api, responseType=type_, statusCode="400"),
    "update": lambda c, api, type_: c.update_gateway_response(restApiId=api, responseType=type_, patchOperations=[]),
    "delete": lambda c, api, type_: c.delete_gateway_response(restApiId=api, responseType=type_),
}


@pytest.mark.parametrize("operation", sorted(_CALLS))
def test_missing_api_is_not_found(client: Any, operation: str) -> None:
    # spec §2: [INF] for put; the same text for every gateway-response operation
    with raises_aws("NotFoundException", MISSING_API, 404):
        _CALLS[operation](client, "doesnotexi", "DEFAULT_4XX")


@pytest.mark.parametrize("api", ["existing", "missing"])
@pytest.mark.parametrize("operation", sorted(set(_CALLS) - {"get-all"}))
def test_invalid_response_type_is_validation_exception(
    client: Any, rest_api: dict[str, Any], operation: str, api: str
) -> None:
    # spec §1.3/§5.2/§5.4: recorded for the gateway-response operations; [INF] for get and delete.
    # spec §1.4: shape validation precedes existence checks, so a missing API changes nothing.
    with raises_aws("ValidationException", RESPONSE_TYPE_ERROR, 400):
        _CALLS[operation](client, rest_api["id"] if api == "existing" else "doesnotexi", "WRONG")


# --- PutGatewayResponse ------------------------------------------------------------------------------------------


def _custom(response_type: str, **fields: Any) -> dict[str, Any]:
    """A customised GatewayResponse: the built-in's status code and JSON template unless `fields` say otherwise."""
    return {**_builtin(response_type), "defaultResponse": False, **fields}


_DENIED_BEFORE = {
    "statusCode": "401",
    "responseParameters": {ALLOW_ORIGIN: "'*'"},
    "responseTemplates": {"application/xml": "<denied/>"},
}
_DEFAULT_4XX_BEFORE = {
    "statusCode": "488",
    "responseParameters": {ALLOW_ORIGIN: "'*'"},
    "responseTemplates": {"application/json": '{"family": "4xx"}'},
}
_ALL_FIELDS = {
    "statusCode": "422",
    "responseParameters": {ALLOW_ORIGIN: "'*'", "gatewayresponse.header.X-Req": "context.requestId"},
    "responseTemplates": {"application/json": '{"bad": true}', "application/xml": "<bad/>"},
}


@pytest.mark.parametrize(
    ("before", "response_type", "fields", "expected"),
    [
        pytest.param(
            None,
            "ACCESS_DENIED",
            {"statusCode": "401"},
            _custom("ACCESS_DENIED", statusCode="401"),
            id="fills-defaults",
        ),
        *(
            pytest.param(
                None,
                response_type,
                {"responseParameters": {ALLOW_ORIGIN: "'*'"}},
                _custom(response_type, responseParameters={ALLOW_ORIGIN: "'*'"}),
                id=f"only-parameters-{response_type}-uses-type-default-status",
            )
            for response_type in ("MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "INTEGRATION_TIMEOUT")
        ),
        pytest.param(
            None,
            "UNAUTHORIZED",
            {"responseTemplates": {"application/json": '{"error": "nope"}'}},
            _custom("UNAUTHORIZED", responseTemplates={"application/json": '{"error": "nope"}'}, statusCode="401"),
            id="only-templates-uses-default-status-and-empty-parameters",
        ),
        *(
            pytest.param(
                None,
                response_type,
                {"responseTemplates": {"text/plain": "oops"}},
                _custom(response_type, responseTemplates={"text/plain": "oops"}),
                id=f"fills-builtin-status-{response_type}",
            )
            for response_type in sorted(TYPES)
            if not response_type.startswith("DEFAULT_")
        ),
        pytest.param(
            None, "BAD_REQUEST_BODY", _ALL_FIELDS, _custom("BAD_REQUEST_BODY", **_ALL_FIELDS), id="echoes-all-fields"
        ),
        pytest.param(
            None,
            "THROTTLED",
            {"statusCode": "503", "responseParameters": {ALLOW_ORIGIN: "'*'"}},
            _custom("THROTTLED", statusCode="503", responseParameters={ALLOW_ORIGIN: "'*'"}),
            id="is-returned-by-get",
        ),
        pytest.param(
            ("ACCESS_DENIED", _DENIED_BEFORE),
            "ACCESS_DENIED",
            {"responseParameters": {"gatewayresponse.header.X-A": "'a'"}},
            _custom("ACCESS_DENIED", responseParameters={"gatewayresponse.header.X-A": "'a'"}, statusCode="403"),
            id="replaces-previous-customisation-completely",
        ),
        pytest.param(
            ("DEFAULT_4XX", _DEFAULT_4XX_BEFORE),
            "ACCESS_DENIED",
            {"responseTemplates": {"text/plain": "denied"}},
            _custom("ACCESS_DENIED", responseTemplates={"text/plain": "denied"}, statusCode="403"),
            id="never-fills-from-default-4xx",
        ),
        # spec §5.2: [INF] DEFAULT_4XX/5XX without statusCode keep no statusCode key
        *(
            pytest.param(
                None,
                response_type,
                {"responseParameters": {ALLOW_ORIGIN: "'*'"}},
                _custom(response_type, responseParameters={ALLOW_ORIGIN: "'*'"}),
                id=f"{response_type}-without-status-code-has-no-status-code",
            )
            for response_type in ("DEFAULT_4XX", "DEFAULT_5XX")
        ),
    ],
)
def test_put_gateway_response(
    client: Any,
    rest_api: dict[str, Any],
    before: tuple[str, dict[str, Any]] | None,
    response_type: str,
    fields: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    if before is not None:
        bound(client, restApiId=rest_api["id"], responseType=before[0]).put_gateway_response(**before[1])

    resp = client.put_gateway_response(restApiId=rest_api["id"], responseType=response_type, **fields)

    assert_saved(
        resp, 201, expected, bound(client, restApiId=rest_api["id"], responseType=response_type).get_gateway_response()
    )


def test_put_gateway_response_leaves_other_types_default(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="401", responseType="ACCESS_DENIED")
    ids.put_gateway_response()
    items = _by_type(client, rest_api["id"])
    assert items["ACCESS_DENIED"]["defaultResponse"] is False
    for response_type in TYPES:
        if response_type != "ACCESS_DENIED":
            assert items[response_type] == _builtin(response_type)


@pytest.mark.parametrize("status", ["600", "099", "20", "4000", "abc"])
def test_put_gateway_response_invalid_status_code_is_validation_exception(
    client: Any, rest_api: dict[str, Any], status: str
) -> None:
    # spec §5.2: [INF] body member naming 'putGatewayResponseInput.statusCode'
    violation = (
        f"Value '{status}' at 'putGatewayResponseInput.statusCode' failed to satisfy constraint: {STATUS_PATTERN}"
    )
    with raises_aws("ValidationException", validation_message(violation), 400):
        client.put_gateway_response(restApiId=rest_api["id"], responseType="DEFAULT_4XX", statusCode=status)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param(ALLOW_ORIGIN, "'*'", id="header-static"),
        pytest.param("gatewayresponse.header.X-Origin", "method.request.header.Origin", id="header-from-request"),
        pytest.param("gatewayresponse.querystring.q", "method.request.querystring.q", id="querystring"),
        pytest.param("gatewayresponse.path.p", "method.request.path.p", id="path"),
        pytest.param("gatewayresponse.header.X-Stage", "stageVariables.name", id="stage-variable"),
        pytest.param("gatewayresponse.header.X-Request-Id", "context.requestId", id="context"),
    ],
)
def test_put_gateway_response_accepts_valid_mappings(
    client: Any, rest_api: dict[str, Any], key: str, value: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    body = ids.put_gateway_response(responseParameters={key: value})
    assert body["responseParameters"] == {key: value}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("method.response.header.X-A", "'a'", id="method-response-key"),
        pytest.param("gatewayresponse.body.x", "'a'", id="body-location"),
        pytest.param("Access-Control-Allow-Origin", "'*'", id="bare-header-name"),
        pytest.param(ALLOW_ORIGIN, "unquoted", id="unquoted-static"),
        pytest.param(ALLOW_ORIGIN, "integration.response.header.X", id="integration-source"),
    ],
)
def test_put_gateway_response_invalid_mapping_is_bad_request(
    client: Any, rest_api: dict[str, Any], key: str, value: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    with raises_aws("BadRequestException", status=400) as exc:
        ids.put_gateway_response(responseParameters={key: value})
    # spec §5: exact text not recorded; only the prefix is asserted
    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression")


# --- DEFAULT_4XX / DEFAULT_5XX propagation -----------------------------------------------------------------------

_P5 = {ALLOW_ORIGIN: "'*'"}
_T5 = {"application/json": '{"family": "5xx"}'}
_P_AUTH = {"gatewayresponse.header.X-Auth": "'failed'"}


def _customise_5xx(client: Any, api_id: str) -> None:
    """PUT DEFAULT_5XX {599, P, T} and PUT AUTHORIZER_FAILURE with its own parameters (spec §5.3)."""
    ids = bound(client, restApiId=api_id, statusCode="599", responseType="DEFAULT_5XX")
    ids.put_gateway_response(responseParameters=_P5, responseTemplates=_T5)
    bound(client, restApiId=api_id, responseType="AUTHORIZER_FAILURE").put_gateway_response(responseParameters=_P_AUTH)


@pytest.mark.parametrize("response_type", [t for t in FAMILY_5XX if t != "AUTHORIZER_FAILURE"])
def test_default_5xx_propagates_to_uncustomised_5xx_types(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _by_type(client, rest_api["id"])
    assert items[response_type] == {
        "defaultResponse": True,
        "responseParameters": _P5,
        "responseTemplates": _T5,
        "responseType": response_type,
        "statusCode": "599",
    }


def test_default_5xx_does_not_override_customised_type(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _by_type(client, rest_api["id"])
    assert items["AUTHORIZER_FAILURE"] == {
        "defaultResponse": False,
        "responseParameters": _P_AUTH,
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": "AUTHORIZER_FAILURE",
        "statusCode": "500",
    }


def test_default_5xx_leaves_4xx_types_untouched(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _by_type(client, rest_api["id"])
    for response_type in [*FAMILY_4XX, "DEFAULT_4XX"]:
        assert items[response_type] == _builtin(response_type)


def test_default_5xx_itself_is_not_a_default_response(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _by_type(client, rest_api["id"])
    assert items["DEFAULT_5XX"] == {
        "defaultResponse": False,
        "responseParameters": _P5,
        "responseTemplates": _T5,
        "responseType": "DEFAULT_5XX",
        "statusCode": "599",
    }


def test_default_5xx_propagation_is_visible_in_single_get(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="INTEGRATION_TIMEOUT")
    _customise_5xx(client, rest_api["id"])
    # spec §5.3: [INF] a single Get of a derived type returns the derived object
    assert ids.get_gateway_response() == {
        "defaultResponse": True,
        "responseParameters": _P5,
        "responseTemplates": _T5,
        "responseType": "INTEGRATION_TIMEOUT",
        "statusCode": "599",
    }


@pytest.mark.parametrize("response_type", FAMILY_4XX)
def test_default_4xx_propagates_to_uncustomised_4xx_types(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="499", responseType="DEFAULT_4XX")
    templates = {"application/json": '{"family": "4xx"}'}
    ids.put_gateway_response(responseParameters=_P5, responseTemplates=templates)
    items = _by_type(client, rest_api["id"])
    # spec §5.3: [INF] symmetric to the recorded DEFAULT_5XX case
    assert items[response_type] == {
        "defaultResponse": True,
        "responseParameters": _P5,
        "responseTemplates": templates,
        "responseType": response_type,
        "statusCode": "499",
    }


def test_default_4xx_leaves_5xx_types_untouched(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="499", responseType="DEFAULT_4XX")
    ids.put_gateway_response(responseParameters=_P5)
    items = _by_type(client, rest_api["id"])
    # spec §5.3: [INF] symmetric to the recorded DEFAULT_5XX case
    for response_type in [*FAMILY_5XX, "DEFAULT_5XX"]:
        assert items[response_type] == _builtin(response_type)


def test_default_4xx_without_status_code_keeps_member_status_codes(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    ids.put_gateway_response(responseParameters=_P5)
    items = _by_type(client, rest_api["id"])
    # spec §5.3: [INF] derived items keep their own default statusCode when the DEFAULT_XXX has none
    assert items["THROTTLED"] == {
        "defaultResponse": True,
        "responseParameters": _P5,
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": "THROTTLED",
        "statusCode": "429",
    }


def test_deleting_default_5xx_reverts_derived_types(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    client.delete_gateway_response(restApiId=rest_api["id"], responseType="DEFAULT_5XX")
    items = _by_type(client, rest_api["id"])
    # spec §5.3: [INF] derived items revert to the built-ins
    for response_type in ["DEFAULT_5XX", *[t for t in FAMILY_5XX if t != "AUTHORIZER_FAILURE"]]:
        assert items[response_type] == _builtin(response_type)


def test_update_of_default_5xx_propagates(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_5XX")
    ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": "598"}])
    # spec §5.4: [INF] an Update makes DEFAULT_5XX customised, which propagates like a PUT
    assert bound(client, restApiId=rest_api["id"], responseType="INTEGRATION_FAILURE").get_gateway_response() == {
        **_builtin("INTEGRATION_FAILURE"),
        "statusCode": "598",
    }


# --- UpdateGatewayResponse ---------------------------------------------------------------------------------------

_XML_ERROR = "<error>$context.error</error>"


@pytest.mark.parametrize(
    ("before", "response_type", "ops", "expected"),
    [
        pytest.param(
            None,
            "DEFAULT_4XX",
            [{"op": "replace", "path": "/statusCode", "value": "444"}],
            _custom("DEFAULT_4XX", statusCode="444"),
            id="never-put-type-patches-the-builtin",
        ),
        pytest.param(
            {"responseParameters": {ALLOW_ORIGIN: "'a.example.com'"}},
            "DEFAULT_4XX",
            [
                {"op": "replace", "path": "/statusCode", "value": "444"},
                {"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'example.com'"},
                {"op": "add", "path": "/responseTemplates/application~1xml", "value": _XML_ERROR},
            ],
            _custom(
                "DEFAULT_4XX",
                statusCode="444",
                responseParameters={ALLOW_ORIGIN: "'example.com'"},
                responseTemplates={"application/json": DEFAULT_TEMPLATE, "application/xml": _XML_ERROR},
            ),
            id="mixed-operations",
        ),
        pytest.param(
            None,
            "ACCESS_DENIED",
            [
                {"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'first'"},
                {"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'second'"},
            ],
            _custom("ACCESS_DENIED", responseParameters={ALLOW_ORIGIN: "'second'"}),
            id="operations-apply-in-order",
        ),
        pytest.param(
            None,
            "ACCESS_DENIED",
            [{"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}],
            _custom("ACCESS_DENIED", responseParameters={ALLOW_ORIGIN: "'*'"}),
            id="add-response-parameter",
        ),
        # spec §6: GatewayResponse responseParameters is always present
        pytest.param(
            {"responseParameters": {ALLOW_ORIGIN: "'*'"}},
            "ACCESS_DENIED",
            [{"op": "remove", "path": f"/responseParameters/{ALLOW_ORIGIN}"}],
            _custom("ACCESS_DENIED", responseParameters={}),
            id="remove-last-response-parameter-leaves-empty-map",
        ),
        pytest.param(
            None,
            "THROTTLED",
            [{"op": "replace", "path": "/responseTemplates/application~1json", "value": '{"slow": "down"}'}],
            _custom("THROTTLED", responseTemplates={"application/json": '{"slow": "down"}'}, statusCode="429"),
            id="replace-builtin-template",
        ),
    ],
)
def test_update_gateway_response(
    client: Any,
    rest_api: dict[str, Any],
    before: dict[str, Any] | None,
    response_type: str,
    ops: list[dict[str, Any]],
    expected: dict[str, Any],
) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType=response_type)
    if before is not None:
        ids.put_gateway_response(**before)

    resp = client.update_gateway_response(restApiId=rest_api["id"], responseType=response_type, patchOperations=ops)

    assert_saved(resp, 200, expected, ids.get_gateway_response())


def test_update_add_then_remove_template(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    bound(client, restApiId=api_id, responseType="THROTTLED").update_gateway_response(
        patchOperations=[{"op": "add", "path": "/responseTemplates/text~1plain", "value": "slow"}]
    )

    body = bound(client, restApiId=api_id, responseType="THROTTLED").update_gateway_response(
        patchOperations=[{"op": "remove", "path": "/responseTemplates/text~1plain"}]
    )

    assert body == _custom("THROTTLED")
    assert body["responseTemplates"] == {"application/json": DEFAULT_TEMPLATE}


_BOTH_MAPS = {"responseParameters": {ALLOW_ORIGIN: "'*'"}, "responseTemplates": {"application/xml": "<error/>"}}
_MAP_PATHS = {
    "template": ("/responseTemplates/application~1xml", "responseTemplates"),
    "parameter": (f"/responseParameters/{ALLOW_ORIGIN}", "responseParameters"),
}
_MEMBER = "updateGatewayResponseInput.patchOperations"
_BAD_PATHS = {
    "status-code-only-supports-replace-add": {"op": "add", "path": "/statusCode", "value": "444"},
    "status-code-only-supports-replace-remove": {"op": "remove", "path": "/statusCode", "value": "444"},
    "without-path": {"op": "replace", "value": "444"},
    "unknown-path": {"op": "replace", "path": "/wrongPath", "value": "x"},
    # spec §4.1: [INF] bare map path is an unknown path (recorded for UpdateMethod)
    "bare-map-path": {"op": "add", "path": "/responseParameters", "value": "x"},
}


@pytest.mark.parametrize(
    ("before", "response_type", "ops", "code", "message"),
    [
        # spec §4.1: [INF] remove of a missing key gives the same NotFound as replace
        *(
            pytest.param(
                None,
                "DEFAULT_5XX",
                [{"op": op, "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}],
                "NotFoundException",
                "Invalid parameter name specified",
                id=f"{op}-missing-parameter",
            )
            for op in ("replace", "remove")
        ),
        # spec §4.1/§5.4: [INF] NotFound; the text is ambiguous in the spec, so only the type is asserted
        pytest.param(
            None,
            "DEFAULT_5XX",
            [{"op": "replace", "path": "/responseTemplates/application~1xml", "value": "<x/>"}],
            "NotFoundException",
            None,
            id="replace-missing-template",
        ),
        # spec §4.1: [INF] "or empty" in the recorded text suggests "" is rejected too
        *(
            pytest.param(
                _BOTH_MAPS,
                "DEFAULT_4XX",
                [{"op": "replace", "path": path, "value": value}],
                "BadRequestException",
                f"Invalid null or empty value in {map_name}",
                id=f"replace-{name}-with-{'null' if value is None else 'empty'}-value",
            )
            for name, (path, map_name) in _MAP_PATHS.items()
            for value in (None, "")
        ),
        *(
            pytest.param(
                None,
                "DEFAULT_4XX",
                [op],
                "BadRequestException",
                f"Invalid patch path {op.get('path', 'null')}",
                id=name,
            )
            for name, op in _BAD_PATHS.items()
        ),
        pytest.param(
            None,
            "DEFAULT_4XX",
            [{"op": "wrong-op", "path": "/statusCode", "value": "444"}],
            "ValidationException",
            validation_message(op_violation(_MEMBER, "wrong-op", 1)),
            id="invalid-op",
        ),
        pytest.param(
            None,
            "DEFAULT_4XX",
            [
                {"op": "wrong-op", "path": "/statusCode", "value": "444"},
                {"op": "replace", "path": "/statusCode", "value": "445"},
                {"op": "bad", "path": "/statusCode", "value": "446"},
            ],
            "ValidationException",
            validation_message(op_violation(_MEMBER, "wrong-op", 1), op_violation(_MEMBER, "bad", 3)),
            id="invalid-ops-are-aggregated-with-one-based-indexes",
        ),
    ],
)
def test_update_rejected(
    mock: Any,
    rest_api: dict[str, Any],
    before: dict[str, Any] | None,
    response_type: str,
    ops: list[dict[str, Any]],
    code: str,
    message: str | None,
) -> None:
    raw = unvalidated_client()  # so that a null value reaches the mock
    if before is not None:
        bound(raw, restApiId=rest_api["id"], responseType=response_type).put_gateway_response(**before)

    with raises_aws(code, message, HTTP_STATUS[code]):
        bound(raw, restApiId=rest_api["id"], responseType=response_type).update_gateway_response(patchOperations=ops)


def test_update_failed_replace_does_not_customise_the_type(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_5XX")
    with raises_aws("NotFoundException"):
        ids.update_gateway_response(
            patchOperations=[{"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}]
        )
    # spec §4.1: [UNK] recommended choice (all-or-nothing: a failed update leaves no customisation behind)
    assert ids.get_gateway_response() == _builtin("DEFAULT_5XX")


def test_update_invalid_op_does_not_apply_valid_ops(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    with raises_aws("ValidationException"):
        ids.update_gateway_response(
            patchOperations=[
                {"op": "replace", "path": "/statusCode", "value": "444"},
                {"op": "wrong-op", "path": "/statusCode", "value": "445"},
            ]
        )
    # spec §4.1.1: [INF] shape validation rejects the request before any op is applied
    assert ids.get_gateway_response() == _builtin("DEFAULT_4XX")


def test_update_invalid_mapping_value_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    with raises_aws("BadRequestException") as exc:
        ids.update_gateway_response(
            patchOperations=[
                {"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "integration.response.header.X"}
            ]
        )
    # spec §5: [INF] same mapping validation as Put; exact text not recorded
    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression")


def test_update_invalid_status_code_value_is_rejected(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": "999"}])
    # spec §5: [UNK] error type/text for a bad patched status code; only a 400 is asserted
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- DeleteGatewayResponse ---------------------------------------------------------------------------------------


def test_delete_gateway_response_returns_202_and_reverts_to_builtin(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="404", responseType="MISSING_AUTHENTICATION_TOKEN")
    ids.put_gateway_response(responseParameters={ALLOW_ORIGIN: "'*'"})

    resp = client.delete_gateway_response(restApiId=rest_api["id"], responseType="MISSING_AUTHENTICATION_TOKEN")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert bound(
        client, restApiId=rest_api["id"], responseType="MISSING_AUTHENTICATION_TOKEN"
    ).get_gateway_response() == _builtin("MISSING_AUTHENTICATION_TOKEN")


@pytest.mark.parametrize("deleted_before", [pytest.param(False, id="never-customised"), pytest.param(True, id="twice")])
def test_delete_undefined_type_is_not_found(client: Any, rest_api: dict[str, Any], deleted_before: bool) -> None:
    if deleted_before:
        bound(client, restApiId=rest_api["id"], statusCode="401", responseType="ACCESS_DENIED").put_gateway_response()
        client.delete_gateway_response(restApiId=rest_api["id"], responseType="ACCESS_DENIED")

    with raises_aws("NotFoundException", NOT_DEFINED, 404):
        client.delete_gateway_response(restApiId=rest_api["id"], responseType="ACCESS_DENIED")


def test_delete_type_customised_by_update(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="QUOTA_EXCEEDED")
    ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": "430"}])
    resp = client.delete_gateway_response(restApiId=rest_api["id"], responseType="QUOTA_EXCEEDED")
    # spec §5.5: [INF] a type customised only via UpdateGatewayResponse counts as defined
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert ids.get_gateway_response() == _builtin("QUOTA_EXCEEDED")


def test_gateway_responses_are_per_api(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="401", responseType="ACCESS_DENIED")
    other = client.create_rest_api(name="other")["id"]
    ids.put_gateway_response()
    assert bound(client, restApiId=other, responseType="ACCESS_DENIED").get_gateway_response() == _builtin(
        "ACCESS_DENIED"
    )

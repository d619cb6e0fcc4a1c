"""Gateway responses (spec §5): the 21 built-in defaults, PutGatewayResponse, DEFAULT_4XX/5XX propagation,
UpdateGatewayResponse patch semantics and errors, DeleteGatewayResponse, and request validation (§1.3, §2, §4.1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import assert_aws_error, unvalidated_client
from tests.helpers import body as _body

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
OP_ENUM = "[add, remove, move, test, replace, copy]"
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


def _get(client: Any, api_id: str, response_type: str) -> dict[str, Any]:
    return _body(client.get_gateway_response(restApiId=api_id, responseType=response_type))


def _get_all(client: Any, api_id: str) -> dict[str, dict[str, Any]]:
    items = client.get_gateway_responses(restApiId=api_id)["items"]
    return {item["responseType"]: item for item in items}


def _put(client: Any, api_id: str, response_type: str, **kwargs: Any) -> dict[str, Any]:
    return _body(client.put_gateway_response(restApiId=api_id, responseType=response_type, **kwargs))


def _update(client: Any, api_id: str, response_type: str, ops: list[dict[str, Any]]) -> dict[str, Any]:
    return _body(client.update_gateway_response(restApiId=api_id, responseType=response_type, patchOperations=ops))


# --- Built-in defaults: GetGatewayResponse / GetGatewayResponses -------------------------------------------------


@pytest.mark.parametrize("response_type", sorted(TYPES))
def test_get_gateway_response_returns_builtin_default(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    resp = client.get_gateway_response(restApiId=rest_api["id"], responseType=response_type)
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == _builtin(response_type)


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


def test_get_gateway_responses_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_gateway_responses(restApiId="doesnotexi")
    assert_aws_error(
        exc, "NotFoundException", status=404, message=f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    )


def test_get_gateway_response_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.get_gateway_response(restApiId="doesnotexi", responseType="DEFAULT_4XX")
    assert_aws_error(
        exc, "NotFoundException", status=404, message=f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    )


_BAD_TYPE_CALLS: dict[str, Callable[[Any, str], Any]] = {
    "get": lambda c, api: c.get_gateway_response(restApiId=api, responseType="WRONG"),
    "put": lambda c, api: c.put_gateway_response(restApiId=api, responseType="WRONG", statusCode="400"),
    "update": lambda c, api: c.update_gateway_response(restApiId=api, responseType="WRONG", patchOperations=[]),
    "delete": lambda c, api: c.delete_gateway_response(restApiId=api, responseType="WRONG"),
}


@pytest.mark.parametrize("operation", sorted(_BAD_TYPE_CALLS))
def test_invalid_response_type_is_validation_exception(client: Any, rest_api: dict[str, Any], operation: str) -> None:
    with pytest.raises(ClientError) as exc:
        _BAD_TYPE_CALLS[operation](client, rest_api["id"])
    # spec §1.3/§5.2/§5.4: recorded for the gateway-response operations; [INF] for get and delete
    assert_aws_error(exc, "ValidationException", RESPONSE_TYPE_ERROR, 400)


def test_invalid_response_type_wins_over_missing_api(client: Any) -> None:
    with pytest.raises(ClientError) as exc:
        client.get_gateway_response(restApiId="doesnotexi", responseType="WRONG")
    # spec §1.4: shape validation precedes existence checks
    assert_aws_error(exc, "ValidationException", RESPONSE_TYPE_ERROR, 400)


# --- PutGatewayResponse ------------------------------------------------------------------------------------------


def test_put_gateway_response_returns_201_and_fills_defaults(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.put_gateway_response(restApiId=rest_api["id"], responseType="ACCESS_DENIED", statusCode="401")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert _body(resp) == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": "ACCESS_DENIED",
        "statusCode": "401",
    }


@pytest.mark.parametrize("response_type", ["MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "INTEGRATION_TIMEOUT"])
def test_put_gateway_response_only_parameters_uses_type_default_status(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    body = _put(client, rest_api["id"], response_type, responseParameters={ALLOW_ORIGIN: "'*'"})
    assert body == {
        "defaultResponse": False,
        "responseParameters": {ALLOW_ORIGIN: "'*'"},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": response_type,
        "statusCode": TYPES[response_type][0],
    }


def test_put_gateway_response_only_templates_uses_default_status_and_empty_parameters(
    client: Any, rest_api: dict[str, Any]
) -> None:
    body = _put(client, rest_api["id"], "UNAUTHORIZED", responseTemplates={"application/json": '{"error": "nope"}'})
    assert body == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": {"application/json": '{"error": "nope"}'},
        "responseType": "UNAUTHORIZED",
        "statusCode": "401",
    }


@pytest.mark.parametrize("response_type", [t for t in sorted(TYPES) if not t.startswith("DEFAULT_")])
def test_put_gateway_response_fills_builtin_status_for_every_type(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    body = _put(client, rest_api["id"], response_type, responseTemplates={"text/plain": "oops"})
    assert body == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": {"text/plain": "oops"},
        "responseType": response_type,
        "statusCode": TYPES[response_type][0],
    }


def test_put_gateway_response_echoes_all_fields(client: Any, rest_api: dict[str, Any]) -> None:
    body = _put(
        client,
        rest_api["id"],
        "BAD_REQUEST_BODY",
        statusCode="422",
        responseParameters={ALLOW_ORIGIN: "'*'", "gatewayresponse.header.X-Req": "context.requestId"},
        responseTemplates={"application/json": '{"bad": true}', "application/xml": "<bad/>"},
    )
    assert body == {
        "defaultResponse": False,
        "responseParameters": {ALLOW_ORIGIN: "'*'", "gatewayresponse.header.X-Req": "context.requestId"},
        "responseTemplates": {"application/json": '{"bad": true}', "application/xml": "<bad/>"},
        "responseType": "BAD_REQUEST_BODY",
        "statusCode": "422",
    }


def test_put_gateway_response_is_returned_by_get(client: Any, rest_api: dict[str, Any]) -> None:
    put = _put(client, rest_api["id"], "THROTTLED", statusCode="503", responseParameters={ALLOW_ORIGIN: "'*'"})
    assert _get(client, rest_api["id"], "THROTTLED") == put


def test_put_gateway_response_replaces_previous_customisation_completely(client: Any, rest_api: dict[str, Any]) -> None:
    _put(
        client,
        rest_api["id"],
        "ACCESS_DENIED",
        statusCode="401",
        responseParameters={ALLOW_ORIGIN: "'*'"},
        responseTemplates={"application/xml": "<denied/>"},
    )
    body = _put(client, rest_api["id"], "ACCESS_DENIED", responseParameters={"gatewayresponse.header.X-A": "'a'"})
    assert body == {
        "defaultResponse": False,
        "responseParameters": {"gatewayresponse.header.X-A": "'a'"},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": "ACCESS_DENIED",
        "statusCode": "403",
    }


def test_put_gateway_response_never_fills_from_default_4xx(client: Any, rest_api: dict[str, Any]) -> None:
    _put(
        client,
        rest_api["id"],
        "DEFAULT_4XX",
        statusCode="488",
        responseParameters={ALLOW_ORIGIN: "'*'"},
        responseTemplates={"application/json": '{"family": "4xx"}'},
    )
    body = _put(client, rest_api["id"], "ACCESS_DENIED", responseTemplates={"text/plain": "denied"})
    assert body == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": {"text/plain": "denied"},
        "responseType": "ACCESS_DENIED",
        "statusCode": "403",
    }


@pytest.mark.parametrize("response_type", ["DEFAULT_4XX", "DEFAULT_5XX"])
def test_put_default_family_without_status_code_has_no_status_code(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    body = _put(client, rest_api["id"], response_type, responseParameters={ALLOW_ORIGIN: "'*'"})
    # spec §5.2: [INF] DEFAULT_4XX/5XX without statusCode keep no statusCode key
    assert body == {
        "defaultResponse": False,
        "responseParameters": {ALLOW_ORIGIN: "'*'"},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": response_type,
    }


def test_put_gateway_response_leaves_other_types_default(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "ACCESS_DENIED", statusCode="401")
    items = _get_all(client, rest_api["id"])
    assert items["ACCESS_DENIED"]["defaultResponse"] is False
    for response_type in TYPES:
        if response_type != "ACCESS_DENIED":
            assert items[response_type] == _builtin(response_type)


def test_put_gateway_response_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.put_gateway_response(restApiId="doesnotexi", responseType="DEFAULT_4XX", statusCode="400")
    # spec §2: [INF] same text as the other gateway-response operations
    assert_aws_error(
        exc, "NotFoundException", status=404, message=f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    )


@pytest.mark.parametrize("status", ["600", "099", "20", "4000", "abc"])
def test_put_gateway_response_invalid_status_code_is_validation_exception(
    client: Any, rest_api: dict[str, Any], status: str
) -> None:
    with pytest.raises(ClientError) as exc:
        client.put_gateway_response(restApiId=rest_api["id"], responseType="DEFAULT_4XX", statusCode=status)
    # spec §5.2: [INF] body member naming 'putGatewayResponseInput.statusCode'
    assert_aws_error(
        exc,
        "ValidationException",
        f"1 validation error detected: Value '{status}' at 'putGatewayResponseInput.statusCode' failed to satisfy "
        r"constraint: Member must satisfy regular expression pattern: [1-5]\d\d",
        400,
    )


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
    body = _put(client, rest_api["id"], "DEFAULT_4XX", responseParameters={key: value})
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
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _put(client, rest_api["id"], "DEFAULT_4XX", responseParameters={key: value})
    # spec §5: exact text not recorded; only the prefix is asserted
    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression")


# --- DEFAULT_4XX / DEFAULT_5XX propagation -----------------------------------------------------------------------

_P5 = {ALLOW_ORIGIN: "'*'"}
_T5 = {"application/json": '{"family": "5xx"}'}
_P_AUTH = {"gatewayresponse.header.X-Auth": "'failed'"}


def _customise_5xx(client: Any, api_id: str) -> None:
    """PUT DEFAULT_5XX {599, P, T} and PUT AUTHORIZER_FAILURE with its own parameters (spec §5.3)."""
    _put(client, api_id, "DEFAULT_5XX", statusCode="599", responseParameters=_P5, responseTemplates=_T5)
    _put(client, api_id, "AUTHORIZER_FAILURE", responseParameters=_P_AUTH)


@pytest.mark.parametrize("response_type", [t for t in FAMILY_5XX if t != "AUTHORIZER_FAILURE"])
def test_default_5xx_propagates_to_uncustomised_5xx_types(
    client: Any, rest_api: dict[str, Any], response_type: str
) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _get_all(client, rest_api["id"])
    assert items[response_type] == {
        "defaultResponse": True,
        "responseParameters": _P5,
        "responseTemplates": _T5,
        "responseType": response_type,
        "statusCode": "599",
    }


def test_default_5xx_does_not_override_customised_type(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _get_all(client, rest_api["id"])
    assert items["AUTHORIZER_FAILURE"] == {
        "defaultResponse": False,
        "responseParameters": _P_AUTH,
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": "AUTHORIZER_FAILURE",
        "statusCode": "500",
    }


def test_default_5xx_leaves_4xx_types_untouched(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _get_all(client, rest_api["id"])
    for response_type in [*FAMILY_4XX, "DEFAULT_4XX"]:
        assert items[response_type] == _builtin(response_type)


def test_default_5xx_itself_is_not_a_default_response(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    items = _get_all(client, rest_api["id"])
    assert items["DEFAULT_5XX"] == {
        "defaultResponse": False,
        "responseParameters": _P5,
        "responseTemplates": _T5,
        "responseType": "DEFAULT_5XX",
        "statusCode": "599",
    }


def test_default_5xx_propagation_is_visible_in_single_get(client: Any, rest_api: dict[str, Any]) -> None:
    _customise_5xx(client, rest_api["id"])
    # spec §5.3: [INF] a single Get of a derived type returns the derived object
    assert _get(client, rest_api["id"], "INTEGRATION_TIMEOUT") == {
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
    templates = {"application/json": '{"family": "4xx"}'}
    _put(client, rest_api["id"], "DEFAULT_4XX", statusCode="499", responseParameters=_P5, responseTemplates=templates)
    items = _get_all(client, rest_api["id"])
    # spec §5.3: [INF] symmetric to the recorded DEFAULT_5XX case
    assert items[response_type] == {
        "defaultResponse": True,
        "responseParameters": _P5,
        "responseTemplates": templates,
        "responseType": response_type,
        "statusCode": "499",
    }


def test_default_4xx_leaves_5xx_types_untouched(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "DEFAULT_4XX", statusCode="499", responseParameters=_P5)
    items = _get_all(client, rest_api["id"])
    # spec §5.3: [INF] symmetric to the recorded DEFAULT_5XX case
    for response_type in [*FAMILY_5XX, "DEFAULT_5XX"]:
        assert items[response_type] == _builtin(response_type)


def test_default_4xx_without_status_code_keeps_member_status_codes(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "DEFAULT_4XX", responseParameters=_P5)
    items = _get_all(client, rest_api["id"])
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
    items = _get_all(client, rest_api["id"])
    # spec §5.3: [INF] derived items revert to the built-ins
    for response_type in ["DEFAULT_5XX", *[t for t in FAMILY_5XX if t != "AUTHORIZER_FAILURE"]]:
        assert items[response_type] == _builtin(response_type)


def test_update_of_default_5xx_propagates(client: Any, rest_api: dict[str, Any]) -> None:
    _update(client, rest_api["id"], "DEFAULT_5XX", [{"op": "replace", "path": "/statusCode", "value": "598"}])
    # spec §5.4: [INF] an Update makes DEFAULT_5XX customised, which propagates like a PUT
    assert _get(client, rest_api["id"], "INTEGRATION_FAILURE") == {
        **_builtin("INTEGRATION_FAILURE"),
        "statusCode": "598",
    }


# --- UpdateGatewayResponse ---------------------------------------------------------------------------------------


def test_update_on_never_put_type_applies_patch_to_builtin(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.update_gateway_response(
        restApiId=rest_api["id"],
        responseType="DEFAULT_4XX",
        patchOperations=[{"op": "replace", "path": "/statusCode", "value": "444"}],
    )
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _body(resp) == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": "DEFAULT_4XX",
        "statusCode": "444",
    }


def test_update_is_persisted(client: Any, rest_api: dict[str, Any]) -> None:
    updated = _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "replace", "path": "/statusCode", "value": "444"}])
    assert _get(client, rest_api["id"], "DEFAULT_4XX") == updated


def test_update_applies_mixed_operations(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "DEFAULT_4XX", responseParameters={ALLOW_ORIGIN: "'a.example.com'"})
    body = _update(
        client,
        rest_api["id"],
        "DEFAULT_4XX",
        [
            {"op": "replace", "path": "/statusCode", "value": "444"},
            {"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'example.com'"},
            {"op": "add", "path": "/responseTemplates/application~1xml", "value": "<error>$context.error</error>"},
        ],
    )
    assert body == {
        "defaultResponse": False,
        "responseParameters": {ALLOW_ORIGIN: "'example.com'"},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE, "application/xml": "<error>$context.error</error>"},
        "responseType": "DEFAULT_4XX",
        "statusCode": "444",
    }


def test_update_applies_operations_in_order(client: Any, rest_api: dict[str, Any]) -> None:
    body = _update(
        client,
        rest_api["id"],
        "ACCESS_DENIED",
        [
            {"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'first'"},
            {"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'second'"},
        ],
    )
    assert body["responseParameters"] == {ALLOW_ORIGIN: "'second'"}


def test_update_add_response_parameter(client: Any, rest_api: dict[str, Any]) -> None:
    body = _update(
        client,
        rest_api["id"],
        "ACCESS_DENIED",
        [{"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}],
    )
    assert body == {**_builtin("ACCESS_DENIED"), "defaultResponse": False, "responseParameters": {ALLOW_ORIGIN: "'*'"}}


def test_update_remove_last_response_parameter_leaves_empty_map(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "ACCESS_DENIED", responseParameters={ALLOW_ORIGIN: "'*'"})
    body = _update(
        client, rest_api["id"], "ACCESS_DENIED", [{"op": "remove", "path": f"/responseParameters/{ALLOW_ORIGIN}"}]
    )
    # spec §6: GatewayResponse responseParameters is always present
    assert body["responseParameters"] == {}


def test_update_replace_builtin_template(client: Any, rest_api: dict[str, Any]) -> None:
    body = _update(
        client,
        rest_api["id"],
        "THROTTLED",
        [{"op": "replace", "path": "/responseTemplates/application~1json", "value": '{"slow": "down"}'}],
    )
    assert body["responseTemplates"] == {"application/json": '{"slow": "down"}'}
    assert body["statusCode"] == "429"


def test_update_add_then_remove_template(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    _update(client, api_id, "THROTTLED", [{"op": "add", "path": "/responseTemplates/text~1plain", "value": "slow"}])
    body = _update(client, api_id, "THROTTLED", [{"op": "remove", "path": "/responseTemplates/text~1plain"}])
    assert body["responseTemplates"] == {"application/json": DEFAULT_TEMPLATE}


@pytest.mark.parametrize("op", ["add", "remove"])
def test_update_status_code_only_supports_replace(client: Any, rest_api: dict[str, Any], op: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": op, "path": "/statusCode", "value": "444"}])
    assert_aws_error(exc, "BadRequestException", "Invalid patch path /statusCode", 400)


def test_update_replace_missing_parameter_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client,
            rest_api["id"],
            "DEFAULT_5XX",
            [{"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}],
        )
    assert_aws_error(exc, "NotFoundException", "Invalid parameter name specified", 404)


def test_update_remove_missing_parameter_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client, rest_api["id"], "DEFAULT_5XX", [{"op": "remove", "path": f"/responseParameters/{ALLOW_ORIGIN}"}]
        )
    # spec §4.1: [INF] remove of a missing key gives the same NotFound as replace
    assert_aws_error(exc, "NotFoundException", "Invalid parameter name specified", 404)


def test_update_replace_missing_template_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    # spec §4.1/§5.4: [INF] NotFound; the text is ambiguous in the spec, so only the type is asserted
    with pytest.raises(client.exceptions.NotFoundException):
        _update(
            client,
            rest_api["id"],
            "DEFAULT_5XX",
            [{"op": "replace", "path": "/responseTemplates/application~1xml", "value": "<x/>"}],
        )


def test_update_failed_replace_does_not_customise_the_type(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException):
        _update(
            client,
            rest_api["id"],
            "DEFAULT_5XX",
            [{"op": "replace", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}],
        )
    # spec §4.1: [UNK] recommended choice (all-or-nothing: a failed update leaves no customisation behind)
    assert _get(client, rest_api["id"], "DEFAULT_5XX") == _builtin("DEFAULT_5XX")


@pytest.mark.parametrize(
    ("path", "map_name"),
    [
        pytest.param("/responseTemplates/application~1xml", "responseTemplates", id="template"),
        pytest.param(f"/responseParameters/{ALLOW_ORIGIN}", "responseParameters", id="parameter"),
    ],
)
def test_update_replace_with_null_value_is_bad_request(
    mock: Any, rest_api: dict[str, Any], path: str, map_name: str
) -> None:
    raw = unvalidated_client()
    _put(
        raw,
        rest_api["id"],
        "DEFAULT_4XX",
        responseParameters={ALLOW_ORIGIN: "'*'"},
        responseTemplates={"application/xml": "<error/>"},
    )
    with pytest.raises(ClientError) as exc:
        _update(raw, rest_api["id"], "DEFAULT_4XX", [{"op": "replace", "path": path, "value": None}])
    assert_aws_error(exc, "BadRequestException", f"Invalid null or empty value in {map_name}", 400)


@pytest.mark.parametrize(
    ("path", "map_name"),
    [
        pytest.param("/responseTemplates/application~1xml", "responseTemplates", id="template"),
        pytest.param(f"/responseParameters/{ALLOW_ORIGIN}", "responseParameters", id="parameter"),
    ],
)
def test_update_replace_with_empty_value_is_bad_request(
    client: Any, rest_api: dict[str, Any], path: str, map_name: str
) -> None:
    _put(
        client,
        rest_api["id"],
        "DEFAULT_4XX",
        responseParameters={ALLOW_ORIGIN: "'*'"},
        responseTemplates={"application/xml": "<error/>"},
    )
    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "replace", "path": path, "value": ""}])
    # spec §4.1: [INF] "or empty" in the recorded text suggests "" is rejected too
    assert_aws_error(exc, "BadRequestException", f"Invalid null or empty value in {map_name}", 400)


def test_update_without_path_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "replace", "value": "444"}])
    assert_aws_error(exc, "BadRequestException", "Invalid patch path null", 400)


def test_update_unknown_path_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "replace", "path": "/wrongPath", "value": "x"}])
    assert_aws_error(exc, "BadRequestException", "Invalid patch path /wrongPath", 400)


def test_update_bare_map_path_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "add", "path": "/responseParameters", "value": "x"}])
    # spec §4.1: [INF] bare map path is an unknown path (recorded for UpdateMethod)
    assert_aws_error(exc, "BadRequestException", "Invalid patch path /responseParameters", 400)


def test_update_invalid_op_is_validation_exception(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "wrong-op", "path": "/statusCode", "value": "444"}])
    assert_aws_error(
        exc,
        "ValidationException",
        "1 validation error detected: Value 'wrong-op' at 'updateGatewayResponseInput.patchOperations.1.member.op' "
        f"failed to satisfy constraint: Member must satisfy enum value set: {OP_ENUM}",
        400,
    )


def test_update_invalid_ops_are_aggregated_with_one_based_indexes(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        _update(
            client,
            rest_api["id"],
            "DEFAULT_4XX",
            [
                {"op": "wrong-op", "path": "/statusCode", "value": "444"},
                {"op": "replace", "path": "/statusCode", "value": "445"},
                {"op": "bad", "path": "/statusCode", "value": "446"},
            ],
        )
    assert_aws_error(
        exc,
        "ValidationException",
        "2 validation errors detected: "
        "Value 'wrong-op' at 'updateGatewayResponseInput.patchOperations.1.member.op' failed to satisfy constraint: "
        f"Member must satisfy enum value set: {OP_ENUM}; "
        "Value 'bad' at 'updateGatewayResponseInput.patchOperations.3.member.op' failed to satisfy constraint: "
        f"Member must satisfy enum value set: {OP_ENUM}",
        400,
    )


def test_update_invalid_op_does_not_apply_valid_ops(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError):
        _update(
            client,
            rest_api["id"],
            "DEFAULT_4XX",
            [
                {"op": "replace", "path": "/statusCode", "value": "444"},
                {"op": "wrong-op", "path": "/statusCode", "value": "445"},
            ],
        )
    # spec §4.1.1: [INF] shape validation rejects the request before any op is applied
    assert _get(client, rest_api["id"], "DEFAULT_4XX") == _builtin("DEFAULT_4XX")


def test_update_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, "doesnotexi", "DEFAULT_4XX", [])
    assert_aws_error(
        exc, "NotFoundException", status=404, message=f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    )


def test_update_invalid_mapping_value_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            "DEFAULT_4XX",
            [{"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "integration.response.header.X"}],
        )
    # spec §5: [INF] same mapping validation as Put; exact text not recorded
    assert exc.value.response["Error"]["Message"].startswith("Invalid mapping expression")


def test_update_invalid_status_code_value_is_rejected(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], "DEFAULT_4XX", [{"op": "replace", "path": "/statusCode", "value": "999"}])
    # spec §5: [UNK] error type/text for a bad patched status code; only a 400 is asserted
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


# --- DeleteGatewayResponse ---------------------------------------------------------------------------------------


def test_delete_gateway_response_returns_202(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "MISSING_AUTHENTICATION_TOKEN", statusCode="404")
    resp = client.delete_gateway_response(restApiId=rest_api["id"], responseType="MISSING_AUTHENTICATION_TOKEN")
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202


def test_delete_gateway_response_reverts_to_builtin(client: Any, rest_api: dict[str, Any]) -> None:
    _put(
        client,
        rest_api["id"],
        "MISSING_AUTHENTICATION_TOKEN",
        statusCode="404",
        responseParameters={ALLOW_ORIGIN: "'*'"},
    )
    client.delete_gateway_response(restApiId=rest_api["id"], responseType="MISSING_AUTHENTICATION_TOKEN")
    assert _get(client, rest_api["id"], "MISSING_AUTHENTICATION_TOKEN") == _builtin("MISSING_AUTHENTICATION_TOKEN")


def test_delete_never_customised_type_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_gateway_response(restApiId=rest_api["id"], responseType="ACCESS_DENIED")
    assert_aws_error(exc, "NotFoundException", "Gateway response type not defined on api", 404)


def test_delete_gateway_response_twice_is_not_found(client: Any, rest_api: dict[str, Any]) -> None:
    _put(client, rest_api["id"], "ACCESS_DENIED", statusCode="401")
    client.delete_gateway_response(restApiId=rest_api["id"], responseType="ACCESS_DENIED")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_gateway_response(restApiId=rest_api["id"], responseType="ACCESS_DENIED")
    assert_aws_error(exc, "NotFoundException", "Gateway response type not defined on api", 404)


def test_delete_type_customised_by_update(client: Any, rest_api: dict[str, Any]) -> None:
    _update(client, rest_api["id"], "QUOTA_EXCEEDED", [{"op": "replace", "path": "/statusCode", "value": "430"}])
    resp = client.delete_gateway_response(restApiId=rest_api["id"], responseType="QUOTA_EXCEEDED")
    # spec §5.5: [INF] a type customised only via UpdateGatewayResponse counts as defined
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert _get(client, rest_api["id"], "QUOTA_EXCEEDED") == _builtin("QUOTA_EXCEEDED")


def test_delete_gateway_response_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        client.delete_gateway_response(restApiId="doesnotexi", responseType="DEFAULT_4XX")
    assert_aws_error(
        exc, "NotFoundException", status=404, message=f"Invalid API identifier specified {ACCOUNT_ID}:doesnotexi"
    )


def test_gateway_responses_are_per_api(client: Any, rest_api: dict[str, Any]) -> None:
    other = client.create_rest_api(name="other")["id"]
    _put(client, rest_api["id"], "ACCESS_DENIED", statusCode="401")
    assert _get(client, other, "ACCESS_DENIED") == _builtin("ACCESS_DENIED")

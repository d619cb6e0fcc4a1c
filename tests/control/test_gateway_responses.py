"""Gateway responses (spec §5): the 21 built-in defaults, PutGatewayResponse, DEFAULT_4XX/5XX propagation,
DeleteGatewayResponse, and request validation (§1.3, §2, §4.1). The last section holds the Put texts we chose
where the spec has none (from the former test_gateway_responses_extra.py).

UpdateGatewayResponse: test_gateway_response_updates.py; arbitrary input: test_gateway_response_properties.py;
the domain's catalogue (types, families, mapping checks): tests/domain/test_gateway_response_catalogue.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import (
    STATUS_PATTERN,
    assert_reply,
    assert_saved,
    error_of,
    raises_aws,
    unvalidated_client,
    validation_message,
)
from tests.helpers import body as _body
from tests.support.calls import bound
from tests.support.gateway_responses import (
    ALLOW_ORIGIN,
    DEFAULT_TEMPLATE,
    DEFAULT_TEMPLATES,
    FAMILY_4XX,
    FAMILY_5XX,
    TYPES,
    builtin,
    custom,
)

ACCOUNT_ID = "123456789012"
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
    assert_reply(resp, 200, builtin(response_type))


def test_get_gateway_responses_returns_all_21_defaults(client: Any, rest_api: dict[str, Any]) -> None:
    resp = client.get_gateway_responses(restApiId=rest_api["id"])
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert "position" not in resp
    items = resp["items"]
    assert len(items) == 21
    assert sorted(items, key=lambda i: i["responseType"]) == [builtin(t) for t in sorted(TYPES)]


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
            custom("ACCESS_DENIED", statusCode="401"),
            id="fills-defaults",
        ),
        *(
            pytest.param(
                None,
                response_type,
                {"responseParameters": {ALLOW_ORIGIN: "'*'"}},
                custom(response_type, responseParameters={ALLOW_ORIGIN: "'*'"}),
                id=f"only-parameters-{response_type}-uses-type-default-status",
            )
            for response_type in ("MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "INTEGRATION_TIMEOUT")
        ),
        pytest.param(
            None,
            "UNAUTHORIZED",
            {"responseTemplates": {"application/json": '{"error": "nope"}'}},
            custom("UNAUTHORIZED", responseTemplates={"application/json": '{"error": "nope"}'}, statusCode="401"),
            id="only-templates-uses-default-status-and-empty-parameters",
        ),
        *(
            pytest.param(
                None,
                response_type,
                {"responseTemplates": {"text/plain": "oops"}},
                custom(response_type, responseTemplates={"text/plain": "oops"}),
                id=f"fills-builtin-status-{response_type}",
            )
            for response_type in sorted(TYPES)
            if not response_type.startswith("DEFAULT_")
        ),
        pytest.param(
            None, "BAD_REQUEST_BODY", _ALL_FIELDS, custom("BAD_REQUEST_BODY", **_ALL_FIELDS), id="echoes-all-fields"
        ),
        pytest.param(
            None,
            "THROTTLED",
            {"statusCode": "503", "responseParameters": {ALLOW_ORIGIN: "'*'"}},
            custom("THROTTLED", statusCode="503", responseParameters={ALLOW_ORIGIN: "'*'"}),
            id="is-returned-by-get",
        ),
        pytest.param(
            ("ACCESS_DENIED", _DENIED_BEFORE),
            "ACCESS_DENIED",
            {"responseParameters": {"gatewayresponse.header.X-A": "'a'"}},
            custom("ACCESS_DENIED", responseParameters={"gatewayresponse.header.X-A": "'a'"}, statusCode="403"),
            id="replaces-previous-customisation-completely",
        ),
        pytest.param(
            ("DEFAULT_4XX", _DEFAULT_4XX_BEFORE),
            "ACCESS_DENIED",
            {"responseTemplates": {"text/plain": "denied"}},
            custom("ACCESS_DENIED", responseTemplates={"text/plain": "denied"}, statusCode="403"),
            id="never-fills-from-default-4xx",
        ),
        # spec §5.2: [INF] DEFAULT_4XX/5XX without statusCode keep no statusCode key
        *(
            pytest.param(
                None,
                response_type,
                {"responseParameters": {ALLOW_ORIGIN: "'*'"}},
                custom(response_type, responseParameters={ALLOW_ORIGIN: "'*'"}),
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
            assert items[response_type] == builtin(response_type)


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
        assert items[response_type] == builtin(response_type)


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
        assert items[response_type] == builtin(response_type)


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
        assert items[response_type] == builtin(response_type)


def test_update_of_default_5xx_propagates(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_5XX")
    ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": "598"}])
    # spec §5.4: [INF] an Update makes DEFAULT_5XX customised, which propagates like a PUT
    assert bound(client, restApiId=rest_api["id"], responseType="INTEGRATION_FAILURE").get_gateway_response() == {
        **builtin("INTEGRATION_FAILURE"),
        "statusCode": "598",
    }


# --- DeleteGatewayResponse ---------------------------------------------------------------------------------------


def test_delete_gateway_response_returns_202_and_reverts_to_builtin(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="404", responseType="MISSING_AUTHENTICATION_TOKEN")
    ids.put_gateway_response(responseParameters={ALLOW_ORIGIN: "'*'"})

    resp = client.delete_gateway_response(restApiId=rest_api["id"], responseType="MISSING_AUTHENTICATION_TOKEN")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert bound(
        client, restApiId=rest_api["id"], responseType="MISSING_AUTHENTICATION_TOKEN"
    ).get_gateway_response() == builtin("MISSING_AUTHENTICATION_TOKEN")


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
    assert ids.get_gateway_response() == builtin("QUOTA_EXCEEDED")


def test_gateway_responses_are_per_api(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], statusCode="401", responseType="ACCESS_DENIED")
    other = client.create_rest_api(name="other")["id"]
    ids.put_gateway_response()
    assert bound(client, restApiId=other, responseType="ACCESS_DENIED").get_gateway_response() == builtin(
        "ACCESS_DENIED"
    )


# --- PutGatewayResponse: texts we chose where the spec has none ([UNK]/[INF], marked per test) ------------------------


def test_put_invalid_mapping_text(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        client.put_gateway_response(
            restApiId=rest_api["id"], responseType="DEFAULT_4XX", responseParameters={ALLOW_ORIGIN: "unquoted"}
        )
    # [UNK] exact text; the family recorded for PutMethod mapping expressions (spec §3.3)
    assert error_of(exc) == (
        "BadRequestException",
        "Invalid mapping expression specified: Validation Result: warnings : [], "
        "errors : [Invalid mapping expression specified: unquoted]",
    )


@pytest.mark.parametrize(
    ("member", "message"),
    [
        ("responseParameters", "Invalid null or empty value in responseParameters"),
        ("responseTemplates", "Invalid null or empty value in responseTemplates"),
    ],
)
@pytest.mark.parametrize("value", [None, ""])
def test_put_null_or_empty_map_value_is_bad_request(
    client: Any, rest_api: dict[str, Any], member: str, message: str, value: str | None
) -> None:
    raw = unvalidated_client()
    ids = bound(raw, restApiId=rest_api["id"], responseType="THROTTLED")
    key = ALLOW_ORIGIN if member == "responseParameters" else "application/json"
    with pytest.raises(ClientError) as exc:
        raw.put_gateway_response(restApiId=rest_api["id"], responseType="THROTTLED", **{member: {key: value}})
    # [INF] the recorded UpdateGatewayResponse texts (spec §5.4), applied to PUT as well
    assert error_of(exc) == ("BadRequestException", message)
    assert ids.get_gateway_response()["defaultResponse"] is True


def test_put_empty_templates_are_kept_empty(client: Any, rest_api: dict[str, Any]) -> None:
    body = _body(client.put_gateway_response(restApiId=rest_api["id"], responseType="THROTTLED", responseTemplates={}))
    # [INF] an explicitly supplied empty map is a supplied value, not a missing one
    assert body["responseTemplates"] == {}


def test_put_on_derived_type_starts_from_built_in(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    client.put_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX", statusCode="499")
    body = _body(client.put_gateway_response(restApiId=api_id, responseType="THROTTLED"))
    assert body == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": DEFAULT_TEMPLATES,
        "responseType": "THROTTLED",
        "statusCode": "429",
    }

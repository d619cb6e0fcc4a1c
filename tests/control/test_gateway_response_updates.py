"""UpdateGatewayResponse (spec §5.4, §4.1): patch semantics per path and op, the rejected patches and their
texts, atomicity, and Update starting from a built-in or derived (DEFAULT_4XX/5XX) response.

The last section comes from the former test_gateway_responses_extra.py: where AWS's text is not recorded, the
test says which choice it pins ([UNK]/[INF]).
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from apigw_mock.domain.mapping import invalid_expression as invalid_mapping
from tests.helpers import (
    HTTP_STATUS,
    assert_saved,
    error_of,
    op_violation,
    raises_aws,
    unvalidated_client,
    validation_message,
)
from tests.support.calls import bound
from tests.support.gateway_responses import ALLOW_ORIGIN, DEFAULT_TEMPLATE, DEFAULT_TEMPLATES, builtin, custom

# --- UpdateGatewayResponse ---------------------------------------------------------------------------------------

_XML_ERROR = "<error>$context.error</error>"


@pytest.mark.parametrize(
    ("before", "response_type", "ops", "expected"),
    [
        pytest.param(
            None,
            "DEFAULT_4XX",
            [{"op": "replace", "path": "/statusCode", "value": "444"}],
            custom("DEFAULT_4XX", statusCode="444"),
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
            custom(
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
            custom("ACCESS_DENIED", responseParameters={ALLOW_ORIGIN: "'second'"}),
            id="operations-apply-in-order",
        ),
        pytest.param(
            None,
            "ACCESS_DENIED",
            [{"op": "add", "path": f"/responseParameters/{ALLOW_ORIGIN}", "value": "'*'"}],
            custom("ACCESS_DENIED", responseParameters={ALLOW_ORIGIN: "'*'"}),
            id="add-response-parameter",
        ),
        # spec §6: GatewayResponse responseParameters is always present
        pytest.param(
            {"responseParameters": {ALLOW_ORIGIN: "'*'"}},
            "ACCESS_DENIED",
            [{"op": "remove", "path": f"/responseParameters/{ALLOW_ORIGIN}"}],
            custom("ACCESS_DENIED", responseParameters={}),
            id="remove-last-response-parameter-leaves-empty-map",
        ),
        pytest.param(
            None,
            "THROTTLED",
            [{"op": "replace", "path": "/responseTemplates/application~1json", "value": '{"slow": "down"}'}],
            custom("THROTTLED", responseTemplates={"application/json": '{"slow": "down"}'}, statusCode="429"),
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
    ids = bound(client, restApiId=api_id, responseType="THROTTLED")
    ids.update_gateway_response(
        patchOperations=[{"op": "add", "path": "/responseTemplates/text~1plain", "value": "slow"}]
    )

    body = ids.update_gateway_response(patchOperations=[{"op": "remove", "path": "/responseTemplates/text~1plain"}])

    assert body == custom("THROTTLED")
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
    assert ids.get_gateway_response() == builtin("DEFAULT_5XX")


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
    assert ids.get_gateway_response() == builtin("DEFAULT_4XX")


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


# --- UpdateGatewayResponse from a derived type, edge paths, and the texts we chose ([UNK]/[INF], per test) ------------


def test_update_of_derived_type_starts_from_what_get_shows(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id, responseType="THROTTLED")
    client.put_gateway_response(
        restApiId=api_id, responseType="DEFAULT_4XX", statusCode="499", responseParameters={ALLOW_ORIGIN: "'*'"}
    )
    body = ids.update_gateway_response(
        patchOperations=[{"op": "add", "path": "/responseTemplates/text~1plain", "value": "t"}]
    )
    assert body == {
        "defaultResponse": False,
        "responseParameters": {ALLOW_ORIGIN: "'*'"},
        "responseTemplates": {**DEFAULT_TEMPLATES, "text/plain": "t"},
        "responseType": "THROTTLED",
        "statusCode": "499",
    }
    client.delete_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX")
    assert ids.get_gateway_response() == body  # its own customisation now, independent of DEFAULT_4XX


def test_update_with_no_operations_customises_the_type(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id, responseType="WAF_FILTERED")
    body = ids.update_gateway_response(patchOperations=[])
    assert body == {
        "defaultResponse": False,
        "responseParameters": {},
        "responseTemplates": DEFAULT_TEMPLATES,
        "responseType": "WAF_FILTERED",
        "statusCode": "403",
    }
    assert (
        client.delete_gateway_response(restApiId=api_id, responseType="WAF_FILTERED")["ResponseMetadata"][
            "HTTPStatusCode"
        ]
        == 202
    )


def test_deleting_default_4xx_customised_by_update_reverts_family(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id, responseType="DEFAULT_4XX")
    ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": "444"}])
    assert bound(client, restApiId=api_id, responseType="UNAUTHORIZED").get_gateway_response()["statusCode"] == "444"
    client.delete_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX")
    assert bound(client, restApiId=api_id, responseType="UNAUTHORIZED").get_gateway_response()["statusCode"] == "401"
    assert "statusCode" not in ids.get_gateway_response()


@pytest.mark.parametrize("value", ["600", "44", "4444", "abc", "", "4٣٣"])
def test_update_invalid_status_code_text(client: Any, rest_api: dict[str, Any], value: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": value}])
    # [UNK] text: ours (spec §5 gives none); digits are ASCII only, like the service's Java pattern
    assert error_of(exc) == ("BadRequestException", f"Invalid status code specified: {value}. Must match [1-5]\\d\\d")


def test_update_null_status_code_is_bad_request(client: Any, rest_api: dict[str, Any]) -> None:
    raw = unvalidated_client()
    ids = bound(raw, restApiId=rest_api["id"], responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": None}])
    assert error_of(exc) == ("BadRequestException", "Invalid status code specified: None. Must match [1-5]\\d\\d")


@pytest.mark.parametrize("op", ["move", "copy", "test"])
@pytest.mark.parametrize("path", ["/statusCode", "/responseTemplates/application~1json"])
def test_update_unsupported_op_is_invalid_path(client: Any, rest_api: dict[str, Any], op: str, path: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": op, "path": path, "from": "/statusCode"}])
    # [UNK] spec §4.1: the operation's unsupported-op text, which for gateway responses is the path text
    assert error_of(exc) == ("BadRequestException", f"Invalid patch path {path}")


def test_update_missing_template_text(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "remove", "path": "/responseTemplates/application~1xml"}])
    # [INF] spec §5.4: "Same for templates"
    assert error_of(exc) == ("NotFoundException", "Invalid parameter name specified")


def test_update_unescaped_slash_in_key_is_unknown_path(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    path = "/responseTemplates/application/xml"
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "add", "path": path, "value": "<x/>"}])
    assert error_of(exc) == ("BadRequestException", f"Invalid patch path {path}")


def test_update_decodes_tilde_escapes(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    body = ids.update_gateway_response(
        patchOperations=[{"op": "add", "path": "/responseTemplates/a~0b~1c", "value": "x"}]
    )
    assert body["responseTemplates"] == {**DEFAULT_TEMPLATES, "a~b/c": "x"}


def test_update_removing_every_template_leaves_empty_map(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    body = ids.update_gateway_response(
        patchOperations=[{"op": "remove", "path": "/responseTemplates/application~1json"}]
    )
    # [INF] spec §6: the gateway-response maps are always present
    assert body["responseTemplates"] == {}
    assert ids.get_gateway_response()["responseTemplates"] == {}


def test_update_invalid_parameter_key_text(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    path = "/responseParameters/method.response.header.X"
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "add", "path": path, "value": "'*'"}])
    assert error_of(exc) == ("BadRequestException", invalid_mapping("method.response.header.X"))


def test_update_missing_api_with_operations_is_not_found(client: Any) -> None:
    ids = bound(client, restApiId="nope", responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/wrongPath", "value": "x"}])
    assert error_of(exc) == ("NotFoundException", "Invalid API identifier specified 123456789012:nope")


def test_failed_update_of_customised_type_keeps_it(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id, responseType="THROTTLED")
    client.put_gateway_response(restApiId=api_id, responseType="THROTTLED", statusCode="430")
    before = ids.get_gateway_response()
    with pytest.raises(ClientError):
        ids.update_gateway_response(
            patchOperations=[
                {"op": "replace", "path": "/statusCode", "value": "431"},
                {"op": "replace", "path": "/wrongPath", "value": "x"},
            ]
        )
    assert ids.get_gateway_response() == before

"""Gateway responses beyond tests/test_gateway_responses.py: the catalogue itself, the texts we chose where the
spec has none ([UNK]/[INF], marked per test), Update starting from a derived response, and edge paths.
"""

from __future__ import annotations

import typing
from typing import Any

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from apigw_mock.domain.enums import GatewayResponseType
from apigw_mock.domain.gateway_response import BUILT_IN, GatewayResponse, effective
from apigw_mock.domain.mapping import gateway_response_parameter_reason as mapping_violation
from apigw_mock.domain.mapping import invalid_expression as invalid_mapping
from apigw_mock.protocol.validation import AWS_ENUM_ORDER
from tests.helpers import body as _body
from tests.support.calls import bound

DEFAULT_TEMPLATES = {"application/json": '{"message":$context.error.messageString}'}
ALLOW_ORIGIN = "gatewayresponse.header.Access-Control-Allow-Origin"


def _error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    return exc.value.response["Error"]["Code"], exc.value.response["Error"]["Message"]


@pytest.fixture
def raw(mock: Any) -> Any:
    """A client without botocore's parameter validation, to send JSON nulls."""
    return boto3.client(
        "apigateway", region_name="us-east-1", config=botocore.config.Config(parameter_validation=False)
    )


# --- the catalogue (pure) -----------------------------------------------------------------------------------------


def test_catalogue_lists_every_type_in_aws_enum_order() -> None:
    assert tuple(BUILT_IN) == AWS_ENUM_ORDER["GatewayResponseType"]
    assert set(BUILT_IN) == set(typing.get_args(GatewayResponseType))


@pytest.mark.parametrize("response_type", list(BUILT_IN))
def test_catalogue_family_matches_status_class(response_type: GatewayResponseType) -> None:
    status, family = BUILT_IN[response_type]
    if response_type.startswith("DEFAULT_"):
        assert (status, family) == (None, None)
    else:
        assert status is not None and family == f"DEFAULT_{status[0]}XX"


def test_effective_prefers_customisation_over_family_default() -> None:
    family = GatewayResponse.put("DEFAULT_5XX", "599")
    own = GatewayResponse.put("AUTHORIZER_FAILURE", "501")
    customised = {"DEFAULT_5XX": family, "AUTHORIZER_FAILURE": own}
    assert effective(customised, "AUTHORIZER_FAILURE") is own
    assert effective(customised, "INTEGRATION_FAILURE").status_code == "599"
    assert effective(customised, "THROTTLED") == GatewayResponse.built_in("THROTTLED")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (ALLOW_ORIGIN, "''"),
        ("gatewayresponse.header.X", "method.request.multivalueheader.X"),
        ("gatewayresponse.querystring.q", "method.request.multivaluequerystring.q"),
        ("gatewayresponse.header.X", "context.authorizer.principalId"),
        ("gatewayresponse.header.X", "'it''s a static value'"),
    ],
)
def test_mapping_accepts(key: str, value: str) -> None:
    assert mapping_violation(key, value) is None


@pytest.mark.parametrize(
    ("key", "value", "rejected"),
    [
        ("gatewayresponse.header.", "'*'", "gatewayresponse.header."),
        ("gatewayresponse.header.X Y", "'*'", "gatewayresponse.header.X Y"),
        ("gatewayresponse.header.X", "method.request.body.x", "method.request.body.x"),
        ("gatewayresponse.header.X", "'unterminated", "'unterminated"),
        ("gatewayresponse.header.X", "stageVariables.", "stageVariables."),
    ],
)
def test_mapping_rejects_the_first_bad_part(key: str, value: str, rejected: str) -> None:
    assert mapping_violation(key, value) == invalid_mapping(rejected)


# --- PutGatewayResponse -------------------------------------------------------------------------------------------


def test_put_invalid_mapping_text(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as exc:
        client.put_gateway_response(
            restApiId=rest_api["id"], responseType="DEFAULT_4XX", responseParameters={ALLOW_ORIGIN: "unquoted"}
        )
    # [UNK] exact text; the family recorded for PutMethod mapping expressions (spec §3.3)
    assert _error(exc) == (
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
    raw: Any, rest_api: dict[str, Any], member: str, message: str, value: str | None
) -> None:
    ids = bound(raw, restApiId=rest_api["id"], responseType="THROTTLED")
    key = ALLOW_ORIGIN if member == "responseParameters" else "application/json"
    with pytest.raises(ClientError) as exc:
        raw.put_gateway_response(restApiId=rest_api["id"], responseType="THROTTLED", **{member: {key: value}})
    # [INF] the recorded UpdateGatewayResponse texts (spec §5.4), applied to PUT as well
    assert _error(exc) == ("BadRequestException", message)
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


# --- UpdateGatewayResponse ----------------------------------------------------------------------------------------


def test_update_of_derived_type_starts_from_what_get_shows(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    client.put_gateway_response(
        restApiId=api_id, responseType="DEFAULT_4XX", statusCode="499", responseParameters={ALLOW_ORIGIN: "'*'"}
    )
    body = bound(client, restApiId=api_id, responseType="THROTTLED").update_gateway_response(
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
    assert (
        bound(client, restApiId=api_id, responseType="THROTTLED").get_gateway_response() == body
    )  # its own customisation now, independent of DEFAULT_4XX


def test_update_with_no_operations_customises_the_type(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    body = bound(client, restApiId=api_id, responseType="WAF_FILTERED").update_gateway_response(patchOperations=[])
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
    bound(client, restApiId=api_id, responseType="DEFAULT_4XX").update_gateway_response(
        patchOperations=[{"op": "replace", "path": "/statusCode", "value": "444"}]
    )
    assert bound(client, restApiId=api_id, responseType="UNAUTHORIZED").get_gateway_response()["statusCode"] == "444"
    client.delete_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX")
    assert bound(client, restApiId=api_id, responseType="UNAUTHORIZED").get_gateway_response()["statusCode"] == "401"
    assert "statusCode" not in bound(client, restApiId=api_id, responseType="DEFAULT_4XX").get_gateway_response()


@pytest.mark.parametrize("value", ["600", "44", "4444", "abc", "", "4٣٣"])
def test_update_invalid_status_code_text(client: Any, rest_api: dict[str, Any], value: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="DEFAULT_4XX")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": value}])
    # [UNK] text: ours (spec §5 gives none); digits are ASCII only, like the service's Java pattern
    assert _error(exc) == ("BadRequestException", f"Invalid status code specified: {value}. Must match [1-5]\\d\\d")


def test_update_null_status_code_is_bad_request(raw: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(raw, restApiId=rest_api["id"], responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/statusCode", "value": None}])
    assert _error(exc) == ("BadRequestException", "Invalid status code specified: None. Must match [1-5]\\d\\d")


@pytest.mark.parametrize("op", ["move", "copy", "test"])
@pytest.mark.parametrize("path", ["/statusCode", "/responseTemplates/application~1json"])
def test_update_unsupported_op_is_invalid_path(client: Any, rest_api: dict[str, Any], op: str, path: str) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": op, "path": path, "from": "/statusCode"}])
    # [UNK] spec §4.1: the operation's unsupported-op text, which for gateway responses is the path text
    assert _error(exc) == ("BadRequestException", f"Invalid patch path {path}")


def test_update_missing_template_text(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "remove", "path": "/responseTemplates/application~1xml"}])
    # [INF] spec §5.4: "Same for templates"
    assert _error(exc) == ("NotFoundException", "Invalid parameter name specified")


def test_update_unescaped_slash_in_key_is_unknown_path(client: Any, rest_api: dict[str, Any]) -> None:
    ids = bound(client, restApiId=rest_api["id"], responseType="THROTTLED")
    path = "/responseTemplates/application/xml"
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "add", "path": path, "value": "<x/>"}])
    assert _error(exc) == ("BadRequestException", f"Invalid patch path {path}")


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
    assert _error(exc) == ("BadRequestException", invalid_mapping("method.response.header.X"))


def test_update_missing_api_with_operations_is_not_found(client: Any) -> None:
    ids = bound(client, restApiId="nope", responseType="THROTTLED")
    with pytest.raises(ClientError) as exc:
        ids.update_gateway_response(patchOperations=[{"op": "replace", "path": "/wrongPath", "value": "x"}])
    assert _error(exc) == ("NotFoundException", "Invalid API identifier specified 123456789012:nope")


def test_failed_update_of_customised_type_keeps_it(client: Any, rest_api: dict[str, Any]) -> None:
    api_id = rest_api["id"]
    client.put_gateway_response(restApiId=api_id, responseType="THROTTLED", statusCode="430")
    before = bound(client, restApiId=api_id, responseType="THROTTLED").get_gateway_response()
    with pytest.raises(ClientError):
        bound(client, restApiId=api_id, responseType="THROTTLED").update_gateway_response(
            patchOperations=[
                {"op": "replace", "path": "/statusCode", "value": "431"},
                {"op": "replace", "path": "/wrongPath", "value": "x"},
            ]
        )
    assert bound(client, restApiId=api_id, responseType="THROTTLED").get_gateway_response() == before

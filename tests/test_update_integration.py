"""Black-box tests for UpdateIntegration (spec §1.1, §2, §3.5, §4.1, §4.3).

Most tests act on GET `/pets` whose method declares `method.request.querystring.q` and
`method.request.header.X-Key`, integrated over HTTP with `http://example.com/pets`.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import body, unvalidated_client

URI = "http://example.com/pets"
QUERY_Q = "method.request.querystring.q"
HEADER_KEY = "method.request.header.X-Key"
OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"
TIMEOUT_RANGE = "Timeout should be between 50 ms and 29000 ms"


def _method(client: Any, api_id: str, resource_id: str) -> None:
    client.put_method(
        restApiId=api_id,
        resourceId=resource_id,
        httpMethod="GET",
        authorizationType="NONE",
        requestParameters={QUERY_Q: False, HEADER_KEY: False},
    )


def _http_integration(client: Any, api_id: str, resource_id: str, **kwargs: Any) -> dict[str, Any]:
    """GET method + HTTP integration; returns the PutIntegration body."""
    _method(client, api_id, resource_id)
    return body(
        client.put_integration(
            restApiId=api_id,
            resourceId=resource_id,
            httpMethod="GET",
            type="HTTP",
            integrationHttpMethod="GET",
            uri=URI,
            **kwargs,
        )
    )


def _mock_integration(client: Any, api_id: str, resource_id: str, **kwargs: Any) -> dict[str, Any]:
    """GET method + MOCK integration; returns the PutIntegration body."""
    _method(client, api_id, resource_id)
    return body(
        client.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod="GET", type="MOCK", **kwargs)
    )


def _http_defaults(resource_id: str) -> dict[str, Any]:
    """The GetIntegration body of an untouched HTTP integration built by `_http_integration`."""
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


def _update(client: Any, api_id: str, resource_id: str, ops: list[dict[str, Any]]) -> dict[str, Any]:
    return client.update_integration(restApiId=api_id, resourceId=resource_id, httpMethod="GET", patchOperations=ops)


def _get(client: Any, api_id: str, resource_id: str) -> dict[str, Any]:
    return body(client.get_integration(restApiId=api_id, resourceId=resource_id, httpMethod="GET"))


def _replace(path: str, value: str) -> dict[str, Any]:
    return {"op": "replace", "path": path, "value": value}


# --- response shape -------------------------------------------------------------------------------------------


def test_update_returns_200_with_full_integration_including_integration_responses(
    client: Any, rest_api: dict, resource: dict
) -> None:
    _mock_integration(client, rest_api["id"], resource["id"])
    client.put_integration_response(
        restApiId=rest_api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200"
    )

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/timeoutInMillis", "1000")])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp) == {
        "type": "MOCK",
        "cacheNamespace": resource["id"],
        "cacheKeyParameters": [],
        "passthroughBehavior": "WHEN_NO_MATCH",
        "timeoutInMillis": 1000,
        "integrationResponses": {"200": {"statusCode": "200"}},
    }


def test_update_response_equals_later_get(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            _replace("/cacheNamespace", "ns"),
            {"op": "add", "path": "/requestTemplates/application~1json", "value": "{}"},
        ],
    )

    assert body(resp) == _get(client, rest_api["id"], resource["id"])


def test_empty_patch_returns_integration_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp) == _http_defaults(resource["id"])


# --- cacheKeyParameters ---------------------------------------------------------------------------------------


def test_add_cache_key_parameter_takes_element_from_path(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [{"op": "add", "path": f"/cacheKeyParameters/{QUERY_Q}"}])

    assert body(resp) == {**_http_defaults(resource["id"]), "cacheKeyParameters": [QUERY_Q]}


def test_add_cache_key_parameter_ignores_value(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": f"/cacheKeyParameters/{QUERY_Q}", "value": HEADER_KEY}],
    )

    assert body(resp)["cacheKeyParameters"] == [QUERY_Q]


def test_add_cache_key_parameter_twice_keeps_one(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])
    add = {"op": "add", "path": f"/cacheKeyParameters/{QUERY_Q}", "value": ""}

    resp = _update(client, rest_api["id"], resource["id"], [add, add])

    # spec §4.3: [INF] set semantics (like binaryMediaTypes)
    assert body(resp)["cacheKeyParameters"] == [QUERY_Q]


def test_add_two_cache_key_parameters_in_order(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "add", "path": f"/cacheKeyParameters/{QUERY_Q}"},
            {"op": "add", "path": f"/cacheKeyParameters/{HEADER_KEY}"},
        ],
    )

    # spec §4.3: [INF] set semantics like binaryMediaTypes, new elements appended at the end
    assert body(resp)["cacheKeyParameters"] == [QUERY_Q, HEADER_KEY]


def test_remove_cache_key_parameter(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"], cacheKeyParameters=[QUERY_Q, HEADER_KEY])

    resp = _update(client, rest_api["id"], resource["id"], [{"op": "remove", "path": f"/cacheKeyParameters/{QUERY_Q}"}])

    assert body(resp)["cacheKeyParameters"] == [HEADER_KEY]


def test_remove_last_cache_key_parameter_leaves_empty_list(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"], cacheKeyParameters=[QUERY_Q])

    resp = _update(client, rest_api["id"], resource["id"], [{"op": "remove", "path": f"/cacheKeyParameters/{QUERY_Q}"}])

    # spec §3.5 / §6: cacheKeyParameters is always present ([] by default)
    assert body(resp) == _http_defaults(resource["id"])


# --- scalar paths ---------------------------------------------------------------------------------------------


def test_replace_cache_namespace(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/cacheNamespace", "my-namespace")])

    assert body(resp) == {**_http_defaults(resource["id"]), "cacheNamespace": "my-namespace"}


def test_replace_connection_id_on_vpc_link_integration(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(
        client, rest_api["id"], resource["id"], connectionType="VPC_LINK", connectionId="${stageVariables.vpcLinkId}"
    )

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/connectionId", "${stageVariables.otherLinkId}")])

    assert body(resp) == {
        **_http_defaults(resource["id"]),
        "connectionType": "VPC_LINK",
        "connectionId": "${stageVariables.otherLinkId}",
    }


def test_replace_connection_type_and_id(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [_replace("/connectionType", "VPC_LINK"), _replace("/connectionId", "${stageVariables.vpcLinkId}")],
    )

    assert body(resp) == {
        **_http_defaults(resource["id"]),
        "connectionType": "VPC_LINK",
        "connectionId": "${stageVariables.vpcLinkId}",
    }


@pytest.mark.parametrize("value", ["CONVERT_TO_TEXT", "CONVERT_TO_BINARY"])
def test_replace_content_handling(client: Any, rest_api: dict, resource: dict, value: str) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/contentHandling", value)])

    assert body(resp) == {**_http_defaults(resource["id"]), "contentHandling": value}


@pytest.mark.parametrize("value", ["WHEN_NO_TEMPLATES", "NEVER", "WHEN_NO_MATCH"])
def test_replace_passthrough_behavior(client: Any, rest_api: dict, resource: dict, value: str) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/passthroughBehavior", value)])

    assert body(resp) == {**_http_defaults(resource["id"]), "passthroughBehavior": value}


@pytest.mark.parametrize(("value", "expected"), [("1000", 1000), ("50", 50), ("29000", 29000)])
def test_replace_timeout_is_stored_as_number(
    client: Any, rest_api: dict, resource: dict, value: str, expected: int
) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/timeoutInMillis", value)])

    assert body(resp) == {**_http_defaults(resource["id"]), "timeoutInMillis": expected}
    assert _get(client, rest_api["id"], resource["id"])["timeoutInMillis"] == expected


@pytest.mark.parametrize("value", ["49", "29001", "0", "-1"])
def test_replace_timeout_out_of_range_is_bad_request(client: Any, rest_api: dict, resource: dict, value: str) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [_replace("/timeoutInMillis", value)])

    assert exc.value.response["Error"]["Message"] == TIMEOUT_RANGE


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False)])
def test_replace_tls_insecure_skip_verification(
    client: Any, rest_api: dict, resource: dict, value: str, expected: bool
) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/tlsConfig/insecureSkipVerification", value)])

    # spec §4.1: [INF] boolean inside "tlsConfig"
    assert body(resp) == {**_http_defaults(resource["id"]), "tlsConfig": {"insecureSkipVerification": expected}}


def test_replace_uri_on_http_integration(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/uri", "https://example.org/dogs")])

    assert body(resp) == {**_http_defaults(resource["id"]), "uri": "https://example.org/dogs"}


def test_replace_http_method_on_http_integration(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/httpMethod", "POST")])

    assert body(resp) == {**_http_defaults(resource["id"]), "httpMethod": "POST"}


def test_replace_credentials_is_accepted(client: Any, rest_api: dict, resource: dict) -> None:
    _method(client, rest_api["id"], resource["id"])
    client.put_integration(
        restApiId=rest_api["id"],
        resourceId=resource["id"],
        httpMethod="GET",
        type="AWS",
        integrationHttpMethod="GET",
        uri="arn:aws:apigateway:us-east-1:s3:path/my-bucket/my-key",
    )
    role = "arn:aws:iam::123456789012:role/apigw-s3"

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/credentials", role)])

    # spec §4.3 / §7.5: [UNK] recommended choice (accept replace)
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp)["credentials"] == role
    assert _get(client, rest_api["id"], resource["id"])["credentials"] == role


@pytest.mark.parametrize("path", ["/contentHandling", "/passthroughBehavior", "/connectionType"])
def test_invalid_enum_value_is_bad_request(client: Any, rest_api: dict, resource: dict, path: str) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [_replace(path, "WRONG")])

    # spec §7.11: [UNK] message text; only class and status are pinned
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_type_path_is_invalid(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [_replace("/type", "MOCK")])

    # spec §4.3: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid patch path /type"


# --- maps -----------------------------------------------------------------------------------------------------


def test_add_request_parameter_mapping(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": "/requestParameters/integration.request.header.Accept", "value": "'application/xml'"}],
    )

    assert body(resp) == {
        **_http_defaults(resource["id"]),
        "requestParameters": {"integration.request.header.Accept": "'application/xml'"},
    }


def test_remove_request_parameter_mapping(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(
        client,
        rest_api["id"],
        resource["id"],
        requestParameters={
            "integration.request.header.Accept": "'application/xml'",
            "integration.request.header.B": "'b'",
        },
    )

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "remove", "path": "/requestParameters/integration.request.header.Accept"}],
    )

    assert body(resp)["requestParameters"] == {"integration.request.header.B": "'b'"}


def test_remove_missing_request_parameter_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "remove", "path": "/requestParameters/integration.request.header.Nope"}],
        )

    # spec §4.1 / §7.2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid parameter name specified"


def test_add_request_template_creates_map(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [{"op": "add", "path": "/requestTemplates/application~1json", "value": '{"statusCode": 200}'}],
    )

    expected = {**_http_defaults(resource["id"]), "requestTemplates": {"application/json": '{"statusCode": 200}'}}
    assert body(resp) == expected
    assert _get(client, rest_api["id"], resource["id"]) == expected


def test_replace_request_template(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"], requestTemplates={"application/json": "old"})

    resp = _update(client, rest_api["id"], resource["id"], [_replace("/requestTemplates/application~1json", "new")])

    assert body(resp)["requestTemplates"] == {"application/json": "new"}


def test_remove_request_template_keeps_others(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(
        client, rest_api["id"], resource["id"], requestTemplates={"application/json": "j", "application/xml": "x"}
    )

    resp = _update(
        client, rest_api["id"], resource["id"], [{"op": "remove", "path": "/requestTemplates/application~1json"}]
    )

    assert body(resp)["requestTemplates"] == {"application/xml": "x"}


@pytest.mark.parametrize("op", ["replace", "remove"])
def test_missing_request_template_key_is_not_found(client: Any, rest_api: dict, resource: dict, op: str) -> None:
    _http_integration(client, rest_api["id"], resource["id"], requestTemplates={"application/json": "j"})

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(
            client, rest_api["id"], resource["id"], [{"op": op, "path": "/requestTemplates/text~1plain", "value": "v"}]
        )

    # spec §4.1 / §7.2: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Content-Type specified was not found"


def test_null_request_template_value_is_bad_request(mock: Any, rest_api: dict, resource: dict) -> None:
    client = unvalidated_client()
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [{"op": "add", "path": "/requestTemplates/application~1json", "value": None}],
        )

    # spec §4.1 / §7.4: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid null or empty value in requestTemplates"


@pytest.mark.parametrize("path", ["/requestTemplates", "/requestParameters"])
def test_bare_map_path_is_invalid(client: Any, rest_api: dict, resource: dict, path: str) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "add", "path": path, "value": "x"}])

    # spec §4.1: [INF] for this operation
    assert exc.value.response["Error"]["Message"] == f"Invalid patch path {path}"


# --- op semantics ---------------------------------------------------------------------------------------------


def test_ops_are_applied_in_order(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    resp = _update(
        client,
        rest_api["id"],
        resource["id"],
        [
            {"op": "add", "path": "/requestTemplates/application~1json", "value": "first"},
            _replace("/requestTemplates/application~1json", "second"),
            _replace("/timeoutInMillis", "100"),
            _replace("/timeoutInMillis", "200"),
        ],
    )

    assert body(resp) == {
        **_http_defaults(resource["id"]),
        "timeoutInMillis": 200,
        "requestTemplates": {"application/json": "second"},
    }


def test_failing_later_op_leaves_integration_unchanged(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])
    before = _get(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException):
        _update(
            client,
            rest_api["id"],
            resource["id"],
            [_replace("/cacheNamespace", "changed"), _replace("/timeoutInMillis", "10")],
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert _get(client, rest_api["id"], resource["id"]) == before


# --- errors ---------------------------------------------------------------------------------------------------


def test_bad_op_is_validation_exception(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(ClientError) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "bogus", "path": "/cacheNamespace", "value": "x"}])

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    # spec §4.1: [INF] member naming for this operation
    assert exc.value.response["Error"]["Message"] == (
        "1 validation error detected: Value 'bogus' at 'updateIntegrationInput.patchOperations.1.member.op' "
        f"failed to satisfy constraint: {OP_ENUM}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_missing_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": "replace", "value": "x"}])

    # spec §4.1: [INF] for this operation
    assert exc.value.response["Error"]["Message"] == "Invalid patch path null"


def test_unknown_path_is_bad_request(client: Any, rest_api: dict, resource: dict) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [_replace("/foo", "x")])

    # spec §4.1 / §7.1: [UNK] recommended choice
    assert exc.value.response["Error"]["Message"] == "Invalid patch path /foo"


@pytest.mark.parametrize(
    ("op", "path"),
    [
        ("add", "/cacheNamespace"),
        ("remove", "/timeoutInMillis"),
        ("add", "/passthroughBehavior"),
        ("remove", "/uri"),
        ("copy", "/cacheNamespace"),
    ],
)
def test_unsupported_op_on_scalar_path_is_bad_request(
    client: Any, rest_api: dict, resource: dict, op: str, path: str
) -> None:
    _http_integration(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        _update(client, rest_api["id"], resource["id"], [{"op": op, "path": path, "value": "x", "from": path}])

    # spec §4.1 / §7.1: [UNK] recommended choice (UpdateMethod style)
    assert exc.value.response["Error"]["Message"] == ONLY_REPLACE


# --- existence ------------------------------------------------------------------------------------------------


def test_missing_integration_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    _method(client, rest_api["id"], resource["id"])

    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Integration identifier specified"


def test_missing_method_is_not_found(client: Any, rest_api: dict, resource: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], resource["id"], [])

    # spec §2: [UNK] method message or integration message
    assert exc.value.response["Error"]["Message"] in {
        "Invalid Method identifier specified",
        "Invalid Integration identifier specified",
    }


def test_missing_resource_is_not_found(client: Any, rest_api: dict) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, rest_api["id"], "nores0", [])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"


def test_missing_api_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        _update(client, "noapi00000", "nores0", [_replace("/cacheNamespace", "x")])

    # spec §2: [INF]
    assert exc.value.response["Error"]["Message"] == "Invalid Resource identifier specified"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404

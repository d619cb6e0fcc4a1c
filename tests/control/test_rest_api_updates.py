"""Black-box tests for UpdateRestApi (spec §1.1, §1.3, §2, §3.1, §4.1, §4.5).

UpdateRestApi responses always carry `"tags": {}` while Create/Get omit an empty `tags`.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.helpers import body
from tests.support.calls import bound

ACCOUNT_ID = "123456789012"
OP_ENUM = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
ONLY_REPLACE = "Invalid patch operation specified. Must be one of: [replace]"
COMPRESSION_RANGE = "Invalid minimum compression size, must be between 0 and 10485760"


def _op(op: str, path: str, value: str | None = None) -> dict[str, Any]:
    operation = {"op": op, "path": path}
    if value is not None:
        operation["value"] = value
    return operation


# --- response shape -------------------------------------------------------------------------------------------


def test_update_returns_full_api_with_empty_tags(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/name", "renamed")])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp) == {
        "id": rest_api["id"],
        "name": "renamed",
        "createdDate": rest_api["createdDate"],
        "apiKeySource": "HEADER",
        "disableExecuteApiEndpoint": False,
        "endpointConfiguration": {"types": ["EDGE"], "ipAddressType": "ipv4"},
        "rootResourceId": rest_api["rootResourceId"],
        "tags": {},
    }


def test_empty_patch_still_returns_empty_tags(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert body(resp)["tags"] == {}
    assert body(resp)["name"] == "test-api"


def test_get_after_update_omits_empty_tags_but_otherwise_matches(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/description", "a description")])

    got = ids.get_rest_api()

    assert "tags" not in got
    assert {key: value for key, value in body(resp).items() if key != "tags"} == got
    assert got["description"] == "a description"


def test_update_keeps_existing_tags(client: Any) -> None:
    api = client.create_rest_api(name="tagged", tags={"team": "core"})
    ids = bound(client, restApiId=api["id"])

    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/name", "still-tagged")])

    # spec §3.1: [INF] "tags: {}" is only the empty case; real tags are echoed
    assert body(resp)["tags"] == {"team": "core"}


# --- binaryMediaTypes -----------------------------------------------------------------------------------------


def test_binary_media_types_add_replace_remove_sequence(client: Any, rest_api: dict) -> None:
    api_id = rest_api["id"]
    ids = bound(client, restApiId=api_id)

    first = ids.raw.update_rest_api(patchOperations=[_op("add", "/binaryMediaTypes/image~1png")])
    assert body(first)["binaryMediaTypes"] == ["image/png"]

    second = ids.raw.update_rest_api(patchOperations=[_op("add", "/binaryMediaTypes/image~1jpeg")])
    assert body(second)["binaryMediaTypes"] == ["image/png", "image/jpeg"]

    third = ids.raw.update_rest_api(patchOperations=[_op("replace", "/binaryMediaTypes/image~1png", "image/gif")])
    assert body(third)["binaryMediaTypes"] == ["image/jpeg", "image/gif"]

    fourth = ids.raw.update_rest_api(patchOperations=[_op("remove", "/binaryMediaTypes/image~1gif")])
    assert body(fourth)["binaryMediaTypes"] == ["image/jpeg"]
    assert ids.get_rest_api()["binaryMediaTypes"] == ["image/jpeg"]


def test_replace_binary_media_type_appends_at_end(client: Any) -> None:
    api = client.create_rest_api(name="binary", binaryMediaTypes=["image/png", "image/jpeg"])
    ids = bound(client, restApiId=api["id"])

    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/binaryMediaTypes/image~1png", "image/gif")])

    assert body(resp)["binaryMediaTypes"] == ["image/jpeg", "image/gif"]


def test_add_binary_media_type_ignores_value(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("add", "/binaryMediaTypes/image~1png", "text/html")])

    assert body(resp)["binaryMediaTypes"] == ["image/png"]


def test_add_binary_media_type_dash_stores_literal_dash(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("add", "/binaryMediaTypes/-", "image/png")])

    assert body(resp)["binaryMediaTypes"] == ["-"]


def test_add_same_binary_media_type_twice_keeps_one(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(
        patchOperations=[_op("add", "/binaryMediaTypes/image~1png"), _op("add", "/binaryMediaTypes/image~1png")]
    )

    # spec §3.1: [INF] set semantics
    assert body(resp)["binaryMediaTypes"] == ["image/png"]


@pytest.mark.parametrize("op", ["add", "replace", "remove"])
def test_bare_binary_media_types_path_is_bad_request(client: Any, rest_api: dict, op: str) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op(op, "/binaryMediaTypes", "image/png")])

    assert exc.value.response["Error"]["Message"] == "Invalid patch path /binaryMediaTypes"


# --- description ----------------------------------------------------------------------------------------------


def test_remove_description_removes_key(client: Any) -> None:
    api = client.create_rest_api(name="described", description="to be removed")
    ids = bound(client, restApiId=api["id"])

    resp = ids.raw.update_rest_api(patchOperations=[_op("remove", "/description")])

    assert "description" not in body(resp)
    assert "description" not in ids.get_rest_api()


def test_replace_description(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/description", "new text")])

    assert body(resp)["description"] == "new text"


# --- minimumCompressionSize -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("10", 10), ("0", 0), ("10485760", 10485760)])
def test_replace_minimum_compression_size_is_a_number(client: Any, rest_api: dict, value: str, expected: int) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/minimumCompressionSize", value)])

    # spec §3.1: "10" and "0" [REC]; the upper bound 10485760 [INF] from the error message's range
    assert body(resp)["minimumCompressionSize"] == expected
    assert ids.get_rest_api()["minimumCompressionSize"] == expected


def test_replace_minimum_compression_size_with_empty_string_unsets_it(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    ids.update_rest_api(patchOperations=[_op("replace", "/minimumCompressionSize", "10")])

    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/minimumCompressionSize", "")])

    assert "minimumCompressionSize" not in body(resp)
    assert "minimumCompressionSize" not in ids.get_rest_api()


@pytest.mark.parametrize("value", ["-1", "test", "10485761"])
def test_invalid_minimum_compression_size_is_bad_request(client: Any, rest_api: dict, value: str) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/minimumCompressionSize", value)])

    # spec §3.1: "-1" and "test" [REC]; 10485761 [INF] from the message's range
    assert exc.value.response["Error"]["Message"] == COMPRESSION_RANGE


def test_add_minimum_compression_size_is_unsupported_op(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("add", "/minimumCompressionSize", "10")])

    assert exc.value.response["Error"]["Message"] == ONLY_REPLACE


# --- endpointConfiguration ------------------------------------------------------------------------------------


def test_replace_type_with_private_switches_to_dualstack(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/endpointConfiguration/types/0", "PRIVATE")])

    assert body(resp)["endpointConfiguration"] == {"types": ["PRIVATE"], "ipAddressType": "dualstack"}


def test_replace_type_with_regional(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(patchOperations=[_op("replace", "/endpointConfiguration/types/0", "REGIONAL")])

    assert body(resp)["endpointConfiguration"] == {"types": ["REGIONAL"], "ipAddressType": "ipv4"}


def test_three_type_replaces_are_applied_in_order(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(
        patchOperations=[
            _op("replace", "/endpointConfiguration/types/0", "REGIONAL"),
            _op("replace", "/endpointConfiguration/types/0", "EDGE"),
            _op("replace", "/endpointConfiguration/types/0", "PRIVATE"),
        ]
    )

    assert body(resp)["endpointConfiguration"] == {"types": ["PRIVATE"], "ipAddressType": "dualstack"}
    assert ids.get_rest_api()["endpointConfiguration"] == {"types": ["PRIVATE"], "ipAddressType": "dualstack"}


def test_invalid_endpoint_type_is_bad_request(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/endpointConfiguration/types/0", "WRONG")])

    assert (
        exc.value.response["Error"]["Message"]
        == "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"
    )


def test_remove_endpoint_type_is_bad_request(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("remove", "/endpointConfiguration/types/0")])

    assert (
        exc.value.response["Error"]["Message"] == "Invalid patch operation specified. Must be 'add'|'remove'|'replace'"
    )


def test_replace_ip_address_type_dualstack(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    resp = ids.raw.update_rest_api(
        patchOperations=[_op("replace", "/endpointConfiguration/ipAddressType", "dualstack")]
    )

    assert body(resp)["endpointConfiguration"] == {"types": ["EDGE"], "ipAddressType": "dualstack"}


def test_invalid_ip_address_type_is_bad_request(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/endpointConfiguration/ipAddressType", "ipv5")])

    assert exc.value.response["Error"]["Message"] == "ipAddressType must be either ipv4 or dualstack."


def test_ipv4_on_private_api_is_bad_request(client: Any) -> None:
    api = client.create_rest_api(name="private", endpointConfiguration={"types": ["PRIVATE"]})
    ids = bound(client, restApiId=api["id"])

    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/endpointConfiguration/ipAddressType", "ipv4")])

    assert exc.value.response["Error"]["Message"] == "Only dualstack ipAddressType is supported for Private APIs."


def test_remove_ip_address_type_is_unsupported_op(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("remove", "/endpointConfiguration/ipAddressType")])

    assert exc.value.response["Error"]["Message"] == ONLY_REPLACE


# --- op semantics and errors ----------------------------------------------------------------------------------


def test_failing_later_op_leaves_api_unchanged(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    before = ids.get_rest_api()

    with pytest.raises(client.exceptions.BadRequestException):
        ids.update_rest_api(
            patchOperations=[_op("replace", "/name", "changed"), _op("replace", "/minimumCompressionSize", "-1")]
        )

    # spec §4.1 / §7.3: [UNK] recommended choice (all-or-nothing)
    assert ids.get_rest_api() == before


def test_bad_op_is_validation_exception_with_one_based_index(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(ClientError) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/name", "ok"), _op("bogus", "/name", "x")])

    assert exc.value.response["Error"]["Code"] == "ValidationException"
    assert exc.value.response["Error"]["Message"] == (
        "1 validation error detected: Value 'bogus' at 'updateRestApiInput.patchOperations.2.member.op' "
        f"failed to satisfy constraint: {OP_ENUM}"
    )
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert ids.get_rest_api()["name"] == "test-api"


def test_unknown_path_is_bad_request(client: Any, rest_api: dict) -> None:
    ids = bound(client, restApiId=rest_api["id"])
    with pytest.raises(client.exceptions.BadRequestException) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/foo", "x")])

    assert exc.value.response["Error"]["Message"] == "Invalid patch path /foo"


def test_missing_api_is_not_found(client: Any) -> None:
    ids = bound(client, restApiId="noapi00000")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.update_rest_api(patchOperations=[_op("replace", "/name", "x")])

    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:noapi00000"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_missing_api_is_not_found_with_empty_ops(client: Any) -> None:
    ids = bound(client, restApiId="NoApi00000")
    with pytest.raises(client.exceptions.NotFoundException) as exc:
        ids.update_rest_api(patchOperations=[])

    assert exc.value.response["Error"]["Message"] == f"Invalid API identifier specified {ACCOUNT_ID}:NoApi00000"

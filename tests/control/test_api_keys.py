"""API keys through boto3 (spec control-plane-2 §7): CreateApiKey's values and defaults, when the value is shown,
GetApiKeys' filters and paging, the UpdateApiKey table, DeleteApiKey, and ImportApiKeys' CSV format."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from apigw_mock.domain.api_key import ApiKey, KeyPatch
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.patch import apply_patch
from tests.helpers import body, raises_aws

VALUE = "a" * 20
NOT_FOUND = "Invalid API Key identifier specified"  # [UNK → §18.1]


def test_create_api_key_generates_a_40_character_value_and_defaults(client: Any) -> None:
    resp = client.create_api_key(name="k")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    created = body(resp)
    assert re.fullmatch(r"[a-z0-9]{10}", created["id"])
    assert re.fullmatch(r"[A-Za-z0-9]{40}", created["value"])
    assert created["createdDate"] == created["lastUpdatedDate"]
    assert {key: value for key, value in created.items() if key not in ("id", "value") and "Date" not in key} == {
        "name": "k",
        "enabled": False,  # [INF → §18.4]
        "stageKeys": [],  # [UNK → §18.5]
    }


def test_create_api_key_keeps_the_given_members(client: Any) -> None:
    created = body(
        client.create_api_key(
            name="k",
            description="d",
            enabled=True,
            value=VALUE,
            customerId="c-1",
            generateDistinctId=True,  # deprecated, ignored [MODEL]
            tags={"team": "api"},
        )
    )

    assert created["value"] == VALUE
    assert (created["description"], created["enabled"], created["customerId"]) == ("d", True, "c-1")
    assert created["tags"] == {"team": "api"}


def test_an_empty_value_is_generated_as_an_absent_one_is(client: Any) -> None:
    # Terraform's aws_api_gateway_api_key without `value` sends "value": "" (found running it against server mode).
    created = body(client.create_api_key(name="k", value=""))

    assert re.fullmatch(r"[A-Za-z0-9]{40}", created["value"])
    assert client.get_api_key(apiKey=created["id"], includeValue=True)["value"] == created["value"]


def test_generated_values_differ(client: Any) -> None:
    assert client.create_api_key()["value"] != client.create_api_key()["value"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("a" * 19, "API Key value should be at least 20 characters", id="too-short [UNK, recalled]"),
        pytest.param("a" * 129, "API Key value should be at most 128 characters", id="too-long [UNK]"),
    ],
)
def test_create_api_key_refuses_a_value_of_the_wrong_length(client: Any, value: str, message: str) -> None:
    with raises_aws("BadRequestException", message, 400):
        client.create_api_key(value=value)
    assert client.get_api_keys()["items"] == []


def test_a_value_is_unique(client: Any) -> None:
    client.create_api_key(value=VALUE)

    with raises_aws("ConflictException", "API Key already exists", 409):  # [UNK]
        client.create_api_key(value=VALUE)
    assert len(client.get_api_keys()["items"]) == 1


def test_stage_keys_name_existing_stages(client: Any, rest_api: dict[str, Any]) -> None:
    with raises_aws("BadRequestException", "Invalid stage identifier specified", 400):  # [FIELD §2]
        client.create_api_key(stageKeys=[{"restApiId": rest_api["id"], "stageName": "nope"}])
    assert client.get_api_keys()["items"] == []


def test_stage_keys_of_existing_stages(client: Any, stage: str) -> None:
    api_id, name = stage.split(":")

    created = client.create_api_key(stageKeys=[{"restApiId": api_id, "stageName": name}])

    assert created["stageKeys"] == [f"{api_id}/{name}"]


def test_get_api_key_shows_the_value_only_when_asked(client: Any) -> None:
    created = body(client.create_api_key(name="k", value=VALUE))

    plain = body(client.get_api_key(apiKey=created["id"]))
    with_value = body(client.get_api_key(apiKey=created["id"], includeValue=True))

    assert "value" not in plain
    assert with_value == created
    assert plain == {key: value for key, value in created.items() if key != "value"}


def test_get_api_keys_filters_and_pages(client: Any) -> None:
    ids = [
        client.create_api_key(name=name, customerId=customer)["id"]
        for name, customer in [("alpha", "c1"), ("alphabet", "c2"), ("beta", "c1")]
    ]

    assert [k["id"] for k in client.get_api_keys(nameQuery="alpha")["items"]] == ids[:2]  # prefix [UNK]
    assert [k["id"] for k in client.get_api_keys(customerId="c1")["items"]] == [ids[0], ids[2]]
    first = client.get_api_keys(limit=2)
    rest = client.get_api_keys(position=first["position"])
    assert [k["id"] for k in first["items"] + rest["items"]] == ids
    assert "position" not in rest
    assert all("value" not in k for k in first["items"])
    assert all(len(k["value"]) == 40 for k in client.get_api_keys(includeValues=True)["items"])


def test_missing_api_key(client: Any) -> None:
    for call in (client.get_api_key, client.delete_api_key, client.update_api_key):
        with raises_aws("NotFoundException", NOT_FOUND, 404):
            call(apiKey="nope000000")


def test_update_api_key_answers_what_get_shows_without_the_value(client: Any) -> None:
    created = body(client.create_api_key(name="k"))

    updated = body(
        client.update_api_key(
            apiKey=created["id"],
            patchOperations=[
                {"op": "replace", "path": "/name", "value": "renamed"},
                {"op": "replace", "path": "/description", "value": "d"},
                {"op": "replace", "path": "/enabled", "value": "true"},
                {"op": "replace", "path": "/customerId", "value": "c"},
            ],
        )
    )

    assert "value" not in updated
    assert updated["lastUpdatedDate"] >= created["lastUpdatedDate"]
    assert (updated["name"], updated["description"], updated["enabled"], updated["customerId"]) == (
        "renamed",
        "d",
        True,
        "c",
    )
    assert body(client.get_api_key(apiKey=created["id"])) == updated


NOW = datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
KEY = ApiKey(id="k000000000", value=VALUE, created_date=NOW, last_updated_date=NOW, stage_keys=["api/dev"])
LATER = KeyPatch(exists=lambda api, stage: (api, stage) in {("api", "dev"), ("api", "prod")}, now=NOW.replace(day=3))
TABLE: dict[str, tuple[list[dict[str, Any]], dict[str, Any] | str]] = {
    "enabled parses like Java": ([{"op": "replace", "path": "/enabled", "value": "TRUE"}], {"enabled": True}),
    "enabled junk is false": ([{"op": "replace", "path": "/enabled", "value": "on"}], {"enabled": False}),
    "add a stage": (
        [{"op": "add", "path": "/stages", "value": "api/prod"}],
        {"stage_keys": ["api/dev", "api/prod"]},
    ),
    "remove a stage": ([{"op": "remove", "path": "/stages", "value": "api/dev"}], {"stage_keys": []}),
    "add a missing stage": (
        [{"op": "add", "path": "/stages", "value": "api/nope"}],
        "Invalid stage identifier specified",
    ),
    "remove a stage the key lacks [UNK]": (
        [{"op": "remove", "path": "/stages", "value": "api/prod"}],
        "Invalid stage identifier specified",
    ),
    "add on a replace-only path": (
        [{"op": "add", "path": "/name", "value": "x"}],
        "Invalid patch operation specified. Must be one of: [replace]",
    ),
    "the value cannot be patched": ([{"op": "replace", "path": "/value", "value": "x"}], "Invalid patch path /value"),
}


@pytest.mark.parametrize(("ops", "expected"), TABLE.values(), ids=TABLE.keys())
def test_update_api_key_table(ops: list[dict[str, Any]], expected: dict[str, Any] | str) -> None:
    if isinstance(expected, str):
        with pytest.raises(ApiGatewayError) as caught:
            apply_patch(KEY, ops, context=LATER)
        assert caught.value.message == expected
        return
    assert apply_patch(KEY, ops, context=LATER) == KEY.model_copy(update={**expected, "last_updated_date": LATER.now})


def test_delete_api_key_answers_202_and_frees_its_value(client: Any) -> None:
    created = client.create_api_key(value=VALUE)

    resp = client.delete_api_key(apiKey=created["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_api_keys()["items"] == []
    assert client.create_api_key(value=VALUE)["value"] == VALUE


def test_delete_api_key_takes_it_out_of_its_usage_plans(client: Any) -> None:
    key = client.create_api_key()["id"]
    plan = client.create_usage_plan(name="p")["id"]
    client.create_usage_plan_key(usagePlanId=plan, keyId=key, keyType="API_KEY")

    client.delete_api_key(apiKey=key)

    assert client.get_usage_plan_keys(usagePlanId=plan)["items"] == []


# ---- ImportApiKeys ---------------------------------------------------------------------------------------------

KEY_30 = "k" * 30


def test_import_api_keys_reads_the_header_in_any_case_and_order(client: Any) -> None:
    plan = client.create_usage_plan(name="p")["id"]
    csv = f'key,Description,NAME,Enabled,UsagePlanIds,extra\n{KEY_30},first,one,false,"{plan}",x\n{"m" * 30},,two,,\n'

    resp = client.import_api_keys(body=csv.encode(), format="csv")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert resp["warnings"] == []
    keys = client.get_api_keys(includeValues=True)["items"]
    assert [k["id"] for k in keys] == resp["ids"]
    assert [(k["name"], k["value"], k["description"], k["enabled"]) for k in keys] == [
        ("one", KEY_30, "first", False),
        ("two", "m" * 30, "", True),  # Enabled defaults to true on import [DOC]
    ]
    assert [k["id"] for k in client.get_usage_plan_keys(usagePlanId=plan)["items"]] == resp["ids"][:1]


def test_import_api_keys_reads_single_quoted_plan_ids(client: Any) -> None:
    plans = [client.create_usage_plan(name=name)["id"] for name in ("a", "b")]

    imported = client.import_api_keys(
        body=f"Name,UsagePlanIds,Key\nk,'{plans[0]},{plans[1]}',{KEY_30}\n".encode(), format="csv"
    )

    for plan in plans:
        assert [k["id"] for k in client.get_usage_plan_keys(usagePlanId=plan)["items"]] == imported["ids"]


def test_import_api_keys_warns_of_a_missing_plan(client: Any) -> None:
    resp = client.import_api_keys(body=f'Name,Key,UsagePlanIds\nk,{KEY_30},"nope00"\n'.encode(), format="csv")

    assert resp["warnings"] == ["Invalid usage plan in line 2: nope00"]  # [UNK]


def test_import_api_keys_lists_warnings_and_imports_the_good_rows(client: Any) -> None:
    resp = client.import_api_keys(body=f"Name,Key\nshort,abc\ngood,{KEY_30}\n".encode(), format="csv")

    assert resp["warnings"] == ["Invalid API key in line 2: the key must be 30 to 128 characters long"]  # [UNK]
    assert [k["name"] for k in client.get_api_keys()["items"]] == ["good"]


def test_import_api_keys_fail_on_warnings_imports_nothing(client: Any) -> None:
    with raises_aws("BadRequestException", status=400):  # text [UNK]
        client.import_api_keys(body=f"Name,Key\nshort,abc\ngood,{KEY_30}\n".encode(), format="csv", failOnWarnings=True)
    assert client.get_api_keys()["items"] == []


def test_import_api_keys_overwrites_a_key_with_the_same_value(client: Any) -> None:
    first = client.import_api_keys(body=f"Name,Key\nold,{KEY_30}\n".encode(), format="csv")["ids"]

    again = client.import_api_keys(body=f"Name,Key,Enabled\nnew,{KEY_30},false\n".encode(), format="csv")["ids"]

    assert again == first
    (key,) = client.get_api_keys()["items"]
    assert (key["name"], key["enabled"]) == ("new", False)


def test_import_api_keys_needs_name_and_key_columns(client: Any) -> None:
    with raises_aws("BadRequestException", "Invalid API key file: the header row must name the Name and Key columns"):
        client.import_api_keys(body=b"Name,Description\nx,y\n", format="csv")


def test_import_api_keys_takes_only_csv(client: Any) -> None:
    with raises_aws("ValidationException"):
        client.import_api_keys(body=b"Name,Key\n", format="json")


def test_import_api_keys_refuses_a_body_that_is_not_text(client: Any) -> None:
    with raises_aws("BadRequestException", "Invalid API key file: the body must be UTF-8 text"):
        client.import_api_keys(body=b"\x80name,key\n", format="csv")
    assert client.get_api_keys()["items"] == []

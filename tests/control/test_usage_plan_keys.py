"""Usage plan keys and usage through boto3 (spec control-plane-2 §8.3–§8.5): CreateUsagePlanKey and its checks,
GetUsagePlanKey(s), DeleteUsagePlanKey, GetUsage and UpdateUsage, and the ledger the data plane counts into."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from apigw_mock import MockApiGateway
from apigw_mock.domain.usage import UsageLedger
from apigw_mock.domain.usage_plan import QuotaSettings
from tests.helpers import body, raises_aws

KEY_NOT_FOUND = "Invalid Usage Plan Key identifier specified"  # [UNK → §18.1]
DAY = datetime.date(2026, 3, 10)  # a Tuesday


@pytest.fixture
def plan(client: Any) -> str:
    return str(client.create_usage_plan(name="p", quota={"limit": 100, "period": "DAY"})["id"])


@pytest.fixture
def key(client: Any) -> dict[str, Any]:
    return body(client.create_api_key(name="k"))


def _join(client: Any, plan: str, key_id: str) -> dict[str, Any]:
    return body(client.create_usage_plan_key(usagePlanId=plan, keyId=key_id, keyType="API_KEY"))


def test_create_usage_plan_key_answers_the_key(client: Any, plan: str, key: dict[str, Any]) -> None:
    resp = client.create_usage_plan_key(usagePlanId=plan, keyId=key["id"], keyType="API_KEY")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert body(resp) == {"id": key["id"], "type": "API_KEY", "value": key["value"], "name": "k"}
    assert body(client.get_usage_plan_key(usagePlanId=plan, keyId=key["id"])) == body(resp)


def test_a_usage_plan_key_shows_the_keys_name_now(client: Any, plan: str, key: dict[str, Any]) -> None:
    _join(client, plan, key["id"])
    client.update_api_key(apiKey=key["id"], patchOperations=[{"op": "replace", "path": "/name", "value": "new"}])

    assert client.get_usage_plan_key(usagePlanId=plan, keyId=key["id"])["name"] == "new"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param({"keyId": "nope000000"}, "NotFoundException", "Invalid API Key identifier specified", id="no-key"),
        pytest.param(
            {"keyType": "OTHER"},
            "BadRequestException",
            "Invalid key type specified. Valid options are API_KEY",
            id="key-type [UNK]",
        ),
    ],
)
def test_create_usage_plan_key_refuses(
    client: Any, plan: str, key: dict[str, Any], args: dict[str, str], code: str, message: str
) -> None:
    with raises_aws(code, message):
        client.create_usage_plan_key(usagePlanId=plan, **{"keyId": key["id"], "keyType": "API_KEY", **args})
    assert client.get_usage_plan_keys(usagePlanId=plan)["items"] == []


def test_a_key_joins_a_plan_once(client: Any, plan: str, key: dict[str, Any]) -> None:
    _join(client, plan, key["id"])

    with raises_aws("ConflictException", f"API Key {key['id']} is already in usage plan {plan}", 409):  # [UNK]
        _join(client, plan, key["id"])


def test_a_key_joins_one_plan_per_stage(client: Any, stage: str) -> None:
    api_id, name = stage.split(":")
    stages = [{"apiId": api_id, "stage": name}]
    first, second = (client.create_usage_plan(name=n, apiStages=stages)["id"] for n in ("a", "b"))
    key = client.create_api_key()["id"]
    _join(client, first, key)

    message = (
        f"Usage Plan {second} cannot be added because API Key {key} cannot reference multiple Usage Plans with the"
        f" same API Stage: {stage}"
    )
    with raises_aws("ConflictException", message, 409):  # [UNK, recalled]
        _join(client, second, key)
    assert client.get_usage_plan_keys(usagePlanId=second)["items"] == []


def test_a_plan_with_a_key_cannot_take_a_stage_another_plan_of_the_key_has(client: Any, stage: str) -> None:
    api_id, name = stage.split(":")
    first = client.create_usage_plan(name="a", apiStages=[{"apiId": api_id, "stage": name}])["id"]
    second = client.create_usage_plan(name="b")["id"]
    key = client.create_api_key()["id"]
    _join(client, first, key)
    _join(client, second, key)

    with raises_aws("ConflictException"):
        client.update_usage_plan(
            usagePlanId=second, patchOperations=[{"op": "add", "path": "/apiStages", "value": stage}]
        )
    assert client.get_usage_plan(usagePlanId=second)["apiStages"] == []


def test_get_usage_plan_keys_filters_by_name_and_pages(client: Any, plan: str) -> None:
    ids = [client.create_api_key(name=name)["id"] for name in ("alpha", "beta", "alpine")]
    for key_id in ids:
        _join(client, plan, key_id)

    named = client.get_usage_plan_keys(usagePlanId=plan, nameQuery="al")["items"]
    first = client.get_usage_plan_keys(usagePlanId=plan, limit=2)
    rest = client.get_usage_plan_keys(usagePlanId=plan, position=first["position"])

    assert [k["id"] for k in named] == [ids[0], ids[2]]
    assert [k["id"] for k in first["items"] + rest["items"]] == ids


def test_delete_usage_plan_key(client: Any, plan: str, key: dict[str, Any]) -> None:
    _join(client, plan, key["id"])

    resp = client.delete_usage_plan_key(usagePlanId=plan, keyId=key["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    for call in (client.get_usage_plan_key, client.delete_usage_plan_key):
        with raises_aws("NotFoundException", KEY_NOT_FOUND, 404):
            call(usagePlanId=plan, keyId=key["id"])
    assert client.get_api_key(apiKey=key["id"])["id"] == key["id"]  # the key itself stays


# ---- usage ---------------------------------------------------------------------------------------------------


def test_get_usage_answers_zero_use_per_day_and_key(client: Any, plan: str, key: dict[str, Any]) -> None:
    _join(client, plan, key["id"])

    usage = body(client.get_usage(usagePlanId=plan, startDate="2026-03-09", endDate="2026-03-11"))

    assert usage == {
        "usagePlanId": plan,
        "startDate": "2026-03-09",
        "endDate": "2026-03-11",
        "items": {key["id"]: [[0, 100], [0, 100], [0, 100]]},  # by key id [UNK → §18.8]
    }


def test_get_usage_answers_what_the_data_plane_counted(
    client: Any, mock: MockApiGateway, plan: str, key: dict[str, Any]
) -> None:
    _join(client, plan, key["id"])
    mock.backend("us-east-1").usage.count(plan, key["id"], DAY, 30)

    usage = client.get_usage(usagePlanId=plan, startDate="2026-03-10", endDate="2026-03-11", keyId=key["id"])

    assert usage["items"] == {key["id"]: [[30, 70], [0, 100]]}


def test_get_usage_pages_over_keys(client: Any, plan: str) -> None:
    ids = [client.create_api_key()["id"] for _ in range(3)]
    for key_id in ids:
        _join(client, plan, key_id)
    dates = {"usagePlanId": plan, "startDate": "2026-03-10", "endDate": "2026-03-10"}

    first = client.get_usage(**dates, limit=2)
    rest = client.get_usage(**dates, position=first["position"])

    assert list(first["items"]) + list(rest["items"]) == ids
    assert "position" not in rest


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param({"keyId": "nope000000"}, "NotFoundException", "Invalid Key identifier specified", id="key"),
        pytest.param(
            {"startDate": "03/10/2026"},
            "BadRequestException",
            "Invalid date format specified: 03/10/2026. Dates must be YYYY-MM-DD",
            id="date [UNK]",
        ),
        pytest.param(
            {"endDate": "2026-03-01"},
            "BadRequestException",
            "The end date must not be before the start date",
            id="reversed [UNK]",
        ),
    ],
)
def test_get_usage_refuses(client: Any, plan: str, args: dict[str, str], code: str, message: str) -> None:
    with raises_aws(code, message):
        client.get_usage(usagePlanId=plan, **{"startDate": "2026-03-09", "endDate": "2026-03-11", **args})


def test_update_usage_grants_requests_for_the_current_period(client: Any, plan: str, key: dict[str, Any]) -> None:
    _join(client, plan, key["id"])
    today = datetime.datetime.now(datetime.UTC).date().isoformat()

    usage = body(
        client.update_usage(
            usagePlanId=plan, keyId=key["id"], patchOperations=[{"op": "replace", "path": "/remaining", "value": "50"}]
        )
    )

    assert usage == {"usagePlanId": plan, "startDate": today, "endDate": today, "items": {key["id"]: [[0, 150]]}}
    assert client.get_usage(usagePlanId=plan, startDate=today, endDate=today)["items"] == usage["items"]


@pytest.mark.parametrize(
    ("op", "message"),
    [
        pytest.param({"op": "replace", "path": "/used", "value": "1"}, "Invalid patch path /used", id="path [UNK]"),
        pytest.param(
            {"op": "add", "path": "/remaining", "value": "1"},
            "Invalid patch operation specified. Must be one of: [replace]",
            id="op",
        ),
        pytest.param(
            {"op": "replace", "path": "/remaining", "value": "x"}, "Invalid remaining quota specified", id="value"
        ),
    ],
)
def test_update_usage_refuses(client: Any, plan: str, key: dict[str, Any], op: dict[str, str], message: str) -> None:
    _join(client, plan, key["id"])
    with raises_aws("BadRequestException", message):
        client.update_usage(usagePlanId=plan, keyId=key["id"], patchOperations=[op])


def test_update_usage_of_a_key_not_in_the_plan(client: Any, plan: str, key: dict[str, Any]) -> None:
    with raises_aws("NotFoundException", "Invalid Key identifier specified", 404):
        client.update_usage(usagePlanId=plan, keyId=key["id"], patchOperations=[])


@pytest.mark.parametrize(
    ("period", "counted", "expected"),
    [
        pytest.param("DAY", {DAY: 5}, [[5, 5], [0, 10]], id="day"),
        pytest.param("WEEK", {DAY - datetime.timedelta(days=1): 4, DAY: 5}, [[5, 1], [0, 1]], id="week-from-monday"),
        pytest.param("MONTH", {DAY.replace(day=1): 8, DAY: 5}, [[5, 0], [0, 0]], id="month-never-below-zero"),
    ],
)
def test_ledger_remaining_per_period(period: str, counted: dict[datetime.date, int], expected: list[list[int]]) -> None:
    ledger = UsageLedger()
    for day, requests in counted.items():
        ledger.count("p", "k", day, requests)

    daily = ledger.daily("p", "k", QuotaSettings(limit=10, period=period), DAY, DAY + datetime.timedelta(days=1))

    assert daily == expected


def test_ledger_without_quota_answers_zero_remaining() -> None:
    assert UsageLedger().daily("p", "k", None, DAY, DAY) == [[0, 0]]  # [UNK → §8.4]

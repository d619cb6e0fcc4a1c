"""Usage-plan throttling and quotas at invoke time, and what GetUsage/UpdateUsage see of them (spec §6.2,
control-plane-2 §8.4-8.5); the stage's method-settings throttle. Time is the data plane's clock, never a sleep."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import requests

from apigw_mock import MockApiGateway
from tests.invoke.builder import ApiBuilder

KEY = "q" * 30
OTHER = "o" * 30
TOO_MANY = {"message": "Too Many Requests"}
LIMIT = {"message": "Limit Exceeded"}
MONDAY = datetime.datetime(2026, 3, 2, 12, 0, 0)  # a Monday


@pytest.fixture(autouse=True)
def _fixed_clock(mock: MockApiGateway) -> None:
    mock.clock.set(MONDAY)


def planned(client: Any, api: ApiBuilder, *, keys: tuple[str, ...] = (KEY,), **plan: Any) -> dict[str, str]:
    """GET /pets and POST /pets (keys required) and GET /open, deployed to dev; one plan with `plan`'s settings
    holding one key per value of `keys`: {"plan": id, value: key id, ...}."""
    for verb in ("GET", "POST"):
        api.mock("/pets", verb, template='{"ok": true}')
        client.update_method(
            restApiId=api.id,
            resourceId=api.resources["/pets"],
            httpMethod=verb,
            patchOperations=[{"op": "replace", "path": "/apiKeyRequired", "value": "true"}],
        )
    api.mock("/open", template='{"ok": true}')
    api.deploy("dev")
    stages = plan.pop("apiStages", [{"apiId": api.id, "stage": "dev"}])
    made = client.create_usage_plan(name="plan", apiStages=stages, **plan)
    ids = {"plan": made["id"]}
    for value in keys:
        key = client.create_api_key(name=value[:3], value=value, enabled=True)
        client.create_usage_plan_key(usagePlanId=made["id"], keyId=key["id"], keyType="API_KEY")
        ids[value] = key["id"]
    return ids


def call(api: ApiBuilder, key: str | None = KEY, verb: str = "GET", path: str = "/pets") -> requests.Response:
    return requests.request(verb, api.url(path), headers={"x-api-key": key} if key else {})


def statuses(api: ApiBuilder, count: int, key: str = KEY, verb: str = "GET") -> list[int]:
    return [call(api, key, verb).status_code for _ in range(count)]


def usage(client: Any, plan_id: str, start: str = "2026-03-02", end: str = "2026-03-02", **extra: Any) -> Any:
    return client.get_usage(usagePlanId=plan_id, startDate=start, endDate=end, **extra)["items"]


# ---- throttle ---------------------------------------------------------------------------------------------------


def test_plan_throttle_lets_the_burst_through_then_429(client: Any, api: ApiBuilder) -> None:
    planned(client, api, throttle={"burstLimit": 3, "rateLimit": 1.0})
    assert statuses(api, 3) == [200, 200, 200]
    answer = call(api)
    assert answer.status_code == 429
    assert answer.json() == TOO_MANY
    assert answer.headers["x-amzn-ErrorType"] == "TooManyRequestsException"


def test_the_bucket_refills_at_the_rate(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    planned(client, api, throttle={"burstLimit": 2, "rateLimit": 2.0})
    assert statuses(api, 3) == [200, 200, 429]
    mock.clock.advance(0.5)  # one token back
    assert statuses(api, 2) == [200, 429]
    mock.clock.advance(10)  # full again, never beyond the burst
    assert statuses(api, 3) == [200, 200, 429]


def test_burst_limit_zero_throttles_every_request(client: Any, api: ApiBuilder) -> None:
    planned(client, api, throttle={"burstLimit": 0, "rateLimit": 100.0})
    assert statuses(api, 2) == [429, 429]


def test_the_plan_bucket_is_per_key(client: Any, api: ApiBuilder) -> None:
    planned(client, api, keys=(KEY, OTHER), throttle={"burstLimit": 1, "rateLimit": 0.001})
    assert statuses(api, 2, KEY) == [200, 429]
    assert statuses(api, 2, OTHER) == [200, 429]


def test_a_method_throttle_wins_over_the_plan_throttle(client: Any, api: ApiBuilder) -> None:
    stages = [{"apiId": api.id, "stage": "dev", "throttle": {"/pets/POST": {"burstLimit": 1, "rateLimit": 0.001}}}]
    planned(client, api, apiStages=stages, throttle={"burstLimit": 3, "rateLimit": 0.001})
    assert statuses(api, 2, verb="POST") == [200, 429]
    assert statuses(api, 4, verb="GET") == [200, 200, 200, 429]  # the plan's own bucket, not POST's


def test_update_usage_plan_throttle_applies_to_the_next_request(client: Any, api: ApiBuilder) -> None:
    ids = planned(client, api)
    assert statuses(api, 3) == [200, 200, 200]  # no throttle: unlimited
    client.update_usage_plan(
        usagePlanId=ids["plan"],
        patchOperations=[
            {"op": "add", "path": "/throttle/burstLimit", "value": "1"},
            {"op": "add", "path": "/throttle/rateLimit", "value": "0.001"},
        ],
    )
    assert statuses(api, 2) == [200, 429]


def test_a_throttled_request_is_not_counted(client: Any, api: ApiBuilder) -> None:
    ids = planned(client, api, throttle={"burstLimit": 1, "rateLimit": 0.001}, quota={"limit": 10, "period": "DAY"})
    assert statuses(api, 3) == [200, 429, 429]
    assert usage(client, ids["plan"]) == {ids[KEY]: [[1, 9]]}


# ---- quota and GetUsage ------------------------------------------------------------------------------------------


def test_quota_exceeded_is_429_limit_exceeded(client: Any, api: ApiBuilder) -> None:
    ids = planned(client, api, quota={"limit": 2, "period": "DAY"})
    assert statuses(api, 2) == [200, 200]
    answer = call(api)
    assert answer.status_code == 429
    assert answer.json() == LIMIT
    assert answer.headers["x-amzn-ErrorType"] == "LimitExceededException"
    assert usage(client, ids["plan"]) == {ids[KEY]: [[2, 0]]}


def test_get_usage_counts_invocations_per_key_and_day(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    ids = planned(client, api, keys=(KEY, OTHER), quota={"limit": 100, "period": "WEEK"})
    statuses(api, 3, KEY)
    statuses(api, 1, OTHER)
    call(api, None, path="/open")  # no key: counted nowhere
    mock.clock.advance(24 * 3600)
    statuses(api, 2, KEY)
    items = usage(client, ids["plan"], end="2026-03-03")
    assert items == {ids[KEY]: [[3, 97], [2, 95]], ids[OTHER]: [[1, 99], [0, 99]]}
    assert usage(client, ids["plan"], end="2026-03-03", keyId=ids[OTHER]) == {ids[OTHER]: [[1, 99], [0, 99]]}


def test_a_plan_without_quota_still_counts_usage(client: Any, api: ApiBuilder) -> None:
    ids = planned(client, api)
    statuses(api, 4)
    assert usage(client, ids["plan"]) == {ids[KEY]: [[4, 0]]}  # remaining 0 without quota [UNK → §8.4]


@pytest.mark.parametrize(
    ("period", "before", "after"),
    [
        ("DAY", datetime.datetime(2026, 3, 2, 23, 59, 59), datetime.datetime(2026, 3, 3, 0, 0, 0)),
        ("WEEK", datetime.datetime(2026, 3, 8, 23, 59, 59), datetime.datetime(2026, 3, 9, 0, 0, 0)),  # Sun -> Mon
        ("MONTH", datetime.datetime(2026, 3, 31, 23, 59, 59), datetime.datetime(2026, 4, 1, 0, 0, 0)),
    ],
)
def test_the_quota_resets_at_the_period_boundary(
    client: Any, api: ApiBuilder, mock: MockApiGateway, period: str, before: datetime.datetime, after: Any
) -> None:
    planned(client, api, quota={"limit": 2, "period": period})
    assert statuses(api, 2) == [200, 200]
    mock.clock.set(before)
    assert statuses(api, 1) == [429]
    mock.clock.set(after)
    assert statuses(api, 3) == [200, 200, 429]


def test_update_usage_grants_more_requests_in_this_period(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    """The grant is for the data plane clock's period: later in the month it still holds, next month it is gone."""
    ids = planned(client, api, quota={"limit": 1, "period": "MONTH"})
    assert statuses(api, 2) == [200, 429]
    granted = client.update_usage(
        usagePlanId=ids["plan"], keyId=ids[KEY], patchOperations=[{"op": "replace", "path": "/remaining", "value": "2"}]
    )
    assert granted["items"] == {ids[KEY]: [[1, 2]]} and granted["startDate"] == "2026-03-02"
    mock.clock.set(datetime.datetime(2026, 3, 20))
    assert statuses(api, 3) == [200, 200, 429]
    assert usage(client, ids["plan"], start="2026-03-20", end="2026-03-20") == {ids[KEY]: [[2, 0]]}
    mock.clock.set(datetime.datetime(2026, 4, 1))
    assert statuses(api, 2) == [200, 429]


def test_the_offset_is_subtracted_in_the_first_period_only(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    ids = planned(client, api, quota={"limit": 3, "offset": 1, "period": "DAY"})
    assert statuses(api, 3) == [200, 200, 429]
    mock.clock.advance(24 * 3600)
    assert statuses(api, 4) == [200, 200, 200, 429]
    assert usage(client, ids["plan"], end="2026-03-03") == {ids[KEY]: [[2, 0], [3, 0]]}


def test_the_quota_is_per_key(client: Any, api: ApiBuilder) -> None:
    planned(client, api, keys=(KEY, OTHER), quota={"limit": 1, "period": "DAY"})
    assert statuses(api, 2, KEY) == [200, 429]
    assert statuses(api, 2, OTHER) == [200, 429]


def test_a_customised_quota_response_applies(client: Any, api: ApiBuilder) -> None:
    planned(client, api, quota={"limit": 1, "period": "DAY"})
    client.put_gateway_response(
        restApiId=api.id,
        responseType="QUOTA_EXCEEDED",
        responseTemplates={"application/json": '{"quota": "$context.error.message"}'},
    )
    api.deploy("dev")
    assert call(api).status_code == 200
    answer = call(api)
    assert (answer.status_code, answer.json()) == (429, {"quota": "Limit Exceeded"})


# ---- the order of refusals (spec §4: key, then throttle, then quota, then validation) ----------------------------


def test_key_before_throttle_before_quota(client: Any, api: ApiBuilder) -> None:
    ids = planned(client, api, throttle={"burstLimit": 0, "rateLimit": 1.0}, quota={"limit": 1, "period": "DAY"})
    assert call(api, "x" * 30).json() == {"message": "Forbidden"}  # bad key and throttled: the key wins
    assert call(api).json() == TOO_MANY  # throttled, quota untouched
    client.update_usage_plan(usagePlanId=ids["plan"], patchOperations=[{"op": "remove", "path": "/throttle"}])
    assert statuses(api, 2) == [200, 429]
    assert call(api).json() == LIMIT


# ---- the stage's method settings --------------------------------------------------------------------------------


def _stage_throttle(client: Any, api: ApiBuilder, key: str, burst: int, rate: float) -> None:
    client.update_stage(
        restApiId=api.id,
        stageName="dev",
        patchOperations=[
            {"op": "replace", "path": f"/{key}/throttling/burstLimit", "value": str(burst)},
            {"op": "replace", "path": f"/{key}/throttling/rateLimit", "value": str(rate)},
        ],
    )


def test_stage_method_settings_throttle_every_caller(client: Any, api: ApiBuilder) -> None:
    planned(client, api)
    assert [call(api, None, path="/open").status_code for _ in range(5)] == [200] * 5  # off unless set
    _stage_throttle(client, api, "*/*", 2, 0.001)
    assert [call(api, None, path="/open").status_code for _ in range(3)] == [200, 200, 429]
    assert call(api, None, path="/open").json() == TOO_MANY
    assert statuses(api, 3) == [200, 200, 429]  # each method its own bucket [INF]


def test_method_settings_of_minus_one_throttle_nothing(client: Any, api: ApiBuilder) -> None:
    # What Terraform's aws_api_gateway_method_settings sends for limits left out ("throttling disabled").
    planned(client, api)
    _stage_throttle(client, api, "*/*", -1, -1.0)
    assert [call(api, None, path="/open").status_code for _ in range(5)] == [200] * 5


def test_a_per_method_setting_wins_over_the_stage_default(client: Any, api: ApiBuilder) -> None:
    planned(client, api)
    _stage_throttle(client, api, "*/*", 5, 0.001)
    _stage_throttle(client, api, "~1open/GET", 1, 0.001)
    assert [call(api, None, path="/open").status_code for _ in range(2)] == [200, 429]
    assert statuses(api, 5) == [200] * 5


def test_the_usage_plan_refuses_before_the_stage_throttle(client: Any, api: ApiBuilder) -> None:
    ids = planned(client, api, quota={"limit": 1, "period": "DAY"})
    _stage_throttle(client, api, "*/*", 1, 0.001)
    assert statuses(api, 1) == [200]
    assert call(api).json() == LIMIT  # the quota refuses first; the stage bucket is empty too
    assert usage(client, ids["plan"]) == {ids[KEY]: [[1, 0]]}


# ---- the bucket itself (domain.throttle), as a table ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "burst", "times", "expected"),
    [
        (1.0, 2, [0, 0, 0, 1, 1], [True, True, False, True, False]),
        (None, 1, [0, 0, 0], [True, True, True]),  # no rate: only a burst of 0 throttles [INF]
        (None, 0, [0], [False]),
        (2.5, None, [0, 0, 0, 0], [True, True, True, False]),  # no burst: ceil(rate) [INF]
        (1.0, 1, [10, 5, 5, 11], [True, False, False, True]),  # a clock set back refills nothing
        (-1.0, -1, [0, 0, 0], [True, True, True]),  # -1 is "throttling disabled" (Terraform's default) [INF]
        (-1.0, 1, [0, 0], [True, True]),
        (1.0, -1, [0, 0, 1], [True, False, True]),  # a burst of -1 is no burst: ceil(rate)
    ],
)
def test_token_bucket_table(rate: float | None, burst: int | None, times: list[float], expected: list[bool]) -> None:
    from apigw_mock.domain.throttle import TokenBuckets

    buckets = TokenBuckets()
    assert [buckets.take(("b",), rate, burst, now) for now in times] == expected


def test_buckets_and_usage_are_part_of_a_snapshot(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    ids = planned(client, api, throttle={"burstLimit": 2, "rateLimit": 0.001}, quota={"limit": 5, "period": "WEEK"})
    assert statuses(api, 1) == [200]
    snapshot = mock.snapshot()
    assert statuses(api, 2) == [200, 429]
    assert usage(client, ids["plan"]) == {ids[KEY]: [[2, 3]]}
    mock.restore(snapshot)
    assert usage(client, ids["plan"]) == {ids[KEY]: [[1, 4]]}
    assert statuses(api, 2) == [200, 429]  # one token was left at the snapshot

"""Usage plans through boto3 (spec control-plane-2 §8): CreateUsagePlan's defaults and stage check, Get(s) and the
`keyId` filter, the UpdateUsagePlan table, usage plan keys, GetUsage and UpdateUsage.

Tests that need a stage use the `stage` fixture: a real one once CreateDeployment is registered (the deployments
branch), until then a stand-in `stages` container on the graph.
"""

from __future__ import annotations

from typing import Any

import pytest

from apigw_mock.domain.usage_plan import INVALID_API_STAGE, PlanPatch, UsagePlan
from apigw_mock.exceptions import ApiGatewayError
from apigw_mock.patch import apply_patch
from tests.helpers import body, raises_aws

PLAN_NOT_FOUND = "Invalid Usage Plan ID specified"  # [UNK → §18.1]
CONFLICT_PREFIX = "Usage Plan "


@pytest.fixture
def plan(client: Any) -> dict[str, Any]:
    return body(client.create_usage_plan(name="p"))


@pytest.fixture
def key(client: Any) -> dict[str, Any]:
    return body(client.create_api_key(name="k"))


def test_create_usage_plan_answers_201_with_the_defaults(client: Any) -> None:
    resp = client.create_usage_plan(name="p")

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert body(resp) == {"id": resp["id"], "name": "p", "apiStages": []}  # [UNK → §18.5]
    assert len(resp["id"]) == 6


def test_create_usage_plan_keeps_throttle_quota_and_tags(client: Any) -> None:
    created = body(
        client.create_usage_plan(
            name="p",
            description="d",
            throttle={"burstLimit": 10, "rateLimit": 5.0},
            quota={"limit": 500, "offset": 0, "period": "MONTH"},
            tags={"team": "api"},
        )
    )

    assert created == {
        "id": created["id"],
        "name": "p",
        "description": "d",
        "apiStages": [],
        "throttle": {"burstLimit": 10, "rateLimit": 5.0},
        "quota": {"limit": 500, "offset": 0, "period": "MONTH"},
        "tags": {"team": "api"},
    }
    assert body(client.get_usage_plan(usagePlanId=created["id"])) == created


def test_create_usage_plan_refuses_a_missing_stage(client: Any, rest_api: dict[str, Any]) -> None:
    with raises_aws("BadRequestException", "Invalid API Stage {api: %s, stage: %s} specified for usageplan %s", 400):
        client.create_usage_plan(name="p", apiStages=[{"apiId": rest_api["id"], "stage": "nope"}])
    assert client.get_usage_plans()["items"] == []


def test_create_usage_plan_with_a_stage(client: Any, stage: str) -> None:
    api_id, name = stage.split(":")
    throttle = {"/pets/GET": {"burstLimit": 10, "rateLimit": 5.0}}
    created = client.create_usage_plan(name="p", apiStages=[{"apiId": api_id, "stage": name, "throttle": throttle}])

    assert created["apiStages"] == [{"apiId": api_id, "stage": name, "throttle": throttle}]


def test_quota_period_is_an_enum(client: Any) -> None:
    with raises_aws("ValidationException"):
        client.create_usage_plan(name="p", quota={"limit": 1, "period": "YEAR"})


def test_get_usage_plans_pages_and_filters_by_key(client: Any, key: dict[str, Any]) -> None:
    ids = [client.create_usage_plan(name=f"p{n}")["id"] for n in range(3)]
    client.create_usage_plan_key(usagePlanId=ids[1], keyId=key["id"], keyType="API_KEY")

    first = client.get_usage_plans(limit=2)
    rest = client.get_usage_plans(position=first["position"])

    assert [p["id"] for p in first["items"] + rest["items"]] == ids
    assert [p["id"] for p in client.get_usage_plans(keyId=key["id"])["items"]] == [ids[1]]


def test_missing_usage_plan(client: Any) -> None:
    for call in (client.get_usage_plan, client.delete_usage_plan, client.update_usage_plan):
        with raises_aws("NotFoundException", PLAN_NOT_FOUND, 404):
            call(usagePlanId="nope00")
    with raises_aws("NotFoundException", PLAN_NOT_FOUND, 404):
        client.get_usage_plan_keys(usagePlanId="nope00")


def test_update_usage_plan_answers_what_get_shows(client: Any, plan: dict[str, Any]) -> None:
    updated = body(
        client.update_usage_plan(
            usagePlanId=plan["id"],
            patchOperations=[
                {"op": "replace", "path": "/name", "value": "renamed"},
                {"op": "add", "path": "/throttle/rateLimit", "value": "2.5"},
                {"op": "add", "path": "/throttle/burstLimit", "value": "4"},
                {"op": "add", "path": "/quota/limit", "value": "100"},
                {"op": "add", "path": "/quota/period", "value": "WEEK"},
            ],
        )
    )

    assert updated == {
        **plan,
        "name": "renamed",
        "throttle": {"rateLimit": 2.5, "burstLimit": 4},
        "quota": {"limit": 100, "period": "WEEK"},
    }
    assert body(client.get_usage_plan(usagePlanId=plan["id"])) == updated


def test_update_usage_plan_adds_and_removes_a_stage(client: Any, plan: dict[str, Any], stage: str) -> None:
    add = client.update_usage_plan(
        usagePlanId=plan["id"], patchOperations=[{"op": "add", "path": "/apiStages", "value": stage}]
    )
    api_id, name = stage.split(":")
    assert add["apiStages"] == [{"apiId": api_id, "stage": name}]

    throttled = client.update_usage_plan(
        usagePlanId=plan["id"],
        patchOperations=[{"op": "replace", "path": f"/apiStages/{stage}/throttle//pets/GET/rateLimit", "value": "3"}],
    )
    assert throttled["apiStages"][0]["throttle"] == {"/pets/GET": {"rateLimit": 3.0}}

    removed = client.update_usage_plan(
        usagePlanId=plan["id"], patchOperations=[{"op": "remove", "path": "/apiStages", "value": stage}]
    )
    assert removed["apiStages"] == []


def test_update_usage_plan_refuses_a_missing_stage(client: Any, plan: dict[str, Any], rest_api: dict[str, Any]) -> None:
    with raises_aws("BadRequestException", INVALID_API_STAGE, 400):
        client.update_usage_plan(
            usagePlanId=plan["id"],
            patchOperations=[{"op": "add", "path": "/apiStages", "value": f"{rest_api['id']}:nope"}],
        )
    assert client.get_usage_plan(usagePlanId=plan["id"])["apiStages"] == []


# The table as pure engine cases; stages `api:dev` and `api:prod` exist, and no key is shared.
PLAN = UsagePlan.model_validate(
    {"id": "p1p1p1", "name": "p", "apiStages": [{"apiId": "api", "stage": "dev"}], "throttle": {"rateLimit": 1.0}}
)
CONTEXT = PlanPatch("p1p1p1", lambda api, stage: api == "api" and stage in ("dev", "prod"), lambda stage: None)
TABLE: dict[str, tuple[list[dict[str, Any]], dict[str, Any] | str]] = {
    "add a stage": (
        [{"op": "add", "path": "/apiStages", "value": "api:prod"}],
        {"apiStages": [{"apiId": "api", "stage": "dev"}, {"apiId": "api", "stage": "prod"}]},
    ),
    "add a stage twice is a no-op [UNK]": ([{"op": "add", "path": "/apiStages", "value": "api:dev"}], {}),
    "remove a stage": ([{"op": "remove", "path": "/apiStages", "value": "api:dev"}], {"apiStages": []}),
    "remove a stage not in the plan [UNK]": (
        [{"op": "remove", "path": "/apiStages", "value": "api:prod"}],
        "API Stage not found: api:prod.",
    ),
    "a method throttle, Terraform's double slash": (
        [
            {"op": "replace", "path": "/apiStages/api:dev/throttle//pets/GET/rateLimit", "value": "5"},
            {"op": "replace", "path": "/apiStages/api:dev/throttle//pets/GET/burstLimit", "value": "9"},
        ],
        {
            "apiStages": [
                {"apiId": "api", "stage": "dev", "throttle": {"/pets/GET": {"rateLimit": 5.0, "burstLimit": 9}}}
            ]
        },
    ),
    "remove a method throttle": (
        [
            {"op": "replace", "path": "/apiStages/api:dev/throttle//pets/GET/rateLimit", "value": "5"},
            {"op": "remove", "path": "/apiStages/api:dev/throttle//pets/GET"},
        ],
        {},
    ),
    "a method throttle of a stage not in the plan": (
        [{"op": "replace", "path": "/apiStages/api:prod/throttle//pets/GET/rateLimit", "value": "5"}],
        "API Stage not found: api:prod.",
    ),
    "a method throttle with an unknown limit": (
        [{"op": "replace", "path": "/apiStages/api:dev/throttle//pets/GET/speed", "value": "5"}],
        "Invalid patch path /apiStages/api:dev/throttle//pets/GET/speed",
    ),
    "rate limit not a number [UNK]": (
        [{"op": "replace", "path": "/throttle/rateLimit", "value": "fast"}],
        "Invalid rate limit specified: fast",
    ),
    "remove the throttle": ([{"op": "remove", "path": "/throttle"}], {"throttle": None}),
    "remove the quota": ([{"op": "remove", "path": "/quota"}], {}),
    "quota period": (
        [{"op": "replace", "path": "/quota/period", "value": "YEAR"}],
        "Invalid quota period specified. Valid options are DAY,WEEK,MONTH",
    ),
    "product code": ([{"op": "replace", "path": "/productCode", "value": "pc"}], {"productCode": "pc"}),
    "replace the stages": (
        [{"op": "replace", "path": "/apiStages", "value": "api:prod"}],
        "Invalid patch operation specified. Must be one of: [add, remove]",
    ),
    "unknown path": ([{"op": "replace", "path": "/id", "value": "x"}], "Invalid patch path /id"),
}


@pytest.mark.parametrize(("ops", "expected"), TABLE.values(), ids=TABLE.keys())
def test_update_usage_plan_table(ops: list[dict[str, Any]], expected: dict[str, Any] | str) -> None:
    if isinstance(expected, str):
        with pytest.raises(ApiGatewayError) as caught:
            apply_patch(PLAN, ops, context=CONTEXT)
        assert caught.value.message == expected
        return
    dumped = apply_patch(PLAN, ops, context=CONTEXT).model_dump(exclude_none=True)
    merged = {**PLAN.model_dump(exclude_none=True), **expected}
    assert dumped == {member: value for member, value in merged.items() if value is not None}  # None: removed


def test_delete_usage_plan_answers_202(client: Any, plan: dict[str, Any]) -> None:
    resp = client.delete_usage_plan(usagePlanId=plan["id"])

    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert client.get_usage_plans()["items"] == []

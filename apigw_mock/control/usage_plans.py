"""Usage plan operations (account-level): Create/Get/Update/DeleteUsagePlan as a declared collection with its own
GetUsagePlans (`keyId` filter); CreateUsagePlanKey, GetUsagePlanKey(s), DeleteUsagePlanKey; GetUsage and
UpdateUsage (spec control-plane-2 §8).

A plan's keys are `backend.usage_plan_keys[plan id]` (key ids); a UsagePlanKey is derived from its API key when
read. Usage comes from `backend.usage`, which the data plane counts; UpdateUsage's "current period" is the data
plane's clock's (`STATE.clock`, which tests set), so a grant lands in the period the requests are counted in.
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.control.registry import operation
from apigw_mock.domain import usage_plan as rules
from apigw_mock.domain.api_key import NOT_FOUND as KEY_NOT_FOUND
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.stage_refs import api_stage_exists
from apigw_mock.domain.usage import DATES_REVERSED, KEY_NOT_IN_PLAN, Usage, UsageGrant, parse_day
from apigw_mock.domain.usage_plan import PlanPatch, UsagePlan, UsagePlanKey
from apigw_mock.exceptions import BadRequestException, ConflictException, NotFoundException
from apigw_mock.paging import PagedDict, page_size
from apigw_mock.patch import PatchOperations, apply_patch
from apigw_mock.state import STATE


def _plans(backend: ApiGatewayBackend, params: Params) -> PagedDict[str, UsagePlan]:
    return backend.usage_plans


def _exists(backend: ApiGatewayBackend) -> rules.StageExists:
    return lambda rest_api_id, stage: api_stage_exists(backend, rest_api_id, stage)


def _create(backend: ApiGatewayBackend, params: Params, members: Params) -> UsagePlan:
    plan = rules.new_usage_plan(members.pop("id"), members, _exists(backend))
    backend.usage_plan_keys[plan.id] = PagedDict()
    return plan


def _context(backend: ApiGatewayBackend, params: Params) -> PlanPatch:
    plan_id = params["usage_plan_id"]

    def check_keys(stage: str) -> None:
        for key_id in backend.usage_plan_keys.get(plan_id, {}):
            rules.check_shared_stage(backend.usage_plans, backend.usage_plan_keys, plan_id, key_id, [stage])

    return PlanPatch(plan_id, _exists(backend), check_keys)


def _forget_keys(backend: ApiGatewayBackend, params: Params, plan: UsagePlan) -> None:
    backend.usage_plan_keys.pop(plan.id, None)


USAGE_PLANS = Collection(
    model=UsagePlan,
    noun="UsagePlan",
    container=_plans,
    key="usage_plan_id",
    not_found=rules.NOT_FOUND,
    create=_create,
    before_delete=_forget_keys,
    patch_context=_context,
    arn="/usageplans/{}",
)
register_crud(USAGE_PLANS, verbs=("create", "get", "update", "delete"))


@operation("GetUsagePlans")
def get_usage_plans(
    backend: ApiGatewayBackend, *, key_id: str | None = None, position: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    keys_of = backend.usage_plan_keys
    keep = None if key_id is None else lambda plan: key_id in keys_of.get(plan.id, {})
    items, following = backend.usage_plans.page(position, page_size(limit), keep)
    return {"items": items, "position": following}


# ---- usage plan keys -------------------------------------------------------------------------------------------


def _keys_of(backend: ApiGatewayBackend, usage_plan_id: str) -> PagedDict[str, str]:
    USAGE_PLANS.lookup(backend, {"usage_plan_id": usage_plan_id})
    return backend.usage_plan_keys[usage_plan_id]


def _plan_key(backend: ApiGatewayBackend, key_id: str) -> UsagePlanKey:
    key = backend.api_keys[key_id]
    return UsagePlanKey(id=key.id, value=key.value, name=key.name)


@operation("CreateUsagePlanKey")
def create_usage_plan_key(
    backend: ApiGatewayBackend, *, usage_plan_id: str, key_id: str, key_type: str
) -> UsagePlanKey:
    members = _keys_of(backend, usage_plan_id)
    if key_type != "API_KEY":
        raise BadRequestException(rules.INVALID_KEY_TYPE)
    if key_id not in backend.api_keys:
        raise NotFoundException(KEY_NOT_FOUND)
    if key_id in members:
        raise ConflictException(rules.KEY_IN_PLAN.format(key=key_id, plan=usage_plan_id))
    stages = backend.usage_plans[usage_plan_id].stages()
    rules.check_shared_stage(backend.usage_plans, backend.usage_plan_keys, usage_plan_id, key_id, stages)
    members[key_id] = key_id
    return _plan_key(backend, key_id)


@operation("GetUsagePlanKey")
def get_usage_plan_key(backend: ApiGatewayBackend, *, usage_plan_id: str, key_id: str) -> UsagePlanKey:
    if key_id not in _keys_of(backend, usage_plan_id):
        raise NotFoundException(rules.KEY_NOT_FOUND)
    return _plan_key(backend, key_id)


@operation("GetUsagePlanKeys")
def get_usage_plan_keys(
    backend: ApiGatewayBackend,
    *,
    usage_plan_id: str,
    name_query: str | None = None,
    position: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    keys = backend.api_keys
    keep = None if not name_query else lambda key_id: (keys[key_id].name or "").startswith(name_query)  # [UNK]
    ids, following = _keys_of(backend, usage_plan_id).page(position, page_size(limit), keep)
    return {"items": [_plan_key(backend, key_id) for key_id in ids], "position": following}


@operation("DeleteUsagePlanKey")
def delete_usage_plan_key(backend: ApiGatewayBackend, *, usage_plan_id: str, key_id: str) -> None:
    members = _keys_of(backend, usage_plan_id)
    if members.pop(key_id, None) is None:
        raise NotFoundException(rules.KEY_NOT_FOUND)


# ---- usage ---------------------------------------------------------------------------------------------------


@operation("GetUsage")
def get_usage(
    backend: ApiGatewayBackend,
    *,
    usage_plan_id: str,
    start_date: str,
    end_date: str,
    key_id: str | None = None,
    position: str | None = None,
    limit: int | None = None,
) -> Usage:
    """One page of the plan's keys (`limit`/`position` page over keys [INF]), each with its days."""
    members = _keys_of(backend, usage_plan_id)
    start, end = parse_day(start_date), parse_day(end_date)
    if end < start:
        raise BadRequestException(DATES_REVERSED)
    if key_id is not None and key_id not in members:
        raise NotFoundException(KEY_NOT_IN_PLAN)
    wanted, following = ([key_id], None) if key_id else members.page(position, page_size(limit))
    quota, daily = backend.usage_plans[usage_plan_id].quota, backend.usage.daily
    items = {key: daily(usage_plan_id, key, quota, start, end) for key in wanted}
    return Usage(usage_plan_id=usage_plan_id, start_date=start_date, end_date=end_date, items=items, position=following)


@operation("UpdateUsage")
def update_usage(
    backend: ApiGatewayBackend, *, usage_plan_id: str, key_id: str, patch_operations: PatchOperations = ()
) -> Usage:
    if key_id not in _keys_of(backend, usage_plan_id):
        raise NotFoundException(KEY_NOT_IN_PLAN)
    grant = apply_patch(UsageGrant(), patch_operations).remaining
    quota, today = backend.usage_plans[usage_plan_id].quota, STATE.clock.now().date()
    if grant:
        backend.usage.grant(usage_plan_id, key_id, today, quota, grant)
    day = today.isoformat()
    items = {key_id: backend.usage.daily(usage_plan_id, key_id, quota, today, today)}
    return Usage(usage_plan_id=usage_plan_id, start_date=day, end_date=day, items=items)

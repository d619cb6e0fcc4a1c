"""UsagePlan, its API stages and throttle/quota settings, UsagePlanKey, and the rules between plans, keys and
stages (spec control-plane-2 §8.1–§8.3).

Contract: `new_usage_plan(id, members, exists)` gives CreateUsagePlan's node (`apiStages` `[]` when none [UNK →
§18.5]; `throttle`, `quota`, `description`, `tags` only when given [INF]), refusing an API stage that does not exist
with AWS's literal `Invalid API Stage {api: %s, stage: %s} specified for usageplan %s` (an AWS formatting bug,
[FIELD §2]). UpdateUsagePlan's table is `UsagePlan.PATCHABLE`; its per-method throttle paths carry a resource path
with slashes inside the key (`/apiStages/a:s/throttle//pets/GET/rateLimit`, Terraform's form [CLIENT]), which
`_PlanRules` matches by prefix. `check_shared_stage` is the one owner of "a key joins one plan per API stage";
`plan_for_stage` finds that one plan for the data plane's key check (spec data-plane §6.1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, get_args

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.dump import Double
from apigw_mock.exceptions import BadRequestException, ConflictException, NotFoundException

QuotaPeriod = Literal["DAY", "WEEK", "MONTH"]
NOT_FOUND = "Invalid Usage Plan ID specified"  # [UNK → §18.1]
KEY_NOT_FOUND = "Invalid Usage Plan Key identifier specified"  # [UNK → §18.1]
INVALID_API_STAGE = "Invalid API Stage {api: %s, stage: %s} specified for usageplan %s"  # sic, [FIELD §2]
INVALID_KEY_TYPE = "Invalid key type specified. Valid options are API_KEY"  # [UNK]
KEY_IN_PLAN = "API Key {key} is already in usage plan {plan}"  # [UNK → Conflict, §8.3]
PERIOD_INVALID = "Invalid quota period specified. Valid options are DAY,WEEK,MONTH"  # [UNK]
NUMBER_INVALID = "Invalid {name} specified: {value}"  # [UNK]
STAGE_NOT_IN_PLAN = "API Stage not found: {stage}."  # [UNK; AWS's 2016 not-found wording, FIELD serverless#2831]

StageExists = Callable[[str, str], bool]
"""(rest api id, stage name) -> whether the stage exists."""


class ThrottleSettings(ApiGatewayModel, kw_only=True):
    """Steady-state rate and burst of requests; each omitted when not set."""

    burst_limit: int | None = None
    rate_limit: Double | None = None


class QuotaSettings(ApiGatewayModel, kw_only=True):
    """At most `limit` requests per `period`; `offset` requests are subtracted in the first period [MODEL]."""

    limit: int | None = None
    offset: int | None = None
    period: QuotaPeriod | None = None


class ApiStage(ApiGatewayModel, kw_only=True):
    api_id: str
    stage: str
    throttle: dict[str, ThrottleSettings] | None = None
    """`/{resourcePath}/{HTTP_METHOD}` (e.g. `/pets/GET`) -> that method's throttle; omitted when none."""


class UsagePlan(ApiGatewayModel, kw_only=True):
    id: str
    """Generated (6 characters)."""
    name: str
    description: str | None = None
    api_stages: list[ApiStage] = []
    throttle: ThrottleSettings | None = None
    quota: QuotaSettings | None = None
    product_code: str | None = None
    """The AWS Marketplace product id of a SaaS product."""
    tags: dict[str, str] | None = None
    """Omitted when none; ARN `arn:aws:apigateway:{region}::/usageplans/{id}`."""

    PATCHABLE: ClassVar[patch.PatchRules]

    def stages(self) -> set[str]:
        """The plan's API stages as `{apiId}:{stage}`."""
        return {f"{stage.api_id}:{stage.stage}" for stage in self.api_stages}


class UsagePlanKey(ApiGatewayModel, kw_only=True):
    """An API key as a member of a usage plan: derived from the key when read, so it shows the key's name now."""

    id: str
    type: str = "API_KEY"
    value: str | None = None
    name: str | None = None


def new_usage_plan(plan_id: str, members: dict[str, Any], exists: StageExists) -> UsagePlan:
    for stage in members.get("api_stages") or ():
        if not exists(stage.get("apiId", ""), stage.get("stage", "")):
            raise BadRequestException(INVALID_API_STAGE)
    given = {key: value for key, value in members.items() if value is not None}
    return UsagePlan.checked(**{**given, "id": plan_id})


def check_shared_stage(
    plans: Mapping[str, UsagePlan],
    keys_of: Mapping[str, Mapping[str, str]],
    plan_id: str,
    key_id: str,
    stages: Iterable[str],
) -> None:
    """A key may be in several plans but only one per API stage [DOC]: Conflict when another plan holding `key_id`
    has one of `stages` [UNK text, recalled]."""
    wanted = set(stages)
    for other_id, other in plans.items():
        if other_id == plan_id or key_id not in keys_of.get(other_id, {}):
            continue
        shared = sorted(wanted & other.stages())
        if shared:
            raise ConflictException(
                f"Usage Plan {plan_id} cannot be added because API Key {key_id} cannot reference multiple Usage Plans"
                f" with the same API Stage: {shared[0]}"
            )


def plan_for_stage(
    plans: Mapping[str, UsagePlan], keys_of: Mapping[str, Mapping[str, str]], key_id: str, api_id: str, stage: str
) -> tuple[UsagePlan, ApiStage] | None:
    """The plan holding `key_id` whose API stages include `api_id`/`stage` (at most one, `check_shared_stage`),
    with that API stage entry; O(plans): callers cache it (the nodes are replaced on change, never edited)."""
    for plan_id, members in keys_of.items():
        plan = plans.get(plan_id) if key_id in members else None
        if plan is None:
            continue
        for entry in plan.api_stages:
            if entry.api_id == api_id and entry.stage == stage:
                return plan, entry
    return None


# ---- UpdateUsagePlan ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanPatch:
    """UpdateUsagePlan's context: the plan's id, the stage check, and the check of its keys against a new stage."""

    plan_id: str
    exists: StageExists
    check_keys: Callable[[str], None]
    """(`{apiId}:{stage}`) -> None, raising when one of the plan's keys is in another plan with that stage."""


def _number(name: str, kind: Callable[[str], Any]) -> patch.Parse:
    def parse(value: str | None) -> Any:
        try:
            number = kind(value or "")
        except ValueError:
            raise BadRequestException(NUMBER_INVALID.format(name=name, value=value)) from None
        if number < 0:
            raise BadRequestException(NUMBER_INVALID.format(name=name, value=value))
        return number

    return parse


_RATE = _number("rate limit", float)
_BURST = _number("burst limit", int)
_ADD_REPLACE = frozenset({"add", "replace"})
_REMOVE = frozenset({"remove"})


def _api_stages(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, context: PlanPatch) -> None:
    """`add|remove /apiStages` with value `{apiId}:{stage}` [CLIENT tf]."""
    wanted = op.value or ""
    api_id, _, stage = wanted.partition(":")
    stages = list(doc.get("apiStages") or [])
    present = [entry for entry in stages if _name(entry) == wanted]
    if op.op == "remove":
        if not present:
            raise NotFoundException(STAGE_NOT_IN_PLAN.format(stage=wanted))
        doc["apiStages"] = [entry for entry in stages if _name(entry) != wanted]
        return
    if not context.exists(api_id, stage):
        raise BadRequestException(INVALID_API_STAGE)
    context.check_keys(wanted)
    if not present:  # adding a stage the plan has is a no-op [UNK]
        doc["apiStages"] = [*stages, {"apiId": api_id, "stage": stage}]


def _name(entry: Any) -> str:
    data = entry if isinstance(entry, dict) else entry.model_dump()
    return f"{data['apiId']}:{data['stage']}"


def _method_throttle(doc: dict[str, Any], op: patch.PatchOperation, rest: str | None, context: PlanPatch) -> None:
    """`/apiStages/{apiId}:{stage}/throttle/{resourcePath}/{METHOD}/{rateLimit|burstLimit}` (add/replace, creating
    the entry) and `remove /apiStages/{apiId}:{stage}/throttle/{resourcePath}/{METHOD}` [CLIENT tf; INF for remove].
    `rest` is the path after `/apiStages/`."""
    wanted, _, tail = (rest or "").partition("/")
    if not tail.startswith("throttle/"):
        raise BadRequestException(f"Invalid patch path {op.path}")
    method, _, limit = tail[len("throttle/") :].rpartition("/")
    if op.op != "remove" and (not method or limit not in ("rateLimit", "burstLimit")):
        raise BadRequestException(f"Invalid patch path {op.path}")
    if op.op == "remove":
        method = tail[len("throttle/") :]
    stages = [entry if isinstance(entry, dict) else entry.model_dump() for entry in doc.get("apiStages") or []]
    index = next((n for n, entry in enumerate(stages) if _name(entry) == wanted), None)
    if index is None:
        raise NotFoundException(STAGE_NOT_IN_PLAN.format(stage=wanted))
    throttle = dict(stages[index].get("throttle") or {})
    if op.op == "remove":
        if method not in throttle:
            raise NotFoundException(f"Invalid patch path {op.path}")  # [UNK]
        del throttle[method]
    else:
        settings = dict(throttle.get(method) or {})
        settings[limit] = (_RATE if limit == "rateLimit" else _BURST)(op.value)
        throttle[method] = settings
    stages[index] = {**stages[index], "throttle": throttle or None}
    doc["apiStages"] = stages


_THROTTLE_OF_A_STAGE = patch.Custom(_method_throttle, ops=frozenset({"add", "replace", "remove"}))


class _PlanRules(patch.PatchRules):
    """The table plus the per-method throttle paths, whose key holds slashes: matched by their `/apiStages/`
    prefix (every other path as the engine matches it)."""

    def match(self, path: str) -> Any:
        if path.startswith("/apiStages/"):
            return patch._Found((), "apiStages", _THROTTLE_OF_A_STAGE, path[len("/apiStages/") :])
        return super().match(path)


UsagePlan.PATCHABLE = _PlanRules(
    {
        "/name": patch.Field(),
        "/description": patch.Field(),
        "/productCode": patch.Field(ops=frozenset({"replace", "remove"})),
        "/apiStages": patch.Custom(_api_stages, ops=frozenset({"add", "remove"})),
        "/throttle/rateLimit": patch.Field(ops=_ADD_REPLACE, parse=_RATE),
        "/throttle/burstLimit": patch.Field(ops=_ADD_REPLACE, parse=_BURST),
        "/throttle": patch.Field(ops=_REMOVE),
        "/quota/limit": patch.Field(ops=_ADD_REPLACE, parse=_number("quota limit", int)),
        "/quota/offset": patch.Field(ops=_ADD_REPLACE, parse=_number("quota offset", int)),
        "/quota/period": patch.Field(ops=_ADD_REPLACE, parse=patch.one_of(get_args(QuotaPeriod), PERIOD_INVALID)),
        "/quota": patch.Field(ops=_REMOVE),
    }
)

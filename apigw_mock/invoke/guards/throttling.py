"""Steps 7-8: usage-plan throttle and quota, then the stage's method-settings throttle (spec §6.2).

Contract (the mock's choices, spec §6.2 and §16: deterministic token buckets on the data plane's clock, no jitter):
- With an API key admitted by step 6 (`call.api_key`): the plan's throttle for this method
  (`apiStages[].throttle["/{resourcePath}/{METHOD}"]`, one bucket per key, plan, stage and method) or else the
  plan-level throttle (one bucket per key and plan, shared by all its stages [DOC: limits apply per key]);
  refused: 429 `Too Many Requests` (THROTTLED). Then the quota (`Ports.spend_quota`): refused when the period is
  used up, 429 `Limit Exceeded` (QUOTA_EXCEEDED, `LimitExceededException`); else the request is counted for
  GetUsage. A throttled request is not counted.
- Then, for every request, the stage's method settings (`{path}/{VERB}` else `*/*`, `domain.stage.method_setting`):
  their `throttlingBurstLimit` / `throttlingRateLimit`, one bucket per method [INF]; a stage without method settings
  throttles nothing. Account-level throttling is not modelled (unlimited).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.domain.stage import method_setting
from apigw_mock.invoke import errors

if TYPE_CHECKING:
    from apigw_mock.domain.stage import Stage
    from apigw_mock.domain.usage_plan import ThrottleSettings
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import KeyGrant, Ports


def check(call: Call, ports: Ports) -> Call:
    if call.api_key is not None:
        _usage_plan(call, call.api_key, ports)
    if call.stage is not None and call.stage.method_settings:
        _stage(call, call.stage, ports)
    return call


def _usage_plan(call: Call, grant: KeyGrant, ports: Ports) -> None:
    plan, target, methods = grant.plan, call.target, grant.api_stage.throttle
    if methods or plan.throttle is not None:  # else nothing throttles this key: no bucket to name
        verb, path = call.method.http_method, call.resource.path
        methods, key = methods or {}, f"{path}/{verb}"
        throttle: ThrottleSettings | None = methods.get(key) or (methods.get(f"/{verb}") if path == "/" else None)
        bucket: tuple[str, ...] = ("plan", plan.id, grant.key_id, target.api_id, target.stage, key)
        if throttle is None:
            throttle, bucket = plan.throttle, ("plan", plan.id, grant.key_id)
        if throttle is not None and not _passes(call, ports, bucket, throttle.rate_limit, throttle.burst_limit):
            raise errors.Throttled()
    if not ports.spend_quota(target, plan.id, grant.key_id, plan.quota, call.ids.now.date()):
        raise errors.QuotaExceeded()


def _stage(call: Call, stage: Stage, ports: Ports) -> None:
    verb, path = call.method.http_method, call.resource.path
    setting = method_setting(stage, path, verb)
    if setting is None:
        return
    bucket = ("stage", call.target.api_id, call.target.stage, path, verb)
    if not _passes(call, ports, bucket, setting.throttling_rate_limit, setting.throttling_burst_limit):
        raise errors.Throttled()


def _passes(call: Call, ports: Ports, bucket: tuple[str, ...], rate: float | None, burst: int | None) -> bool:
    if rate is None and burst is None:
        return True
    return ports.take_token(call.target, bucket, rate, burst, call.ids.now)

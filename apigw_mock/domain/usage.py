"""Usage of a usage plan's quota, per key and day (spec control-plane-2 §8.4, §8.5): what GetUsage and UpdateUsage
answer, and where the data plane counts requests.

Contract: `UsageLedger.count(plan_id, key_id, day)` is the data plane's call for one request; `daily(...)` answers
`[used, remaining]` for each day of an interval, remaining being what the quota period left after that day
(`limit` + granted − used so far in the period, never below 0; 0 for a plan without quota [UNK → §8.4]);
`grant(...)` adds requests to the current period (UpdateUsage `replace /remaining`, [DOC CLI:update-usage]).
Weeks start on Monday and months on the 1st [INF]; `offset` is not modelled (it only shifts the first period).
Until the data plane counts, every key has zero usage.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.usage_plan import QuotaSettings
from apigw_mock.domain.values import IntRange
from apigw_mock.exceptions import BadRequestException

KEY_NOT_IN_PLAN = "Invalid Key identifier specified"  # [FIELD aws/aws-cli#5344]
INVALID_DATE = "Invalid date format specified: {value}. Dates must be YYYY-MM-DD"  # [UNK]
DATES_REVERSED = "The end date must not be before the start date"  # [UNK]
REMAINING_INVALID = "Invalid remaining quota specified"  # [UNK]
Day = datetime.date


class Usage(ApiGatewayModel):
    usage_plan_id: str
    start_date: str
    end_date: str
    position: str | None = None
    items: dict[str, list[list[int]]] = {}
    """API key id -> one `[used, remaining]` per day [UNK → §18.8: keyed by id]."""


class UsageGrant(ApiGatewayModel):
    """The patchable surface of UpdateUsage: `replace /remaining` only (other paths `Invalid patch path`)."""

    remaining: int | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {"/remaining": patch.Field(parse=IntRange(0, 2**31 - 1, REMAINING_INVALID).parse)}
    )


def parse_day(value: str) -> Day:
    """A `YYYY-MM-DD` date, or BadRequest."""
    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else datetime.date.fromisoformat("")
    except ValueError:
        raise BadRequestException(INVALID_DATE.format(value=value)) from None


def period_start(day: Day, quota: QuotaSettings | None) -> Day:
    period = quota.period if quota is not None else None
    if period == "WEEK":
        return day - datetime.timedelta(days=day.weekday())
    if period == "MONTH":
        return day.replace(day=1)
    return day


@dataclass
class UsageLedger:
    """Requests counted per (plan, key, day), and requests granted per (plan, key, first day of a period)."""

    used: dict[tuple[str, str, Day], int] = field(default_factory=dict)
    granted: dict[tuple[str, str, Day], int] = field(default_factory=dict)

    def count(self, plan_id: str, key_id: str, day: Day, requests: int = 1) -> None:
        """Record `requests` made with the key under the plan on `day` (the data plane's call)."""
        where = (plan_id, key_id, day)
        self.used[where] = self.used.get(where, 0) + requests

    def grant(self, plan_id: str, key_id: str, day: Day, quota: QuotaSettings | None, requests: int) -> None:
        where = (plan_id, key_id, period_start(day, quota))
        self.granted[where] = self.granted.get(where, 0) + requests

    def daily(self, plan_id: str, key_id: str, quota: QuotaSettings | None, start: Day, end: Day) -> list[list[int]]:
        """`[used, remaining]` for each day from `start` to `end` included."""
        pairs: list[list[int]] = []
        day, first, spent = period_start(start, quota), None, 0
        while day <= end:
            begins = period_start(day, quota)
            if begins != first:
                first, spent = begins, 0
            used = self.used.get((plan_id, key_id, day), 0)
            spent += used
            if day >= start:
                limit = quota.limit if quota is not None and quota.limit is not None else None
                extra = self.granted.get((plan_id, key_id, begins), 0)
                pairs.append([used, 0 if limit is None else max(limit + extra - spent, 0)])
            day += datetime.timedelta(days=1)
        return pairs

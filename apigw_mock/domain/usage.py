"""Usage of a usage plan's quota, per key and day (spec control-plane-2 §8.4, §8.5): what GetUsage and UpdateUsage
answer, and where the data plane counts requests.

Contract: `UsageLedger.count(plan_id, key_id, day)` is the data plane's call for one request; `daily(...)` answers
`[used, remaining]` for each day of an interval, remaining being what the quota period left after that day
(`limit` + granted − used so far in the period, never below 0; 0 for a plan without quota [UNK → §8.4]);
`grant(...)` adds requests to the current period (UpdateUsage `replace /remaining`, [DOC CLI:update-usage]);
`spend(...)` is the data plane's quota step: it refuses a request when the period has nothing left, else counts it
(O(1): running totals per week and month are kept beside the days).
Weeks start on Monday and months on the 1st [INF]; `offset` requests are subtracted from the limit in the plan's
first period, the one of its first counted request [MODEL "subtracted from the given limit in the initial time
period"; which period is first: INF].
"""

from __future__ import annotations

import datetime
import functools
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


class Usage(ApiGatewayModel, kw_only=True):
    usage_plan_id: str
    start_date: str
    end_date: str
    position: str | None = None
    items: dict[str, list[list[int]]] = {}
    """API key id -> one `[used, remaining]` per day [UNK → §18.8: keyed by id]."""


class UsageGrant(ApiGatewayModel, kw_only=True):
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


@functools.lru_cache(maxsize=64)
def _periods(day: Day) -> tuple[Day, Day]:
    """The first days of the week (Monday) and of the month holding `day`."""
    return day - datetime.timedelta(days=day.weekday()), day.replace(day=1)


@dataclass
class UsageLedger:
    """Requests counted per (plan, key, day), and requests granted per (plan, key, first day of a period)."""

    used: dict[tuple[str, str, Day], int] = field(default_factory=dict)
    granted: dict[tuple[str, str, Day], int] = field(default_factory=dict)
    periods: dict[tuple[str, str, str, Day], int] = field(default_factory=dict)
    """(plan, key, `WEEK` | `MONTH`, first day of that period) -> requests counted in it."""
    first: dict[str, Day] = field(default_factory=dict)
    """Plan id -> the day of its first counted request (its quota's initial period holds that day)."""

    def count(self, plan_id: str, key_id: str, day: Day, requests: int = 1) -> None:
        """Record `requests` made with the key under the plan on `day` (the data plane's call)."""
        where = (plan_id, key_id, day)
        self.used[where] = self.used.get(where, 0) + requests
        if plan_id not in self.first:
            self.first[plan_id] = day
        week, month = _periods(day)
        for total in ((plan_id, key_id, "WEEK", week), (plan_id, key_id, "MONTH", month)):
            self.periods[total] = self.periods.get(total, 0) + requests

    def remaining(self, plan_id: str, key_id: str, quota: QuotaSettings | None, day: Day) -> int | None:
        """What the quota period holding `day` has left for the key (None: the plan has no quota limit)."""
        if quota is None or quota.limit is None:
            return None
        begins = period_start(day, quota)
        if quota.period in ("WEEK", "MONTH"):
            spent = self.periods.get((plan_id, key_id, quota.period, begins), 0)
        else:
            spent = self.used.get((plan_id, key_id, day), 0)
        return max(self._limit(plan_id, key_id, quota, quota.limit, begins) - spent, 0)

    def spend(self, plan_id: str, key_id: str, quota: QuotaSettings | None, day: Day) -> bool:
        """The quota step of one request: False when the period has nothing left, else the request is counted."""
        left = self.remaining(plan_id, key_id, quota, day)
        if left is not None and left <= 0:
            return False
        self.count(plan_id, key_id, day)
        return True

    def _limit(self, plan_id: str, key_id: str, quota: QuotaSettings, limit: int, begins: Day) -> int:
        """The period's limit: granted requests added, the offset subtracted in the plan's initial period."""
        extra = self.granted.get((plan_id, key_id, begins), 0)
        first = self.first.get(plan_id)
        initial = first is None or period_start(first, quota) == begins
        return limit + extra - ((quota.offset or 0) if initial else 0)

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
                if quota is None or quota.limit is None:
                    pairs.append([used, 0])
                else:
                    pairs.append([used, max(self._limit(plan_id, key_id, quota, quota.limit, begins) - spent, 0)])
            day += datetime.timedelta(days=1)
        return pairs

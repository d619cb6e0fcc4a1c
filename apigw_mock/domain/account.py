"""Account: the API Gateway settings of one account in one region (spec control-plane-2 §13).

GetAccount answers the account-level throttle (10,000 requests per second, burst 5,000; 2,500/1,250 in af-south-1
and eu-south-1 [DOC DG:limits]), `features` `["UsagePlans"]` and `apiKeyVersion` `4` [INF], and
`cloudwatchRoleArn` once set. UpdateAccount: `replace /cloudwatchRoleArn` [DOC CLI:update-account] (any IAM role
ARN is accepted, AWS's assume-role check is not modelled [UNK]; an empty value clears it [INF]) and `add|remove
/features` [INF]; the throttle settings are read-only (`Invalid patch path ...`, as for any other path).
"""

from __future__ import annotations

from typing import ClassVar

import msgspec

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.usage_plan import ThrottleSettings

_LOW_LIMIT_REGIONS = ("af-south-1", "eu-south-1")


def _role(value: str | None) -> str | None:
    return value or None


class Account(ApiGatewayModel, kw_only=True):
    cloudwatch_role_arn: str | None = None
    """The IAM role API Gateway uses to write CloudWatch logs; omitted until set."""
    throttle_settings: ThrottleSettings
    features: list[str] = msgspec.field(default_factory=lambda: ["UsagePlans"])
    api_key_version: str = "4"

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/cloudwatchRoleArn": patch.Field(parse=_role),
            "/features": patch.SetEntry(ops=frozenset({"add", "remove"}), keep_empty=True),
        }
    )


def default_account(region: str) -> Account:
    """A new account's settings in `region`."""
    low = region in _LOW_LIMIT_REGIONS
    return Account(
        throttle_settings=ThrottleSettings(burst_limit=1250 if low else 5000, rate_limit=2500.0 if low else 10000.0)
    )

"""VPC links (REST: one Network Load Balancer) and their status lifecycle (spec control-plane-2 §10).

A new link answers `PENDING` and is `AVAILABLE`, with AWS's ready message, from the next read on (§18.9; AWS takes
2–4 minutes [MODEL]). `tags` is always present, `{}` when none [DOC CLI:update-vpc-link]. Patch table: `replace`
of `/name` and `/description` [DOC]. Deleting a link still named by an integration is allowed (§18.11).
"""

from __future__ import annotations

from typing import ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.enums import VpcLinkStatus

NOT_FOUND = "Invalid VPC link identifier specified"  # [UNK §2 → §18.1]
READY = "Your vpc link is ready for use"  # [DOC CLI:update-vpc-link]


class VpcLink(ApiGatewayModel, kw_only=True):
    """A VPC link of the account."""

    id: str
    name: str
    description: str | None = None
    target_arns: list[str]
    """The Network Load Balancer's ARN (exactly one for REST APIs)."""
    status: VpcLinkStatus = "PENDING"
    status_message: str | None = None
    """Omitted while PENDING [UNK]; AWS's ready text once AVAILABLE."""
    tags: dict[str, str] = {}

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/name": patch.Field(),
            "/description": patch.Field(),
        }
    )


def available(link: VpcLink) -> VpcLink:
    """The link as kept once its Create was answered: AVAILABLE and ready."""
    return link.model_copy(update={"status": "AVAILABLE", "status_message": READY})

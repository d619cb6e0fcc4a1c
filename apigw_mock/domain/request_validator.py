"""RequestValidator: which parts of a request API Gateway checks before the integration runs (spec
control-plane-2 §6).

Both flags default to false [INF]; `name` is optional [MODEL]. UpdateRequestValidator replaces `/name` and the two
flags [INF], the flags parsing as Java's `parseBoolean` (a missing value is false: core spec §4.1, recorded). A
method may go on naming a deleted validator: DeleteRequestValidator is not refused [UNK → §18.11, allowed].
"""

from __future__ import annotations

from typing import ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.messages import INVALID_REQUEST_VALIDATOR, INVALID_REST_API

NOT_FOUND = INVALID_REQUEST_VALIDATOR  # [INF from core §3.3]
MISSING_API = INVALID_REST_API  # CreateRequestValidator on a missing API (core §2, recorded)


class RequestValidator(ApiGatewayModel, kw_only=True):
    id: str
    """Generated (6 characters)."""
    name: str | None = None
    """Omitted when not given."""
    validate_request_body: bool = False
    """Whether the body is checked against the method's request model."""
    validate_request_parameters: bool = False
    """Whether the method's required request parameters must be present."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/name": patch.Field(),
            "/validateRequestBody": patch.Field(parse=patch.boolean),
            "/validateRequestParameters": patch.Field(parse=patch.boolean),
        }
    )

"""What a gateway response looks like to a black-box test: the 21 types' default status codes and families, and
the expected GetGatewayResponse bodies of a built-in default and of a customisation (spec §5.1). Shared by
tests/control/test_gateway_responses.py and test_gateway_response_updates.py.
"""

from __future__ import annotations

from typing import Any

DEFAULT_TEMPLATE = '{"message":$context.error.messageString}'
DEFAULT_TEMPLATES = {"application/json": DEFAULT_TEMPLATE}
ALLOW_ORIGIN = "gatewayresponse.header.Access-Control-Allow-Origin"

# responseType -> (default statusCode or None, family)
TYPES: dict[str, tuple[str | None, str | None]] = {
    "ACCESS_DENIED": ("403", "4xx"),
    "API_CONFIGURATION_ERROR": ("500", "5xx"),
    "AUTHORIZER_CONFIGURATION_ERROR": ("500", "5xx"),
    "AUTHORIZER_FAILURE": ("500", "5xx"),
    "BAD_REQUEST_BODY": ("400", "4xx"),
    "BAD_REQUEST_PARAMETERS": ("400", "4xx"),
    "DEFAULT_4XX": (None, None),
    "DEFAULT_5XX": (None, None),
    "EXPIRED_TOKEN": ("403", "4xx"),
    "INTEGRATION_FAILURE": ("504", "5xx"),
    "INTEGRATION_TIMEOUT": ("504", "5xx"),
    "INVALID_API_KEY": ("403", "4xx"),
    "INVALID_SIGNATURE": ("403", "4xx"),
    "MISSING_AUTHENTICATION_TOKEN": ("403", "4xx"),
    "QUOTA_EXCEEDED": ("429", "4xx"),
    "REQUEST_TOO_LARGE": ("413", "4xx"),
    "RESOURCE_NOT_FOUND": ("404", "4xx"),
    "THROTTLED": ("429", "4xx"),
    "UNAUTHORIZED": ("401", "4xx"),
    "UNSUPPORTED_MEDIA_TYPE": ("415", "4xx"),
    "WAF_FILTERED": ("403", "4xx"),
}
FAMILY_4XX = sorted(t for t, (_, family) in TYPES.items() if family == "4xx")
FAMILY_5XX = sorted(t for t, (_, family) in TYPES.items() if family == "5xx")


def builtin(response_type: str) -> dict[str, Any]:
    """The built-in default GatewayResponse of a type on a fresh API (spec §5.1)."""
    item: dict[str, Any] = {
        "defaultResponse": True,
        "responseParameters": {},
        "responseTemplates": {"application/json": DEFAULT_TEMPLATE},
        "responseType": response_type,
    }
    status = TYPES[response_type][0]
    if status is not None:
        item["statusCode"] = status
    return item


def custom(response_type: str, **fields: Any) -> dict[str, Any]:
    """A customised GatewayResponse: the built-in's status code and JSON template unless `fields` say otherwise."""
    return {**builtin(response_type), "defaultResponse": False, **fields}

"""The data plane's errors: each one ends a request with one of AWS's gateway responses.

Contract (spec §12.1, §4):
- `GatewayError` carries the gateway response type (`response_type`, an AWS `GatewayResponseType` value), the
  built-in status (`status`), the `x-amzn-ErrorType` header value (`error_type`), the message that
  `$context.error.message` shows (`message`, may be `None`: the default template then renders `{"message":null}`),
  an optional execution-log line (`log`) and an optional `context`: the `$context` the gateway response renders
  with when the failing step learned more than the call carried (a Lambda authorizer's Deny: `$context.authorizer`).
- The status actually sent is decided by `gateway_responses.render` from the API's effective gateway response;
  `forced_status` is for the one case where AWS sends a fixed status through a family response (Lambda proxy
  failures: DEFAULT_5XX with status 502, spec §16.5).
- Raised by the engines (routing, content, templates, selection, ...), never returned; they become replies in
  exactly one place (`gateway_responses.render`). Texts are AWS's, byte for byte; [UNK] ones are the spec's
  recommended mock choices (§16).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

_INTERNAL = "Internal server error"
_INTERNAL_TYPE = "InternalServerErrorException"


class GatewayError(Exception):
    """An API Gateway-generated failure, answered through the API's gateway responses (spec §12)."""

    response_type: ClassVar[str]
    status: ClassVar[int]
    error_type: ClassVar[str]
    default_message: ClassVar[str | None]
    forced_status: ClassVar[int | None] = None

    def __init__(
        self, message: str | None = None, *, log: str | None = None, context: Mapping[str, Any] | None = None
    ) -> None:
        self.message = self.default_message if message is None else message
        self.log = log
        self.context = context
        super().__init__(self.message)

    @property
    def message_string(self) -> str:
        """`$context.error.messageString`: the message as a JSON string literal, or `null` (spec §9.4, §12.2)."""
        return _json_string(self.message)


def _json_string(value: str | None) -> str:
    import json

    return "null" if value is None else json.dumps(value, ensure_ascii=False)


class Forbidden(GatewayError):
    """Unknown API id or disabled execute-api endpoint (spec §1.3-4, [UNK]); no API, so no custom responses."""

    response_type, status, error_type, default_message = "DEFAULT_4XX", 403, "ForbiddenException", "Forbidden"


class MissingAuthenticationToken(GatewayError):
    """No resource, no method, unknown stage [UNK], or an unsigned call to an AWS_IAM method (spec §3.1.8, §3.2)."""

    response_type, status = "MISSING_AUTHENTICATION_TOKEN", 403
    error_type, default_message = "MissingAuthenticationTokenException", "Missing Authentication Token"


class InvalidSignature(GatewayError):
    """Bad SigV4 signature; the message is AWS's signature text (spec §12.1)."""

    response_type, status, error_type, default_message = "INVALID_SIGNATURE", 403, "InvalidSignatureException", None


class ExpiredToken(GatewayError):
    """Expired signature or token: `Signature expired: ...` (spec §12.1)."""

    response_type, status, error_type, default_message = "EXPIRED_TOKEN", 403, "InvalidSignatureException", None


class AccessDenied(GatewayError):
    """IAM/resource-policy or Lambda-authorizer deny (spec §7.4, §12.1); default: the explicit-deny text."""

    EXPLICIT_DENY: ClassVar[str] = "User is not authorized to access this resource with an explicit deny"
    IMPLICIT_DENY: ClassVar[str] = "User is not authorized to access this resource"  # [UNK] spec §16.4
    response_type, status, error_type = "ACCESS_DENIED", 403, "AccessDeniedException"
    default_message = EXPLICIT_DENY


class Unauthorized(GatewayError):
    """Missing identity, identity not matching its regex, authorizer answered `Unauthorized` (spec §7)."""

    response_type, status, error_type, default_message = "UNAUTHORIZED", 401, "UnauthorizedException", "Unauthorized"


class AuthorizerConfigurationError(GatewayError):
    """Authorizer failed otherwise or returned no valid policy: 500 `{"message":null}` (spec §7.4)."""

    response_type, status = "AUTHORIZER_CONFIGURATION_ERROR", 500
    error_type, default_message = "AuthorizerConfigurationException", None


class InvalidApiKey(GatewayError):
    """API key missing, unknown, disabled or not in a usage plan of this stage (spec §6.1)."""

    response_type, status, error_type, default_message = "INVALID_API_KEY", 403, "ForbiddenException", "Forbidden"


class Throttled(GatewayError):
    """Usage-plan, stage or account throttling (spec §6.2)."""

    response_type, status = "THROTTLED", 429
    error_type, default_message = "TooManyRequestsException", "Too Many Requests"


class QuotaExceeded(GatewayError):
    """Usage-plan quota exhausted (spec §6.2, [INF] text, §16.7)."""

    response_type, status, error_type, default_message = (
        "QUOTA_EXCEEDED",
        429,
        "LimitExceededException",
        "Limit Exceeded",
    )


class BadRequestParameters(GatewayError):
    """Required request parameters absent or blank; names in declaration order ([UNK] spec §16.9)."""

    response_type, status, error_type = "BAD_REQUEST_PARAMETERS", 400, "BadRequestException"
    default_message = "Missing required request parameters: []"

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(f"Missing required request parameters: [{', '.join(names)}]")


class BadRequestBody(GatewayError):
    """Body not valid JSON or failing its model; detail in `$context.error.validationErrorString` (spec §5.3)."""

    response_type, status, error_type, default_message = "BAD_REQUEST_BODY", 400, "BadRequestException", None

    def __init__(self, validation_error: str = "") -> None:
        super().__init__("Invalid request body")
        self.validation_error_string = validation_error


class UnsupportedMediaType(GatewayError):
    """Passthrough refused (spec §8.6); `x-amzn-ErrorType` is [UNK] (spec §16.6)."""

    response_type, status = "UNSUPPORTED_MEDIA_TYPE", 415
    error_type, default_message = "UnsupportedMediaTypeException", "Unsupported Media Type"


class RequestTooLarge(GatewayError):
    """Payload over 10 MB (spec §14); message and error type [UNK] (spec §16.6)."""

    response_type, status, error_type, default_message = (
        "REQUEST_TOO_LARGE",
        413,
        "RequestTooLongException",
        ("Request Too Long"),
    )


class IntegrationTimeout(GatewayError):
    """The integration did not answer within `timeoutInMillis` (spec §14)."""

    response_type, status = "INTEGRATION_TIMEOUT", 504
    error_type, default_message = _INTERNAL_TYPE, "Endpoint request timed out"


class IntegrationFailure(GatewayError):
    """Backend unreachable / network error (spec §12.1); message and error type [UNK]."""

    response_type, status, error_type, default_message = "INTEGRATION_FAILURE", 504, _INTERNAL_TYPE, _INTERNAL


class LambdaProxyFailure(GatewayError):
    """Malformed Lambda proxy response or function error: DEFAULT_5XX sent as 502 ([UNK] spec §8.3.3, §16.5)."""

    MALFORMED: ClassVar[str] = "Execution failed due to configuration error: Malformed Lambda proxy response"
    response_type, status, error_type, default_message = "DEFAULT_5XX", 502, _INTERNAL_TYPE, _INTERNAL
    forced_status = 502

    @classmethod
    def function_error(cls, detail: str) -> LambdaProxyFailure:
        """The function raised (`X-Amz-Function-Error`); log text [FIELD] serverless/serverless#8671."""
        return cls(log=f"Lambda execution failed with status 200 due to customer function error: {detail}")


class ApiConfigurationError(GatewayError):
    """The API's own configuration failed at runtime: template, mapping, selection, method response (spec §10)."""

    LAMBDA_PERMISSIONS: ClassVar[str] = (
        "Execution failed due to configuration error: Invalid permissions on Lambda function"  # [FIELD] §8.3.3
    )
    response_type, status, error_type, default_message = "API_CONFIGURATION_ERROR", 500, _INTERNAL_TYPE, _INTERNAL


class NoOutputMapping(ApiConfigurationError):
    """No integration response matched and none is the default (spec §10.1.4, log text [FIELD])."""

    def __init__(self, endpoint_status: int | str) -> None:
        super().__init__(
            log=(
                "Execution failed due to configuration error: No match for output mapping and no default output "
                f"mapping configured. Endpoint Response Status Code: {endpoint_status}"
            )
        )


class WafFiltered(GatewayError):
    """Blocked by AWS WAF (spec §12.1)."""

    response_type, status, error_type, default_message = "WAF_FILTERED", 403, "ForbiddenException", "Forbidden"

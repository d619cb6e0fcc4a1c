"""Typed errors, the one catalogue: one class per error shape AWS returns for API Gateway, the unmodelled errors
AWS also answers with, the errors of server mode's HTTP front, and the mock's own usage failures.

An `ApiGatewayError` is raised anywhere below the protocol layer and turned into a wire reply in exactly one
place (`protocol.serializer.serialize_error`). Class-level `code` and `status` mirror the botocore error shapes;
`tests/test_exceptions.py` checks that every modelled shape has its class here with the model's HTTP status.
The message is an argument: the AWS wording is written where the error is raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar


class ApiGatewayError(Exception):
    """An error AWS API Gateway answers with: `code` (x-amzn-ErrorType), HTTP `status` and `message`."""

    code: ClassVar[str]
    status: ClassVar[int]

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class BadRequestException(ApiGatewayError):
    code, status = "BadRequestException", 400


class ConflictException(ApiGatewayError):
    code, status = "ConflictException", 409


class LimitExceededException(ApiGatewayError):
    code, status = "LimitExceededException", 429


class NotFoundException(ApiGatewayError):
    code, status = "NotFoundException", 404


class ServiceUnavailableException(ApiGatewayError):
    code, status = "ServiceUnavailableException", 503


class TooManyRequestsException(ApiGatewayError):
    code, status = "TooManyRequestsException", 429


class UnauthorizedException(ApiGatewayError):
    code, status = "UnauthorizedException", 401


class ValidationException(ApiGatewayError):
    """Request-shape constraint violations (enums, patterns, required members); not modelled by botocore."""

    code, status = "ValidationException", 400

    @classmethod
    def aggregate(cls, violations: Iterable[str]) -> ValidationException:
        """AWS's format: `N validation error(s) detected: <v1>; <v2>` (spec §1.3)."""
        found = list(violations)
        plural = "error" if len(found) == 1 else "errors"
        return cls(f"{len(found)} validation {plural} detected: " + "; ".join(found))


class SerializationException(ApiGatewayError):
    """A body member of the wrong JSON type (only reachable with client-side validation off); not modelled."""

    code, status = "SerializationException", 400


# ---- the HTTP front of server mode (answered before any operation runs; see server/app.py) --------------------------


class MissingAuthenticationTokenException(ApiGatewayError):
    """No `Authorization` header: AWS's own 403 for unsigned requests."""

    code, status = "MissingAuthenticationTokenException", 403


class UnknownOperationException(ApiGatewayError):
    """No route matches the method and path (Coral's code; the text is the mock's)."""

    code, status = "UnknownOperationException", 404


class RequestEntityTooLargeException(ApiGatewayError):
    code, status = "RequestEntityTooLargeException", 413


class NotImplementedByMock(ApiGatewayError):
    """`ApigwMockNotImplemented` as a wire reply (501: botocore does not retry it)."""

    code, status = "ApigwMockNotImplemented", 501


class InternalFailure(ApiGatewayError):
    """A bug in the mock, answered rather than crashing the server."""

    code, status = "InternalFailure", 500


# ---- mock-usage failures (Python exceptions that reach the test) ------------------------------------------------


class ApigwMockNotImplemented(NotImplementedError):
    """The mock has no handler for an operation. Reaches the test unchanged; botocore does not retry it. The message
    names the operation and points to the README's coverage list (a list of every supported operation made each
    error line in a Terraform run about 700 characters long)."""

    COVERAGE = "the supported operations are listed under 'Coverage' in apigw_mock's README"

    def __init__(self, operation: str, *, kind: str = "API Gateway operation") -> None:
        super().__init__(f"apigw_mock does not support the {kind} {operation!r} yet; {self.COVERAGE}.")
        self.operation = operation

"""Enum value sets of the service, as `Literal`s (a test asserts each equals the botocore model's enum)."""

from __future__ import annotations

from typing import Literal

ApiKeySourceType = Literal["HEADER", "AUTHORIZER"]
EndpointType = Literal["REGIONAL", "EDGE", "PRIVATE"]
IpAddressType = Literal["ipv4", "dualstack"]
IntegrationType = Literal["HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY"]
ConnectionType = Literal["INTERNET", "VPC_LINK"]
ContentHandlingStrategy = Literal["CONVERT_TO_BINARY", "CONVERT_TO_TEXT"]
ResponseTransferMode = Literal["BUFFERED", "STREAM"]
GatewayResponseType = Literal[
    "DEFAULT_4XX", "DEFAULT_5XX", "RESOURCE_NOT_FOUND", "UNAUTHORIZED", "INVALID_API_KEY", "ACCESS_DENIED",
    "AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR", "INVALID_SIGNATURE", "EXPIRED_TOKEN",
    "MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT", "API_CONFIGURATION_ERROR",
    "UNSUPPORTED_MEDIA_TYPE", "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "REQUEST_TOO_LARGE", "THROTTLED",
    "QUOTA_EXCEEDED", "WAF_FILTERED",
]  # fmt: skip

#: Shape name in the botocore model -> the Literal above (checked by tests/domain/test_enums.py).
MODEL_ENUMS = {
    "ApiKeySourceType": ApiKeySourceType,
    "EndpointType": EndpointType,
    "IpAddressType": IpAddressType,
    "IntegrationType": IntegrationType,
    "ConnectionType": ConnectionType,
    "ContentHandlingStrategy": ContentHandlingStrategy,
    "ResponseTransferMode": ResponseTransferMode,
    "GatewayResponseType": GatewayResponseType,
}

"""Integrations, keyed by `Integration.type` (design review §9.3): each one is `call(call, integration, prepared,
ports) -> Endpoint`.

Contract:
- Non-proxy types (MOCK, HTTP, AWS) receive `Prepared`: the integration request after templates and parameter
  mapping (body, mapped path/querystring/header values, the Content-Type sent). Their `Endpoint` goes through
  integration response selection (`selection_input`: the status as text, or a Lambda's `errorMessage`).
- Proxy types (HTTP_PROXY, AWS_PROXY) receive `prepared=None` and return `Endpoint(final=True)`: sent to the client
  as it is (spec §4: no templates, no integration or method responses).
- Failures raise `errors.GatewayError`s (timeouts, malformed Lambda output, an AWS service nobody answers, ...),
  or `ApigwMockNotImplemented` for what the mock does not model (AWS_PROXY to a service other than Lambda).
- Type AWS is Lambda (`aws.py`) or, for any other service in the URI, an AWS service integration
  (`aws_service.py`: the call goes through botocore, answered by moto's `mock_aws` when it is active).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from apigw_mock.invoke.content import Payload
from apigw_mock.invoke.frozen import quick
from apigw_mock.invoke.mapping import IntegrationRequestParameters

if TYPE_CHECKING:
    from apigw_mock.domain.integration import Integration
    from apigw_mock.invoke.call import Call, Trace
    from apigw_mock.invoke.ports import Ports


@quick
@dataclass(frozen=True, slots=True)
class Prepared:
    body: Payload
    parameters: IntegrationRequestParameters
    content_type: str
    templated: bool
    """Whether a request template produced `body` (else it is the passthrough payload)."""


@quick
@dataclass(frozen=True, slots=True)
class Endpoint:
    status: int
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: Payload = ""
    selection_input: str | None = None
    """What selection patterns are matched against (spec §10.1.1)."""
    final: bool = False
    """A proxy integration's answer: the method response itself."""

    def header(self, name: str) -> str | None:
        lower = name.lower()
        found = [values[-1] for key, values in self.headers.items() if key.lower() == lower and values]
        return found[-1] if found else None


IntegrationCall = Callable[["Call", "Integration", Prepared | None, "Ports", "Trace | None"], Endpoint]


def registry() -> dict[str, IntegrationCall]:
    from apigw_mock.invoke.integrations import aws, http, mock

    return {
        "MOCK": mock.call,
        "HTTP": http.call,
        "HTTP_PROXY": http.call_proxy,
        "AWS": aws.call,
        "AWS_PROXY": aws.call_proxy,
    }

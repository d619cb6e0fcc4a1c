"""The ways requests come in from a client library: the botocore hook (control plane), SigV4 reading; and the way
out to AWS services (`aws_services.py`, the data plane's `Ports.aws_call`).

The only code that knows botocore's request objects and SigV4 headers. Nothing below imports it: the control
plane's TestInvokeMethod finds the way out in `STATE.aws_services`, installed here (the module itself, and
botocore's session machinery, load on the first call).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.state import STATE

if TYPE_CHECKING:
    from apigw_mock.invoke.ports import AwsServiceRequest, OutboundReply


def aws_call(request: AwsServiceRequest) -> OutboundReply:
    """`Ports.aws_call`: the service call through botocore (`aws_services.call`, imported on first use)."""
    from apigw_mock.transport import aws_services

    return aws_services.call(request)


STATE.aws_services = aws_call

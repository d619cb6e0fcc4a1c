"""AWS_IAM methods: a SigV4-signed request is required (spec §12.1). Not enforced yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def check(call: Call, ports: Ports) -> Call:
    return call

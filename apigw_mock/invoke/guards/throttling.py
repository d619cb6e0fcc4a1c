"""Steps 7-8: usage-plan throttle and quota, then stage method-settings throttling (spec §6.2). Not enforced yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def check(call: Call, ports: Ports) -> Call:
    return call

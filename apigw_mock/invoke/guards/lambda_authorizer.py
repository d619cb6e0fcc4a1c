"""CUSTOM methods: TOKEN and REQUEST Lambda authorizers (spec §7.1-§7.6). Not enforced yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def check(call: Call, ports: Ports) -> Call:
    return call

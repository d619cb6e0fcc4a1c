"""Step 4: the REST API's resource policy (spec §4, control-plane-2 on `policy`). Not enforced yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def check(call: Call, ports: Ports) -> Call:
    return call

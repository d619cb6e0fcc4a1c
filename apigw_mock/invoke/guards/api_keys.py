"""Step 6: the API key check for `apiKeyRequired` methods (spec §6.1). Not enforced yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def check(call: Call, ports: Ports) -> Call:
    return call

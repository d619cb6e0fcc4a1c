"""MOCK: the status comes from the request template's `statusCode` (spec §8.1).

Contract: with a request template the rendered output's `statusCode` (a JSON number or numeric string; read by a
lenient scan when the output is not valid JSON [INF]) is the selection input. Without a template (passthrough), or
with an output that has no `statusCode`, the selection input is `None`, so only the default response (or a
catch-all such as `.*`) answers ([DOC] / [UNK] §8.1); the endpoint status is then 200. The body is empty: only the
integration response's template writes one [INF].
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from apigw_mock.invoke.integrations import Endpoint, Prepared

if TYPE_CHECKING:
    from apigw_mock.domain.integration import Integration
    from apigw_mock.invoke.call import Call, Trace
    from apigw_mock.invoke.ports import Ports

_STATUS = re.compile(r'"statusCode"\s*:\s*"?\s*(\d{3})')


def call(
    call: Call, integration: Integration, prepared: Prepared | None, ports: Ports, trace: Trace | None
) -> Endpoint:
    assert prepared is not None
    found = _STATUS.search(prepared.body) if prepared.templated and isinstance(prepared.body, str) else None
    if found is None:
        return Endpoint(200, selection_input=None)
    return Endpoint(int(found.group(1)), selection_input=found.group(1))

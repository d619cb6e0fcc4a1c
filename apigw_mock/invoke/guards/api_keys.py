"""Step 6: the API key check for `apiKeyRequired` methods (spec §6.1, §9.4).

Contract: a method without `apiKeyRequired` passes untouched (`$context.identity.apiKey`/`apiKeyId` stay null).
Otherwise the key value comes from the `x-api-key` header (any case; the last one sent) when the deployed API's
`apiKeySource` is HEADER (the default), or from the Lambda authorizer's `usageIdentifierKey`
(`call.usage_identifier_key`, set by step 5) when it is AUTHORIZER. It is accepted only when a key with that value
exists, is enabled and is in a usage plan whose API stages include this API and stage (`Ports.api_key`, live state);
else 403 `Forbidden` (INVALID_API_KEY, `ForbiddenException`). The returned call carries the grant (`call.api_key`,
read by the throttle and quota step) and `$context.identity.apiKey` / `apiKeyId` (which the Lambda proxy event's
identity shows too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.invoke import errors
from apigw_mock.invoke.call import replaced

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports

HEADER = "x-api-key"


def check(call: Call, ports: Ports) -> Call:
    if not call.method.api_key_required:
        return call
    if call.deployed.api.api_key_source == "AUTHORIZER":
        value = call.usage_identifier_key
    else:
        value = call.request.header(HEADER)
    grant = ports.api_key(call.target, value) if value else None
    if grant is None:
        raise errors.InvalidApiKey()
    identity = {**call.context["identity"], "apiKey": value, "apiKeyId": grant.key_id}
    return replaced(call, context={**call.context, "identity": identity}, api_key=grant)

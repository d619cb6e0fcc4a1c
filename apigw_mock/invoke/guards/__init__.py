"""Invoke-time enforcement: what a deployed stage refuses before the integration runs (spec §4 steps 4-9).

Contract: `admit(call, ports) -> Call` runs the checks in AWS's order and returns the call to execute (a guard
may return a new `Call` carrying what it learned: the authorizer's principal and context, the API key used);
a refusal raises an `errors.GatewayError`, rendered through the deployment's gateway responses like every other
error. Each step is one module, the owner of its rule and of AWS's texts:

4. `resource_policy`: the REST API's `policy` (explicit Deny, then Allow for `execute-api:Invoke`).
5. `authorization`: by the method's `authorizationType` (AWS_IAM, CUSTOM Lambda authorizers, COGNITO_USER_POOLS).
6. `api_keys`: `apiKeyRequired` with the API's `apiKeySource`, the key enabled and in a plan bound to the stage.
7-8. `throttling`: the usage plan's throttle then quota for that key and stage, then the stage's method settings.

Step 9 (request validation, `validation.check`) runs in `engine.execute`, so TestInvokeMethod validates too while
skipping 4-8 (spec §15.2, §16.10).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apigw_mock.invoke.guards import api_keys, authorization, resource_policy, throttling

if TYPE_CHECKING:
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports


def admit(call: Call, ports: Ports) -> Call:
    """Steps 4-8 of spec §4, in order (see the module contract)."""
    call = resource_policy.check(call, ports)
    call = authorization.check(call, ports)
    call = api_keys.check(call, ports)
    return throttling.check(call, ports)

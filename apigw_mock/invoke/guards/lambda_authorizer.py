"""CUSTOM methods: TOKEN and REQUEST Lambda authorizers (spec §7.1-§7.6, §12.1), their cache, what the backend sees.

Contract (`check(call, ports)`, step 5 for a CUSTOM method; the authorizer comes from the serving deployment):
1. Identity (`identity`): TOKEN: the one `method.request.header.X` of `identitySource`, which must fully match
   `identityValidationExpression` when one is set (Java semantics, `java_regex`); REQUEST: every comma-separated
   source (`method.request.header|querystring|multivalueheader|multivaluequerystring.X`, `stageVariables.X`,
   `context.X`, read as parameter mappings read them, `mapping.evaluate`). A source absent or empty: 401
   UNAUTHORIZED `{"message":"Unauthorized"}`, and the Lambda is not called.
2. The cache (`domain.authorizer_cache`, reached through `Ports.authorizer_cache`): per stage, authorizer and
   identity values, for `authorizerResultTtlInSeconds` (300 when unset, 0: no cache) on the data plane's clock
   (the request time, `Ports.now()` when the request arrived). A hit calls no Lambda; the cached answer's policy is
   decided again for this request's method ARN. A valid answer (Allow or Deny) and `Unauthorized` are cached;
   failures are not ([UNK → §7.5]). FlushStageAuthorizersCache empties the stage's entries.
3. The Lambda (`run`): the URI `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations`
   (stage variables filled) names the function, found and called as integrations call theirs
   (`integrations.aws`). Events (spec §7.2): TOKEN `{"type", "authorizationToken", "methodArn"}`; REQUEST `type`,
   `methodArn`, then the proxy event's `resource`, `path`, `httpMethod`, headers, query strings, `pathParameters`
   (`{}` when none), `stageVariables` and `requestContext` (no `authorizer`, no body). `methodArn` is
   `resource_policy.method_arn`: the request's verb (also under ANY) and actual path.
4. Outcomes (spec §7.4): a `principalId` and a `policyDocument` (`invoke.policy`) with `context` values that are
   strings, numbers, booleans (or null) is a `Grant`. Its policy decides `execute-api:Invoke` on the method ARN:
   Allow passes; an explicit Deny is 403 ACCESS_DENIED `User is not authorized to access this resource with an
   explicit deny`; no matching statement is the implicit deny, 403 `User is not authorized to access this
   resource` ([UNK → §16.4]) unless the API's resource policy allows (`resource_policy`: the union of both).
   The function failing with the message `Unauthorized`: 401. Any other failure, a malformed answer (object or
   array context values included, [UNK → §7.3]), a missing function, the Lambda service failing the call (the test
   kit's invocation faults): 500 AUTHORIZER_CONFIGURATION_ERROR
   `{"message":null}`. A CUSTOM method whose authorizer is not TOKEN or REQUEST (JWT): 500 ([UNK → §7.7]).
   A denied request's gateway response sees the answer's `$context.authorizer.*` too (a custom ACCESS_DENIED
   message from the context, [INF] §7.6).
5. Admitted: `call.authorizer` is the proxy event's `requestContext.authorizer` (`principalId`, the context with
   its JSON types, `integrationLatency` 0 [INF]), `call.context["authorizer"]` the `$context.authorizer.*` view
   (`principalId` and the context values as text: `1` -> `"1"`, `true` -> `"true"`), and `usageIdentifierKey`
   goes to `call.usage_identifier_key` (the API key when `apiKeySource` is AUTHORIZER).

`identity`, `run` and `admit` are TestInvokeAuthorizer's too (it has no cache); each refusal is a `GatewayError`
whose `status` is the client status and whose `log` is the execution-log line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from apigw_mock.domain.authorizer import LAMBDA_TYPES, TTL_DEFAULT
from apigw_mock.invoke import errors, java_regex, mapping
from apigw_mock.invoke.call import replaced
from apigw_mock.invoke.guards import resource_policy
from apigw_mock.invoke.integrations import aws
from apigw_mock.invoke.policy import Decision, Policy, PolicyError, compile_policy
from apigw_mock.invoke.ports import LambdaServiceError

if TYPE_CHECKING:
    from apigw_mock.domain.authorizer import Authorizer
    from apigw_mock.invoke.call import Call
    from apigw_mock.invoke.ports import Ports

UNAUTHORIZED = "Unauthorized"
"""The error message with which a function refuses a caller (401 instead of 500)."""
NO_IDENTITY_LOG = "Unauthorized request: the identity source is missing or does not match its validation expression"
FAILED_LOG = "Execution failed due to configuration error: Authorizer error"  # [INF] recalled execution-log text
UNPARSABLE_LOG = "Execution failed due to configuration error: Could not parse policy"  # [FIELD] §7.4
TIMEOUT_MS = 29_000
_HEADER = "method.request.header."
_DECISIONS = 256
_REQUEST_KEYS = (
    "resource",
    "path",
    "httpMethod",
    "headers",
    "multiValueHeaders",
    "queryStringParameters",
    "multiValueQueryStringParameters",
    "pathParameters",
    "stageVariables",
    "requestContext",
)
_REFUSED: Final = object()
"""The cached `Unauthorized` answer."""


@dataclass(frozen=True, slots=True)
class Grant:
    """A valid authorizer answer, compiled once and cached as it is."""

    output: Mapping[str, Any]
    """What the function returned (TestInvokeAuthorizer shows it)."""
    policy: Policy
    authorizer: Mapping[str, Any]
    """`requestContext.authorizer` of the proxy event."""
    strings: Mapping[str, str | None]
    """`$context.authorizer`."""
    usage_identifier_key: str | None
    decisions: dict[str, Decision] = field(default_factory=dict)
    """Method ARN -> the policy's decision, remembered for the requests a cached answer admits (bounded)."""

    def decide(self, call: Call, arn: str) -> Decision:
        found = self.decisions.get(arn)
        if found is None:
            policy = self.policy
            found = policy.decide(resource_policy.INVOKE, arn, None, resource_policy.condition_values(call, policy))
            if not policy.conditional:  # else the decision depends on the request, not only on the ARN
                if len(self.decisions) >= _DECISIONS:
                    self.decisions.clear()
                self.decisions[arn] = found
        return found


def check(call: Call, ports: Ports) -> Call:
    """Step 5 for a CUSTOM method (see the module contract)."""
    authorizer = call.deployed.authorizers.get(call.method.authorizer_id or "")
    if authorizer is None or authorizer.type not in LAMBDA_TYPES:
        raise errors.AuthorizerConfigurationError()
    found = identity(authorizer, call)
    arn = resource_policy.method_arn(call)
    ttl = authorizer.authorizer_result_ttl_in_seconds
    ttl = TTL_DEFAULT if ttl is None else ttl
    if ttl <= 0:
        return admit(call, run(call, authorizer, found, arn, ports), arn)
    cache = ports.authorizer_cache(call.target)
    stage, key, now = (call.target.api_id, call.target.stage), (authorizer.id, found), call.ids.now.timestamp()
    answer = cache.get(stage, key, now)
    if answer is None:
        try:
            answer = run(call, authorizer, found, arn, ports)
        except errors.Unauthorized:
            cache.put(stage, key, _REFUSED, now=now, ttl=ttl)
            raise
        cache.put(stage, key, answer, now=now, ttl=ttl)
    if answer is _REFUSED:
        raise errors.Unauthorized()
    return admit(call, answer, arn)


def identity(authorizer: Authorizer, call: Call) -> tuple[str, ...]:
    """The identity values of the request (the cache key); `Unauthorized` when one is absent or empty."""
    if authorizer.type == "TOKEN":
        token = call.request.header((authorizer.identity_source or "").strip().removeprefix(_HEADER))
        pattern = authorizer.identity_validation_expression
        if not token or (pattern and not _matches(pattern, token)):
            raise errors.Unauthorized(log=NO_IDENTITY_LOG)
        return (token,)
    sources = mapping.Sources(call.method_request, call.stage_variables, call.context)
    values: list[str] = []
    for source in _sources(authorizer.identity_source or ""):
        value = mapping.evaluate(source, sources)
        text = ",".join(value) if isinstance(value, list) else value
        if not text:
            raise errors.Unauthorized(log=NO_IDENTITY_LOG)
        values.append(text)
    return tuple(values)


def run(call: Call, authorizer: Authorizer, found: tuple[str, ...], arn: str, ports: Ports) -> Grant:
    """Call the authorizer's function for `call` and read its answer (no cache)."""
    try:
        function = aws.function_of(authorizer.authorizer_uri or "", call.stage_variables)
    except errors.ApiConfigurationError as error:
        raise errors.AuthorizerConfigurationError(log=error.log) from None
    handler = aws.handler_of(function, ports)
    if handler is None:
        raise errors.AuthorizerConfigurationError(log=errors.ApiConfigurationError.LAMBDA_PERMISSIONS)
    event = _token_event(found[0], arn) if authorizer.type == "TOKEN" else _request_event(call, arn)
    try:
        result = aws.run(handler, event, aws.lambda_context(call, function, TIMEOUT_MS))
    except LambdaServiceError:  # the Lambda service refused the call: the authorizer could not be invoked
        raise errors.AuthorizerConfigurationError(log=FAILED_LOG) from None
    if result.failed:
        if result.payload.get("errorMessage") == UNAUTHORIZED:
            raise errors.Unauthorized(log=f"Authorizer function answered: {UNAUTHORIZED}")
        raise errors.AuthorizerConfigurationError(log=FAILED_LOG)
    return grant(result.payload)


def grant(output: Any) -> Grant:
    """The compiled answer; 500 AUTHORIZER_CONFIGURATION_ERROR when it is not a valid one."""
    if not isinstance(output, Mapping) or "principalId" not in output or "policyDocument" not in output:
        raise errors.AuthorizerConfigurationError(log=UNPARSABLE_LOG)
    context = output.get("context") or {}
    if not isinstance(context, Mapping) or any(isinstance(value, Mapping | list) for value in context.values()):
        raise errors.AuthorizerConfigurationError(log=UNPARSABLE_LOG)
    try:
        policy = compile_policy(output["policyDocument"])
    except PolicyError:
        raise errors.AuthorizerConfigurationError(log=UNPARSABLE_LOG) from None
    principal, key = output["principalId"], output.get("usageIdentifierKey")
    entries = {str(name): value for name, value in context.items() if name != "principalId"}
    typed = {"principalId": principal, **entries, "integrationLatency": 0}
    strings = {"principalId": _text(principal), **{name: _text(value) for name, value in entries.items()}}
    return Grant(output, policy, typed, strings, key if isinstance(key, str) else None)


def admit(call: Call, answer: Grant, arn: str) -> Call:
    """The call as admitted by `answer` for the method ARN `arn`, or the 403 its policy decides."""
    decided = answer.decide(call, arn)
    context = {**call.context, "authorizer": answer.strings}
    if decided is Decision.DENY:
        raise errors.AccessDenied(errors.AccessDenied.EXPLICIT_DENY, context=context)
    if decided is Decision.NONE and resource_policy.decision(call) is not Decision.ALLOW:
        raise errors.AccessDenied(errors.AccessDenied.IMPLICIT_DENY, context=context)
    return replaced(
        call, authorizer=answer.authorizer, usage_identifier_key=answer.usage_identifier_key, context=context
    )


def _token_event(token: str, arn: str) -> dict[str, Any]:
    return {"type": "TOKEN", "authorizationToken": token, "methodArn": arn}


def _request_event(call: Call, arn: str) -> dict[str, Any]:
    proxy = aws.proxy_event(call)
    event = {"type": "REQUEST", "methodArn": arn, **{key: proxy[key] for key in _REQUEST_KEYS}}
    event["pathParameters"] = event["pathParameters"] or {}
    return event


@lru_cache(maxsize=256)
def _sources(identity_source: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in identity_source.split(",") if part.strip())


def _matches(pattern: str, token: str) -> bool:
    try:
        return java_regex.full_match(pattern, token)
    except java_regex.InvalidJavaRegex:
        raise errors.AuthorizerConfigurationError() from None


def _text(value: Any) -> str | None:
    """A context value as `$context.authorizer.<key>` shows it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

"""One execute-api request, start to finish: `handle(request, target, ports) -> Reply` (spec §4, design review §9.1).

The sequence, as AWS documents it (each step may end the request with a `GatewayError`, rendered in one place,
`error_reply`, through the deployment's effective gateway responses with AWS's error headers):

1. stage -> deployment: `Ports.serving` (no API: 403 Forbidden; no stage: 403 Missing Authentication Token,
   [UNK] §16.1); the canary serves `percentTraffic`% of requests (`Ports.random`, seedable), with the canary's
   stage-variable overrides on top of the stage's ([UNK] §16.8); `disableExecuteApiEndpoint`: 403 Forbidden.
2. payload over 10 MB: 413; routing (`routing.Router`, compiled once per deployment): no resource or method: 403.
3. method request (decoded path parameters, query, headers) and `$context` (`call.context`).
4. integration request, non-proxy only: contentHandling, template choice / passthrough / 415, VTL, parameter
   mapping with the template's `requestOverride`s.
5. the integration (`integrations.registry()`, keyed by type).
6. non-proxy only: integration response selection (none: 500 with AWS's log text), the method response for its
   status must exist (else 500), contentHandling, the response template (by Accept), response parameters, the
   template's `responseOverride`s; Content-Type = the template key, else the integration's, else
   `application/json`.

3b. `guards.admit`: resource policy, authorization, the API key (403), usage-plan throttle and quota, then the
   stage's method-settings throttle (429) (spec §4 steps 4-8; keys, plans, buckets and the Lambda authorizer cache
   are live state, `Ports`).
4a. request validation (`guards.validation`, step 9: required parameters, then the body against its draft-4 model;
   400; TestInvokeMethod too).

Every reply carries `x-amzn-RequestId` and `x-amz-apigw-id`. Not modelled: response caching.
`execute(call, ports, trace)` runs steps 4-6 for an already routed `Call` (TestInvokeMethod uses it directly).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from apigw_mock.invoke import content, errors, gateway_responses, guards, mapping, selection, templates
from apigw_mock.invoke.call import Call, Ids, Trace, context, java_map, replaced
from apigw_mock.invoke.errors import GatewayError
from apigw_mock.invoke.guards import validation
from apigw_mock.invoke.integrations import Endpoint, Prepared, registry
from apigw_mock.invoke.per_deployment import PerDeployment
from apigw_mock.invoke.ports import ExecuteRequest, Ports, Reply, Target, _MissingApi, reply
from apigw_mock.invoke.request import MethodRequest
from apigw_mock.invoke.routing import Router

if TYPE_CHECKING:
    from apigw_mock.domain.integration import Integration
    from apigw_mock.domain.snapshot import DeployedApi
    from apigw_mock.domain.stage import Stage

MAX_PAYLOAD_BYTES = 10 * 1024 * 1024
PROXY_TYPES = frozenset({"HTTP_PROXY", "AWS_PROXY"})
_CACHE_SIZE = 64
_NO_REQUEST_OVERRIDE = templates.NO_REQUEST_OVERRIDE


@dataclass(frozen=True, slots=True)
class Compiled:
    """What a deployment needs per request, built once: its router (templates are cached by text)."""

    router: Router


_integrations = registry()


def _compile(deployed: DeployedApi) -> Compiled:
    return Compiled(
        Router(
            (resource.id, resource.path, tuple(resource.resource_methods or ()))
            for resource in deployed.resources.values()
        )
    )


_compiled = PerDeployment(_compile, _CACHE_SIZE)


def compiled(deployed: DeployedApi) -> Compiled:
    """The compiled form of one deployment (LRU of the last 64, keyed by the snapshot object itself)."""
    return _compiled.get(deployed)


def handle(request: ExecuteRequest, target: Target, ports: Ports) -> Reply:
    """One execute-api request (see the module docstring)."""
    ids = Ids.new(ports)
    try:
        found = ports.serving(target)
        if found is None:
            raise errors.MissingAuthenticationToken()
        if isinstance(found, _MissingApi):
            raise errors.Forbidden()
        canary = found.canary is not None and ports.random() * 100 < found.canary_percent
        deployed = found.canary if canary and found.canary is not None else found.api
        if deployed.api.disable_execute_api_endpoint:
            raise errors.Forbidden()
    except GatewayError as error:
        return error_reply(error, None, request, context(target, request, ids, stage=target.stage), {})
    deployment_id = found.canary_deployment_id if canary else found.deployment_id
    variables = found.variables(canary=canary)
    try:
        call = route(request, target, deployed, variables, ids, deployment_id, canary, found.stage)
    except GatewayError as error:
        staged = context(target, request, ids, stage=target.stage, deployment_id=deployment_id, canary=canary)
        return error_reply(error, deployed, request, staged, variables)
    try:
        call = guards.admit(call, ports)
    except GatewayError as error:
        refused = error.context or call.context
        return error_reply(error, call.deployed, call.request, refused, call.stage_variables, call)
    return execute(call, ports)


def route(
    request: ExecuteRequest,
    target: Target,
    deployed: DeployedApi,
    variables: dict[str, str],
    ids: Ids,
    deployment_id: str | None,
    canary: bool,
    stage: Stage | None = None,
) -> Call:
    if len(request.body) > MAX_PAYLOAD_BYTES:
        raise errors.RequestTooLarge()
    match = compiled(deployed).router.match(request.method, request.path)
    if match is None:
        raise errors.MissingAuthenticationToken()
    resource = deployed.resources[match.resource_id]
    method = (resource.resource_methods or {})[match.method_key]
    call_context = context(
        target,
        request,
        ids,
        stage=target.stage,
        deployment_id=deployment_id,
        canary=canary,
        resource=(resource.id, resource.path),
        operation_name=method.operation_name,
    )
    method_request = MethodRequest.shaped(
        match.path_parameters, multi(request.query), multi(request.headers), request.body.decode("utf-8", "replace")
    )
    return Call(target, request, deployed, resource, method, method_request, variables, call_context, ids, stage=stage)


def execute(call: Call, ports: Ports, trace: Trace | None = None) -> Reply:
    """Steps 4-6 of the module docstring for a routed call; every `GatewayError` becomes its gateway response."""
    if trace is not None:
        _trace_request(call, trace)
    try:
        call = validation.check(call, ports)
        integration = call.method.method_integration
        if integration is None:
            raise errors.ApiConfigurationError()
        invoke = _integrations[integration.type]
        if integration.type in PROXY_TYPES:
            endpoint = invoke(call, integration, None, ports, trace)
            return finish(call, endpoint.status, endpoint.headers, endpoint.body, trace)
        prepared, call = prepare(call, integration)
        return respond(call, integration, invoke(call, integration, prepared, ports, trace), trace)
    except GatewayError as error:
        return error_reply(error, call.deployed, call.request, call.context, call.stage_variables, call, trace)


def prepare(call: Call, integration: Integration) -> tuple[Prepared, Call]:
    """The integration request of a non-proxy integration (spec §8.6, §8.7, §11), and the call whose method
    request body is the converted payload as `$input.body` reads it."""
    content_type = call.request.header("Content-Type")
    payload = content.request_payload(
        call.request.body, content_type, call.binary_media_types, integration.content_handling
    )
    body_text = content.template_body(payload)
    if body_text != call.method_request.body:  # converted (binary, CONVERT_TO_*): `$input.body` reads the result
        call = replaced(call, method_request=replace(call.method_request, body=body_text))
    choice = content.request_template(integration.request_templates, content_type, integration.passthrough_behavior)
    override = None
    body: content.Payload = payload
    if choice.template is not None:
        rendered = templates.render(
            choice.template,
            request=call.method_request,
            context=call.context,
            stage_variables=call.stage_variables,
        )
        body, override = rendered.body, rendered.request_override
    overridden = override is not None and override is not _NO_REQUEST_OVERRIDE and override != _NO_REQUEST_OVERRIDE
    if integration.request_parameters or overridden:
        sources = mapping.Sources(call.method_request, call.stage_variables, call.context)
        parameters = mapping.integration_request(integration.request_parameters or {}, sources, override)
    else:
        parameters = mapping.IntegrationRequestParameters()
    sent_type = choice.content_type or content.media_type(content_type)
    return Prepared(body, parameters, sent_type, templated=choice.template is not None), call


def respond(call: Call, integration: Integration, endpoint: Endpoint, trace: Trace | None) -> Reply:
    """Integration response selection and the method response (spec §10)."""
    responses = integration.integration_responses or {}
    selected = selection.select(
        {status: response.selection_pattern for status, response in responses.items()}, endpoint.selection_input
    )
    if selected is None:
        raise errors.NoOutputMapping(endpoint.status)
    chosen = responses[selected]
    if selected not in (call.method.method_responses or {}):
        raise errors.ApiConfigurationError(
            log=f"Execution failed due to configuration error: Output mapping refers to an invalid method response: "
            f"{selected}"  # [INF] wording
        )
    accept = call.accept
    payload = content.response_payload(endpoint.body, accept, call.binary_media_types, chosen.content_handling)
    body_text = content.template_body(payload)
    choice = content.response_template(chosen.response_templates, accept)
    body, override = payload, None
    if choice.template is not None:
        rendered = templates.render(
            choice.template,
            request=call.method_request,
            body=body_text,
            context=call.context,
            stage_variables=call.stage_variables,
        )
        body, override = rendered.body, rendered.response_override
    headers = {"Content-Type": [content.response_content_type(choice, endpoint.header("Content-Type"))]}
    if chosen.response_parameters or (override is not None and override.header):
        response = mapping.IntegrationResponse(endpoint.headers, body_text)
        sources = mapping.Sources(call.method_request, call.stage_variables, call.context, response)
        for name, value in mapping.method_response_headers(chosen.response_parameters or {}, sources, override).items():
            _put(headers, name, value)
    status = override.status if override is not None and override.status is not None else int(selected)
    return finish(call, status, headers, body, trace)


def finish(call: Call, status: int, headers: dict[str, list[str]], body: content.Payload, trace: Trace | None) -> Reply:
    """The method response as sent: the request ids added, the body as bytes."""
    headers = {**headers, "x-amzn-RequestId": [call.ids.request_id], "x-amz-apigw-id": [call.ids.extended_request_id]}
    data = body.encode() if isinstance(body, str) else body
    if trace is not None:
        trace.add(f"Method response body after transformations: {data.decode('utf-8', 'replace')}")
        trace.add(f"Method response headers: {java_map({k: ','.join(v) for k, v in headers.items()})}")
        trace.add("Successfully completed execution")
        trace.add(f"Method completed with status: {status}")
    return reply(status, headers, data)


def error_reply(
    error: GatewayError,
    deployed: DeployedApi | None,
    request: ExecuteRequest,
    call_context: dict[str, Any] | Any,
    variables: dict[str, str] | Any,
    call: Call | None = None,
    trace: Trace | None = None,
) -> Reply:
    """The one place a `GatewayError` becomes a reply (spec §12.2)."""
    definition = None
    if deployed is not None:
        response = deployed.gateway_responses.get(error.response_type)
        if response is not None:
            definition = {
                "statusCode": response.status_code,
                "responseParameters": response.response_parameters,
                "responseTemplates": response.response_templates,
            }
    method_request = (
        call.method_request
        if call is not None
        else MethodRequest(querystring=multi(request.query), headers=multi(request.headers))
    )
    sources = mapping.Sources(method_request, variables, call_context)
    rendered = gateway_responses.render(error, definition, accept=request.header("Accept"), sources=sources)
    if trace is not None:
        if error.log:
            trace.add(error.log)
        trace.add(f"Method completed with status: {rendered.status}")
    headers = {name: [value] for name, value in rendered.headers.items()}
    return reply(rendered.status, headers, rendered.body.encode(), error)


def _trace_request(call: Call, trace: Trace) -> None:
    request = call.method_request
    trace.add(f"Starting execution for request: {call.ids.request_id}")
    trace.add(f"HTTP Method: {call.request.method}, Resource Path: {call.request.path}")
    trace.add(f"Method request path: {java_map(request.path)}")
    trace.add(f"Method request query string: {java_map(request.single_querystring())}")
    trace.add(f"Method request headers: {java_map(request.single_headers())}")
    trace.add(f"Method request body before transformations: {request.body}")


def _put(headers: dict[str, list[str]], name: str, value: str) -> None:
    for existing in [key for key in headers if key.lower() == name.lower()]:
        del headers[existing]
    headers[name] = [value]


def multi(pairs: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    """Name -> its values in arrival order (tests/invoke/test_frozen.py checks the one-pass form on any pairs)."""
    found: dict[str, tuple[str, ...]] = {name: (value,) for name, value in pairs}
    if len(found) == len(pairs):
        return found  # no name repeated: the usual request
    found = {}
    for name, value in pairs:
        found[name] = (*found[name], value) if name in found else (value,)  # one pass: names repeat rarely
    return found

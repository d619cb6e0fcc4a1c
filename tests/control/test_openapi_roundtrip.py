"""Round trip (spec control-plane-2 §16–§17): import(export(stage)) rebuilds an equivalent API — same resources,
methods, integrations, responses, models, gateway responses, validators and authorizers — for generated APIs built
call by call, in both flavours, every export valid for openapi-spec-validator.

Equivalent means: ids aside (authorizers and validators compared by name, model URLs by model name), and model
descriptions aside (OpenAPI has no place for them; the `$schema` keyword is left out of exports [INF]).
"""

from __future__ import annotations

import json
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate

from tests.control.openapi_docs import LAMBDA

MODELS = ("Pet", "Owner")
VERBS = ("GET", "POST", "ANY", "OPTIONS")
HEADER = "method.response.header.X-Trace"

_responses = st.dictionaries(st.sampled_from(("200", "400")), st.tuples(st.booleans(), st.booleans()), max_size=2)
_method = st.fixed_dictionaries(
    {
        "auth": st.sampled_from(("NONE", "AWS_IAM", "CUSTOM")),
        "api_key": st.booleans(),
        "query": st.none() | st.booleans(),
        "header": st.none() | st.booleans(),
        "model": st.booleans(),
        "validator": st.none() | st.sampled_from(("v0", "v1")),
        "operation": st.booleans(),  # operationIds must be unique in OpenAPI: named after the verb and path
        "responses": _responses,  # code -> (declares the header, has a model)
        "integration": st.sampled_from(("MOCK", "HTTP")),
        "mapped": st.booleans(),
    }
)
_segment = st.sampled_from(("pets", "owners", "{id}"))
_api = st.fixed_dictionaries(
    {
        "paths": st.dictionaries(
            st.lists(_segment, min_size=0, max_size=3).map(tuple),
            st.dictionaries(st.sampled_from(VERBS), _method, min_size=1, max_size=2),
            min_size=1,
            max_size=4,
        ),
        "validators": st.dictionaries(st.sampled_from(("v0", "v1")), st.tuples(st.booleans(), st.booleans())),
        "gateway": st.dictionaries(st.sampled_from(("DEFAULT_4XX", "UNAUTHORIZED", "THROTTLED")), st.booleans()),
        "flavour": st.sampled_from(("oas30", "swagger")),
    }
)


def _unique_variables(segments: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{{id{i}}}" if s == "{id}" else s for i, s in enumerate(segments))


def _build(client: Any, spec: dict[str, Any]) -> str:
    api = client.create_rest_api(name="generated")
    api_id, root = api["id"], api["rootResourceId"]
    client.create_model(restApiId=api_id, name="Owner", contentType="application/json", schema='{"type": "object"}')
    pet = {
        "type": "object",
        "properties": {"owner": {"$ref": f"https://apigateway.amazonaws.com/restapis/{api_id}/models/Owner"}},
    }
    client.create_model(restApiId=api_id, name="Pet", contentType="application/json", schema=json.dumps(pet))
    validators = {
        name: client.create_request_validator(
            restApiId=api_id, name=name, validateRequestBody=body, validateRequestParameters=params
        )["id"]
        for name, (body, params) in spec["validators"].items()
    }
    authorizer = client.create_authorizer(
        restApiId=api_id,
        name="tok",
        type="TOKEN",
        authorizerUri=LAMBDA.format(name="auth"),
        identitySource="method.request.header.Authorization",
    )["id"]
    for kind, with_header in spec["gateway"].items():
        parameters = {"gatewayresponse.header.X-Kind": f"'{kind}'"} if with_header else {}
        client.put_gateway_response(
            restApiId=api_id, responseType=kind, statusCode="418", responseParameters=parameters
        )
    ids = {(): root}
    for segments, methods in spec["paths"].items():
        segments = _unique_variables(segments)
        for depth in range(1, len(segments) + 1):
            if segments[:depth] not in ids:
                parent = ids[segments[: depth - 1]]
                created = client.create_resource(restApiId=api_id, parentId=parent, pathPart=segments[depth - 1])
                ids[segments[:depth]] = created["id"]
        for verb, method in methods.items():
            _method_on(
                client,
                api_id,
                (ids[segments], segments),
                verb,
                method,
                validators.get(method["validator"] or ""),
                authorizer,
            )
    client.create_deployment(restApiId=api_id, stageName="dev")
    return str(api_id)


def _method_on(
    client: Any,
    api_id: str,
    resource: tuple[str, tuple[str, ...]],
    verb: str,
    m: dict[str, Any],
    validator: str | None,
    authorizer: str,
) -> None:
    resource_id, segments = resource
    target = {"restApiId": api_id, "resourceId": resource_id, "httpMethod": verb}
    # An export declares every path variable (OpenAPI requires it), so the generated methods declare theirs.
    parameters = {f"method.request.path.{s.strip('{}+')}": True for s in segments if s.startswith("{")}
    if m["query"] is not None:
        parameters["method.request.querystring.q"] = m["query"]
    if m["header"] is not None:
        parameters["method.request.header.H"] = m["header"]
    optional: dict[str, Any] = {"requestParameters": parameters} if parameters else {}
    if m["model"]:
        optional["requestModels"] = {"application/json": "Pet"}
    if validator:
        optional["requestValidatorId"] = validator
    if m["operation"]:
        optional["operationName"] = verb.lower() + "".join(part.strip("{}").title() for part in segments)
    if m["auth"] == "CUSTOM":
        optional["authorizerId"] = authorizer
    client.put_method(**target, authorizationType=m["auth"], apiKeyRequired=m["api_key"], **optional)
    for code, (header, model) in m["responses"].items():
        extra: dict[str, Any] = {"responseParameters": {HEADER: False}} if header else {}
        if model:
            extra["responseModels"] = {"application/json": "Owner"}
        client.put_method_response(**target, statusCode=code, **extra)
    if m["integration"] == "MOCK":
        client.put_integration(**target, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
    else:
        client.put_integration(**target, type="HTTP", integrationHttpMethod="GET", uri="https://example.com/x")
    for code, (header, _) in m["responses"].items():
        extra = {"responseParameters": {HEADER: "'v'"}} if header and m["mapped"] else {}
        pattern = {"selectionPattern": "4\\d{2}"} if code == "400" else {}
        client.put_integration_response(**target, statusCode=code, **pattern, **extra)


def _view(client: Any, api_id: str) -> dict[str, Any]:
    """The API's equivalence class: everything the round trip must keep, ids replaced by names."""
    authorizers = {a["id"]: a["name"] for a in client.get_authorizers(restApiId=api_id)["items"]}
    validators = {v["id"]: v["name"] for v in client.get_request_validators(restApiId=api_id)["items"]}
    methods: dict[str, Any] = {}
    for resource in client.get_resources(restApiId=api_id, embed=["methods"])["items"]:
        for verb, method in (resource.get("resourceMethods") or {}).items():
            method = dict(method)
            if "authorizerId" in method:
                method["authorizerId"] = authorizers[method["authorizerId"]]
            if "requestValidatorId" in method:
                method["requestValidatorId"] = validators[method["requestValidatorId"]]
            methods[f"{resource['path']} {verb}"] = method
    models = {}
    for model in client.get_models(restApiId=api_id)["items"]:
        schema = json.loads(model["schema"].replace(api_id, "API"))
        schema.pop("$schema", None)
        models[model["name"]] = (schema, model["contentType"])
    gateway = [
        {k: v for k, v in r.items()}
        for r in client.get_gateway_responses(restApiId=api_id)["items"]
        if not r["defaultResponse"]
    ]
    return {
        "methods": methods,
        "models": models,
        "gateway": sorted(gateway, key=lambda r: r["responseType"]),
        "validators": sorted(
            (v["name"], v["validateRequestBody"], v["validateRequestParameters"])
            for v in client.get_request_validators(restApiId=api_id)["items"]
        ),
        "authorizers": sorted(
            json.dumps({k: v for k, v in a.items() if k != "id"}, sort_keys=True)
            for a in client.get_authorizers(restApiId=api_id)["items"]
        ),
    }


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=_api)
def test_import_of_an_export_rebuilds_an_equivalent_api(client: Any, spec: dict[str, Any]) -> None:
    api_id = _build(client, spec)
    reply = client.get_export(
        restApiId=api_id, stageName="dev", exportType=spec["flavour"], parameters={"extensions": "apigateway"}
    )
    exported = reply["body"].read()
    validate(json.loads(exported))

    imported = client.import_rest_api(body=exported, failOnWarnings=True)

    original, rebuilt = _view(client, api_id), _view(client, imported["id"])
    used = {m["authorizerId"] for m in original["methods"].values() if "authorizerId" in m}
    if not used:  # an authorizer no method uses has no security requirement to be exported under
        original["authorizers"] = []
    assert rebuilt == original
    assert imported["name"] == "generated"
    client.delete_rest_api(restApiId=imported["id"])
    client.delete_rest_api(restApiId=api_id)

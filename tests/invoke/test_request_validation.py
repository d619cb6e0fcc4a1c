"""Request validation at invoke time (spec §5): required parameters, then the body against the method's model
(JSON Schema draft 4), only as the method's request validator asks; TestInvokeMethod validates too (§15.2)."""

from __future__ import annotations

import json
import string
from typing import Any

import boto3
import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from apigw_mock import MockApiGateway, mock_apigateway
from apigw_mock.invoke.guards.validation import request_model
from tests.invoke.builder import ApiBuilder

PET = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "required": ["name", "price"],
    "properties": {"name": {"type": "string"}, "price": {"type": "number", "minimum": 0, "exclusiveMinimum": True}},
}
DETAIL = '{"detail": "$context.error.validationErrorString", "message": "$context.error.message"}'
BAD_BODY = {"message": "Invalid request body"}


def validated(
    client: Any,
    api: ApiBuilder,
    *,
    body: bool = True,
    parameters: bool = True,
    params: dict[str, bool] | None = None,
    models: dict[str, str] | None = None,
    verb: str = "POST",
    path: str = "/pets",
) -> str:
    """`verb path` (MOCK) with a validator of the given flags, `params` and request `models`; deployed to dev."""
    if not any(model["name"] == "Pet" for model in client.get_models(restApiId=api.id)["items"]):
        client.create_model(restApiId=api.id, name="Pet", contentType="application/json", schema=json.dumps(PET))
    validator = client.create_request_validator(
        restApiId=api.id, name="v", validateRequestBody=body, validateRequestParameters=parameters
    )
    api.mock(path, verb, template='{"ok": true}', params=params)
    patches = [{"op": "replace", "path": "/requestValidatorId", "value": validator["id"]}]
    client.update_method(restApiId=api.id, resourceId=api.resources[path], httpMethod=verb, patchOperations=patches)
    if models is not None:
        client.update_method(
            restApiId=api.id,
            resourceId=api.resources[path],
            httpMethod=verb,
            patchOperations=[
                {"op": "add", "path": f"/requestModels/{kind.replace('/', '~1')}", "value": name}
                for kind, name in models.items()
            ],
        )
    api.deploy("dev")
    return validator["id"]


def post(api: ApiBuilder, body: Any, content_type: str | None = "application/json", key: str | None = None) -> Any:
    headers = {"Content-Type": content_type} if content_type else {}
    if key is not None:
        headers["x-api-key"] = key
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return requests.post(api.url("/pets"), data=data, headers=headers)


# ---- parameters ---------------------------------------------------------------------------------------------------


def test_missing_required_parameters_are_listed_in_declaration_order(client: Any, api: ApiBuilder) -> None:
    params = {
        "method.request.querystring.q1": True,
        "method.request.header.h1": True,
        "method.request.querystring.o": False,
    }
    validated(client, api, body=False, params=params)
    answer = requests.post(api.url("/pets"))
    assert answer.status_code == 400
    assert answer.json() == {"message": "Missing required request parameters: [q1, h1]"}
    assert answer.text == '{"message":"Missing required request parameters: [q1, h1]"}'
    assert answer.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert requests.post(api.url("/pets?q1=1"), headers={"H1": "x"}).status_code == 200  # header in any case


def test_a_blank_parameter_counts_as_missing(client: Any, api: ApiBuilder) -> None:
    validated(client, api, body=False, params={"method.request.querystring.q1": True})
    answer = requests.post(api.url("/pets?q1="))
    assert answer.json() == {"message": "Missing required request parameters: [q1]"}


def test_required_flags_do_nothing_without_a_validator(client: Any, api: ApiBuilder) -> None:
    api.mock("/pets", "POST", template='{"ok": true}', params={"method.request.querystring.q1": True})
    api.deploy("dev")
    assert requests.post(api.url("/pets")).status_code == 200


def test_a_body_only_validator_ignores_parameters(client: Any, api: ApiBuilder) -> None:
    validated(client, api, parameters=False, params={"method.request.querystring.q1": True})
    assert requests.post(api.url("/pets")).status_code == 200  # no model for the body either


def test_parameters_come_before_the_body(client: Any, api: ApiBuilder) -> None:
    validated(client, api, params={"method.request.querystring.q1": True}, models={"application/json": "Pet"})
    assert post(api, {}).json() == {"message": "Missing required request parameters: [q1]"}
    assert requests.post(api.url("/pets?q1=1"), data="{}").json() == BAD_BODY


NAME = st.text(string.ascii_lowercase, min_size=1, max_size=6).map(lambda name: f"p{name}")  # no header requests sends


@given(
    declared=st.lists(
        st.tuples(
            st.sampled_from(["querystring", "header", "path"]),
            NAME,
            st.booleans(),
            st.sampled_from(["absent", "blank", "sent"]),
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda entry: entry[1],
    )
)
def test_the_missing_list_is_exactly_the_required_ones_not_sent(declared: list[tuple[str, str, bool, str]]) -> None:
    """Any mix of required and optional query, header and path parameters, each absent, blank or sent: the message
    names exactly the required ones absent or blank, in declaration order (path parameters are always sent)."""
    with mock_apigateway():
        client = boto3.client("apigateway", region_name="us-east-1")
        api = ApiBuilder(client)
        path = "/pets" + "".join(f"/{{{name}}}" for where, name, _, _ in declared if where == "path")
        params = {f"method.request.{where}.{name}": required for where, name, required, _ in declared}
        validated(client, api, body=False, params=params, path=path)
        sent = {name: "" if how == "blank" else "v" for _, name, _, how in declared if how != "absent"}
        query = {
            name: value
            for where, name, _, _ in declared
            if where == "querystring" and (value := sent.get(name)) is not None
        }
        headers = {
            name: value for where, name, _, _ in declared if where == "header" and (value := sent.get(name)) is not None
        }
        url = api.url("/pets" + "".join("/x" for where, *_ in declared if where == "path"))
        answer = requests.post(url, params=query, headers=headers)
        expected = [name for where, name, required, how in declared if required and how != "sent" and where != "path"]
        if expected:
            assert answer.status_code == 400
            assert answer.json() == {"message": f"Missing required request parameters: [{', '.join(expected)}]"}
        else:
            assert answer.status_code == 200


# ---- body ---------------------------------------------------------------------------------------------------------


def test_a_valid_body_passes_and_an_invalid_one_is_400(client: Any, api: ApiBuilder) -> None:
    validated(client, api, models={"application/json": "Pet"})
    assert post(api, {"name": "rex", "price": 3}).status_code == 200
    answer = post(api, {"name": "rex"})
    assert answer.status_code == 400
    assert answer.text == '{"message":"Invalid request body"}'
    assert answer.headers["x-amzn-ErrorType"] == "BadRequestException"


def test_the_validation_error_string_has_the_detail(client: Any, api: ApiBuilder) -> None:
    validated(client, api, models={"application/json": "Pet"})
    client.put_gateway_response(
        restApiId=api.id, responseType="BAD_REQUEST_BODY", responseTemplates={"application/json": DETAIL}
    )
    api.deploy("dev")
    answer = post(api, {"name": 5})
    assert answer.status_code == 400
    found = answer.json()
    assert found["message"] == "Invalid request body"
    assert found["detail"].startswith("[") and found["detail"].endswith("]")
    assert "'price' is a required property" in found["detail"] and "5 is not of type 'string'" in found["detail"]


@pytest.mark.parametrize("body", ["", "{not json", "[1,", "{'single': 1}"])
def test_a_body_that_is_not_json_is_invalid(client: Any, api: ApiBuilder, body: str) -> None:
    validated(client, api, models={"application/json": "Pet"})
    assert post(api, body).json() == BAD_BODY


def test_draft_4_boolean_exclusive_minimum(client: Any, api: ApiBuilder) -> None:
    validated(client, api, models={"application/json": "Pet"})
    assert post(api, {"name": "rex", "price": 0}).status_code == 400  # exclusiveMinimum true: 0 is out
    assert post(api, {"name": "rex", "price": 0.01}).status_code == 200


def test_format_is_not_checked(client: Any, api: ApiBuilder) -> None:
    schema = {"type": "object", "properties": {"mail": {"type": "string", "format": "email"}}}
    client.create_model(restApiId=api.id, name="Mail", contentType="application/json", schema=json.dumps(schema))
    validated(client, api, models={"application/json": "Mail"})
    assert post(api, {"mail": "not an address"}).status_code == 200
    assert post(api, {"mail": 3}).status_code == 400


def test_refs_to_other_models_resolve_by_name(client: Any, api: ApiBuilder) -> None:
    ref = f"https://apigateway.amazonaws.com/restapis/{api.id}/models/Pet"
    pets = {"type": "array", "items": {"$ref": ref}, "maxItems": 2}
    client.create_model(restApiId=api.id, name="Pets", contentType="application/json", schema=json.dumps(pets))
    validated(client, api, models={"application/json": "Pets"})
    assert post(api, [{"name": "a", "price": 1}]).status_code == 200
    assert post(api, [{"name": "a", "price": 1}, {"name": "b"}]).status_code == 400
    assert post(api, [{"name": "a", "price": 1}] * 3).status_code == 400


def test_the_model_is_chosen_by_content_type_else_default(client: Any, api: ApiBuilder) -> None:
    strict = {"type": "object", "required": ["x"]}
    client.create_model(restApiId=api.id, name="X", contentType="application/json", schema=json.dumps(strict))
    validated(client, api, models={"application/json": "Pet", "$default": "X"})
    assert post(api, {"x": 1}, "application/json; charset=utf-8").status_code == 400  # Pet
    assert post(api, {"name": "a", "price": 1}, "Application/JSON").status_code == 200  # Pet, any case
    assert post(api, {"name": "a", "price": 1}, None).status_code == 200  # no Content-Type: application/json
    assert post(api, {"x": 1}, "text/plain").status_code == 200  # $default
    assert post(api, {"name": "a", "price": 1}, "text/plain").status_code == 400


def test_no_model_for_the_content_type_checks_nothing(client: Any, api: ApiBuilder) -> None:
    validated(client, api, models={"application/json": "Pet"})
    assert post(api, "anything", "text/plain").status_code == 200


def test_a_redeploy_picks_up_a_changed_model(client: Any, api: ApiBuilder) -> None:
    validated(client, api, models={"application/json": "Pet"})
    assert post(api, {"name": "a", "price": 1, "extra": 1}).status_code == 200
    closed = {**PET, "additionalProperties": False}
    client.update_model(
        restApiId=api.id,
        modelName="Pet",
        patchOperations=[{"op": "replace", "path": "/schema", "value": json.dumps(closed)}],
    )
    assert post(api, {"name": "a", "price": 1, "extra": 1}).status_code == 200  # still the deployed model
    api.deploy("dev")
    assert post(api, {"name": "a", "price": 1, "extra": 1}).status_code == 400


def test_validation_comes_after_the_api_key(client: Any, api: ApiBuilder, mock: MockApiGateway) -> None:
    validated(client, api, models={"application/json": "Pet"})
    client.update_method(
        restApiId=api.id,
        resourceId=api.resources["/pets"],
        httpMethod="POST",
        patchOperations=[{"op": "replace", "path": "/apiKeyRequired", "value": "true"}],
    )
    api.deploy("dev")
    key = client.create_api_key(name="k", value="v" * 30, enabled=True)
    plan = client.create_usage_plan(
        name="p", apiStages=[{"apiId": api.id, "stage": "dev"}], quota={"limit": 1, "period": "DAY"}
    )
    client.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    assert post(api, {}).json() == {"message": "Forbidden"}
    assert post(api, {}, key="v" * 30).json() == BAD_BODY  # counted: passed the quota step
    assert post(api, {}, key="v" * 30).json() == {"message": "Limit Exceeded"}


def test_test_invoke_method_validates_too(client: Any, api: ApiBuilder) -> None:
    validated(client, api, params={"method.request.querystring.q1": True}, models={"application/json": "Pet"})
    ids = {"restApiId": api.id, "resourceId": api.resources["/pets"], "httpMethod": "POST"}
    missing = client.test_invoke_method(**ids, body="{}")
    assert missing["status"] == 400
    assert json.loads(missing["body"]) == {"message": "Missing required request parameters: [q1]"}
    assert client.test_invoke_method(**ids, pathWithQueryString="/pets?q1=1", body="{}")["status"] == 400
    good = client.test_invoke_method(**ids, pathWithQueryString="/pets?q1=1", body='{"name": "a", "price": 2}')
    assert good["status"] == 200


@pytest.mark.parametrize(
    ("models", "content_type", "expected"),
    [
        ({}, "application/json", None),
        ({"application/json": "A"}, None, "A"),
        ({"application/json": "A"}, "APPLICATION/JSON;charset=x", "A"),
        ({"application/json": "A", "$default": "D"}, "text/xml", "D"),
        ({"application/xml": "A"}, "application/json", None),
    ],
)
def test_request_model_table(models: dict[str, str], content_type: str | None, expected: str | None) -> None:
    assert request_model(models, content_type) == expected


def test_validators_are_compiled_once_per_deployment(client: Any, api: ApiBuilder) -> None:
    from apigw_mock.domain.stage import Serving
    from apigw_mock.invoke.json_schema import models_of
    from apigw_mock.invoke.ports import Target
    from apigw_mock.transport.execute_api import PORTS

    def deployed() -> Any:
        found = PORTS.serving(Target(api.id, "dev", "us-east-1", "123456789012"))
        assert isinstance(found, Serving)
        return found.api

    validated(client, api, models={"application/json": "Pet"})
    first = deployed()
    assert post(api, {"name": "a", "price": 1}).status_code == 200
    schemas = models_of(first)
    validator = schemas._validator("Pet")
    assert validator is not None
    assert post(api, {"name": "a"}).status_code == 400
    assert models_of(first) is schemas and schemas._validator("Pet") is validator
    api.deploy("dev")
    assert models_of(deployed()) is not schemas

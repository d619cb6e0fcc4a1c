"""UpdateModel and GetModelTemplate through boto3, and the declared-collection contract every collection keeps."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from apigw_mock.control import collections
from apigw_mock.control.models import MODELS
from apigw_mock.protocol import spec
from tests.helpers import assert_aws_error, body

PET = json.dumps({"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}})


@pytest.fixture
def pet(client: Any, rest_api: dict[str, Any]) -> dict[str, Any]:
    return dict(client.create_model(restApiId=rest_api["id"], name="Pet", contentType="application/json", schema=PET))


def _update(client: Any, api_id: str, *ops: dict[str, str], name: str = "Pet") -> dict[str, Any]:
    return body(client.update_model(restApiId=api_id, modelName=name, patchOperations=list(ops)))


def test_update_model_replaces_description_and_schema(client: Any, rest_api: dict[str, Any], pet: Any) -> None:
    schema = '{"type": "string"}'
    updated = _update(
        client,
        rest_api["id"],
        {"op": "replace", "path": "/description", "value": "a pet"},
        {"op": "replace", "path": "/schema", "value": schema},
    )

    assert updated == {**body(pet), "description": "a pet", "schema": schema}
    assert body(client.get_model(restApiId=rest_api["id"], modelName="Pet")) == updated


def test_update_model_with_no_operations_answers_the_model(client: Any, rest_api: dict[str, Any], pet: Any) -> None:
    assert _update(client, rest_api["id"]) == body(pet)


@pytest.mark.parametrize(
    ("op", "message"),
    [
        pytest.param(
            {"op": "replace", "path": "/name", "value": "x"},
            "Invalid patch path  '/name' specified for op 'replace'. Must be one of: [/description, /schema]",
            id="unknown-path",
        ),
        pytest.param(
            {"op": "add", "path": "/wrong-path", "value": "x"},
            "Invalid patch path  '/wrong-path' specified for op 'add'. Please choose supported operations",
            id="add-before-path (recorded)",
        ),
    ],
)
def test_update_model_refuses_like_update_resource(
    client: Any, rest_api: dict[str, Any], pet: Any, op: dict[str, str], message: str
) -> None:
    with pytest.raises(ClientError) as caught:
        _update(client, rest_api["id"], {"op": "replace", "path": "/description", "value": "kept?"}, op)

    assert_aws_error(caught, "BadRequestException", message)
    assert "description" not in client.get_model(restApiId=rest_api["id"], modelName="Pet")  # nothing changed


def test_update_model_of_a_missing_model_or_api(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as caught:
        _update(client, rest_api["id"], name="Nope")
    assert_aws_error(caught, "NotFoundException", "Invalid model name specified: Nope")

    with pytest.raises(ClientError) as caught:
        _update(client, "doesnotexi")
    assert_aws_error(caught, "NotFoundException", "Invalid API identifier specified 123456789012:doesnotexi")


def test_get_model_template_maps_every_property(client: Any, rest_api: dict[str, Any], pet: Any) -> None:
    template = client.get_model_template(restApiId=rest_api["id"], modelName="Pet")["value"]

    assert template == (
        '#set($inputRoot = $input.path(\'$\'))\n{\n  "name" : "$inputRoot.name",\n  "age" : $inputRoot.age\n}'
    )


def test_get_model_template_of_an_array_schema_loops(client: Any, rest_api: dict[str, Any]) -> None:
    schema = json.dumps({"type": "array", "items": {"type": "object", "properties": {"id": {"type": "number"}}}})
    client.create_model(restApiId=rest_api["id"], name="Pets", contentType="application/json", schema=schema)

    template = client.get_model_template(restApiId=rest_api["id"], modelName="Pets")["value"]

    assert template.splitlines() == [
        "#set($inputRoot = $input.path('$'))",
        "[",
        "#foreach($elem in $inputRoot)",
        "  {",
        '    "id" : $elem.id',
        "  }",
        "#if($foreach.hasNext),#end",
        "#end",
        "]",
    ]


def test_get_model_template_of_a_missing_model(client: Any, rest_api: dict[str, Any]) -> None:
    with pytest.raises(ClientError) as caught:
        client.get_model_template(restApiId=rest_api["id"], modelName="Nope")
    assert_aws_error(caught, "NotFoundException", "Invalid model name specified: Nope")


# ---- the declared-collection contract ------------------------------------------------------------------------


def _declared() -> list[collections.Collection[Any]]:
    found = list(collections.declared())
    assert MODELS in found
    return found


def _having(verb: str) -> list[collections.Collection[Any]]:
    """The declared collections whose service has the verb's operation (SdkType has no Create)."""
    names = set(spec.service_model().operation_names)
    return [collection for collection in _declared() if collection.name_of(verb) in names]


@pytest.mark.parametrize("collection", _having("create"), ids=lambda c: c.noun)
def test_create_members_are_fields_of_the_model(collection: collections.Collection[Any]) -> None:
    name = collection.name_of("create")
    shape = spec.operation(name).input_shape
    uri = collections.uri_params(name)
    members = {xform_name(m) for m in (shape.members if shape else ())} - uri
    fields = collection.model.model_fields
    accepted = set(fields) | {field.encode_name for field in fields.values()}

    assert collection.create is not None or members <= accepted


@pytest.mark.parametrize("collection", _declared(), ids=lambda c: c.noun)
def test_model_aliases_are_the_output_shape_members(collection: collections.Collection[Any]) -> None:
    verb = "get" if collection in _having("get") else "create"  # DomainNameAccessAssociation has no Get
    output = spec.operation(collection.name_of(verb)).output_shape
    aliases = {field.encode_name for name, field in collection.model.model_fields.items()}

    assert output is not None and aliases <= set(output.members)

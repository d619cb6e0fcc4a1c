"""Model: a request/response schema of a REST API (API Gateway's own "Model"), its patch table, the two models every
new API gets, the "still referenced" rule, and the mapping template AWS derives from a schema (GetModelTemplate).

Texts modelled on AWS's wording but unrecorded in the spec are marked [UNK]; the default models' descriptions are
recorded (core spec §3.1), their schema strings are AWS's as commonly seen in get-models output [INF].
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import msgspec

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.resource import Resource
from apigw_mock.exceptions import BadRequestException, ConflictException


class Model(ApiGatewayModel, kw_only=True):
    """A request/response schema model of an API (`Empty` and `Error` exist on every new API)."""

    id: str
    """Generated (6 characters); the model is addressed by its name."""
    name: str
    """Alphanumeric, unique within the API."""
    description: str | None = None
    """Omitted when not given."""
    schema_: str | None = msgspec.field(default=None, name="schema")
    """A JSON Schema draft 4 document, as text."""
    content_type: str | None = None
    """The content type the schema describes (`application/json`)."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {
            "/description": patch.Field(),
            "/schema": patch.Field(),
        },
        # UpdateModel shares UpdateResource's message family (core spec §4.1, REC for `add /wrong-path`); the list
        # of paths in the unknown-path text is unrecorded [UNK].
        patch.ResourceMessages(["/description", "/schema"]),
    )


_EMPTY_SCHEMA = (
    '{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "title" : "Empty Schema",\n  "type" : "object"\n}'
)
_ERROR_SCHEMA = (
    '{\n  "$schema" : "http://json-schema.org/draft-04/schema#",\n  "title" : "Error Schema",\n  "type" : "object",\n'
    '  "properties" : {\n    "message" : { "type" : "string" }\n  }\n}'
)
_DEFAULT_MODELS = (
    ("Empty", "This is a default empty schema model", _EMPTY_SCHEMA),
    ("Error", "This is a default error schema model", _ERROR_SCHEMA),
)
DUPLICATE = "Model name already exists for this REST API"  # [UNK] wording


def default_models(new_id: Callable[[], str]) -> dict[str, Model]:
    """`Empty` and `Error`, by name, with fresh ids."""
    return {
        name: Model(id=new_id(), name=name, description=description, schema_=schema, content_type="application/json")
        for name, description, schema in _DEFAULT_MODELS
    }


def check_unused(resources: Iterable[Resource], name: str) -> None:
    """ConflictException while a method request or method response names the model [UNK wording]; walks every
    method of the API, acceptable for a rare operation, and keeps methods from ever naming a model that is gone."""
    for resource in resources:
        for verb, method in (resource.resource_methods or {}).items():
            if name in (method.request_models or {}).values():
                raise ConflictException(
                    f"Cannot delete model '{name}', is referenced in method request: {resource.path}/{verb}"
                )
            for response in (method.method_responses or {}).values():
                if name in (response.response_models or {}).values():
                    raise ConflictException(
                        f"Cannot delete model '{name}', is referenced in method response: {resource.path}/{verb}"
                    )


# ---- GetModelTemplate -------------------------------------------------------------------------------------------


def mapping_template(model: Model) -> str:
    """The mapping template AWS generates from a model's schema: `$inputRoot` bound to the body, one line per
    property, `#foreach` over arrays (DG "models and mapping templates" examples [DOC]; layout details [INF])."""
    try:
        schema = json.loads(model.schema_ or "{}")
    except json.JSONDecodeError:
        raise BadRequestException(f"Invalid model schema specified for model {model.name}") from None  # [UNK]
    lines = ["#set($inputRoot = $input.path('$'))"]
    lines += _value(schema if isinstance(schema, dict) else {}, "$inputRoot", 0)
    return "\n".join(lines)


def _value(schema: dict[str, Any], ref: str, depth: int) -> list[str]:
    kind = schema.get("type")
    if kind == "array":
        item = f"$elem{depth or ''}"
        items = schema.get("items")
        inner = _value(items if isinstance(items, dict) else {}, item, depth + 1)
        return ["[", f"#foreach({item} in {ref})", *_indent(inner), "#if($foreach.hasNext),#end", "#end", "]"]
    if kind == "object" or "properties" in schema:
        found = schema.get("properties")
        properties: dict[str, Any] = found if isinstance(found, dict) else {}
        body: list[str] = []
        for index, (name, sub) in enumerate(properties.items()):
            rendered = _value(sub if isinstance(sub, dict) else {}, f"{ref}.{name}", depth)
            rendered[0] = f'"{name}" : {rendered[0]}'
            if index < len(properties) - 1:
                rendered[-1] += ","
            body += rendered
        return ["{", *_indent(body), "}"]
    if kind in ("number", "integer", "boolean"):
        return [ref]
    return [f'"{ref}"']


def _indent(lines: list[str]) -> list[str]:
    return [f"  {line}" for line in lines]

"""The serializer scenario's steps for OpenAPI import and export: rows of (operation, call(client, ctx), needs) that
`test_serializer.STEPS` wraps in its `Step`. `STEPS` run once the API has a deployed `dev` stage."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Row = tuple[str, Callable[[Any, dict[str, Any]], Any], tuple[str, ...]]
DEPLOYED = ("CreateRestApi", "CreateResource", "PutMethod", "PutIntegration", "CreateDeployment")
DOCUMENT = json.dumps(
    {
        "openapi": "3.0.1",
        "info": {"title": "imported", "version": "1"},
        "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"Pet": {"type": "object"}}},
    }
)
WARNED = json.dumps(
    {
        "swagger": "2.0",
        "info": {"title": "put"},
        "paths": {"/a": {"get": {"parameters": [{"in": "body", "name": "b", "schema": {"$ref": "#/definitions/X"}}]}}},
    }
)


def _import(c: Any, ctx: dict[str, Any]) -> None:
    ctx["imported"] = c.import_rest_api(body=DOCUMENT)["id"]


STEPS: list[Row] = [
    ("ImportRestApi", _import, ()),
    (
        "PutRestApi",
        lambda c, ctx: c.put_rest_api(restApiId=ctx["imported"], body=WARNED, mode="merge"),
        ("ImportRestApi",),
    ),
    (
        "GetExport",
        lambda c, ctx: c.get_export(
            restApiId=ctx["api"], stageName="dev", exportType="swagger", parameters={"extensions": "apigateway"}
        ),
        DEPLOYED,
    ),
]

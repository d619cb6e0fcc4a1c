"""ImportRestApi, PutRestApi and GetExport (spec control-plane-2 §16–§17): thin handlers over `domain.openapi`.

The importer builds the whole new graph aside; the handler's swap is the only write, so a failed import changes
nothing. The reply of an import is the RestApi with the import's `warnings` (not stored: GetRestApi shows none
[INF]). GetExport reads the stage's deployment snapshot, never the live graph; a missing stage is
`Invalid stage identifier specified` (NotFound [INF], as the stage family answers).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from apigw_mock.control.registry import operation
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.graph import ApiGraph
from apigw_mock.domain.messages import INVALID_STAGE
from apigw_mock.domain.openapi import document, exporter, importer
from apigw_mock.domain.rest_api import RestApi
from apigw_mock.domain.stage import serving
from apigw_mock.exceptions import NotFoundException


@operation("ImportRestApi")
def import_rest_api(
    backend: ApiGatewayBackend,
    *,
    body: bytes,
    fail_on_warnings: bool = False,
    parameters: Mapping[str, str] | None = None,
) -> RestApi:
    options = importer.Options.of(parameters, fail_on_warnings=fail_on_warnings, mode=None)
    built = importer.build(document.read(body), backend, options, created=backend.now())
    backend.apis[built.graph.api.id] = built.graph
    return _reply(built)


@operation("PutRestApi")
def put_rest_api(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    body: bytes,
    mode: str | None = None,
    fail_on_warnings: bool = False,
    parameters: Mapping[str, str] | None = None,
) -> RestApi:
    graph = backend.graph(rest_api_id)
    options = importer.Options.of(parameters, fail_on_warnings=fail_on_warnings, mode=mode or "merge")
    built = importer.build(document.read(body), backend, options, into=graph, created=backend.now())
    _swap(graph, built.graph)
    return _reply(built)


@operation("GetExport")
def get_export(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    stage_name: str,
    export_type: str,
    parameters: Mapping[str, str] | None = None,
    accepts: str | None = None,
) -> dict[str, Any]:
    graph = backend.graph(rest_api_id)
    accept, extensions = exporter.check_export(export_type, accepts, (parameters or {}).get("extensions"))
    served = serving(graph, stage_name)
    if served is None:
        raise NotFoundException(INVALID_STAGE)
    created = graph.deployments[served.deployment_id].deployment.created_date
    target = exporter.Target(rest_api_id, backend.region, stage_name, f"{created:%Y-%m-%dT%H:%M:%SZ}", export_type)
    body = exporter.render(exporter.export(served.api, target, extensions), accept)
    disposition = exporter.filename(served.api.api.name, stage_name, export_type, accept)
    return {"body": body, "contentType": accept, "contentDisposition": disposition}


def _reply(built: importer.Imported) -> RestApi:
    return built.graph.api.model_copy(update={"warnings": built.warnings or None})


def _swap(live: ApiGraph, new: ApiGraph) -> None:
    """Put the new graph's containers into the live graph object (which the backend and its indexes hold)."""
    for field in dataclasses.fields(ApiGraph):
        setattr(live, field.name, getattr(new, field.name))

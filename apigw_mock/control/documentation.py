"""Documentation parts and versions of an API as declared collections, and ImportDocumentationParts
(spec control-plane-2 §11). A missing API is `Invalid API identifier specified <account>:<id>` (the API-level
family). CreateDocumentationVersion freezes the current parts; with `stageName` the stage must exist and then shows
the version (its `documentationVersion`).
"""

from __future__ import annotations

from typing import Any

from apigw_mock.control.collections import Collection, Params, register_crud
from apigw_mock.control.registry import operation
from apigw_mock.domain.backend import CHILD_ID_LENGTH, ApiGatewayBackend
from apigw_mock.domain.documentation import (
    IMPORT_WARNINGS,
    PART_DUPLICATE,
    PART_NOT_FOUND,
    VERSION_DUPLICATE,
    VERSION_NOT_FOUND,
    Documentation,
    DocumentationPart,
    DocumentationPartLocation,
    DocumentationVersion,
    checked_location,
    documented,
    imported_parts,
    properties_reason,
)
from apigw_mock.domain.messages import INVALID_STAGE
from apigw_mock.domain.stage_refs import stage_exists
from apigw_mock.exceptions import BadRequestException, ConflictException
from apigw_mock.paging import PagedDict


def _documentation(backend: ApiGatewayBackend, params: Params) -> Documentation:
    return backend.graph(params["rest_api_id"]).documentation


# ---- parts ----------------------------------------------------------------------------------------------------------


def _new_part(backend: ApiGatewayBackend, params: Params, members: Params) -> DocumentationPart:
    location = checked_location(DocumentationPartLocation.model_validate(members["location"]))
    reason = properties_reason(members["properties"])
    if reason is not None:
        raise BadRequestException(reason)
    if _documentation(backend, params).at(location) is not None:
        raise ConflictException(PART_DUPLICATE)
    return DocumentationPart(id=members["id"], location=location, properties=members["properties"])


def _filtered(part: DocumentationPart, params: Params) -> bool:
    """GetDocumentationParts' filters: `type`, `name` and `path` exact [INF], `locationStatus`."""
    location = part.location
    status = params.get("location_status")
    return (
        params.get("type") in (None, location.type)
        and params.get("name_query") in (None, location.name)
        and params.get("path") in (None, location.path or "/")
        and (status is None or (status == "DOCUMENTED") == documented(part.properties))
    )


PARTS = Collection(
    model=DocumentationPart,
    noun="DocumentationPart",
    container=lambda backend, params: _documentation(backend, params).parts,
    key="documentation_part_id",
    not_found=PART_NOT_FOUND,
    create=_new_part,
    matches=_filtered,
)
register_crud(PARTS)


@operation("ImportDocumentationParts")
def import_documentation_parts(
    backend: ApiGatewayBackend,
    *,
    rest_api_id: str,
    body: bytes,
    mode: str | None = None,
    fail_on_warnings: bool = False,
) -> dict[str, Any]:
    """`merge` (default) updates the parts at the imported locations and adds the others; `overwrite` replaces all."""
    documentation = backend.graph(rest_api_id).documentation
    parts, warnings = imported_parts(body)
    if warnings and fail_on_warnings:
        raise BadRequestException(IMPORT_WARNINGS.format(warnings="; ".join(warnings)))
    if mode == "overwrite":
        documentation.parts = PagedDict()
    ids = []
    for location, properties in parts:
        found = documentation.at(location)
        part_id = found.id if found is not None else backend.new_id(CHILD_ID_LENGTH)
        documentation.parts[part_id] = DocumentationPart(id=part_id, location=location, properties=properties)
        ids.append(part_id)
    return {"ids": ids, "warnings": warnings or None}


# ---- versions -------------------------------------------------------------------------------------------------------


def _new_version(backend: ApiGatewayBackend, params: Params, members: Params) -> DocumentationVersion:
    graph = backend.graph(params["rest_api_id"])
    name, stage_name = members["documentation_version"], members.get("stage_name")
    if name in graph.documentation.versions:
        raise ConflictException(VERSION_DUPLICATE)
    if stage_name is not None and not stage_exists(graph, stage_name):
        raise BadRequestException(INVALID_STAGE)
    version = DocumentationVersion(version=name, created_date=backend.now(), description=members.get("description"))
    graph.documentation.snapshots[name] = tuple(graph.documentation.parts.values())
    if stage_name is not None:  # the stage shows the version (replaced, as every node is)
        stages: dict[str, Any] = getattr(graph, "stages", {})
        stages[stage_name] = stages[stage_name].model_copy(update={"documentation_version": name})
    return version


def _drop_snapshot(backend: ApiGatewayBackend, params: Params, version: DocumentationVersion) -> None:
    _documentation(backend, params).snapshots.pop(version.version, None)


VERSIONS = Collection(
    model=DocumentationVersion,
    noun="DocumentationVersion",
    container=lambda backend, params: _documentation(backend, params).versions,
    key="documentation_version",
    key_field="version",
    id_length=None,
    not_found=VERSION_NOT_FOUND,
    duplicate=VERSION_DUPLICATE,
    create=_new_version,
    before_delete=_drop_snapshot,
)
register_crud(VERSIONS)

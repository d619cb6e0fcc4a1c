"""Documentation parts and versions of an API, AWS's location rules, and ImportDocumentationParts' reading of an
OpenAPI document (spec control-plane-2 §11).

Contract:
- `checked_location(location)` returns the location as stored (as given: defaults are not echoed [UNK §11.1]; an
  empty field the type does not have is dropped, as Terraform sends `""` for each field left out [INF]) or
  raises BadRequest: which of `path`, `method`, `statusCode`, `name` a type allows, and where `name` is required,
  follow the model's documentation [MODEL]; `identity(location)` fills the defaults (`path` `/`, `method` `*`,
  `statusCode` `*`), so that two locations meaning the same entity collide (Conflict [UNK]) and filters compare
  like with like.
- `properties` is JSON text holding an object [INF → BadRequest otherwise].
- `Documentation` is an API's container: parts by id, versions by name, and each version's snapshot of the parts.
- `imported_parts(body)` reads `x-amazon-apigateway-documentation.documentationParts` from a JSON OpenAPI
  document [DOC DG:api-gateway-swagger-extensions-documentation]; a part with a bad location becomes a warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.enums import DocumentationPartType
from apigw_mock.dump import Timestamp
from apigw_mock.exceptions import BadRequestException
from apigw_mock.paging import PagedDict

PART_NOT_FOUND = "Invalid Documentation part identifier specified"  # [UNK §2 → §18.1]
VERSION_NOT_FOUND = "Invalid Documentation version identifier specified"  # [UNK §2 → §18.1]
PART_DUPLICATE = "Documentation part already exists for the specified location"  # [UNK §11.1]
VERSION_DUPLICATE = "Documentation version already exists"  # [UNK §11.3]
PROPERTIES = "Invalid properties specified: must be a JSON object"  # [UNK]
BAD_IMPORT = "Invalid OpenAPI input specified: the body must be a JSON document"  # [UNK]
IMPORT_WARNINGS = "Import failed with warnings: {warnings}"  # [UNK] failOnWarnings
_PATH, _METHOD, _STATUS, _NAME = "path", "method", "statusCode", "name"
_FIELDS: dict[str, tuple[str, ...]] = {
    "API": (),
    "AUTHORIZER": (_NAME,),
    "MODEL": (_NAME,),
    "RESOURCE": (_PATH,),
    "METHOD": (_PATH, _METHOD),
    "PATH_PARAMETER": (_PATH, _METHOD, _NAME),
    "QUERY_PARAMETER": (_PATH, _METHOD, _NAME),
    "REQUEST_HEADER": (_PATH, _METHOD, _NAME),
    "REQUEST_BODY": (_PATH, _METHOD, _NAME),
    "RESPONSE": (_PATH, _METHOD, _STATUS),
    "RESPONSE_HEADER": (_PATH, _METHOD, _STATUS, _NAME),
    "RESPONSE_BODY": (_PATH, _METHOD, _STATUS),
}
"""The location fields each type allows [MODEL DocumentationPartLocation]; `name` is required wherever allowed."""
_DEFAULTS = {_PATH: "/", _METHOD: "*", _STATUS: "*"}


class DocumentationPartLocation(ApiGatewayModel, kw_only=True):
    """Which API entity a part documents."""

    type: DocumentationPartType
    path: str | None = None
    method: str | None = None
    status_code: str | None = None
    name: str | None = None


def location_reason(location: DocumentationPartLocation) -> str | None:
    """Why the location is not valid for its type, or None."""
    allowed = _FIELDS[location.type]
    given = location.model_dump(exclude_none=True)
    for name in given:
        if name != "type" and name not in allowed:
            return f"Invalid location: '{name}' is not a valid field for type {location.type}"  # [UNK]
    if _NAME in allowed and not location.name:
        return f"Invalid location: 'name' is required for type {location.type}"  # [UNK]
    return None


def checked_location(location: DocumentationPartLocation) -> DocumentationPartLocation:
    """The location without the empty fields its type does not have, valid for its type. An empty field is one not
    given: Terraform sends every field its configuration leaves out as `""` (aws_api_gateway_documentation_part),
    which AWS accepts [INF]."""
    allowed = _FIELDS[location.type]
    given = location.model_dump(exclude_none=True)
    kept = {name: value for name, value in given.items() if name == "type" or name in allowed or value != ""}
    if kept != given:
        location = DocumentationPartLocation.model_validate(kept)
    reason = location_reason(location)
    if reason is not None:
        raise BadRequestException(reason)
    return location


def identity(location: DocumentationPartLocation) -> tuple[str, ...]:
    """The entity a location names, defaults filled in."""
    allowed = _FIELDS[location.type]
    given = location.model_dump(exclude_none=True)
    return (location.type, *(given.get(name, _DEFAULTS.get(name, "")) for name in allowed))


def properties_reason(value: Any, key: str | None = None, context: Any = None) -> str | None:
    """Why `properties` is not JSON text holding an object, or None (Create, Update and import)."""
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    return None if isinstance(parsed, dict) else PROPERTIES


def documented(properties: str) -> bool:
    """Whether a part says something (`locationStatus` DOCUMENTED) rather than `{}` (UNDOCUMENTED) [INF]."""
    return bool(json.loads(properties))


class DocumentationPart(ApiGatewayModel, kw_only=True):
    """One piece of documentation of an API entity."""

    id: str
    location: DocumentationPartLocation
    properties: str
    """A JSON object, as text (`{"description": "…"}`)."""

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules({"/properties": patch.Field(check=properties_reason)})


class DocumentationVersion(ApiGatewayModel, kw_only=True):
    """A named snapshot of an API's documentation parts."""

    version: str
    created_date: Timestamp
    description: str | None = None

    PATCHABLE: ClassVar[patch.PatchRules] = patch.PatchRules(
        {"/description": patch.Field(ops=frozenset({"replace"}))}  # [INF §11.3]
    )


@dataclass
class Documentation:
    """An API's documentation: parts by id, versions by name, and the parts each version froze."""

    parts: PagedDict[str, DocumentationPart] = field(default_factory=PagedDict)
    versions: PagedDict[str, DocumentationVersion] = field(default_factory=PagedDict)
    snapshots: dict[str, tuple[DocumentationPart, ...]] = field(default_factory=dict)

    def copy(self) -> Documentation:
        """Containers of its own, the same (never edited) nodes."""
        return Documentation(self.parts.copy(), self.versions.copy(), dict(self.snapshots))

    def at(self, location: DocumentationPartLocation) -> DocumentationPart | None:
        """The part documenting the same entity, if any (O(parts): documentation writes are rare)."""
        wanted = identity(location)
        return next((part for part in self.parts.values() if identity(part.location) == wanted), None)


# ---- ImportDocumentationParts --------------------------------------------------------------------------------------


def imported_parts(body: bytes) -> tuple[list[tuple[DocumentationPartLocation, str]], list[str]]:
    """(location, properties) of every valid part in the document, and a warning for each invalid one."""
    try:
        document = json.loads(body)
    except ValueError:
        raise BadRequestException(BAD_IMPORT) from None
    return parts_of(document)


def parts_of(document: Any) -> tuple[list[tuple[DocumentationPartLocation, str]], list[str]]:
    """`imported_parts` of an already parsed OpenAPI document (ImportRestApi/PutRestApi read them too)."""
    extension = document.get("x-amazon-apigateway-documentation") if isinstance(document, dict) else None
    entries = extension.get("documentationParts") if isinstance(extension, dict) else None
    parts: list[tuple[DocumentationPartLocation, str]] = []
    warnings: list[str] = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        try:
            location = checked_location(DocumentationPartLocation.model_validate(entry["location"]))
            properties = json.dumps(entry["properties"], separators=(",", ":"))
        except BadRequestException as error:
            warnings.append(f"Documentation part {index}: {error.message}")  # [UNK]
            continue
        except (KeyError, TypeError, ValueError):
            warnings.append(f"Documentation part {index}: a location and properties are required")  # [UNK]
            continue
        if properties_reason(properties) is not None:
            warnings.append(f"Documentation part {index}: {PROPERTIES}")
            continue
        parts.append((location, properties))
    return parts, warnings

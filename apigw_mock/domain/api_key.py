"""ApiKey: an account-level key callers send in `x-api-key` (spec control-plane-2 §7), its patch table, the value
rules and AWS's CSV import format (ImportApiKeys, §7.3).

Contract: `new_api_key(members, exists, now, taken)` gives CreateApiKey's node (a 40-character alphanumeric value
unless one is given, a Conflict for a value another key has, `enabled` false [INF → §18.4], `stageKeys` `[]` when
none [UNK → §18.5], `createdDate` = `lastUpdatedDate`);
`read_csv(body)` parses an import file into rows and per-line warnings, the header row naming the columns in any
case and order (`Name` and `Key` required; `Description`, `Enabled` (default true), `UsagePlanIds` optional;
others ignored) [DOC DG:api-key-file-format]. Texts the spec does not record are marked [UNK].
"""

from __future__ import annotations

import csv
import datetime
import io
import random
import string
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any, ClassVar

from apigw_mock import patch
from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.messages import INVALID_STAGE
from apigw_mock.dump import Timestamp
from apigw_mock.exceptions import BadRequestException, ConflictException, NotFoundException

NOT_FOUND = "Invalid API Key identifier specified"  # [UNK → §18.1]
DUPLICATE = "API Key already exists"  # [UNK → §7.1]
VALUE_TOO_SHORT = "API Key value should be at least 20 characters"  # [UNK, recalled]
VALUE_TOO_LONG = "API Key value should be at most 128 characters"  # [UNK]
VALUE_LENGTH = (20, 128)  # CreateApiKey [DOC DG:api-gateway-api-usage-plans]
CSV_KEY_LENGTH = (30, 128)  # ImportApiKeys [DOC DG:api-key-file-format]
CSV_NAME_LENGTH = 1024
_VALUE_ALPHABET = string.ascii_letters + string.digits
_VALUES = random.Random()  # unique enough for a mock; leaves the caller's seeded `random` alone

StageExists = Callable[[str, str], bool]
"""(rest api id, stage name) -> whether the stage exists."""


class ApiKey(ApiGatewayModel, kw_only=True):
    id: str
    """Generated (10 characters)."""
    value: str | None = None
    """The key itself: always stored; answered by Create, and by Get(s) only with includeValue(s)."""
    name: str | None = None
    customer_id: str | None = None
    """An AWS Marketplace customer id; omitted when not given."""
    description: str | None = None
    enabled: bool = False
    created_date: Timestamp
    last_updated_date: Timestamp
    stage_keys: list[str] = []
    """Legacy `{restApiId}/{stageName}` entries."""
    tags: dict[str, str] | None = None
    """Omitted when none; ARN `arn:aws:apigateway:{region}::/apikeys/{id}`."""

    PATCHABLE: ClassVar[patch.PatchRules]


def new_api_key(members: dict[str, Any], exists: StageExists, now: datetime.datetime, taken: Container[str]) -> ApiKey:
    """CreateApiKey's node from its members (`id` included); `taken` holds the values other keys have."""
    value = members.get("value")
    if value:  # an empty value asks for one, as an absent one does (Terraform sends "" for a key without a value)
        check_value(value)
    value = value or generated_value()
    if value in taken:
        raise ConflictException(DUPLICATE)
    stage_keys = [
        stage_key(entry.get("restApiId", ""), entry.get("stageName", ""), exists)
        for entry in members.get("stage_keys") or ()
    ]
    kept = {key: members[key] for key in ("id", "name", "description", "customer_id", "tags") if key in members}
    return ApiKey.checked(  # `generateDistinctId` is deprecated and ignored [MODEL]
        **kept,
        value=value,
        enabled=bool(members.get("enabled")),
        created_date=now,
        last_updated_date=now,
        stage_keys=stage_keys,
    )


def check_value(value: str) -> None:
    """A caller-chosen key value is 20 to 128 characters."""
    if len(value) < VALUE_LENGTH[0]:
        raise BadRequestException(VALUE_TOO_SHORT)
    if len(value) > VALUE_LENGTH[1]:
        raise BadRequestException(VALUE_TOO_LONG)


def generated_value() -> str:
    """A 40-character `[A-Za-z0-9]` key value, as AWS generates (spec §1.3)."""
    return "".join(_VALUES.choices(_VALUE_ALPHABET, k=40))


def stage_key(rest_api_id: str, stage_name: str, exists: StageExists) -> str:
    """`{restApiId}/{stageName}`, or BadRequest `Invalid stage identifier specified` for a missing stage."""
    if not exists(rest_api_id, stage_name):
        raise BadRequestException(INVALID_STAGE)
    return f"{rest_api_id}/{stage_name}"


def _stages(doc: dict[str, Any], op: patch.PatchOperation, key: str | None, exists: StageExists) -> None:
    """`add|remove /stages` with value `{restApiId}/{stageName}` (legacy stage keys) [INF]."""
    entries = list(doc.get("stageKeys") or [])
    rest_api_id, _, stage_name = (op.value or "").partition("/")
    if op.op == "add":
        entry = stage_key(rest_api_id, stage_name, exists)
        doc["stageKeys"] = entries if entry in entries else [*entries, entry]
        return
    if op.value not in entries:
        raise NotFoundException(INVALID_STAGE)  # [UNK]
    doc["stageKeys"] = [entry for entry in entries if entry != op.value]


@dataclass(frozen=True)
class KeyPatch:
    """UpdateApiKey's patch context: the stage check and the time stamped on the key."""

    exists: StageExists
    now: datetime.datetime


def _stamp(doc: dict[str, Any], context: KeyPatch) -> None:
    doc["lastUpdatedDate"] = context.now


ApiKey.PATCHABLE = patch.PatchRules(
    {
        "/name": patch.Field(),
        "/description": patch.Field(),
        "/enabled": patch.Field(parse=patch.boolean),
        "/customerId": patch.Field(),
        "/stages": patch.Custom(
            lambda doc, op, key, ctx: _stages(doc, op, key, ctx.exists), ops=frozenset({"add", "remove"})
        ),
    },
    finish=_stamp,
)


# ---- ImportApiKeys --------------------------------------------------------------------------------------------


@dataclass
class CsvRow:
    """One data row of an import file (line numbers count the header as line 1)."""

    line: int
    name: str
    key: str
    description: str = ""
    enabled: bool = True
    usage_plan_ids: list[str] = field(default_factory=list)


MISSING_COLUMNS = "Invalid API key file: the header row must name the Name and Key columns"  # [UNK]
NOT_TEXT = "Invalid API key file: the body must be UTF-8 text"  # [UNK]


def read_csv(data: bytes | str) -> tuple[list[CsvRow], list[str]]:
    """The import file's good rows and the warnings about the others (see the module docstring)."""
    try:
        text = bytes(data).decode("utf-8-sig") if not isinstance(data, str) else data
    except UnicodeDecodeError:
        raise BadRequestException(NOT_TEXT) from None
    lines = list(csv.reader(io.StringIO(text)))
    header = [column.strip().lower() for column in lines[0]] if lines else []
    if "name" not in header or "key" not in header:
        raise BadRequestException(MISSING_COLUMNS)
    rows: list[CsvRow] = []
    warnings: list[str] = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = dict(zip(header, (cell.strip() for cell in _single_quoted(cells)), strict=False))
        problem = _row_problem(row)
        if problem:
            warnings.append(f"Invalid API key in line {number}: {problem}")  # [UNK]
            continue
        enabled = row.get("enabled", "")
        plans = row.get("usageplanids", "").strip("'\"")
        rows.append(
            CsvRow(
                line=number,
                name=row["name"],
                key=row["key"],
                description=row.get("description", ""),
                enabled=not enabled or enabled.lower() == "true",
                usage_plan_ids=[plan.strip() for plan in plans.split(",") if plan.strip()],
            )
        )
    return rows, warnings


def _single_quoted(cells: list[str]) -> list[str]:
    """Cells rejoined where a single-quoted value held commas (`'c7y23b,glvrsr'`, DOC); csv knows only `"`."""
    joined: list[str] = []
    for cell in cells:
        if joined and joined[-1].lstrip().startswith("'") and not joined[-1].rstrip().endswith("'"):
            joined[-1] += "," + cell
        else:
            joined.append(cell)
    return joined


def _row_problem(row: dict[str, str]) -> str | None:
    key, name = row.get("key", ""), row.get("name", "")
    low, high = CSV_KEY_LENGTH
    if not low <= len(key) <= high:
        return f"the key must be {low} to {high} characters long"
    if not name or len(name) > CSV_NAME_LENGTH:
        return f"the name must be 1 to {CSV_NAME_LENGTH} characters long"
    return None

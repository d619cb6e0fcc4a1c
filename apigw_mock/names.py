"""snake_case <-> camelCase for the mock's own identifiers (backend attributes, dataclass fields) where they are
shown as JSON (the state file, the management endpoints). Domain nodes carry their wire names themselves
(`msgspec.structs.FieldInfo.encode_name`); this is only for the containers around them."""

from __future__ import annotations

import re

_UPPER = re.compile(r"(?<=[a-z0-9])([A-Z])")


def to_camel(name: str) -> str:
    """`rest_apis` -> `restApis` (msgspec's `rename="camel"` rule)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def to_snake(name: str) -> str:
    """`restApis` -> `rest_apis`: the inverse of `to_camel` for names without capitals of their own."""
    return _UPPER.sub(lambda found: "_" + found.group(1).lower(), name)

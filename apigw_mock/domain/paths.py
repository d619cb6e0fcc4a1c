"""Resource path parts: their syntax, where (greedy) path variables may sit, and a child's full path (spec §3.2).

Contract: `check_child(parent_path_part, path_part, same_name=..., variable_sibling=...)` raises the error AWS
answers when a resource named `path_part` may not live under a parent named `parent_path_part` (first failure
wins); the caller passes what it knows of the two siblings that matter, so the check is O(1)
(`ResourceTree.check_child` does). `child_path` joins paths. A leaf: strings in, strings out.
"""

from __future__ import annotations

from apigw_mock.exceptions import BadRequestException, ConflictException
from apigw_mock.lazy_pattern import LazyPattern

# The allowed characters are the ones AWS's error text lists [FIELD; not in the spec's recordings].
_PATH_PART = LazyPattern(r"[a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\}")
INVALID_PATH_PART = (
    "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional "
    "plus sign before the closing brace."
)


def is_variable(path_part: str | None) -> bool:
    """`{name}` or `{name+}`."""
    return path_part is not None and path_part.startswith("{") and path_part.endswith("}")


def is_greedy(path_part: str | None) -> bool:
    """`{name+}`: matches the rest of the path, so it can have no children."""
    return path_part is not None and is_variable(path_part) and path_part.endswith("+}")


def child_path(parent_path: str, path_part: str) -> str:
    """`/` + `pets` -> `/pets`; `/pets` + `{id}` -> `/pets/{id}`."""
    return f"{parent_path.rstrip('/')}/{path_part}"


def check_child(parent_path_part: str | None, path_part: str, *, same_name: bool, variable_sibling: str | None) -> None:
    """Raise AWS's error if `path_part` may not be a child of a parent named `parent_path_part` (None: the root),
    given whether a sibling is already called `path_part` and the path part of the sibling with a variable path
    part (None when there is none)."""
    if not _PATH_PART.fullmatch(path_part):
        raise BadRequestException(INVALID_PATH_PART)
    if is_greedy(parent_path_part):
        raise BadRequestException(
            f"Cannot create a child of a resource with a greedy path variable: {parent_path_part}"
        )
    if same_name:
        raise ConflictException(f"Another resource with the same parent already has this name: {path_part}")
    if variable_sibling is not None and is_variable(path_part):
        raise BadRequestException(
            f"A sibling ({variable_sibling}) of this resource already has a variable path part -- only one is allowed"
        )

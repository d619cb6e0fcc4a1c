"""The scenario step of `test_serializer.py`, shared by the modules that hold each family's steps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Call = Callable[[Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class Step:
    operation: str
    call: Call
    needs: tuple[str, ...] = ()  # operations that build what this step acts on

"""Transport-neutral HTTP request/response values passed between interception and the protocol layer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class HttpRequest(NamedTuple):  # a tuple: made on every call, and cheaper to make than a frozen dataclass
    """One API Gateway control-plane request as it came off the wire (botocore's or a real socket's)."""

    method: str
    url: str  # full URL or path, with the query string, still %-encoded
    headers: Mapping[str, str]
    body: bytes = b""


class HttpResponse(NamedTuple):  # a tuple too, for the same reason
    """What goes back: status, headers and the raw body."""

    status: int
    headers: dict[str, str]
    body: bytes = b""

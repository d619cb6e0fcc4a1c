"""Transport-neutral HTTP request/response values passed between interception and the protocol layer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, Protocol


class WireRequest(Protocol):
    """What the protocol layer reads of a request: an `HttpRequest`, or botocore's own prepared request when its
    body is already bytes (or absent), which the interceptor passes through as it is."""

    @property
    def method(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def headers(self) -> Mapping[str, Any]: ...
    @property
    def body(self) -> bytes | None: ...


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

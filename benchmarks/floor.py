"""The floor of any HTTP-level mock: boto3 calls answered by a `before-send` handler with canned bytes.

botocore still serialises, signs and parses; nothing else runs. The canned replies are recorded from what
apigw_mock answered for the same calls (status, headers, body), so the floor parses the very same bytes.

`Recorder` and `Replayer` share one cursor protocol with `timing.Calls`: the caller announces each call with
`next_call()` before making it. A call that produced no reply while recording (the mock raised a Python error,
e.g. an operation it does not implement yet) makes the replayer raise too, so it is excluded alike.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from botocore.awsrequest import AWSResponse

Reply = tuple[int, dict[str, str], bytes]


class _RawBody:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> list[bytes]:
        return [self._body]


class NoRecordedReply(RuntimeError):
    """The recording pass got no reply for this call."""


class Recorder:
    """Collects the raw reply of every call a client makes (through `after-call`)."""

    def __init__(self) -> None:
        self.replies: list[Reply | None] = []

    def attach(self, client: Any) -> None:
        client.meta.events.register("after-call.api-gateway", self._after_call)

    def next_call(self) -> None:
        self.replies.append(None)

    def to_json(self) -> str:
        """The replies as JSON text (bodies in base64), for a `Replayer.from_json` in another process."""
        return json.dumps([None if r is None else (r[0], r[1], base64.b64encode(r[2]).decode()) for r in self.replies])

    def _after_call(self, http_response: Any, **_: Any) -> None:
        self.replies[-1] = (http_response.status_code, dict(http_response.headers), http_response.content)


class Replayer:
    """Answers a client's calls, in order, with the recorded replies (cycling when replayed again)."""

    def __init__(self, replies: list[Reply | None]) -> None:
        self.replies = replies
        self._cursor = -1

    @classmethod
    def from_json(cls, text: str) -> Replayer:
        """A replayer of `Recorder.to_json`'s replies."""
        return cls([None if r is None else (r[0], r[1], base64.b64decode(r[2])) for r in json.loads(text)])

    def attach(self, client: Any) -> None:
        # botocore runs every before-send handler and keeps the first reply: replay only while no mock intercepts.
        client.meta.events.register("before-send.api-gateway", self._before_send)

    def next_call(self) -> None:
        self._cursor = (self._cursor + 1) % len(self.replies)

    def rewind(self) -> None:
        self._cursor = -1

    def _before_send(self, request: Any, **_: Any) -> AWSResponse:
        reply = self.replies[self._cursor]
        if reply is None:
            raise NoRecordedReply(f"call #{self._cursor} has no recorded reply")
        status, headers, body = reply
        return AWSResponse(request.url, status, headers, _RawBody(body))

"""What the data plane asks of the world: the live state it may read, the Lambdas, the network and the clock.

Contract: `invoke/` never imports the state, the control plane or a client library. The one object that knows
them (`transport/execute_api.StatePorts`) implements `Ports`; tests may pass their own. Values crossing the
boundary are plain frozen data:

- `ExecuteRequest`: one client request as it reached the execute-api endpoint (verb, the path after the stage,
  still %-encoded, query pairs already decoded, header pairs as sent, the raw body, the caller's address).
- `Target`: which API and stage it addressed (api id, stage name, region, account, the host it used).
- `Outbound` / `OutboundReply`: an HTTP integration's request and the backend's answer (HTTP, HTTP_PROXY).

`Ports.serving(target)` returns `MISSING_API` when no such API exists (403 Forbidden), `None` when it has no such
stage (403 Missing Authentication Token), else `domain.stage.Serving` (read under the state's lock, frozen).
`lambda_handler(arn)` finds a registered Python callable for a function ARN (qualifier and bare-name fallbacks are
the implementation's), `send(outbound)` performs real HTTP and raises `TimeoutError` past `outbound.timeout`
(seconds) or `ConnectionError` when the backend cannot be reached, `random()` draws the canary (seedable),
`now()` is the request time (UTC), `request_id()` a fresh UUID.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Protocol

if TYPE_CHECKING:
    from apigw_mock.domain.stage import Serving

Pairs = tuple[tuple[str, str], ...]
LambdaHandler = Callable[[Any, Any], Any]


class _MissingApi:
    def __repr__(self) -> str:
        return "MISSING_API"


MISSING_API: Final = _MissingApi()


@dataclass(frozen=True, slots=True)
class Target:
    """The API and stage a request addressed."""

    api_id: str
    stage: str
    region: str
    account_id: str
    domain_name: str = ""
    """The host the client used (`$context.domainName`); default `{api}.execute-api.{region}.amazonaws.com`."""

    @property
    def host(self) -> str:
        return self.domain_name or f"{self.api_id}.execute-api.{self.region}.amazonaws.com"


@dataclass(frozen=True, slots=True)
class ExecuteRequest:
    """One client request to a stage (see the module contract)."""

    method: str
    path: str
    """The path after the stage, starting with `/`, still %-encoded (`/pets/a%20b`)."""
    query: Pairs = ()
    headers: Pairs = ()
    body: bytes = b""
    source_ip: str = "127.0.0.1"
    _last: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    """Lower-cased name -> last value, built by the first `header` call (a request is read several times)."""

    def header(self, name: str) -> str | None:
        """The last value sent for `name`, looked up case-insensitively."""
        last = self._last
        if last is None:
            last = {key.lower(): value for key, value in self.headers}
            object.__setattr__(self, "_last", last)
        return last.get(name.lower())


@dataclass(frozen=True, slots=True)
class Outbound:
    """The request an HTTP or HTTP_PROXY integration sends to its backend."""

    method: str
    url: str
    headers: Pairs = ()
    body: bytes = b""
    timeout: float = 29.0


@dataclass(frozen=True, slots=True)
class OutboundReply:
    status: int
    headers: Pairs = ()
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Reply:
    """What the client receives: status, headers (the last value of each name in `headers`, every value in
    `multi_value_headers`, names as sent) and the body bytes."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    multi_value_headers: dict[str, list[str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        import json

        return json.loads(self.body)

    def header_pairs(self) -> list[tuple[str, str]]:
        """Every header line, repeated names included (`Set-Cookie`), for a transport to write."""
        return [(name, value) for name, values in self.multi_value_headers.items() for value in values]


def reply(status: int, headers: dict[str, list[str]], body: bytes) -> Reply:
    """A `Reply` from multi-valued headers."""
    return Reply(status, {name: values[-1] for name, values in headers.items() if values}, body, headers)


class Ports(Protocol):
    def serving(self, target: Target) -> Serving | _MissingApi | None: ...
    def lambda_handler(self, function_arn: str) -> LambdaHandler | None: ...
    def lambda_names(self) -> Sequence[str]: ...
    def send(self, outbound: Outbound) -> OutboundReply: ...
    def random(self) -> float: ...
    def now(self) -> datetime.datetime: ...
    def request_id(self) -> str: ...

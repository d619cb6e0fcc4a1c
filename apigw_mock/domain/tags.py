"""Tags: the ARN -> taggable node index behind TagResource, UntagResource and GetTags (spec control-plane-2 §14).

Contract: a taggable kind registers once, `TAGGABLE.register("/restapis/{}/stages/{}", resolve)`, with a function
that finds the node for the ARN path's labels (raising the node's own NotFound) and returns a `Taggable`: how to
read its tags and how to store the node again with new ones (nodes are replaced, never edited in place).
`TAGGABLE.find(backend, arn)` parses `arn:{partition}:apigateway:{region}::{path}` (no account id, spec §14.1)
and resolves it. REST APIs and stages register here; API keys, usage plans, domain names, VPC links and client
certificates register the same way next to their own model. `check_tags(tags, existing)` holds AWS's tag rules,
the 50-tag limit included. `custom_id(tags)` reads the `_custom_id_` tag (moto's and LocalStack's convention) a
CreateRestApi may carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING

import msgspec

from apigw_mock.domain.base import replaced
from apigw_mock.exceptions import BadRequestException
from apigw_mock.lazy_pattern import LazyPattern

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.stage import Stage

CUSTOM_ID_TAG = "_custom_id_"
"""Not AWS: the tag moto and LocalStack read to choose a new REST API's id (stable URLs in tests)."""
INVALID_ARN = "Invalid ARN specified in the request"  # [UNK] text for an ARN the service does not tag (spec §14.2)
TAGS_MAX = 50  # per resource [DOC DG:limits]
TOO_MANY_TAGS = f"The maximum number of tags for a resource ({TAGS_MAX}) has been exceeded"  # [UNK] text
_ARN = LazyPattern(r"arn:aws[\w-]*:apigateway:([\w-]+)::(/.+)")
_LABEL = "([^/]+)"


class Taggable(msgspec.Struct, frozen=True):
    """One node's tags: read them, and store the node again carrying `tags` (None: no tags)."""

    read: Callable[[], Mapping[str, str] | None]
    store: Callable[[dict[str, str] | None], None]


Resolve = Callable[["ApiGatewayBackend", tuple[str, ...]], Taggable]


_Parsed = tuple[str, Resolve, tuple[str, ...]] | None  # (region, resolver, labels), None: nothing taggable
_PARSED_KEPT = 1024  # ARNs whose parse an index remembers


class TagIndex:
    """ARN path pattern (`{}` = one label) -> resolver; patterns are tried in registration order. Tests tag the
    same few ARNs over and over: what each parsed to is remembered (bounded, and forgotten when a kind registers)."""

    def __init__(self) -> None:
        self._kinds: list[tuple[LazyPattern, Resolve]] = []
        self._parsed: dict[str, _Parsed] = {}

    def register(self, pattern: str, resolve: Resolve) -> None:
        self._kinds.append((LazyPattern(re.escape(pattern).replace(r"\{\}", _LABEL)), resolve))
        self._parsed.clear()

    def find(self, backend: ApiGatewayBackend, arn: str) -> Taggable:
        """The node `arn` names in this backend's region; BadRequest for an ARN that names nothing taggable [UNK],
        the node's own NotFound when it does not exist [UNK]."""
        try:
            parsed = self._parsed[arn]
        except KeyError:
            if len(self._parsed) >= _PARSED_KEPT:
                self._parsed.clear()
            parsed = self._parsed[arn] = self._parse(arn)
        if parsed is None or parsed[0] != backend.region:
            raise BadRequestException(INVALID_ARN)
        return parsed[1](backend, parsed[2])

    def _parse(self, arn: str) -> _Parsed:
        parsed = _ARN.fullmatch(arn)
        if parsed is None:
            return None
        for pattern, resolve in self._kinds:
            labels = pattern.fullmatch(parsed.group(2))
            if labels is not None:
                return parsed.group(1), resolve, labels.groups()
        return None


TAGGABLE = TagIndex()


def check_tags(tags: Mapping[str, str] | None, existing: Mapping[str, str] | None = None) -> None:
    """AWS's tag rules (spec §14.2 [MODEL]): keys 1-128 characters not starting with `aws:`, values up to 256, and
    at most 50 tags on a resource once `tags` are added to its `existing` ones [DOC DG:limits]. The texts, and the
    limit's BadRequest (the spec's choice for its limits), are [UNK]."""
    if len({**(existing or {}), **(tags or {})}) > TAGS_MAX:
        raise BadRequestException(TOO_MANY_TAGS)
    for key, value in (tags or {}).items():
        if key.lower().startswith("aws:"):
            raise BadRequestException("Tag keys must not start with 'aws:'")
        if not 0 < len(key) <= 128:
            raise BadRequestException("Tag keys must be between 1 and 128 characters long")
        if value is not None and len(value) > 256:  # a null is the model's to refuse (see `control.registry`)
            raise BadRequestException("Tag values must be at most 256 characters long")


def custom_id(tags: Mapping[str, str] | None) -> str | None:
    """The id a `_custom_id_` tag asks for, if any."""
    return (tags or {}).get(CUSTOM_ID_TAG) or None


# ---- the kinds this package tags today --------------------------------------------------------------------------


def _rest_api(backend: ApiGatewayBackend, labels: tuple[str, ...]) -> Taggable:
    graph = backend.graph(labels[0])

    def store(tags: dict[str, str] | None) -> None:
        graph.api = replaced(graph.api, {"tags": tags})

    return Taggable(lambda: graph.api.tags, store)


@cache
def _stage_of() -> Callable[[ApiGraph, str], Stage]:
    """`domain.stage.stage_of`, imported on first use (CreateRestApi reads `custom_id` without the stage model),
    once: an import statement in `_stage` would cost every tag call a third of its own work."""
    from apigw_mock.domain.stage import stage_of

    return stage_of


def _stage(backend: ApiGatewayBackend, labels: tuple[str, ...]) -> Taggable:
    graph = backend.graph(labels[0])
    stage = _stage_of()(graph, labels[1])

    def store(tags: dict[str, str] | None) -> None:
        graph.stages[stage.stage_name] = replaced(stage, {"tags": tags})

    return Taggable(lambda: stage.tags, store)


TAGGABLE.register("/restapis/{}", _rest_api)
TAGGABLE.register("/restapis/{}/stages/{}", _stage)

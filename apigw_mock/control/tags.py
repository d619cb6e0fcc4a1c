"""TagResource, UntagResource, GetTags on any ARN the tag index knows (spec control-plane-2 §14, `domain.tags`)."""

from __future__ import annotations

from typing import Any

from apigw_mock.control.registry import handlers, operation
from apigw_mock.domain.backend import ApiGatewayBackend
from apigw_mock.domain.tags import TAGGABLE, Taggable, check_tags


def _find(backend: ApiGatewayBackend, resource_arn: str) -> Taggable:
    """The node `resource_arn` names. Every operation module is imported first: the families declaring a taggable
    collection add it to the index as they are imported (the first dispatch imports only this module)."""
    handlers()
    return TAGGABLE.find(backend, resource_arn)


@operation("TagResource")
def tag_resource(backend: ApiGatewayBackend, *, resource_arn: str, tags: dict[str, str]) -> None:
    node = _find(backend, resource_arn)
    existing = node.read() or {}
    check_tags(tags, existing)
    node.store({**existing, **tags})  # existing keys are overwritten [INF]


@operation("UntagResource")
def untag_resource(backend: ApiGatewayBackend, *, resource_arn: str, tag_keys: list[str]) -> None:
    node = _find(backend, resource_arn)
    kept = {key: value for key, value in (node.read() or {}).items() if key not in tag_keys}  # unknown keys: ignored
    node.store(kept or None)


@operation("GetTags")
def get_tags(
    backend: ApiGatewayBackend, *, resource_arn: str, position: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    # `position`/`limit` are documented as not supported yet (spec §14.2): accepted and ignored.
    return {"tags": dict(_find(backend, resource_arn).read() or {})}

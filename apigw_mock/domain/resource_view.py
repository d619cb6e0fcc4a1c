"""How GetResources / GetResource show a resource: with whole methods only when asked to (`embed=methods`).

Contract: `as_listed(resource, embed)` returns the resource unchanged when `embed` contains `methods`; otherwise a
`ResourceView` whose `resourceMethods` maps each verb to an empty object (`{"GET": {}}`), and has no
`resourceMethods` key at all when the resource has no methods (spec §3.2, recorded).
"""

from __future__ import annotations

from collections.abc import Collection

from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.resource import Resource

EMBED_METHODS = "methods"


class MethodStub(ApiGatewayModel):
    """A method listed without `embed=methods`: an empty object."""


class ResourceView(ApiGatewayModel):
    """A resource whose methods are only named."""

    id: str
    parent_id: str | None = None
    path_part: str | None = None
    path: str
    resource_methods: dict[str, MethodStub] | None = None


def as_listed(resource: Resource, embed: Collection[str] | None) -> Resource | ResourceView:
    """The resource as a listing shows it."""
    methods = resource.resource_methods
    if not methods or EMBED_METHODS in (embed or ()):
        return resource  # without methods the two forms are the same
    return ResourceView(
        id=resource.id,
        parent_id=resource.parent_id,
        path_part=resource.path_part,
        path=resource.path,
        resource_methods={verb: MethodStub() for verb in methods},
    )

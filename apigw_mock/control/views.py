"""How an operation shows a node, where that differs from the stored node: one place for reply shaping.

- `as_listed(resource, embed)`: GetResources / GetResource / UpdateResource show a resource with whole methods only
  when asked to (`embed=methods`); otherwise each verb maps to an empty object (`{"GET": {}}`), and a resource with
  no methods has no `resourceMethods` key at all (spec §3.2, recorded).
- `updated_rest_api(api)`: UpdateRestApi always shows `tags`, `{}` when there are none, unlike Create/Get
  (spec §3.1, recorded).
- `put_integration_reply(integration)`: the PutIntegration reply never shows integration responses, even those a
  re-PUT kept (spec §3.5, recorded).
"""

from __future__ import annotations

from collections.abc import Collection

from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.integration import Integration
from apigw_mock.domain.resource import Resource
from apigw_mock.domain.rest_api import RestApi

EMBED_METHODS = "methods"


class MethodStub(ApiGatewayModel, kw_only=True):
    """A method listed without `embed=methods`: an empty object."""


class ResourceView(Resource):
    """A resource whose methods are only named (its other fields are the resource's own)."""

    resource_methods: dict[str, MethodStub] | None = None  # type: ignore[assignment]


def as_listed(resource: Resource, embed: Collection[str] | None) -> Resource | ResourceView:
    """The resource as a listing shows it."""
    methods = resource.resource_methods
    if not methods or EMBED_METHODS in (embed or ()):
        return resource  # without methods the two forms are the same
    fields = {name: getattr(resource, name) for name in Resource.model_fields}
    return ResourceView(**{**fields, "resource_methods": {verb: MethodStub() for verb in methods}})


def updated_rest_api(api: RestApi) -> RestApi:
    return api if api.tags is not None else api.model_copy(update={"tags": {}})


def put_integration_reply(integration: Integration) -> Integration:
    if not integration.integration_responses:
        return integration
    return integration.model_copy(update={"integration_responses": None})

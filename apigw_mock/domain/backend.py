"""The graph root of one (account, region): REST APIs and lookups that fail with AWS's not-found wording.

Lookups are O(1) dictionary hits. Which not-found message a missing node yields depends on the operation family
(spec §2), so each lookup names the message it uses and handlers pick the lookup that matches their family.
A changed node is a new node, built and checked in full before anything is stored; `replace_*` then swaps it into
its parent's container in place (under the state lock), so a failed request changes nothing and a stored node's
maps are never copied on the way up.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from apigw_mock.domain.base import ApiGatewayModel
from apigw_mock.domain.integration import Integration, IntegrationResponse
from apigw_mock.domain.method import Method, MethodResponse
from apigw_mock.domain.resource import Resource
from apigw_mock.domain.resource_tree import ResourceTree
from apigw_mock.domain.rest_api import Model, RestApi
from apigw_mock.exceptions import NotFoundException
from apigw_mock.paging import PagedDict

if TYPE_CHECKING:
    from apigw_mock.domain.gateway_response import GatewayResponse

INVALID_RESOURCE = "Invalid Resource identifier specified"
INVALID_METHOD = "Invalid Method identifier specified"
INVALID_INTEGRATION = "Invalid Integration identifier specified"
INVALID_STATUS_CODE = "Invalid Response status code specified"
_ID_ALPHABET = string.ascii_lowercase + string.digits
# Ids need to be unique, not secret: secrets.choice costs one os.urandom system call per character, which made
# id generation most of CreateRestApi. A private generator leaves the caller's seeded `random` alone.
_IDS = random.Random()


@dataclass
class ApiGraph:
    """One REST API and everything beneath it (containers keep creation order)."""

    api: RestApi
    resources: ResourceTree = field(default_factory=ResourceTree)
    """Resource id -> Resource, with the parent -> children index (deleting a resource deletes its subtree)."""
    models: PagedDict[str, Model] = field(default_factory=PagedDict)
    """Model name -> Model."""
    gateway_responses: dict[str, GatewayResponse] = field(default_factory=dict)
    """Customised gateway responses only; the built-in defaults are derived, not stored."""


class ApiGatewayBackend:
    """All REST APIs of one account in one region."""

    def __init__(self, account_id: str, region: str) -> None:
        self.account_id = account_id
        self.region = region
        self.apis: PagedDict[str, ApiGraph] = PagedDict()
        self._ids: set[str] = set()

    def new_id(self, length: int = 10) -> str:
        """A fresh lowercase alphanumeric id, unique in this backend (APIs and roots 10 chars, children 6)."""
        while True:
            candidate = "".join(_IDS.choices(_ID_ALPHABET, k=length))
            if candidate not in self._ids:
                self._ids.add(candidate)
                return candidate

    # ---- lookups ----------------------------------------------------------------------------------------------

    def graph(self, rest_api_id: str) -> ApiGraph:
        """The API, or NotFound `Invalid API identifier specified <account>:<id>` (RestApi-level family)."""
        found = self.apis.lookup(rest_api_id)
        if found is None:
            raise NotFoundException(f"Invalid API identifier specified {self.account_id}:{rest_api_id}")
        return found

    def resource(self, rest_api_id: str, resource_id: str) -> Resource:
        """The resource; a missing API or resource is `Invalid Resource identifier specified`."""
        graph = self.apis.lookup(rest_api_id)
        found = graph.resources.lookup(resource_id) if graph is not None else None
        if found is None:
            raise NotFoundException(INVALID_RESOURCE)
        return found

    def method(self, rest_api_id: str, resource_id: str, http_method: str, missing: str = INVALID_METHOD) -> Method:
        """The method, or NotFound with `missing` (Invalid Method identifier specified by default)."""
        found = (self.resource(rest_api_id, resource_id).resource_methods or {}).get(http_method)
        if found is None:
            raise NotFoundException(missing)
        return found

    def integration(
        self, rest_api_id: str, resource_id: str, http_method: str, method_missing: str = INVALID_METHOD
    ) -> Integration:
        """The method's integration, or `Invalid Integration identifier specified`."""
        return integration_of(self.method(rest_api_id, resource_id, http_method, method_missing))

    def integration_response(
        self, rest_api_id: str, resource_id: str, http_method: str, status_code: str
    ) -> IntegrationResponse:
        """The integration response, or `Invalid Response status code specified`."""
        return integration_response_of(integration_of(self.method(rest_api_id, resource_id, http_method)), status_code)

    def method_response(self, rest_api_id: str, resource_id: str, http_method: str, status_code: str) -> MethodResponse:
        """The method response, or `Invalid Response status code specified`."""
        found = (self.method(rest_api_id, resource_id, http_method).method_responses or {}).get(status_code)
        if found is None:
            raise NotFoundException(INVALID_STATUS_CODE)
        return found

    # ---- replacing nodes ----------------------------------------------------------------------------------------

    def replace_method(self, rest_api_id: str, resource_id: str, method: Method | None, http_method: str) -> None:
        """Put `method` under the resource at `http_method` (None deletes it and everything beneath)."""
        store_method(self.resource(rest_api_id, resource_id), http_method, method)

    def replace_integration(
        self, rest_api_id: str, resource_id: str, http_method: str, integration: Integration | None
    ) -> None:
        """Set (or with None, delete) the method's integration, integration responses included."""
        store_integration(self.method(rest_api_id, resource_id, http_method), integration)

    def replace_integration_response(
        self, rest_api_id: str, resource_id: str, http_method: str, status_code: str, node: IntegrationResponse | None
    ) -> None:
        """Set (or with None, delete) one integration response; the map disappears when it becomes empty."""
        store_integration_response(self.integration(rest_api_id, resource_id, http_method), status_code, node)

    def replace_method_response(
        self, rest_api_id: str, resource_id: str, http_method: str, status_code: str, node: MethodResponse | None
    ) -> None:
        """Set (or with None, delete) one method response; the map disappears when it becomes empty."""
        store_method_response(self.method(rest_api_id, resource_id, http_method), status_code, node)


# ---- the same, from a node already looked up (an update reads and writes beneath one method) ----------------------


def integration_of(method: Method) -> Integration:
    """The method's integration, or `Invalid Integration identifier specified`."""
    if method.method_integration is None:
        raise NotFoundException(INVALID_INTEGRATION)
    return method.method_integration


def integration_response_of(integration: Integration, status_code: str) -> IntegrationResponse:
    """The integration's response for `status_code`, or `Invalid Response status code specified`."""
    found = (integration.integration_responses or {}).get(status_code)
    if found is None:
        raise NotFoundException(INVALID_STATUS_CODE)
    return found


def store_method(resource: Resource, http_method: str, method: Method | None) -> None:
    """Put `method` under `resource` at `http_method` (None deletes it and everything beneath), in place."""
    _set_entry(resource, "resource_methods", http_method, method)


def store_method_response(method: Method, status_code: str, node: MethodResponse | None) -> None:
    """Set (or with None, delete) one method response of `method`, in place."""
    _set_entry(method, "method_responses", status_code, node)


def store_integration(method: Method, integration: Integration | None) -> None:
    """Set (or with None, delete) the integration of `method`, integration responses included."""
    method.method_integration = integration


def store_integration_response(integration: Integration, status_code: str, node: IntegrationResponse | None) -> None:
    """Set (or with None, delete) one integration response of `integration`, in place."""
    _set_entry(integration, "integration_responses", status_code, node)


def _set_entry(parent: ApiGatewayModel, field: str, key: str, node: ApiGatewayModel | None) -> None:
    """Set (or with None, remove) `parent.<field>[key]` in place; the map is None whenever it would be empty."""
    entries: dict[str, ApiGatewayModel] | None = getattr(parent, field)
    if node is not None and entries is not None:
        entries[key] = node
    elif node is not None:
        setattr(parent, field, {key: node})
    elif entries is not None and key in entries:
        if len(entries) == 1:
            setattr(parent, field, None)
        else:
            del entries[key]

"""The graph root of one (account, region): REST APIs, lookups that fail with AWS's not-found wording, the one
write path, the clock and the id generator.

Lookups are O(1) dictionary hits. Which not-found message a missing node yields depends on the operation family
(spec §2), so each lookup names the message it uses and handlers pick the lookup that matches their family.

Ownership (the write path; the rule itself is `domain.graph`'s docstring): the backend and everything in it
belong to the control plane under `STATE.lock`. A changed node is a new node, built and checked in full before
anything is stored, so a failed request changes nothing. It is stored by one of the `store_*` functions beneath
the parent node a lookup returned; lookups below the API level return nodes beneath `ApiGraph.writable`, so a node
someone else holds (a deployment, a state snapshot, the white-box view) is copied before it is written beneath,
and is never changed by a later write. Whatever outlives a request is a fork (`ApiGraph.fork`) or plain data.
"""

from __future__ import annotations

import datetime
import random
import string
import time
from functools import cached_property
from typing import TYPE_CHECKING

from apigw_mock.domain.messages import INVALID_INTEGRATION, INVALID_METHOD, INVALID_RESOURCE, INVALID_STATUS_CODE
from apigw_mock.exceptions import ConflictException, NotFoundException
from apigw_mock.paging import PagedDict

if TYPE_CHECKING:  # annotations only: a backend is built without importing every family's model (cold start)
    from apigw_mock.domain.account import Account
    from apigw_mock.domain.api_key import ApiKey
    from apigw_mock.domain.base import ApiGatewayModel
    from apigw_mock.domain.base_path_mapping import BasePathMapping, DomainNameAccessAssociation
    from apigw_mock.domain.client_certificate import ClientCertificate
    from apigw_mock.domain.domain_name import DomainName
    from apigw_mock.domain.graph import ApiGraph
    from apigw_mock.domain.integration import Integration, IntegrationResponse
    from apigw_mock.domain.method import Method, MethodResponse
    from apigw_mock.domain.resource import Resource
    from apigw_mock.domain.throttle import TokenBuckets
    from apigw_mock.domain.usage import UsageLedger
    from apigw_mock.domain.usage_plan import UsagePlan
    from apigw_mock.domain.vpc_link import VpcLink

API_ID_LENGTH = 10  # REST APIs and root resources
CHILD_ID_LENGTH = 6  # other resources, models, deployments, ... (spec control-plane-2 §1.3)
_ID_ALPHABET = string.ascii_lowercase + string.digits
# Ids need to be unique, not secret: secrets.choice costs one os.urandom system call per character, which made
# id generation most of CreateRestApi. A private generator leaves the caller's seeded `random` alone.
_IDS = random.Random()


class ApiGatewayBackend:
    """All REST APIs of one account in one region."""

    def __init__(self, account_id: str, region: str, ids: random.Random | None = None) -> None:
        """`ids`: the generator ids are drawn from (a seeded one makes them deterministic); the shared one by
        default."""
        self.account_id = account_id
        self.region = region
        self.apis: PagedDict[str, ApiGraph] = PagedDict()
        # Account-level containers (nodes replaced, never edited in place).
        self.api_keys: PagedDict[str, ApiKey] = PagedDict()
        self.api_key_values: dict[str, str] = {}
        """Key value -> API key id: values are unique in an account and region (spec control-plane-2 §7.1)."""
        self.usage_plans: PagedDict[str, UsagePlan] = PagedDict()
        self.usage_plan_keys: dict[str, PagedDict[str, str]] = {}
        """Usage plan id -> its API keys' ids (id -> id, in the order they joined)."""
        self.client_certificates: PagedDict[str, ClientCertificate] = PagedDict()
        self.domain_names: PagedDict[str, DomainName] = PagedDict()  # by `DomainName.key`
        self.base_path_mappings: dict[str, PagedDict[str, BasePathMapping]] = {}  # domain key -> base path -> node
        self.domain_name_access_associations: PagedDict[str, DomainNameAccessAssociation] = PagedDict()
        self.vpc_links: PagedDict[str, VpcLink] = PagedDict()
        self.ids = _IDS if ids is None else ids
        self._ids: set[str] = set()

    @cached_property
    def usage(self) -> UsageLedger:
        """Requests per usage plan, key and day: counted by the data plane, read by GetUsage (made on first use,
        like `account`: a backend's first call builds only the models it needs)."""
        from apigw_mock.domain.usage import UsageLedger

        return UsageLedger()

    @cached_property
    def throttles(self) -> TokenBuckets:
        """The data plane's token buckets (usage-plan and stage throttling), made on first use."""
        from apigw_mock.domain.throttle import TokenBuckets

        return TokenBuckets()

    @cached_property
    def account(self) -> Account:
        """The account's settings in this region (made on first use; UpdateAccount replaces it)."""
        from apigw_mock.domain.account import default_account

        return default_account(self.region)

    def now(self) -> datetime.datetime:
        """The time stamped on a created node, in whole seconds as AWS keeps it."""
        # The whole seconds of `time.time()` (what `datetime.now(UTC).replace(microsecond=0)` gives), without
        # the keyword-parsing `replace`: a third of its instructions, and every Create/Update stamps one.
        return datetime.datetime.fromtimestamp(int(time.time()), datetime.UTC)

    def new_id(self, length: int = API_ID_LENGTH) -> str:
        """A fresh lowercase alphanumeric id, unique in this backend (APIs and roots 10 chars, most others 6)."""
        while True:
            candidate = "".join(self.ids.choices(_ID_ALPHABET, k=length))
            if candidate not in self._ids:
                self._ids.add(candidate)
                return candidate

    def claim_id(self, chosen: str) -> str:
        """A caller-chosen REST API id (the `_custom_id_` tag); Conflict when an API already has it [UNK: mock-only]."""
        if chosen in self.apis:
            raise ConflictException(f"REST API with id {chosen} already exists")
        self._ids.add(chosen)
        return chosen

    def share(self) -> None:
        """Hand the whole graph out (the white-box view): nothing held from now on is changed by a later write."""
        for graph in self.apis.values():
            graph.share()

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
        found = graph.writable(resource_id) if graph is not None else None
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


# ---- beneath a node already looked up (an update reads and writes beneath one method) ----------------------------


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

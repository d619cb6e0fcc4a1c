"""One set of call helpers for the black-box tests, instead of a `_put/_get/_update/_delete` wrapper per file.

`bound(client, restApiId=..., resourceId=..., httpMethod="GET")` fixes the members that name a node; then any
client operation can be called on it with the rest::

    ids = bound(client, restApiId=api["id"], resourceId=pets["id"], httpMethod="GET")
    ids.put_method_response(statusCode="200")                       # the reply body, without ResponseMetadata
    ids.raw.update_method(patchOperations=ops)                      # the whole reply (HTTP status included)
    ids(httpMethod="POST").get_method()                             # other or more members bound

Each operation receives only the bound members that its input shape has (read from `client.meta.service_model`),
so one binder serves the API, its resources, methods and responses alike; members given at the call win over
bound ones. Nothing here reaches into apigw_mock: calls go through boto3, as a user's would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers import body


class Bound:
    """A boto3 `apigateway` client with some request members fixed; see the module docstring."""

    def __init__(self, client: Any, members: dict[str, Any], *, raw: bool = False) -> None:
        self._client = client
        self._members = members
        self._raw = raw

    @property
    def raw(self) -> Bound:
        """The same binder, answering the whole boto3 reply (with ResponseMetadata) instead of its body."""
        return Bound(self._client, self._members, raw=True)

    def __call__(self, **members: Any) -> Bound:
        """A binder with `members` bound as well (replacing bound members of the same name)."""
        return Bound(self._client, {**self._members, **members}, raw=self._raw)

    def __getattr__(self, operation: str) -> Callable[..., Any]:
        """The client's `operation` (a snake_case boto3 method name), with the bound members its input shape has."""
        if operation.startswith("_"):
            raise AttributeError(operation)
        method = getattr(self._client, operation)
        model = self._client.meta.service_model.operation_model(self._client.meta.method_to_api_mapping[operation])
        accepted = model.input_shape.members if model.input_shape is not None else {}
        fixed = {name: value for name, value in self._members.items() if name in accepted}

        def call(**members: Any) -> Any:
            reply = method(**{**fixed, **members})
            return reply if self._raw else body(reply)

        return call


def bound(client: Any, **members: Any) -> Bound:
    """`client` with `members` (restApiId, resourceId, httpMethod, statusCode, responseType…) bound."""
    return Bound(client, members)


def aimed(operation: str, *, raw: bool = False, **members: Any) -> Callable[..., Any]:
    """`operation` as a call aimed at (client, api id, resource id[, patch operations]), the shape the table
    builders of tests/helpers.py take (`not_found_ladder`, `update_results`); `members` are bound as well."""

    def call(client: Any, api_id: str, resource_id: str, ops: list[dict[str, Any]] | None = None) -> Any:
        ids = Bound(client, {"restApiId": api_id, "resourceId": resource_id, **members}, raw=raw)
        extra = {} if ops is None else {"patchOperations": ops}
        return getattr(ids, operation)(**extra)

    return call

"""Routing from an operation name to its handler: a dictionary lookup, filled by `@operation`.

A handler is a plain function `handler(backend, **params)` whose keyword names are botocore's `xform_name` of
the input members (`restApiId` -> `rest_api_id`). It returns a domain model, a mapping of output member names,
or None; it raises `ApiGatewayError` subclasses. It never sees URLs, wire names or status codes.

Nulls: the parser passes a JSON null inside a map or a list on as None, as Coral does (AWS stores a null
template, and PutGatewayResponse answers its own BadRequest for one). Where the domain has no place for a null
(`tags={"k": None}`, a null `responseParameters` value on PutIntegrationResponse), the domain model refuses it
while the handler builds its node, before anything is stored; `dispatch` answers that refusal as the
SerializationException a wrongly typed value gets. Any other conversion error is a bug of the mock and escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from botocore import xform_name
from msgspec import ValidationError

from apigw_mock.control.owners import OWNERS
from apigw_mock.exceptions import ApigwMockNotImplemented, SerializationException
from apigw_mock.protocol import spec

if TYPE_CHECKING:
    from apigw_mock.domain.backend import ApiGatewayBackend


class Handler(Protocol):
    def __call__(self, backend: ApiGatewayBackend, /, **params: Any) -> Any: ...


H = TypeVar("H", bound=Callable[..., Any])
_HANDLERS: dict[str, Handler] = {}
_FAMILIES = __name__.rpartition(".")[0]  # the package of the operation modules


def operation(name: str) -> Callable[[H], H]:
    """Register the decorated function as the handler of the service operation `name`."""
    spec.operation(name)  # fails at import time on a name the service model does not know

    def register(handler: H) -> H:
        _HANDLERS[name] = handler
        return handler

    return register


def dispatch(name: str, backend: ApiGatewayBackend, params: Mapping[str, Any]) -> Any:
    """Call the handler of `name` with `params` (member names) as snake_case keyword arguments."""
    handler, names = _route(name)
    try:
        return handler(backend, **{names[member]: value for member, value in params.items()})
    except ValidationError as error:
        raise _null_refused(error) from None


# What a domain node expected where it found a null (msgspec's name of the type), as Coral names the target type
# (see `parser`). msgspec calls a map and a structure alike `object`; a null the domain refuses as an object is a
# structure's place (a map of structures: `methodSettings`), maps of maps not being in the model.
_TARGET = {
    "str": "String",
    "int": "Integer",
    "bool": "Boolean",
    "float": "Double",
    "object": "Structure",
    "array": "List",
}
_NULL = re.compile(r"Expected `(\w+)`, got `null`")


def _null_refused(error: ValidationError) -> Exception:
    """The SerializationException for a null the domain has no place for; `error` itself for anything else. The
    text follows Coral's `class X can not be converted to an Y` with `null` for the class a null does not have
    (AWS's own text for this case is not on record)."""
    found = _NULL.match(str(error))
    if found is None or found.group(1) not in _TARGET:
        return error
    return SerializationException(f"null can not be converted to an {_TARGET[found.group(1)]}")


def handlers() -> Mapping[str, Handler]:
    """Every registered handler, importing every operation module on first use."""
    _import_all()
    return _HANDLERS


@cache
def _import_all() -> None:
    for module in sorted(set(OWNERS.values())):
        import_module(f"{_FAMILIES}.{module}")  # registers its handlers as a side effect


@cache
def _route(name: str) -> tuple[Handler, dict[str, str]]:
    """The handler of `name` and its input member -> keyword name table (NotImplemented when there is none).
    Only the module owning `name` is imported (the cold start's first call pays for one family)."""
    owner = OWNERS.get(name)
    if owner is not None:
        import_module(f"{_FAMILIES}.{owner}")
    handler = _HANDLERS.get(name)
    if handler is None:
        raise ApigwMockNotImplemented(name)
    shape = spec.operation(name).input_shape
    return handler, {member: xform_name(member) for member in (shape.members if shape else {})}

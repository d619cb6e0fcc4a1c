"""The parameter names a method declares: `method.request.<location>.<name>` and `method.response.header.<name>`.

Contract: `check_request_parameters(names)` and `check_response_parameters(names)` raise AWS's BadRequest for the
first malformed name (in the mapping-expression wrapper, spec §3.3) or, for request parameters, for a name that
appears in two locations. Locations are the three the API reference lists for method requests.
"""

from __future__ import annotations

from collections.abc import Iterable

from apigw_mock.domain import mapping
from apigw_mock.exceptions import BadRequestException
from apigw_mock.lazy_pattern import LazyPattern

_REQUEST_PARAMETER = LazyPattern(r"method\.request\.(?:querystring|header|path)\.(\S+)")
_RESPONSE_PARAMETER = LazyPattern(r"method\.response\.header\.\S+")
NOT_UNIQUE = "Parameter names must be unique across querystring, header and path"


def check_request_parameters(names: Iterable[str]) -> None:
    """PutMethod's `requestParameters` keys."""
    seen: set[str] = set()
    for name in names:
        match = _REQUEST_PARAMETER.fullmatch(name)
        if match is None:
            raise BadRequestException(mapping.invalid_expression(name))
        if match.group(1) in seen:
            raise BadRequestException(NOT_UNIQUE)
        seen.add(match.group(1))


def check_response_parameters(names: Iterable[str]) -> None:
    """PutMethodResponse's `responseParameters` keys (same wrapper as the request side [INF])."""
    for name in names:
        if not _RESPONSE_PARAMETER.fullmatch(name):
            raise BadRequestException(mapping.invalid_expression(name))

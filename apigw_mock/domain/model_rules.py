"""API-level Models: CreateModel's checks and DeleteModel's "still referenced" rule.

Contract: `check_new_model(models, name)` and `check_unused(resources, name)` raise AWS's ConflictException. Texts
are modelled on AWS's wording but unrecorded in the spec [UNK]. `check_unused` walks every method of the API, which
is acceptable for a rare operation and keeps methods from ever naming a model that is gone.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from apigw_mock.domain.resource import Resource
from apigw_mock.exceptions import ConflictException


def check_new_model(models: Collection[str], name: str) -> None:
    if name in models:
        raise ConflictException("Model name already exists for this REST API")


def check_unused(resources: Iterable[Resource], name: str) -> None:
    for resource in resources:
        for verb, method in (resource.resource_methods or {}).items():
            if name in (method.request_models or {}).values():
                raise ConflictException(
                    f"Cannot delete model '{name}', is referenced in method request: {resource.path}/{verb}"
                )
            for response in (method.method_responses or {}).values():
                if name in (response.response_models or {}).values():
                    raise ConflictException(
                        f"Cannot delete model '{name}', is referenced in method response: {resource.path}/{verb}"
                    )

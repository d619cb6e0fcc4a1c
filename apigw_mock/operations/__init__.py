"""Operation handlers, one module per family; importing this package registers them all."""

from apigw_mock.operations import (  # noqa: F401
    api_models,
    gateway_responses,
    integration_responses,
    integrations,
    methods,
    resources,
    rest_apis,
    updates,
)

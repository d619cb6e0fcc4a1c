"""Operation handlers, one module per family; importing this package registers them all."""

from apigw_mock.control import (  # noqa: F401
    deployments,
    gateway_responses,
    integration_responses,
    integrations,
    methods,
    models,
    resources,
    rest_apis,
    stages,
    tags,
    test_invoke,
)

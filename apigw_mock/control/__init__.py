"""Operation handlers, one module per family; importing this package registers them all."""

from apigw_mock.control import (  # noqa: F401
    account,
    api_keys,
    authorizers,
    client_certificates,
    deployments,
    gateway_responses,
    integration_responses,
    integrations,
    methods,
    models,
    openapi,
    request_validators,
    resources,
    rest_apis,
    stages,
    tags,
    usage_plans,
)

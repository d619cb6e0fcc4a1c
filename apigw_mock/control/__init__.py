"""Operation handlers, one module per family; importing this package registers them all."""

from apigw_mock.control import (  # noqa: F401
    account,
    api_keys,
    authorizers,
    client_certificates,
    deployments,
    documentation,
    domain_names,
    gateway_responses,
    integration_responses,
    integrations,
    methods,
    models,
    request_validators,
    resources,
    rest_apis,
    sdks,
    stages,
    tags,
    usage_plans,
    vpc_links,
)

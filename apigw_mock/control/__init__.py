"""Operation handlers, one module per family; importing this package registers them all."""

from apigw_mock.control import (  # noqa: F401
    documentation,
    domain_names,
    gateway_responses,
    integration_responses,
    integrations,
    methods,
    models,
    resources,
    rest_apis,
    sdks,
    vpc_links,
)

"""Operation handlers, one module per family; importing this package registers them all."""

from apigw_mock.operations import gateway_responses, integration_responses, rest_apis  # noqa: F401

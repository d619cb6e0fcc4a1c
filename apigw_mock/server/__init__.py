"""Server mode: the in-process mock's pipeline and state served over HTTP for the AWS CLI, Terraform and any SDK.

    apigw-mock serve --host 127.0.0.1 --port 4566       # or: python -m apigw_mock serve
    aws apigateway get-rest-apis --endpoint-url http://127.0.0.1:4566

    from apigw_mock.server import running_server         # inside a Python test
    with running_server() as url: ...

Requests are answered by `pipeline.handle` (the same code the in-process interceptor calls) from the process-wide
state. The region is the request's SigV4 signing region; the account is the access key id when that is a
12-digit number, otherwise the mock's default account 123456789012. Signatures are not checked, but a request
without an `Authorization` header is refused as AWS refuses it (403 MissingAuthenticationTokenException).
`/_apigw_mock/health`, `/_apigw_mock/reset` and `/_apigw_mock/state` manage the mock; no AWS route starts with
`/_apigw_mock/`. Serving needs the `server` extra (waitress); importing `apigw_mock` alone never imports it.
"""

from apigw_mock.server.app import ApiGatewayApp
from apigw_mock.server.runner import MockServer, running_server, serve

__all__ = ["ApiGatewayApp", "MockServer", "running_server", "serve"]

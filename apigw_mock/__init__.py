"""apigw_mock: an in-memory AWS API Gateway (REST, v1) for boto3, faithful to AWS's answers and errors."""

from apigw_mock.exceptions import ApiGatewayError, ApigwMockNotImplemented
from apigw_mock.mock import MockApiGateway, mock_apigateway, register_lambda

__all__ = ["ApiGatewayError", "ApigwMockNotImplemented", "MockApiGateway", "mock_apigateway", "register_lambda"]

"""No network: while the mock is active an apigateway call never resolves or connects to a remote host, it is
signed with the mock's fake credentials, and the environment is restored exactly afterwards.

The guard patches `socket.getaddrinfo`, `socket.create_connection`, `socket.socket.connect` and `connect_ex` to
refuse (and record) any non-loopback destination, so a leak fails the test without sending a packet.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError

from apigw_mock import mock_apigateway
from apigw_mock.mock import FAKE_ENVIRONMENT

REGION = "us-east-1"
REAL_LOOKING = {
    "AWS_ACCESS_KEY_ID": "AKIAREALLOOKINGKEY00",
    "AWS_SECRET_ACCESS_KEY": "real-looking-secret",
    "AWS_SESSION_TOKEN": "real-looking-session-token",
    "AWS_SECURITY_TOKEN": "real-looking-security-token",
}


def _is_loopback(host: Any) -> bool:
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every refused attempt to reach a non-loopback host, as `what host`."""
    attempts: list[str] = []
    real_getaddrinfo, real_create = socket.getaddrinfo, socket.create_connection
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(what: str, host: Any) -> OSError:
        attempts.append(f"{what} {host}")
        return OSError(f"network disabled by test_no_network: {what} {host}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(host):
            raise refuse("getaddrinfo", host)
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_loopback(address[0]):
            raise refuse("create_connection", address[0])
        return real_create(address, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family != socket.AF_UNIX and not _is_loopback(address[0]):
            raise refuse("connect", address[0])
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if self.family != socket.AF_UNIX and not _is_loopback(address[0]):
            raise refuse("connect_ex", address[0])
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield attempts


@pytest.fixture
def real_looking_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials a developer might have exported, and no region; a default session created afresh."""
    for key, value in REAL_LOOKING.items():
        monkeypatch.setenv(key, value)
    for key in ("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EC2_METADATA_DISABLED", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)


def no_retries() -> Config:
    return Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=1, read_timeout=1)


def test_the_guard_catches_a_real_call(network_attempts: list[str], real_looking_environment: None) -> None:
    """Control: without the mock the same call does try to reach AWS, and the guard stops it."""
    client = boto3.session.Session().client("apigateway", region_name=REGION, config=no_retries())
    with pytest.raises(EndpointConnectionError):
        client.get_rest_apis()
    assert network_attempts
    assert all("amazonaws.com" in attempt for attempt in network_attempts)


def test_mocked_calls_open_no_connection(network_attempts: list[str], real_looking_environment: None) -> None:
    with mock_apigateway():
        client = boto3.client("apigateway", region_name=REGION, config=no_retries())
        api = client.create_rest_api(name="offline")
        client.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="pets")
        client.get_resources(restApiId=api["id"], limit=1)
        with pytest.raises(client.exceptions.NotFoundException):
            client.get_rest_api(restApiId="missing")
        with pytest.raises(client.exceptions.BadRequestException):
            client.update_rest_api(restApiId=api["id"], patchOperations=[{"op": "replace", "path": "/nope"}])
        other_region = boto3.session.Session().client("apigateway", region_name="ap-southeast-2")
        assert other_region.get_rest_apis()["items"] == []
    assert network_attempts == []


def test_fake_credentials_sign_the_requests(network_attempts: list[str], real_looking_environment: None) -> None:
    seen: list[dict[str, str]] = []

    def spy(request: Any, **_: Any) -> None:
        seen.append({key: str(value) for key, value in request.headers.items()})

    with mock_apigateway():
        for key, value in FAKE_ENVIRONMENT.items():
            assert os.environ.get(key) == value
        assert os.environ["AWS_DEFAULT_REGION"] == REGION
        for client in (boto3.client("apigateway"), boto3.session.Session().client("apigateway")):
            client.meta.events.register_first("before-send.api-gateway", spy)
            client.get_rest_apis()
    assert len(seen) == 2
    for headers in seen:
        assert f"Credential={FAKE_ENVIRONMENT['AWS_ACCESS_KEY_ID']}/" in headers["Authorization"]
        assert REAL_LOOKING["AWS_ACCESS_KEY_ID"] not in headers["Authorization"]
        assert "X-Amz-Security-Token" not in headers  # the exported session token is not in effect
    assert network_attempts == []


def test_environment_restored_exactly(real_looking_environment: None) -> None:
    before = dict(os.environ)
    with mock_apigateway():
        assert os.environ["AWS_ACCESS_KEY_ID"] != REAL_LOOKING["AWS_ACCESS_KEY_ID"]
        with mock_apigateway():
            pass
        assert "AWS_SESSION_TOKEN" not in os.environ  # the inner exit did not restore early
    assert dict(os.environ) == before


def test_environment_restored_after_an_exception(real_looking_environment: None) -> None:
    before = dict(os.environ)
    with pytest.raises(ZeroDivisionError), mock_apigateway():
        _ = 1 / 0
    assert dict(os.environ) == before


def test_a_set_region_is_kept_and_restored(monkeypatch: pytest.MonkeyPatch, real_looking_environment: None) -> None:
    monkeypatch.setenv("AWS_REGION", "eu-central-1")
    before = dict(os.environ)
    with mock_apigateway():
        assert os.environ["AWS_REGION"] == "eu-central-1"
        assert "AWS_DEFAULT_REGION" not in os.environ  # the mock adds a default region only when none is set
    assert dict(os.environ) == before

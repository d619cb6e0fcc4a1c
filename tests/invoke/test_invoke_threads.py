"""Thread safety: 8 threads invoke a stage while another redeploys it; every answer comes from one deployment."""

from __future__ import annotations

import threading
from typing import Any

from apigw_mock import MockApiGateway
from tests.invoke.builder import ApiBuilder

VERSIONS = 25


def test_answers_come_from_one_consistent_deployment(api: ApiBuilder, client: Any, mock: MockApiGateway) -> None:
    # two methods whose templates name the same version: a mixed answer would show two different versions
    api.mock("/a", template='{"v": 0, "header": "0"}', responseParameters={"method.response.header.X-V": "'0'"})
    api.deploy()
    errors: list[str] = []
    stop = threading.Event()

    def invoke() -> None:
        while not stop.is_set():
            answer = mock.invoke(api.id, "dev", "GET", "/a")
            body = answer.json()
            if answer.status != 200 or str(body["v"]) != body["header"] or answer.headers["X-V"] != body["header"]:
                errors.append(f"{answer.status} {body} {answer.headers.get('X-V')}")

    threads = [threading.Thread(target=invoke) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        for version in range(1, VERSIONS):
            ids = {"restApiId": api.id, "resourceId": api.resources["/a"], "httpMethod": "GET", "statusCode": "200"}
            client.put_integration_response(
                **ids,
                selectionPattern="",
                responseTemplates={"application/json": f'{{"v": {version}, "header": "{version}"}}'},
                responseParameters={"method.response.header.X-V": f"'{version}'"},
            )
            api.deploy()
    finally:
        stop.set()
        for thread in threads:
            thread.join(10)
    assert errors == []
    final = mock.invoke(api.id, "dev", "GET", "/a")
    assert final.json() == {"v": VERSIONS - 1, "header": str(VERSIONS - 1)}

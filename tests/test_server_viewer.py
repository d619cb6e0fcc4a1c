"""The state viewer (`GET /_apigw_mock/ui`) in a real headless browser: Debian's chromium driven by Playwright.

The page is built through boto3 against a loopback server, opened, read through the DOM, screenshotted (the image
must not be blank) and watched refreshing after a new call. Outside CI (`CI` unset) the browser test skips when
chromium or Playwright is missing; in CI it must run (`.ci/run` installs chromium).
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from apigw_mock.server import running_server
from tests.invoke.builder import ApiBuilder
from tests.test_server_http import client

CHROMIUM = os.environ.get("APIGW_MOCK_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def server() -> Iterator[tuple[str, Any]]:
    with running_server() as url:
        yield url, client(url)


def test_the_viewer_files_are_served(server: tuple[str, Any]) -> None:
    url, _ = server
    page = requests.get(f"{url}/_apigw_mock/ui")
    assert page.status_code == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<script src="/_apigw_mock/ui/viewer.js">' in page.text
    for name, media_type in (("viewer.js", "text/javascript"), ("viewer.css", "text/css")):
        asset = requests.get(f"{url}/_apigw_mock/ui/{name}")
        assert (asset.status_code, asset.headers["Content-Type"].split(";")[0]) == (200, media_type)
    assert requests.get(f"{url}/_apigw_mock/ui/secrets.py").status_code == 404
    assert requests.get(f"{url}/_apigw_mock/ui/../management.py").status_code == 404
    assert requests.post(f"{url}/_apigw_mock/ui").status_code == 405


def test_calls_endpoint_merges_calls_and_invocations(server: tuple[str, Any]) -> None:
    url, client = server
    api = ApiBuilder(client)
    api.mock("/pets")
    api.deploy("dev")
    requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/pets")
    requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/nowhere")
    history = requests.get(f"{url}/_apigw_mock/calls").json()["calls"]
    assert [entry["kind"] for entry in history[-3:]] == ["call", "invocation", "invocation"]
    call, found, missing = history[-3:]
    assert (call["operation"], call["status"], call["params"]["stageName"]) == ("CreateDeployment", 201, "dev")
    assert (found["method"], found["path"], found["status"], found["apiId"]) == ("GET", "/pets", 200, api.id)
    assert (missing["status"], missing["gatewayResponse"], missing["ok"]) == (
        403,
        "MISSING_AUTHENTICATION_TOKEN",
        False,
    )


def _browser() -> Any:
    """Playwright's chromium launcher on Debian's chromium, or a skip (a failure in CI) naming what is missing."""
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "Playwright is not installed (pip install playwright)"
    if missing is None and not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing = f"no chromium at {CHROMIUM} (apt-get install -y chromium)"
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run in CI: {missing}")
        pytest.skip(missing)
    return sync_playwright


def test_the_viewer_shows_the_tree_and_refreshes(server: tuple[str, Any], tmp_path: Path) -> None:
    sync_playwright = _browser()
    url, client = server
    api = ApiBuilder(client, name="pet-store", description="shown in the viewer")
    api.mock("/pets", template='{"pets": []}')
    api.mock("/pets", "POST", status=201)
    api.method(
        "/pets/{id}",
        "GET",
        {"type": "HTTP", "integrationHttpMethod": "GET", "uri": "http://backend.example.com/pets/{id}"},
        {"200": {"selectionPattern": ""}, "404": {"selectionPattern": "404"}},
    )
    api.deploy("dev", variables={"tier": "blue"})
    requests.get(f"{url}/restapis/{api.id}/dev/_user_request_/pets")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{url}/_apigw_mock/ui")
            panel = page.locator(f'[data-api-id="{api.id}"]')
            panel.wait_for()
            assert "pet-store" in panel.locator("summary").inner_text()
            assert page.locator(".where").first.inner_text() == "account 123456789012 · region us-east-1"
            paths = panel.locator(".resource").evaluate_all("nodes => nodes.map(node => node.dataset.path)")
            assert paths == ["/", "/pets", "/pets/{id}"]
            pets = panel.locator('.resource[data-path="/pets"] > .method')
            assert pets.evaluate_all("nodes => nodes.map(node => node.dataset.method)") == ["GET", "POST"]
            assert "MOCK" in pets.first.inner_text()
            item = panel.locator('.resource[data-path="/pets/{id}"] > .method[data-method="GET"]')
            assert "http://backend.example.com/pets/{id}" in item.inner_text()
            assert item.locator(".chip[data-integration-response]").all_inner_texts() == ["200 · default", "404 ← 404"]
            assert panel.locator('tr[data-stage="dev"]').inner_text().split("\t")[2] == "tier=blue"
            assert panel.locator("tr[data-deployment]").count() == 1
            page.locator('#history li[data-kind="invocation"]').first.wait_for()
            assert "GET /dev/pets" in page.locator("#history li").first.inner_text()  # newest first
            assert page.locator("#status").get_attribute("data-state") == "live"

            shot = tmp_path / "viewer.png"
            page.screenshot(path=str(shot), full_page=True)
            measured = _pixels(browser, shot)
            assert measured["width"] == 1280 and measured["height"] >= 900
            assert measured["colours"] > 16 and measured["differing"] > 0.05  # rendered, not a blank page

            client.create_resource(restApiId=api.id, parentId=api.resource("/pets"), pathPart="toys")
            page.locator('.resource[data-path="/pets/toys"]').wait_for(timeout=10_000)  # the next poll shows it
            page.locator("#history li").first.filter(has_text="CreateResource").wait_for(timeout=10_000)
        finally:
            browser.close()


PIXELS = """async (source) => {
  const image = new Image();
  image.src = source;
  await image.decode();
  const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  const colours = new Set();
  let differing = 0;
  for (let i = 0; i < data.length; i += 4) {
    const pixel = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    colours.add(pixel);
    if (pixel !== ((data[0] << 16) | (data[1] << 8) | data[2])) differing += 1;
  }
  return { width: image.width, height: image.height, colours: colours.size, differing: differing / (data.length / 4) };
}"""
"""Decode a PNG with the browser's own decoder and measure it: size, distinct colours, the share of pixels that
differ from the top-left (background) one."""


def _pixels(browser: Any, png: Path) -> dict[str, Any]:
    page = browser.new_page()
    try:
        source = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
        measured: dict[str, Any] = page.evaluate(PIXELS, source)
        return measured
    finally:
        page.close()

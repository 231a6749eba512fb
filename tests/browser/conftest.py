"""Browser fixtures: the real app served by uvicorn over demo data, and Debian's Chromium.

Chromium is ``CULTUURHUB_CHROMIUM`` or ``/usr/bin/chromium``. Without it the browser tests skip,
except in CI (``CI`` set or ``REQUIRE_SHARED_DATA=1``), where they fail.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)

from cultuurhub.api import create_app
from tests.web.hub import DemoHub, build_demo_hub

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
#: Generous waits: CI runs two test workers on two cores, with a server and Chromium each.
WAIT_MS = 20_000
expect.set_options(timeout=WAIT_MS)


def chromium_executable() -> str:
    """Return the Chromium to drive; skip without one, fail in CI."""
    path = os.environ.get("CULTUURHUB_CHROMIUM") or "/usr/bin/chromium"
    if Path(path).exists():
        return path
    if os.environ.get("CI") or os.environ.get("REQUIRE_SHARED_DATA") == "1":
        pytest.fail(f"Chromium is required in CI but {path} does not exist")
    pytest.skip(f"no Chromium at {path} (set CULTUURHUB_CHROMIUM or install chromium)")


@pytest.fixture(scope="session")
def demo_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoHub]:
    """A demo hub of 300 records in SQLite, with its search index."""
    hub = build_demo_hub(tmp_path_factory.mktemp("browser-hub"))
    yield hub
    hub.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server(demo_hub: DemoHub) -> Iterator[str]:
    """The real application served by uvicorn in a thread; yields its base URL."""
    app = create_app(demo_hub.store, demo_hub.search)
    port = _free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="portal-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the portal server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """Playwright's driver for the session (skips first when there is no Chromium)."""
    chromium_executable()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    chromium = playwright_driver.chromium.launch(
        executable_path=chromium_executable(), args=["--no-sandbox", "--lang=nl-BE"]
    )
    yield chromium
    chromium.close()


PLACEHOLDER = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" viewBox="0 0 960 540">'
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">'
    '<stop offset="0" stop-color="#f2b134"/>'
    '<stop offset="1" stop-color="#123b6d"/></linearGradient></defs>'
    '<rect width="960" height="540" fill="url(#g)"/></svg>'
)


def _local_only(route: Route) -> None:
    """Let pages load only from this machine.

    Demo images point at hosts that do not exist; they get a drawn placeholder, so screenshots
    look like the real thing. Anything else from outside is refused.
    """
    request = route.request
    if request.url.startswith(("http://127.0.0.1", "data:")):
        route.continue_()
    elif request.resource_type == "image":
        route.fulfill(status=200, content_type="image/svg+xml", body=PLACEHOLDER)
    else:
        route.abort()


def _context(browser: Browser, *, javascript: bool) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-BE", java_script_enabled=javascript
    )
    context.set_default_timeout(WAIT_MS)
    context.route("**/*", _local_only)
    return context


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser tab (own cookies) with JavaScript on."""
    context = _context(browser, javascript=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    """A fresh browser tab with JavaScript off."""
    context = _context(browser, javascript=False)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder CI keeps screenshots in (artifacts/screenshots)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS

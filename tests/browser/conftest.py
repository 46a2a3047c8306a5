"""Browser fixtures: the system Chromium through Playwright, and the app served by uvicorn.

No browser is downloaded: Playwright launches Debian's `chromium` by its path. Outside CI a
missing browser skips these tests with the command that installs it; in CI it fails them.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from armsledger.report.pdf import CHROMIUM_FLAGS, find_chromium
from armsledger.web.app import create_app
from tests.report.sample_ledger import write_sample_ledger

REPO_DIR = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_DIR / "docs" / "screenshots"
SEEDS_DIR = REPO_DIR.parent / "shared" / "seeds"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SERVER_START_TIMEOUT_S = 20


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    found = find_chromium()
    if found is None:
        message = "no Chromium found: install it with `sudo apt-get install chromium`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the browser tests: {message}")
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path), args=list(CHROMIUM_FLAGS), headless=True
        )
        yield launched
        launched.close()


def analyze_seeds(db_url: str) -> None:
    """The real pipeline on the seed articles, as `armsledger analyze` runs it."""
    from armsledger.pipeline import analyze_paths
    from armsledger.store import open_store

    with open_store(db_url) as store:
        analyze_paths(store, [str(SEEDS_DIR)])


@pytest.fixture(scope="session")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds' ledger when shared/ is beside the checkout, else the hand-made sample."""
    db_path = tmp_path_factory.mktemp("browser") / "ledger.db"
    if SEEDS_DIR.is_dir():
        url = f"sqlite:///{db_path}"
        analyze_seeds(url)
        return url
    return write_sample_ledger(db_path).db_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def server_url(ledger_url: str) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(ledger_url), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    opened = context.new_page()
    yield opened
    context.close()


def save_screenshots(browser: Any, url: str, name: str) -> list[str]:
    """Open `url` at each viewport, save docs/screenshots/<name>-<viewport>.png, and return
    the console errors seen (a CSP violation shows up there)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    for viewport_name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport)
        opened = context.new_page()
        opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        opened.goto(url)
        opened.screenshot(path=str(SCREENSHOT_DIR / f"{name}-{viewport_name}.png"))
        context.close()
    return errors

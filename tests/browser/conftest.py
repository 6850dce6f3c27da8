"""A browser harness: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright.

Every request a page makes is recorded; any request to another host is aborted, so no test
touches the network. The browser tests are skipped only when Chromium is missing outside CI.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Chromium runs as root here; Playwright adds a fresh temporary --user-data-dir itself."""

LOCAL_HOST = "127.0.0.1"
VIEWPORT = {"width": 1280, "height": 800}
"""Wide enough that Material shows its search box in the header."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the browser tests when there is no Chromium, unless we are in CI where they must run."""
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (run `make test` to install it)")
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(skip)


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without logging every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 (a free port, in a thread); yield its root URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site; yield its root URL."""
    with serving(built_site) as url:
        yield url


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve another folder (a site a test built or changed) for the test's length: `serve(folder)` -> URL."""
    with contextlib.ExitStack() as stack:
        yield lambda folder: stack.enter_context(serving(folder))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Launch Debian's Chromium once for the session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class RequestLog:
    """Every URL the page asked for, and those aborted because they went to another host."""

    urls: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def off_site(self) -> list[str]:
        """The requests that did not go to 127.0.0.1 (inline `data:` and `blob:` URLs aside)."""
        return [url for url in self.urls if not _is_local(url)]


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST


@pytest.fixture
def requests_made() -> RequestLog:
    """The log the `page` fixture fills with every request it makes."""
    return RequestLog()


@pytest.fixture
def page(browser: Browser, requests_made: RequestLog) -> Iterator[Page]:
    """A fresh page in a fresh context; requests are recorded, and those to other hosts aborted."""
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL", service_workers="block")

    def route(route: Route) -> None:
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            requests_made.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    new_page = context.new_page()
    new_page.on("request", lambda request: requests_made.urls.append(request.url))
    new_page.on("websocket", lambda socket: requests_made.urls.append(socket.url))
    try:
        yield new_page
    finally:
        context.close()

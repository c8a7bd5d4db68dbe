"""Shared fixtures of the browser suite.

One demo build, one loopback HTTP server and one Chromium per test session;
a fresh browser context (cookies, storage, routes) per test.

Every request the page makes goes through a route: loopback requests are
served, anything else is recorded and aborted. There is no network here, and
the point of the click-to-load facade is that nothing leaves the machine
before the reader asks, so the tests read that record.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from needs import need
from numeco_browser import CHROMIUM, CHROMIUM_ARGS, HERE, ROOT, DemoPage, built_and_served, is_loopback

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's Chromium at /usr/bin/chromium through Playwright")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.needs("chromium"))  # skipped without it, failed under CI (tests/needs.py)


# -- the demo site ---------------------------------------------------------------


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory: pytest.TempPathFactory):
    """(build directory, base URL): the demo built once, served on 127.0.0.1 at a free port."""
    out = tmp_path_factory.mktemp("demo-site")
    with built_and_served(ROOT / "mkdocs.yml", out) as base_url:
        yield out, base_url


@pytest.fixture(scope="session")
def demo_dir(served_demo) -> Path:
    return served_demo[0]


@pytest.fixture(scope="session")
def base_url(served_demo) -> str:
    return served_demo[1]


@pytest.fixture(scope="session")
def demo_pages(demo_dir: Path) -> list[DemoPage]:
    pages = []
    for html in sorted(demo_dir.rglob("index.html")):
        rel = html.parent.relative_to(demo_dir).as_posix()
        path = "" if rel == "." else rel + "/"
        pages.append(DemoPage(path, BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")))
    return pages


@pytest.fixture(scope="session")
def demo_posts(demo_pages: list[DemoPage]) -> list[DemoPage]:
    posts = [p for p in demo_pages if p.is_post]
    assert posts, "the demo build has no post (no .numeco-post-date anywhere)"
    return posts


@pytest.fixture(scope="session")
def video_posts(demo_posts: list[DemoPage]) -> list[DemoPage]:
    posts = [p for p in demo_posts if p.has_video]
    assert posts, "the demo build has no post with a video facade"
    return posts


# -- axe-core ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js from the committed lock file; installed on first use."""
    script = HERE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        need("npm")
        result = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(HERE)],
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"npm ci failed:\n{result.stderr}"
    assert script.exists(), f"{script} missing after npm ci"
    return script


# -- Chromium ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    need("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Visit:
    """A page in a fresh context, and every URL it asked for."""

    page: object
    base_url: str
    requests: list[str] = field(default_factory=list)

    @property
    def external(self) -> list[str]:
        return [url for url in self.requests if not is_loopback(url)]

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="load")


def _guard(route) -> None:
    """Serve loopback; abort the rest (recorded by the request listener)."""
    if is_loopback(route.request.url):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def open_context(browser, base_url):
    """Factory: a new context with the given viewport; closed after the test."""
    contexts = []

    def make(width: int = 1280, height: int = 800, **options) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR", **options)
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page, base_url)
        context.on("request", lambda request: visit.requests.append(request.url))
        context.route("**/*", _guard)
        return visit

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def visit(open_context) -> Visit:
    return open_context()

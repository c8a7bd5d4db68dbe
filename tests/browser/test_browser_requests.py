"""No stray request: loading a page of the demo asks only its own host, and nothing fails.

The demo is built as published (its own `site_url`, https://example.org/numeco-demo/) and
served under /numeco-demo/ on 127.0.0.1, so an absolute URL of the production host shows
up as a request to another host. Material's own script runs: it fetches a `sitemap.xml`
next to every `<link rel=alternate>` it finds, which is what these tests watch for.
Then the same under `mkdocs serve`. Feed autodiscovery is checked on the parsed HTML.
"""

from __future__ import annotations

import contextlib
import functools
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import test_preview_and_deploy as preview
from bs4 import BeautifulSoup
from numeco_browser import ROOT, _QuietHandler, _Server

pytestmark = pytest.mark.browser

SITE_URL = "https://example.org/numeco-demo/"  # the demo's site_url
PREFIX = "numeco-demo/"  # its path
PAGES = {
    "home": "",
    "listing": "posts/",
    "listing page 2": "posts/page/2/",
    "post with one video": "posts/episode-1-mesurer/",
    "post with two videos": "posts/table-ronde-donnees/",
    "tag index": "tags/",
    "tag page": "tags/video/",
    "tag page 2": "tags/video/page/2/",
    "series index": "series/",
    "series page": "series/paroles-d-experts-saison-1/",
}
FEED_TYPES = {"application/atom+xml", "application/feed+json"}
# Which feed each page must let a feed reader discover (site-relative paths).
DISCOVERED = {
    "": {"feed.xml", "feed.json"},
    "posts/": {"feed.xml", "feed.json"},
    "tags/video/": {"tags/video/feed.xml"},
    "series/paroles-d-experts-saison-1/": {"series/paroles-d-experts-saison-1/feed.xml"},
}
QUIET = 0.5  # seconds without a request in flight: the page has settled (a wait, not an assertion)

serve = preview.serve  # the `mkdocs serve` fixture of the preview tests


@contextlib.contextmanager
def published_and_served(config_file: Path, out: Path):
    """Build with the config's own site_url into out/numeco-demo, serve `out`; yields the site's URL."""
    site_dir = out / PREFIX
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site_dir)],
        check=False,
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"building {config_file} failed:\n{result.stderr}"
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{PREFIX}", site_dir
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    with published_and_served(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("published")) as found:
        yield found


class Watch:
    """Every request of a page: to which host, which failed, which are still in flight."""

    def __init__(self, context, own_host: str) -> None:
        self.own_host = own_host
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.pending: set[object] = set()
        context.on("request", self._request)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        if urlsplit(route.request.url).netloc == self.own_host:
            route.continue_()
        else:
            route.abort()  # no network here; recorded as a request to another host

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if "/livereload/" not in request.url:  # `mkdocs serve` keeps one long poll open
            self.pending.add(request)

    def _finished(self, request) -> None:
        self.pending.discard(request)
        response = request.response()
        if response is not None and response.status >= 400:
            self.failed.append(f"{response.status} {request.url}")

    def _failed(self, request) -> None:
        self.pending.discard(request)
        self.failed.append(f"failed {request.url}")

    def elsewhere(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != self.own_host
        ]

    def settle(self, page, limit: float = 30.0) -> None:
        """Wait until nothing is in flight for QUIET seconds (Material fetches after `load`)."""
        deadline = time.monotonic() + limit
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)
            if self.pending:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= QUIET:
                return


def _load(browser, url: str) -> Watch:
    context = browser.new_context(locale="fr-FR")
    try:
        watch = Watch(context, urlsplit(url).netloc)
        page = context.new_page()
        page.goto(url, wait_until="load")
        watch.settle(page)
        return watch
    finally:
        context.close()


@pytest.mark.parametrize("path", list(PAGES.values()), ids=list(PAGES))
def test_a_published_page_asks_only_its_own_host_and_nothing_fails(browser, published, path) -> None:
    base, _ = published
    watch = _load(browser, base + path)
    assert watch.elsewhere() == []
    assert watch.failed == []


def _discovered(html: str, page_url: str, site_url: str) -> set[str]:
    """Site-relative paths of the feeds a reader finds in the head: rel has the token `alternate`, a feed type."""
    soup = BeautifulSoup(html, "lxml")
    found = set()
    for link in soup.head.find_all("link", href=True):
        rel = [token.lower() for token in (link.get("rel") or [])]
        if "alternate" in rel and link.get("type", "").strip().lower() in FEED_TYPES:
            url = urljoin(page_url, link["href"])
            assert url.startswith(site_url), url
            found.add(url[len(site_url) :])
    return found


@pytest.mark.parametrize("path", list(DISCOVERED), ids=lambda path: path or "home")
def test_feed_readers_still_discover_each_feed_on_its_own_page(published, path) -> None:
    _, site_dir = published
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    found = _discovered(html, SITE_URL + path, SITE_URL)  # a feed reader reads the published page
    assert DISCOVERED[path] <= found
    for feed in found:
        assert (site_dir / feed).is_file(), feed


def test_under_mkdocs_serve_a_page_asks_only_the_preview_host(browser, serve) -> None:
    _, root = serve  # one preview for the three pages: starting `mkdocs serve` is the slow part
    for path in ("", "posts/episode-1-mesurer/", "tags/video/"):
        watch = _load(browser, root + path)
        assert (path, watch.elsewhere()) == (path, [])
        assert (path, watch.failed) == (path, [])

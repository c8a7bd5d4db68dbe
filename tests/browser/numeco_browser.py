"""Constants and helpers of the browser suite (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from needs import CHROMIUM  # noqa: F401  (one home: tests/needs.py)

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
# Flags for a headless Chromium in a container without network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# The video post shown in the README screenshots: it has a poster, a
# transcript, tags and a series box.
SCREENSHOT_POST = "posts/episode-1-mesurer/"


def is_loopback(url: str) -> bool:
    """True for URLs that stay on this machine (data: and blob: never reach the network)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return (parts.hostname or "") in LOOPBACK


@dataclass(frozen=True)
class DemoPage:
    """One built page of the demo, as parsed from disk."""

    path: str  # URL path relative to the site root, e.g. "posts/episode-1-mesurer/"
    soup: BeautifulSoup

    @property
    def is_post(self) -> bool:
        return self.soup.select_one(".numeco-post-date") is not None

    @property
    def has_video(self) -> bool:
        return self.soup.select_one(".numeco-video[data-embed-url]") is not None


def set_scheme(page, scheme: str) -> None:
    """Switch Material's palette with its own header toggle, as a reader would."""
    if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
        return
    option = page.locator(f"input[name='__palette'][data-md-color-scheme='{scheme}']")
    page.locator(f"label[for='{option.get_attribute('id')}']").click()
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)


# Material's instant navigation only takes over links listed in sitemap.xml,
# matched on scheme, host, port and path. So the demo is built for the address
# it is served from, as `mkdocs serve` does: site_url is overridden (the CLI
# has no flag for it, hence load_config in a child process).
BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1], site_url=sys.argv[2], site_dir=sys.argv[3]))
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The browser drops connections it no longer needs (page changes, aborted loads).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def built_and_served(config_file: Path, out: Path):
    """Build the site of `config_file` into `out` for a free loopback port, serve it; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = _Server(("127.0.0.1", 0), handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        result = subprocess.run(
            [sys.executable, "-c", BUILD, str(config_file), base_url, str(out)],
            check=False,
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"building {config_file} failed:\n{result.stderr}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield base_url
        server.shutdown()
        thread.join()
    finally:
        server.server_close()

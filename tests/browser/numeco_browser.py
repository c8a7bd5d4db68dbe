"""Constants and helpers of the browser suite (fixtures live in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
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

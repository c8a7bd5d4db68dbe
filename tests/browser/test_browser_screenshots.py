"""Screenshots of a video post for the README: light and dark, desktop and 390 px mobile.

They are written to docs/screenshots/ on every run, so a change of look shows
up in `git diff`.
"""

from __future__ import annotations

import re
import struct

import pytest
from numeco_browser import SCREENSHOT_POST, SCREENSHOTS, set_scheme

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
DEVICES = {"desktop": (1280, 800), "mobile": (390, 844)}


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _luminance(css_color: str) -> float:
    red, green, blue = (int(c) / 255 for c in re.findall(r"\d+", css_color)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("look", SCHEMES)
def test_screenshot_of_a_video_post(open_context, look, device):
    width, height = DEVICES[device]
    visit = open_context(width=width, height=height, device_scale_factor=1, is_mobile=device == "mobile")
    visit.open(SCREENSHOT_POST)
    page = visit.page
    set_scheme(page, SCHEMES[look])
    page.wait_for_function("[...document.images].every((img) => img.complete)")
    # The facade is on screen, and the page has the look the file name says.
    assert page.locator(".numeco-video__play").first.is_visible()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (_luminance(background) < 0.3) == (look == "dark"), background

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"video-post-{look}-{device}.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    assert _png_size(path.read_bytes()) == (width, height)

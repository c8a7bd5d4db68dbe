"""The plugin's own CSS and JS stay small: 5 KB gzipped, together, at most."""

from __future__ import annotations

import gzip

from numeco_browser import ROOT

ASSETS = ROOT / "mkdocs_numeco" / "assets"
BUDGET = 5 * 1024  # bytes, gzipped, CSS + JS


def test_css_and_js_fit_in_5_kb_gzipped():
    # Each file is served (and compressed) on its own, so each is gzipped on its own.
    sizes = {name: len(gzip.compress((ASSETS / name).read_bytes(), 9)) for name in ("numeco.css", "numeco.js")}
    assert sum(sizes.values()) <= BUDGET, sizes

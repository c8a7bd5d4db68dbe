"""WCAG 1.4.10 (RGAA 10.11): at 320 CSS px wide, posts scroll in one direction only."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_posts_reflow_at_320_px(open_context, demo_posts):
    visit = open_context(width=320, height=640)
    for post in demo_posts:
        visit.open(post.path)
        page = visit.page
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        wide = page.evaluate(
            """() => [...document.querySelectorAll('.numeco-video, .numeco-transcript, .numeco-series, .numeco-tags, .numeco-video__transcript-link')]
                 .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                 .map((el) => el.className)"""
        )
        assert wide == [], f"{post.path}: wider than the screen: {wide}"
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), post.path

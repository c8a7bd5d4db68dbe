"""Accessibility of what the plugin adds, measured by the browser: axe-core, focus, target size."""

from __future__ import annotations

import pytest
from numeco_browser import DemoPage, set_scheme
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PLUGIN_PARTS = [".numeco-video", ".numeco-transcript", ".numeco-series", ".numeco-tags"]
SCHEMES = ["default", "slate"]  # Material's light and dark palettes, as in mkdocs.yml

RUN_AXE = """async (selectors) => {
  const include = selectors.filter((s) => document.querySelector(s));
  if (!include.length) return {checked: 0, violations: []};
  const result = await axe.run({include}, {resultTypes: ["violations"]});
  return {
    checked: include.length,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    })),
  };
}"""


def _axe(page, axe_script, selectors: list[str]) -> int:
    """Run axe-core on `selectors`; fail with its findings. Returns how many selectors matched."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script))
    report = page.evaluate(RUN_AXE, selectors)
    assert report["violations"] == [], f"{page.url}: {report['violations']}"
    return report["checked"]


def _open_every_details(page) -> None:
    # Closed <details> hide their content from axe's contrast checks.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_the_plugin_parts(visit, demo_posts, axe_script, scheme):
    seen = set()
    for post in demo_posts:
        visit.open(post.path)
        page = visit.page
        set_scheme(page, scheme)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        _open_every_details(page)
        assert _axe(page, axe_script, PLUGIN_PARTS), f"{post.path}: none of {PLUGIN_PARTS} found"
        seen.update(s for s in PLUGIN_PARTS if page.locator(s).count())

        # The transcript dialog, open.
        expand = page.locator("button.numeco-transcript__expand").first
        if expand.count():
            expand.click()
            expect(page.locator("dialog.numeco-dialog")).to_be_visible()
            _axe(page, axe_script, ["dialog.numeco-dialog"])
            page.keyboard.press("Escape")

        # The players, loaded (their iframes are aborted by the route: no network here).
        waiting = page.locator(".numeco-video__play")
        while waiting.count():
            waiting.first.click()
        if page.locator(".numeco-video iframe").count():
            _axe(page, axe_script, [".numeco-video"])
    # Every part was checked somewhere in the demo.
    assert seen == set(PLUGIN_PARTS)


GENERATED = ("posts/", "tags/", "series/")  # listing, tag and series pages: all of their article is ours


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_generated_pages(visit, demo_pages, axe_script, scheme):
    pages = [p for p in demo_pages if not p.is_post and p.path.startswith(GENERATED)]
    assert {p.path for p in pages} >= set(GENERATED), "a generated index page is missing"
    for page in pages:
        visit.open(page.path)
        set_scheme(visit.page, scheme)
        _open_every_details(visit.page)
        assert _axe(visit.page, axe_script, ["article"]), page.path


def _focus_by_keyboard(page, selector: str, limit: int = 80) -> None:
    """Press Tab until an element matching `selector` has focus, as a keyboard user would."""
    page.locator("body").click(position={"x": 1, "y": 1})
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab ({limit} presses)")


FOCUS_STYLE = """(el) => {
  const s = getComputedStyle(el);
  return {outline: s.outlineStyle === "none" ? "none" : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          shadow: s.boxShadow};
}"""

# Things of ours a keyboard user tabs to, on a video post with a transcript and a series.
FOCUSABLE = [
    ".numeco-video__play",
    ".numeco-video__transcript-link a",
    "details.numeco-transcript > summary",
    ".numeco-transcript__expand",
    ".numeco-series a[rel=next]",
    ".numeco-series__list > summary",
    ".numeco-tags a",
]


def _richest_post(demo_posts: list[DemoPage]) -> DemoPage:
    for post in demo_posts:
        if all(post.soup.select_one(s.replace(" > ", " ")) for s in FOCUSABLE if s != ".numeco-transcript__expand"):
            return post
    raise AssertionError(f"no demo post has all of {FOCUSABLE}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_is_visible(visit, demo_posts, scheme):
    visit.open(_richest_post(demo_posts).path)
    page = visit.page
    set_scheme(page, scheme)
    page.locator("details.numeco-transcript").first.evaluate("d => { d.open = true; }")
    for selector in FOCUSABLE:
        element = page.locator(selector).first
        rest = element.evaluate(FOCUS_STYLE)
        _focus_by_keyboard(page, selector)
        focused = page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")
        assert page.evaluate("document.activeElement.matches(':focus-visible')")
        # A visible indicator: an outline or a ring (box-shadow) that the element did not have at rest.
        assert focused != rest, f"{selector}: focus changes neither outline nor box-shadow ({focused})"
        assert focused["outline"] != "none" or focused["shadow"] != "none", f"{selector}: {focused}"

    # The dialog, opened from the keyboard: focus lands on its close button, visibly.
    _focus_by_keyboard(page, ".numeco-transcript__expand")
    page.keyboard.press("Enter")
    close = page.locator("dialog.numeco-dialog button.numeco-dialog__close")
    expect(close).to_be_focused()
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    assert close.evaluate(FOCUS_STYLE)["outline"] != "none"
    page.keyboard.press("Escape")
    expect(page.locator(".numeco-transcript__expand").first).to_be_focused()


@pytest.mark.parametrize("width", [1280, 390])
def test_play_button_is_at_least_44_by_44(open_context, video_posts, width):
    visit = open_context(width=width, height=844)
    for post in video_posts:
        visit.open(post.path)
        for button in visit.page.locator(".numeco-video__play").all():
            box = button.bounding_box()
            assert box is not None, f"{post.path}: play button not rendered"
            assert box["width"] >= 44 and box["height"] >= 44, f"{post.path} at {width}px: {box}"

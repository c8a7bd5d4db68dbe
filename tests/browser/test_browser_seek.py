"""Transcripts that drive the player (issue 15, item 8), in Chromium, on the demo.

Every request to another host is aborted: a player "loads" only as far as its iframe's `src`, which is what
is checked. Episode 1's transcript (Dailymotion x8abc12) opens lines with `[0:12]`, `1:23 —`, `(1:40)`, `[2:05]`;
the table ronde's second video has `start="1:23"`.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EPISODE = "posts/episode-1-mesurer/"
TABLE_RONDE = "posts/table-ronde-donnees/"


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _open_transcript(visit) -> None:
    visit.open(EPISODE)
    visit.page.locator("#numeco-transcript-1 > summary").click()


def _is_focused_player(page) -> bool:
    return page.evaluate("document.activeElement === document.querySelector('#numeco-video-1 iframe')")


@pytest.mark.parametrize("how", ["click", "Enter", " "])
def test_a_timestamp_plays_the_video_there_and_moves_focus_into_it(open_context, how: str) -> None:
    visit = open_context()
    _open_transcript(visit)
    page = visit.page
    button = page.get_by_role("button", name="Lire la vidéo à 1:23")
    expect(button).to_have_text("1:23")
    assert button.evaluate("b => b.tagName") == "BUTTON"
    assert page.locator("#numeco-video-1 iframe").count() == 0  # nothing loaded before the reader asks
    if how == "click":
        button.click()
    else:
        button.focus()
        page.keyboard.press(how)
    frame = page.locator("#numeco-video-1 iframe")
    expect(frame).to_have_count(1)
    src = frame.get_attribute("src")
    assert src.startswith("https://www.dailymotion.com/embed/video/x8abc12?")
    assert _query(src) == {"startTime": ["83"], "autoplay": ["1"]}
    expect(frame).to_be_focused()
    assert _is_focused_player(page)
    assert frame.evaluate("f => { const r = f.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }")
    # The author's text is all there, around the button.
    expect(page.locator("#numeco-transcript-1")).to_contain_text("1:23 — Panneau : un inventaire")


def test_a_second_timestamp_sends_the_loaded_player_there(visit) -> None:
    _open_transcript(visit)
    page = visit.page
    page.get_by_role("button", name="Lire la vidéo à 1:23").click()
    page.get_by_role("button", name="Lire la vidéo à 2:05").click()
    frame = page.locator("#numeco-video-1 iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute("src", "https://www.dailymotion.com/embed/video/x8abc12?startTime=125&autoplay=1")
    expect(frame).to_be_focused()


def test_a_timestamp_in_the_expanded_transcript_closes_the_dialog_and_plays(visit) -> None:
    _open_transcript(visit)
    page = visit.page
    page.locator("#numeco-transcript-1 .numeco-transcript__expand").click()
    dialog = page.locator("dialog.numeco-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Lire la vidéo à 0:12").click()
    expect(dialog).to_be_hidden()
    frame = page.locator("#numeco-video-1 iframe")
    expect(frame).to_have_count(1)
    assert _query(frame.get_attribute("src"))["startTime"] == ["12"]
    expect(frame).to_be_focused()
    # The transcript is back in the page, with its buttons.
    expect(page.locator("#numeco-transcript-1 button.numeco-seek")).to_have_count(4)


def test_a_shortcode_start_reaches_the_player(visit) -> None:
    visit.open(TABLE_RONDE)
    page = visit.page
    box = page.locator("#numeco-video-2")
    box.locator("button.numeco-video__play").click()
    src = box.locator("iframe").get_attribute("src")
    assert src.startswith("https://www.dailymotion.com/embed/video/x7tgad0?")
    assert _query(src) == {"startTime": ["83"], "autoplay": ["1"]}


def test_without_javascript_a_timestamp_links_to_the_provider_at_that_time(open_context) -> None:
    visit = open_context(java_script_enabled=False)
    _open_transcript(visit)
    page = visit.page
    link = page.get_by_role("link", name="Voir la vidéo sur Dailymotion à 1:23")
    expect(link).to_be_visible()
    expect(link).to_have_text("1:23")
    expect(link).to_have_attribute("href", "https://www.dailymotion.com/video/x8abc12?start=83")
    assert page.locator("button.numeco-seek").count() == 0
    visit.open(TABLE_RONDE)
    expect(page.locator("#numeco-video-2 a.numeco-video__fallback")).to_have_attribute(
        "href", "https://www.dailymotion.com/video/x7tgad0?start=83"
    )
    assert visit.external == []

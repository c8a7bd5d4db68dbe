"""Raw `<iframe>` players: handlers/iframe.py."""

from __future__ import annotations

from shortcode_snippets import listed, run, soup

YOUTUBE = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Conférence"></iframe>'


def test_a_known_player_is_upgraded_to_the_facade() -> None:
    result = run(YOUTUBE)
    page = soup(result.markdown)
    assert page.find("iframe") is None
    assert page.select_one("div.numeco-video")["data-video-id"] == "dQw4w9WgXcQ"
    assert listed(result) == [("iframe", "youtube", "upgraded")]
    assert [v.video_id for v in result.videos] == ["dQw4w9WgXcQ"]


def test_a_known_player_stays_when_upgrades_are_off_or_in_iframe_mode() -> None:
    for context in ({"upgrade_iframes": False}, {"embed": "iframe"}):
        result = run(YOUTUBE, **context)
        assert result.markdown == YOUTUBE
        assert listed(result) == [("iframe", "youtube", "kept")]


def test_an_iframe_of_any_other_host_becomes_a_facade_naming_the_host() -> None:
    text = '<iframe src="https://example.org/carte?z=3" title="Carte" width="600" height="400"></iframe>'
    result = run(text)
    page = soup(result.markdown)
    assert page.find("iframe") is None  # nothing requested before a click
    box = page.select_one("div.numeco-video")
    assert (box["data-provider"], box["data-embed-url"]) == ("embed", "https://example.org/carte?z=3")
    assert box.select_one(".numeco-video__label").get_text() == "Load the content from example.org: Carte"
    assert box.select_one("noscript a")["href"] == "https://example.org/carte?z=3"  # the page without JavaScript
    assert box.select_one("img") is None  # not the post's video: no poster
    assert result.problems == []
    assert listed(result) == [("iframe", "example.org", "upgraded")]


def test_an_unknown_iframe_stays_as_written_when_upgrades_are_off() -> None:
    text = '<iframe src="https://example.org/carte"></iframe>'
    result = run(text, upgrade_iframes=False)
    assert result.markdown == text
    assert [status for _, _, status in listed(result)] == ["kept"]


def test_an_iframe_whose_src_the_url_policy_refuses_is_left_out() -> None:
    result = run('<iframe src="javascript:alert(1)"></iframe>')
    assert soup(result.markdown).find("iframe") is None
    assert len(result.problems) == 1
    assert [status for _, _, status in listed(result)] == ["unsupported"]

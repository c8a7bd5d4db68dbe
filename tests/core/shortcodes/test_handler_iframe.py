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


def test_an_unknown_iframe_stays_as_written() -> None:
    text = '<iframe src="https://example.org/carte"></iframe>'
    result = run(text)
    assert result.markdown == text
    assert result.problems == []
    assert [status for _, _, status in listed(result)] == ["kept"]


def test_an_iframe_whose_src_the_url_policy_refuses_is_left_out() -> None:
    result = run('<iframe src="javascript:alert(1)"></iframe>')
    assert soup(result.markdown).find("iframe") is None
    assert len(result.problems) == 1
    assert [status for _, _, status in listed(result)] == ["unsupported"]

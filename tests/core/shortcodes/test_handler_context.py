"""Block constructs inside a list item, a blockquote, a table or an indented block: handlers/context.py."""

from __future__ import annotations

from shortcode_snippets import listed, run, soup


def test_a_video_in_a_list_becomes_a_link_to_the_video() -> None:
    result = run('- {% youtube "dQw4w9WgXcQ" "Talk" %}\n- suite')
    assert soup(result.markdown).find("div", class_="numeco-video") is None
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in result.markdown
    assert ["is inside a list item" in p.message for p in result.problems] == [True]
    assert listed(result) == [("shortcode", "youtube", "converted")]
    assert result.videos == []  # no player on the page


def test_a_transcript_in_a_quote_is_shown_as_text() -> None:
    result = run('> {% transcription "A" %}\n> Bonjour.\n> {% endtranscription %}')
    assert soup(result.markdown).find("details") is None
    assert "&#123;% transcription" in result.markdown
    assert [p.message.split(",")[0] for p in result.problems] == ["{% transcription %} is inside a blockquote"] + [
        "{% endtranscription %} is inside a blockquote"
    ]
    assert [status for _, _, status in listed(result)] == ["unsupported", "unsupported"]


def test_a_raw_player_in_a_table_stays_as_written() -> None:
    player = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    result = run(f"| a |\n|---|\n| {player} |")
    assert player in result.markdown
    assert listed(result) == [("iframe", "youtube", "kept")]


def test_a_container_in_a_list_item_is_shown_as_text() -> None:
    result = run("- ::: info\n  texte\n- :::")
    assert result.markdown == "- ::: info\n  texte\n- :::"
    assert all("is inside a list item" in p.message for p in result.problems)

"""`{% transcription %}` … `{% endtranscription %}`: handlers/transcript.py."""

from __future__ import annotations

from pathlib import Path

from shortcode_snippets import listed, run, soup

from mkdocs_numeco.core.render import OVERRIDES, Renderer
from mkdocs_numeco.core.shortcodes.transcript import render_close


def test_a_paired_transcript_becomes_a_details_block_named_after_the_speaker() -> None:
    result = run('{% transcription "Léa" %}\nBonjour.\n{% endtranscription %}')
    details = soup(result.markdown).select_one("details.numeco-transcript")
    assert details["id"] == "numeco-transcript-1"
    assert details.summary.get_text() == "Transcript: Léa"
    assert "Bonjour." in details.get_text()
    assert listed(result) == [
        ("shortcode", "transcription", "converted"),
        ("shortcode", "endtranscription", "converted"),
    ]
    assert len(soup(result.markdown).select("details.numeco-transcript")) == 1


def test_an_unquoted_speaker_is_shown_as_written_and_the_quotes_asked_for() -> None:
    result = run("{% transcription Léa Martin %}\nA\n{% endtranscription %}")
    assert soup(result.markdown).summary.get_text() == "Transcript: Léa Martin"
    assert ["add the quotes" in p.message for p in result.problems] == [True]


def test_an_opening_never_closed_is_left_out_and_the_text_after_it_kept() -> None:
    result = run('{% transcription "A" %}\nLa suite.')
    assert soup(result.markdown).find("details") is None
    assert result.markdown.endswith("\nLa suite.")
    assert [(p.line, "never closed" in p.message) for p in result.problems] == [(1, True)]
    assert listed(result) == [("shortcode", "transcription", "unsupported")]


def test_a_closing_with_nothing_to_close_is_left_out_with_a_warning() -> None:
    result = run("Texte.\n\n{% endtranscription %}")
    assert result.markdown == "Texte.\n\n<!-- &#123;% endtranscription %&#125; -->"
    assert ["no matching" in p.message for p in result.problems] == [True]
    assert listed(result) == [("shortcode", "endtranscription", "unsupported")]


def test_the_closing_markup_is_each_renderers_own(tmp_path: Path) -> None:
    """Rendered once per renderer and reused (`shortcodes.fixed`): a site's override still wins in its build."""
    folder = tmp_path / OVERRIDES
    folder.mkdir()
    (folder / "transcript_close.html").write_text("</div></details><!-- ours -->", encoding="utf-8")
    packaged, own = Renderer(), Renderer(custom_dir=str(tmp_path))
    assert [render_close(renderer=r) for r in (packaged, own, packaged, own)] == [
        "</div>\n</details>",
        "</div></details><!-- ours -->",
        "</div>\n</details>",
        "</div></details><!-- ours -->",
    ]

"""One scan per post: the text MkDocs converts (the body without its leading line breaks) is scanned in
`on_files` for the post's words and its tokens are kept for its conversion (`scanner.Scans`). Its words must
be the body's, and its tokens the body's, shifted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_numeco.core.reading import count_words, unbroken
from mkdocs_numeco.core.shortcodes.scanner import Scans, Token, scan

PIECES = st.sampled_from(
    [
        "\n", "\n\n", "    ", "\t", "  ", " ", "mot", "l'été", "`", "``", "```", "~~~", "{% transcription \"A\" %}",
        "{% endtranscription %}", "{% youtube 'x' %}", "{{ x }}", "{# c #}", "{#", "#}", "<!-- c -->", "- ", "1. ",
        "> ", "| a |", "--|--", "!!! note", "::: note", ":::", "<div>", "{{ component('c') }}", "{%", "%}",
        "<iframe src=x></iframe>", "{% raw %}", "{% endraw %}", "<p>", "]( http://x )", "_",
    ]
)  # fmt: skip


def shifted(tokens: list[Token], by: int) -> list[tuple[object, ...]]:
    return [
        (t.kind, t.name, t.start + by, t.end + by, t.line, t.raw, t.args, t.bare, t.source, t.context, t.html_block)
        for t in tokens
    ]


@settings(max_examples=1500, deadline=None)
@given(st.integers(0, 3), st.lists(PIECES, max_size=25), st.integers(1, 40), st.booleans())
def test_the_text_without_leading_breaks_has_the_bodys_words_and_tokens(
    breaks: int, pieces: list[str], first_line: int, code: bool
) -> None:
    body = "\n" * breaks + "".join(pieces)
    text = unbroken(body)
    gone = len(body) - len(body.lstrip("\n"))
    if text is None:
        assert gone == 1 and body[1:].startswith(("    ", "\t"))
        return
    assert text == body.lstrip("\n")
    tokens = Scans().keep("p", text, first_line + gone, code)
    assert count_words(text, tokens) == count_words(body)
    assert shifted(tokens, gone) == shifted(list(scan(body, first_line, code)), 0)


def test_one_break_before_an_indented_line_is_counted_as_the_body() -> None:
    body = "\n    {{ x }} un deux\n"
    assert unbroken(body) is None
    assert count_words(body) == (2, 0)  # not code in the body: the expression is not words
    assert count_words(body.lstrip("\n")) == (3, 0)  # code once stripped: x, un, deux
    assert unbroken("\n\n    {{ x }}") == "    {{ x }}"
    assert unbroken("\n  {{ x }}") == "  {{ x }}"


def test_kept_tokens_are_handed_out_once_and_only_for_the_same_text_line_and_code() -> None:
    scans = Scans()
    text = '{% youtube "a" %}\n\n`{{ x }}`\n'
    kept = scans.keep("p", text, 3, False)
    assert scans.take("p", text, 3, False) is kept
    assert scans.take("p", text, 3, False) is not kept  # taken: scanned again
    for other in [(text + "x", 3, False), (text, 4, False), (text, 3, True)]:
        scans.keep("p", text, 3, False)
        tokens = scans.take("p", *other)
        assert tokens is not kept and shifted(tokens, 0) == shifted(list(scan(*other)), 0)
    assert scans.take("q", text, 3, False) == list(scan(text, 3, False))

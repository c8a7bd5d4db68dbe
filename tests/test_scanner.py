"""Table tests for the scanner: what counts as a tag, and where one ends."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_numeco.core.shortcodes.scanner import scan


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('{% transcription "a %} b" %}', [("transcription", ("a %} b",))]),  # a closer inside quotes
        ('{% transcription "{%" %}', [("transcription", ("{%",))]),  # an opener inside quotes
        ('{% a "b" {% youtube "x" %}', [("youtube", ("x",))]),  # an unclosed tag ends at the next opener
        ("{{ a {{ title }}", [("title", ())]),
        ("<!-- a <!-- b --> {% vimeo '1' %}", [("vimeo", ("1",))]),  # an unclosed comment hides nothing after it
        ("{% youtube\n\n'x' %}", []),  # a tag never spans a blank line
    ],
)
def test_tag_boundaries(text: str, found: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(t.name, t.args) for t in scan(text) if t.kind in ("tag", "expr")] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("{# a {# b #} c {% x %}", [("comment", "{# a {# b #}"), ("tag", "{% x %}")]),  # `{#` inside a comment
        ("{# a\n\n#} {% x %}", [("tag", "{% x %}")]),  # a comment never spans a blank line
        ("{# a {% x %}", [("tag", "{% x %}")]),  # an unclosed comment hides nothing
        ("``a` {% x %}", [("tag", "{% x %}")]),  # no closing ``: the run gives back a backtick, `` `a `` is code
        ("``a {% x %} `", []),
        ("`` {% x %} ` ``", []),
        ("b ``` {% x %} `` {% y %}", [("tag", "{% y %}")]),  # ``` gives back to ``: `` ` {% x %} `` `` is code
        ("` a\n\n{% x %} `", [("tag", "{% x %}")]),  # a span never spans a blank line
        ("{% " + "w" * 50 + " {% x %}", [("tag", "{% x %}")]),
    ],
)
def test_where_comments_and_code_spans_end(text: str, found: list[tuple[str, str]]) -> None:
    assert [(t.kind, t.raw) for t in scan(text)] == found


# What the scanner read with lazy patterns (quadratic, even cubic, on unclosed openers). Its
# indexes must end code spans and comments exactly where those patterns did.
_LAZY = re.compile(
    r"(?P<code>(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<tag>\{%x%\})"
    r"|(?P<comment>\{\#(?:(?!\n[ \t]*\n).)*?\#\})",
    re.DOTALL,
)
PIECES = st.sampled_from(["`", "``", "```", "a", " ", "\nb", "\n\nb", "\n \nb", "{#", "#}", "{%x%}", "#"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map(lambda pieces: "b" + "".join(pieces)))
def test_code_spans_and_comments_end_where_the_lazy_patterns_ended(text: str) -> None:
    expected = [(m.lastgroup, m.start(), m.end()) for m in _LAZY.finditer(text) if m.lastgroup != "code"]
    assert [(t.kind, t.start, t.end) for t in scan(text)] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Runs of plain lines are passed at once (`_Blocks._skip_plain`): the block a token sits in, and
        # where that block starts (an HTML block around a card), stay what reading each line gives.
        ("para one\npara two\n{{ component('card') }}", [("component", "", False)]),
        ("text\n\n<div>\nmore\n{{ component('card') }}", [("component", "", True)]),
        ("<div>\n\ntext\n{{ component('card') }}", [("component", "", False)]),
        ("one\n\n\n<div>\nthree\n{{ component('card') }}", [("component", "", True)]),
        ("- item\n  lazy\n\n  {% youtube 'x' %}", [("tag", "list item", False)]),
        ("> quote\n{% youtube 'x' %}", [("tag", "blockquote", False)]),
        ("> quote\n\n{% youtube 'x' %}", [("tag", "", False)]),
        ("a | b\n--|--\n{% youtube 'x' %}", [("tag", "table", False)]),
        ("- item\n\npara\n\n{% youtube 'x' %}", [("tag", "", False)]),
        ("!!! note\n\n    {% youtube 'x' %}", [("tag", "indented block", False)]),
        ("\u0661. item\n   {% youtube 'x' %}", [("tag", "list item", False)]),  # a list numbered in other digits
    ],
)
def test_block_of_each_token_after_plain_lines(text: str, found: list[tuple[str, str, bool]]) -> None:
    tokens = list(scan(text))
    assert [(t.kind, t.context, t.html_block) for t in tokens] == found
    # Without contexts (reading time), the same tokens in the same places.
    assert [(t.kind, t.start, t.end, t.line) for t in scan(text, contexts=False)] == [
        (t.kind, t.start, t.end, t.line) for t in tokens
    ]

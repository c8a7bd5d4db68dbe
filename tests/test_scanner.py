"""Table tests for the scanner: what counts as a tag, and where one ends."""

from __future__ import annotations

import pytest

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

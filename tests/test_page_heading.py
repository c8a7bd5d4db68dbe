"""A page's first `# Title` (for related links): pages with no line starting with `#` are not searched, and
the others give what the line-by-line search gives."""

from __future__ import annotations

import random

from mkdocs_numeco.adapter.site import _MARKDOWN_H1, _heading
from mkdocs_numeco.core.posts import without_unsafe_characters


def searched(body: str) -> str:
    match = _MARKDOWN_H1.search(body)
    return without_unsafe_characters(match.group(1).strip())[0] if match is not None else ""


def test_heading_as_the_search_finds_it() -> None:
    rng = random.Random(16)
    pieces = ["#", "# ", "## ", " ", "\n", "\r\n", "Titre", "é", "\t", "x # y", "\u2028"]
    for _ in range(20000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _heading(body) == searched(body), repr(body)


def test_examples() -> None:
    assert _heading("# Un titre #\ntexte") == "Un titre"
    assert _heading("texte\n# Deux\n") == "Deux"
    assert _heading("Épisode #3 : texte\n#hashtag\n") == ""
    assert _heading(" # pas un titre ici") == ""

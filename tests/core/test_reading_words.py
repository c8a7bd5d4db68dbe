"""Word counting reads runs of letters or digits alone without the word expression: a differential
check against the expression over the whole text, on random texts of letters, digits, joiners,
underscores, markup and every kind of space."""

from __future__ import annotations

import random

from mkdocs_numeco.core.reading import _MARKUP, _WORD, _words

PIECES = [
    "mot", "Écoconception", "l", "'", "’", "-", "_", "42", "²", "½", "٣", "ǅ", "中文", "é", "e\u0301",
    " ", "\n", "\t", "\u00a0", "\u1680", "\u2028", "\u3000", "\x1c", "\x85", ".", ",", "«", "»", "<b>", "</b>",
    "&amp;", "&#233;", "](http://x)", "[", "]", "(", ")", "\"", "#", "*", "`",
]  # fmt: skip


def test_counts_as_the_word_expression() -> None:
    rng = random.Random(16)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        expected = len(_WORD.findall(_MARKUP.sub(" ", text)))
        assert _words(text, 0, len(text)) == expected, repr(text)


def test_examples() -> None:
    text = "L'écoresponsabilité, c'est-à-dire 3 mots… <em>et</em> snake_case ’x’"
    assert _words(text, 0, len(text)) == 8  # snake, case and x apart


def test_runs_that_are_not_letters_alone_counted_together_as_apart() -> None:
    # The odd runs are matched joined by spaces: a joiner at the end of one and the start of the next
    # must not make them one word.
    text = "a- -b c' ’d x_ _y -- '' e-f-g 1.2 h… «i» j"
    assert _words(text, 0, len(text)) == len(_WORD.findall(_MARKUP.sub(" ", text))) == 12

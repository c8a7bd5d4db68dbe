"""`esc` skips `str.translate` for values with nothing to escape: the result must be the same for every value."""

from __future__ import annotations

import random

from mkdocs_numeco.core import escape


def test_esc_is_the_translation_of_every_value() -> None:
    # each character the table maps, alone and among plain ASCII, accented and wide characters
    mapped = [chr(code) for code in escape._HTML_VALUE]
    pieces = [*mapped, "a", "é", "Ω", "日", " ", "\t", "\\", "-", "]", "^", "😀", "&amp;"]
    rng = random.Random(16)
    values = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20_000)]
    values += mapped + ["", "Épisode #287 : Accessibilité", "https://example.org/a/?b=1&c=2"]
    assert [escape.esc(value) for value in values] == [value.translate(escape._HTML_VALUE) for value in values]


def test_esc_of_values_that_are_not_text() -> None:
    assert [escape.esc(value) for value in (3, 2.5, None, ["<"])] == ["3", "2.5", "None", "[&#x27;&lt;&#x27;]"]

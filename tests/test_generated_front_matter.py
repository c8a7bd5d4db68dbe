"""A generated page's front matter reads back, as MkDocs reads it, as PyYAML's dump of the same meta does.

The block is JSON when the title allows (cheaper than a YAML dump), PyYAML's dump otherwise:
either way MkDocs must read the same title and search setting as before (differential check).
"""

from __future__ import annotations

import random

import pytest
import yaml
from mkdocs.utils.meta import get_data

from mkdocs_numeco.adapter.pages import _JSON_SAFE, PLACEHOLDER, _front_matter

TITLES = [
    "Tags",
    "Épisode #3 : « Sobriété » — 2/3",
    'Quote " and \\ backslash',
    "'single' & <b>tag</b> {{ x }} {% y %}",
    "---",
    "...",
    "- dash: colon # hash",
    "yes",
    "null",
    "123",
    "2025-01-01",
    "",
    " leading and trailing ",
    "tab\there",
    "line\nbreak",
    "nel\x85here",
    "del\x7fhere",
    "emoji 😀 and 𝄞",
    "lone \ud800 surrogate",
    "bom \ufeff nbsp \xa0",
    "\u2028 line separator \u2029",
    "end\ufffd",
]


def _random_titles(count: int) -> list[str]:
    rng = random.Random(16)
    alphabet = [chr(c) for c in range(0x300)] + ["😀", "\u2028", "\ufeff", "\ue000", "\ud7ff", "\ufffd", '"']
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


@pytest.mark.parametrize("search", [True, False])
def test_front_matter_reads_back(search: bool) -> None:
    for title in TITLES + _random_titles(2000):
        meta: dict[str, object] = {"title": title}
        if search:
            meta["search"] = {"exclude": True}
        block = _front_matter(meta)
        _, read = get_data(f"---\n{block}---\n\n{PLACEHOLDER}\n")
        _, dumped = get_data(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{PLACEHOLDER}\n")
        assert read == dumped, (title, block)
        if _JSON_SAFE.fullmatch(title):
            assert read == meta, (title, block)


def test_plain_titles_are_json() -> None:
    assert _front_matter({"title": "Étiquette « x »", "search": {"exclude": True}}) == (
        '{"search": {"exclude": true}, "title": "\\u00c9tiquette \\u00ab x \\u00bb"}\n'
    )

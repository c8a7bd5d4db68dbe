"""URL slugs that match Eleventy's `slugify` filter, and a French-friendly sort key."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from slugify import slugify as _slugify


# python-slugify transliterates character by character (~0.3 ms a call); a site has few
# distinct tag and series names but slugs them once per link, on every page.
@lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """Fold to lowercase ASCII words joined by `-`: 'Vidéo' gives 'video'."""
    return _slugify(text, replacements=[["&", " and "]], lowercase=True) or "untitled"


def sort_key(text: str) -> tuple[str, str, str]:
    """Alphabetical order as a French reader expects: accents and case don't move words.

    'écologie' sorts with 'e', right after 'eau'; accented and plain spellings
    stay in a fixed order through the tie-breakers.
    """
    folded = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return folded.casefold(), text.casefold(), text

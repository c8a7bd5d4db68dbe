"""Every order the site shows: posts newest first, episodes in reading order, names alphabetically.

Pure data: no I/O, no MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .posts import Post

# "Épisode #3", "Episode 3", "Saison 2 Épisode #4", "#12": the number after '#' or after the word.
_EPISODE = re.compile(r"(?:\b[EÉeé]pisode\s*#?\s*|#\s*)(\d+)", re.IGNORECASE)
_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts '#2' before '#10'."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _DIGITS.split(text) if part)


def sort_key(text: str) -> tuple[str, str, str]:
    """Alphabetical order as a French reader expects: accents and case don't move words.

    'écologie' sorts with 'e', right after 'eau'; accented and plain spellings
    stay in a fixed order through the tie-breakers.
    """
    folded = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return folded.casefold(), text.casefold(), text


def episode_number(title: str) -> int | None:
    """The episode number written in a title, if any."""
    m = _EPISODE.search(title)
    return int(m.group(1)) if m else None


def by_path(posts: Iterable[Post]) -> list[Post]:
    """Posts in the order of their source paths: the order of a build's work, never shown."""
    return sorted(posts, key=lambda post: post.src_uri)


def first_by_path(posts: Iterable[Post]) -> Post:
    """The post whose source path comes first: where a warning about several posts points."""
    return min(posts, key=lambda post: post.src_uri)


def newest_first(posts: Iterable[Post]) -> list[Post]:
    """Newest first by the full timestamp (time of day and offset); posts without a valid date last;
    then natural title, then path."""
    return sorted(
        posts,
        key=lambda p: (
            p.published is None,
            -(p.published.timestamp() if p.published else 0),
            natural_key(p.title),
            p.src_uri,
        ),
    )


def pinned_first(posts: Iterable[Post]) -> list[Post]:
    """The main listing's order: pinned posts (`pin: true`, as in Material's blog) newest first, then the others
    newest first. Tag, series and archive pages and feeds keep `newest_first`."""
    ordered = newest_first(posts)
    return [post for post in ordered if post.pinned] + [post for post in ordered if not post.pinned]


def order_episodes(posts: list[Post]) -> tuple[list[Post], str]:
    """Explicit `series_order`, else title numbers when every episode has one, else date (oldest first).

    Ties fall back to a natural sort of the title, then the source path. The second value says which
    ordered them: "number" or "date".
    """
    numbers = {id(p): p.series_order if p.series_order is not None else episode_number(p.title) for p in posts}
    numbered = all(n is not None for n in numbers.values())

    def key(post: Post) -> tuple:
        explicit = post.series_order
        rank = explicit if explicit is not None else (numbers[id(post)] if numbered else None)
        when = post.date or date.max  # impossible dates go last
        return (rank is None, rank or 0, when, natural_key(post.title), post.src_uri)

    ordered = sorted(posts, key=key)
    return ordered, "number" if numbered or any(p.series_order is not None for p in posts) else "date"

"""The year archive: which years have posts, and where their pages go (`archive.url`).

Pure: no MkDocs, no I/O, nothing confined here (`listing.Listing._plan_archive` confines
and claims the pages as it does every generated page).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .ordering import newest_first
from .posts import Post

FIELDS = ("year",)  # the fields of `archive.url`, every one required
YEAR = "{year}"


@dataclass(frozen=True)
class Year:
    """One year of the archive: its posts, newest first."""

    year: int
    posts: list[Post]

    @property
    def name(self) -> str:
        return f"{self.year:04d}"


def years(posts: Iterable[Post]) -> list[Year]:
    """The years that have posts, newest first, each with its posts newest first (`ordering.newest_first`).

    A post's year is its date's (the UTC day shown on it); a post without a valid date is in no year.
    """
    found: list[Year] = []
    for post in newest_first(posts):
        if post.date is None:
            continue
        if not found or found[-1].year != post.date.year:
            found.append(Year(post.date.year, []))
        found[-1].posts.append(post)
    return found


def year_folder(pattern: str, year: Year) -> str:
    """The folder of a year's first page, before confinement: `archive/{year}/` gives `archive/2025/`."""
    return pattern.format(year=year.name).lstrip("/")


def index_folder(pattern: str) -> str:
    """The folder of the index of years: the fixed part of the pattern before `{year}`'s segment ("" when none)."""
    head = pattern.split(YEAR, 1)[0]
    return head[: head.rfind("/") + 1].lstrip("/") if "/" in head else ""

"""The year (or month) archive: which years or months have posts, and where their pages go (`archive.url`).

`archive.url` contains `{year}`, and may contain `{month}` too (`archive/{year}/{month}/`): then there is a page per
month that has posts. A period's title is its date in the site's language, through Babel (`archive.date_format`,
a CLDR pattern as Material's `archive_date_format`; by default `yyyy`, or `LLLL yyyy` for months: "mars 2025").

Pure: no MkDocs, no I/O, nothing confined here (`listing.Listing._plan_archive` confines
and claims the pages as it does every generated page).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from .ordering import newest_first
from .posts import Post

FIELDS = ("year", "month")  # the fields of `archive.url`
REQUIRED = ("year",)  # of which these are required
YEAR = "{year}"
MONTH = "{month}"
YEAR_FORMAT, MONTH_FORMAT = "yyyy", "LLLL yyyy"  # the default titles of a year's and a month's pages


@dataclass(frozen=True)
class Year:
    """One year of the archive: its posts, newest first."""

    year: int
    posts: list[Post]
    month: int | None = None  # a month's page, when `archive.url` has `{month}`

    @property
    def name(self) -> str:
        """`2025`, or `2025-03` for a month: the machine-readable period (`<time datetime>`), for messages."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def title(self, locale: str, pattern: str = "") -> str:
        """The period in the site's language (Babel): `2025`, `mars 2025`; `pattern` is a CLDR date pattern."""
        default = YEAR_FORMAT if self.month is None else MONTH_FORMAT
        try:
            return format_date(date(self.year, self.month or 1, 1), format=pattern or default, locale=locale)
        except (ValueError, TypeError, LookupError):
            return format_date(date(self.year, self.month or 1, 1), format=default, locale=locale)


def by_month(pattern: str) -> bool:
    """Whether `archive.url` makes a page per month."""
    return MONTH in pattern


def years(posts: Iterable[Post], months: bool = False) -> list[Year]:
    """The years (or months) that have posts, newest first, each with its posts newest first (`newest_first`).

    A post's year is its date's (the UTC day shown on it); a post without a valid date is in no year.
    """
    found: list[Year] = []
    for post in newest_first(posts):
        if post.date is None:
            continue
        month = post.date.month if months else None
        if not found or (found[-1].year, found[-1].month) != (post.date.year, month):
            found.append(Year(post.date.year, [], month))
        found[-1].posts.append(post)
    return found


def year_folder(pattern: str, year: Year) -> str:
    """The folder of a year's first page, before confinement: `archive/{year}/` gives `archive/2025/`."""
    month = f"{year.month:02d}" if year.month is not None else ""
    return pattern.format(year=f"{year.year:04d}", month=month).lstrip("/")


def index_folder(pattern: str) -> str:
    """The folder of the index: the fixed part of the pattern before the first field's segment ("" when none)."""
    head = pattern.split("{", 1)[0]
    return head[: head.rfind("/") + 1].lstrip("/") if "/" in head else ""

"""Series: posts sharing a `series` value, in the order a reader should watch them.

Pure data: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from .ordering import first_by_path, natural_key, order_episodes
from .posts import Post
from .slugs import SlugMap, clash_message

# The episode list of a series box (`series_box.html`): the whole series up to `WHOLE` episodes (a season);
# beyond, the `WINDOW` episodes around the one shown. Listing every episode on every episode makes the site
# quadratic in size and build time (issue 6); the series page lists them all.
WHOLE = 15
WINDOW = 9


@dataclass
class Series:
    """One series and its episodes, in reading order."""

    name: str
    slug: str
    posts: list[Post] = field(default_factory=list)
    ordered_by: str = "date"  # "number" or "date"
    dates_disagree: bool = False
    _positions: tuple[tuple[int, int], dict[int, int]] = field(
        default=((0, -1), {}), init=False, repr=False, compare=False
    )

    @property
    def first_date(self) -> date | None:
        return min((p.date for p in self.posts if p.date), default=None)

    @property
    def last_date(self) -> date | None:
        return max((p.date for p in self.posts if p.date), default=None)

    def position(self, post: Post) -> int:
        """1-based position of `post` in the series."""
        # Indexed once per episode list: a scan per episode made long series quadratic (issue 6).
        key = (id(self.posts), len(self.posts))
        if self._positions[0] != key:
            self._positions = (key, {id(p): i for i, p in enumerate(self.posts, start=1)})
        return self._positions[1][id(post)]

    def window(self, n: int) -> tuple[int, int]:
        """`(first, count)`: the 0-based index of the first episode a box of episode `n` lists, and how many."""
        total = len(self.posts)
        count = total if total <= WHOLE else WINDOW
        return max(min(n - 1 - count // 2, total - count), 0), count


def series_slugs(posts: list[Post]) -> SlugMap:
    """The slug of every series name of `posts`."""
    return SlugMap(post.series for post in posts if post.series)


def build_series(posts: list[Post], slugs: SlugMap | None = None) -> list[Series]:
    """Group posts by series and order each group.

    `slugs` (made by `series_slugs` when not given) decides which names share a
    series: spellings that differ in case, accents or separators only.
    """
    slugs = series_slugs(posts) if slugs is None else slugs
    groups: dict[str, list[Post]] = {}
    for post in posts:
        if post.series:
            groups.setdefault(slugs[post.series], []).append(post)
    result = []
    for slug, members in groups.items():
        series = Series(name=_most_common_spelling(p.series or "" for p in members), slug=slug)
        series.posts, series.ordered_by = order_episodes(members)
        series.dates_disagree = series.ordered_by == "number" and not _dates_ascending(series.posts)
        result.append(series)
    return sorted(result, key=lambda s: (natural_key(s.name), s.slug))


def series_clash_warnings(
    series: list[Series], slugs: SlugMap, where: Callable[[Post], str], url: Callable[[str], str]
) -> list[str]:
    """One warning for each series moved off the slug it shares with another name (see `slugs.SlugMap`).

    `where(post)` gives the `file:line` of a post's series, `url(slug)` the URL of a series page.
    """
    by_slug = {one.slug: one for one in series}

    def describe(slug: str) -> tuple[str, str, str]:
        one = by_slug[slug]
        return one.name, where(first_by_path(one.posts)), url(slug)

    return [clash_message("series", clash, describe) for clash in slugs.clashes]


def _dates_ascending(posts: list[Post]) -> bool:
    dates = [p.date for p in posts if p.date]
    return all(a <= b for a, b in pairwise(dates))


def _most_common_spelling(names: object) -> str:
    counts = Counter(names)  # type: ignore[arg-type]
    return min(counts, key=lambda name: (-counts[name], name))

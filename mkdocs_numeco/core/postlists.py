"""`{% posts tag="…" series="…" limit=3 %}`: the newest matching posts, as the listing's cards, in any page.

Pure: no MkDocs, no I/O. The MkDocs adapter makes one `PostIndex` per build (every post is
read in `on_files`, before any page converts) and gives each page a `PostLists` with links
relative to it; the Markdown extension (Zensical) has no index, and the shortcode says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .ordering import newest_first
from .posts import Post
from .slugs import identity

DEFAULT_LIMIT = 3
# More cards than this in one list would let a page of shortcodes multiply the site's posts.
MAX_LIMIT = 50
KEYS = ("tag", "series", "limit")
EXAMPLE = '{% posts tag="Vidéo" limit=3 %}'


@dataclass(frozen=True)
class Query:
    """Which posts a `{% posts %}` lists: all, or those of a tag and/or a series; at most `limit`."""

    tag: str | None = None
    series: str | None = None
    limit: int = DEFAULT_LIMIT


def read_query(keywords: dict[str, str], rest: str) -> tuple[Query, list[str]]:
    """The query of a `{% posts %}`'s arguments, and what to tell the author about the others."""
    problems = []
    if rest:
        problems.append(f"'{rest[:40]}' is not an argument of {{% posts %}} (write key=\"value\"): it is ignored")
    unknown = sorted(set(keywords) - set(KEYS))
    if unknown:
        problems.append(f"{{% posts %}} has no argument {', '.join(unknown)} (only tag, series, limit): ignored")
    limit, why = _limit(keywords.get("limit"))
    if why:
        problems.append(why)
    tag, series = keywords.get("tag", "").strip() or None, keywords.get("series", "").strip() or None
    return Query(tag, series, limit), problems


def _limit(value: str | None) -> tuple[int, str]:
    if value is None:
        return DEFAULT_LIMIT, ""
    number = int(value) if value.isascii() and value.isdigit() else 0
    if number < 1:
        return DEFAULT_LIMIT, f"limit={value[:20]} is not a whole number of posts: {DEFAULT_LIMIT} posts are listed"
    if number > MAX_LIMIT:
        return MAX_LIMIT, f"limit={number} is more than {MAX_LIMIT}: {MAX_LIMIT} posts are listed; link to the listing"
    return number, ""


class PostIndex:
    """Every post of a build newest first, listed under each (tag, series) it matches, `None` meaning any:
    a `{% posts %}` is one lookup, never a scan. Names are compared as their pages do (`slugs.identity`)."""

    def __init__(self, posts: Iterable[Post]) -> None:
        self.lists: dict[tuple[str | None, str | None], list[Post]] = {}
        for post in newest_first(posts):
            series = (None, identity(post.series)) if post.series else (None,)
            tags = (None, *dict.fromkeys(identity(name) for name in post.tags))
            for key in {(tag, one) for tag in tags for one in series}:
                self.lists.setdefault(key, []).append(post)
        self.tags = {None} | {tag for tag, _ in self.lists}
        self.series = {None} | {one for _, one in self.lists}

    def select(self, query: Query) -> tuple[list[Post], str]:
        """The newest posts matching `query`, and why there are none when a tag or series is unknown."""
        tag = identity(query.tag) if query.tag is not None else None
        series = identity(query.series) if query.series is not None else None
        if tag not in self.tags:
            return [], f"no post has the tag '{(query.tag or '')[:60]}'"
        if series not in self.series:
            return [], f"no post is in the series '{(query.series or '')[:60]}'"
        return self.lists.get((tag, series), [])[: query.limit], ""


@dataclass(frozen=True)
class PostLists:
    """What a page's `{% posts %}` need: the build's index, a `listing.Linker` for links relative to the page,
    and the build's `render.Renderer` (its labels and date format, as the listing's)."""

    index: PostIndex
    link: Any
    renderer: Any

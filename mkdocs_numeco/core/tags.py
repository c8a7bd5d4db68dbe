"""Tags and listings: which posts each tag holds (newest first, see `ordering`), and pagination.

Pure data: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .ordering import first_by_path, newest_first, sort_key
from .posts import Post
from .slugs import SlugMap, clash_message

T = TypeVar("T")
# Tags a post's card (on listings, tag and series pages) and its entry in a tag or series feed show;
# the post's own page and the site feed show them all. Listing every tag of a post on the page of
# each of its tags made one post carrying N tags cost N x N (issue 12).
SHOWN_TAGS = 8


@dataclass
class Tag:
    """One tag page: every spelling that folds to `slug`, and its posts."""

    slug: str
    name: str = ""
    spellings: Counter[str] = field(default_factory=Counter)
    posts: list[Post] = field(default_factory=list)
    first_use: dict[str, Post] = field(default_factory=dict)  # spelling -> first post by path that writes it


def tag_slugs(posts: list[Post]) -> SlugMap:
    """The slug of every tag name of `posts`."""
    return SlugMap(name for post in posts for name in post.tags)


def build_tags(posts: list[Post], slugs: SlugMap | None = None) -> list[Tag]:
    """Tags in French alphabetical order, each with its posts newest first.

    `slugs` (made by `tag_slugs` when not given) decides which names share a tag.
    """
    slugs = tag_slugs(posts) if slugs is None else slugs
    by_slug: dict[str, Tag] = {}
    for post in posts:
        for name in post.tags:
            slug = slugs[name]
            tag = by_slug.get(slug)
            if tag is None:
                tag = by_slug[slug] = Tag(slug=slug)
            tag.spellings[name] += 1
            if not tag.posts or tag.posts[-1] is not post:
                tag.posts.append(post)
            first = tag.first_use.get(name)
            if first is None or post.src_uri < first.src_uri:
                tag.first_use[name] = post
    for tag in by_slug.values():
        tag.name = min(tag.spellings, key=lambda s: (-tag.spellings[s], sort_key(s)))
        tag.posts = newest_first(tag.posts)
    return sorted(by_slug.values(), key=lambda t: (sort_key(t.name), t.slug))


def merged_spellings(tags: list[Tag]) -> list[Tag]:
    """Tags written in several ways that share one page."""
    return [tag for tag in tags if len(tag.spellings) > 1]


def paginate(items: list[T], per_page: int) -> list[list[T]]:
    """Split into pages of `per_page`; an empty list still has one (empty) page."""
    size = max(1, per_page)
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def spellings_warning(tag: Tag, where: Callable[[Post], str]) -> str:
    """One warning for a tag written several ways: each spelling with the `file:line` of its first use.

    The warning starts at the first place that differs from the spelling shown,
    which is where the author has something to change.
    """
    ordered = sorted(tag.spellings, key=lambda s: (sort_key(s), s))
    listed = ", ".join(f"'{name}' ({where(tag.first_use[name])})" for name in ordered)
    to_fix = first_by_path(tag.first_use[n] for n in ordered if n != tag.name)
    return (
        f"{where(to_fix)}: tags {listed} all fold to the slug '{tag.slug}' and share one page, shown as"
        f" '{tag.name}': write them all the same way"
    )


def tag_clash_warnings(
    tags: list[Tag], slugs: SlugMap, where: Callable[[Post], str], url: Callable[[str], str]
) -> list[str]:
    """One warning for each tag moved off the slug it shares with another name (see `slugs.SlugMap`).

    `where(post)` gives the `file:line` of a post's tags, `url(slug)` the URL of a tag's page.
    """
    by_slug = {tag.slug: tag for tag in tags}

    def describe(slug: str) -> tuple[str, str, str]:
        tag = by_slug[slug]
        return tag.name, where(first_by_path(tag.first_use.values())), url(slug)

    return [clash_message("tags", clash, describe) for clash in slugs.clashes]

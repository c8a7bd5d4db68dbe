"""Tags and listings: which posts each tag holds, newest first, and pagination.

Pure data: no I/O, no MkDocs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .posts import Post
from .series import natural_key
from .slugs import slugify, sort_key

T = TypeVar("T")


@dataclass
class Tag:
    """One tag page: every spelling that folds to `slug`, and its posts."""

    slug: str
    name: str = ""
    spellings: Counter[str] = field(default_factory=Counter)
    posts: list[Post] = field(default_factory=list)


def newest_first(posts: list[Post]) -> list[Post]:
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


def build_tags(posts: list[Post]) -> list[Tag]:
    """Tags in French alphabetical order, each with its posts newest first."""
    by_slug: dict[str, Tag] = {}
    for post in posts:
        for name in post.tags:
            tag = by_slug.setdefault(slugify(name), Tag(slug=slugify(name)))
            tag.spellings[name] += 1
            if not tag.posts or tag.posts[-1] is not post:
                tag.posts.append(post)
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
    first_use = {name: min((p for p in tag.posts if name in p.tags), key=lambda p: p.src_uri) for name in tag.spellings}
    ordered = sorted(tag.spellings, key=lambda s: (sort_key(s), s))
    listed = ", ".join(f"'{name}' ({where(first_use[name])})" for name in ordered)
    to_fix = min((first_use[n] for n in ordered if n != tag.name), key=lambda p: p.src_uri)
    return (
        f"{where(to_fix)}: tags {listed} all fold to the slug '{tag.slug}' and share one page, shown as"
        f" '{tag.name}': write them all the same way"
    )

"""Which pages an edit made stale, from one build to the next of the same `mkdocs serve` (`--dirty`).

MkDocs' `--dirty` re-renders a page only when its own source file changed. A post's
page also shows other posts: its series box names every episode (title, link,
position) and a `{% posts %}` list shows cards. So when a post's title, date,
series or URL changes, the other episodes of its series (the one it left and the
one it joined) are stale too, and every page with a `{% posts %}` list is stale
as soon as any post changed at all (a card also shows the post's excerpt).

Pure: a `Snapshot` is what one build knew; `stale_pages` compares two. Linear in
the number of posts: each post names its series, not its neighbours.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from .posts import Post
from .series import Series


def shown(post: Post) -> tuple[Hashable, ...]:
    """What the series box of the other episodes shows of `post`, or orders them by, comparable between
    builds (`templates/series_box.html`). Cards show more; their pages are stale at any change."""
    return (post.url, post.title, post.published, post.date, post.series, post.series_order, post.draft)


@dataclass
class Snapshot:
    """What one build knew of its posts: what others show of each, its source and its series."""

    shown: dict[str, tuple[Hashable, ...]] = field(default_factory=dict)  # src_uri -> `shown(post)`
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> hash of the post's source
    series_of: dict[str, str] = field(default_factory=dict)  # src_uri -> its series' slug
    episodes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # series slug -> its episodes' src_uri

    @classmethod
    def of(cls, posts: Iterable[Post], series: Iterable[Series], sources: dict[str, str]) -> Snapshot:
        snapshot = cls(sources=dict(sources))
        snapshot.shown = {post.src_uri: shown(post) for post in posts}
        for one in series:
            snapshot.episodes[one.slug] = tuple(post.src_uri for post in one.posts)
            for post in one.posts:
                snapshot.series_of[post.src_uri] = one.slug
        return snapshot


def stale_pages(before: Snapshot, now: Snapshot, listers: Iterable[str] = ()) -> set[str]:
    """The pages (src_uri) whose rendering shows something of a post that changed between the two builds;
    `listers` are the pages with a `{% posts %}` list, stale when any post changed at all.

    A page edited itself is not listed for that reason (MkDocs sees its new time); it is
    when it is the neighbour of a changed one, which is harmless.
    """
    uris = before.shown.keys() | now.shown.keys()
    changed = {uri for uri in uris if before.shown.get(uri) != now.shown.get(uri)}
    stale = _episodes_of(changed, before) | _episodes_of(changed, now)
    if changed or any(before.sources.get(uri) != now.sources.get(uri) for uri in uris):
        stale.update(listers)
    return stale


def _episodes_of(changed: set[str], snapshot: Snapshot) -> set[str]:
    """Every episode of the series, in `snapshot`, of the posts in `changed`; each series listed once."""
    slugs = {snapshot.series_of[uri] for uri in changed if uri in snapshot.series_of}
    return {uri for slug in slugs for uri in snapshot.episodes.get(slug, ())}

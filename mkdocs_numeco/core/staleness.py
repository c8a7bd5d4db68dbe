"""Which pages an edit made stale, from one build to the next of the same `mkdocs serve` (`--dirty`).

MkDocs' `--dirty` re-renders a page only when its own source file changed. A post's
page also shows other posts: its series box names every episode (title, link,
position) and a `{% posts %}` list shows cards. So when a post's title, date,
series or URL changes, the other episodes of its series (the one it left and the
one it joined) are stale too, and every page with a `{% posts %}` list is stale
as soon as any post changed at all (a card also shows the post's excerpt).

When only an episode's title or URL changed and its series kept its episodes and
their order, only the boxes that show it are stale: in a series of more than
`WHOLE` episodes, a box lists the ones around its own, none further than `REACH`
(`templates/series_box.html`). A site that overrides that template gets every
episode re-rendered (`reach=None`): its box may show more.

Pure: a `Snapshot` is what one build knew; `stale_pages` compares two. Linear in
the number of posts: each post names its series, not its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from .posts import Post
from .series import Series

# templates/series_box.html: a series of up to `whole` (15) episodes is listed whole in every box; a longer
# one, by the `window` (9) episodes around the box's own: none further than 8 away. Its previous/next are 1 away.
WHOLE = 15
REACH = 8


class Shown(NamedTuple):
    """What the series box of the other episodes shows of a post, or orders them by
    (`templates/series_box.html`). Cards show more; their pages are stale at any change."""

    url: str
    title: str
    published: datetime | None
    date: date | None
    series: str | None
    series_order: int | None
    draft: bool


def shown(post: Post) -> Shown:
    return Shown(post.url, post.title, post.published, post.date, post.series, post.series_order, post.draft)


@dataclass
class Snapshot:
    """What one build knew of its posts: what others show of each, its source and its series."""

    shown: dict[str, Shown] = field(default_factory=dict)  # src_uri -> `shown(post)`
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> hash of the post's source
    series_of: dict[str, str] = field(default_factory=dict)  # src_uri -> its series' slug
    episodes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # series slug -> its episodes' src_uri
    positions: dict[str, int] = field(default_factory=dict)  # src_uri -> its index in its series

    @classmethod
    def of(cls, posts: Iterable[Post], series: Iterable[Series], sources: dict[str, str]) -> Snapshot:
        snapshot = cls(sources=dict(sources))
        snapshot.shown = {post.src_uri: shown(post) for post in posts}
        for one in series:
            snapshot.episodes[one.slug] = tuple(post.src_uri for post in one.posts)
            for position, post in enumerate(one.posts):
                snapshot.series_of[post.src_uri] = one.slug
                snapshot.positions[post.src_uri] = position
        return snapshot


def stale_pages(before: Snapshot, now: Snapshot, listers: Iterable[str] = (), reach: int | None = REACH) -> set[str]:
    """The pages (src_uri) whose rendering shows something of a post that changed between the two builds;
    `listers` are the pages with a `{% posts %}` list, stale when any post changed at all.

    A page edited itself is not listed for that reason (MkDocs sees its new time); it is
    when it is the neighbour of a changed one, which is harmless.
    """
    uris = before.shown.keys() | now.shown.keys()
    changed = {uri for uri in uris if before.shown.get(uri) != now.shown.get(uri)}
    in_place = {uri for uri in changed if _kept_place(uri, before, now)}
    moved = changed - in_place
    stale = _around(in_place, now, reach) | _episodes_of(moved, before) | _episodes_of(moved, now)
    if changed or any(before.sources.get(uri) != now.sources.get(uri) for uri in uris):
        stale.update(listers)
    return stale


def _episodes_of(changed: set[str], snapshot: Snapshot) -> set[str]:
    """Every episode of the series, in `snapshot`, of the posts in `changed`; each series listed once."""
    slugs = {snapshot.series_of[uri] for uri in changed if uri in snapshot.series_of}
    return {uri for slug in slugs for uri in snapshot.episodes.get(slug, ())}


def _kept_place(uri: str, before: Snapshot, now: Snapshot) -> bool:
    """Whether the post is where it was, in a series that kept its name, episodes and order."""
    slug = now.series_of.get(uri)
    return (
        slug is not None
        and before.series_of.get(uri) == slug
        and before.shown[uri].series == now.shown[uri].series
        and before.episodes[slug] == now.episodes[slug]
    )


def _around(changed: set[str], snapshot: Snapshot, reach: int | None) -> set[str]:
    """The episodes whose box shows one of `changed` (each in a series of `snapshot`)."""
    whole = {snapshot.series_of[uri] for uri in changed}
    if reach is not None:
        whole = {slug for slug in whole if len(snapshot.episodes[slug]) <= WHOLE}
    stale = {uri for slug in whole for uri in snapshot.episodes[slug]}
    for uri in changed:
        episodes = snapshot.episodes[snapshot.series_of[uri]]
        if reach is not None and len(episodes) > WHOLE:
            at = snapshot.positions[uri]
            stale.update(episodes[max(0, at - reach) : at + reach + 1])
    return stale

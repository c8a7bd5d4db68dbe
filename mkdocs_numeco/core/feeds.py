"""Feeds: Atom 1.0 for the site, for each series and for each tag; JSON Feed 1.1 for the site.

Pure: posts and absolute URLs in, feed documents out; no MkDocs, no I/O.
Atom is written by `feedgen` (a feed library, so escaping and required
elements are its job); JSON Feed is a plain `dict` given to `json`.

An entry carries what `feedhtml` made of the post's HTML: the whole post
(`feeds.content: full`) or its excerpt; without either, its description.

Every date comes from the posts themselves, never from the clock, so two
builds of the same sources give byte-identical feeds.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from types import SimpleNamespace

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from . import urls
from .ordering import newest_first
from .places import Places
from .posts import Post
from .series import Series
from .tags import SHOWN_TAGS, Tag

ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class Channel:
    """What every feed of the site repeats: who publishes, where, in which language."""

    site_url: str  # absolute, ends with "/"
    title: str
    description: str
    language: str
    author: str


@dataclass(frozen=True)
class Feed:
    """One feed file to write, and the posts it holds (newest first, already limited)."""

    kind: str  # "site", "series" or "tag"
    slug: str  # "" for the site feed
    name: str  # series or tag name; "" for the site feed
    path: str  # site-relative: "feed.xml", "series/<slug>/feed.xml"
    posts: tuple[Post, ...]
    page_prefix: str | None = None  # src_uri prefix of the pages this feed follows ("series/<slug>/")
    json_path: str | None = None  # "feed.json" for the site feed only

    def title(self, channel: Channel) -> str:
        return f"{self.name} – {channel.title}" if self.name else channel.title


@dataclass(frozen=True)
class Entry:
    """One post as a feed shows it: every URL absolute."""

    url: str
    title: str
    summary: str
    published: datetime
    tags: tuple[str, ...] = ()
    image: str | None = None
    content: str | None = None  # the whole post as HTML, every URL absolute (`feeds.content: full`)
    excerpt: str | None = None  # the text before `<!-- more -->` as HTML, every URL absolute
    authors: tuple[str, ...] = ()  # the names of the post's authors; none: the feed's author
    updated: datetime | None = None  # when it was last updated, if later than `published`


@dataclass(frozen=True)
class Html:
    """A post's HTML for its feed entries (`feedhtml`): the whole post and its excerpt, when known."""

    content: str | None = None
    excerpt: str | None = None


NO_HTML = Html()


@dataclass
class FeedPlan:
    """Which feeds to write; `for_page` tells which ones a page links in its head.

    `topics` maps a post's src_uri to the (kind, slug) of its series and tags, as
    `plan_feeds` found them in the `Tag` and `Series` objects (whose slugs come
    from the build's `SlugMap`): no name is slugged again here.
    """

    feeds: list[Feed] = field(default_factory=list)
    # (feed, the same at an earlier path): written there too (`redirects`), never linked
    copies: list[tuple[Feed, Feed]] = field(default_factory=list)
    topics: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def for_page(self, src_uri: str, post: Post | None) -> list[Feed]:
        """The site feed everywhere; a series or tag feed on its own pages and on its posts.

        A post links its tag's feed even when it is too old to be in it: the
        reader wants what comes next on that topic. Looked up in indexes, not
        by testing every feed: a site with N tags has N tag pages and N feeds.
        """
        everywhere, by_topic, by_prefix = self._indexes
        found = set(everywhere)
        found.update(by_prefix[prefix] for prefix in _folders(src_uri) if prefix in by_prefix)
        mine = self.topics.get(post.src_uri, []) if post is not None else []
        found.update(by_topic[topic] for topic in mine if topic in by_topic)
        return [self.feeds[position] for position in sorted(found)]

    def members(self) -> set[str]:
        """The src_uri of every post in at least one feed: the only ones whose HTML a feed needs."""
        return {post.src_uri for feed in self.feeds for post in feed.posts}

    @cached_property
    def _indexes(self) -> tuple[list[int], dict[tuple[str, str], int], dict[str, int]]:
        """Positions of the site feeds, and of each series and tag feed by (kind, slug) and by its pages' folder.

        Made on the first call, when `plan_feeds` has planned every feed.
        """
        everywhere = [n for n, feed in enumerate(self.feeds) if feed.kind == "site"]
        by_topic = {(feed.kind, feed.slug): n for n, feed in enumerate(self.feeds) if feed.kind != "site"}
        by_prefix = {feed.page_prefix: n for n, feed in enumerate(self.feeds) if feed.page_prefix}
        return everywhere, by_topic, by_prefix


def _folders(src_uri: str) -> list[str]:
    """Every folder `src_uri` lies in, each ending with '/': 'tags/a/page/2/index.md' -> 'tags/', 'tags/a/', …"""
    parts = src_uri.split("/")[:-1]
    return ["/".join(parts[: n + 1]) + "/" for n in range(len(parts))]


def dated(posts: Sequence[Post]) -> list[Post]:
    """Newest first, leaving out posts without a valid date (a feed entry must have one)."""
    return [post for post in newest_first(list(posts)) if post.published is not None]


def plan_feeds(
    posts: Sequence[Post],
    tags: Sequence[Tag],
    series: Sequence[Series],
    *,
    site: bool = True,
    with_series: bool = True,
    with_tags: bool = True,
    series_dir: str = "series",
    tags_dir: str = "tags",
    limit: int = 20,
    places: Places | None = None,
) -> FeedPlan:
    """Decide every feed of the site; feeds without a dated post are left out.

    Paths come from `places` (the URL patterns); without it, from `series_dir` and `tags_dir`.
    """
    if places is None:
        places = Places(_dirs(series_dir, tags_dir))

    def cut(members: Sequence[Post]) -> tuple[Post, ...]:
        chosen = dated(members)
        return tuple(chosen[:limit] if limit > 0 else chosen)

    plan = FeedPlan()
    if site and cut(posts):
        site_feed = Feed("site", "", "", places.feed_site.at(), cut(posts), json_path=places.feed_json.at())
        plan.feeds.append(site_feed)
    groups: list[tuple[str, Places.Topic, Sequence[Series] | Sequence[Tag]]] = []
    if with_series:
        groups.append(("series", places.series_topic, series))
    if with_tags:
        groups.append(("tag", places.tag_topic, tags))
    for kind, (page, feed_path), items in groups:
        for item in items:
            for post in item.posts:
                plan.topics.setdefault(post.src_uri, []).append((kind, item.slug))
            members = cut(item.posts)
            if members:
                prefix = posixpath.join(page.at(slug=item.slug).strip("/"), "")
                path = feed_path.at(slug=item.slug)
                plan.feeds.append(Feed(kind, item.slug, item.name, path, members, page_prefix=prefix))
    return plan


def at_places(feed: Feed, places: Places) -> Feed | None:
    """`feed` at the paths `places` give it, or None when they are where it already is."""
    if feed.kind == "site":
        path, json_path = places.feed_site.at(), places.feed_json.at()
    else:
        path, json_path = (places.feed_tag if feed.kind == "tag" else places.feed_series).at(slug=feed.slug), None
    if path == feed.path:
        return None
    return replace(feed, path=path, json_path=json_path if feed.json_path and json_path != feed.json_path else None)


def _dirs(series_dir: str, tags_dir: str) -> SimpleNamespace:
    """Options as `Places` reads them, with only the two folders."""
    return SimpleNamespace(
        series=SimpleNamespace(dir=series_dir), tags=SimpleNamespace(dir=tags_dir), feeds=SimpleNamespace()
    )


def make_entry(post: Post, url: str, image: str | None, html: Html = NO_HTML) -> Entry:
    """The feed view of a post whose page URL and image URL are already absolute.

    The entry keeps the post's time of day and the offset its author wrote.
    """
    assert post.published is not None, "plan_feeds keeps dated posts only"
    return Entry(
        url=url,
        title=post.title,
        summary=post.description,
        published=post.published,
        tags=tuple(post.tags),
        image=image,
        content=html.content,
        excerpt=html.excerpt,
        authors=tuple(author.name for author in post.authors),
        updated=post.updated,
    )


def atom(feed: Feed, entries: Sequence[Entry], channel: Channel, page_url: str) -> bytes:
    """The Atom 1.0 document of `feed`; `page_url` is the HTML page it follows."""
    gen = FeedGenerator()
    gen.load_extension("media", atom=True, rss=False)
    feed_url = urls.absolute(channel.site_url, feed.path)
    gen.id(feed_url)
    gen.title(feed.title(channel))
    if channel.description:
        gen.subtitle(channel.description)
    gen.language(channel.language)
    gen.author({"name": channel.author})
    gen.link(href=page_url, rel="alternate", type="text/html")
    gen.link(href=feed_url, rel="self", type=ATOM)
    gen.updated(max(entry.updated or entry.published for entry in entries))
    for item in entries:
        # feedgen prepends by default; appending keeps our newest-first order.
        _atom_entry(gen.add_entry(order="append"), item, _categories(feed, item))
    return gen.atom_str(pretty=True)


def _atom_entry(node: FeedEntry, item: Entry, categories: tuple[str, ...]) -> None:
    """One Atom entry: the whole post as `<content>` (full feeds), else the excerpt or description as `<summary>`."""
    node.id(item.url)
    node.title(item.title)
    node.link(href=item.url, rel="alternate", type="text/html")
    node.published(item.published)
    node.updated(item.updated or item.published)
    _atom_text(node, item)
    if item.authors:
        node.author([{"name": name} for name in item.authors])
    if categories:
        # One call: feedgen rebuilds its whole category list on each one.
        node.category([{"term": tag, "label": tag} for tag in categories])
    if item.image:
        node.media.thumbnail(url=item.image)


def _atom_text(node: FeedEntry, item: Entry) -> None:
    """The whole post as `<content>` (full feeds), else the excerpt or description as `<summary>`."""
    if item.content:
        node.content(item.content, type="html")
    if item.excerpt and not item.content:
        node.summary(item.excerpt, type="html")
    elif item.summary:
        node.summary(item.summary)


def json_feed(feed: Feed, entries: Sequence[Entry], channel: Channel, page_url: str) -> str:
    """The JSON Feed 1.1 document of `feed` (https://www.jsonfeed.org/version/1.1/)."""
    document: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title(channel),
        "home_page_url": page_url,
        "feed_url": urls.absolute(channel.site_url, feed.json_path or feed.path),
        "language": channel.language,
        "authors": [{"name": channel.author}],
        "items": [_json_item(item, _categories(feed, item)) for item in entries],
    }
    if channel.description:
        document["description"] = channel.description
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _categories(feed: Feed, item: Entry) -> tuple[str, ...]:
    """The site feed gives each entry all its tags; a tag or series feed, the first `SHOWN_TAGS`.

    Each of a post's N tag feeds listing all N tags made one post carrying many tags quadratic.
    """
    return item.tags if feed.kind == "site" else item.tags[:SHOWN_TAGS]


def _json_item(item: Entry, categories: tuple[str, ...]) -> dict[str, object]:
    # An item needs content_html or content_text: the post, else its excerpt, else its description.
    html = item.content or item.excerpt
    data: dict[str, object] = {"id": item.url, "url": item.url, "title": item.title}
    if html:
        data["content_html"] = html
    else:
        data["content_text"] = item.summary or item.title
    data["date_published"] = item.published.isoformat()
    if item.summary:
        data["summary"] = item.summary
    if item.image:
        data["image"] = item.image
    if item.updated:
        data["date_modified"] = item.updated.isoformat()
    if item.authors:
        data["authors"] = [{"name": name} for name in item.authors]
    if categories:
        data["tags"] = list(categories)
    return data


def entries_of(
    feed: Feed,
    url_of: Callable[[Post], tuple[str | None, str | None]],
    html_of: Callable[[Post], Html] = lambda _: NO_HTML,
) -> list[Entry]:
    """Entries of `feed`; `url_of(post)` gives the absolute page URL and image URL (or None),
    `html_of(post)` what the entry carries of the post's HTML."""
    entries = []
    for post in feed.posts:
        url, image = url_of(post)
        if url is not None:
            entries.append(make_entry(post, url, image, html_of(post)))
    return entries

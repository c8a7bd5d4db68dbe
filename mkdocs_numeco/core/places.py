"""Where the generated pages and feeds live: the one home of their URL patterns.

The listing, tag, series and "no series" pages and the feeds each have a URL
pattern (`listing.url`, `tags.url`, `feeds.paths.tag`…), with `{slug}` and `{n}`
fields. The older `dir` options are their short form: `tags: {dir: tags}` is
`tags: {url: "tags/{slug}/", index_url: "tags/"}`. `Places` reads both from the
options (the plugin's, or `generate`'s) and answers, for each page or feed, its
site-relative path and the option that sets it (for messages). Nothing here is
confined: the slugs come from authors, so callers pass every path through
`confine` before it names a file.

Pure: no MkDocs, no I/O.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

# The URL patterns of pages and feeds, what each must contain, and the defaults of every release so far.
PAGE_FIELDS = ("n",)
TOPIC_FIELDS = ("slug",)
DEFAULT_DIRS = {"listing": "posts", "tags": "tags", "series": "series"}
DEFAULT_PAGE_URL = "page/{n}/"
DEFAULT_FEEDS = {"site": "feed.xml", "json": "feed.json"}


@dataclass(frozen=True)
class Place:
    """A path pattern and the option that sets it (`tags.url`, or `tags.dir` when that is what was written)."""

    pattern: str
    option: str
    written: str = ""  # the option's value as written, when it isn't `pattern` (a `dir`), for messages

    @property
    def shown(self) -> str:
        return self.written or self.pattern

    def at(self, **fields: Any) -> str:
        """The path for these fields (`slug`, `n`), without a leading `/`."""
        return self.pattern.format_map(fields).lstrip("/")


def dir_url(folder: str, topic: bool) -> str:
    """The URL pattern a `dir` option stands for: `tags` gives `tags/{slug}/`, `posts` gives `posts/`."""
    clean = folder.strip().strip("/")
    parts = [part for part in (clean, "{slug}" if topic else "") if part]
    return "/".join(parts) + "/" if parts else ""


def conflict(section: str, folder: str, url: str | None, topic: bool) -> str | None:
    """Why `dir` and `url` can't both be given as they are, or None (one of them is the default, or they agree)."""
    if url is None or folder.strip().strip("/") == DEFAULT_DIRS[section]:
        return None
    if _folder_of(url) == _folder_of(dir_url(folder, topic)):
        return None
    return (
        f"{section}.dir '{folder}' and {section}.url '{url}' disagree: {section}.url is the newer form of"
        f" {section}.dir; give only {section}.url"
    )


def _folder_of(url: str) -> str:
    return url.strip().strip("/")


def _index_of(url: str) -> str:
    """The folder above the `{slug}` part of a topic pattern: `fr/tags/{slug}/` gives `fr/tags/`."""
    head = url.split("{slug}", 1)[0]
    return head[: head.rfind("/") + 1] if "/" in head else ""


class Places:
    """The paths of every generated page and feed, from the options (read by attribute, with defaults)."""

    # A topic (tag or series): the place of its page and of its feed.
    Topic = tuple[Place, Place]

    def __init__(self, options: Any) -> None:
        self.listing = self._page_section(options, "listing", topic=False)
        self.tag = self._page_section(options, "tags", topic=True)
        self.series = self._page_section(options, "series", topic=True)
        self.tag_index = self._index(options, "tags", self.tag)
        self.series_index = self._index(options, "series", self.series)
        self.listing_page = self._paging(options, "listing")
        self.tag_page = self._paging(options, "tags")
        none = getattr(_part(options, "series"), "none", None)
        self.series_none = Place(none, "series.none") if none else None
        paths = getattr(_part(options, "feeds"), "paths", None)
        self.feed_site = Place(_get(paths, "site") or DEFAULT_FEEDS["site"], "feeds.paths.site")
        self.feed_json = Place(_get(paths, "json") or DEFAULT_FEEDS["json"], "feeds.paths.json")
        self.feed_tag = self._feed(paths, "tag", self.tag)
        self.feed_series = self._feed(paths, "series", self.series)

    @staticmethod
    def _page_section(options: Any, section: str, topic: bool) -> Place:
        part = _part(options, section)
        url = getattr(part, "url", None)
        if url:
            return Place(url, f"{section}.url")
        folder = getattr(part, "dir", None) or DEFAULT_DIRS[section]
        return Place(dir_url(folder, topic), f"{section}.dir", folder)

    @staticmethod
    def _index(options: Any, section: str, topic: Place) -> Place:
        written = getattr(_part(options, section), "index_url", None)
        if written:
            return Place(written, f"{section}.index_url")
        return Place(_index_of(topic.pattern), topic.option, topic.written)

    @staticmethod
    def _paging(options: Any, section: str) -> Place:
        written = getattr(_part(options, section), "page_url", None)
        return Place(written or DEFAULT_PAGE_URL, f"{section}.page_url")

    @staticmethod
    def _feed(paths: Any, kind: str, topic: Place) -> Place:
        written = _get(paths, kind)
        if written:
            return Place(written, f"feeds.paths.{kind}")
        return Place(posixpath.join(topic.pattern, "feed.xml"), topic.option, topic.written)

    # -- what callers ask -----------------------------------------------------------

    @property
    def tag_topic(self) -> Places.Topic:
        return self.tag, self.feed_tag

    @property
    def series_topic(self) -> Places.Topic:
        return self.series, self.feed_series

    @staticmethod
    def paged(first: str, paging: Place, n: int) -> str:
        """The folder of page `n` of a listing whose first page is at `first` (`page_url` is relative to it)."""
        if n == 1:
            return first
        return posixpath.join(first, paging.at(n=n)) if first else paging.at(n=n)

    def listing_pages(self, n: int) -> str:
        return self.paged(self.listing.at(), self.listing_page, n)

    def folders(self) -> list[str]:
        """The fixed folders the generated pages lie in (the part of each pattern before any field)."""
        places = [self.listing, self.tag, self.series, self.tag_index, self.series_index, self.series_none]
        return sorted({_fixed(place.pattern) for place in places if place is not None})


def _fixed(pattern: str) -> str:
    head = pattern.split("{", 1)[0]
    return head[: head.rfind("/") + 1].lstrip("/") if "{" in pattern else pattern.strip("/") + "/"


def _part(options: Any, section: str) -> Any:
    """One section of the options (`options.tags`), or an empty one."""
    return getattr(options, section, None) or SimpleNamespace()


def _get(paths: Any, key: str) -> str | None:
    if paths is None:
        return None
    return paths.get(key) if isinstance(paths, dict) else getattr(paths, key, None)

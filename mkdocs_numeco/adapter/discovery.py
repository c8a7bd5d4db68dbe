"""Discovery for one build: feeds, head links, Open Graph and JSON-LD, and a plain `image`.

The glue between MkDocs and the pure modules `feeds` and `seo`: it turns
docs-relative paths into absolute URLs (from `site_url`) and writes files.
Made anew in `on_config`, like `SiteBuild`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..config import NumecoConfig
from ..core import feeds, head, seo, urls
from ..core.confine import PLUGIN, confine, shown
from ..core.posts import Post, image_parts, image_refusal, resolve_path
from ..core.problems import Problem, located
from ..core.series import Series
from .site import PageRecord, SiteBuild

log = get_plugin_logger(__name__)

POSTER = Path(__file__).parents[1] / "assets" / "poster.png"
POSTER_URI = "assets/numeco/poster.png"


class Discovery:
    """Everything that helps readers, feed readers and search engines find the posts.

    It gets what it needs, not the whole build: the page records, the language,
    and callables for what `on_files` fills in later (docs path to site URL, the
    feed plan, who claimed an output path, titles of generated pages).
    """

    def __init__(
        self,
        options: NumecoConfig,
        config: MkDocsConfig,
        *,
        pages: Mapping[str, PageRecord],
        language: str,
        url_of: Callable[[str], str | None],
        feed_plan: Callable[[], feeds.FeedPlan],
        clash: Callable[[str], str | None],
        generated_title: Callable[[str], str | None],
        series_of: Callable[[str], Series | None] = lambda _: None,
        series_uri: Callable[[Series], str | None] = lambda _: None,
        generated_series: Callable[[str], Series | None] = lambda _: None,
        html_of: Callable[[Post], feeds.Html] = lambda _: feeds.NO_HTML,
    ) -> None:
        self.options = options
        self.config = config
        self.pages = pages
        self.language = language
        self.url_of = url_of
        self.feed_plan = feed_plan
        self.clash = clash
        self.generated_title = generated_title
        self.series_of = series_of  # post src_uri -> its series
        self.series_uri = series_uri  # series -> src_uri of its page, None without one
        self.generated_series = generated_series  # src_uri of a series page -> the series
        self.html_of = html_of  # post -> the HTML its feed entries carry
        self.site_url = config.site_url or ""
        self.poster_used = False
        self._image_urls: dict[str, str | None] = {}  # docs path -> absolute URL: asked by meta, head and feeds
        self._page_urls: dict[str, str | None] = {}  # docs path -> absolute URL of its page
        self._absolutes: dict[str, str] = {}  # site path -> absolute URL (`site_url` is fixed for the build)
        wanted = options.feeds.enabled or options.seo.open_graph or options.seo.structured_data
        if wanted and not self.site_url:
            log.warning(
                "site_url is not set in mkdocs.yml: feeds, Open Graph tags and structured data need absolute"
                " URLs, so they are left out. Add `site_url: https://…/` (the address the site is published at)."
            )

    @classmethod
    def for_site(cls, options: NumecoConfig, config: MkDocsConfig, site: SiteBuild) -> Discovery:
        """Wire a `Discovery` to the parts of `site` it reads; late ones (files, plan, claims) are read when used."""

        def generated_title(src_uri: str) -> str | None:
            generated = site.generated.planned.get(src_uri)
            return generated.title if generated is not None else None

        def generated_series(src_uri: str) -> Series | None:
            generated = site.generated.planned.get(src_uri)
            found = generated.data.get("series") if generated is not None else None
            return found if isinstance(found, Series) else None

        by_post: dict[str, Series] = {}

        def series_of(src_uri: str) -> Series | None:
            if not by_post:  # indexed once, when the first page asks (site.series is filled by on_files)
                by_post.update((post.src_uri, one) for one in site.series for post in one.posts)
            return by_post.get(src_uri)

        return cls(
            options,
            config,
            pages=site.pages,
            language=site.language,
            url_of=lambda docs_path: _url_of(site.files, docs_path),
            feed_plan=lambda: site.feed_plan,
            clash=lambda uri: site.claims.clash(uri, me=PLUGIN),
            generated_title=generated_title,
            series_of=series_of,
            series_uri=lambda one: site.generated.series_uris.get(one.slug),
            generated_series=generated_series,
            html_of=site.html_for_feed,
        )

    # -- on_page_markdown -------------------------------------------------------

    def expose_meta(self, page: Page) -> None:
        """Give other plugins `date` and `image` in the types they expect.

        Our front-matter reader keeps dates as text (to validate them); MkDocs'
        own reader gives a `datetime.date`, which is what mkdocs-rss-plugin and
        Material's blog read, so a post's valid date goes back as one.
        """
        record = self.pages.get(page.file.src_uri)
        if record is not None and record.post is not None and record.post.date is not None and "date" in page.meta:
            page.meta["date"] = record.post.date
        self._expose_image(page)

    def _expose_image(self, page: Page) -> None:
        """Make `page.meta["image"]` a plain URL string; the alternative text goes to `image_alt`.

        Eleventy posts write `image: {path, alt}`. mkdocs-rss-plugin calls
        `.strip()` on `page.meta["image"]` and joins a relative value to
        `site_url` as is, and Material's social card layouts interpolate page
        meta as text: both need one string, so we give the absolute URL.
        An image the URL policy refuses is taken out of the meta (a post's was
        reported when it was read; any other page's is reported here).
        """
        value = page.meta.get("image")
        if value is None:
            return
        path, alt = image_parts(value)
        docs_path = self._page_image(page, path) if path is not None else None
        if docs_path is None:
            page.meta.pop("image")
            return
        if self.site_url:
            page.meta["image"] = self._image_url(docs_path) or docs_path
        else:
            page.meta["image"] = self._site_path(docs_path)
        if alt is not None:
            page.meta["image_alt"] = str(alt)

    def _page_image(self, page: Page, path: str) -> str | None:
        """The docs path or http(s) URL of a page's `image:`; None when the URL policy refuses it."""
        record = self.pages.get(page.file.src_uri)
        if record is not None and record.post is not None:
            return record.post.image
        why = image_refusal(path, "the page has no image until it is fixed")
        if why is not None:
            line = record.front.line_of("image") if record is not None else 1
            log.warning(located(page.file.src_path, Problem(line, why)))
            return None
        return resolve_path(path, page.file.src_uri)

    # -- on_post_page -----------------------------------------------------------

    def decorate_head(self, output: str, page: Page) -> str:
        """Add feed links, Open Graph meta and JSON-LD to the page's head."""
        if not self.site_url:
            return output
        record = self.pages.get(page.file.src_uri)
        post = record.post if record is not None else None
        links = []
        if self.options.feeds.enabled:
            planned = self.feed_plan().for_page(page.file.src_uri, post)
            links = head.feed_links(planned, self.channel, page.url)
        if record is not None and post is not None:
            urls_of_post = self._post_urls(post, record.videos)
            snippet = head.post_head(
                post, record.videos, urls_of_post, self.head_site, links, output, self._episode(post)
            )
        else:
            snippet = self._page_head(page, links)
        return seo.inject_head(output, snippet)

    def _page_head(self, page: Page, links: list[seo.FeedLink]) -> str:
        """The head of a page that is not a post; a series page's lists its episodes."""
        series = self.generated_series(page.file.src_uri)
        return head.page_head(
            title=self._raw_meta(page, "title") or str(page.title or self.config.site_name),
            description=self._raw_meta(page, "description") or self.config.site_description or "",
            url=self._absolute(page.url),
            site=self.head_site,
            links=links,
            series=self._series_parts(series) if series is not None else None,
        )

    def _series_parts(self, series: Series) -> seo.SeriesParts:
        return seo.SeriesParts(series.name, tuple(seo.Part(p.title, self._absolute(p.url)) for p in series.posts))

    def _episode(self, post: Post) -> seo.Episode | None:
        """Where a post stands in its series, with the series page's absolute URL when it has one."""
        series = self.series_of(post.src_uri)
        if series is None:
            return None
        uri = self.series_uri(series)
        return seo.Episode(series.name, self._page_url(uri) if uri else None, series.position(post))

    def _page_url(self, docs_path: str) -> str | None:
        """The absolute URL of the page at `docs_path` (None: no such page), once per build: every episode asks
        for its series page's."""
        if docs_path not in self._page_urls:
            url = self.url_of(docs_path)
            self._page_urls[docs_path] = self._absolute(url) if url is not None else None
        return self._page_urls[docs_path]

    def _post_urls(self, post: Post, videos: list[Any]) -> head.PostUrls:
        image = self._image_url(post.image) if post.image else None
        poster = self._poster_url if head.needs_poster(image, videos, self.head_site) else None
        return head.PostUrls(page=self._absolute(post.url), image=image, poster=poster)

    def _raw_meta(self, page: Page, key: str) -> str:
        """A front-matter value as the author wrote it: `page.meta` holds it made safe for
        themes that print it raw (`&lt;`), and `esc` would escape it a second time."""
        record = self.pages.get(page.file.src_uri)
        if record is not None:
            value = record.front.data.get(key)
            return str(value).strip() if isinstance(value, (str, int, float)) else ""
        return (self.generated_title(page.file.src_uri) or "") if key == "title" else ""

    @cached_property
    def head_site(self) -> head.HeadSite:
        return head.HeadSite(
            site_name=self.config.site_name,
            language=self.language,
            open_graph=self.options.seo.open_graph,
            structured_data=self.options.seo.structured_data,
            social_plugin=self._social_plugin_active,
        )

    @cached_property
    def _poster_url(self) -> str:
        """Resolved once per build, so a wrong `seo.poster` is reported once."""
        configured = self.options.seo.poster
        if configured:
            url = self._image_url(configured.lstrip("/"))
            if url is not None:
                return url
            log.warning(f"seo.poster '{configured}' is not a file in docs_dir: the plugin's own poster is used instead")
        self.poster_used = True
        return self._absolute(POSTER_URI)

    @cached_property
    def _social_plugin_active(self) -> bool:
        """Material's social plugin writes og:* and twitter:* itself, with its card as image."""
        for plugin in self.config.plugins.values():
            if type(plugin).__module__.startswith("material.plugins.social"):
                options = getattr(plugin, "config", None)
                return bool(getattr(options, "enabled", True) and getattr(options, "cards", True))
        return False

    # -- on_post_build ----------------------------------------------------------

    def write(self, site_dir: str) -> None:
        """Write every planned feed, and our poster if a page used it; each inside `site_dir` or not at all."""
        if not self.site_url:
            return
        if self.options.feeds.enabled:
            for feed, at in [*((feed, feed) for feed in self.plan.feeds), *self.plan.copies]:
                entries = feeds.entries_of(feed, self._entry_urls, self.html_of)
                if not entries:
                    continue
                page_url = self._feed_page_url(feed)
                _write(site_dir, at.path, feeds.atom(feed, entries, self.channel, page_url))
                if at.json_path:
                    data = feeds.json_feed(feed, entries, self.channel, page_url).encode("utf-8")
                    _write(site_dir, at.json_path, data)
        if self.poster_used:
            clash = self.clash(POSTER_URI)
            if clash is not None:
                log.warning(f"the plugin's poster is not written ({clash}, which wins): set seo.poster to your image")
            else:
                _write(site_dir, POSTER_URI, POSTER.read_bytes())

    def _entry_urls(self, post: Post) -> tuple[str | None, str | None]:
        return self._absolute(post.url), self._image_url(post.image) if post.image else None

    def _feed_page_url(self, feed: feeds.Feed) -> str:
        """The HTML page a feed follows: the series or tag page when there is one, else the home page."""
        if feed.page_prefix:
            url = self.url_of(feed.page_prefix + "index.md")
            if url is not None:
                return self._absolute(url)
        return self._absolute("")

    # -- shared ---------------------------------------------------------------------

    @property
    def plan(self) -> feeds.FeedPlan:
        """The feeds `on_files` planned, at paths nobody else has."""
        return self.feed_plan()

    @cached_property
    def channel(self) -> feeds.Channel:
        config = self.config
        return feeds.Channel(
            site_url=self.site_url,
            title=config.site_name,
            description=config.site_description or "",
            language=self.language,
            author=config.site_author or config.site_name,
        )

    def _absolute(self, path: str) -> str:
        """`urls.absolute` once per path and build: a post's URL is asked by its head, each feed that lists it
        and its series page's."""
        found = self._absolutes.get(path)
        if found is None:
            found = self._absolutes[path] = urls.absolute(self.site_url, path)
        return found

    def _site_path(self, docs_path: str) -> str:
        """Without `site_url`: the image's URL relative to the site root (an http(s) URL stays)."""
        url = self._image_file_url(docs_path)
        return url if url is not None else docs_path

    def _image_url(self, docs_path: str) -> str | None:
        """Absolute URL of a docs-relative image or an http(s) image; None for a missing file or anything else.

        The URL policy (`urls`) decides: an http(s) URL passes as written (crawlers and feed readers
        fetch it, our pages never load it); `//host`, `javascript:`, `data:`… give None.
        """
        if docs_path not in self._image_urls:  # files are all known from `on_files` on: one answer per build
            url = urls.classify(docs_path)
            if url.kind == urls.ABSOLUTE:
                self._image_urls[docs_path] = url.value
            else:
                file_url = self._image_file_url(docs_path)
                self._image_urls[docs_path] = self._absolute(file_url) if file_url is not None else None
        return self._image_urls[docs_path]

    def _image_file_url(self, docs_path: str) -> str | None:
        """The site URL of the docs file at `docs_path`; None when it is no file of this site."""
        return self.url_of(docs_path) if urls.is_local(urls.classify(docs_path)) else None


def _url_of(files: Files | None, docs_path: str) -> str | None:
    """The site URL of the docs file at `docs_path` among `files`; None when there is none."""
    file = files.get_file_from_path(docs_path) if files is not None else None
    return file.url if file is not None else None


def _write(site_dir: str, path: str, data: bytes) -> None:
    """Write `data` at `path` inside `site_dir`; a path that would lie outside is reported, never written."""
    confined = confine(path, site_dir)
    if confined.target is None:
        log.warning(f"{shown(path)} is not written ({confined.refusal})")
        return
    confined.target.parent.mkdir(parents=True, exist_ok=True)
    confined.target.write_bytes(data)

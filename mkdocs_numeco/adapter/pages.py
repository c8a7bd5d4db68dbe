"""Generated pages (series, tags, listing) and the series/tag parts of each post.

Pages are real MkDocs pages made with `File.generated`: they are in search and
the sitemap, and a site may list them in `nav:`. Their Markdown only carries
the title and a placeholder; the HTML is rendered in `on_page_content`, when
every post is known and every URL can be made relative to the page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from ..config import NumecoConfig
from ..core import feeds
from ..core.confine import PLUGIN, Claims, confine, shown
from ..core.posts import Post, is_external
from ..core.render import Renderer
from ..core.series import Series
from ..core.slugs import SlugMap
from ..core.tags import SHOWN_TAGS, Tag, newest_first, paginate

log = get_plugin_logger(__name__)
PLACEHOLDER = "<!-- numeco:generated -->"


@dataclass
class Generated:
    """One page to generate: which template, with which data."""

    template: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    what: str = ""  # for messages: "the page of tag 'Vidéo'"
    option: str = ""  # the option that moves it: "tags.dir"


# Where a post's tag or series is written in its front matter ("posts/a.md:5"), for messages.
Where = Callable[[Post, str], str]
_FEED_HINTS = {
    "site": "set feeds.site: false, or move your file",
    "series": "set feeds.series: false, or move your file",
    "tag": "set feeds.tags: false, or move your file",
}


class SitePages:
    """Plans, creates and renders the generated pages of one build."""

    def __init__(self, options: NumecoConfig, renderer: Renderer) -> None:
        self.options = options
        self.renderer = renderer
        self.labels = renderer.labels
        self.planned: dict[str, Generated] = {}
        self.tag_slugs = SlugMap()  # tag name -> slug, the build's one answer (`plan`)
        self.tag_uris: dict[str, str] = {}  # slug -> src_uri of the tag's first page
        self.series_uris: dict[str, str] = {}
        self.series_of: dict[str, Series] = {}  # post src_uri -> series
        self.files: Files | None = None

    # -- planning (on_files) ------------------------------------------------

    def plan(self, posts: list[Post], tags: list[Tag], series: list[Series], where: Where, tag_slugs: SlugMap) -> None:
        t = self.labels
        self.tag_slugs = tag_slugs
        listing = self._folder(self.options.listing.dir, "listing.dir") if self.options.listing.enabled else None
        if listing is not None:
            self._paginated(
                Generated("listing.html", t["listing_title"], in_nav=True, what="the listing of all posts"),
                listing,
                newest_first(posts),
                self.options.listing.per_page,
                option="listing.dir",
            )
        tags_dir = self._folder(self.options.tags.dir, "tags.dir") if self.options.tags.enabled else None
        if tags_dir is not None:
            self.planned[_index(tags_dir)] = Generated(
                "tags_index.html", t["tags_title"], {"tags": tags}, True, "the tags index", "tags.dir"
            )
            for tag in tags:
                folder = self._named(tags_dir, tag.slug, f"tag {shown(tag.name)}", where(tag.posts[0], "tags"))
                if folder is not None:
                    self.tag_uris[tag.slug] = _index(folder)
                    page = Generated(
                        "listing.html", t["tag_title"].format(tag=tag.name), what=f"the page of tag {shown(tag.name)}"
                    )
                    self._paginated(page, folder, tag.posts, self.options.tags.per_page, option="tags.dir")
        series_dir = self._folder(self.options.series.dir, "series.dir") if self.options.series.enabled else None
        if series_dir is not None:
            self.planned[_index(series_dir)] = Generated(
                "series_index.html", t["series_title"], {"series": series}, True, "the series index", "series.dir"
            )
            for one in series:
                self._series_page(series_dir, one, where)

    def _series_page(self, series_dir: str, one: Series, where: Where) -> None:
        folder = self._named(series_dir, one.slug, f"series {shown(one.name)}", where(one.posts[0], "series"))
        if folder is None:
            return
        uri = _index(folder)
        self.series_uris[one.slug] = uri
        title = self.labels["series_of"].format(series=one.name)
        what = f"the page of series {shown(one.name)}"
        self.planned[uri] = Generated("series_page.html", title, {"series": one}, what=what, option="series.dir")
        for post in one.posts:
            self.series_of[post.src_uri] = one

    @staticmethod
    def _folder(value: str, option: str) -> str | None:
        """A folder of the options, confined to the site; None (and a warning) when refused."""
        confined = confine(value)
        if confined.path is None:
            log.warning(
                f"{option} {shown(value)} is refused ({confined.refusal}): write a folder inside the site;"
                " its pages are not generated"
            )
            return None
        if confined.note:
            log.warning(f"{option} {shown(value)}: {confined.note}")
        return confined.path.rstrip("/")

    @staticmethod
    def _named(root: str, slug: str, subject: str, where: str) -> str | None:
        """The folder of a tag or series, its name shortened (with a warning) when too long for a file name."""
        confined = confine(f"{root}/{slug}")
        if confined.path is None:
            log.warning(f"{where}: {subject} is refused ({confined.refusal}): its pages are not generated")
            return None
        if confined.note:
            log.warning(f"{where}: {subject}: {confined.note}")
        return confined.path

    def _paginated(self, first: Generated, folder: str, posts: list[Post], per_page: int, option: str) -> None:
        chunks = paginate(posts, per_page)
        uris = [_index(folder if n == 1 else f"{folder}/page/{n}") for n in range(1, len(chunks) + 1)]
        for n, (uri, chunk) in enumerate(zip(uris, chunks), start=1):
            title = first.title
            page_title = title if n == 1 else f"{title} ({self.labels['page_of'].format(n=n, total=len(chunks))})"
            data = {"posts": chunk, "number": n, "uris": uris, "heading": title}
            what = first.what if n == 1 else f"{first.what}, page {n}"
            self.planned[uri] = Generated("listing.html", page_title, data, first.in_nav and n == 1, what, option)

    def add_files(self, files: Files, config: MkDocsConfig, claims: Claims) -> None:
        """Create one `File.generated` per planned page, except where someone else's file is: it wins."""
        self.files = files
        for uri, page in list(self.planned.items()):
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            content = f"---\n{yaml.safe_dump({'title': page.title}, allow_unicode=True)}---\n\n{PLACEHOLDER}\n"
            file = File.generated(config, uri, content=content, inclusion=inclusion)
            clash = claims.clash(file.dest_uri)
            refusal = confine(file.dest_uri, config.site_dir).refusal
            if clash is not None or refusal is not None:
                why = f"{clash}, which wins" if clash is not None else refusal
                hint = f"set {page.option} to another folder to have both" if clash else "its folder is refused"
                log.warning(f"{page.what} is not generated ({why}): {hint}")
                del self.planned[uri]
                continue
            claims.claim(file.dest_uri, page.what, me=PLUGIN)
            files.append(file)

    def plan_feeds(self, posts: list[Post], tags: list[Tag], series: list[Series], claims: Claims) -> feeds.FeedPlan:
        """The feeds to write, at confined paths, except where someone else's file is: it wins."""
        options = self.options
        plan = feeds.plan_feeds(
            posts,
            tags,
            series,
            site=options.feeds.site,
            with_series=options.feeds.series and options.series.enabled,
            with_tags=options.feeds.tags and options.tags.enabled,
            series_dir=options.series.dir,
            tags_dir=options.tags.dir,
            limit=options.feeds.limit,
        )
        kept = [one for one in (_claim_feed(feed, claims) for feed in plan.feeds) if one is not None]
        return feeds.FeedPlan(kept, plan.topics)

    # -- rendering (on_page_content) -------------------------------------------

    def render_page(self, src_uri: str, page_url: str) -> str | None:
        """HTML of a generated page, or None when `src_uri` isn't one of ours."""
        planned = self.planned.get(src_uri)
        if planned is None:
            return None
        link = _Linker(self, page_url)
        return self.renderer.render(planned.template, title=planned.title, link=link, **planned.data)

    def render_post_parts(self, post: Post, page_url: str) -> tuple[str, str]:
        """The series box and the tag list of one post."""
        link = _Linker(self, page_url)
        series = self.series_of.get(post.src_uri)
        box = self.renderer.render("series_box.html", series=series, post=post, link=link) if series else ""
        tags = self.renderer.render("post_tags.html", tags=[link.tag(name) for name in post.tags])
        return box, tags


class _Linker:
    """Turns posts, tags and series into URLs relative to the page being rendered."""

    def __init__(self, pages: SitePages, page_url: str) -> None:
        self.pages = pages
        self.page_url = page_url

    def uri(self, src_uri: str | None) -> str | None:
        files = self.pages.files
        file = files.get_file_from_path(src_uri) if files is not None and src_uri else None
        return get_relative_url(file.url, self.page_url) if file is not None else None

    def post(self, post: Post) -> str | None:
        return self.uri(post.src_uri)

    def tag(self, name: str) -> dict[str, str | None]:
        slug = self.pages.tag_slugs.get(name)
        return {"name": name, "url": self.uri(self.pages.tag_uris.get(slug)) if slug is not None else None}

    def card_tags(self, post: Post) -> tuple[list[dict[str, str | None]], int]:
        """The first `SHOWN_TAGS` tags of a post's card, and how many more its own page lists."""
        shown = post.tags[:SHOWN_TAGS]
        return [self.tag(name) for name in shown], len(post.tags) - len(shown)

    def series(self, series: Series) -> str | None:
        return self.uri(self.pages.series_uris.get(series.slug))

    def series_of(self, post: Post) -> Series | None:
        return self.pages.series_of.get(post.src_uri)

    def image(self, post: Post) -> str | None:
        """Thumbnail URL; never an external one (no third-party request)."""
        return local_image_url(self.pages.files, post.image, self.page_url)


def local_image_url(files: Files | None, docs_path: str | None, page_url: str) -> str | None:
    """URL of an image of the docs as seen from `page_url`; None for external or missing images.

    Never an http(s) image (no third-party request from our pages), never a
    URL the policy refuses, and never a relative URL a browser would read as
    a scheme (a file named `javascript:x.png`).
    """
    if not docs_path or files is None or is_external(docs_path):
        return None
    file = files.get_file_from_path(docs_path)
    url = get_relative_url(file.url, page_url) if file is not None else None
    return url if url is not None and not is_external(url) else None


def _claim_feed(feed: feeds.Feed, claims: Claims) -> feeds.Feed | None:
    """`feed` at its confined paths, claimed; None (with a warning) when its Atom file can't be written."""
    what = "the site's Atom feed" if feed.kind == "site" else f"the Atom feed of {feed.kind} {shown(feed.name)}"
    path = confine(feed.path).path
    if path is None:  # under a folder option that is refused, as its pages already said
        return None
    prefix = confine(feed.page_prefix).path if feed.page_prefix else None
    json_path = confine(feed.json_path).path if feed.json_path else None
    clash = claims.clash(path)
    if clash is not None:
        both = "the site's Atom and JSON feeds are" if json_path else f"{what} is"
        log.warning(f"{both} not written ({clash}, which wins): {_FEED_HINTS[feed.kind]}")
        return None
    claims.claim(path, what, me=PLUGIN)
    json_clash = claims.clash(json_path) if json_path else None
    if json_clash is not None:
        log.warning(f"the site's JSON feed is not written ({json_clash}, which wins): {_FEED_HINTS[feed.kind]}")
        json_path = None
    if json_path:
        claims.claim(json_path, "the site's JSON feed", me=PLUGIN)
    return replace(feed, path=path, page_prefix=prefix, json_path=json_path)


def _index(folder: str) -> str:
    return posixpath.join(folder, "index.md") if folder else "index.md"

"""Generated pages (series, tags, listing) as MkDocs pages, and the series/tag parts of each post.

What the pages are and how they look is decided by the pure `core.listing`;
this module only makes them MkDocs pages with `File.generated` (so they are in
search and the sitemap, and a site may list them in `nav:`), checks them
against the files MkDocs already has, and logs the warnings. Their Markdown only
carries the title and a placeholder; the HTML is rendered in `on_page_content`,
when every post is known and every URL can be made relative to the page.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils import dirname_to_title, get_relative_url

from ..config import NumecoConfig
from ..core import feeds
from ..core.confine import PLUGIN, Claims, confine
from ..core.listing import Generated, Listing, UrlOf, Where, local_image
from ..core.posts import Post
from ..core.render import Renderer
from ..core.series import Series
from ..core.tags import Tag

log = get_plugin_logger(__name__)
PLACEHOLDER = "<!-- numeco:generated -->"
# Titles that JSON (ASCII, `\\uXXXX` escapes) writes as YAML reads them back: the Basic Multilingual Plane's
# printable characters, without surrogates (YAML would read a pair's escapes as two lone halves) nor DEL.
_JSON_SAFE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]*")


class SitePages:
    """The generated pages of one build, made MkDocs pages."""

    def __init__(self, options: NumecoConfig, renderer: Renderer) -> None:
        self.listing = Listing(options, renderer)
        self.search_generated = options.search_generated
        self.files: Files | None = None
        # The posts whose series box and tag list are made together when the first post renders (none under
        # `mkdocs serve --dirty`, which renders a few pages only); each post's, by its page URL, until it renders.
        self.at_once: list[Post] | None = None
        self._parts: dict[str, tuple[str, tuple[str, str]]] | None = None

    @property
    def planned(self) -> dict[str, Generated]:
        return self.listing.planned

    @property
    def tag_uris(self) -> dict[str, str]:
        return self.listing.tag_uris

    @property
    def series_uris(self) -> dict[str, str]:
        return self.listing.series_uris

    # -- planning (on_files) ------------------------------------------------

    def plan(self, posts: list[Post], tags: list[Tag], series: list[Series], where: Where, tag_slugs) -> None:
        for message in self.listing.plan(posts, tags, series, where, tag_slugs):
            log.warning(message)

    def _meta(self, title: str) -> dict[str, object]:
        """Front matter of a generated page: its title, and out of the search index unless asked."""
        meta: dict[str, object] = {"title": title}
        if not self.search_generated:
            meta["search"] = {"exclude": True}  # Material's search reads this page meta
        return meta

    def add_files(self, files: Files, config: MkDocsConfig, claims: Claims) -> None:
        """Create one `File.generated` per planned page, except where someone else's file is: it wins."""
        self.files = files
        self.listing.site_url_of = url_of(files, "")  # the cards' links, made relative to each page later
        planned = self.listing.planned
        for uri, page in list(planned.items()):
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            content = f"---\n{_front_matter(self._meta(page.title))}---\n\n{PLACEHOLDER}\n"
            file = File.generated(config, uri, content=content, inclusion=inclusion)
            clash = claims.clash(file.dest_uri)
            refusal = confine(file.dest_uri, config.site_dir).refusal
            if clash is not None or refusal is not None:
                why = f"{clash}, which wins" if clash is not None else refusal
                hint = f"set {page.option} to another folder to have both" if clash else "its folder is refused"
                log.warning(f"{page.what} is not generated ({why}): {hint}")
                del planned[uri]
                continue
            claims.claim(file.dest_uri, page.what, me=PLUGIN)
            files.append(file)

    def plan_feeds(self, posts: list[Post], tags: list[Tag], series: list[Series], claims: Claims) -> feeds.FeedPlan:
        """The feeds to write, at confined paths, except where someone else's file is: it wins."""
        plan, warnings = self.listing.plan_feeds(posts, tags, series, claims)
        for message in warnings:
            log.warning(message)
        return plan

    # -- rendering (on_page_content) -------------------------------------------

    def render_page(self, src_uri: str, page_url: str) -> str | None:
        """HTML of a generated page, or None when `src_uri` isn't one of ours."""
        return self.listing.render_page(src_uri, url_of(self.files, page_url))

    def render_post_parts(self, post: Post, page_url: str) -> tuple[str, str]:
        """The series box and the tag list of one post; made for every post of `at_once` when the first is asked."""
        if self._parts is None:
            self._parts = self._every_post_parts(self.at_once or [])
        made = self._parts.pop(post.src_uri, None)
        if made is not None and made[0] == page_url:
            return made[1]
        return self.listing.render_post_parts(post, url_of(self.files, page_url))

    def _every_post_parts(self, posts: list[Post]) -> dict[str, tuple[str, tuple[str, str]]]:
        """`(page URL, parts)` of each post with a page, made in one go: between two posts' pages MkDocs converts
        a whole page, and the same work done page by page took twice as long (0.12-0.14 s -> 0.06 s of CPU
        time on 1,000 posts). A post whose parts fail is left to its own page, which reports it. What a box or
        tag list shows is known when the files are (`on_files`), and they don't change before the pages render."""
        made = {}
        for post in posts:
            file = self.files.src_uris.get(post.src_uri) if self.files is not None else None
            page = file.page if file is not None else None
            if page is None:
                continue
            try:
                made[post.src_uri] = (page.url, self.listing.render_post_parts(post, url_of(self.files, page.url)))
            except Exception:  # noqa: BLE001, S112 - reported on the post's own page, as without this
                continue
        return made


def _front_matter(meta: dict[str, object]) -> str:
    """The YAML block of a generated page's `meta`: JSON (which YAML reads) when its title allows, as
    dumping YAML costs more than the rest of the page's planning; PyYAML's own dump otherwise."""
    if _JSON_SAFE.fullmatch(str(meta["title"])):
        return json.dumps(meta, sort_keys=True) + "\n"
    return yaml.safe_dump(meta, allow_unicode=True)


def url_of(files: Files | None, page_url: str) -> UrlOf:
    """The URL of a docs file as seen from `page_url`, looked up in MkDocs' files."""

    if files is None:
        return lambda src_uri: None

    def url(src_uri: str) -> str | None:
        # A docs path as MkDocs writes it is found at once; any other spelling is normalised first.
        file = (files.src_uris.get(src_uri) or files.get_file_from_path(src_uri)) if src_uri else None
        return get_relative_url(file.url, page_url) if file is not None else None

    return url


def local_image_url(files: Files | None, docs_path: str | None, page_url: str) -> str | None:
    """URL of an image of the docs as seen from `page_url`; None for external or missing images."""
    return local_image(url_of(files, page_url), docs_path)


def name_sections(nav: Navigation, titles: dict[str, str]) -> None:
    """Title the navigation sections of our folders (`titles`: folder -> title) from the labels.

    MkDocs names a section after its folder when the site has no `nav:`
    ("Posts", "Tags" on a French site); only a section still bearing that
    name is renamed, so a title given another way (a plugin, `.pages`) wins.
    A section is known by the folder of the pages directly in it.
    """
    for section in _sections(nav.items):
        folder = next((posixpath.dirname(child.file.src_uri) for child in section.children if child.is_page), None)
        title = titles.get(folder) if folder else None
        if title and section.title == dirname_to_title(posixpath.basename(folder)):
            section.title = title


def without_pages(nav: Navigation, dropped: set[str]) -> Navigation:
    """`nav` without the pages of `dropped` (src URIs), nor sections left empty; previous/next links mended."""
    if not dropped:
        return nav
    nav.items = _kept(nav.items, dropped)
    nav.pages = [page for page in nav.pages if page.file.src_uri not in dropped]
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def _kept(items: list, dropped: set[str]) -> list:
    kept = []
    for item in items:
        if item.is_page and item.file.src_uri in dropped:
            continue
        if isinstance(item, Section):
            item.children = _kept(item.children, dropped)
            if not item.children:
                continue  # a section of drafts only
        kept.append(item)
    return kept


def _sections(items: list) -> Iterator[Section]:
    stack = list(items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section):
            yield item
            stack.extend(item.children)

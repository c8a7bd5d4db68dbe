"""Generated pages (series, tags, listing) and the series/tag parts of each post.

Pages are real MkDocs pages made with `File.generated`: they are in search and
the sitemap, and a site may list them in `nav:`. Their Markdown only carries
the title and a placeholder; the HTML is rendered in `on_page_content`, when
every post is known and every URL can be made relative to the page.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from .config import NumecoConfig
from .posts import Post, is_external
from .render import Renderer
from .series import Series
from .slugs import SlugMap
from .tags import SHOWN_TAGS, Tag, newest_first, paginate

log = get_plugin_logger(__name__)
PLACEHOLDER = "<!-- numeco:generated -->"


@dataclass
class Generated:
    """One page to generate: which template, with which data."""

    template: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False


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

    def plan(self, posts: list[Post], tags: list[Tag], series: list[Series], tag_slugs: SlugMap) -> None:
        t = self.labels
        self.tag_slugs = tag_slugs
        if self.options.listing.enabled:
            self._paginated(
                self.options.listing.dir,
                t["listing_title"],
                newest_first(posts),
                self.options.listing.per_page,
                in_nav=True,
            )
        if self.options.tags.enabled:
            tags_dir = self.options.tags.dir.strip("/")
            self.planned[_index(tags_dir)] = Generated("tags_index.html", t["tags_title"], {"tags": tags}, in_nav=True)
            for tag in tags:
                self.tag_uris[tag.slug] = _index(f"{tags_dir}/{tag.slug}")
                title = t["tag_title"].format(tag=tag.name)
                self._paginated(f"{tags_dir}/{tag.slug}", title, tag.posts, self.options.tags.per_page)
        if self.options.series.enabled:
            series_dir = self.options.series.dir.strip("/")
            self.planned[_index(series_dir)] = Generated(
                "series_index.html", t["series_title"], {"series": series}, in_nav=True
            )
            for one in series:
                uri = _index(f"{series_dir}/{one.slug}")
                self.series_uris[one.slug] = uri
                self.planned[uri] = Generated(
                    "series_page.html", t["series_of"].format(series=one.name), {"series": one}
                )
                for post in one.posts:
                    self.series_of[post.src_uri] = one

    def _paginated(self, folder: str, title: str, posts: list[Post], per_page: int, in_nav: bool = False) -> None:
        chunks = paginate(posts, per_page)
        uris = [_index(folder if n == 1 else f"{folder}/page/{n}") for n in range(1, len(chunks) + 1)]
        for n, (uri, chunk) in enumerate(zip(uris, chunks), start=1):
            page_title = title if n == 1 else f"{title} ({self.labels['page_of'].format(n=n, total=len(chunks))})"
            data = {"posts": chunk, "number": n, "uris": uris, "heading": title}
            self.planned[uri] = Generated("listing.html", page_title, data, in_nav=in_nav and n == 1)

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """Create one `File.generated` per planned page; a page the author wrote wins."""
        self.files = files
        for uri, page in list(self.planned.items()):
            if files.get_file_from_path(uri) is not None:
                log.info(f"{uri} exists in the docs, so it is not generated")
                del self.planned[uri]
                continue
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            content = f"---\n{yaml.safe_dump({'title': page.title}, allow_unicode=True)}---\n\n{PLACEHOLDER}\n"
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))

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


def _index(folder: str) -> str:
    return posixpath.join(folder, "index.md") if folder else "index.md"

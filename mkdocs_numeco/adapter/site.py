"""Per-build state: the posts of the site and what each page needs from them.

A `SiteBuild` is made anew in `on_config`; what `mkdocs serve` carries over from
one build to the next is only in the plugin's `ServeMemory` (`serve.py`): caches
keyed by content, and what the last build knew of the posts for `--dirty`.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, partial
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from ..config import NumecoConfig
from ..core import feedhtml, filedates, frontmatter, urls
from ..core.authors import Author, post_authors, read_authors
from ..core.confine import Claims
from ..core.drafts import DraftRules, Visibility, visibility
from ..core.feeds import NO_HTML, FeedPlan, Html
from ..core.labels import language_of, locale_of, resolve_labels
from ..core.listing import Linker, Listing, destination, earlier_feeds, moved
from ..core.ordering import by_path
from ..core.places import Places
from ..core.postlists import PostIndex, PostLists
from ..core.posts import Post, build_post, is_post, normalised_meta, theme_meta, without_unsafe_characters
from ..core.problems import Problem, located, where
from ..core.reading import BodyScan, unbroken
from ..core.related import Link, read_links
from ..core.render import Renderer
from ..core.series import Series, build_series, series_clash_warnings, series_slugs
from ..core.shortcodes import Context, convert
from ..core.shortcodes.scanner import Scans, Token
from ..core.slugs import SlugMap
from ..core.tags import Tag, build_tags, merged_spellings, spellings_warning, tag_clash_warnings, tag_slugs
from .images import SiteImages
from .pages import PLACEHOLDER, SitePages, local_image_url, name_sections, url_of, without_pages
from .permalinks import Permalinks, Redirect, site_claims
from .serve import ServeMemory, digest, site_key

log = get_plugin_logger(__name__)
MAX_AUTHORS_FILE = 1_000_000  # characters: a team's authors file is a few kilobytes
_LEADING_H1 = re.compile(r"\s*<h1\b[^>]*>.*?</h1>", re.DOTALL)
_MARKDOWN_H1 = re.compile(r"^# +(\S[^\n]*?)[ #]*$", re.MULTILINE)  # a page's `# Title`, for related links
# Inclusion levels that mean "the author said nothing about this page".
_UNCLASSIFIED = (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED)


@dataclass
class PageRecord:
    """What we read of one Markdown page before MkDocs did."""

    front: frontmatter.FrontMatter
    post: Post | None
    total_lines: int
    videos: list[Any] = field(default_factory=list)
    constructs: list[Any] = field(default_factory=list)  # what the converter found, for the check command
    heading: str = ""  # the first `# Title` of the page's Markdown


class SiteBuild:
    """Everything one build knows; created by `on_config`, filled by `on_files`."""

    def __init__(
        self, options: NumecoConfig, config: MkDocsConfig, preview: bool = False, memory: ServeMemory | None = None
    ) -> None:
        self.options = options
        self.memory = memory or ServeMemory()  # a plain build has one of its own, used once
        self.config = config
        self.rules = DraftRules(datetime.now(UTC), future=options.drafts.future)
        self.show_drafts = preview and options.drafts.on_serve  # `mkdocs serve` shows drafts, with a badge
        self.dropped: set[str] = set()  # pages with no page in this build (drafts, `permalink: false`)
        self.unlisted: list[Post] = []  # posts kept out of collections (`eleventyExcludeFromCollections`)
        asked = options.language or config.theme.get("language") or config.theme.get("locale")
        self.language = language_of(asked)
        try:
            self.labels = resolve_labels(self.language, dict(options.labels))
        except ValueError as error:  # a site configuration mistake: stop with a clear message
            raise PluginError(f"numeco: {error}") from error
        # Dates and plural forms follow the site's language even where the labels fall back to English.
        self.renderer = Renderer(self.labels, locale_of(asked), custom_dir=config.theme.custom_dir)
        self.pages: dict[str, PageRecord] = {}
        self.authors: dict[str, Author] = {}  # Material's `.authors.yml`, read by `read_pages`
        self.posts: list[Post] = []
        self.files: Files | None = None
        self.generated = SitePages(options, self.renderer)
        self.tags: list[Tag] = []  # filled by generate_pages
        self.series: list[Series] = []
        self.templates: dict[str, bool] = {}  # template name -> whether the theme has it, looked up when first named
        self.theme_env: jinja2.Environment | None = None
        self.claims = Claims()  # every output path and its owner, filled by generate_pages
        self.feed_plan = FeedPlan()
        self.tag_slugs = SlugMap()  # name -> slug, decided once in generate_pages
        self.series_slugs = SlugMap()
        self.images = SiteImages(options.images, config)
        self.generated.listing.pictures = self.images.view
        self.feed_html: dict[str, Html] = {}  # src_uri -> the HTML its feed entries carry (posts in a feed only)
        self.excerpts: dict[str, tuple[str, str]] = {}  # excerpt key -> (the card's excerpt, the post's URL)
        self.sources: dict[str, str] = {}  # src_uri -> hash of the page's text (under `mkdocs serve`)
        self.scans = Scans()  # posts scanned in on_files to count their words, for their conversion
        self._headers: dict[str, tuple[str, bool, str]] = {}  # posts' headers made at once (`_every_header`)

    # -- on_files ------------------------------------------------------------

    def read_pages(self, files: Files) -> None:
        """Read every Markdown page's front matter once, before any page renders."""
        self.files = files
        self.authors = self._read_authors()
        unreadable = []
        for file in files.documentation_pages():
            source = _source(file)
            if source is None:
                unreadable.append(file)
                continue
            # Only `mkdocs serve`'s caches and `--dirty` read the hash: a plain build doesn't make it.
            self.sources[file.src_uri] = source_hash = digest(source) if self.memory.serve else ""
            front = self.memory.front_matter(file.src_uri, source_hash, source)
            post = self._read_post(file, front, source)
            _give_mkdocs_our_block(file, source, front)
            body = source.split("\n", front.body_line - 1)[-1] if front.has_block else source
            self.pages[file.src_uri] = PageRecord(front, post, source.count("\n"), heading=_heading(body))
        for file in unreadable:
            files.remove(file)

    def _read_post(self, file: File, front: frontmatter.FrontMatter, source: str) -> Post | None:
        """The page's post, if it is one; a page that is not written this time is excluded from the build.

        Excluded, not removed: MkDocs then tells links and `nav:` entries to it at INFO level
        (a draft is linked before it is published), and `without_dropped` takes it out of the nav.
        """
        dated = is_post(front) and self._selected(file.src_uri)
        if dated:
            filedates.resolve(front, file.abs_src_path)  # `Last Modified`…: before anything reads the date
        seen, problems = visibility(front, self.rules, dated)
        self._report_file(file, problems)
        if seen is Visibility.UNWRITTEN or (seen is Visibility.DRAFT and not self.show_drafts):
            file.inclusion = InclusionLevel.EXCLUDED
            self.dropped.add(file.src_uri)
            return None
        if not dated:
            return None
        post = build_post(file.src_uri, file.url, front, _title_from_name(file))
        post.draft = seen is Visibility.DRAFT
        post.authors, problems = post_authors(front, self.authors)
        post.problems.extend(problems)
        self.memory.measure(
            post, source, front, self.options.reading_time, self.sources[file.src_uri], self._scan_body(file, source)
        )
        # MkDocs has already applied `not_in_nav`/`exclude_docs` when on_files runs, so a
        # page nobody classified is INCLUDED here, not UNDEFINED.
        if not self.options.posts_in_nav and file.inclusion in _UNCLASSIFIED:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        (self.unlisted if seen is Visibility.UNLISTED else self.posts).append(post)
        return post

    def _scan_body(self, file: File, source: str) -> BodyScan:
        """A post's body scanned as MkDocs will give it to `convert_page` (line breaks after the front matter
        stripped), once for its words and its conversion (`Scans`).

        When that text's words are not the body's (`reading.unbroken`), the body is counted and converted apart.
        """

        def scanned(body: str) -> tuple[str, list[Token] | None]:
            text = unbroken(body)
            if text is None:
                return body, None
            first_line = source.count("\n") - text.count("\n") + 1  # as convert_page counts it
            return text, self.scans.keep(file.src_uri, text, first_line, self._keep_templates)

        return scanned

    @cached_property
    def _keep_templates(self) -> bool:
        """mkdocs-macros renders the pages after us: leave it what isn't ours."""
        return "macros" in self.config.plugins

    def _read_authors(self) -> dict[str, Author]:
        """The authors file (`authors_file`, in `docs_dir`), when there is one; its problems are warnings."""
        docs = os.path.realpath(self.config.docs_dir)
        path = os.path.realpath(os.path.join(docs, self.options.authors_file))
        if not path.startswith(docs + os.sep) or not os.path.isfile(path):
            return {}
        name = os.path.relpath(path, docs).replace(os.sep, "/")
        try:
            with open(path, encoding="utf-8") as stream:
                text = stream.read(MAX_AUTHORS_FILE + 1)
        except (OSError, UnicodeDecodeError) as error:
            log.warning(f"{name}: the authors file can't be read ({error}): no author details are shown")
            return {}
        if len(text) > MAX_AUTHORS_FILE:
            log.warning(f"{name}: the authors file is larger than {MAX_AUTHORS_FILE} characters: it was not read")
            return {}
        found = read_authors(text)
        for problem in found.problems:
            log.warning(located(name, problem))
        return found.authors

    def generate_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Index series and tags, add the generated pages, plan the feeds, then move posts to their permalinks.

        Each tag and series name gets its slug here, once (`slugs.SlugMap`); pages,
        links and feeds look it up. Every output path is claimed in that order: what
        MkDocs, the theme and the user write, then our pages and feeds where nobody is,
        then each post's permalink where nobody is, then redirects where nobody is.
        """
        self.tag_slugs, self.series_slugs = tag_slugs(self.posts), series_slugs(self.posts)
        self.tags = tags = build_tags(self.posts, self.tag_slugs)
        self.series = series = build_series(self.posts, self.series_slugs)
        for one in series:
            if one.dates_disagree:
                log.info(
                    f"series '{one.name}': episode dates disagree with the numbering in titles; episodes are ordered by number"
                )
        self.claims = site_claims(files, config)
        self.generated.plan(self.posts, tags, series, self._where, self.tag_slugs)
        self.generated.add_files(files, config, self.claims)
        self.images.plan(self.posts, files, config, self.claims, self._where)
        if self.options.feeds.enabled and config.site_url:
            self.feed_plan = self.generated.plan_feeds(self.posts, tags, series, self.claims)
            for scheme in self.options.redirects:
                self.feed_plan.copies.extend(earlier_feeds(self.feed_plan, Places(scheme), self.claims))
        self._warn_about_names(files)
        self._move_posts(files, config)

    def _move_posts(self, files: Files, config: MkDocsConfig) -> None:
        """Posts to their permalinks, first by source path; redirect pages at their old URLs."""
        permalinks = Permalinks(
            self.options.permalink, config.use_directory_urls, self.claims, config.site_dir, self.options.redirect_from
        )
        for post in by_path(self.posts + self.unlisted):
            file = files.get_file_from_path(post.src_uri)
            if file is None:
                continue
            front = self.pages[post.src_uri].front
            post.problems.extend(permalinks.apply(file, front, post.date))
            post.url = file.url
            post.problems.extend(permalinks.plan_redirects(file, post.date, post.title))
        permalinks.redirects.extend(self._moved_pages(files, config))
        for redirect in permalinks.redirect_files(config, self.renderer):
            files.append(redirect)

    def _moved_pages(self, files: Files, config: MkDocsConfig) -> list[Redirect]:
        """A redirect from where each earlier scheme (`redirects`) put a generated page to where it is now."""
        found = []
        for scheme in self.options.redirects:
            old = Listing(scheme, self.renderer)
            old.plan(self.posts, self.tags, self.series, self._where, self.tag_slugs)  # its warnings are not ours
            for old_uri, new_uri in moved(old, self.generated.listing):
                target = files.get_file_from_path(new_uri) if new_uri in self.generated.planned else None
                if target is not None:  # not where the owner's own page won
                    dest, url = destination(old_uri, config.use_directory_urls)
                    found.append(Redirect(dest, url, target, self.generated.planned[new_uri].title))
        return found

    def _warn_about_names(self, files: Files) -> None:
        """Tag spellings that share a page; tags and series that Eleventy slugs alike but got pages of their own."""
        tags_where = self._where_of("tags")
        for tag in merged_spellings(self.tags):
            log.warning(spellings_warning(tag, tags_where))
        if self.options.tags.enabled:
            url = self._page_url(files, self.generated.tag_uris)
            for message in tag_clash_warnings(self.tags, self.tag_slugs, tags_where, url):
                log.warning(message)
        if self.options.series.enabled:
            url = self._page_url(files, self.generated.series_uris)
            for message in series_clash_warnings(self.series, self.series_slugs, self._where_of("series"), url):
                log.warning(message)

    def _where(self, post: Post, key: str) -> str:
        """`file:line` of `key` in a post's front matter."""
        return where(post.src_uri, self.pages[post.src_uri].front.line_of(key))

    def _where_of(self, key: str) -> Callable[[Post], str]:
        """`_where` for one front-matter key."""
        return lambda post: self._where(post, key)

    @staticmethod
    def _page_url(files: Files, uris: dict[str, str]) -> Callable[[str], str]:
        """The URL of the page of a slug (in `uris`), as the site serves it."""

        def url(slug: str) -> str:
            file = files.get_file_from_path(uris[slug]) if slug in uris else None
            return file.url if file is not None else uris.get(slug, slug)

        return url

    def _selected(self, src_uri: str) -> bool:
        patterns = self.options.posts
        return not patterns or any(fnmatch.fnmatchcase(src_uri, pattern) for pattern in patterns)

    # -- on_nav ----------------------------------------------------------------

    def without_dropped(self, nav: Navigation) -> Navigation:
        """The navigation without the pages this build doesn't write (a `nav:` entry to a draft)."""
        return without_pages(nav, self.dropped)

    def name_sections(self, nav: Navigation) -> Navigation:
        """The sections of the generated pages' folders titled from the labels, when the site has no `nav:`."""
        if self.config.nav is None:  # MkDocs named every section after its folder
            name_sections(nav, self.generated.listing.sections)
        return nav

    # -- on_page_markdown ------------------------------------------------------

    def convert_page(self, markdown: str, page: Page) -> str:
        """Give the page our reading of its front matter and convert its shortcodes."""
        record = self.pages.get(page.file.src_uri)
        if record is None:  # a page another plugin generated: nothing of ours to read
            first_line, post = 1, None
        else:
            markdown = self._strip_unparsed_front_matter(markdown, record)
            problems = self._read_meta(page, record)
            first_line = record.total_lines - markdown.count("\n") + 1
            post = record.post
            self._report(page, record.front.problems + (post.problems if post else []) + problems)
        ctx = Context(
            **self._site_context,
            title=post.title if post else str(page.meta.get("title") or ""),
            poster=local_image_url(self.files, post.image, page.url) if post else None,
            poster_alt=post.image_alt if post else "",
            poster_picture=self.images.view(post.image, "poster", url_of(self.files, page.url)) if post else None,
            first_line=first_line,
            variables=page.meta,
            post_lists=PostLists(
                self.post_index, Linker(self.generated.listing, url_of(self.files, page.url)), self.renderer
            ),
            scanned=partial(self.scans.take, page.file.src_uri),
        )
        result = self.memory.convert(page.file.src_uri, markdown, ctx, self._site_key, convert)
        page.meta = frontmatter.html_safe_meta(page.meta)  # after `ctx`: the converter escapes values itself
        self._report(page, result.problems)
        if record is not None:
            record.videos = result.videos
            record.constructs = result.constructs
        return result.markdown

    @cached_property
    def _site_context(self) -> dict[str, Any]:
        """What every page's `Context` takes from the site: options read once per build, not once per page."""
        return {
            "labels": self.labels,
            "embed": self.options.embed,
            "upgrade_iframes": self.options.upgrade_iframes,
            "remember_consent": self.options.remember_consent,
            "transcript_open": self.options.transcript.open,
            "transcript_kind": self.options.transcript.type,
            "keep_templates": self._keep_templates,
            "renderer": self.renderer,
        }

    @cached_property
    def _site_key(self) -> str:
        """What every conversion of this build reads besides its own page (`serve.site_key`)."""
        return site_key(self)

    @cached_property
    def post_index(self) -> PostIndex:
        """Every post newest first, by tag and series, for `{% posts %}`: made when the first page converts,
        after `on_files` read them all."""
        return PostIndex(self.posts)

    def _read_meta(self, page: Page, record: PageRecord) -> list[Problem]:
        """Our reading of the front matter as the page's meta, without theme keys the theme would fail on."""
        if not record.front.has_block:
            return []
        page.meta = normalised_meta(record.front, record.post)
        return theme_meta(page.meta, record.front, self._has_template)

    def _has_template(self, name: str) -> bool:
        if name not in self.templates:  # each name asked of the theme's loader once per build
            if self.theme_env is None:
                self.theme_env = self.config.theme.get_env()
            self.templates[name] = theme_has_template(self.theme_env, name)
        return self.templates[name]

    @staticmethod
    def _strip_unparsed_front_matter(markdown: str, record: PageRecord) -> str:
        """MkDocs leaves front matter it couldn't parse in the Markdown; we read it, so drop it."""
        if record.front.has_block and markdown.startswith("---"):
            lines = markdown.split("\n")
            total = record.total_lines + 1
            skip = record.front.body_line - 1 - (total - len(lines))
            if skip > 0:
                return "\n".join(lines[skip:])
        return markdown

    def _report(self, page: Page, problems: list[Problem]) -> None:
        self._report_file(page.file, problems)

    @staticmethod
    def _report_file(file: File, problems: list[Problem]) -> None:
        for problem in problems:
            log.warning(located(file.src_path, problem))

    # -- on_page_content -------------------------------------------------------

    def render_page(self, html: str, page: Page) -> str:
        """Fill a generated page, or add date, series box and tags to a post."""
        if PLACEHOLDER in html:
            rendered = self.generated.render_page(page.file.src_uri, page.url)
            if rendered is not None:
                return html.replace(PLACEHOLDER, rendered)
        record = self.pages.get(page.file.src_uri)
        if record is None or record.post is None:
            return html
        if self.generated.at_once is None:  # every post's header, box and tags at once, but under `--dirty`
            self.generated.at_once = [] if self.memory.dirty else self.posts + self.unlisted
            self._headers = self._every_header(self.generated.at_once)
        self._keep_html(html, record.post, page)
        return self._decorate_post(html, record.post, page)

    def _keep_html(self, html: str, post: Post, page: Page) -> None:
        """What the cards and feeds need of a post's HTML, taken before we add header and footer.

        Every post's excerpt is kept (it is short); the whole post only for a post in a feed.
        """
        excerpt = feedhtml.excerpt(html)
        key = feedhtml.excerpt_key(post.src_uri)
        if excerpt is not None:
            self.excerpts[key] = (excerpt, page.url)
        else:
            self.excerpts.pop(key, None)  # one carried over from the last `--dirty` build
        self.feed_html.pop(post.src_uri, None)
        if post.src_uri not in self._feed_members:
            return
        page_url = urls.absolute(self.config.site_url or "", page.url)
        if self.options.feeds.content == "full":
            self.feed_html[post.src_uri] = Html(content=feedhtml.for_feed(html, page_url))
        elif excerpt is not None:
            self.feed_html[post.src_uri] = Html(excerpt=feedhtml.for_feed(excerpt, page_url))

    @cached_property
    def _feed_members(self) -> set[str]:
        """Posts in at least one feed; asked when the first post renders, after `on_files` planned the feeds."""
        return self.feed_plan.members()

    def html_for_feed(self, post: Post) -> Html:
        """A post's HTML for its feed entries; a post not rendered in this build (`mkdocs serve --dirty`)
        has none, and its entries fall back to its description."""
        return self.feed_html.get(post.src_uri, NO_HTML)

    # -- on_post_page ----------------------------------------------------------

    def fill_excerpts(self, output: str, page: Page) -> str:
        """Put each card's excerpt where the card marked it, with its links relative to this page."""

        def excerpt_of(key: str) -> str | None:
            found = self.excerpts.get(key)
            if found is None:
                return None
            excerpt, post_url = found
            return self.renderer.render("card_excerpt.html", excerpt=feedhtml.rebase(excerpt, post_url, page.url))

        return feedhtml.fill_excerpts(output, excerpt_of)

    def _decorate_post(self, html: str, post: Post, page: Page) -> str:
        heading = _LEADING_H1.match(html)  # the author's own title, when the post starts with one
        made = self._headers.pop(post.src_uri, None)
        if made is not None and made[:2] == (page.url, heading is None):
            header = made[2]
        else:
            header = self._header(post, page.url, with_title=heading is None)
        series_box, tags = self.generated.render_post_parts(post, page.url)
        footer = f"{series_box}\n{tags}"
        related = self._related_links(post, page)
        if related:
            footer = f"{footer}\n{related}"
        if heading is not None:
            end = heading.end()
            return f"{html[:end]}\n{header}\n{html[end:]}\n{footer}"
        return f"{header}\n{html}\n{footer}"

    def _header(self, post: Post, page_url: str, with_title: bool) -> str:
        """A post's header: its title when its text has none, date, draft badge, reading time, update, authors."""
        listing = self.generated.listing
        reading = listing.reading_time(post)
        draft = listing.draft_badge(post)
        header = self.renderer.render(
            "post_header.html", post=post, with_title=with_title, reading=reading, draft=draft
        )
        header += self.renderer.render_if(bool(post.updated), "post_updated.html", post=post)
        authors = bool(post.authors) or self.renderer.overridden("_authors.html")  # the macro it calls
        if authors or self.renderer.overridden("post_authors.html"):
            link = Linker(listing, url_of(self.files, page_url))
            header += self.renderer.render_if(authors, "post_authors.html", post=post, link=link)
        return header

    def _every_header(self, posts: list[Post]) -> dict[str, tuple[str, bool, str]]:
        """`(page URL, with its title, header)` of each post with a page, made in one go, as its series box and
        tags are (`SitePages.render_post_parts`): page by page it took twice the time. Whether the post's text
        starts with its own title is guessed from its Markdown's first `# Title`; the page, which knows, makes
        its header again when the guess was wrong, and reports a header that fails."""
        made = {}
        for post in posts:
            file = self.files.src_uris.get(post.src_uri) if self.files is not None else None
            record = self.pages.get(post.src_uri)
            if file is None or file.page is None or record is None:
                continue
            with_title = not record.heading
            try:
                made[post.src_uri] = (file.page.url, with_title, self._header(post, file.page.url, with_title))
            except Exception:  # noqa: BLE001, S112 - reported on the post's own page, as without this
                continue
        return made

    def _related_links(self, post: Post, page: Page) -> str:
        """The post's `links:` as "See also" links, relative to the post; its problems are warnings."""
        front = self.pages[post.src_uri].front
        if "links" not in front.data:
            return ""
        found = read_links(front.data["links"], front.line_of("links"), self._page_title, self.dropped)
        self._report(page, found.problems)
        url = url_of(self.files, page.url)
        groups = [
            {"name": group.name, "links": [{"title": one.title, "href": _href(one, url)} for one in group.links]}
            for group in found.groups
        ]
        return self.renderer.render("related_links.html", groups=groups)

    def _page_title(self, src_uri: str) -> str | None:
        """The title of the page a docs path names (its front matter's, its `# Title`, its name); None: no page."""
        file = self.files.get_file_from_path(src_uri) if self.files is not None else None
        if file is None or not file.is_documentation_page():
            return None
        record = self.pages.get(src_uri)
        if record is None:
            planned = self.generated.planned.get(src_uri)
            return planned.title if planned is not None else _title_from_name(file)
        if record.post is not None:
            return record.post.title
        title = record.front.data.get("title")
        return frontmatter_text(title) or record.heading or _title_from_name(file)


def _href(link: Link, url: Callable[[str], str | None]) -> str | None:
    """Where a related link goes, as the post links to it; None: shown as text."""
    if link.url is not None:
        return link.url
    found = url(link.page) if link.page is not None else None
    return f"{found}#{link.anchor}" if found is not None and link.anchor else found


def _heading(body: str) -> str:
    """The first `# Title` of a page's Markdown, as text; "" when it has none."""
    if not body.startswith("#") and "\n#" not in body:  # no line starts with `#`: not searched line by line
        return ""
    match = _MARKDOWN_H1.search(body)
    return without_unsafe_characters(match.group(1).strip())[0] if match is not None else ""


def frontmatter_text(value: Any) -> str:
    """A front-matter title as text; "" for none or a value that is no text."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return without_unsafe_characters(str(value).strip())[0]


def theme_has_template(env: jinja2.Environment, name: str) -> bool:
    """Whether `name` is one of the names `env.list_templates()` gives, found without listing them all
    (Material's templates and icons are thousands of files): a name in the form a listing writes
    (`/`-separated, no empty, `.` or `..` part), that the theme's loader finds."""
    parts = name.split("/")
    if not name or any(part in ("", ".", "..") for part in parts) or "\\" in name:
        return False
    try:
        env.loader.get_source(env, name)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return False
    except (OSError, UnicodeDecodeError):  # there, but not a readable text: listed all the same
        return True
    return True


def _source(file: File) -> str | None:
    """The page's text; None, with a warning naming the file and the byte, when it isn't UTF-8."""
    try:
        return file.content_string
    except UnicodeDecodeError:
        raw = file.content_bytes
        try:
            raw.decode("utf-8")  # the offset in the whole file (a UTF-8 BOM decodes too)
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            why = (
                f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}"
                " can't be decoded): the page is left out of the site; save the file as UTF-8"
            )
            log.warning(located(file.src_path, Problem(line, why)))
        return None


def _give_mkdocs_our_block(file: File, source: str, front: frontmatter.FrontMatter) -> None:
    """Make MkDocs read the front-matter block we read, or none, and never one we refused.

    MkDocs reads a block of its own: after an empty one (`---` then `---`) it
    reads on to the next `---` line and takes body text for front matter; and
    it would expand a YAML bomb we refused (or crash on a deep nest in libyaml).
    Such a page's text is given to MkDocs with an empty block in place of its
    own; the file on disk is untouched, and the page's meta is ours anyway.
    """
    if not front.has_block:
        return
    theirs = YAML_RE.match(source)
    if theirs is None and not front.refused:
        return  # `---json`: MkDocs reads no block; we strip ours
    if theirs is not None and not front.refused and source.count("\n", 0, theirs.end()) + 1 == front.body_line:
        return  # the same block
    path = file.abs_src_path
    file.content_string = "---\n{}\n---\n" + source.split("\n", front.body_line - 1)[-1]
    file.abs_src_path = path  # the setter forgets it; file dates and other plugins want it


def _title_from_name(file: File) -> str:
    return file.name.replace("-", " ").replace("_", " ").capitalize()

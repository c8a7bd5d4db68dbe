"""Which generated pages a site has (listing, tag index and pages, series index and pages), and their HTML.

Pure: no MkDocs, no I/O. The MkDocs adapter (`adapter/pages.py`) makes these
pages MkDocs pages; `generate.py` writes them as Markdown files for engines
without plugins. Both give the renderer a `url_of(src_uri)`: the URL of a
docs file as seen from the page being rendered, or None when there is none.

`options` is read by attribute, as the plugin's options are:
`listing.{enabled,dir,per_page}`, `tags.{enabled,dir,per_page}`,
`series.{enabled,dir}`, `feeds.{site,series,tags,limit}`, and the URL patterns
`core.places.Places` reads (`listing.url`, `tags.url`, `feeds.paths`…).
"""

from __future__ import annotations

import posixpath
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from . import archive, authors, feeds
from .confine import PLUGIN, Claims, confine, shown
from .ordering import newest_first, pinned_first
from .patterns import pattern_problem
from .places import Place, Places
from .posts import Post, is_external
from .render import Renderer
from .series import Series
from .slugs import SlugMap
from .tags import SHOWN_TAGS, Tag, paginate


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
# The URL of a docs file (`src_uri`) relative to the page being rendered; None when there is no such file.
UrlOf = Callable[[str], str | None]
# The responsive picture of a docs image for a role, with URLs as `url_of` sees them (see `adapter/images.py`).
Pictures = Callable[[str | None, str, UrlOf], dict[str, Any] | None]
_FEED_HINTS = {
    "site": "set feeds.site: false, or move your file",
    "series": "set feeds.series: false, or move your file",
    "tag": "set feeds.tags: false, or move your file",
}


class Listing:
    """Plans and renders the generated pages of one build; warnings are collected in `warnings`."""

    def __init__(self, options: Any, renderer: Renderer) -> None:
        self.options = options
        self.renderer = renderer
        self.labels = renderer.labels
        self.planned: dict[str, Generated] = {}
        self.tag_slugs = SlugMap()  # tag name -> slug, the build's one answer (`plan`)
        self.tag_uris: dict[str, str] = {}  # slug -> src_uri of the tag's first page
        self.series_uris: dict[str, str] = {}
        self.series_of: dict[str, Series] = {}  # post src_uri -> series
        self.author_uris: dict[str, str] = {}  # author id -> src_uri of their page's first page (`authors_pages`)
        self.sections: dict[str, str] = {}  # folder of generated pages -> the title of its navigation section
        self.warnings: list[str] = []
        self.places = Places(options)  # where each page and feed goes: the URL patterns
        # (kind, slug, page number) -> src_uri of each planned page, to redirect from an earlier scheme
        self.identities: dict[tuple[str, str, int], str] = {}
        # The `<picture>` of an image for a role (`thumbnail`), as `core.images.view` gives it; None: plain image.
        self.pictures: Pictures | None = None
        # The URL of a docs file from the site's root, None when there is none: given by an adapter whose files
        # are known before pages render, it lets each card be rendered once per build (`Cards`).
        self.site_url_of: UrlOf | None = None
        self._cards: Cards | None = None
        self._boxes: dict[str, tuple[Series, _Episodes]] = {}  # series slug -> what its boxes share, made once
        self._tag_parts: dict[tuple[tuple[str, str | None], ...], str] = {}  # a post's tags and URLs -> its tag list
        # `series_step` of `_series_step.html`, whether the site overrides it, the mark of a link in its markup
        self._step: tuple[Any, bool, Markup] | None = None

    # -- planning ---------------------------------------------------------------

    def plan(
        self, posts: list[Post], tags: list[Tag], series: list[Series], where: Where, tag_slugs: SlugMap
    ) -> list[str]:
        """Decide every generated page; returns the warnings of this planning."""
        start = len(self.warnings)
        self.tag_slugs = tag_slugs
        options = self.options
        if options.listing.enabled:
            self._plan_listing(posts)
        if options.tags.enabled:
            self._plan_tags(tags, where)
        if options.series.enabled:
            self._plan_series(posts, series, where)
        self._plan_archive(posts)
        self._plan_authors(posts)
        return self.warnings[start:]

    def _plan_listing(self, posts: list[Post]) -> None:
        places = self.places
        listing = self._folder(places.listing)
        if listing is not None:
            self.sections[listing] = self.labels["nav_posts"]
            title = self.labels["listing_title"]
            first = Generated("listing.html", title, {}, True, "the listing of all posts", places.listing.option)
            chunks = self._paginated(first, listing, pinned_first(posts), self.options.listing.per_page)
            self._remember("listing", "", chunks)

    def _plan_tags(self, tags: list[Tag], where: Where) -> None:
        t, places = self.labels, self.places
        tags_dir = self._folder(places.tag_index)
        if tags_dir is not None:
            self.sections[tags_dir] = t["nav_tags"]
            uri = index_of(tags_dir)
            self.planned[uri] = Generated(
                "tags_index.html", t["tags_title"], {"tags": tags}, True, "the tags index", places.tag_index.option
            )
            self.identities[("tags", "", 1)] = uri
        elif places.tag_index.option == places.tag.option:
            return  # the one folder of every tag page is refused, as the warning said
        for tag in tags:
            folder = self._named(places.tag, tag.slug, f"tag {shown(tag.name)}", where(tag.posts[0], "tags"))
            if folder is not None:
                self.tag_uris[tag.slug] = index_of(folder)
                title = t["tag_title"].format(tag=tag.name)
                page = Generated(
                    "listing.html", title, what=f"the page of tag {shown(tag.name)}", option=places.tag.option
                )
                chunks = self._paginated(page, folder, tag.posts, self.options.tags.per_page, places.tag_page)
                self._remember("tag", tag.slug, chunks)

    def _plan_series(self, posts: list[Post], series: list[Series], where: Where) -> None:
        places = self.places
        series_dir = self._folder(places.series_index)
        if series_dir is not None:
            self.sections[series_dir] = self.labels["nav_series"]
            uri = index_of(series_dir)
            self.planned[uri] = Generated(
                "series_index.html",
                self.labels["series_title"],
                {"series": series},
                True,
                "the series index",
                places.series_index.option,
            )
            self.identities[("series", "", 1)] = uri
        elif places.series_index.option == places.series.option:
            series = []  # the one folder of every series page is refused, as the warning said
        for one in series:
            self._series_page(one, where)
        none = self._folder(places.series_none) if places.series_none is not None else None
        if none is not None:
            title = self.labels["series_none"]
            page = Generated("listing.html", title, {}, True, "the page of posts without a series", "series.none")
            alone = newest_first([post for post in posts if not post.series])
            self._remember("none", "", self._paginated(page, none, alone, self.options.listing.per_page))

    def _series_page(self, one: Series, where: Where) -> None:
        folder = self._named(self.places.series, one.slug, f"series {shown(one.name)}", where(one.posts[0], "series"))
        if folder is None:
            return
        uri = index_of(folder)
        self.series_uris[one.slug] = uri
        self.identities[("serie", one.slug, 1)] = uri
        title = self.labels["series_of"].format(series=one.name)
        what = f"the page of series {shown(one.name)}"
        option = self.places.series.option
        self.planned[uri] = Generated("series_page.html", title, {"series": one}, what=what, option=option)
        for post in one.posts:
            self.series_of[post.src_uri] = one

    def per_page(self, kind: str) -> int:
        """Posts per page of a kind of listing (`tag`, `listing`, `none`); 1 for pages that aren't listings."""
        options = self.options
        sizes = {"listing": options.listing.per_page, "none": options.listing.per_page, "tag": options.tags.per_page}
        return sizes.get(kind, 1)

    def _remember(self, kind: str, slug: str, uris: list[str]) -> None:
        for n, uri in enumerate(uris, start=1):
            self.identities[(kind, slug, n)] = uri

    def _folder(self, place: Place) -> str | None:
        """A folder of the options, confined to the site; None (and a warning) when refused."""
        return self._confined_folder(
            place.at(), f"{place.option} {shown(place.shown)}", "write a folder inside the site"
        )

    def _confined_folder(self, path: str, subject: str, hint: str, what: str = "") -> str | None:
        """`path` confined to the site; None, with a warning naming `subject` (an option and its value), when refused."""
        confined = confine(path)
        if confined.path is None:
            about = f" for {what}" if what else ""
            self.warnings.append(
                f"{subject} is refused{about} ({confined.refusal}): {hint}; its pages are not generated"
            )
            return None
        if confined.note:
            self.warnings.append(f"{subject}: {what + ': ' if what else ''}{confined.note}")
        return confined.path.rstrip("/")

    def _named(self, place: Place, slug: str, subject: str, where: str) -> str | None:
        """The folder of a tag or series, its name shortened (with a warning) when too long for a file name."""
        confined = confine(place.at(slug=slug))
        if confined.path is None:
            self.warnings.append(f"{where}: {subject} is refused ({confined.refusal}): its pages are not generated")
            return None
        if confined.note:
            self.warnings.append(f"{where}: {subject}: {confined.note}")
        return confined.path.rstrip("/")

    def _paginated(
        self, first: Generated, folder: str, posts: list[Post], per_page: int, paging: Place | None = None
    ) -> list[str]:
        """Plan the pages of a listing; their src_uris, first page first (pages whose URL is refused are left out)."""
        paging = paging or self.places.listing_page
        chunks = paginate(posts, per_page)
        folders = [self._page_folder(folder, paging, n) for n in range(1, len(chunks) + 1)]
        kept = [(n, index_of(one), chunk) for n, (one, chunk) in enumerate(zip(folders, chunks), 1) if one is not None]
        uris = [uri for _, uri, _ in kept]
        for n, uri, chunk in kept:
            title = first.title
            page_title = title if n == 1 else f"{title} ({self.labels['page_of'].format(n=n, total=len(chunks))})"
            data = {"posts": chunk, "number": n, "uris": uris, "heading": title, "total": len(posts)}
            what = first.what if n == 1 else f"{first.what}, page {n}"
            self.planned[uri] = Generated("listing.html", page_title, data, first.in_nav and n == 1, what, first.option)
        return uris

    def _page_folder(self, folder: str, paging: Place, n: int) -> str | None:
        """The confined folder of page `n`; None, with a warning for the second page, when refused."""
        if n == 1:
            return folder
        confined = confine(Places.paged(folder, paging, n))
        if confined.path is None and n == 2:
            self.warnings.append(
                f"{paging.option} {shown(paging.pattern)} is refused ({confined.refusal}): write a folder"
                " inside the listing's, as in page/{n}/; only the first page of each listing is generated"
            )
        return confined.path.rstrip("/") if confined.path is not None else None

    # -- the year archive (`archive.*`, `core.archive`) -----------------------------

    def _plan_archive(self, posts: list[Post]) -> None:
        """One listing per year that has posts, and the index of the years (in the nav)."""
        options = self._url_option("archive", archive.FIELDS, archive.REQUIRED, "the year archive is")
        if options is None:
            return
        listed = []
        date_format = getattr(options, "date_format", "") or ""
        for year in archive.years(posts, archive.by_month(options.url)):
            folder = self._archive_folder(archive.year_folder(options.url, year), f"the archive of {year.name}")
            name = year.title(self.renderer.language, date_format)
            if folder is not None and self._archive_year(year, folder, name):
                listed.append({"name": name, "datetime": year.name, "uri": index_of(folder), "count": len(year.posts)})
        index = archive.index_folder(options.url)
        folder = self._archive_folder(index, "the index of the archive") if index else None
        if folder is not None:
            self.sections[folder] = self.labels["nav_archive"]
            page = Generated("archive_index.html", self.labels["archive_title"], {"years": listed}, True)
            self._archive_page(index_of(folder), page)

    def _url_option(self, name: str, fields: Any, required: Any, what: str) -> Any:
        """The options of `name` when it is on and its `url` pattern is valid; None otherwise (a bad pattern is
        warned: the plugin refuses it at load, `generate` reads the file as written)."""
        options = getattr(self.options, name, None)  # absent: an options object from before that option
        if options is None or not options.enabled:
            return None
        problem = pattern_problem(options.url, fields, required)
        if problem is not None:
            self.warnings.append(f"{name}.url: {problem}: {what} not generated")
            return None
        return options

    def _archive_folder(self, path: str, what: str) -> str | None:
        """A folder of the archive, confined to the site; None (and a warning) when refused."""
        subject = f"archive.url {shown(self.options.archive.url)}"
        return self._confined_folder(path, subject, "write a folder inside the site, as in archive/{year}/", what)

    def _archive_year(self, year: archive.Year, folder: str, name: str) -> bool:
        """The pages of one year, `listing.per_page` posts each, paged as the listing is; whether its first is planned."""
        paging = getattr(self.options.listing, "page_url", None) or "page/{n}/"
        chunks = paginate(year.posts, self.options.listing.per_page)
        uris = [index_of(folder)]
        for n in range(2, len(chunks) + 1):
            page = confine(posixpath.join(folder, paging.format(n=n))).path
            if page is None:
                break  # refused as the listing's own pages are, which says so
            uris.append(index_of(page.rstrip("/")))
        heading = self.labels["archive_of"].format(year=name)
        for n, (uri, chunk) in enumerate(zip(uris, chunks), start=1):
            title = heading if n == 1 else f"{heading} ({self.labels['page_of'].format(n=n, total=len(uris))})"
            data = {"posts": chunk, "number": n, "uris": uris, "heading": heading, "total": len(year.posts)}
            what = f"the archive of {year.name}" + (f", page {n}" if n > 1 else "")
            planned = self._archive_page(uri, Generated("listing.html", title, data, what=what))
            if n == 1 and not planned:
                return False
        return True

    def _archive_page(self, uri: str, page: Generated) -> bool:
        """Plan one page of the archive, unless another generated page has its place (that one stays)."""
        page.option = "archive.url"
        page.what = page.what or "the index of the archive"
        other = self.planned.get(uri)
        if other is not None:
            self.warnings.append(
                f"{page.what} is not generated ({other.what} is at {uri}): set archive.url to another folder"
            )
            return False
        self.planned[uri] = page
        return True

    # -- the authors' pages (`authors_pages.*`, `core.authors.by_author`) ------------------

    def _plan_authors(self, posts: list[Post]) -> None:
        """One listing per author, paged as the listing is; not in the nav (a name links to it)."""
        options = self._url_option("authors_pages", authors.PAGE_FIELDS, authors.PAGE_FIELDS, "the authors' pages are")
        if options is None:
            return
        for written in authors.by_author(posts):
            what = f"the page of author {shown(written.author.name)}"
            confined = confine(options.url.format(slug=written.slug).lstrip("/"))
            if confined.path is None:
                self.warnings.append(
                    f"authors_pages.url {shown(options.url)} is refused for {what} ({confined.refusal}):"
                    " write a folder inside the site, as in authors/{slug}/; it is not generated"
                )
                continue
            folder = confined.path.rstrip("/")
            other = self.planned.get(index_of(folder))
            if other is not None:
                self.warnings.append(
                    f"{what} is not generated ({other.what} is at {index_of(folder)}):"
                    " set authors_pages.url to another folder"
                )
                continue
            title = self.labels["author_title"].format(author=written.author.name)
            first = Generated("listing.html", title, {}, False, what, "authors_pages.url")
            uris = self._paginated(first, folder, written.posts, self.options.listing.per_page)
            for key in written.keys if uris else ():
                self.author_uris[key] = uris[0]

    def plan_feeds(
        self, posts: list[Post], tags: list[Tag], series: list[Series], claims: Claims
    ) -> tuple[feeds.FeedPlan, list[str]]:
        """The feeds to write, at confined paths, except where someone else's file is (it wins); and warnings."""
        options = self.options
        plan = feeds.plan_feeds(
            posts,
            tags,
            series,
            site=options.feeds.site,
            with_series=options.feeds.series and options.series.enabled,
            with_tags=options.feeds.tags and options.tags.enabled,
            limit=options.feeds.limit,
            places=self.places,
        )
        warnings: list[str] = []
        kept = [one for one in (claim_feed(feed, claims, warnings.append) for feed in plan.feeds) if one is not None]
        return feeds.FeedPlan(kept, topics=plan.topics), warnings

    # -- rendering ----------------------------------------------------------------

    def render_page(self, src_uri: str, url_of: UrlOf) -> str | None:
        """HTML of a generated page, or None when `src_uri` isn't one of ours."""
        planned = self.planned.get(src_uri)
        if planned is None:
            return None
        link = Linker(self, url_of)
        cards = self.cards

        def card(post: Post, heading: str = "h2") -> str:
            return cards.card(post, link, heading)

        html = self.renderer.render(planned.template, title=planned.title, link=link, card=card, **planned.data)
        return cards.resolve(html, url_of)

    @property
    def cards(self) -> Cards:
        """The cards of this build, made when the first page renders (every file is known by then)."""
        if self._cards is None:
            self._cards = Cards(self)
        return self._cards

    def render_post_parts(self, post: Post, url_of: UrlOf) -> tuple[str, str]:
        """The series box and the tag list of one post."""
        link = Linker(self, url_of)
        series = self.series_of.get(post.src_uri)
        box = ""
        if series is not None:
            prepared = self.series_box(series, post, url_of)
            box = self.renderer.render("series_box.html", series=series, post=post, link=link, box=prepared)
        return box, self._post_tags(post, link)

    def _post_tags(self, post: Post, link: Linker) -> str:
        """The tag list under a post: rendered once per list of tags and URLs (posts of a folder share their
        tags' URLs); for each post when the site overrides `post_tags.html`."""
        overridden = self.renderer.overridden("post_tags.html")
        if not post.tags and not overridden:
            return ""  # the packaged template prints nothing
        tags = [link.tag(name) for name in post.tags]
        if overridden:
            return self.renderer.render("post_tags.html", tags=tags)
        key = tuple((tag["name"], tag["url"]) for tag in tags)
        found = self._tag_parts.get(key)
        if found is None:
            found = self._tag_parts[key] = self.renderer.render("post_tags.html", tags=tags)
        return found

    def reading_time(self, post: Post) -> Markup:
        """The reading time in a post's header (`reading_time` of `_reading.html`, made once per set of minutes
        unless the site overrides it: `Renderer.module`)."""
        return self.renderer.module("_reading.html").reading_time(post)

    def draft_badge(self, post: Post) -> Markup:
        """The draft badge in a post's header (`draft_badge` of `_draft.html`, made once per draft state unless the
        site overrides it: `Renderer.module`)."""
        return self.renderer.module("_draft.html").draft_badge(post)

    def series_box(self, series: Series, post: Post, url_of: UrlOf) -> SeriesBox:
        """What the series box of `post` prints, its texts escaped once per series and its URLs as `url_of` sees them."""
        found = self._boxes.get(series.slug)
        if found is None or found[0] is not series:
            found = self._boxes[series.slug] = (series, _Episodes(series, self.renderer.label))
        shared = found[1]
        n = series.position(post)
        first, count = series.window(n)

        def step(index: int) -> Step:
            href = escape(url_of(series.posts[index].src_uri)) if index != n - 1 else Markup()  # not a link
            return Step(number=index + 1, title=shared.titles[index], href=href)

        total = len(series.posts)
        steps = [step(index) for index in range(first, min(first + count, total))]

        def neighbour(index: int) -> Step | None:
            if not 0 <= index < total:
                return None
            return steps[index - first] if first <= index < first + len(steps) else step(index)

        return SeriesBox(
            name=shared.name,
            href=escape(Linker(self, url_of).series(series)),
            position=escape(self.renderer.label("position", n=n, total=total)),
            episodes=shared.episodes,
            open=total <= 5,
            previous=neighbour(n - 2),
            next=neighbour(n),
            steps=steps,
            current=n,
            cut=total > count,
            list=self._episode_list(shared, steps, n, total > count),
        )

    def _episode_list(self, shared: _Episodes, steps: list[Step], current: int, cut: bool) -> Markup:
        """The listed episodes, each `series_step` of `_series_step.html` and a line break. Each episode's markup is
        made once per build with a mark for its link, which each box replaces by its own URL; for each box
        when the site overrides `_series_step.html`."""
        if self._step is None:
            renderer = self.renderer
            macro = renderer.module("_series_step.html").series_step
            self._step = (macro, renderer.overridden("_series_step.html"), Markup(f"numeco-{secrets.token_hex(8)}-"))
        macro, overridden, mark = self._step
        if overridden:
            return Markup("".join([f"{macro(step, current, cut)}\n" for step in steps]))
        pieces = []
        for step in steps:
            key = (step.number, step.number == current, cut)
            found = shared.pieces.get(key)
            if found is None:
                probe = Step(number=step.number, title=step.title, href=mark)
                found = shared.pieces[key] = str(macro(probe, current if key[1] else 0, cut)).split(mark)
            pieces.append(str(step.href).join(found))
        return Markup("".join([f"{piece}\n" for piece in pieces]))


@dataclass(frozen=True)
class Step:
    """An episode in a series box: its number, its title and its URL from the page (none for the episode shown),
    both escaped."""

    number: int
    title: Markup
    href: Markup


@dataclass(frozen=True)
class SeriesBox:
    """What `series_box.html` prints for one episode, every text escaped: the series' `name` and `href`, the
    `position` and `episodes` labels, the `previous` and `next` episodes (None at the ends), the `steps` it
    lists (`Series.window`), the `current` episode's number, whether the list is `open` and `cut` short, and
    `list`: the listed episodes' markup (`series_step` of `_series_step.html`, one a line)."""

    name: Markup
    href: Markup
    position: Markup
    episodes: Markup
    open: bool
    previous: Step | None
    next: Step | None
    steps: list[Step]
    current: int
    cut: bool
    list: Markup


class _Episodes:
    """What every box of a series shares: its name, episode titles and count label, escaped once per build."""

    def __init__(self, series: Series, label: Callable[..., str]) -> None:
        self.name = escape(series.name)
        self.titles = [escape(post.title) for post in series.posts]
        self.episodes = escape(label("episodes", total=len(series.posts)))
        # (number, shown, cut) -> an episode's `series_step` split where its link goes (`Listing._episode_list`)
        self.pieces: dict[tuple[int, bool, bool], list[str]] = {}


class Linker:
    """Turns posts, tags and series into URLs relative to the page being rendered (`url_of`)."""

    def __init__(self, listing: Listing, url_of: UrlOf) -> None:
        self.listing = listing
        self.url_of = url_of

    def uri(self, src_uri: str | None) -> str | None:
        return self.url_of(src_uri) if src_uri else None

    def post(self, post: Post) -> str | None:
        return self.uri(post.src_uri)

    def tag(self, name: str) -> dict[str, str | None]:
        slug = self.listing.tag_slugs.get(name)
        return {"name": name, "url": self.uri(self.listing.tag_uris.get(slug)) if slug is not None else None}

    def card_tags(self, post: Post) -> tuple[list[dict[str, str | None]], int]:
        """The first `SHOWN_TAGS` tags of a post's card, and how many more its own page lists."""
        first = post.tags[:SHOWN_TAGS]
        return [self.tag(name) for name in first], len(post.tags) - len(first)

    def series(self, series: Series) -> str | None:
        return self.uri(self.listing.series_uris.get(series.slug))

    def author(self, author: Any) -> str | None:
        """The URL of an author's page (`authors_pages`); None when there is none."""
        return self.uri(self.listing.author_uris.get(author.key))

    def series_of(self, post: Post) -> Series | None:
        return self.listing.series_of.get(post.src_uri)

    def image(self, post: Post) -> str | None:
        """Thumbnail URL; never an external one (no third-party request)."""
        return local_image(self.url_of, post.image)

    def thumbnail(self, post: Post) -> dict[str, Any] | None:
        """The card thumbnail as a responsive picture (`core.images.view`); None: `image()` as it is."""
        pictures = self.listing.pictures
        return pictures(post.image, "thumbnail", self.url_of) if pictures is not None else None


# The templates a card is made of: a site that overrides one of them has its cards rendered for each page.
CARD_TEMPLATES = ("_items.html", "_picture.html", "_draft.html", "_reading.html", "_authors.html", "_pinned.html")


class Cards:
    """Each post's card (`_items.html`'s `post_item`) rendered once per build instead of once per page showing it.

    A card's links are the only thing in it that depends on the page (they are relative), so it is
    rendered with a mark in place of each link, and `resolve` puts each page's own URL where the
    marks are. A mark holds a number and a secret made for the build, which no author text can
    hold. The card is rendered for the page as before when marks could change it: the site
    overrides one of its templates (which may read a URL), or its image's URL might read as
    external from some page (`local_image`), or the adapter gave no `site_url_of`.
    """

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self.prefix = f"numeco-{secrets.token_hex(8)}-"
        self.marks = re.compile(re.escape(self.prefix) + r"(\d+)-")
        self.uris: list[str] = []  # what each mark stands for
        self.numbers: dict[str, int | None] = {}  # src_uri -> its mark's number; None: no such file
        self.html: dict[tuple[str, str], str] = {}  # (src_uri, heading) -> the card with marks
        self.link = _MarkLinker(listing, self.mark)
        renderer = listing.renderer
        self.macro = renderer.module("_items.html").post_item
        self.enabled = listing.site_url_of is not None and not any(map(renderer.overridden, CARD_TEMPLATES))
        self.images: dict[str, bool] = {}  # docs path of an image -> whether its links are the same from any page

    def card(self, post: Post, link: Linker, heading: str = "h2") -> str:
        """The card of `post`; with marks for its links when it can be made once."""
        if not self.enabled or not self._same_everywhere(post.image):
            return self.macro(post, link, heading)
        key = (post.src_uri, heading)
        found = self.html.get(key)
        if found is None:
            found = self.html[key] = self.macro(post, self.link, heading)
        return found

    def mark(self, src_uri: str) -> str | None:
        """The mark of a docs file's URL; None, as from any page, when there is no such file."""
        if src_uri not in self.numbers:
            known = self.listing.site_url_of(src_uri) is not None  # type: ignore[misc]
            self.numbers[src_uri] = len(self.uris) if known else None
            if known:
                self.uris.append(src_uri)
        number = self.numbers[src_uri]
        return None if number is None else f"{self.prefix}{number}-"

    def resolve(self, html: str, url_of: UrlOf) -> str:
        """`html` with each mark replaced by its URL as `url_of` (the page) sees it, escaped as templates print it."""
        if self.prefix not in html:
            return html
        found: dict[str, str] = {}

        def url(match: re.Match[str]) -> str:
            number = match.group(1)
            if number not in found:
                found[number] = str(escape(url_of(self.uris[int(number)]) or ""))
            return found[number]

        return self.marks.sub(url, html)

    def _same_everywhere(self, image: str | None) -> bool:
        """Whether an image's card is the same, links aside, from every page: `local_image` refuses a relative URL
        that reads as external, and the URL of a file is one of `../…` or a tail of its path."""
        if not image:
            return True
        found = self.images.get(image)
        if found is None:
            url = None if is_external(image) else self.listing.site_url_of(image)  # type: ignore[misc]
            parts = [part for part in (url or "").split("/") if part]
            tails = ["/".join(parts[n:]) for n in range(len(parts))]
            found = self.images[image] = not any(is_external(tail) or is_external(f"../{tail}") for tail in tails)
        return found


class _MarkLinker(Linker):
    """The links of a card made once (`Cards`): marks, so a card's image and thumbnail are the same for every
    post showing that image, and are worked out once."""

    def __init__(self, listing: Listing, url_of: UrlOf) -> None:
        super().__init__(listing, url_of)
        self.images: dict[str | None, str | None] = {}
        self.thumbnails: dict[str | None, dict[str, Any] | None] = {}

    def image(self, post: Post) -> str | None:
        if post.image not in self.images:
            self.images[post.image] = super().image(post)
        return self.images[post.image]

    def thumbnail(self, post: Post) -> dict[str, Any] | None:
        if post.image not in self.thumbnails:
            self.thumbnails[post.image] = super().thumbnail(post)
        return self.thumbnails[post.image]


def moved(old: Listing, new: Listing) -> list[tuple[str, str]]:
    """`(old src_uri, new src_uri)` of each generated page whose place changed from `old`'s scheme to `new`'s.

    A page of a listing goes to the new page that holds the post its old page began with
    (the number of posts per page may have changed too); one that is gone has no pair.
    """
    pairs = []
    for (kind, slug, n), uri in old.identities.items():
        key = (kind, slug, _same_post_page(n, old.per_page(kind), new.per_page(kind)))
        target = new.identities.get(key)
        if target is not None and target != uri:
            pairs.append((uri, target))
    return pairs


def _same_post_page(n: int, old_size: int, new_size: int) -> int:
    return (n - 1) * old_size // new_size + 1


def local_image(url_of: UrlOf, docs_path: str | None) -> str | None:
    """URL of an image of the docs as `url_of` sees it; None for external or missing images.

    Never an http(s) image (no third-party request from our pages), never a
    URL the policy refuses, and never a relative URL a browser would read as
    a scheme (a file named `javascript:x.png`).
    """
    if not docs_path or is_external(docs_path):
        return None
    url = url_of(docs_path)
    return url if url is not None and not is_external(url) else None


def claim_feed(feed: feeds.Feed, claims: Claims, warn: Callable[[str], None]) -> feeds.Feed | None:
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
        warn(f"{both} not written ({clash}, which wins): {_FEED_HINTS[feed.kind]}")
        return None
    claims.claim(path, what, me=PLUGIN)
    json_clash = claims.clash(json_path) if json_path else None
    if json_clash is not None:
        warn(f"the site's JSON feed is not written ({json_clash}, which wins): {_FEED_HINTS[feed.kind]}")
        json_path = None
    if json_path:
        claims.claim(json_path, "the site's JSON feed", me=PLUGIN)
    return replace(feed, path=path, page_prefix=prefix, json_path=json_path)


def earlier_feeds(plan: feeds.FeedPlan, places: Places, claims: Claims) -> list[tuple[feeds.Feed, feeds.Feed]]:
    """Each planned feed and where an earlier scheme had it (confined, claimed); none where anything is.

    The copy is the feed's own document: its `rel="self"` names the new address, which readers adopt.
    """
    found = []
    for feed in plan.feeds:
        earlier = feeds.at_places(feed, places)
        if earlier is not None:
            kept = claim_feed(earlier, claims, lambda message: None)  # a file already there wins, silently
            if kept is not None:
                found.append((feed, kept))
    return found


def index_of(folder: str) -> str:
    """The page of a folder: `tags/video` gives `tags/video/index.md`."""
    return posixpath.join(folder, "index.md") if folder else "index.md"


# -- URLs as MkDocs and Zensical give them ----------------------------------------


def destination(src_uri: str, use_directory_urls: bool) -> tuple[str, str]:
    """`(dest_uri, url)` of a docs file, as MkDocs (and Zensical) derive them from its path.

    `a/b.md` is written at `a/b/index.html` and served at `a/b/` (`a/b.html` without
    directory URLs); `a/index.md` and `a/README.md` are the folder's page; any other
    file is copied as it is.
    """
    folder, name = posixpath.split(src_uri)
    stem, extension = posixpath.splitext(name)
    if extension.lower() not in (".md", ".markdown"):
        return src_uri, quote(src_uri)
    if stem in ("index", "README"):
        dest = posixpath.join(folder, "index.html")
    elif use_directory_urls:
        dest = posixpath.join(folder, stem, "index.html")
    else:
        dest = posixpath.join(folder, f"{stem}.html")
    parent, file = posixpath.split(dest)
    url = (parent or ".") + "/" if use_directory_urls and file == "index.html" else dest
    return dest, quote(url)

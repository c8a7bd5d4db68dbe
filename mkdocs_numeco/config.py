"""The plugin's options, typed and documented.

```yaml
plugins:
  - search
  - numeco:
      embed: facade
      transcript: {open: false, type: abstract}
      tags: {dir: tags, per_page: 10}
      series: {dir: series}
      listing: {dir: posts, per_page: 10}
```
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from .core.archive import FIELDS as ARCHIVE_FIELDS
from .core.archive import REQUIRED as ARCHIVE_REQUIRED
from .core.authors import PAGE_FIELDS as AUTHOR_PAGE_FIELDS
from .core.labels import label_problem
from .core.patterns import pattern_problem
from .core.places import DEFAULT_FEEDS, DEFAULT_PAGE_URL, PAGE_FIELDS, TOPIC_FIELDS, conflict

# Fields of the post permalink patterns (`permalink`, `redirect_from`).
PERMALINK_FIELDS = ("slug", "year", "month", "day")


class Count(c.Type[int]):
    """A whole number of at least `minimum` (and at most `maximum`, if given); `true` is not a number here."""

    def __init__(self, minimum: int, default: int, maximum: int | None = None) -> None:
        super().__init__(int, default=default)
        self.minimum, self.maximum = minimum, maximum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise c.ValidationError(f"Expected a whole number, got {value!r}")
        number = super().run_validation(value)
        if number < self.minimum:
            raise c.ValidationError(f"Expected a whole number of at least {self.minimum}, got {number}")
        if self.maximum is not None and number > self.maximum:
            raise c.ValidationError(f"Expected a whole number of at most {self.maximum}, got {number}")
        return number


class Pattern(c.Type[str]):
    """A URL pattern whose `{fields}` are checked now rather than mid-build."""

    def __init__(self, known: tuple[str, ...], required: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(str, **kwargs)
        self.known, self.needed = known, required  # not `required`: MkDocs' options use that name

    def run_validation(self, value: object) -> str:
        pattern = super().run_validation(value)
        problem = pattern_problem(pattern, self.known, self.needed)
        if problem is not None:
            raise c.ValidationError(problem)
        return pattern


class Url(Pattern):
    """The URL pattern of generated pages; `dir` is its older, shorter form, and the two may not disagree.

    `topic`: the pattern names one page per tag or series, so it must contain `{slug}`.
    """

    def __init__(self, section: str, topic: bool) -> None:
        fields = TOPIC_FIELDS if topic else ()
        super().__init__(fields, fields)
        self.section, self.topic = section, topic

    def post_validation(self, config: base.Config, key_name: str) -> None:
        problem = conflict(self.section, config["dir"], config[key_name], self.topic)
        if problem is not None:
            raise c.ValidationError(problem)


class FeedPath(Pattern):
    """The path of a feed file: a pattern that doesn't end with `/`."""

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        if not path.strip() or path.strip().endswith("/"):
            raise c.ValidationError(f"'{path}' is a folder: write the feed's file name, as in feed/feed.xml")
        return path


def _page_url() -> Pattern:
    """Where page `n` (from 2) of a listing is, relative to its first page."""
    return Pattern(PAGE_FIELDS, PAGE_FIELDS, default=DEFAULT_PAGE_URL)


def _folder_url() -> c.Optional[str]:
    """A URL without fields (an index page)."""
    return c.Optional(Pattern((), ()))


class Labels(c.DictOfItems[Any]):
    """Label overrides: each key must be a known label, with the placeholders its default uses.

    A label with plural forms may be overridden by a text or by forms (`{one: …, other: …}`).
    """

    def __init__(self) -> None:
        super().__init__(c.Type(object), default={})  # `label_problem` says what a label may be

    def run_validation(self, value: object) -> dict[str, Any]:
        labels = super().run_validation(value)
        for key, text in labels.items():
            problem = label_problem(key, text)
            if problem is not None:
                raise c.ValidationError(problem)
        return labels


class TranscriptConfig(base.Config):
    open = c.Type(bool, default=False)
    """Render transcripts expanded instead of collapsed."""

    type = c.Type(str, default="abstract")
    """Material admonition type that styles the transcript block (`note`, `quote`, `abstract`…)."""


class TagsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Generate the tag index and one listing per tag."""

    dir = c.Type(str, default="tags")
    """Folder of the tag pages: `tags/`, `tags/<slug>/`, `tags/<slug>/page/<n>/` (the short form of `url`)."""

    url = c.Optional(Url("tags", topic=True))
    """URL of a tag's page, with `{slug}`: `fr/actualites/tags/{slug}/`. Default: `<dir>/{slug}/`."""

    index_url = _folder_url()
    """URL of the tags index. Default: the folder above `{slug}` in `url`."""

    page_url = _page_url()
    """URL of page `{n}` (from 2) of a tag, relative to the tag's page: `page-{n}/`."""

    per_page = Count(1, default=10)
    """Posts per tag listing page (at least 1)."""


class SeriesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Generate series pages and the series box in each episode."""

    dir = c.Type(str, default="series")
    """Folder of the series pages: `series/` and `series/<slug>/` (the short form of `url`)."""

    url = c.Optional(Url("series", topic=True))
    """URL of a series' page, with `{slug}`: `ressources/videos/serie/{slug}/`. Default: `<dir>/{slug}/`."""

    index_url = _folder_url()
    """URL of the series index. Default: the folder above `{slug}` in `url`."""

    none = _folder_url()
    """URL of a page listing the posts that belong to no series (label `series_none`), paginated as
    the listing; off when not given: `ressources/videos/autres-videos/`."""


class ListingConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Generate a paginated listing of every post, newest first."""

    dir = c.Type(str, default="posts")
    """Folder of the listing: `posts/`, then `posts/page/<n>/` (the short form of `url`)."""

    url = c.Optional(Url("listing", topic=False))
    """URL of the listing's first page: `fr/actualites/`. Default: `<dir>/`."""

    page_url = _page_url()
    """URL of page `{n}` (from 2) of the listing, relative to its first page: `page-{n}/`."""

    per_page = Count(1, default=10)
    """Posts per listing page (at least 1)."""


class FeedPathsConfig(base.Config):
    """Where each feed is written, relative to the site: files, not folders."""

    site = FeedPath((), (), default=DEFAULT_FEEDS["site"])
    """The site's Atom feed."""

    json = FeedPath((), (), default=DEFAULT_FEEDS["json"])
    """The site's JSON feed."""

    tag = c.Optional(FeedPath(TOPIC_FIELDS, TOPIC_FIELDS))
    """A tag's Atom feed, with `{slug}`. Default: `feed.xml` in the tag's page folder."""

    series = c.Optional(FeedPath(TOPIC_FIELDS, TOPIC_FIELDS))
    """A series' Atom feed, with `{slug}`. Default: `feed.xml` in the series' page folder."""


class ArchiveConfig(base.Config):
    """A year archive, as Material's blog has: one page per year that has posts, and an index of the years.

    ```yaml
    archive: {enabled: true, url: "archive/{year}/"}
    ```
    """

    enabled = c.Type(bool, default=False)
    """Generate the year pages and their index (in the navigation when the site has no `nav:`). Off by
    default, unlike Material's blog: the Eleventy sites this plugin moves had no archive, and turning it on
    adds a navigation section and a page per year."""

    url = Pattern(ARCHIVE_FIELDS, ARCHIVE_REQUIRED, default="archive/{year}/")
    """Where a year's page is (`{year}`: four digits); with `{month}` (two digits) too, a page per month
    (`archive/{year}/{month}/`). Later pages follow the listing's (`page/2/`). The index is the folder before the
    first field (`archive/`); with none (`{year}/`), there is no index."""

    date_format = c.Type(str, default="")
    """How a period is named in titles and the index, as a CLDR date pattern (Material's `archive_date_format`):
    by default `yyyy` ("2025"), or `LLLL yyyy` ("mars 2025") with `{month}`."""


class AuthorsPagesConfig(base.Config):
    """A page per author listing their posts, as Material's blog's `authors_profiles`.

    ```yaml
    authors_pages: {enabled: true, url: "authors/{slug}/"}
    ```
    """

    enabled = c.Type(bool, default=False)
    """Generate the pages, and link the authors' names on posts and cards to them."""

    url = Pattern(AUTHOR_PAGE_FIELDS, AUTHOR_PAGE_FIELDS, default="authors/{slug}/")
    """Where an author's page is (`{slug}`: the author's id, slugged); its later pages follow the listing's."""


class ReadingTimeConfig(base.Config):
    """Reading time on each post and its cards; transcripts counted apart, and the video's length when known.

    ```yaml
    reading_time: {enabled: true, words_per_minute: 200}
    ```
    """

    enabled = c.Type(bool, default=True)
    """Show "Lecture : 3 min" on posts and cards, "Transcription : 12 min de lecture" and, with a front-matter
    `duration`, "Vidéo : 12 min" on posts."""

    words_per_minute = Count(1, default=200)
    """Reading speed (at least 1); reading times are rounded up to the minute."""


class FeedsConfig(base.Config):
    """Atom and JSON feeds, built from the posts (they need `site_url`).

    ```yaml
    feeds: {enabled: true, site: true, series: true, tags: true, limit: 20, content: full}
    ```
    """

    enabled = c.Type(bool, default=True)
    """Write feeds and link them from every page's head."""

    site = c.Type(bool, default=True)
    """Site feeds: `feed.xml` (Atom 1.0) and `feed.json` (JSON Feed 1.1)."""

    series = c.Type(bool, default=True)
    """One Atom feed per series, `<series.dir>/<slug>/feed.xml`."""

    tags = c.Type(bool, default=True)
    """One Atom feed per tag, `<tags.dir>/<slug>/feed.xml`."""

    limit = Count(0, default=20)
    """Newest posts kept in each feed; `0` keeps every post."""

    content = c.Choice(("full", "summary"), default="full")
    """`full`: each entry carries the whole post as HTML (Atom `<content>`, JSON Feed `content_html`),
    links and images absolute, each video a plain link to the provider's site, transcripts in full.
    `summary`: the post's excerpt (its text before `<!-- more -->`), else its description."""

    paths = c.SubConfig(FeedPathsConfig)
    """Where the feeds are written: `{site: feed/feed.xml, json: feed/feed.json}`."""


class SchemeConfig(base.Config):
    """An earlier scheme of URLs: the `listing`, `tags`, `series` and `feeds` options as they were."""

    listing = c.SubConfig(ListingConfig)
    tags = c.SubConfig(TagsConfig)
    series = c.SubConfig(SeriesConfig)
    feeds = c.SubConfig(FeedsConfig)


class Redirects(c.BaseConfigOption[list]):
    """`true` (the plugin's default scheme), `false`, or a list of earlier schemes."""

    def __init__(self) -> None:
        super().__init__()
        self.default = False

    def run_validation(self, value: object) -> list:
        if value is False or value is None:
            return []
        if value is True:
            value = [{}]
        if not isinstance(value, list):
            raise c.ValidationError(
                f"Expected true, false or a list of earlier URL schemes ({{listing: {{url: …}}, …}}), got {value!r}"
            )
        return [c.SubConfig(SchemeConfig).validate(one) for one in value]


class DraftsConfig(base.Config):
    """Posts not published yet: `draft: true`, and future-dated posts when asked.

    A draft has no page in `mkdocs build` (nor in listings, tags, series, feeds, sitemap or
    search); `mkdocs serve` shows it, with a "Brouillon" / "Draft" badge, as Eleventy does.

    ```yaml
    drafts: {on_serve: true, future: false}
    ```
    """

    on_serve = c.Type(bool, default=True)
    """Build drafts, with their badge, in `mkdocs serve` (never in `mkdocs build` or `gh-deploy`)."""

    future = c.Type(bool, default=False)
    """Treat a post dated after the build (in UTC; a date without a time: after today) as a draft."""


class SeoConfig(base.Config):
    """What search engines and social networks read in each page's head.

    ```yaml
    seo: {open_graph: true, structured_data: true, poster: images/poster.png}
    ```
    """

    open_graph = c.Type(bool, default=True)
    """Open Graph and Twitter Card meta (`og:title`, `og:image`, `article:tag`…)."""

    structured_data = c.Type(bool, default=True)
    """JSON-LD: `VideoObject` for each video of a post, `BlogPosting` for a post without video."""

    poster = c.Optional(c.Type(str))
    """Image (relative to `docs_dir`) for videos of posts without `image`; the plugin ships a plain one."""


class Widths(c.ListOfItems[int]):
    """Widths in pixels, each from 16 to 4096, at least one."""

    def __init__(self, default: list[int]) -> None:
        super().__init__(Count(16, default=0, maximum=4096), default=default)

    def run_validation(self, value: object) -> list[int]:
        widths = super().run_validation(value)
        if not widths:
            raise c.ValidationError("Expected at least one width")
        return sorted(set(widths))


class ImageWidthsConfig(base.Config):
    poster = Widths([400, 800, 1200])
    """Widths of a video poster's variants: it spans the content column (800 px at most on a wide screen)."""

    thumbnail = Widths([160, 320])
    """Widths of a card thumbnail's variants on listing, tag and series pages (shown 160 px wide)."""


class ImagesConfig(base.Config):
    """Responsive images: each image the plugin places (a video poster, a card thumbnail) becomes a
    `<picture>` of AVIF and WebP variants at a few widths, with the original's format as fallback and
    its width and height. Variants are made once by libvips and kept in `cache_dir`, so a rebuild
    or `mkdocs serve` encodes nothing. An SVG that embeds raster images or weighs over 50 KB is
    rasterised the same way; a small vector SVG is kept as it is.

    ```yaml
    images: {enabled: true, widths: {poster: [400, 800, 1200], thumbnail: [160, 320]}, formats: [avif, webp], quality: 60}
    ```
    """

    enabled = c.Type(bool, default=True)
    """Make variants; `false` places every image as it is."""

    widths = c.SubConfig(ImageWidthsConfig)
    """Widths in pixels, by place; an image is never made wider than it is."""

    formats = c.ListOfItems(c.Choice(("avif", "webp")), default=["avif", "webp"])
    """Formats of the `<source>`s, best first; a browser takes the first it reads."""

    quality = Count(1, default=60, maximum=100)
    """Quality of the lossy encodings, from 1 to 100 (60 is sharp for AVIF and WebP)."""

    max_pixels = Count(1, default=40_000_000)
    """An image of more pixels than this is not decoded (a decompression bomb): it is placed as it is, with a warning."""

    cache_dir = c.Type(str, default=".cache/numeco/images")
    """Folder of the variants, relative to `mkdocs.yml` (an absolute path works too). It must be outside
    `site_dir`; deleting it only costs the next build the time to make them again."""


class NumecoConfig(base.Config):
    embed = c.Choice(("facade", "iframe"), default="facade")
    """`facade`: click-to-load, nothing requested from the provider before a click.
    `iframe`: the provider's player directly, lazily loaded."""

    upgrade_iframes = c.Type(bool, default=True)
    """Turn raw `<iframe>` players written in posts (Dailymotion, YouTube, Vimeo, any PeerTube
    instance, Acast) into the same click-to-load facade as the shortcodes, keeping their title
    and size. Any other iframe (a map, a form) becomes a facade that names its host and loads the page,
    as written, on click. Set to `false` to keep every iframe as written.

    ```yaml
    upgrade_iframes: true
    ```
    """

    remember_consent = c.Type(bool, default=False)
    """Give each click-to-load facade a checkbox "Always load content from {provider}": a reader
    who ticks it is remembered, for that host only, in the browser's `localStorage`; the host's
    players then load without a click on later pages (never playing by themselves), and unticking
    the same checkbox forgets it. Off by default: the pages then never read nor write `localStorage`.

    ```yaml
    remember_consent: true
    ```
    """

    language = c.Optional(c.Type(str))
    """Language of labels and dates (`fr`, `en`). Defaults to the theme's `language`."""

    labels = Labels()
    """Overrides for interface labels, by key (see the label table in Getting started, Language)."""

    transcript = c.SubConfig(TranscriptConfig)
    """How transcripts look."""

    posts = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns, relative to `docs_dir`, that narrow which dated pages are posts."""

    posts_in_nav = c.Type(bool, default=False)
    """Keep posts in the automatic sidebar navigation (they are left out by default)."""

    search_generated = c.Type(bool, default=False)
    """Index the generated listing, tag and series pages in Material's search. They only repeat the
    posts' titles, so by default they carry `search: {exclude: true}` and every reader downloads a
    smaller index."""

    permalink = c.Optional(Pattern(PERMALINK_FIELDS, ("slug",)))
    """URL pattern for posts, to keep the addresses of an Eleventy site. `{slug}` is Eleventy's
    `fileSlug` (file name without extension nor leading date); `{year}`, `{month}`, `{day}` come
    from the post's date. A post's own front-matter `permalink` (a plain path) wins.

    ```yaml
    permalink: "actualites/{slug}/"
    ```
    """

    redirect_from = c.ListOfItems(Pattern(PERMALINK_FIELDS, ("slug",)), default=[])
    """Old URL patterns of posts (same fields as `permalink`): each post gets a small page there
    that redirects to where it is now. No page is written where a page of the site already is.

    ```yaml
    redirect_from: ["ressources/videos/{slug}/"]
    ```
    """

    tags = c.SubConfig(TagsConfig)
    series = c.SubConfig(SeriesConfig)
    listing = c.SubConfig(ListingConfig)
    feeds = c.SubConfig(FeedsConfig)

    redirects = Redirects()
    """Keep the addresses of the generated pages and feeds when their URL patterns change: each page
    (listing, tag, series) gets a small redirect page at the address an earlier scheme gave it, and
    each feed a copy at its earlier path (feed readers don't follow HTML redirects). `true` means
    the plugin's default scheme (`posts/`, `tags/<slug>/`, `series/<slug>/`, `feed.xml`: every release
    so far); a list names earlier schemes, each written as the options were. Nothing is written
    where a page or file of the site is.

    ```yaml
    redirects: [{}, {listing: {url: actualites/}}]
    ```
    """

    seo = c.SubConfig(SeoConfig)
    images = c.SubConfig(ImagesConfig)
    drafts = c.SubConfig(DraftsConfig)
    archive = c.SubConfig(ArchiveConfig)
    reading_time = c.SubConfig(ReadingTimeConfig)

    authors_pages = c.SubConfig(AuthorsPagesConfig)
    authors_file = c.Type(str, default=".authors.yml")
    """Material's authors file, from `docs_dir`: `authors: {id: {name, description, avatar, url}}`. Posts name
    their authors with `authors: [id, …]` (or `author:`); they are shown on the post and on its cards."""

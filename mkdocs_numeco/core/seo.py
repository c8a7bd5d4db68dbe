"""What search engines and social networks read in a page's <head>.

Pure: JSON-LD (schema.org `VideoObject`, `BlogPosting`, `Episode`,
`PodcastEpisode`, `CreativeWorkSeries`), Open Graph and
Twitter Card meta, feed links, and the transcript text found in a rendered
page. No MkDocs, no I/O; every URL given here is already absolute.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from babel.core import get_global
from lxml import etree

from .escape import esc, json_in_script
from .posts import Post

SCHEMA = "https://schema.org"

# Meta that Material's social plugin writes itself (its card is the page image);
# when it runs, writing them too would give readers two competing previews.
SOCIAL_PLUGIN_TAGS = frozenset(
    {
        "og:type",
        "og:title",
        "og:description",
        "og:url",
        "og:image",
        "og:image:alt",
        "og:image:type",
        "og:image:width",
        "og:image:height",
        "twitter:card",
        "twitter:title",
        "twitter:description",
        "twitter:image",
        "twitter:image:alt",
    }
)
# Elements that start a new line of transcript text.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"),
        *("p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_PARSER = etree.HTMLParser()  # the parser `lxml.html` uses, without its element classes
_WITH_ID = etree.XPath("descendant-or-self::*[@id]")  # elements only: comments have no attributes
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Picture:
    """An image as social networks and search engines get it: absolute URL and text alternative."""

    url: str
    alt: str


@dataclass(frozen=True)
class Episode:
    """Where a post stands in its series: the series' name, its page's absolute URL (None without one),
    and the post's 1-based position in reading order."""

    series: str
    series_url: str | None
    number: int


@dataclass(frozen=True)
class Part:
    """One episode as its series page lists it: title and absolute URL."""

    name: str
    url: str


@dataclass(frozen=True)
class SeriesParts:
    """A series page's subject: the series' name and its episodes in reading order."""

    name: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class FeedLink:
    """One `<link rel="alternate">` to a feed."""

    href: str
    type: str
    title: str
    rel: str = "alternate"


# -- Open Graph and Twitter Card ------------------------------------------------


@functools.lru_cache(maxsize=64)  # a pure function of the language: one per site
def og_locale(language: str) -> str:
    """Open Graph wants `language_TERRITORY`: 'fr' gives 'fr_FR', 'en' gives 'en_US' (CLDR likely subtags)."""
    likely = get_global("likely_subtags").get(language, language)
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if p.isupper() and len(p) == 2), "")
    return f"{parts[0]}_{territory}" if territory else parts[0]


def post_meta(
    post: Post, *, url: str, picture: Picture | None, has_video: bool, site_name: str, locale: str
) -> list[tuple[str, str]]:
    """Open Graph and Twitter Card meta of a post, in document order."""
    kind = "video.other" if has_video else "article"
    tags: list[tuple[str, str]] = [
        ("og:type", kind),
        ("og:site_name", site_name),
        ("og:locale", locale),
        ("og:title", post.title),
        ("og:url", url),
    ]
    if post.description:
        tags.append(("og:description", post.description))
    if picture is not None:
        tags += [("og:image", picture.url), ("og:image:alt", picture.alt)]
    tags += _dates(post, has_video)
    tags += [("article:tag", tag) for tag in post.tags]
    if has_video:
        tags += [("video:tag", tag) for tag in post.tags]
    tags.append(("twitter:card", "summary_large_image" if picture is not None else "summary"))
    if picture is not None:
        tags.append(("twitter:image:alt", picture.alt))
    return tags


def _dates(post: Post, has_video: bool) -> list[tuple[str, str]]:
    """When the post was published and last updated, as Open Graph says it."""
    tags = []
    if post.published is not None:
        published = post.published.isoformat()
        tags.append(("article:published_time", published))
        if has_video:  # the video.other object type names the same facts its own way
            tags.append(("video:release_date", published))
    if post.updated is not None:
        tags.append(("article:modified_time", post.updated.isoformat()))
    return tags


def page_meta(*, title: str, description: str, url: str, site_name: str, locale: str) -> list[tuple[str, str]]:
    """Open Graph meta of a page that is not a post (home, listings, series, tags)."""
    tags = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:locale", locale),
        ("og:title", title),
        ("og:url", url),
    ]
    if description:
        tags.append(("og:description", description))
    tags.append(("twitter:card", "summary"))
    return tags


def without(tags: Iterable[tuple[str, str]], owned: frozenset[str]) -> list[tuple[str, str]]:
    """Leave out the meta another plugin already writes."""
    return [(name, value) for name, value in tags if name not in owned]


# -- JSON-LD ---------------------------------------------------------------------


def video_object(
    post: Post,
    *,
    name: str,
    embed_url: str,
    page_url: str,
    thumbnail: str,
    transcript: str,
    language: str,
    dom_id: str = "",
) -> dict[str, Any]:
    """schema.org `VideoObject` for one video of a post (what Google reads for video results)."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "VideoObject",
        "@id": media_id(page_url, dom_id),
        "name": name,
        "description": post.description or post.title,
        "thumbnailUrl": [thumbnail],
        "embedUrl": embed_url,
        "url": page_url,
        "inLanguage": language,
    }
    if post.published is not None:
        data["uploadDate"] = post.published.isoformat()
    if transcript:
        data["transcript"] = transcript
    return data


def media_id(page_url: str, dom_id: str) -> str:
    """The `@id` of a player's object: the page's URL with the player's anchor, so others can point at it."""
    return f"{page_url}#{dom_id}" if dom_id else page_url


def blog_posting(
    post: Post,
    *,
    page_url: str,
    image: str | None,
    language: str,
    publisher: str,
    kind: str | list[str] = "BlogPosting",
) -> dict[str, Any]:
    """schema.org `BlogPosting` (or the `kind` given: `PodcastEpisode`…) for a post."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": kind,
        "headline": post.title,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "inLanguage": language,
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if post.description:
        data["description"] = post.description
    if post.published is not None:
        data["datePublished"] = post.published.isoformat()
    if post.updated is not None:
        data["dateModified"] = post.updated.isoformat()
    if image:
        data["image"] = [image]
    if post.tags:
        data["keywords"] = list(post.tags)
    if post.authors:
        data["author"] = [person(author) for author in post.authors]
    return data


def person(author: Any) -> dict[str, Any]:
    """schema.org `Person` of a post's author (`core.authors.Author`); its `url` when it is a web address."""
    data: dict[str, Any] = {"@type": "Person", "name": author.name}
    if author.url and author.url.startswith(("http://", "https://")):
        data["url"] = author.url
    return data


def with_episode(data: dict[str, Any], episode: Episode) -> dict[str, Any]:
    """`data` (an `Episode` or a subtype) with its series and its number in it."""
    series: dict[str, Any] = {"@type": "CreativeWorkSeries", "name": episode.series}
    if episode.series_url:
        series["url"] = episode.series_url
    return {**data, "partOfSeries": series, "episodeNumber": episode.number}


def audio_object(name: str, embed_url: str) -> dict[str, Any]:
    """schema.org `AudioObject` of a podcast player, for a `PodcastEpisode`'s `audio`."""
    data: dict[str, Any] = {"@type": "AudioObject", "embedUrl": embed_url}
    if name:
        data["name"] = name
    return data


def creative_work_series(series: SeriesParts, *, url: str, language: str) -> dict[str, Any]:
    """schema.org `CreativeWorkSeries` of a series page: its episodes in reading order (`hasPart`)."""
    data: dict[str, Any] = {"@context": SCHEMA, "@type": "CreativeWorkSeries", "name": series.name, "url": url}
    data["inLanguage"] = language
    data["hasPart"] = [
        {"@type": "Episode", "name": part.name, "url": part.url, "position": n, "episodeNumber": n}
        for n, part in enumerate(series.parts, start=1)
    ]
    return data


def json_ld_script(data: dict[str, Any]) -> str:
    """A `<script type="application/ld+json">` whose content can't end the element early."""
    text = json_in_script(data)
    return f'<script type="application/ld+json">{text}</script>'


# -- transcripts -----------------------------------------------------------------


def transcripts_by_video(html: str) -> dict[str, str]:
    """Plain text of the transcript each video links to, by the video box's id.

    The converter writes `p.numeco-video__transcript-link > a[href="#id"]` right
    after each video box; the transcript body is `.numeco-transcript__body`.
    One walk over the page's elements indexes the boxes and the ids (no XPath: a
    query per box would walk the page again).
    """
    if "numeco-video" not in html or "numeco-transcript__body" not in html:
        return {}  # no box, or no body for a box to link to
    # lxml's own tree, not `lxml.html`'s: that one asks Python for the class of every element it hands out.
    root = etree.fromstring(_content_of(html), _PARSER)
    if root is None:
        return {}
    boxes, by_id = _boxes_and_ids(root)
    found: dict[str, str] = {}
    for box in boxes:
        target = _transcript_target(box)
        body = _first_body(by_id.get(target[1:], ())) if target.startswith("#") else None
        if body is not None:
            found[box.get("id")] = plain_text(body)
    return found


def _boxes_and_ids(root: Any) -> tuple[list[Any], dict[str, list[Any]]]:
    """The video boxes with an id, and every element by its id, in document order.

    One XPath in C picks the few elements that have an id (a Python loop over every element cost more
    than the parse)."""
    boxes: list[Any] = []
    by_id: dict[str, list[Any]] = {}
    for element in _WITH_ID(root):
        by_id.setdefault(element.get("id"), []).append(element)
        if element.tag == "div" and _has_class(element, "numeco-video"):
            boxes.append(element)
    return boxes, by_id


def _transcript_target(box: Any) -> str:
    """The href of the first link in the "read the transcript" paragraph right after `box`; "" without one."""
    after = box.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()  # a comment or processing instruction is no element
    if after is None or not _has_class(after, "numeco-video__transcript-link"):
        return ""
    return next((str(link.get("href")) for link in after.iterdescendants("a") if link.get("href") is not None), "")


def _first_body(elements: Sequence[Any]) -> Any:
    """The first transcript body inside the elements that bear the target id (the first of them that has one
    holds the first in document order)."""
    for element in elements:
        for inner in element.iterdescendants(etree.Element):
            if _has_class(inner, "numeco-transcript__body"):
                return inner
    return None


def _has_class(element: Any, name: str) -> bool:
    """Whether `name` is one of the element's classes, split on XML whitespace as `normalize-space` does."""
    value = element.get("class")
    return value is not None and name in value.replace("\t", " ").replace("\n", " ").replace("\r", " ").split(" ")


def _content_of(page: str) -> str:
    """The page's `<article>` when there is one: parsing the navigation too would only cost time."""
    start, end = page.find("<article"), page.rfind("</article>")
    return page[start : end + len("</article>")] if 0 <= start < end else page


def plain_text(element: Any) -> str:
    """Text of an element: one line per block or `<br>`, whitespace inside a line collapsed."""
    if _flat_blocks(element):
        return _flat_text(element)
    parts: list[str] = []
    _collect(element, parts)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _flat_blocks(element: Any) -> bool:
    """Whether `element` is a block whose children are all blocks without children (no comment among them)."""
    return _is_block(element) and all(_is_block(child) and not len(child) for child in element)


def _flat_text(element: Any) -> str:
    """`plain_text` of the usual body, paragraphs of text: each chunk of text is a line of its own."""
    chunks = [element.text] + [text for child in element for text in (child.text, child.tail)]
    return "\n".join([_line(chunk) for chunk in chunks if chunk and not chunk.isspace()])


def _line(text: str) -> str:
    """`" ".join(text.split())`, without splitting a text that is already so (a paragraph as Markdown writes
    it): every whitespace character but the space is unprintable, so a printable text with no two spaces in a
    row and none at either end is its own result."""
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    return " ".join(text.split())


def _is_block(element: Any) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in _BLOCKS


def _collect(element: Any, parts: list[str]) -> None:
    is_block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
    if is_block:
        parts.append("\n")
    if isinstance(element.tag, str) and element.text:  # comments and processing instructions have no text to show
        parts.append(_collapsed(element.text))
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(_collapsed(child.tail))
    if is_block:
        parts.append("\n")


def _collapsed(text: str) -> str:
    """Each run of whitespace as one space (what `re.sub(r"\\s+", " ")` gives, 4x faster: `str.split` and `\\s`
    both split on `str.isspace`)."""
    words = " ".join(text.split())
    if not words:
        return " "
    return f"{' ' if text[0].isspace() else ''}{words}{' ' if text[-1].isspace() else ''}"


# -- the <head> --------------------------------------------------------------------


def head_html(feeds: Sequence[FeedLink], meta: Sequence[tuple[str, str]], json_ld: Sequence[dict[str, Any]]) -> str:
    """Everything we add to a page's head, escaped."""
    lines = [f'{_link_open(f.rel, f.type, f.title)}{esc(f.href)}">' for f in feeds]
    lines += [f'{_meta_open(name)}{esc(value)}">' for name, value in meta]
    lines += [json_ld_script(data) for data in json_ld]
    return "\n".join(lines)


# The start of a tag up to its one value that changes from page to page, escaped once: the same few names,
# feed types and titles on every page. Keyed by the text itself, so a cache kept across builds is still right.
@functools.lru_cache(maxsize=4096)
def _link_open(rel: str, kind: str, title: str) -> str:
    return f'<link rel="{esc(rel)}" type="{esc(kind)}" title="{esc(title)}" href="'


@functools.lru_cache(maxsize=4096)
def _meta_open(name: str) -> str:
    # Open Graph uses `property`; Twitter's own tags are read from `name`.
    attribute = "name" if name.startswith("twitter:") else "property"
    return f'<meta {attribute}="{esc(name)}" content="'


def inject_head(output: str, snippet: str) -> str:
    """Insert `snippet` right before the page's `</head>`; pages without one are left alone."""
    match = _HEAD_END.search(output)
    if not snippet or match is None:
        return output
    return f"{output[: match.start()]}{snippet}\n{output[match.start() :]}"

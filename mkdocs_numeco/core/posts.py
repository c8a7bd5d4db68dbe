"""Posts: the normalised view of a page's front matter, as Eleventy authors write it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from . import urls
from .frontmatter import FrontMatter, code_points, parse_datetime
from .problems import Problem

if TYPE_CHECKING:
    from .authors import Author
    from .reading import Reading

# Eleventy puts every page in these collections through `tags`; they are not topics.
COLLECTION_TAGS = frozenset({"post", "posts", "all", "nav"})

# Characters that XML 1.0 refuses or that are invisible controls: C0 and C1 controls
# (but tab, line feed and carriage return), DEL, lone surrogates and noncharacters.
# lxml (feeds) raises on the first group; browsers show none of them.
_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
UNSAFE_CHARACTERS = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff{_NONCHARACTERS}]"
)


@dataclass
class Post:
    """One dated page, with everything listings and series need."""

    src_uri: str
    url: str
    title: str
    description: str = ""
    date: date | None = None  # the UTC day of `published`: what listings, headers and permalinks show
    tags: list[str] = field(default_factory=list)
    series: str | None = None
    series_order: int | None = None
    image: str | None = None  # docs-relative path, or an absolute URL
    image_alt: str = ""
    problems: list[Problem] = field(default_factory=list)
    published: datetime | None = None  # aware, with the offset written; a bare date is midnight UTC
    draft: bool = False  # shown only in a preview (`mkdocs serve`), with a badge
    reading: Reading | None = None  # reading time, its transcripts' and its video's length (`core.reading`)
    authors: list[Author] = field(default_factory=list)  # `authors:` / `author:` resolved (`core.authors`)
    pinned: bool = False  # `pin: true`: first on the main listing, with a badge
    updated: datetime | None = None  # `updated:` or Material's `date: {updated: …}`; None when not later

    def __post_init__(self) -> None:
        if self.published is None and self.date is not None:
            self.published = midnight_utc(self.date)


def midnight_utc(day: date) -> datetime:
    """Eleventy reads a bare front-matter date as midnight UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def is_post(front: FrontMatter) -> bool:
    return "date" in front.data


def build_post(src_uri: str, url: str, front: FrontMatter, fallback_title: str) -> Post:
    """Normalise a post's front matter; problems are collected, never raised."""
    data = front.data
    problems: list[Problem] = []
    title = _text_of(data, "title", front, problems)
    post = Post(src_uri=src_uri, url=url, title=title or _safe_name(fallback_title), problems=problems)
    post.description = _text_of(data, "description", front, problems)
    post.published = _date(data.get("date"), front, post.problems)
    post.date = post.published.astimezone(UTC).date() if post.published is not None else None
    # Material's blog `categories` are tags here: a Material post moves over unchanged.
    both = _tags(data.get("tags"), front, post.problems) + _tags(data.get("categories"), front, problems, "categories")
    post.tags = list(dict.fromkeys(both))
    post.series = _text_of(data, "series", front, problems) or None
    post.series_order = _order(data.get("series_order"), front, post.problems)
    post.image, alt = _image(data.get("image"), src_uri, front, post.problems)
    post.image_alt = _safe("image alt", alt, front.line_of("image"), problems)
    post.pinned = _flag(data, "pin", front, problems)
    post.updated = _updated(data.get("updated"), post.published, front, problems)
    return post


def _updated(value: Any, published: datetime | None, front: FrontMatter, problems: list[Problem]) -> datetime | None:
    """When the post was last updated, if later than its publication; an unreadable date is reported."""
    if value is None:
        return None
    moment = parse_datetime(value)
    if moment is None:
        problems.append(
            Problem(front.line_of("updated"), f"updated {value!r} is not a real date: write it as YYYY-MM-DD; ignored")
        )
        return None
    return moment if published is None or moment > published else None


def _flag(data: dict[str, Any], key: str, front: FrontMatter, problems: list[Problem]) -> bool:
    """A yes/no key (`pin: true`); anything but `true` or `false` is reported and read as false."""
    value = data.get(key, False)
    if isinstance(value, bool):
        return value
    problems.append(Problem(front.line_of(key), f"{key} {value!r} is not true or false: it was read as false"))
    return False


def without_unsafe_characters(text: str) -> tuple[str, str]:
    """`text` without `UNSAFE_CHARACTERS`, and the code points removed ("" when none were)."""
    found = UNSAFE_CHARACTERS.findall(text)
    if not found:
        return text, ""
    return UNSAFE_CHARACTERS.sub("", text).strip(), code_points(found)


def _text_of(data: dict[str, Any], key: str, front: FrontMatter, problems: list[Problem]) -> str:
    """A front-matter value that must be one piece of text, made safe for HTML, XML and JSON."""
    return _safe(key, _scalar(data, key, front, problems), front.line_of(key), problems)


def _safe(what: str, text: str, line: int, problems: list[Problem]) -> str:
    """Front-matter text that goes into HTML, XML and JSON: unsafe characters removed, with a warning.

    `what` names the value; a `{}` in it is replaced by the cleaned text.
    """
    cleaned, removed = without_unsafe_characters(text)
    if removed:
        problems.append(
            Problem(
                line,
                f"{what.replace('{}', cleaned)} has characters that HTML, XML and JSON can't carry ({removed}):"
                " they were removed; delete them from the front matter",
            )
        )
    return cleaned


def _safe_name(text: str) -> str:
    """A title made from a file name: the file is the site owner's, so no warning."""
    return without_unsafe_characters(text)[0] or "Post"


def normalised_meta(front: FrontMatter, post: Post | None) -> dict[str, Any]:
    """The page meta MkDocs and themes see: Eleventy-only keys made harmless."""
    meta = dict(front.data)
    meta.pop("layout", None)  # Eleventy's layout means nothing to MkDocs
    if post is not None:
        meta["tags"] = list(post.tags)
        meta["title"] = post.title
        if post.description:
            meta["description"] = post.description
        else:
            meta.pop("description", None)  # not text (already reported): nothing to print
    return meta


# Page-meta keys MkDocs and Material read, and the shape each must have: any other shape
# makes the theme or the search plugin fail on the page, so it is left out with a warning.
_THEME_KEYS: dict[str, tuple[type, str]] = {
    "template": (str, "the file name of a template of the theme, as in template: main.html"),
    "status": (str, "one word, as in status: new"),
    "icon": (str, "an icon name, as in icon: material/video"),
    "subtitle": (str, "one text"),
    "hide": (list, "a list of navigation, toc, footer, path or tags, as in hide: [toc]"),
    "search": (dict, "a mapping, as in search: {exclude: true}"),
}


def theme_meta(meta: dict[str, Any], front: FrontMatter, templates: Callable[[str], bool]) -> list[Problem]:
    """Leave out of `meta` the theme keys of the wrong shape, and a `template` the theme doesn't have."""
    problems = []
    for key, (kind, shape) in _THEME_KEYS.items():
        if key not in meta:
            continue
        value = meta[key]
        wrong = not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) for v in value))
        if not wrong and key == "template" and not templates(value):
            wrong, shape = True, f"{shape}; the theme has no template {value!r}"
        if wrong:
            del meta[key]
            problems.append(Problem(front.line_of(key), f"{key} {_shown(value)} is not {shape}: it was ignored"))
    return problems


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _scalar(data: dict[str, Any], key: str, front: FrontMatter, problems: list[Problem]) -> str:
    """A front-matter value that must be one piece of text; a list or mapping is reported and left out."""
    value = data.get(key)
    if value is None or isinstance(value, (str, int, float, date)) and not isinstance(value, bool):
        return _text(value)
    problems.append(
        Problem(
            front.line_of(key), f"{key} {value!r} is not a single text and was ignored: write it as one quoted string"
        )
    )
    return ""


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any, front: FrontMatter, problems: list[Problem]) -> datetime | None:
    parsed = parse_datetime(value)
    if parsed is None:
        problems.append(
            Problem(
                front.line_of("date"),
                f"date {value!r} is not a real date: write it as YYYY-MM-DD, or with a time as in"
                " 2025-01-01T10:00:00+02:00; the post is listed last until then",
            )
        )
    return parsed


def _tags(value: Any, front: FrontMatter, problems: list[Problem], key: str = "tags") -> list[str]:
    """The tags (or categories) of a post, in order, without repeats; what isn't text is reported at `key`."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    tags: dict[str, None] = {}  # ordered and without repeats, in one pass
    for item in items:
        if isinstance(item, str):
            name = _safe("tag '{}'", item.strip(), front.line_of(key), problems)
        elif isinstance(item, (int, float, date)) and not isinstance(item, bool):
            name = str(item)
            problems.append(
                Problem(front.line_of(key), f"tag {item!r} is not text; it was read as '{name}': put it in quotes")
            )
        else:
            problems.append(
                Problem(
                    front.line_of(key),
                    f"tag {item!r} is not text and was ignored: write each tag as a quoted string",
                )
            )
            continue
        if name and name.lower() not in COLLECTION_TAGS:
            tags.setdefault(name)
    return list(tags)


def _order(value: Any, front: FrontMatter, problems: list[Problem]) -> int | None:
    if value is None:
        return None
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(value)
        return int(value)
    except (TypeError, ValueError, OverflowError):
        problems.append(
            Problem(
                front.line_of("series_order"),
                f"series_order {value!r} is not a whole number and was ignored: write one, as in 'series_order: 2'",
            )
        )
        return None


def image_parts(value: Any) -> tuple[str | None, Any]:
    """The path and alternative text of `image`, written as a path or as `{path, alt}` (`src` too).

    The alt is None when the author gave none; the path is None when it isn't usable text.
    """
    path, alt = (value.get("path") or value.get("src"), value.get("alt")) if isinstance(value, dict) else (value, None)
    return (path.strip() if isinstance(path, str) and path.strip() else None), alt


def _image(value: Any, src_uri: str, front: FrontMatter, problems: list[Problem]) -> tuple[str | None, str]:
    """Resolve `image` against the post's folder; a URL the policy refuses is reported and left out."""
    path, alt = image_parts(value)
    if path is None:
        return None, _text(alt)
    why = image_refusal(path, "the page has no image until it is fixed")
    if why is not None:
        problems.append(Problem(front.line_of("image"), why))
        return None, _text(alt)
    return resolve_path(path, src_uri), _text(alt)


def image_refusal(path: str, consequence: str) -> str | None:
    """Why the URL policy refuses `path` as an `image:`, or None."""
    return urls.refusal(urls.classify(path), urls.IMAGE, "image", consequence)


def is_external(path: str) -> bool:
    """Not a file of this site (an http(s) URL, or anything the URL policy refuses): never loaded by our pages."""
    return not urls.is_local(urls.classify(path))


def resolve_path(path: str, src_uri: str) -> str | None:
    """A docs-relative path for `path` as written in the post at `src_uri` (see `urls.resolve`).

    http(s) URLs stay as they are; `/x.png` is relative to the docs root;
    anything the URL policy refuses gives None.
    """
    return urls.resolve(urls.classify(path), src_uri)

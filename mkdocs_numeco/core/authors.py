"""Authors of posts, as Material's blog has them: ids in front matter, details in an `.authors.yml` file.

The file (`authors_file`, from the docs folder) has Material's format::

    authors:
      jdupont:
        name: Jeanne Dupont
        description: Rédactrice
        avatar: images/jdupont.png   # a local image; an http(s) avatar is not shown (no third-party request)
        url: https://example.org/jd  # where the name links to, through the URL policy

A post names its authors with `authors: [jdupont, …]` (Material), or `author:` (one id, or a name written out,
as Eleventy sites do). An `authors:` id the file doesn't know is a warning, and the id is shown as it is.
The file is read with the same limits as front matter; a file that can't be read is one warning.
Pure: no MkDocs, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import urls
from .frontmatter import FrontMatter, read_data
from .ordering import newest_first
from .posts import without_unsafe_characters
from .problems import Problem
from .slugs import SlugMap

FIELDS = ("name", "description", "avatar", "url")


@dataclass(frozen=True)
class Author:
    """One author as pages show them."""

    key: str
    name: str
    description: str = ""
    avatar: str | None = None  # a docs-relative path of a local image
    url: str | None = None  # an http(s) or mailto: URL as written
    page: str | None = None  # or a docs-relative path, linked when it is a file of the site
    known: bool = True  # found in the authors file


@dataclass
class AuthorsFile:
    """The authors of the site, by id, and what was wrong with their file."""

    authors: dict[str, Author]
    problems: list[Problem]


def read_authors(text: str) -> AuthorsFile:
    """Read an `.authors.yml` file; every problem has the file's line, nothing raises."""
    front = read_data(text)
    problems = [Problem(p.line, f"authors file: {p.message}") for p in front.problems]
    table = front.data.get("authors")
    if table is None and not front.problems:
        problems.append(Problem(1, "the authors file has no `authors:` mapping: write authors: {id: {name: …}}"))
    if table is not None and not isinstance(table, Mapping):
        problems.append(Problem(front.line_of("authors"), "`authors:` is not a mapping of ids: it was ignored"))
        table = None
    found = {}
    for key, value in (table or {}).items():
        author = _author(str(key), value, front, problems)
        if author is not None:
            found[author.key] = author
    return AuthorsFile(found, problems)


def _author(key: str, value: Any, front: FrontMatter, problems: list[Problem]) -> Author | None:
    line = front.line_of("authors")
    if not isinstance(value, Mapping):
        problems.append(Problem(line, f"author {key!r} is not a mapping of name, description, avatar, url: ignored"))
        return None
    texts = {name: _text(value.get(name)) for name in FIELDS}
    avatar = _avatar(key, texts["avatar"], line, problems)
    url, page = _link(key, texts["url"], line, problems)
    return Author(key, texts["name"] or key, texts["description"], avatar, url, page)


def _text(value: Any) -> str:
    if value is None or isinstance(value, (Mapping, list, bool)):
        return ""
    return without_unsafe_characters(str(value).strip())[0]


def _avatar(key: str, path: str, line: int, problems: list[Problem]) -> str | None:
    """A local avatar as a docs path; an http(s) one is not shown (no third-party request from our pages)."""
    if not path:
        return None
    url = urls.classify(path)
    why = urls.refusal(url, urls.IMAGE, f"the avatar of author {key!r}", "it is not shown")
    if why is not None:
        problems.append(Problem(line, why))
        return None
    return urls.resolve(url, "index.md") if urls.is_local(url) else None


def _link(key: str, text: str, line: int, problems: list[Problem]) -> tuple[str | None, str | None]:
    """`(url, page)`: an http(s) or mailto: URL as written, or the docs path of a local one."""
    if not text:
        return None, None
    url = urls.classify(text)
    why = urls.refusal(url, urls.LINK, f"the url of author {key!r}", "the name is not linked")
    if why is not None:
        problems.append(Problem(line, why))
        return None, None
    if url.kind in (urls.ABSOLUTE, urls.MAILTO):
        return url.value, None
    return None, urls.resolve(url, "index.md")


def post_authors(front: FrontMatter, known: Mapping[str, Author]) -> tuple[list[Author], list[Problem]]:
    """The authors a post names (`authors:` ids, else `author:`), in order, without repeats."""
    data, problems = front.data, []
    if "authors" in data:
        key, value = "authors", data["authors"]
        items = value if isinstance(value, list) else [value]
    elif "author" in data:
        key, items = "author", [data["author"]]
    else:
        return [], []
    line = front.line_of(key)
    found: dict[str, Author] = {}
    for item in items:
        author = _named(key, item, line, known, problems)
        if author is not None:
            found.setdefault(author.key, author)
    return list(found.values()), problems


def _named(key: str, item: Any, line: int, known: Mapping[str, Author], problems: list[Problem]) -> Author | None:
    """The author an item of `authors:` (an id) or `author:` (an id or a name) names."""
    if isinstance(item, Mapping) and key == "author":  # `author: {name: …}` (Eleventy data)
        item = item.get("name")
    if item is None or isinstance(item, (Mapping, list, bool)):
        problems.append(Problem(line, f"{key} {item!r} is not an author id nor a name: it was ignored"))
        return None
    name = without_unsafe_characters(str(item).strip())[0]
    if not name:
        return None
    author = known.get(name)
    if author is None and key == "authors":
        problems.append(
            Problem(
                line,
                f"author {name!r} is not in the authors file: add it there"
                " (authors: {id: {name: …}}); the id is shown as it is",
            )
        )
    return author or Author(name, name, known=False)


PAGE_FIELDS = ("slug",)  # the fields of `authors_pages.url`, every one required


@dataclass
class Written:
    """One author and their posts, newest first, for the author's page (`authors_pages`)."""

    author: Author
    slug: str
    posts: list[Any]
    keys: dict[str, None]  # the ids on this page (two ids one slug apart share it)


def by_author(posts: Iterable[Any]) -> list[Written]:
    """Each author of `posts` (ids of the authors file, or names written out) with their posts, newest first.

    Authors are in the order of their slugs; two ids one slug apart (`JD`, `jd`) share a page, the first one's.
    """
    ordered = newest_first(posts)
    slugs = SlugMap(author.key for post in ordered for author in post.authors)
    found: dict[str, Written] = {}
    for post in ordered:
        for author in post.authors:
            slug = slugs[author.key]
            written = found.setdefault(slug, Written(author, slug, [], {}))
            written.keys[author.key] = None
            if not written.posts or written.posts[-1] is not post:
                written.posts.append(post)
    return [found[slug] for slug in sorted(found)]

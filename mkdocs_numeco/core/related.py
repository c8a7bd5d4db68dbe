"""Related links at the end of a post, from Material's front-matter key `links:`.

The key is a list; each item is one of::

    links:
      - setup/setting-up-a-blog.md          # a page of the site, titled with its own title
      - Réglages: setup/index.md#options     # a page, with a title and an anchor
      - Material: https://squidfunk.github.io/mkdocs-material/
      - Pour aller plus loin:                # a section: a list of the items above
          - setup/a.md
          - Autre: setup/b.md

Paths are from `docs_dir`, as Material reads them. An external address goes through the URL
policy (`core.urls`); a refused one, or a path that is no page of the site, is a problem at the
key's line and is shown as text: nothing the author wrote is lost. A section inside a section is
one level too deep: its items join the outer section, with a warning.
Pure: no MkDocs, no I/O; `page_title(src_uri)` says whether a docs file is a page, and its title.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from . import urls
from .posts import without_unsafe_characters
from .problems import Problem

# The title of the page a docs path (`src_uri`) names; None when it names no page.
PageTitle = Callable[[str], str | None]


@dataclass(frozen=True)
class Link:
    """One related link: to a page of the site (`page`), to an address (`url`), or shown as text (neither)."""

    title: str
    page: str | None = None  # src_uri of a page of the site
    anchor: str = ""  # `#part` of a page, without `#`
    url: str | None = None  # an http(s) or mailto: address, as written


@dataclass
class Group:
    """The links of one section (`name`), or of no section (`name` is "")."""

    name: str
    links: list[Link] = field(default_factory=list)


@dataclass
class Reading:
    """What `links:` gives: its groups, in the author's order, and its problems."""

    groups: list[Group]
    problems: list[Problem]


def read_links(value: Any, line: int, page_title: PageTitle, unpublished: Container[str] = ()) -> Reading:
    """The groups of links of a `links:` value written at `line`.

    `unpublished` are pages of the site not written in this build (drafts): a link to one is text, without a
    warning, as MkDocs says nothing of a link to an excluded page.
    """
    reader = _Reader(line, page_title, unpublished)
    if value is None:
        return Reading([], [])
    if not isinstance(value, list):
        reader.problem("`links:` is not a list: write links: [path.md, {Title: https://…}]; its value is shown as text")
        value = [value]
    top = Group("")
    groups = [top]
    for item in value:
        if _is_section(item):
            for name, items in item.items():
                section = Group(_text(name))
                reader.section(items, section)
                groups.append(section)
        else:
            reader.item(item, top)
    return Reading([group for group in groups if group.links], reader.problems)


def _is_section(item: Any) -> bool:
    return isinstance(item, Mapping) and any(isinstance(value, list) for value in item.values())


class _Reader:
    def __init__(self, line: int, page_title: PageTitle, unpublished: Container[str]) -> None:
        self.line = line
        self.page_title = page_title
        self.unpublished = unpublished
        self.problems: list[Problem] = []

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.line, message))

    def section(self, items: list[Any], group: Group) -> None:
        """The items of a section; a section inside it gives its items to it, with a warning."""
        pending = list(reversed(items))
        while pending:  # a stack rather than recursion: nesting costs nothing
            item = pending.pop()
            if _is_section(item):
                self.problem(
                    f"links: section {_text(next(iter(item)))!r} is inside section {group.name!r}: only one level"
                    " of sections is shown; its links are listed in the outer section"
                )
                for value in reversed(list(item.values())):
                    pending.extend(reversed(value) if isinstance(value, list) else [value])
            else:
                self.item(item, group)

    def item(self, item: Any, group: Group) -> None:
        if isinstance(item, Mapping):
            for title, target in item.items():
                self.one(_text(title), target, group)
        else:
            self.one("", item, group)

    def one(self, title: str, target: Any, group: Group) -> None:
        if not isinstance(target, str) or not target.strip():
            self.problem(f"links: {title or target!r} names no page nor address: it is shown as text")
            group.links.append(Link(title or _text(target)))
            return
        target = target.strip()
        url = urls.classify(target)
        why = urls.refusal(url, urls.LINK, f"the related link {title or target!r}", "it is shown as text")
        if why is not None:
            self.problem(why)
            group.links.append(Link(title or _text(target)))
        elif url.kind in (urls.ABSOLUTE, urls.MAILTO):
            group.links.append(Link(title or _text(target), url=url.value))
        else:
            group.links.append(self.local(title, target, url))

    def local(self, title: str, target: str, url: urls.Url) -> Link:
        """A path from `docs_dir` (`/` before it or not), with its anchor."""
        anchor = urlsplit(url.value).fragment
        page = urls.resolve(urls.Url(url.value.lstrip("/"), urls.RELATIVE), "index.md")
        found = self.page_title(page) if page and not page.startswith("../") else None
        if page is not None and page in self.unpublished:
            return Link(title or _text(target))
        if found is None:
            self.problem(
                f"links: {target!r} is not a page of the site: write the path of a Markdown page from"
                " docs_dir, as in setup/page.md; it is shown as text"
            )
            return Link(title or _text(target))
        return Link(title or found, page=page, anchor=anchor)


def _text(value: Any) -> str:
    return without_unsafe_characters(str(value).strip())[0] if value is not None else ""

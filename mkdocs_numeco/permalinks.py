"""Post URLs kept from Eleventy: `permalink: "actualites/{slug}/"`.

Readers and search engines know the old addresses. A post moves to the URL
given by its own front-matter `permalink` (a plain path, as Eleventy reads it)
or else by the site's pattern, where `{slug}` is Eleventy's `fileSlug`: the
file name without extension nor leading `YYYY-MM-DD-` date. `{year}`,
`{month}` and `{day}` come from the post's date.

Only the File's destination changes (MkDocs 1.6 lets plugins set `dest_uri`
and `url` in `on_files`), so links between pages keep working: MkDocs
computes them from these very fields.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .frontmatter import FrontMatter, parse_date
from .shortcodes import Problem
from .shortcodes.html import esc

FIELDS = frozenset({"slug", "year", "month", "day"})
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_SAFE_PATH = re.compile(r"[\w\-./~%]+")


def file_slug(src_uri: str) -> str:
    """Eleventy's `fileSlug`: `2024-01-10-bilan.md` gives `bilan`; `bilan/index.md` gives `bilan`."""
    path = PurePosixPath(src_uri)
    stem = path.parent.name if path.stem == "index" and path.parent.name else path.stem
    return _DATE_PREFIX.sub("", stem) or stem


def check_pattern(pattern: str) -> None:
    """Raise `PluginError` for a pattern with unknown `{fields}` or no `{slug}`."""
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as error:
        raise PluginError(f"numeco: permalink '{pattern}' is not a valid pattern ({error})") from error
    unknown = used - FIELDS
    if unknown:
        raise PluginError(f"numeco: permalink '{pattern}' uses unknown {sorted(unknown)}; known: {sorted(FIELDS)}")
    if "slug" not in used:
        raise PluginError(f"numeco: permalink '{pattern}' must contain {{slug}}, or every post would share one URL")


def expand(pattern: str, src_uri: str, when: date | None) -> str | None:
    """The URL path a post gets from `pattern`, or None when the pattern needs a date it lacks."""
    fields: dict[str, Any] = {"slug": file_slug(src_uri)}
    if when is not None:
        fields.update(year=f"{when.year:04d}", month=f"{when.month:02d}", day=f"{when.day:02d}")
    try:
        return pattern.format_map(fields)
    except KeyError:
        return None


def destination(path: str, use_directory_urls: bool) -> tuple[str, str]:
    """`(dest_uri, url)` for a URL path: `a/b/` is the folder's index, `a/b.html` a file."""
    clean = path.strip().strip("/")
    if clean.endswith(".html"):
        name = PurePosixPath(clean).name
        url = clean[: -len(name)] if use_directory_urls and name == "index.html" else clean
        return clean, url
    dest = f"{clean}/index.html" if clean else "index.html"
    return dest, (f"{clean}/" if clean else "./") if use_directory_urls else dest


@dataclass(frozen=True)
class Redirect:
    """A page at an old URL that sends readers to where the post is now."""

    dest_uri: str
    url: str
    target: File


def redirect_html(from_url: str, target_url: str, site_url: str | None, lang: str) -> str:
    """A redirect page: instant refresh, a link for anyone it doesn't move, the new URL as canonical."""
    relative = get_relative_url(target_url, from_url)
    canonical = (site_url.rstrip("/") + "/" + target_url.lstrip("./")) if site_url else relative
    return (
        f'<!doctype html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(relative)}</title>\n"
        f'<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{esc(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={esc(relative)}">\n'
        f'</head>\n<body>\n<p><a href="{esc(relative)}">{esc(relative)}</a></p>\n</body>\n</html>\n'
    )


class Permalinks:
    """Moves posts to their old URLs, one build at a time, refusing to put two pages at one place."""

    def __init__(
        self, pattern: str | None, use_directory_urls: bool, files: Files, redirect_from: list[str] | None = None
    ) -> None:
        for one in [pattern or "", *(redirect_from or [])]:
            if one:
                check_pattern(one)
        self.pattern = pattern
        self.redirect_from = list(redirect_from or [])
        self.use_directory_urls = use_directory_urls
        self.taken = {file.dest_uri: file.src_uri for file in files}
        self.redirects: list[Redirect] = []

    def apply(self, file: File, front: FrontMatter) -> list[Problem]:
        """Move `file` to its permalink, if it has one; problems say why it stayed."""
        own = front.data.get("permalink")
        if isinstance(own, str) and own.strip():
            if "{{" in own or "{%" in own or not _SAFE_PATH.fullmatch(own.strip()):
                return [
                    Problem(
                        front.line_of("permalink"),
                        f"permalink {own!r} is a template or not a plain path:"
                        " write the URL itself, as in permalink: /actualites/mon-article/; the post keeps its default URL",
                    )
                ]
            path = own
        elif self.pattern:
            found = expand(self.pattern, file.src_uri, parse_date(front.data.get("date")))
            if found is None:
                return [
                    Problem(
                        front.line_of("date"),
                        f"the permalink pattern '{self.pattern}' needs the post's date,"
                        " which can't be read: fix the date; the post keeps its default URL",
                    )
                ]
            path = found
        else:
            return []
        dest, url = destination(path, self.use_directory_urls)
        other = self.taken.get(dest)
        if other is not None and other != file.src_uri:
            return [
                Problem(
                    front.line_of("permalink") if own else 1,
                    f"permalink '{path}' is already the URL of"
                    f" {other}: give this post another one; it keeps its default URL",
                )
            ]
        self.taken.pop(file.dest_uri, None)
        self.taken[dest] = file.src_uri
        file.dest_uri, file.url = dest, url
        file.__dict__.pop("abs_dest_path", None)  # cached from the old dest_uri
        return []

    def plan_redirects(self, file: File, front: FrontMatter) -> None:
        """Remember the old URLs of a post (after `apply`), one per `redirect_from` pattern."""
        when = parse_date(front.data.get("date"))
        for pattern in self.redirect_from:
            path = expand(pattern, file.src_uri, when)
            if path is not None:
                dest, url = destination(path, self.use_directory_urls)
                if dest != file.dest_uri:
                    self.redirects.append(Redirect(dest, url, file))

    def redirect_files(self, config: MkDocsConfig) -> list[File]:
        """The redirect pages, except where a page of the site already is (it wins), in URL order."""
        files: dict[str, File] = {}
        lang = str(config.theme.get("language") or "en")
        for one in sorted(self.redirects, key=lambda r: (r.dest_uri, r.target.src_uri)):
            if one.dest_uri in self.taken or one.dest_uri in files:
                continue
            html = redirect_html(one.url, one.target.url, config.site_url, lang)
            files[one.dest_uri] = File.generated(config, one.dest_uri, content=html)
        return list(files.values())

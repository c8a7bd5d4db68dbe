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
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..config import PERMALINK_FIELDS
from ..core.confine import PLUGIN, Claims, confine, shown
from ..core.frontmatter import FrontMatter
from ..core.patterns import pattern_problem
from ..core.problems import Problem
from ..core.render import Renderer, packaged

log = get_plugin_logger(__name__)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_SAFE_PATH = re.compile(r"[\w\-./~%]+")


def file_slug(src_uri: str) -> str:
    """Eleventy's `fileSlug`: `2024-01-10-bilan.md` gives `bilan`; `bilan/index.md` gives `bilan`."""
    path = PurePosixPath(src_uri)
    stem = path.parent.name if path.stem == "index" and path.parent.name else path.stem
    return _DATE_PREFIX.sub("", stem) or stem


def check_pattern(pattern: str) -> None:
    """Raise `PluginError` for a pattern with unknown `{fields}` or no `{slug}`.

    The configuration already refuses such patterns when it loads (`config.Pattern`); this
    guards a `Permalinks` made without it, with the same check (`patterns.pattern_problem`).
    """
    problem = pattern_problem(pattern, PERMALINK_FIELDS, ("slug",))
    if problem is not None:
        raise PluginError(f"numeco: permalink {problem}")


def expand(pattern: str, src_uri: str, when: date | None, slug: str | None = None) -> str | None:
    """The URL path a post gets from `pattern`, or None when the pattern needs a date it lacks.

    `slug` is the post's own `slug:` (Material's key); else `{slug}` is the file's.
    """
    fields: dict[str, Any] = {"slug": slug or file_slug(src_uri)}
    if when is not None:
        fields.update(year=f"{when.year:04d}", month=f"{when.month:02d}", day=f"{when.day:02d}")
    try:
        return pattern.format_map(fields)
    except KeyError:
        return None


def own_slug(front: FrontMatter) -> tuple[str | None, list[Problem]]:
    """A post's `slug:` (Material's blog key): one path segment of letters, digits, `-`, `_`, `.`, `~`, `%`."""
    value = front.data.get("slug")
    if value is None:
        return None, []
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if text and _SAFE_PATH.fullmatch(text) and "/" not in text and text.strip("."):
        return text, []
    why = f"slug {shown(repr(value))} is not one plain URL segment (letters, digits, - _ . ~): the post keeps its slug"
    return None, [Problem(front.line_of("slug"), why)]


def _sibling(src_uri: str, slug: str) -> str:
    """The URL path of a post named `slug` in its file's folder: `posts/a.md` with `slug: b` gives `posts/b/`."""
    path = PurePosixPath(src_uri)
    folder = str(path.parent.parent if path.stem in ("index", "README") else path.parent)
    return f"{slug}/" if folder in ("", ".") else f"{folder}/{slug}/"


def destination(path: str, use_directory_urls: bool) -> tuple[str, str]:
    """`(dest_uri, url)` for a URL path: `a/b/` is the folder's index, `a/b.html` a file."""
    clean = path.strip().strip("/")
    if clean.endswith(".html"):
        name = PurePosixPath(clean).name
        url = clean[: -len(name)] if use_directory_urls and name == "index.html" else clean
        return clean, url
    dest = f"{clean}/index.html" if clean else "index.html"
    return dest, (f"{clean}/" if clean else "./") if use_directory_urls else dest


EXAMPLE = "as in permalink: /actualites/mon-article/"


def site_claims(files: Files, config: MkDocsConfig) -> Claims:
    """Every output path MkDocs, the theme, the search plugin and the user's files will have.

    Pages and static files are compared by where they are written (`dest_uri`): with
    `use_directory_urls`, `posts.md` and `posts/index.md` both give `posts/index.html`.
    """
    claims = Claims()
    docs_dir = str(config.docs_dir)
    for file in files:
        claims.claim(file.dest_uri, _owner(file, docs_dir), me=file.src_uri)
    templates = set(config.theme.static_templates)
    for name in sorted(templates):
        claims.claim(name, f"the theme's {name}")
    if "sitemap.xml" in templates:
        claims.claim("sitemap.xml.gz", "the theme's sitemap.xml.gz")
    for name in config.extra_templates:
        claims.claim(name, f"the template {name}")
    if any(name.rpartition("/")[2] == "search" for name in config.plugins):
        claims.reserve("search", "the search plugin")
    claims.reserve("assets/numeco", "the plugin's own assets", me=PLUGIN)
    return claims


def _owner(file: File, docs_dir: str) -> str:
    if file.generated_by:
        return f"{file.dest_uri} of {file.generated_by}"
    if file.src_dir is not None and str(file.src_dir) != docs_dir:
        return f"the theme's {file.dest_uri}"
    return f"the page {file.src_uri}" if file.is_documentation_page() else f"the file {file.src_uri}"


@dataclass(frozen=True)
class Redirect:
    """A page at an old URL that sends readers to where the post is now."""

    dest_uri: str
    url: str
    target: File
    title: str = ""  # the target page's title, which names the redirect page


def redirect_html(
    from_url: str,
    target_url: str,
    site_url: str | None,
    lang: str,
    *,
    renderer: Renderer | None = None,
    title: str = "",
) -> str:
    """A redirect page (`redirect.html`): instant refresh, a link for anyone it doesn't move, the new URL as canonical.

    The page and its link are named with `title`, the target page's title (the relative URL when there is none).
    """
    relative = get_relative_url(target_url, from_url)
    canonical = (site_url.rstrip("/") + "/" + target_url.lstrip("./")) if site_url else relative
    page = (renderer or packaged()).markup(
        "redirect.html", relative=relative, canonical=canonical, lang=lang, title=title
    )
    return page + "\n"


class Permalinks:
    """Moves posts to their old URLs, one build at a time, never onto a path someone else has.

    Posts are moved in the order of their source paths, so when two claim one URL the
    first by path keeps it and the second stays at its default URL.
    """

    def __init__(
        self,
        pattern: str | None,
        use_directory_urls: bool,
        claims: Claims,
        site_dir: str,
        redirect_from: list[str] | None = None,
    ) -> None:
        for one in [pattern or "", *(redirect_from or [])]:
            if one:
                check_pattern(one)
        self.pattern = pattern
        self.redirect_from = list(redirect_from or [])
        self.use_directory_urls = use_directory_urls
        self.claims = claims
        self.site_dir = site_dir
        self.redirects: list[Redirect] = []

    def apply(self, file: File, front: FrontMatter, day: date | None) -> list[Problem]:
        """Move `file` to its permalink, if it has one; problems say why it stayed, or what was shortened.

        `day` is the post's date as its record holds it (None when it can't be read): parsed once, in `posts`.
        """
        own = front.data.get("permalink")
        if isinstance(own, str) and own.strip():
            line = front.line_of("permalink")
            if "{{" in own or "{%" in own:
                return [Problem(line, _not_plain(own))]
            return self._move(file, own, line)
        if own not in (None, False, ""):  # `false` is Eleventy's "write no page", handled before
            return [
                Problem(
                    front.line_of("permalink"),
                    f"permalink {shown(repr(own))} is not a path: write it as text, as in"
                    " permalink: /actualites/mon-article/; the post keeps its default URL",
                )
            ]
        slug, problems = own_slug(front)
        if not self.pattern:
            return problems + (self._move(file, _sibling(file.src_uri, slug), front.line_of("slug")) if slug else [])
        found = expand(self.pattern, file.src_uri, day, slug)
        if found is None:
            return problems + [
                Problem(
                    front.line_of("date"),
                    f"the permalink pattern '{self.pattern}' needs the post's date,"
                    " which can't be read: fix the date; the post keeps its default URL",
                )
            ]
        return problems + self._move(file, found, 1)

    def _move(self, file: File, value: str, line: int) -> list[Problem]:
        """Move `file` to `value` (a URL path), unless it is refused or taken."""
        subject = f"permalink {shown(value)}"
        confined = confine(value)
        if confined.path is None:
            return [Problem(line, _refused(subject, confined.refusal))]
        if confined.path and not _SAFE_PATH.fullmatch(confined.path):
            return [Problem(line, _not_plain(value))]
        dest, url = destination(confined.path, self.use_directory_urls)
        checked = confine(dest, self.site_dir)
        if checked.refusal is not None:
            return [Problem(line, _refused(subject, checked.refusal))]
        clash = self.claims.clash(dest, me=file.src_uri)
        if clash is not None:
            return [
                Problem(
                    line, f"{subject} is refused ({clash}): give this post a URL of its own; it keeps its default URL"
                )
            ]
        self.claims.release(file.dest_uri)
        self.claims.claim(dest, f"the post {file.src_uri}", me=file.src_uri)
        file.dest_uri, file.url = dest, url
        file.__dict__.pop("abs_dest_path", None)  # cached from the old dest_uri
        return [Problem(line, f"{subject}: {confined.note}")] if confined.note else []

    def plan_redirects(self, file: File, day: date | None, title: str = "") -> list[Problem]:
        """Remember the old URLs of a post (after `apply`), one per `redirect_from` pattern; `day` as for `apply`.

        `title`, the post's title, names the redirect pages.
        """
        problems = []
        for pattern in self.redirect_from:
            path = expand(pattern, file.src_uri, day)
            if path is None:
                continue
            confined = confine(path)
            subject = f"redirect_from {pattern!r} gives {shown(path, 50)} for this post"
            if confined.path is None:
                problems.append(Problem(1, f"{subject}, which is refused ({confined.refusal}): no redirect is written"))
                continue
            if confined.note:
                problems.append(Problem(1, f"{subject}: {confined.note}"))
            dest, url = destination(confined.path, self.use_directory_urls)
            if dest != file.dest_uri:
                self.redirects.append(Redirect(dest, url, file, title))
        return problems

    def redirect_files(self, config: MkDocsConfig, renderer: Renderer | None = None) -> list[File]:
        """The redirect pages, except where anything else of the site is (it wins), in URL order."""
        files = []
        lang = str(config.theme.get("language") or "en")
        for one in sorted(self.redirects, key=lambda r: (r.dest_uri, r.target.src_uri)):
            clash = self.claims.clash(one.dest_uri) or confine(one.dest_uri, self.site_dir).refusal
            if clash is not None:
                log.info(f"no redirect from {one.url} to {one.target.src_uri}: {clash}")
                continue
            self.claims.claim(one.dest_uri, f"the redirect to {one.target.src_uri}", me=PLUGIN)
            html = redirect_html(one.url, one.target.url, config.site_url, lang, renderer=renderer, title=one.title)
            files.append(File.generated(config, one.dest_uri, content=html))
        return files


def _refused(subject: str, why: str | None) -> str:
    return f"{subject} is refused ({why}): write a path inside the site, {EXAMPLE}; the post keeps its default URL"


def _not_plain(value: str) -> str:
    return (
        f"permalink {shown(value)} is a template or not a plain path:"
        f" write the URL itself, {EXAMPLE}; the post keeps its default URL"
    )

"""Hostile output paths (issue 12, items 1 and 2, and long names of item 3): pages that can all live in one site.

`ATTACKS` holds, per attack, the pages of a small site and the warnings its build must print.
`PAGES` and `USER_FILES` put every attack in one site (`PLUGIN` is what that site needs from the
plugin), and `WARNINGS` is what that one build must print: where two attacks meet (the user's
`posts.md` and a post claiming `/posts/`), the combined warning names the user's file.
`check_outputs(site_dir)` lists what went wrong in a built site: a user file that did not come out
as written, or a home page that is not the user's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sitebuild import post

from mkdocs_numeco.core.confine import shorten
from mkdocs_numeco.core.slugs import slugify

HOME = "# Accueil paths\n\nLa page d'accueil.\n"
KEEPS = "write a path inside the site, as in permalink: /actualites/mon-article/; the post keeps its default URL"
OWN = "give this post a URL of its own; it keeps its default URL"
LONG_NAME = "paths-" + "a" * 300
LONG_TAG = "Paths " + "étiquette " * 30  # 330 bytes of slug once folded
LONG_SERIES = "Paths " + "saison " * 45
FEED_XML = b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Le mien</title></feed>\n'
FEED_JSON = b'{"version": "https://jsonfeed.org/version/1.1", "title": "Le mien", "items": []}\n'


@dataclass
class Attack:
    """A small site: its pages, the warnings its build prints, and those it prints among all the others."""

    pages: dict[str, str | bytes]
    warnings: list[str]
    combined: list[str] | None = None  # the warnings in the one site of all attacks, when they differ
    user_files: dict[str, str | bytes] = field(default_factory=dict)


def _permalink(name: str, value: str, title: str = "Billet piégé", **front: Any) -> dict[str, str | bytes]:
    return {f"posts/paths-{name}.md": post(title, "2024-03-01", "Le texte de l'auteur.", permalink=value, **front)}


def _refused(name: str, value: str, why: str, then: str = KEEPS) -> str:
    return f"posts/paths-{name}.md:5: permalink {value!r} is refused ({why}): {then}"


def _taken(name: str, value: str, dest: str, owner: str) -> str:
    return _refused(name, value, f"{dest} is already taken by {owner}", OWN)


def _folder(name: str, value: str, dest: str, owner: str) -> str:
    return _refused(name, value, f"{dest} is already taken by {owner} and cannot be a folder", OWN)


def _not_generated(what: str, dest: str, owner: str, option: str) -> str:
    return (
        f"{what} is not generated ({dest} is already taken by {owner}, which wins):"
        f" set {option} to another folder to have both"
    )


def _shown(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:60] + "…")


def _long(where: str, subject: str, name: str) -> str:
    short = shorten(name)
    assert short != name and len(short.encode()) <= 200 and short[-11:-10] == "-"
    return (
        f"{where}: {subject}: the name '{name[:24]}…' is {len(name.encode())} bytes, more than a file name may hold"
        f" (200 bytes): it is shortened to '{short[:24]}…{short[-11:]}'"
    )


def _a_post(name: str, **front: Any) -> dict[str, str | bytes]:
    return {f"posts/paths-{name}.md": post(f"Billet {name}", "2024-03-01", "Texte.", **front)}


ATTACKS: dict[str, Attack] = {
    # -- 1. a post's permalink never leaves site_dir --------------------------------------------------
    "escape": Attack(
        _permalink("escape", "../paths-escaped/"),
        [_refused("escape", "../paths-escaped/", "it has a '..' segment")],
    ),
    "dotdot-home": Attack(
        _permalink("dotdot-home", "x/../"), [_refused("dotdot-home", "x/../", "it has a '..' segment")]
    ),
    "dot-home": Attack(_permalink("dot-home", "./"), [_refused("dot-home", "./", "it has a '.' segment")]),
    "override": Attack(
        _permalink("override", "../overrides/main.html"),
        [_refused("override", "../overrides/main.html", "it has a '..' segment")],
    ),
    "backslash": Attack(
        _permalink("backslash", "paths\\evil/"), [_refused("backslash", "paths\\evil/", "it has a backslash")]
    ),
    "nul": Attack(
        _permalink("nul", "paths\x00evil/"), [_refused("nul", "paths\x00evil/", "it has the control character U+0000")]
    ),
    "escape-char": Attack(
        _permalink("escape-char", "paths\x1bevil/"),
        [_refused("escape-char", "paths\x1bevil/", "it has the control character U+001B")],
    ),
    "encoded": Attack(
        _permalink("encoded", "%2e%2e/paths-escaped/"),
        [_refused("encoded", "%2e%2e/paths-escaped/", "'%2e%2e' reads as '..' in a URL")],
    ),
    # -- item 3: names longer than the file system allows --------------------------------------------
    "long-permalink": Attack(
        _permalink("long-permalink", f"/{LONG_NAME}/"),
        [_long("posts/paths-long-permalink.md:5", f"permalink {_shown('/' + LONG_NAME + '/')}", LONG_NAME)],
    ),
    "long-tag": Attack(
        _a_post("long-tag", tags=[LONG_TAG]),
        [_long("posts/paths-long-tag.md:5", f"tag {_shown(LONG_TAG)}", slugify(LONG_TAG))],
    ),
    "long-series": Attack(
        _a_post("long-series", series=LONG_SERIES),
        [_long("posts/paths-long-series.md:5", f"series {_shown(LONG_SERIES)}", slugify(LONG_SERIES))],
    ),
    # -- 2. the user's files win over generated pages and feeds -----------------------------------------
    "user-listing": Attack(
        _a_post("user-listing"),
        [_not_generated("the listing of all posts", "posts/index.html", "the page posts.md", "listing.dir")],
        user_files={"posts.md": "# Mes billets à moi\n"},
    ),
    "user-tags": Attack(
        _a_post("user-tags", tags=["Paths tag"]),
        [_not_generated("the tags index", "tags/index.html", "the page tags.md", "tags.dir")],
        user_files={"tags.md": "# Mes étiquettes à moi\n"},
    ),
    "user-tag": Attack(
        _a_post("user-tag", tags=["Vidéo"]),
        [_not_generated("the page of tag 'Vidéo'", "tags/video/index.html", "the page tags/video.md", "tags.dir")],
        user_files={"tags/video.md": "# Ma page vidéo à moi\n"},
    ),
    "user-series": Attack(
        _a_post("user-series", series="Paths série"),
        [
            _not_generated(
                "the page of series 'Paths série'",
                "series/paths-serie/index.html",
                "the page series/paths-serie.md",
                "series.dir",
            )
        ],
        user_files={"series/paths-serie.md": "# Ma série à moi\n"},
    ),
    "user-feed-xml": Attack(
        _a_post("user-feed-xml"),
        [
            (
                "the site's Atom and JSON feeds are not written (feed.xml is already taken by the file feed.xml,"
                " which wins): set feeds.site: false, or move your file"
            )
        ],
        user_files={"feed.xml": FEED_XML},
    ),
    "user-feed-json": Attack(
        _a_post("user-feed-json"),
        [
            (
                "the site's JSON feed is not written (feed.json is already taken by the file feed.json, which wins):"
                " set feeds.site: false, or move your file"
            )
        ],
        combined=[],  # with the user's feed.xml too, the whole site feed is left out (one warning above)
        user_files={"feed.json": FEED_JSON},
    ),
    # -- 2. a post's permalink never takes a URL someone else has --------------------------------------
    "404": Attack(_permalink("404", "/404.html"), [_taken("404", "/404.html", "404.html", "the theme's 404.html")]),
    "listing": Attack(
        _permalink("listing", "/posts/"),
        [_taken("listing", "/posts/", "posts/index.html", "the listing of all posts")],
        combined=[_taken("listing", "/posts/", "posts/index.html", "the page posts.md")],
    ),
    "tag-page": Attack(
        _permalink("tag-page", "/tags/video/", tags=["Vidéo"]),
        [_taken("tag-page", "/tags/video/", "tags/video/index.html", "the page of tag 'Vidéo'")],
        combined=[_taken("tag-page", "/tags/video/", "tags/video/index.html", "the page tags/video.md")],
    ),
    "feed": Attack(
        _permalink("feed", "/feed.xml"),
        [_folder("feed", "/feed.xml", "feed.xml", "the site's Atom feed")],
        combined=[_folder("feed", "/feed.xml", "feed.xml", "the file feed.xml")],
    ),
    "sitemap": Attack(
        _permalink("sitemap", "/sitemap.xml"),
        [_folder("sitemap", "/sitemap.xml", "sitemap.xml", "the theme's sitemap.xml")],
    ),
    "search-index": Attack(
        _permalink("search-index", "/search/search_index.json"),
        [_refused("search-index", "/search/search_index.json", "search/ is reserved for the search plugin", OWN)],
    ),
    "twins": Attack(
        {
            **_permalink("twin-a", "/paths-twin/", title="Premier"),
            **_permalink("twin-b", "/paths-twin/", title="Second"),
        },
        [_taken("twin-b", "/paths-twin/", "paths-twin/index.html", "the post posts/paths-twin-a.md")],
    ),
}


PAGES: dict[str, str | bytes] = {"index.md": HOME}
USER_FILES: dict[str, str | bytes] = {}
for _attack in ATTACKS.values():
    PAGES.update(_attack.pages)
    USER_FILES.update(_attack.user_files)
PLUGIN: dict[str, Any] = {}
WARNINGS: list[str] = sorted(
    w for attack in ATTACKS.values() for w in (attack.warnings if attack.combined is None else attack.combined)
)
# Theme override the "override" attack aims at (mkdocs.yml: theme.custom_dir), outside docs_dir.
OVERRIDE = '{% extends "base.html" %}\n'


def check_outputs(site_dir: Path, user_files: dict[str, str | bytes] | None = None) -> list[str]:
    """What a built site got wrong: user files not as written, a home page that is not the user's."""
    wrong = []
    for path, content in (USER_FILES if user_files is None else user_files).items():
        if isinstance(content, bytes):
            if (site_dir / path).read_bytes() != content:
                wrong.append(f"{path} was replaced")
            continue
        built = site_dir / Path(path).with_suffix("") / "index.html"
        heading = BeautifulSoup(built.read_text(encoding="utf-8"), "lxml").select_one("article h1")
        if heading is None or heading.get_text() != content.removeprefix("# ").strip():
            wrong.append(f"{path} was replaced")
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml").select_one("article h1")
    if home is None or home.get_text() != "Accueil paths":
        wrong.append("the home page was replaced")
    return wrong

"""Hostile output paths: a post never writes outside `site_dir`, and nobody's page is replaced.

Table tests of `mkdocs_numeco.core.confine` (the one function every written path goes through, and the
claims on each output path), then one small site per attack of `pages_paths.ATTACKS`: the exact
warnings, nothing written outside `site_dir`, the user's files as written, and `--strict` failing.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from pages_paths import (
    ATTACKS,
    HOME,
    LONG_NAME,
    LONG_SERIES,
    LONG_TAG,
    OVERRIDE,
    PAGES,
    PLUGIN,
    USER_FILES,
    WARNINGS,
    check_outputs,
)
from sitebuild import Built, build_site, post, write_site

from mkdocs_numeco.core.confine import MAX_NAME_BYTES, Claims, confine, shorten
from mkdocs_numeco.core.slugs import slugify

# -- confine, as a table ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("/actualites/mon-article/", "actualites/mon-article/"),
        ("actualites/mon-article/", "actualites/mon-article/"),
        ("/a.html", "a.html"),
        ("a//b///c/", "a/b/c/"),
        ("///a", "a"),
        ("/", ""),
        ("", ""),
        ("  /a/  ", "a/"),
        ("/café/été/", "café/été/"),
        ("...a/", "...a/"),  # only a whole segment of dots is a dot segment
        ("a../b", "a../b"),
        ("%2e%2e%2e/", "%2e%2e%2e/"),
        ("a%20b/", "a%20b/"),
        ("tags/" + "x" * MAX_NAME_BYTES + "/", "tags/" + "x" * MAX_NAME_BYTES + "/"),
    ],
)
def test_confine_normalises_paths_inside_the_site(value: str, path: str) -> None:
    confined = confine(value)
    assert (confined.path, confined.refusal, confined.shortened) == (path, None, ())


@pytest.mark.parametrize(
    ("value", "refusal"),
    [
        ("../escaped/", "it has a '..' segment"),
        ("..", "it has a '..' segment"),
        ("/a/../../b", "it has a '..' segment"),
        ("x/../", "it has a '..' segment"),
        ("./", "it has a '.' segment"),
        ("a/./b", "it has a '.' segment"),
        (".", "it has a '.' segment"),
        ("../overrides/main.html", "it has a '..' segment"),
        ("a\\b", "it has a backslash"),
        ("..\\..\\x", "it has a backslash"),
        ("a\x00b", "it has the control character U+0000"),
        ("a\x1bb/", "it has the control character U+001B"),
        ("a\x0bb/", "it has the control character U+000B"),
        ("a\nb/", "it has the control character U+000A"),
        ("\ta/", "it has the control character U+0009"),
        ("a\x7fb", "it has the control character U+007F"),
        ("a\u0085b", "it has the control character U+0085"),
        ("a\u200bb", "it has the control character U+200B"),
        ("a\u202eb", "it has the control character U+202E"),
        ("a\ufffeb", "it has the control character U+FFFE"),
        ("a\ud800b", "it has the control character U+D800"),
        ("%2e%2e/escaped/", "'%2e%2e' reads as '..' in a URL"),
        ("%2E%2E/escaped/", "'%2E%2E' reads as '..' in a URL"),
        (".%2e/", "'.%2e' reads as '..' in a URL"),
        ("%2e/", "'%2e' reads as '.' in a URL"),
        ("a%2f..%2fb", "'a%2f..%2fb' reads as 'a/../b' in a URL"),
        ("a%5cb", "'a%5cb' reads as 'a\\\\b' in a URL"),
        ("a%00b", "'a%00b' reads as 'a\\x00b' in a URL"),
    ],
)
def test_confine_refuses_what_could_leave_the_site(value: str, refusal: str) -> None:
    confined = confine(value)
    assert (confined.path, confined.refusal) == (None, refusal)


def test_long_names_are_shortened_with_a_stable_hash() -> None:
    long = "b" * 300
    digest = hashlib.sha256(long.encode()).hexdigest()[:10]
    assert shorten(long) == "b" * (MAX_NAME_BYTES - 11) + "-" + digest
    assert shorten("b" * 300 + ".html") == "b" * (MAX_NAME_BYTES - 16) + "-" + shorten("b" * 300 + ".html")[-15:]
    assert shorten("b" * 300 + ".html").endswith(".html")
    # a cut never splits a character: 'é' is two bytes
    accents = shorten("é" * 150)
    assert len(accents.encode()) <= MAX_NAME_BYTES and accents.encode().decode() == accents
    assert shorten("ok") == "ok"
    confined = confine(f"/{long}/{long}.html")
    assert confined.path == f"{shorten(long)}/{shorten(long + '.html')}"
    assert confined.shortened == (long, long + ".html")
    assert confine(confined.path).shortened == ()  # shortening is idempotent


def test_confine_proves_the_result_lies_inside_site_dir(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "outside").mkdir()
    os.symlink(tmp_path / "outside", site / "link")
    inside = confine("a/b/", site)
    assert inside.target == (site / "a/b").resolve()
    escaping = confine("link/x.html", site)
    assert (escaping.path, escaping.refusal) == (None, f"it lies outside {site} once links are followed")
    assert confine("../x", site).refusal == "it has a '..' segment"


def test_claims_name_the_owner_of_each_path() -> None:
    claims = Claims()
    claims.claim("posts/index.html", "the page posts.md", me="posts.md")
    claims.claim("feed.xml", "the site's Atom feed")
    claims.claim("search/search_index.json", "the search plugin")
    claims.reserve("assets/numeco", "the plugin's own assets", me="numeco")
    assert claims.clash("posts/index.html") == "posts/index.html is already taken by the page posts.md"
    assert claims.clash("POSTS/Index.html") == "posts/index.html is already taken by the page posts.md"
    assert claims.clash("posts/index.html", me="posts.md") is None
    assert (
        claims.clash("feed.xml/index.html")
        == "feed.xml is already taken by the site's Atom feed and cannot be a folder"
    )
    assert claims.clash("search") == "search is already a folder, holding the search plugin"
    assert claims.clash("assets/numeco/x.css") == "assets/numeco/ is reserved for the plugin's own assets"
    assert claims.clash("assets/numeco/poster.png", me="numeco") is None
    assert claims.clash("posts/a/index.html") is None
    claims.release("posts/index.html")
    assert claims.clash("posts/index.html") is None
    assert claims.clash("posts") is None


# -- one small site per attack ------------------------------------------------------------------------


def _outside(root: Path) -> dict[str, bytes]:
    """Every file under `root` but the built site, with its content."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] != "site"
    }


def _site(tmp_path: Path, pages: dict[str, str | bytes], **config: object) -> Path:
    overrides = tmp_path / "overrides"
    overrides.mkdir(exist_ok=True)
    (overrides / "main.html").write_text(OVERRIDE, encoding="utf-8")
    theme = {"name": "material", "language": "fr", "font": False, "custom_dir": "overrides"}
    return write_site(tmp_path, {"index.md": HOME, **pages}, PLUGIN, theme=theme, **config)


def _warnings(built: Built) -> list[str]:
    return sorted(m.removeprefix("mkdocs_numeco: ") for m in built.messages(logging.WARNING))


@pytest.mark.parametrize("name", list(ATTACKS))
def test_each_attack_is_refused_with_its_warning(tmp_path: Path, name: str) -> None:
    attack = ATTACKS[name]
    config = _site(tmp_path, {**attack.pages, **attack.user_files})
    before = _outside(tmp_path)
    built = build_site(config)
    assert _warnings(built) == sorted(attack.warnings)
    assert not [r for r in built.records if r.exc_info]
    assert _outside(tmp_path) == before  # nothing written outside site_dir, docs and overrides untouched
    assert check_outputs(built.site_dir, attack.user_files) == []
    with pytest.raises(Abort):
        build_site(config, strict=True)


@pytest.mark.parametrize(
    "name", ["escape", "dotdot-home", "dot-home", "override", "backslash", "nul", "escape-char", "encoded", "404"]
)
def test_a_refused_permalink_leaves_the_post_at_its_default_url(tmp_path: Path, name: str) -> None:
    built = build_site(_site(tmp_path, ATTACKS[name].pages))
    article = built.content(f"posts/paths-{name}/")
    assert article.select_one("h1").get_text() == "Billet piégé"
    assert [p.get_text() for p in article.select("p")][-1] == "Le texte de l'auteur."


def test_the_theme_404_page_stays_the_theme_s(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, ATTACKS["404"].pages))
    page = BeautifulSoup((built.site_dir / "404.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("article h1").get_text() == "404 - Not found"


def test_the_theme_override_still_renders_as_the_owner_wrote_it(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, ATTACKS["override"].pages))
    assert (tmp_path / "overrides/main.html").read_text(encoding="utf-8") == OVERRIDE
    assert not (tmp_path / "overrides/main.html/index.html").exists()
    assert built.content("").select_one("h1").get_text() == "Accueil paths"  # the override still renders pages


def test_a_long_permalink_is_shortened_and_the_post_is_there(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, ATTACKS["long-permalink"].pages))
    assert built.content(f"{shorten(LONG_NAME)}/").select_one("h1").get_text() == "Billet piégé"
    assert not built.exists("posts/paths-long-permalink/")


@pytest.mark.parametrize(
    ("name", "folder", "label"), [("long-tag", "tags", LONG_TAG), ("long-series", "series", LONG_SERIES)]
)
def test_long_tag_and_series_names_get_short_folders_and_links(
    tmp_path: Path, name: str, folder: str, label: str
) -> None:
    built = build_site(_site(tmp_path, ATTACKS[name].pages))
    short = shorten(slugify(label))
    assert built.exists(f"{folder}/{short}/")
    feed = BeautifulSoup((built.site_dir / folder / short / "feed.xml").read_bytes(), "xml")
    assert feed.find("link", rel="self")["href"] == f"https://example.org/{folder}/{short}/feed.xml"
    links = [a["href"] for a in built.content(f"posts/paths-{name}/").select(f"a[href*='{short}']")]
    assert links == [f"../../{folder}/{short}/"]


@pytest.mark.parametrize(("value", "dest"), [("/posts/", "posts/"), ("/tags/video/", "tags/video/")])
def test_a_post_never_hides_a_generated_page(tmp_path: Path, value: str, dest: str) -> None:
    name = "listing" if value == "/posts/" else "tag-page"
    built = build_site(_site(tmp_path, ATTACKS[name].pages))
    titles = [a.get_text(" ", strip=True) for a in built.content(dest).select(".numeco-listing h2 a")]
    assert titles == ["Billet piégé"]
    assert built.content(f"posts/paths-{name}/").select_one("h1").get_text() == "Billet piégé"


@pytest.mark.parametrize("value", ["/feed.xml", "/sitemap.xml", "/search/search_index.json"])
def test_a_post_never_takes_the_place_of_what_mkdocs_and_plugins_write(tmp_path: Path, value: str) -> None:
    name = {"/feed.xml": "feed", "/sitemap.xml": "sitemap", "/search/search_index.json": "search-index"}[value]
    built = build_site(_site(tmp_path, ATTACKS[name].pages))
    assert (built.site_dir / value.lstrip("/")).is_file()
    assert built.exists(f"posts/paths-{name}/")


def test_two_posts_at_one_url_the_first_by_path_keeps_it(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, ATTACKS["twins"].pages))
    assert built.content("paths-twin/").select_one("h1").get_text() == "Premier"
    assert built.content("posts/paths-twin-b/").select_one("h1").get_text() == "Second"


def test_user_pages_win_over_generated_ones(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, {**ATTACKS["user-tag"].pages, **ATTACKS["user-tag"].user_files}))
    assert built.content("tags/video/").select_one("h1").get_text() == "Ma page vidéo à moi"
    # the tag keeps its feed, which nobody else has
    assert (built.site_dir / "tags/video/feed.xml").is_file()


def test_the_site_feed_is_not_linked_when_the_user_s_file_holds_its_place(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, {**ATTACKS["user-feed-xml"].pages, **ATTACKS["user-feed-xml"].user_files}))
    assert built.soup("").select("link[rel=alternate][type='application/atom+xml']") == []
    assert built.soup("").select("link[rel=alternate][type='application/feed+json']") == []


def test_a_redirect_is_confined_and_shortened_too(tmp_path: Path) -> None:
    name = "r" * 230
    old = f"old/{name}/"
    pages = {f"posts/{name}.md": post("Redirigé", "2024-03-01")}
    config = write_site(tmp_path, {"index.md": HOME, **pages}, {"redirect_from": ["old/{slug}/"]})
    built = build_site(config)
    assert _warnings(built) == [
        (
            f"posts/{name}.md:1: redirect_from 'old/{{slug}}/' gives '{old[:50]}…' for this post: the name"
            f" '{name[:24]}…' is 230 bytes, more than a file name may hold (200 bytes): it is shortened to"
            f" '{shorten(name)[:24]}…{shorten(name)[-11:]}'"
        )
    ]
    assert built.soup(f"old/{shorten(name)}/").select_one("meta[http-equiv=refresh]")["content"].endswith(f"/{name}/")


# -- every attack in one site -----------------------------------------------------------------------


def test_one_site_of_every_attack(tmp_path: Path) -> None:
    config = _site(tmp_path, {**PAGES, **USER_FILES})
    before = _outside(tmp_path)
    built = build_site(config)
    assert _warnings(built) == WARNINGS
    assert not [r for r in built.records if r.exc_info]
    assert _outside(tmp_path) == before
    assert check_outputs(built.site_dir) == []
    with pytest.raises(Abort):
        build_site(config, strict=True)

"""Old Eleventy URLs kept: the `permalink` option and a post's own `permalink`."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from sitebuild import build_site, post, write_site

from mkdocs_numeco.adapter.permalinks import check_pattern, destination, expand, file_slug


@pytest.mark.parametrize(
    ("src_uri", "slug"),
    [
        ("actualites/2024-01-10-bilan-annuel.md", "bilan-annuel"),
        ("actualites/bilan.md", "bilan"),
        ("actualites/bilan/index.md", "bilan"),
        ("2024-01-10.md", "2024-01-10"),
        ("index.md", "index"),
    ],
)
def test_slug_is_eleventy_file_slug(src_uri: str, slug: str) -> None:
    assert file_slug(src_uri) == slug


@pytest.mark.parametrize(
    ("pattern", "when", "path"),
    [
        ("actualites/{slug}/", None, "actualites/bilan/"),
        ("{year}/{month}/{slug}/", date(2024, 1, 5), "2024/01/bilan/"),
        ("{year}/{slug}/", None, None),
    ],
)
def test_patterns_expand(pattern: str, when: date | None, path: str | None) -> None:
    assert expand(pattern, "posts/2024-01-05-bilan.md", when) == path


@pytest.mark.parametrize(
    ("path", "directory_urls", "dest", "url"),
    [
        ("actualites/bilan/", True, "actualites/bilan/index.html", "actualites/bilan/"),
        ("/actualites/bilan/", False, "actualites/bilan/index.html", "actualites/bilan/index.html"),
        ("actualites/bilan.html", True, "actualites/bilan.html", "actualites/bilan.html"),
        ("actualites/index.html", True, "actualites/index.html", "actualites/"),
    ],
)
def test_destination(path: str, directory_urls: bool, dest: str, url: str) -> None:
    assert destination(path, directory_urls) == (dest, url)


@pytest.mark.parametrize("pattern", ["actualites/{titre}/", "actualites/", "actualites/{slug"])
def test_bad_patterns_stop_the_build(pattern: str) -> None:
    with pytest.raises(PluginError):
        check_pattern(pattern)


def test_posts_move_and_links_follow(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Accueil\n\n[Le bilan](posts/2024-01-10-bilan.md)\n",
        "posts/2024-01-10-bilan.md": post("Bilan", "2024-01-10", "Texte.", tags=["Vidéo"], series="Saison"),
        "posts/2024-02-01-suite.md": post("Suite", "2024-02-01", "[Avant](2024-01-10-bilan.md)", series="Saison"),
        "posts/propre.md": post("Propre", "2024-03-01", permalink="/ressources/videos/propre/"),
    }
    plugin = {
        "permalink": "actualites/{slug}/",
        "tags": {"dir": "actualites/tags"},
        "series": {"dir": "ressources/videos/serie"},
    }
    built = build_site(write_site(tmp_path, pages, plugin))
    assert built.messages(logging.WARNING) == []
    for url in (
        "actualites/bilan/",
        "actualites/suite/",
        "ressources/videos/propre/",
        "actualites/tags/video/",
        "ressources/videos/serie/saison/",
    ):
        assert built.exists(url), url
    assert not built.exists("posts/2024-01-10-bilan/") and not built.exists("posts/propre/")
    assert built.content("").select_one("a")["href"] == "actualites/bilan/"
    assert built.content("actualites/suite/").select_one("p > a[href='../bilan/']")
    assert built.content("actualites/suite/").select_one("nav.numeco-series a[rel=prev]")["href"] == "../bilan/"
    assert built.content("actualites/tags/video/").select_one("a[href='../../bilan/']")


def test_two_posts_at_one_url_warn(tmp_path: Path) -> None:
    pages = {
        "posts/2024-01-10-bilan.md": post("Bilan", "2024-01-10"),
        "archives/bilan.md": post("Vieux bilan", "2020-01-10"),
    }
    built = build_site(write_site(tmp_path, pages, {"permalink": "actualites/{slug}/"}))
    warnings = built.messages(logging.WARNING)
    assert warnings == [
        (
            "mkdocs_numeco: posts/2024-01-10-bilan.md:1: permalink 'actualites/bilan/' is refused (actualites/bilan/index.html"
            " is already taken by the post archives/bilan.md): give this post a URL of its own; it keeps its default URL"
        )
    ]
    assert built.exists("actualites/bilan/") and built.exists("posts/2024-01-10-bilan/")


def test_template_permalinks_are_refused_with_a_warning(tmp_path: Path) -> None:
    pages = {"posts/a.md": post("A", "2024-01-10", permalink="/{{ page.fileSlug }}/")}
    built = build_site(write_site(tmp_path, pages))
    warnings = built.messages(logging.WARNING)
    assert len(warnings) == 1 and "posts/a.md:5: permalink" in warnings[0] and "write the URL itself" in warnings[0]
    assert built.exists("posts/a/")


def test_redirect_pages_from_old_urls(tmp_path: Path) -> None:
    pages = {
        "posts/2024-01-10-bilan.md": post("Bilan", "2024-01-10"),
        "ressources/videos/suite.md": "# Une vraie page\n",
        "posts/2024-02-01-suite.md": post("Suite", "2024-02-01"),
    }
    plugin = {"redirect_from": ["ressources/videos/{slug}/", "{year}/{slug}.html"]}
    built = build_site(write_site(tmp_path, pages, plugin))
    assert built.messages(logging.WARNING) == []
    page = built.soup("ressources/videos/bilan/")
    assert page.select_one("meta[http-equiv=refresh]")["content"] == "0; url=../../../posts/2024-01-10-bilan/"
    assert page.select_one("link[rel=canonical]")["href"] == "https://example.org/posts/2024-01-10-bilan/"
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.select_one("body a")["href"] == "../../../posts/2024-01-10-bilan/"
    assert page.select_one("html")["lang"] == "fr"
    flat = built.soup("2024/bilan.html")
    assert flat.select_one("meta[http-equiv=refresh]")["content"] == "0; url=../posts/2024-01-10-bilan/"
    # a real page at the old URL wins over the redirect
    assert built.content("ressources/videos/suite/").select_one("h1").get_text() == "Une vraie page"


def test_redirects_follow_permalinks(tmp_path: Path) -> None:
    pages = {"posts/2024-01-10-bilan.md": post("Bilan", "2024-01-10")}
    plugin = {"permalink": "actualites/{slug}/", "redirect_from": ["posts/{slug}/", "actualites/{slug}/"]}
    built = build_site(write_site(tmp_path, pages, plugin))
    assert built.soup("posts/bilan/").select_one("body a")["href"] == "../../actualites/bilan/"
    # no redirect onto the post itself
    assert built.content("actualites/bilan/").select_one("h1").get_text() == "Bilan"


def test_permalink_false_publishes_nothing(tmp_path) -> None:
    """Eleventy's `permalink: false`: the page is not written, and no listing, tag or series shows it."""
    from sitebuild import build_site, post, write_site

    pages = {
        "a.md": post("Publié", "2025-01-02", tags=["Vidéo"], series="S"),
        "b.md": post("Brouillon", "2025-01-03", tags=["Vidéo"], series="S", permalink=False),
    }
    built = build_site(write_site(tmp_path, pages), strict=True)
    assert built.exists("a") and not built.exists("b")
    for url in ("posts/", "tags/video/", "series/s/"):
        assert [a.get_text() for a in built.content(url).select(".numeco-item__title a")] == ["Publié"]
    assert built.content("a/").select_one(".numeco-series__position").get_text() == "Épisode 1 sur 1"

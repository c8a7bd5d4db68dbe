"""A page per author (`authors_pages`, Material's `authors_profiles`), through real builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from sitebuild import build_site, post, write_site
from test_config import _config_errors

AUTHORS = """
authors:
  jdupont:
    name: Jeanne Dupont
    description: Rédactrice
    url: https://example.org/jd
  pmartin:
    name: Paul Martin
"""
PAGES = {
    "index.md": "# Accueil\n",
    ".authors.yml": AUTHORS,
    "posts/a.md": post("Un", "2024-01-05", authors=["jdupont"]),
    "posts/b.md": post("Deux", "2024-02-05", authors=["jdupont", "pmartin"]),
    "posts/c.md": post("Trois", "2024-03-05", authors=["jdupont"]),
    "posts/d.md": post("Quatre", "2024-04-05", author="Zoé Écrit"),
    "posts/e.md": post("Cinq", "2024-05-05"),
}


def _site(tmp_path: Path, pages: dict | None = None, **options) -> Path:
    plugin = {"listing": {"per_page": 2}, "authors_pages": {"enabled": True, **options}}
    return write_site(tmp_path, pages or PAGES, plugin)


def _titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select(".numeco-item__title a")]


def test_one_page_per_author_paginated_newest_first(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path))
    assert built.messages() == []
    page = built.content("authors/jdupont/")
    assert page.h1.get_text() == "Publications de Jeanne Dupont"
    assert page.select_one(".numeco-count").get_text() == "3 publications"
    assert _titles(page) == ["Trois", "Deux"]
    assert page.select_one(".numeco-pagination a[rel=next]")["href"] == "page/2/"
    assert _titles(built.content("authors/jdupont/page/2/")) == ["Un"]
    assert _titles(built.content("authors/pmartin/")) == ["Deux"]
    # A name written out (`author:`, as Eleventy sites have it) gets a page at its slug.
    assert built.content("authors/zoe-ecrit/").h1.get_text() == "Publications de Zoé Écrit"
    assert sorted(p.name for p in (built.site_dir / "authors").iterdir()) == ["jdupont", "pmartin", "zoe-ecrit"]


def test_names_on_posts_and_cards_link_to_the_pages(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path))
    names = built.content("posts/b/").select(".numeco-authors a.numeco-author__name")
    assert [(a.get_text(), a["href"]) for a in names] == [
        ("Jeanne Dupont", "../../authors/jdupont/"),
        ("Paul Martin", "../../authors/pmartin/"),
    ]
    card = built.content("posts/").select(".numeco-item__authors a.numeco-author__name")
    assert ("Zoé Écrit", "../authors/zoe-ecrit/") in [(a.get_text(), a["href"]) for a in card]
    # Not in the navigation: a name links to its page.
    nav = [a["href"] for a in built.soup("").select("nav.md-nav--primary a.md-nav__link")]
    assert not any("authors/" in href for href in nav)


def test_off_by_default_names_keep_their_url(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    assert not (built.site_dir / "authors").exists()
    names = built.content("posts/b/").select(".numeco-authors a.numeco-author__name")
    assert [a["href"] for a in names] == ["https://example.org/jd"]


def test_english_title_and_other_url(tmp_path: Path) -> None:
    path = _site(tmp_path, url="equipe/{slug}/")
    text = path.read_text(encoding="utf-8").replace("language: fr", "language: en")
    path.write_text(text, encoding="utf-8")
    built = build_site(path)
    assert built.content("equipe/pmartin/").h1.get_text() == "Posts by Paul Martin"


def test_kept_out_of_search_unless_asked(tmp_path: Path) -> None:
    def locations(built) -> list[str]:
        docs = json.loads((built.site_dir / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        return [doc["location"] for doc in docs if doc["location"].startswith("authors/")]

    assert locations(build_site(_site(tmp_path))) == []
    write_site(tmp_path / "s", PAGES, {"authors_pages": {"enabled": True}, "search_generated": True})
    assert "authors/jdupont/" in locations(build_site(tmp_path / "s" / "mkdocs.yml"))


def test_the_owners_page_wins_with_a_warning(tmp_path: Path) -> None:
    pages = {**PAGES, "authors/pmartin.md": "# Paul, par lui-même\n"}
    built = build_site(_site(tmp_path, pages=pages))
    assert built.content("authors/pmartin/").h1.get_text() == "Paul, par lui-même"
    assert any(
        "the page of author 'Paul Martin' is not generated" in m and "set authors_pages.url to another folder" in m
        for m in built.messages()
    ), built.messages()
    with pytest.raises(Abort):
        build_site(_site(tmp_path / "strict", pages=pages), strict=True)


def test_a_generated_page_already_there_wins_with_a_warning(tmp_path: Path) -> None:
    pages = {**PAGES, "posts/a.md": post("Un", "2024-01-05", authors=["jdupont"], tags=["jdupont"])}
    built = build_site(_site(tmp_path, pages=pages, url="tags/{slug}/"))
    assert built.content("tags/jdupont/").h1.get_text() == "Étiquette\u00a0: jdupont"
    assert any(
        "the page of author 'Jeanne Dupont' is not generated (the page of tag 'jdupont' is at tags/jdupont/index.md)"
        in m
        for m in built.messages()
    ), built.messages()


@pytest.mark.parametrize(("url", "error"), [("authors/", "must contain {slug}"), ("a/{year}/", "unknown field")])
def test_a_bad_pattern_stops_the_configuration(tmp_path: Path, url: str, error: str) -> None:
    [message] = _config_errors(_site(tmp_path, url=url))
    assert "option 'authors_pages': Sub-option 'url': " in message and error in message


def test_a_pattern_outside_the_site_is_refused(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, url="../{slug}/"))
    assert any("authors_pages.url '../{slug}/' is refused" in m for m in built.messages()), built.messages()
    assert not (tmp_path / "jdupont").exists()

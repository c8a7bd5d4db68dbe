"""Language done right (issue 15, item 5): plural forms, navigation sections and redirect titles, through real builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import Built, build_site, post, write_site

# Two tags and two series, each with one post and with two.
PAGES = {
    "index.md": "# Accueil\n",
    "posts/a.md": post("Premier", "2024-01-10", tags=["Vidéo"], series="Saison"),
    "posts/b.md": post("Deuxième", "2024-02-10", tags=["Vidéo", "Seul"], series="Saison"),
    "posts/c.md": post("Troisième", "2024-03-10", series="Solo"),
}


def _site(tmp_path: Path, language: str = "fr", plugin: dict | None = None, **config: object) -> Built:
    theme = {"name": "material", "language": language, "font": False}
    return build_site(write_site(tmp_path, PAGES, plugin, theme=theme, **config))


def _count(built: Built, url: str) -> str:
    """The count under the title of a listing or series page."""
    return built.content(url).select_one("h1 + p.numeco-count").get_text()


def _counts(built: Built, url: str, item: str) -> dict[str, str]:
    """Name -> count text of each entry of the tag index or the series index."""
    found = {}
    for entry in built.content(url).select(f"{item} > li"):
        found[entry.select_one("a").get_text()] = entry.select_one(".numeco-count").get_text()
    return found


def _nav_sections(soup: BeautifulSoup) -> list[str]:
    """The titles of the sections of Material's primary navigation (the labels that toggle them)."""
    nav = soup.select_one("nav.md-nav--primary")
    return [" ".join(label.get_text().split()) for label in nav.select("label.md-nav__link[for^=__nav_]")]


def test_counts_take_their_plural_form_in_french(tmp_path: Path) -> None:
    built = _site(tmp_path)
    assert _counts(built, "tags/", "ul.numeco-tag-index") == {"Seul": "1 publication", "Vidéo": "2 publications"}
    assert _count(built, "tags/seul/") == "1 publication"
    assert _count(built, "tags/video/") == "2 publications"
    assert _count(built, "posts/") == "3 publications"
    assert _counts(built, "series/", "ul.numeco-series-index") == {"Saison": "2 épisodes", "Solo": "1 épisode"}
    assert _count(built, "series/solo/") == "1 épisode"
    assert _count(built, "series/saison/") == "2 épisodes"


def test_counts_take_their_plural_form_in_english(tmp_path: Path) -> None:
    built = _site(tmp_path, "en")
    assert _counts(built, "tags/", "ul.numeco-tag-index") == {"Seul": "1 post", "Vidéo": "2 posts"}
    assert (_count(built, "tags/seul/"), _count(built, "tags/video/")) == ("1 post", "2 posts")
    assert _counts(built, "series/", "ul.numeco-series-index") == {"Saison": "2 episodes", "Solo": "1 episode"}
    assert (_count(built, "series/solo/"), _count(built, "series/saison/")) == ("1 episode", "2 episodes")


@pytest.mark.parametrize(
    ("language", "titles"),
    [("fr", ["Actualités", "Séries", "Étiquettes"]), ("en", ["Posts", "Series", "Tags"])],
)
def test_navigation_sections_of_generated_pages_are_named_in_the_site_language(
    tmp_path: Path, language: str, titles: list[str]
) -> None:
    built = _site(tmp_path, language)
    assert _nav_sections(built.soup("")) == titles


def test_labels_override_plural_forms_and_section_titles(tmp_path: Path) -> None:
    labels = {
        "post_count": {"one": "{count} article", "other": "{count} articles"},
        "episode_count": "Épisodes : {count}",  # one text for every count
        "nav_posts": "Le blog",
    }
    built = _site(tmp_path, plugin={"labels": labels})
    assert _counts(built, "tags/", "ul.numeco-tag-index") == {"Seul": "1 article", "Vidéo": "2 articles"}
    assert _count(built, "series/solo/") == "Épisodes : 1"
    assert _nav_sections(built.soup("")) == ["Le blog", "Séries", "Étiquettes"]


def test_a_language_with_more_plural_forms_is_a_matter_of_labels(tmp_path: Path) -> None:
    """Polish: 1 is `one`, 2 to 4 `few`, 5 and more `many`; the site gives the forms, Babel picks them."""
    forms = {"one": "{count} wpis", "few": "{count} wpisy", "many": "{count} wpisów", "other": "{count} wpisu"}
    pages = dict(PAGES)
    for n in range(4, 9):
        pages[f"posts/p{n}.md"] = post(f"Wpis {n}", f"2024-04-0{n}", tags=["Pięć"])
    path = write_site(tmp_path, pages, {"language": "pl", "labels": {"post_count": forms}})
    built = build_site(path)
    counts = _counts(built, "tags/", "ul.numeco-tag-index")
    assert (counts["Seul"], counts["Vidéo"], counts["Pięć"]) == ("1 wpis", "2 wpisy", "5 wpisów")


def test_a_site_with_its_own_nav_keeps_its_section_titles(tmp_path: Path) -> None:
    nav = [{"Accueil": "index.md"}, {"Posts": ["posts/index.md"]}, {"Tags": ["tags/index.md"]}]
    built = _site(tmp_path, nav=nav)
    assert _nav_sections(built.soup("")) == ["Posts", "Tags"]


def test_a_redirect_page_is_titled_with_the_post_title(tmp_path: Path) -> None:
    built = _site(tmp_path, plugin={"redirect_from": ["anciens/{slug}/"]})
    page = built.soup("anciens/b/")
    assert page.select_one("title").get_text() == "Deuxième"
    link = page.select_one("body a")
    assert (link.get_text(), link["href"]) == ("Deuxième", "../../posts/b/")

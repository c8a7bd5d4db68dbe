"""Related links (`links:`, Material's blog key) at the end of a post, through real builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from sitebuild import build_site, post, write_site

LINKS = [
    "guide/setup.md",
    {"Les options": "guide/setup.md#options"},
    {"Material": "https://squidfunk.github.io/mkdocs-material/"},
    {"Pour aller plus loin": ["guide/untitled.md", {"Autre billet": "posts/b.md"}, "posts/b.md"]},
]
PAGES = {
    "index.md": "# Accueil\n",
    "guide/setup.md": "---\ntitle: Installer le site\n---\n\n# Installation\n",
    "guide/untitled.md": "Intro.\n\n# Guide sans front matter #\n",
    "posts/a.md": post("Premier", "2024-01-05", links=LINKS),
    "posts/b.md": post("Second", "2024-02-05"),
}


def _related(built, url: str):
    return built.content(url).select_one("nav.numeco-related")


def _links(nav) -> list[tuple[str, str | None]]:
    return [(li.get_text(), li.a["href"] if li.a else None) for li in nav.select("li")]


def test_paths_titles_sections_and_addresses(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    assert built.messages() == []
    nav = _related(built, "posts/a/")
    assert nav.select_one(".numeco-related__title").get_text() == "Voir aussi"
    assert nav["aria-label"] == "Voir aussi"
    assert [p.get_text() for p in nav.select(".numeco-related__section")] == ["Pour aller plus loin"]
    first, section = nav.select("ul")
    assert _links(first) == [
        ("Installer le site", "../../guide/setup/"),
        ("Les options", "../../guide/setup/#options"),
        ("Material", "https://squidfunk.github.io/mkdocs-material/"),
    ]
    assert _links(section) == [
        ("Guide sans front matter", "../../guide/untitled/"),
        ("Autre billet", "../b/"),
        ("Second", "../b/"),
    ]
    # At the end of the post, after its text.
    assert nav.find_previous("p").get_text() != "" and nav.find_next("p", string="Texte.") is None
    assert _related(built, "posts/b/") is None


def test_english_label(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES, theme={"name": "material", "language": "en", "font": False}))
    assert _related(built, "posts/a/").select_one(".numeco-related__title").get_text() == "See also"


def test_without_directory_urls(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES, use_directory_urls=False))
    page = built.site_dir / "posts/a.html"
    from bs4 import BeautifulSoup

    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("nav.numeco-related")
    assert _links(nav.select("ul")[0])[0] == ("Installer le site", "../guide/setup.html")


BAD = {
    "index.md": "# Accueil\n",
    "posts/a.md": post(
        "Premier",
        "2024-01-05",
        links=[
            "nulle-part.md",
            {"Piège": "javascript:alert(1)"},
            {"Image": "images/x.png"},
            {"Vide": None},
            {"Section": [{"Sous-section": ["posts/b.md"]}]},
            "../dehors.md",
        ],
    ),
    "posts/b.md": post("Second", "2024-02-05"),
    "images/x.png": b"\x89PNG",
}


def test_problems_are_warned_at_the_line_and_nothing_is_lost(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, BAD))
    messages = [m for m in built.messages() if "links" in m or "related" in m]
    line = "posts/a.md:5:"
    assert all(line in m for m in messages), messages
    joined = "\n".join(messages)
    assert "'nulle-part.md' is not a page of the site" in joined
    assert "the related link 'Piège'" in joined and "it is shown as text" in joined
    assert "'images/x.png' is not a page of the site" in joined
    assert "'../dehors.md' is not a page of the site" in joined
    assert "section 'Sous-section' is inside section 'Section'" in joined
    assert "links: 'Vide' names no page nor address" in joined
    assert len(messages) == 6
    nav = _related(built, "posts/a/")
    first, section = nav.select("ul")
    assert _links(first) == [
        ("nulle-part.md", None),
        ("Piège", None),
        ("Image", None),
        ("Vide", None),
        ("../dehors.md", None),
    ]
    assert _links(section) == [("Second", "../b/")]
    assert not nav.select("a[href^=javascript]")
    with pytest.raises(Abort):
        build_site(write_site(tmp_path / "strict", BAD), strict=True)


def test_not_a_list_and_markup_in_titles_is_text(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Accueil\n",
        "posts/a.md": post("Premier", "2024-01-05", links={"<b>Gras</b>": "posts/b.md"}),
        "posts/b.md": post("Second", "2024-02-05"),
    }
    built = build_site(write_site(tmp_path, pages))
    assert any("posts/a.md:5: `links:` is not a list" in m for m in built.messages()), built.messages()
    nav = _related(built, "posts/a/")
    assert _links(nav) == [("<b>Gras</b>", "../b/")] and nav.find("b") is None


def test_a_link_to_a_draft_is_text_without_a_warning(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Accueil\n",
        "posts/a.md": post("Premier", "2024-01-05", links=["posts/b.md"]),
        "posts/b.md": post("Brouillon", "2024-02-05", draft=True),
    }
    built = build_site(write_site(tmp_path, pages))
    assert not any("links" in m for m in built.messages()), built.messages()
    assert _links(_related(built, "posts/a/")) == [("posts/b.md", None)]

"""The year archive (issue 15 item 6), through real builds: one page per year, an index of the years."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from sitebuild import build_site, post, write_site
from test_config import _config_errors

from mkdocs_numeco.generate import MARK, generate

PAGES = {
    "index.md": "# Accueil\n",
    "posts/a.md": post("Premier de 2024", "2024-01-05"),
    "posts/b.md": post("Milieu de 2024", "2024-06-01"),
    "posts/c.md": post("Fin de 2024", "2024-12-31T23:30:00+00:00"),
    # 23:30 in Paris on New Year's Eve is 22:30 UTC: still 2023, as the day the post shows.
    "posts/d.md": post("Réveillon", "2023-12-31T23:30:00+01:00"),
    "posts/e.md": post("En 2025", "2025-03-01"),
    "posts/f.md": post("Sans date", "pas une date"),
}


def _site(tmp_path: Path, archive: dict | None = None, pages: dict | None = None, **config) -> Path:
    options = {"listing": {"per_page": 2}, "archive": {"enabled": True, **(archive or {})}}
    return write_site(tmp_path, pages or PAGES, options, **config)


def _titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.select(".numeco-item__title a")]


def _nav(soup: BeautifulSoup) -> list[str]:
    nav = soup.select_one("nav.md-nav--primary")
    return [" ".join(label.get_text().split()) for label in nav.select("label.md-nav__link[for^=__nav_]")]


def test_one_page_per_year_newest_first_paginated_like_the_listing(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path))
    assert [message.split(":")[:2] for message in built.messages()] == [["mkdocs_numeco", " posts/f.md"]]
    year = built.content("archive/2024/")
    assert year.h1.get_text() == "Publications de 2024"
    assert year.select_one(".numeco-count").get_text() == "3 publications"
    assert _titles(year) == ["Fin de 2024", "Milieu de 2024"]
    assert [a["href"] for a in year.select(".numeco-item__title a")] == ["../../posts/c/", "../../posts/b/"]
    assert year.select_one(".numeco-pagination a[rel=next]")["href"] == "page/2/"
    second = built.content("archive/2024/page/2/")
    assert _titles(second) == ["Premier de 2024"]
    assert second.select_one(".numeco-pagination a[rel=prev]")["href"] == "../../"
    assert _titles(built.content("archive/2023/")) == ["Réveillon"]
    assert built.content("archive/2023/").select_one(".numeco-count").get_text() == "1 publication"
    assert _titles(built.content("archive/2025/")) == ["En 2025"]
    # A post without a date is in no year.
    assert sorted(p.name for p in (built.site_dir / "archive").iterdir()) == ["2023", "2024", "2025", "index.html"]


def test_the_index_lists_the_years_with_their_counts_and_is_in_the_nav(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path))
    index = built.content("archive/")
    assert index.h1.get_text() == "Archives"
    rows = [
        (li.a.get_text(), li.a["href"], li.select_one(".numeco-count").get_text())
        for li in index.select(".numeco-archive-index li")
    ]
    assert rows == [
        ("2025", "2025/", "1 publication"),
        ("2024", "2024/", "3 publications"),
        ("2023", "2023/", "1 publication"),
    ]
    assert index.select_one(".numeco-archive-index time")["datetime"] == "2025"
    assert "Archives" in _nav(built.soup(""))
    # Only the index is in the nav, as for tags: a year is one click away.
    nav_links = [a["href"] for a in built.soup("").select("nav.md-nav--primary a.md-nav__link")]
    assert "archive/" in nav_links and not any(link.startswith("archive/20") for link in nav_links)


def test_english_labels_and_plural_forms(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, theme={"name": "material", "language": "en", "font": False}))
    index = built.content("archive/")
    assert index.h1.get_text() == "Archive"
    assert [c.get_text() for c in index.select(".numeco-count")] == ["1 post", "3 posts", "1 post"]
    assert built.content("archive/2024/").h1.get_text() == "Posts from 2024"
    assert "Archive" in _nav(built.soup(""))


def test_off_by_default_and_when_disabled(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    assert not (built.site_dir / "archive").exists()
    built = build_site(_site(tmp_path / "off", {"enabled": False}))
    assert not (built.site_dir / "archive").exists()


def test_kept_out_of_search_unless_asked(tmp_path: Path) -> None:
    def locations(built) -> list[str]:
        docs = json.loads((built.site_dir / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        return [doc["location"] for doc in docs if doc["location"].startswith("archive/")]

    assert locations(build_site(_site(tmp_path))) == []
    write_site(tmp_path / "s", PAGES, {"archive": {"enabled": True}, "search_generated": True})
    assert "archive/2024/" in locations(build_site(tmp_path / "s" / "mkdocs.yml"))


def test_another_url_pattern_and_no_index_without_a_folder(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, {"url": "annees/{year}/"}))
    assert _titles(built.content("annees/2025/")) == ["En 2025"]
    assert built.exists("annees")
    built = build_site(_site(tmp_path / "root", {"url": "{year}/"}))
    assert _titles(built.content("2023/")) == ["Réveillon"]
    assert built.content("").h1.get_text() == "Accueil"  # no index of years at the site's root


def test_the_owners_page_wins_with_a_warning(tmp_path: Path) -> None:
    pages = {**PAGES, "archive/2024.md": "# Mon année 2024\n"}
    built = build_site(_site(tmp_path, pages=pages))
    assert built.content("archive/2024/").h1.get_text() == "Mon année 2024"
    assert any(
        "the archive of 2024 is not generated (archive/2024/index.html is already taken by the page archive/2024.md"
        in message
        and "set archive.url to another folder" in message
        for message in built.messages()
    ), built.messages()
    with pytest.raises(Abort):
        build_site(_site(tmp_path / "strict", pages=pages), strict=True)


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("archive/", "'archive/' must contain {year}"),
        ("archive/{slug}/", "unknown field(s) slug"),
        ("archive/{year/", "is not a valid pattern"),
    ],
)
def test_a_bad_pattern_stops_the_configuration(tmp_path: Path, url: str, error: str) -> None:
    [message] = _config_errors(_site(tmp_path, {"url": url}))
    assert "Plugin 'numeco' option 'archive': Sub-option 'url': " in message and error in message


def test_a_pattern_outside_the_site_is_refused_with_a_warning(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, {"url": "../{year}/"}))
    assert any("archive.url '../{year}/' is refused" in message for message in built.messages()), built.messages()
    assert not (tmp_path / "2024").exists()


def test_generate_writes_the_archive_for_zensical(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Démo\ntheme: {name: material, language: fr}\n"
        "plugins: [{numeco: {archive: {enabled: true}, listing: {per_page: 2}}}]\n",
        encoding="utf-8",
    )
    stdout, stderr = io.StringIO(), io.StringIO()
    generate(config, "", stdout, stderr)
    assert "- Archives: archive/index.md" in stdout.getvalue()
    docs = tmp_path / "docs"
    index = (docs / "archive/index.md").read_text(encoding="utf-8")
    assert index.startswith(MARK)
    soup = BeautifulSoup(index, "lxml")
    assert [a["href"] for a in soup.select(".numeco-archive-index a")] == ["2025/", "2024/", "2023/"]
    year = BeautifulSoup((docs / "archive/2024/page/2/index.md").read_text(encoding="utf-8"), "lxml")
    assert [a.get_text() for a in year.select(".numeco-item__title a")] == ["Premier de 2024"]
    # A year that has no post any more goes on the next run.
    (docs / "posts/e.md").unlink()
    generate(config, "", io.StringIO(), io.StringIO())
    assert not (docs / "archive/2025/index.md").exists()


# -- a month archive: `{month}` in archive.url ------------------------------------------------------

MONTHS = {
    "index.md": "# Accueil\n",
    "posts/a.md": post("Début mars", "2025-03-02"),
    "posts/b.md": post("Fin mars", "2025-03-30"),
    "posts/c.md": post("Mi-mars", "2025-03-15"),
    "posts/d.md": post("Février", "2025-02-10"),
    "posts/e.md": post("Décembre", "2024-12-24"),
}


def test_a_month_archive_titled_in_the_sites_language(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, {"url": "archive/{year}/{month}/"}, pages=MONTHS))
    assert built.messages() == []
    march = built.content("archive/2025/03/")
    assert march.h1.get_text() == "Publications de mars 2025"
    assert _titles(march) == ["Fin mars", "Mi-mars"]
    assert _titles(built.content("archive/2025/03/page/2/")) == ["Début mars"]
    assert _titles(built.content("archive/2024/12/")) == ["Décembre"]
    index = built.content("archive/")
    rows = [(li.a.get_text(), li.a["href"], li.time["datetime"]) for li in index.select(".numeco-archive-index li")]
    assert rows == [
        ("mars 2025", "2025/03/", "2025-03"),
        ("février 2025", "2025/02/", "2025-02"),
        ("décembre 2024", "2024/12/", "2024-12"),
    ]
    assert not built.exists("archive/2025")  # no year page: months only


def test_a_month_archive_in_english_with_a_date_format(tmp_path: Path) -> None:
    theme = {"name": "material", "language": "en", "font": False}
    built = build_site(_site(tmp_path, {"url": "archive/{year}/{month}/"}, pages=MONTHS, theme=theme))
    assert built.content("archive/2025/02/").h1.get_text() == "Posts from February 2025"
    options = {"url": "archive/{year}/{month}/", "date_format": "MMM yyyy"}
    built = build_site(_site(tmp_path / "short", options, pages=MONTHS, theme=theme))
    assert built.content("archive/2024/12/").h1.get_text() == "Posts from Dec 2024"
    assert built.content("archive/").select_one(".numeco-archive-index a").get_text() == "Mar 2025"


def test_a_month_without_a_year_is_refused(tmp_path: Path) -> None:
    [message] = _config_errors(_site(tmp_path, {"url": "archive/{month}/"}))
    assert "'archive/{month}/' must contain {year}" in message

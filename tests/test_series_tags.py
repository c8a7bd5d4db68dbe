"""Series navigation, tag pages and listings, built from front matter."""

from __future__ import annotations

import json
import logging
import posixpath
from datetime import date

import pytest
from sitebuild import build_site, post, write_site

from mkdocs_numeco.core.ordering import episode_number, order_episodes, sort_key
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.slugs import slugify
from mkdocs_numeco.core.tags import paginate


def P(title: str, when: str | None, src: str = "", order: int | None = None) -> Post:
    return Post(
        src_uri=src or f"{title}.md",
        url="",
        title=title,
        date=date.fromisoformat(when) if when else None,
        series_order=order,
    )


# -- pure logic, table-driven ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("Épisode #3 : Former", 3),
        ("Saison 2 Épisode #4", 4),
        ("Episode 12 - Data", 12),
        ("Le #7 de la série", 7),
        ("Une vidéo de 2025", None),
    ],
)
def test_episode_number(title: str, number: int | None) -> None:
    assert episode_number(title) == number


@pytest.mark.parametrize(
    ("posts", "expected", "by"),
    [
        # title numbers win over dates that disagree (episode 4 published before 3)
        (
            [P("Épisode #3", "2025-03-10"), P("Épisode #4", "2025-03-01"), P("Épisode #1", "2025-01-01")],
            ["Épisode #1", "Épisode #3", "Épisode #4"],
            "number",
        ),
        # natural sort: #2 before #10
        ([P("Ép #10", "2025-01-01"), P("Ép #2", "2025-01-01")], ["Ép #2", "Ép #10"], "number"),
        # not every title numbered: dates, oldest first; same-day tie by natural title then path
        (
            [P("B part 10", "2025-02-01"), P("Intro", "2025-01-01"), P("B part 9", "2025-02-01")],
            ["Intro", "B part 9", "B part 10"],
            "date",
        ),
        ([P("Same", "2025-02-01", "b.md"), P("Same", "2025-02-01", "a.md")], ["Same", "Same"], "date"),
        # explicit series_order beats title numbers and dates
        (
            [P("Épisode #1", "2025-01-01", order=2), P("Épisode #2", "2025-02-01", order=1)],
            ["Épisode #2", "Épisode #1"],
            "number",
        ),
        # an impossible date (None) goes last
        ([P("Sans date", None), P("Daté", "2025-01-01")], ["Daté", "Sans date"], "date"),
    ],
)
def test_order_episodes(posts: list[Post], expected: list[str], by: str) -> None:
    ordered, ordered_by = order_episodes(posts)
    assert [p.title for p in ordered] == expected
    assert ordered_by == by


def test_same_title_same_day_tie_is_broken_by_path() -> None:
    ordered, _ = order_episodes([P("Same", "2025-02-01", "b.md"), P("Same", "2025-02-01", "a.md")])
    assert [p.src_uri for p in ordered] == ["a.md", "b.md"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Vidéo", "video"),
        ("Paroles d'experts saison 1", "paroles-d-experts-saison-1"),
        ("IA et Data", "ia-et-data"),
        ("  Écoconception ", "ecoconception"),
    ],
)
def test_slugify_matches_eleventy(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_french_alphabetical_order() -> None:
    words = ["Vidéo", "écologie", "Eau", "Zèbre", "Ethique", "Éducation"]
    assert sorted(words, key=sort_key) == ["Eau", "écologie", "Éducation", "Ethique", "Vidéo", "Zèbre"]


def test_paginate_23_by_10() -> None:
    pages = paginate(list(range(23)), 10)
    assert [len(p) for p in pages] == [10, 10, 3]
    assert [n for page in pages for n in page] == list(range(23))


# -- built sites ------------------------------------------------------------------

SERIES = "Paroles d'experts saison 1"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("series")
    pages = {
        "index.md": "# Accueil\n",
        # numbering disagrees with dates: #3 published after #4
        "s/ep3.md": post(
            "Épisode #3 : Trois", "2025-03-20", tags=["Vidéo"], series=SERIES, description="Le troisième."
        ),
        "s/ep4.md": post("Épisode #4 : Quatre", "2025-03-10", tags=["vidéo"], series=SERIES),
        "s/ep1.md": post(
            "Épisode #1 : Un", "2025-01-10", tags="Vidéo", series=SERIES, image={"path": "./p.svg", "alt": "x"}
        ),
        "s/p.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        # ordered by date, same-day tie broken by natural title
        "d/b10.md": post("Partie 10", "2025-02-01", series="Atelier", tags=["Écologie"]),
        "d/b9.md": post("Partie 9", "2025-02-01", series="Atelier", tags=["Eau"]),
        "d/intro.md": post("Introduction", "2025-01-01", series="Atelier", tags=["post", "all", "Zèbre"]),
        # explicit series_order
        "o/x.md": post("Épisode #1", "2025-01-01", series="Ordre", series_order=2),
        "o/y.md": post("Épisode #2", "2025-01-02", series="Ordre", series_order=1),
    }
    for n in range(23):
        pages[f"many/p{n:02d}.md"] = post(f"Billet {n}", f"2024-01-{n + 1:02d}", tags=["Beaucoup"])
    return build_site(write_site(root, pages), strict=False)


def _texts(elements) -> list[str]:
    return [" ".join(e.get_text(" ").split()) for e in elements]


def test_series_box_position_and_neighbours(site) -> None:
    box = site.content("s/ep3/").select_one("nav.numeco-series")
    assert box.select_one(".numeco-series__position").get_text() == "Épisode 2 sur 3"
    assert box.select_one(".numeco-series__name a")["href"] == "../../series/paroles-d-experts-saison-1/"
    assert box.select_one('a[rel="prev"]')["href"] == "../ep1/"
    assert "Épisode #1 : Un" in box.select_one('a[rel="prev"]').get_text()
    assert box.select_one('a[rel="next"]')["href"] == "../ep4/"
    assert _texts(box.select(".numeco-series__list li")) == [
        "Épisode #1 : Un",
        "Épisode #3 : Trois",
        "Épisode #4 : Quatre",
    ]


def test_first_and_last_episode_have_one_neighbour(site) -> None:
    first = site.content("s/ep1/").select_one("nav.numeco-series")
    assert first.select_one('a[rel="prev"]') is None and first.select_one('a[rel="next"]')["href"] == "../ep3/"
    last = site.content("s/ep4/").select_one("nav.numeco-series")
    assert last.select_one('a[rel="next"]') is None and last.select_one('a[rel="prev"]')["href"] == "../ep3/"
    assert last.select_one(".numeco-series__position").get_text() == "Épisode 3 sur 3"


def test_date_ordered_series_with_same_day_tie(site) -> None:
    box = site.content("d/b9/").select_one("nav.numeco-series")
    assert _texts(box.select(".numeco-series__list li")) == ["Introduction", "Partie 9", "Partie 10"]
    assert box.select_one(".numeco-series__position").get_text() == "Épisode 2 sur 3"


def test_explicit_series_order(site) -> None:
    box = site.content("o/y/").select_one("nav.numeco-series")
    assert box.select_one(".numeco-series__position").get_text() == "Épisode 1 sur 2"
    assert box.select_one('a[rel="next"]')["href"] == "../x/"


def test_disagreeing_dates_are_logged_at_info(site) -> None:
    infos = [m for m in site.messages(logging.INFO) if "disagree" in m]
    # "Ordre" too: its series_order runs against its dates; "Atelier" is ordered by date
    assert sorted(m.split("'")[1] for m in infos) == ["Ordre", "Paroles d"]
    assert not any("Atelier" in m for m in infos)


def test_series_pages(site) -> None:
    index = site.content("series/")
    rows = index.select(".numeco-series-index li")
    assert [r.a.get_text() for r in rows] == ["Atelier", "Ordre", SERIES]
    paroles = rows[2]
    assert "3 épisodes" in paroles.get_text()
    assert "du 10 janvier 2025 au 20 mars 2025" in " ".join(paroles.get_text().split())
    page = site.content("series/paroles-d-experts-saison-1/")
    items = page.select("ol.numeco-episodes > li")
    assert [i.select_one(".numeco-item__title a").get_text() for i in items] == [
        "Épisode #1 : Un",
        "Épisode #3 : Trois",
        "Épisode #4 : Quatre",
    ]
    assert items[1].select_one(".numeco-item__description").get_text() == "Le troisième."
    assert items[1].select_one("time")["datetime"] == "2025-03-20"
    thumb = items[0].select_one("img.numeco-item__thumb")
    assert thumb["loading"] == "lazy" and thumb["src"] == "../../s/p.svg"


def test_tag_index_sorted_with_counts_and_no_collection_names(site) -> None:
    rows = site.content("tags/").select(".numeco-tag-index li")
    assert [r.a.get_text() for r in rows] == ["Beaucoup", "Eau", "Écologie", "Vidéo", "Zèbre"]
    assert "3 publications" in rows[3].get_text()
    assert not site.exists("tags/post") and not site.exists("tags/all")


def test_spellings_folding_to_one_slug_share_a_page(site) -> None:
    items = site.content("tags/video/").select(".numeco-item__title a")
    assert [a.get_text() for a in items] == ["Épisode #3 : Trois", "Épisode #4 : Quatre", "Épisode #1 : Un"]
    warnings = [m for m in site.messages() if "fold" in m]
    assert len(warnings) == 1 and "'Vidéo'" in warnings[0] and "'vidéo'" in warnings[0]


def test_tag_given_as_plain_string(site) -> None:
    assert [a.get_text() for a in site.content("s/ep1/").select(".numeco-tags a")] == ["Vidéo"]


def test_tag_item_shows_date_description_tags_series_and_thumbnail(site) -> None:
    item = next(i for i in site.content("tags/video/").select("article.numeco-item") if "Un" in i.h2.get_text())
    assert item.h2.a["href"] == "../../s/ep1/"
    assert item.select_one(".numeco-badge--series")["href"] == "../../series/paroles-d-experts-saison-1/"
    assert [a.get_text() for a in item.select("a.md-tag")] == ["Vidéo"]
    assert item.select_one("img")["loading"] == "lazy"


def test_pagination_10_10_3(site) -> None:
    seen: list[str] = []
    urls = ["tags/beaucoup/", "tags/beaucoup/page/2/", "tags/beaucoup/page/3/"]
    for number, url in enumerate(urls, start=1):
        page = site.content(url)
        seen += [a.get_text() for a in page.select(".numeco-item__title a")]
        nav = page.select_one("nav.numeco-pagination")
        assert [a.get_text() for a in nav.select("a:not([rel])")] == ["1", "2", "3"]
        assert nav.select_one('[aria-current="page"]').get_text() == str(number)
        assert (nav.select_one('a[rel="prev"]') is None) == (number == 1)
        assert (nav.select_one('a[rel="next"]') is None) == (number == 3)
    assert not site.exists("tags/beaucoup/page/4")
    assert seen == [f"Billet {n}" for n in range(22, -1, -1)]  # newest first, none twice, none missing
    assert site.content("tags/beaucoup/page/2/").select_one('a[rel="prev"]')["href"] == "../../"


def test_listing_of_all_posts_newest_first(site) -> None:
    titles = [a.get_text() for a in site.content("posts/").select(".numeco-item__title a")]
    assert titles[:4] == [
        "Épisode #3 : Trois",
        "Épisode #4 : Quatre",
        "Partie 9",
        "Partie 10",
    ]  # same day: natural title order
    assert site.exists("posts/page/4") and not site.exists("posts/page/5")  # 32 posts


def test_generated_pages_are_real_pages(site) -> None:
    sitemap = (site.site_dir / "sitemap.xml").read_text()
    for url in ("tags/video/", "series/paroles-d-experts-saison-1/", "posts/"):
        assert f"https://example.org/{url}</loc>" in sitemap
    index = json.loads((site.site_dir / "search/search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    # In the sitemap, out of the search index (search_generated: false; tests/test_search_index.py)
    assert "tags/video/" not in locations and "series/" not in locations


def test_posts_stay_out_of_the_sidebar(site) -> None:
    nav_links = [a.get("href") for a in site.soup("").select("nav.md-nav--primary a")]
    assert not any("ep1" in (h or "") for h in nav_links)


def test_options_dirs_per_page_posts_glob_and_nav(tmp_path) -> None:
    pages = {f"news/n{n}.md": post(f"N{n}", f"2025-01-0{n + 1}", tags=["Tag"], series="S") for n in range(3)}
    pages["other/x.md"] = post("Pas un billet", "2025-01-01", tags=["Tag"])
    options = {
        "posts": ["news/*.md"],
        "posts_in_nav": True,
        "tags": {"dir": "actualites/tags", "per_page": 2},
        "series": {"dir": "ressources/videos/serie"},
        "listing": {"dir": "actualites", "per_page": 2},
    }
    built = build_site(write_site(tmp_path, pages, plugin=options), strict=True)
    assert [a.get_text() for a in built.content("actualites/tags/tag/").select(".numeco-item__title a")] == ["N2", "N1"]
    assert built.exists("actualites/tags/tag/page/2")
    assert built.exists("ressources/videos/serie/s")
    assert built.exists("actualites/page/2") and not built.exists("actualites/page/3")
    assert built.content("other/x/").select_one("nav.numeco-tags") is None
    nav_links = [a.get("href") for a in built.soup("actualites/").select("nav.md-nav--primary a")]
    assert any("n1" in (h or "") for h in nav_links)


def test_state_is_rebuilt_for_each_build(tmp_path) -> None:
    """`mkdocs serve` reuses one plugin instance: nothing may pile up between builds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_path = write_site(tmp_path, {"a.md": post("A", "2025-01-01", tags=["Un"], series="S")})
    config = load_config(config_file=str(config_path))
    build(config)
    (tmp_path / "docs/a.md").write_text(post("A", "2025-01-01", tags=["Deux"], series="T"), encoding="utf-8")
    plugin = config.plugins["numeco"]
    config = load_config(config_file=str(config_path))
    # MkDocs itself keeps the instance of a plugin that has `on_startup`, as `mkdocs serve` does between builds.
    assert config.plugins["numeco"] is plugin
    build(config)
    site = tmp_path / "site"
    from bs4 import BeautifulSoup

    rows = BeautifulSoup((site / "tags/index.html").read_text(), "lxml").select(".numeco-tag-index li")
    assert [r.a.get_text() for r in rows] == ["Deux"]
    assert [f.src_uri for f in plugin.site.files.documentation_pages()].count("tags/index.md") == 1
    assert len(plugin.site.posts) == 1


def test_search_indexes_posts_not_navigation_boxes(site) -> None:
    """Series boxes, tag lists and listings repeat other posts' titles: kept out of the search index."""
    index = json.loads((site.site_dir / "search/search_index.json").read_text())
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Le troisième" not in text.get("s/ep1/", "")  # ep3's description is not in ep1's entry
    post_text = " ".join(t for loc, t in text.items() if loc.startswith("s/ep1/"))
    assert "Épisode #3 : Trois" not in post_text and "Épisode précédent" not in post_text
    assert "Texte." in post_text  # the post's own words are indexed
    assert "Billet 22" not in " ".join(t for loc, t in text.items() if loc.startswith("tags/beaucoup/"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert "tags/beaucoup/" not in titles  # generated pages are left out whole (search_generated: false)


def test_a_season_is_listed_whole_in_the_series_box(tmp_path) -> None:
    pages = {f"s/e{n:02d}.md": post(f"Épisode #{n}", f"2025-01-{n:02d}", series="Saison") for n in range(1, 16)}
    built = build_site(write_site(tmp_path, pages), strict=True)
    items = built.content("s/e08/").select(".numeco-series__list li")
    assert [li.get_text(strip=True) for li in items] == [f"Épisode #{n}" for n in range(1, 16)]
    assert built.content("s/e08/").select_one(".numeco-series__all") is None


def _resolved(page_url: str, href: str) -> str:
    """Where a relative link of the page at `page_url` leads, from the site's root."""
    return posixpath.normpath(posixpath.join(page_url, href)) + "/"


def test_posts_in_different_folders_link_their_shared_tags_each_from_its_own_place(tmp_path) -> None:
    """The tag list is made once per list of tags and URLs: posts at other depths get their own URLs."""
    tags = ["Vidéo", "Sobriété"]
    pages = {
        "a.md": post("A", "2025-01-01", tags=tags),
        "b.md": post("B", "2025-01-02", tags=tags),
        "deep/er/c.md": post("C", "2025-01-03", tags=tags),
    }
    built = build_site(write_site(tmp_path, pages), strict=True)
    for url in ("a/", "b/", "deep/er/c/"):
        links = built.content(url).select(".numeco-tags a")
        assert [a.get_text() for a in links] == tags
        assert [_resolved(url, a["href"]) for a in links] == ["tags/video/", "tags/sobriete/"]


def test_the_series_box_links_episodes_in_other_folders_from_the_page(tmp_path) -> None:
    folders = ["s", "s", "t/u", "s", "v"]
    pages = {
        f"{folder}/e{n}.md": post(f"Épisode #{n}", f"2025-01-0{n}", series="Saison")
        for n, folder in enumerate(folders, start=1)
    }
    built = build_site(write_site(tmp_path, pages), strict=True)
    episodes = [f"{folder}/e{n}/" for n, folder in enumerate(folders, start=1)]
    for n, url in enumerate(episodes, start=1):
        box = built.content(url).select_one("nav.numeco-series")
        listed = [_resolved(url, a["href"]) for a in box.select(".numeco-series__list a")]
        assert listed == [other for other in episodes if other != url]
        assert box.select_one("[aria-current=page]").get_text() == f"Épisode #{n}"
        steps = {a["rel"][0]: _resolved(url, a["href"]) for a in box.select(".numeco-series__steps a")}
        neighbours = {"prev": episodes[n - 2] if n > 1 else None, "next": episodes[n] if n < 5 else None}
        assert steps == {rel: other for rel, other in neighbours.items() if other}
        assert _resolved(url, box.select_one(".numeco-series__name a")["href"]) == "series/saison/"

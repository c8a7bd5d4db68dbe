"""`{% posts tag="…" series="…" limit=3 %}` (issue 15, item 9) through real builds, asserted on parsed HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_build import build_demo
from sitebuild import Built, build_site, post, write_site

HOME = """\
# Accueil

{% posts limit=2 %}

## Vidéos

{% posts tag="vidéo" %}

## Saison

{% posts series="Saison 1" limit=5 %}

## Les deux

{% posts tag="Vidéo" series="saison 1" %}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pages = {
        "index.md": HOME,
        "about/team.md": '# Équipe\n\n{% posts tag="Guide" limit=1 %}\n',
        "posts/a.md": post("Épisode #1", "2025-01-05", tags=["Vidéo"], series="Saison 1"),
        "posts/b.md": post("Un guide", "2025-02-01", tags=["Guide"]),
        "posts/c.md": post("Épisode #2", "2025-03-01", tags=["Vidéo"], series="Saison 1"),
        "posts/d.md": post("Hors série", "2025-03-10", tags=["Vidéo"]),
        "posts/e.md": post("Épisode #3", "2025-04-01", series="Saison 1"),
    }
    return build_site(write_site(tmp_path_factory.mktemp("posts"), pages), strict=True)


def lists(built: Built, url: str) -> list[list[tuple[str, str]]]:
    """Each `{% posts %}` of the page: its cards as (title, href), in order."""
    return [
        [(a.get_text(strip=True), a["href"]) for a in box.select(".numeco-item__title a")]
        for box in built.content(url).select(".numeco-posts")
    ]


def test_newest_first_limit_and_filters_on_the_home_page(site: Built) -> None:
    assert lists(site, "") == [
        [("Épisode #3", "posts/e/"), ("Hors série", "posts/d/")],
        [("Hors série", "posts/d/"), ("Épisode #2", "posts/c/"), ("Épisode #1", "posts/a/")],
        [("Épisode #3", "posts/e/"), ("Épisode #2", "posts/c/"), ("Épisode #1", "posts/a/")],
        [("Épisode #2", "posts/c/"), ("Épisode #1", "posts/a/")],
    ]


def test_links_are_relative_to_the_page_and_cards_are_the_listing_s(site: Built) -> None:
    assert lists(site, "about/team/") == [[("Un guide", "../../posts/b/")]]
    card = site.content("about/team/").select_one(".numeco-posts .numeco-item")
    listed = site.content("posts/").select_one('.numeco-item:has(a[href$="b/"])')
    assert [c.get("class") for c in card.find_all(True)] == [c.get("class") for c in listed.find_all(True)]
    assert card.select_one(".md-tag")["href"] == "../../tags/guide/"


def test_every_link_of_a_card_leads_to_a_page(site: Built) -> None:
    for box in site.content("").select(".numeco-posts"):
        for a in box.select("a[href]"):
            assert (site.site_dir / a["href"] / "index.html").is_file(), a["href"]


@pytest.mark.parametrize(
    ("shortcode", "warning"),
    [
        ('{% posts tag="Inconnu" %}', "index.md:3: no post has the tag 'Inconnu'"),
        ('{% posts series="Nulle part" %}', "index.md:3: no post is in the series 'Nulle part'"),
    ],
)
def test_an_unknown_tag_or_series_is_warned_and_shows_an_empty_note(
    tmp_path: Path, shortcode: str, warning: str
) -> None:
    pages = {"index.md": f"# Accueil\n\n{shortcode}\n", "posts/a.md": post("A", "2025-01-01", tags=["X"])}
    built = build_site(write_site(tmp_path, pages))
    assert any(warning in message for message in built.messages())
    [box] = built.content("").select(".numeco-posts")
    assert box.select(".numeco-item") == []
    assert box.get_text(strip=True) == "Aucune publication pour le moment."


@pytest.mark.parametrize(
    ("limit", "shown", "warning"),
    [("x", 3, "limit=x is not a whole number"), ("0", 3, "limit=0"), ("99", 4, "limit=99 is more than 50")],
)
def test_a_bad_limit_is_warned(tmp_path: Path, limit: str, shown: int, warning: str) -> None:
    pages = {"index.md": f"# Accueil\n\n{{% posts limit={limit} %}}\n"}
    pages |= {f"posts/p{n}.md": post(f"P{n}", f"2025-01-0{n}") for n in range(1, 5)}
    built = build_site(write_site(tmp_path, pages))
    assert len(built.content("").select(".numeco-posts .numeco-item")) == shown
    assert any(f"index.md:3: {warning}" in message for message in built.messages())


def test_strict_build_fails_on_a_posts_warning(tmp_path: Path) -> None:
    pages = {"index.md": '{% posts tag="Inconnu" %}\n', "posts/a.md": post("A", "2025-01-01")}
    with pytest.raises(Exception, match="warning"):
        build_site(write_site(tmp_path, pages), strict=True)


def test_an_eleventy_collections_loop_names_the_replacement(tmp_path: Path) -> None:
    pages = {"index.md": "{% for item in collections.all %}\n- {{ item.data.title }}\n{% endfor %}\n"}
    built = build_site(write_site(tmp_path, pages))
    [message] = [m for m in built.messages() if "collections.all" in m]
    assert 'to list posts, write {% posts tag="Vidéo" limit=3 %} instead' in message
    assert message.startswith("mkdocs_numeco: index.md:1:")


def test_the_demo_home_page_lists_the_three_newest_posts(tmp_path: Path) -> None:
    built = build_demo(tmp_path)
    [cards] = lists(built, "")
    listing = [(a.get_text(strip=True), a["href"]) for a in built.content("posts/").select(".numeco-item__title a")]
    assert [title for title, _ in cards] == [title for title, _ in listing[:3]]
    assert [href for _, href in cards] == ["posts/" + href for _, href in listing[:3]]


def test_a_site_without_posts_shows_the_note_without_a_warning(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, {"index.md": "# Accueil\n\n{% posts %}\n"}), strict=True)
    [box] = built.content("").select(".numeco-posts")
    assert box.get_text(strip=True) == "Aucune publication pour le moment."

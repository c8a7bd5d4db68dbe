"""Series-aware structured data (issue 15, item 7), through real builds, checked against schema.org."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from demo_build import build_demo
from schema_org import assert_valid, problems
from sitebuild import Built, build_site, post, write_site

SITE = "https://example.org/"
ACAST = '<iframe src="https://embed.acast.com/$/numerique-responsable/le-reemploi" title="Le réemploi"></iframe>'


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(script.string) for script in soup.head.select('script[type="application/ld+json"]')]


def of_type(objects: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects if kind in ([o["@type"]] if isinstance(o["@type"], str) else o["@type"])]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("series-ld")
    pages = {
        "index.md": "# Accueil\n",
        # Written out of order: the series page and the numbers follow the reading order.
        "posts/b.md": post("Épisode #2 : Concevoir", "2025-03-10", '{% youtube "dQw4w9WgXcQ" %}', series="Sobriété"),
        "posts/a.md": post("Épisode #1 : Mesurer", "2025-03-01", "Texte.", series="Sobriété"),
        "posts/c.md": post("Épisode #3 : Former", "2025-03-20", "Texte.", series="Sobriété"),
        "posts/podcast.md": post("Le réemploi", "2025-04-01", ACAST, description="Un podcast."),
        "posts/podcast-2.md": post("Saison podcast #1", "2025-04-02", ACAST, series="Podcasts"),
        "posts/alone.md": post("Un article", "2025-04-03"),
    }
    return build_site(write_site(root, pages), strict=True)


def test_an_episode_names_its_series_and_number(site: Built) -> None:
    [data] = of_type(json_ld(site.soup("posts/a/")), "Episode")
    assert data["@type"] == ["BlogPosting", "Episode"]
    assert data["episodeNumber"] == 1
    assert data["partOfSeries"] == {"@type": "CreativeWorkSeries", "name": "Sobriété", "url": SITE + "series/sobriete/"}
    assert data["headline"] == "Épisode #1 : Mesurer"


def test_a_video_episode_keeps_its_video_object_and_points_at_it(site: Built) -> None:
    objects = json_ld(site.soup("posts/b/"))
    [video] = of_type(objects, "VideoObject")
    [episode] = of_type(objects, "Episode")
    assert video["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert episode["episodeNumber"] == 2
    assert episode["partOfSeries"]["url"] == SITE + "series/sobriete/"
    assert episode["video"] == [{"@id": video["@id"]}]
    assert video["@id"].startswith(SITE + "posts/b/#")


def test_an_acast_post_is_a_podcast_episode(site: Built) -> None:
    [data] = json_ld(site.soup("posts/podcast/"))
    assert data["@type"] == "PodcastEpisode"
    assert data["headline"] == "Le réemploi"
    assert data["description"] == "Un podcast."
    assert data["audio"] == [
        {
            "@type": "AudioObject",
            "name": "Le réemploi",
            "embedUrl": "https://embed.acast.com/$/numerique-responsable/le-reemploi",
        }
    ]
    assert "partOfSeries" not in data


def test_a_podcast_in_a_series_is_a_numbered_podcast_episode(site: Built) -> None:
    [data] = json_ld(site.soup("posts/podcast-2/"))
    assert data["@type"] == "PodcastEpisode"
    assert (data["partOfSeries"]["name"], data["episodeNumber"]) == ("Podcasts", 1)


def test_a_post_outside_any_series_is_a_plain_blog_posting(site: Built) -> None:
    [data] = json_ld(site.soup("posts/alone/"))
    assert data["@type"] == "BlogPosting"
    assert "partOfSeries" not in data and "episodeNumber" not in data


def test_the_series_page_lists_its_episodes_in_order(site: Built) -> None:
    [data] = json_ld(site.soup("series/sobriete/"))
    assert data["@type"] == "CreativeWorkSeries"
    assert (data["name"], data["url"]) == ("Sobriété", SITE + "series/sobriete/")
    assert [(p["position"], p["name"], p["url"]) for p in data["hasPart"]] == [
        (1, "Épisode #1 : Mesurer", SITE + "posts/a/"),
        (2, "Épisode #2 : Concevoir", SITE + "posts/b/"),
        (3, "Épisode #3 : Former", SITE + "posts/c/"),
    ]


def test_every_json_ld_of_the_site_is_valid_schema_org(site: Built) -> None:
    checked = 0
    for page in site.site_dir.rglob("*.html"):
        for data in json_ld(BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")):
            assert_valid(data)
            checked += 1
    assert checked >= 8


def test_every_json_ld_of_the_demo_is_valid_schema_org(tmp_path: Path) -> None:
    built = build_demo(tmp_path)
    found = [data for page in built.site_dir.rglob("*.html") for data in json_ld(built.soup(_url(built, page)))]
    assert {kind for data in found for kind in _types(data)} >= {"VideoObject", "Episode", "CreativeWorkSeries"}
    for data in found:
        assert_valid(data)


def test_series_data_is_left_out_with_structured_data_off(tmp_path: Path) -> None:
    pages = {"posts/a.md": post("A", "2025-03-01", series="S")}
    built = build_site(write_site(tmp_path, pages, {"seo": {"structured_data": False}}), strict=True)
    assert json_ld(built.soup("posts/a/")) == json_ld(built.soup("series/s/")) == []


# -- the validator itself can fail ------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"@type": "VideoObject", "partOfSeries": "x"}, "'partOfSeries' is no property of VideoObject"),
        ({"@type": "BlogPost", "headline": "x"}, "'BlogPost' is no schema.org type"),
        ({"headline": "x"}, "no @type"),
        ({"@type": "CreativeWorkSeries", "hasPart": [{"@type": "Episode", "rank": 1}]}, "$.hasPart[0]: 'rank'"),
    ],
)
def test_the_validator_finds_what_schema_org_does_not_define(data: dict, complaint: str) -> None:
    assert any(complaint in found for found in problems(data))


def test_the_validator_takes_supertypes_and_several_types() -> None:
    assert problems({"@type": ["BlogPosting", "Episode"], "headline": "h", "episodeNumber": 1, "url": "u"}) == []


def _url(built: Built, page: Path) -> str:
    relative = page.relative_to(built.site_dir).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def _types(data: dict[str, Any]) -> list[str]:
    return [data["@type"]] if isinstance(data["@type"], str) else data["@type"]

"""URL patterns of generated pages and feeds: the source site's preset (read from the README), redirects."""

from __future__ import annotations

import io
import logging
import math
import posixpath
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config.base import load_config

from mkdocs_numeco.generate import generate
from tests.guidepages import GUIDE
from tests.sitebuild import Built, build_site, post, write_site
from tests.test_config import _config_errors

README = GUIDE / "series-tags.md"
PER_PAGE = 6  # the source site's pages
SERIES = {
    "Paroles d'experts saison 1": 5,
    "Ateliers écoconception": 3,
    "Le numérique en 5 minutes": 2,
}
ALONE = 4  # posts without a series: the "autres vidéos" page


def preset() -> dict:
    """The numeco options of the preset block in the guide (series-tags.md)."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- preset:source-site -->\n```yaml\n(.*?)```\n<!-- /preset:source-site -->", text, re.DOTALL)
    assert block is not None, "the guide lost its preset block"
    plugins = yaml.safe_load(block.group(1))["plugins"]
    return next(entry["numeco"] for entry in plugins if isinstance(entry, dict) and "numeco" in entry)


def fixture() -> dict[str, str]:
    """14 posts: 3 series and 4 posts without one, several tags (all carry 'Vidéo')."""
    pages = {"index.md": "# Accueil\n"}
    number = 0
    members = [(name, n) for name, count in SERIES.items() for n in range(1, count + 1)] + [(None, 0)] * ALONE
    for number, (series, episode) in enumerate(members, start=1):
        tags = ["Vidéo"]
        if number % 2:
            tags.append("MiNumEco")
        if number % 3 == 0:
            tags.append("Écoconception")
        if number in (2, 9, 13):
            tags.append("Ministères")
        front: dict = {"tags": tags, "description": f"Résumé {number}."}
        if series:
            front["series"] = series
        title = f"Épisode #{episode} : sujet {number}" if series else f"Vidéo {number}"
        pages[f"posts/video-{number:02d}.md"] = post(
            title, f"2025-{1 + number // 28:02d}-{1 + number % 28:02d}", **front
        )
    return pages


def slug(name: str) -> str:
    """The source site's slug of a plain name, derived here without the plugin: ASCII, lowercase, '-' between words."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def front_matters(pages: dict[str, str]) -> list[dict]:
    return [yaml.safe_load(text.split("---\n")[1]) for name, text in pages.items() if name.startswith("posts/")]


def pages_of(first: str, count: int) -> list[str]:
    return [first] + [f"{first}page-{n}/" for n in range(2, math.ceil(count / PER_PAGE) + 1)]


def source_addresses(pages: dict[str, str]) -> tuple[list[str], list[str]]:
    """(pages, feed files) the source site publishes for these posts, from their front matter alone."""
    fronts = front_matters(pages)
    addresses = pages_of("fr/actualites/", len(fronts)) + ["fr/actualites/tags/"]
    counts: dict[str, int] = {}
    for front in fronts:
        for tag in front["tags"]:
            counts[tag] = counts.get(tag, 0) + 1
    for tag, count in counts.items():
        addresses += pages_of(f"fr/actualites/tags/{slug(tag)}/", count)
    for name in {front["series"] for front in fronts if "series" in front}:
        addresses.append(f"ressources/videos/serie/{slug(name)}/")
    addresses.append("ressources/videos/autres-videos/")
    return addresses, ["feed/feed.xml", "feed/feed.json"]


def default_addresses(pages: dict[str, str]) -> list[str]:
    """Where the plugin's defaults put the generated pages (folders) and feeds (files)."""
    fronts = front_matters(pages)
    tags = {tag for front in fronts for tag in front["tags"]}
    series = {front["series"] for front in fronts if "series" in front}
    return (
        ["posts/", "posts/page/2/", "tags/", "series/", "feed.xml", "feed.json"]
        + [f"tags/{slug(tag)}/" for tag in tags]
        + [f"series/{slug(name)}/" for name in series]
    )


def at(built: Built, address: str) -> Path:
    path = built.site_dir / address
    return path / "index.html" if address.endswith("/") else path


def test_the_preset_publishes_every_address_of_the_source_site(tmp_path: Path) -> None:
    pages = fixture()
    built = build_site(write_site(tmp_path, pages, preset()), strict=True)
    assert built.messages(logging.WARNING) == []
    addresses, feeds = source_addresses(pages)
    # listing 3 pages, tags index, Vidéo 3 + MiNumEco 2 + Écoconception 1 + Ministères 1, 3 series, autres vidéos
    assert len(addresses) == 3 + 1 + 7 + 3 + 1, addresses
    for address in addresses + feeds:
        assert at(built, address).is_file(), address
    for address in default_addresses(pages):
        assert not at(built, address).exists(), address
    # The pages are the right ones: 6 posts a page, newest first, and the last page holds the rest.
    listing = [
        built.content(url).select("div.numeco-listing h2 a, div.numeco-listing h3 a")
        for url in pages_of("fr/actualites/", 14)
    ]
    assert [len(cards) for cards in listing] == [6, 6, 2]
    none = built.content("ressources/videos/autres-videos/")
    assert none.select_one("h1").get_text() == "Autres vidéos"
    assert len(none.select("div.numeco-listing h2 a, div.numeco-listing h3 a")) == ALONE
    pager = built.content("fr/actualites/tags/video/page-2/").select("nav.numeco-pagination a[rel]")
    assert {a["rel"][0]: a["href"] for a in pager} == {"prev": "../", "next": "../page-3/"}


def test_links_follow_the_patterns(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, fixture(), preset()), strict=True)
    page = built.soup("posts/video-01/")
    box = page.select_one("nav.numeco-series")
    assert box is not None and any(
        a["href"] == "../../ressources/videos/serie/paroles-d-experts-saison-1/" for a in box.select("a")
    )
    tags = {a.get_text(strip=True): a["href"] for a in page.select(".numeco-tags a")}
    assert tags["Vidéo"] == "../../fr/actualites/tags/video/"
    feeds = [link["href"] for link in page.select("head link[rel~=feed]")]
    assert feeds[:2] == ["../../feed/feed.xml", "../../feed/feed.json"]
    assert "../../fr/actualites/tags/video/feed.xml" in feeds
    cards = built.content("fr/actualites/").select(".numeco-listing a[href*='tags/']")
    assert cards and all(a["href"].startswith("tags/") for a in cards)


def test_redirects_keep_the_default_addresses(tmp_path: Path) -> None:
    pages = fixture()
    before = build_site(write_site(tmp_path / "before", pages))
    assert at(before, "posts/page/2/").is_file()
    options = {**preset(), "redirects": True}
    built = build_site(write_site(tmp_path / "after", pages, options), strict=True)
    assert built.messages(logging.WARNING) == []
    expected = {
        "posts/": "fr/actualites/",
        "posts/page/2/": "fr/actualites/page-2/",  # old page 2 began with post 11: now on page 2
        "tags/": "fr/actualites/tags/",
        "tags/video/": "fr/actualites/tags/video/",
        "tags/video/page/2/": "fr/actualites/tags/video/page-2/",
        "series/": "ressources/videos/serie/",
        "series/ateliers-ecoconception/": "ressources/videos/serie/ateliers-ecoconception/",
    }
    for old, new in expected.items():
        assert at(before, old).is_file(), old  # the address was published
        soup = built.soup(old)
        assert soup.select_one("link[rel=canonical]")["href"] == f"https://example.org/{new}", old
        refresh = soup.select_one("meta[http-equiv=refresh]")["content"]
        assert posixpath.normpath(posixpath.join(old, refresh.split("url=", 1)[1])) + "/" == new, old
        title = built.soup(new).select_one("title").get_text()
        assert soup.select_one("title").get_text() in title, old
    for path in ("feed.xml", "feed.json", "tags/video/feed.xml"):  # feed readers don't follow HTML: the feed stays
        new = "feed/" + path if path.startswith("feed") else "fr/actualites/" + path
        assert (built.site_dir / path).read_bytes() == (built.site_dir / new).read_bytes(), path
    # Nothing is written over a current page: the posts under posts/ are still themselves.
    assert built.soup("posts/video-01/").select_one("meta[http-equiv=refresh]") is None


def test_dir_and_url_that_disagree_stop_at_configuration(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"index.md": "# A\n"}, {"tags": {"dir": "sujets", "url": "themes/{slug}/"}})
    assert _config_errors(config) == [
        (
            "Config value 'plugins': Plugin 'numeco' option 'tags': Sub-option 'url': tags.dir 'sujets' and tags.url"
            " 'themes/{slug}/' disagree: tags.url is the newer form of tags.dir; give only tags.url"
        )
    ]


def test_dir_and_url_that_agree_are_fine(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"index.md": "# A\n"}, {"tags": {"dir": "sujets", "url": "/sujets/{slug}"}})
    assert load_config(config_file=str(config))["plugins"]["numeco"].config.tags.url == "/sujets/{slug}"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"tags": {"url": "sujets/"}}, "'sujets/' must contain {slug}"),
        ({"listing": {"page_url": "page/"}}, "'page/' must contain {n}"),
        ({"series": {"url": "serie/{name}/"}}, "unknown field(s) name"),
        ({"feeds": {"paths": {"site": "feed/"}}}, "'feed/' is a folder"),
        ({"redirects": "yes"}, "Expected true, false or a list"),
    ],
)
def test_patterns_are_checked_when_the_configuration_loads(tmp_path: Path, options: dict, message: str) -> None:
    config = write_site(tmp_path, {"index.md": "# A\n"}, options)
    [error] = _config_errors(config)
    assert message in error


def test_generate_writes_the_preset_addresses_for_zensical(tmp_path: Path) -> None:
    pages = fixture()
    config = write_site(tmp_path, pages, preset())
    assert generate(config, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    docs = tmp_path / "docs"
    addresses, feeds = source_addresses(pages)
    for address in addresses:
        assert (docs / address / "index.md").is_file(), address
    for path in feeds:
        assert (docs / path).is_file(), path
    assert not (docs / "tags").exists() and not (docs / "series").exists() and not (docs / "feed.xml").exists()
    cards = BeautifulSoup((docs / "fr/actualites/page-2/index.md").read_text(encoding="utf-8"), "lxml")
    assert cards.select_one("nav.numeco-pagination a[rel=prev]")["href"] == "../"

"""The demo builds with mkdocs-rss-plugin enabled after numeco, and its feeds are right.

mkdocs-rss-plugin 1.19 reads `page.meta["image"]` with `.strip()` (so the
Eleventy `{path, alt}` mapping crashed it) and joins a relative value to
`site_url`; it reads `page.meta["date"]` as a `date` or as text in one
strftime format. numeco hands it an absolute image URL and a `date`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from demo_build import build_like_the_cli, demo_config
from sitebuild import Built

# A reserved TLD: the rss plugin asks the image's server for its size, and
# this name fails at once, everywhere, without a request leaving the machine.
SITE_URL = "https://numeco-demo.invalid/"


def rss_options(cache: Path) -> dict:
    return {
        "use_git": False,
        "date_from_meta": {"as_creation": "date", "as_update": "date"},
        "cache_dir": str(cache),
        # The plugin opens each page's source file, and pages generated in memory
        # (listing, tag and series pages) have none: only posts go in its feed.
        "match_path": r"posts/(?!index\.md$|page/)",
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("rss")
    plugins = ["search", "numeco", {"rss": rss_options(folder / "cache")}]
    return Built(build_like_the_cli(demo_config(folder, site_url=SITE_URL, plugins=plugins), strict=True))


def test_rss_feed_parses_with_every_post_newest_first(demo: Built) -> None:
    parsed = feedparser.parse((demo.site_dir / "feed_rss_created.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version.startswith("rss")
    links = [e.link for e in parsed.entries]
    assert links == [
        SITE_URL + "posts/podcast-reemploi/",
        SITE_URL + "posts/table-ronde-donnees/",
        SITE_URL + "posts/episode-2-concevoir/",
        SITE_URL + "posts/episode-3-former/",
        SITE_URL + "posts/episode-1-mesurer/",
        SITE_URL + "posts/ecrire-un-article/",
    ]
    # Dates come from the front matter, read as dates.
    assert [e.published_parsed[:3] for e in parsed.entries][:2] == [(2025, 5, 5), (2025, 4, 14)]


def test_rss_item_image_is_the_front_matter_image(demo: Built) -> None:
    parsed = feedparser.parse((demo.site_dir / "feed_rss_created.xml").read_bytes())
    by_link = {e.link: e for e in parsed.entries}
    enclosure = by_link[SITE_URL + "posts/episode-2-concevoir/"].enclosures
    assert [(e.href, e.type) for e in enclosure] == [(SITE_URL + "images/photo-atelier.jpg", "image/jpeg")]
    assert (demo.site_dir / "images/photo-atelier.jpg").is_file()
    assert by_link[SITE_URL + "posts/podcast-reemploi/"].enclosures == []  # no image in its front matter


def test_rss_json_feed(demo: Built) -> None:
    data = json.loads((demo.site_dir / "feed_json_created.json").read_text(encoding="utf-8"))
    items = data["items"]
    assert len(items) == 6
    dates = [datetime.fromisoformat(i["date_published"]) for i in items]
    assert dates == sorted(dates, reverse=True)
    table_ronde = next(i for i in items if i["url"].endswith("/table-ronde-donnees/"))
    assert table_ronde["image"] == SITE_URL + "images/capture-mesure.png"


def test_our_feeds_and_head_are_still_there(demo: Built) -> None:
    parsed = feedparser.parse((demo.site_dir / "feed.xml").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 6
    head = demo.soup("posts/episode-1-mesurer/").head
    assert head.select_one('meta[property="og:image"]')["content"] == SITE_URL + "images/poster-montage.svg"
    assert head.select_one('script[type="application/ld+json"]') is not None

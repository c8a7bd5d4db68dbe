"""Feeds: which ones exist, what they hold, and that feed readers parse them."""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from demo_build import build_demo
from sitebuild import Built, build_site, post, write_site

from mkdocs_numeco.core import feeds, urls
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.series import build_series
from mkdocs_numeco.core.tags import build_tags

SITE_URL = "https://example.org/numeco-demo/"
CHANNEL = feeds.Channel(site_url=SITE_URL, title="Site", description="Desc", language="fr", author="Équipe")


def P(
    title: str, when: str | None, *, tags: tuple[str, ...] = (), series: str | None = None, image: str | None = None
) -> Post:
    slug = title.lower().replace(" ", "-")
    return Post(
        src_uri=f"posts/{slug}.md",
        url=f"posts/{slug}/",
        title=title,
        description=f"À propos de {title}",
        date=date.fromisoformat(when) if when else None,
        tags=list(tags),
        series=series,
        image=image,
    )


POSTS = [
    P("Ancien", "2024-01-05", tags=("Vidéo",), series="S"),
    P("Récent", "2025-03-01", tags=("Vidéo", "Data"), series="S", image="images/a.png"),
    P("Milieu", "2024-06-10", tags=("Data",)),
    P("Sans date", None, tags=("Vidéo",)),
]


def plan(**options: object) -> feeds.FeedPlan:
    return feeds.plan_feeds(POSTS, build_tags(POSTS), build_series(POSTS), **options)  # type: ignore[arg-type]


def titles(feed: feeds.Feed) -> list[str]:
    return [p.title for p in feed.posts]


# -- planning, table-driven ------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "paths"),
    [
        ({}, ["feed.xml", "series/s/feed.xml", "tags/data/feed.xml", "tags/video/feed.xml"]),
        ({"site": False}, ["series/s/feed.xml", "tags/data/feed.xml", "tags/video/feed.xml"]),
        ({"with_series": False, "with_tags": False}, ["feed.xml"]),
        (
            {"series_dir": "/saisons/", "tags_dir": "sujets"},
            ["feed.xml", "saisons/s/feed.xml", "sujets/data/feed.xml", "sujets/video/feed.xml"],
        ),
    ],
)
def test_which_feeds(options: dict, paths: list[str]) -> None:
    assert [f.path for f in plan(**options).feeds] == paths


def test_newest_first_without_undated_posts() -> None:
    by_path = {f.path: f for f in plan().feeds}
    assert titles(by_path["feed.xml"]) == ["Récent", "Milieu", "Ancien"]
    assert titles(by_path["series/s/feed.xml"]) == ["Récent", "Ancien"]
    assert titles(by_path["tags/video/feed.xml"]) == ["Récent", "Ancien"]
    assert by_path["feed.xml"].json_path == "feed.json"
    assert by_path["tags/video/feed.xml"].json_path is None


@pytest.mark.parametrize(
    ("limit", "expected"), [(1, ["Récent"]), (2, ["Récent", "Milieu"]), (0, ["Récent", "Milieu", "Ancien"])]
)
def test_limit(limit: int, expected: list[str]) -> None:
    assert titles(plan(limit=limit).feeds[0]) == expected


def test_a_feed_with_only_undated_posts_is_left_out() -> None:
    only = [P("Sans date", None, tags=("Seul",))]
    assert feeds.plan_feeds(only, build_tags(only), []).feeds == []


@pytest.mark.parametrize(
    ("src_uri", "post_title", "expected"),
    [
        ("index.md", None, ["feed.xml"]),
        ("series/s/index.md", None, ["feed.xml", "series/s/feed.xml"]),
        ("tags/data/index.md", None, ["feed.xml", "tags/data/feed.xml"]),
        ("tags/data/page/2/index.md", None, ["feed.xml", "tags/data/feed.xml"]),
        ("tags/index.md", None, ["feed.xml"]),
        ("posts/récent.md", "Récent", ["feed.xml", "series/s/feed.xml", "tags/data/feed.xml", "tags/video/feed.xml"]),
        ("posts/milieu.md", "Milieu", ["feed.xml", "tags/data/feed.xml"]),
    ],
)
def test_feeds_a_page_links(src_uri: str, post_title: str | None, expected: list[str]) -> None:
    the_post = next((p for p in POSTS if p.title == post_title), None)
    assert [f.path for f in plan().for_page(src_uri, the_post)] == expected


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("posts/a/", SITE_URL + "posts/a/"),
        ("/feed.xml", SITE_URL + "feed.xml"),
        ("", SITE_URL),
        ("https://cdn.example.net/x.png", "https://cdn.example.net/x.png"),
    ],
)
def test_absolute(path: str, url: str) -> None:
    assert urls.absolute(SITE_URL, path) == url


# -- rendering -----------------------------------------------------------------------


def entries(feed: feeds.Feed) -> list[feeds.Entry]:
    return feeds.entries_of(
        feed, lambda p: (urls.absolute(SITE_URL, p.url), urls.absolute(SITE_URL, p.image) if p.image else None)
    )


def test_atom_parses_newest_first_with_absolute_links_and_image() -> None:
    feed = plan().feeds[0]
    parsed = feedparser.parse(feeds.atom(feed, entries(feed), CHANNEL, SITE_URL))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Site"
    assert parsed.feed.language == "fr"
    assert [e.title for e in parsed.entries] == ["Récent", "Milieu", "Ancien"]
    assert [e.link for e in parsed.entries] == [
        SITE_URL + "posts/récent/",
        SITE_URL + "posts/milieu/",
        SITE_URL + "posts/ancien/",
    ]
    assert parsed.entries[0].summary == "À propos de Récent"
    assert parsed.entries[0].media_thumbnail == [{"url": SITE_URL + "images/a.png"}]
    assert "media_thumbnail" not in parsed.entries[1]
    assert [t.term for t in parsed.entries[0].tags] == ["Vidéo", "Data"]
    assert parsed.entries[0].published_parsed[:3] == (2025, 3, 1)
    # The feed's own date is its newest entry's, never the build time.
    assert parsed.feed.updated_parsed[:3] == (2025, 3, 1)
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link == SITE_URL + "feed.xml"


def test_series_feed_title_and_page_link() -> None:
    feed = next(f for f in plan().feeds if f.kind == "series")
    page = SITE_URL + "series/s/"
    parsed = feedparser.parse(feeds.atom(feed, entries(feed), CHANNEL, page))
    assert parsed.feed.title == "S – Site"
    assert parsed.feed.link == page


def test_atom_escapes_what_authors_write() -> None:
    tricky = [P('A <b> & "c" ]]>', "2025-01-01")]
    feed = feeds.plan_feeds(tricky, [], []).feeds[0]
    parsed = feedparser.parse(feeds.atom(feed, entries(feed), CHANNEL, SITE_URL))
    assert not parsed.bozo
    assert parsed.entries[0].title == 'A <b> & "c" ]]>'


def test_json_feed_1_1() -> None:
    feed = plan().feeds[0]
    data = json.loads(feeds.json_feed(feed, entries(feed), CHANNEL, SITE_URL))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == SITE_URL + "feed.json"
    assert data["home_page_url"] == SITE_URL
    assert [item["title"] for item in data["items"]] == ["Récent", "Milieu", "Ancien"]
    first = data["items"][0]
    assert first["url"] == first["id"] == SITE_URL + "posts/récent/"
    assert first["content_text"] == first["summary"] == "À propos de Récent"  # an item needs content
    assert first["image"] == SITE_URL + "images/a.png"
    assert first["tags"] == ["Vidéo", "Data"]
    assert datetime.fromisoformat(first["date_published"]) == datetime(2025, 3, 1, tzinfo=UTC)


def test_same_posts_give_byte_identical_feeds() -> None:
    feed = plan().feeds[0]
    assert feeds.atom(feed, entries(feed), CHANNEL, SITE_URL) == feeds.atom(feed, entries(feed), CHANNEL, SITE_URL)


# -- the demo site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_demo(tmp_path_factory.mktemp("demo"))


def all_feeds(built: Built) -> list[Path]:
    return sorted(built.site_dir.rglob("feed.xml"))


def test_demo_has_site_series_and_tag_feeds(demo: Built) -> None:
    found = [p.relative_to(demo.site_dir).as_posix() for p in all_feeds(demo)]
    assert found == [
        "feed.xml",
        "series/paroles-d-experts-saison-1/feed.xml",
        "tags/ecoconception/feed.xml",
        "tags/guide/feed.xml",
        "tags/ia-et-data/feed.xml",
        "tags/materiel/feed.xml",
        "tags/mesure/feed.xml",
        "tags/podcast/feed.xml",
        "tags/video/feed.xml",
    ]
    assert (demo.site_dir / "feed.json").is_file()


def test_every_demo_feed_parses_newest_first_with_absolute_links(demo: Built) -> None:
    for path in all_feeds(demo):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path
        dates = [e.published_parsed for e in parsed.entries]
        assert dates == sorted(dates, reverse=True), path
        for entry in parsed.entries:
            assert entry.link.startswith(SITE_URL), (path, entry.link)
            assert entry.title and entry.summary
            # Every entry is a page that was built.
            assert (demo.site_dir / entry.link[len(SITE_URL) :] / "index.html").is_file()
            for thumb in entry.get("media_thumbnail", []):
                assert thumb["url"].startswith(SITE_URL)
                assert (demo.site_dir / thumb["url"][len(SITE_URL) :]).is_file()


def test_demo_series_feed_holds_the_series(demo: Built) -> None:
    parsed = feedparser.parse((demo.site_dir / "series/paroles-d-experts-saison-1/feed.xml").read_bytes())
    assert parsed.feed.title == "Paroles d'experts saison 1 – Numérique responsable en vidéo"
    assert parsed.feed.link == SITE_URL + "series/paroles-d-experts-saison-1/"
    # Newest first, even though the series itself reads by episode number.
    assert [e.link.rsplit("/", 2)[1] for e in parsed.entries] == [
        "episode-2-concevoir",
        "episode-3-former",
        "episode-1-mesurer",
    ]


def test_demo_tag_feed(demo: Built) -> None:
    parsed = feedparser.parse((demo.site_dir / "tags/video/feed.xml").read_bytes())
    assert parsed.feed.title == "Vidéo – Numérique responsable en vidéo"
    assert [e.link.rsplit("/", 2)[1] for e in parsed.entries] == [
        "table-ronde-donnees",
        "episode-2-concevoir",
        "episode-3-former",
        "episode-1-mesurer",
    ]


def test_demo_json_feed(demo: Built) -> None:
    data = json.loads((demo.site_dir / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    items = data["items"]
    assert len(items) == 6
    dates = [datetime.fromisoformat(i["date_published"]) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert all(i["url"].startswith(SITE_URL) for i in items)
    table_ronde = next(i for i in items if i["url"].endswith("/table-ronde-donnees/"))
    assert table_ronde["image"] == SITE_URL + "images/poster-donnees.svg"


def feed_links(built: Built, url: str) -> list[tuple[str, str]]:
    """(type, absolute URL) of the feeds a reader discovers: `rel` holds the token `alternate` (the links are
    `rel="alternate feed"`, relative to the page since issue 14; resolved here against the page's canonical URL)."""
    head = built.soup(url).head
    canonical = head.select_one('link[rel="canonical"]')
    page_url = canonical["href"] if canonical is not None else ""
    links = head.find_all("link", rel="alternate")
    return [(link["type"], urljoin(page_url, link["href"])) for link in links if "feed" in link["href"]]


SITE_FEEDS = [("application/atom+xml", SITE_URL + "feed.xml"), ("application/feed+json", SITE_URL + "feed.json")]


@pytest.mark.parametrize(
    ("url", "extra"),
    [
        ("", []),
        ("tags/", []),
        ("posts/", []),
        ("series/paroles-d-experts-saison-1/", ["series/paroles-d-experts-saison-1/feed.xml"]),
        ("tags/video/", ["tags/video/feed.xml"]),
        (
            "posts/episode-1-mesurer/",
            ["series/paroles-d-experts-saison-1/feed.xml", "tags/mesure/feed.xml", "tags/video/feed.xml"],
        ),
        ("posts/podcast-reemploi/", ["tags/materiel/feed.xml", "tags/podcast/feed.xml"]),
    ],
)
def test_demo_head_links_the_relevant_feeds(demo: Built, url: str, extra: list[str]) -> None:
    expected = SITE_FEEDS + [("application/atom+xml", SITE_URL + path) for path in extra]
    assert feed_links(demo, url) == expected


def test_tag_pagination_pages_link_the_tag_feed(tmp_path: Path) -> None:
    pages = {f"p{n:02}.md": post(f"P{n}", f"2025-01-{n:02}", tags=["Vidéo"]) for n in range(1, 13)}
    built = build_site(write_site(tmp_path, pages, plugin={"tags": {"per_page": 5}}), strict=True)
    for url in ("tags/video/", "tags/video/page/2/", "tags/video/page/3/"):
        assert ("application/atom+xml", "https://example.org/tags/video/feed.xml") in feed_links(built, url)
    parsed = feedparser.parse((built.site_dir / "tags/video/feed.xml").read_bytes())
    assert len(parsed.entries) == 12  # under the default limit of 20


# -- options and bad input ----------------------------------------------------------------


def test_options_turn_feeds_off(tmp_path: Path) -> None:
    pages = {"a.md": post("A", "2025-01-01", tags=["T"], series="S")}
    options = {"feeds": {"series": False, "tags": False, "limit": 1}}
    built = build_site(write_site(tmp_path, pages, plugin=options), strict=True)
    assert [p.relative_to(built.site_dir).as_posix() for p in all_feeds(built)] == ["feed.xml"]
    assert feed_links(built, "a/") == [
        ("application/atom+xml", "https://example.org/feed.xml"),
        ("application/feed+json", "https://example.org/feed.json"),
    ]


def test_feeds_disabled(tmp_path: Path) -> None:
    built = build_site(
        write_site(tmp_path, {"a.md": post("A", "2025-01-01")}, plugin={"feeds": {"enabled": False}}), strict=True
    )
    assert all_feeds(built) == []
    assert not (built.site_dir / "feed.json").exists()
    assert feed_links(built, "a/") == []


def test_missing_site_url_warns_once_and_skips_feeds(tmp_path: Path) -> None:
    pages = {"a.md": post("A", "2025-01-01", tags=["T"]), "b.md": post("B", "2025-01-02")}
    built = build_site(write_site(tmp_path, pages, site_url=None), strict=False)
    warnings = [m for m in built.messages(logging.WARNING) if "site_url" in m]
    assert len(warnings) == 1
    assert "site_url: https://" in warnings[0]
    assert all_feeds(built) == []
    assert feed_links(built, "a/") == []


def test_an_old_post_still_links_its_tag_feed() -> None:
    many = [P(f"Post {n}", f"2025-01-{n:02}", tags=("Vidéo",)) for n in range(1, 6)]
    small = feeds.plan_feeds(many, build_tags(many), [], limit=2)
    oldest = many[0]
    assert oldest not in small.feeds[1].posts
    assert [f.path for f in small.for_page(oldest.src_uri, oldest)] == ["feed.xml", "tags/video/feed.xml"]

"""core/head.py: the head HTML of posts and pages from URLs already resolved, without MkDocs."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup

from mkdocs_numeco.core import feeds, head
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.shortcodes.video import PROVIDERS, Video

PAGE = "https://example.org/posts/p/"
IMAGE = "https://example.org/posts/p/cover.png"
POSTER = "https://example.org/assets/numeco/poster.png"
SITE = head.HeadSite(site_name="Numéco", language="fr")
VIDEO = Video(PROVIDERS["dailymotion"], "x9h51js", "La vidéo", "video-1", 3)
PODCAST = SimpleNamespace(provider=SimpleNamespace(kind="audio"), title="", embed_url="", dom_id="audio-1")


def _post(**fields: Any) -> Post:
    return Post("posts/p.md", "posts/p/", fields.pop("title", "Un post"), date=date(2025, 3, 1), **fields)


def _meta(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {tag.get("property") or tag["name"]: tag["content"] for tag in soup.find_all("meta")}


def _json_ld(html: str) -> list[dict[str, Any]]:
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


# -- posts ---------------------------------------------------------------------------

POSTS = {
    "article with image": (
        _post(image="posts/p/cover.png", image_alt="La couverture"),
        [],
        head.PostUrls(PAGE, image=IMAGE),
        {
            "og:type": "article",
            "og:image": IMAGE,
            "og:image:alt": "La couverture",
            "twitter:card": "summary_large_image",
        },
        [("BlogPosting", "image", [IMAGE])],
    ),
    "article without image": (
        _post(),
        [],
        head.PostUrls(PAGE),
        {"og:type": "article", "og:url": PAGE, "twitter:card": "summary"},
        [("BlogPosting", "image", None)],
    ),
    "video without image shows the poster": (
        _post(),
        [VIDEO],
        head.PostUrls(PAGE, poster=POSTER),
        {
            "og:type": "video.other",
            "og:image": POSTER,
            "og:image:alt": "Un post",
            "video:release_date": "2025-03-01T00:00:00+00:00",
        },
        [("VideoObject", "thumbnailUrl", [POSTER])],
    ),
    "video with image prefers the image": (
        _post(image="posts/p/cover.png"),
        [VIDEO],
        head.PostUrls(PAGE, image=IMAGE),
        {"og:type": "video.other", "og:image": IMAGE, "og:image:alt": "Un post"},
        [("VideoObject", "thumbnailUrl", [IMAGE])],
    ),
    "a podcast is no VideoObject": (
        _post(),
        [PODCAST],
        head.PostUrls(PAGE, poster=POSTER),
        {"og:type": "video.other", "og:image": POSTER},
        [("PodcastEpisode", "image", None)],  # issue 15: an Acast post is a PodcastEpisode
    ),
}


@pytest.mark.parametrize(("post", "videos", "found", "meta", "json_ld"), POSTS.values(), ids=POSTS.keys())
def test_post_head(post: Post, videos: list[Any], found: head.PostUrls, meta: dict, json_ld: list) -> None:
    html = head.post_head(post, videos, found, SITE, [], "<html></html>")
    got = _meta(html)
    assert {key: got.get(key) for key in meta} == meta
    assert got["og:site_name"] == "Numéco"
    assert got["og:locale"] == "fr_FR"
    data = _json_ld(html)
    assert [(d["@type"], d.get(key)) for d, (_, key, _) in zip(data, json_ld, strict=True)] == [
        (kind, value) for kind, _, value in json_ld
    ]
    assert all(d["url"] == PAGE and d["inLanguage"] == "fr" for d in data)


def test_a_video_object_carries_its_transcript_from_the_page() -> None:
    page = (
        '<article><div class="numeco-video" id="video-1"></div>'
        '<p class="numeco-video__transcript-link"><a href="#t1">Transcription</a></p>'
        '<div id="t1"><div class="numeco-transcript__body"><p>Bonjour.</p><p>Au revoir.</p></div></div></article>'
    )
    html = head.post_head(_post(), [VIDEO], head.PostUrls(PAGE, poster=POSTER), SITE, [], page)
    (data,) = _json_ld(html)
    assert (data["name"], data["embedUrl"]) == ("La vidéo", "https://www.dailymotion.com/embed/video/x9h51js")
    assert data["transcript"] == "Bonjour.\nAu revoir."


SWITCHES = {
    "both": (SITE, True, True),
    "no Open Graph": (head.HeadSite("Numéco", "fr", open_graph=False), False, True),
    "no structured data": (head.HeadSite("Numéco", "fr", structured_data=False), True, False),
    "neither": (head.HeadSite("Numéco", "fr", open_graph=False, structured_data=False), False, False),
}


@pytest.mark.parametrize(("site", "has_meta", "has_json_ld"), SWITCHES.values(), ids=SWITCHES.keys())
def test_options_switch_parts_off(site: head.HeadSite, has_meta: bool, has_json_ld: bool) -> None:
    html = head.post_head(_post(), [], head.PostUrls(PAGE), site, [], "")
    assert (bool(_meta(html)), bool(_json_ld(html))) == (has_meta, has_json_ld)


def test_with_material_social_plugin_its_tags_are_left_to_it() -> None:
    site = head.HeadSite("Numéco", "fr", social_plugin=True)
    html = head.post_head(_post(tags=["Vidéo"]), [VIDEO], head.PostUrls(PAGE, poster=POSTER), site, [], "")
    got = _meta(html)
    assert not {"og:type", "og:title", "og:image", "twitter:card"} & got.keys()
    assert (got["og:site_name"], got["article:tag"]) == ("Numéco", "Vidéo")
    assert [d["@type"] for d in _json_ld(html)] == ["VideoObject"]


def test_author_text_stays_text() -> None:
    title = '"><script>alert(1)</script>'
    html = head.post_head(_post(title=title), [], head.PostUrls(PAGE), SITE, [], "")
    soup = BeautifulSoup(html, "html.parser")
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]
    assert _meta(html)["og:title"] == title
    assert _json_ld(html)[0]["headline"] == title


# -- poster -----------------------------------------------------------------------------

POSTER_NEEDED = {
    "own image": (IMAGE, [VIDEO], SITE, False),
    "no player": (None, [], SITE, False),
    "video": (None, [VIDEO], SITE, True),
    "podcast, Open Graph on": (None, [PODCAST], SITE, True),
    "podcast, Open Graph off": (None, [PODCAST], head.HeadSite("N", "fr", open_graph=False), False),
    "video, structured data only": (None, [VIDEO], head.HeadSite("N", "fr", open_graph=False), True),
    "video, both off": (None, [VIDEO], head.HeadSite("N", "fr", open_graph=False, structured_data=False), False),
}


@pytest.mark.parametrize(("image", "videos", "site", "needed"), POSTER_NEEDED.values(), ids=POSTER_NEEDED.keys())
def test_needs_poster(image: str | None, videos: list[Any], site: head.HeadSite, needed: bool) -> None:
    assert head.needs_poster(image, videos, site) is needed


# -- pages and feed links ----------------------------------------------------------------

CHANNEL = feeds.Channel("https://example.org/", "Numéco", "", "fr", "Numéco")
SITE_FEED = feeds.Feed("site", "", "", "feed.xml", (), json_path="feed.json")
TAG_FEED = feeds.Feed("tag", "video", "Vidéo", "tags/video/feed.xml", (), page_prefix="tags/video/")


def test_feed_links_atom_then_json_with_titles_relative_to_the_page() -> None:
    links = head.feed_links([SITE_FEED, TAG_FEED], CHANNEL, "posts/a/")
    html = head.page_head(title="T", description="", url="https://example.org/", site=SITE, links=links)
    soup = BeautifulSoup(html, "html.parser")
    assert [(a["type"], a["title"], a["href"]) for a in soup.find_all("link", rel="alternate")] == [
        (feeds.ATOM, "Numéco", "../../feed.xml"),
        (feeds.JSON_FEED, "Numéco", "../../feed.json"),
        (feeds.ATOM, "Vidéo – Numéco", "../../tags/video/feed.xml"),
    ]


def test_feed_links_are_not_the_exact_rel_material_fetches_a_sitemap_for() -> None:
    # Material's script selects `link[rel=alternate]` (exact value) and fetches a sitemap.xml next to each.
    html = head.page_head(
        title="T",
        description="",
        url="https://example.org/",
        site=SITE,
        links=head.feed_links([SITE_FEED], CHANNEL, ""),
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("link[rel=alternate]") == []
    assert [a["href"] for a in soup.find_all("link", rel="alternate")] == ["feed.xml", "feed.json"]
    assert {" ".join(a["rel"]) for a in soup.find_all("link")} == {"alternate feed"}


PAGES = {
    "with description": (
        "Accueil",
        "Le site",
        SITE,
        {"og:type": "website", "og:title": "Accueil", "og:description": "Le site", "twitter:card": "summary"},
    ),
    "without description": ("Tags", "", SITE, {"og:type": "website", "og:title": "Tags", "og:description": None}),
    "Open Graph off": ("Tags", "", head.HeadSite("N", "fr", open_graph=False), {"og:type": None}),
    "social plugin": (
        "Tags",
        "",
        head.HeadSite("N", "en", social_plugin=True),
        {"og:type": None, "og:locale": "en_US"},
    ),
}


@pytest.mark.parametrize(("title", "description", "site", "meta"), PAGES.values(), ids=PAGES.keys())
def test_page_head(title: str, description: str, site: head.HeadSite, meta: dict) -> None:
    html = head.page_head(title=title, description=description, url="https://example.org/", site=site, links=[])
    got = _meta(html)
    assert {key: got.get(key) for key in meta} == meta
    assert not _json_ld(html)

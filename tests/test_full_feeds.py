"""Full feeds (`feeds.content`) and `<!-- more -->` excerpts, through real builds."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup, Comment
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import Built, build_site, post, write_site

SITE = "https://example.org/blog/"
PNG = (Path(__file__).parent.parent / "mkdocs_numeco/assets/poster.png").read_bytes()

VIDEO_POST = """
Une introduction avec un [lien vers B](b.md), une ![figure](img/figure.png) et une <a href="#suite">ancre</a>.

<!-- more -->

{% dailymotion "x9h51js" %}

{% transcription "Alice" %}
Bonjour **tout** le monde, voici la transcription.
{% endtranscription %}

## La suite {#suite}

Un <a href="javascript:alert(1)">lien refusé</a> et une image <img src="//cdn.example.net/x.png" alt="cdn">.
"""


def pages() -> dict[str, str | bytes]:
    return {
        "index.md": "# Accueil\n\n{% posts limit=5 %}\n",
        "posts/a.md": post(
            "Vidéo A",
            "2025-03-01T14:30:00+02:00",
            VIDEO_POST,
            description="Description A",
            image="img/poster.png",
            tags=["Vidéo"],
        ),
        "posts/b.md": post(
            "Billet B", "2025-02-01", "Texte de B sans séparateur.", description="Description B", tags=["Vidéo"]
        ),
        "posts/img/figure.png": PNG,
        "posts/img/poster.png": PNG,
    }


def site(tmp_path: Path, **feeds: object) -> Built:
    plugin = {"feeds": feeds, "images": {"enabled": False}} if feeds else {"images": {"enabled": False}}
    return build_site(write_site(tmp_path, pages(), plugin=plugin, site_url=SITE), strict=True)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return site(tmp_path_factory.mktemp("full"))


def atom_entry(built: Built, path: str, title: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((built.site_dir / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return next(e for e in parsed.entries if e.title == title)


def served(built: Built, url: str) -> Path:
    """The file of the site that serves an absolute URL under SITE."""
    assert url.startswith(SITE), url
    path = built.site_dir / url[len(SITE) :].split("#")[0]
    return path / "index.html" if url.endswith("/") or "#" in url else path


# -- full (the default) ---------------------------------------------------------------------------


def test_full_atom_content_is_the_post_with_absolute_urls(full: Built) -> None:
    entry = atom_entry(full, "feed.xml", "Vidéo A")
    (content,) = entry.content
    assert content.type == "text/html"
    soup = BeautifulSoup(content.value, "lxml")
    assert "Une introduction" in soup.get_text() and "La suite" in soup.get_text()
    for link in soup.find_all("a"):
        href = link["href"]
        assert href.startswith((SITE, "https://www.dailymotion.com/")), href
        if href.startswith(SITE):
            assert served(full, href).is_file(), href
    assert soup.find("a", string="lien vers B")["href"] == SITE + "posts/b/"
    assert soup.find("a", string="ancre")["href"] == SITE + "posts/a/#suite"
    assert soup.find("img", alt="figure")["src"] == SITE + "posts/img/figure.png"
    assert soup.find("img", alt="cdn")["src"] == "https://cdn.example.net/x.png"
    for image in soup.find_all("img"):
        if image["src"].startswith(SITE):
            assert served(full, image["src"]).is_file()
    assert "Un lien refusé et une image" in soup.get_text()
    raw = (full.site_dir / "feed.xml").read_text(encoding="utf-8")  # feedparser sanitises: read what we wrote
    assert "javascript" not in raw and "&lt;script" not in raw and "&lt;button" not in raw


def test_full_content_has_a_plain_video_link_and_no_facade(full: Built) -> None:
    (content,) = atom_entry(full, "feed.xml", "Vidéo A").content
    soup = BeautifulSoup(content.value, "lxml")
    assert soup.find(["button", "script", "noscript", "details", "iframe"]) is None
    assert soup.select(".numeco-video, [hidden], [data-embed-url]") == []
    video = soup.find("a", string="Voir la vidéo « Vidéo A » sur Dailymotion")
    assert video["href"] == "https://www.dailymotion.com/video/x9h51js"
    assert "Bonjour tout le monde, voici la transcription." in soup.get_text()


def test_full_entry_keeps_time_of_day_offset_and_description(full: Built) -> None:
    xml = (full.site_dir / "feed.xml").read_text(encoding="utf-8")
    assert "<published>2025-03-01T14:30:00+02:00</published>" in xml
    assert "<updated>2025-03-01T14:30:00+02:00</updated>" in xml
    entry = atom_entry(full, "feed.xml", "Vidéo A")
    assert entry.summary == "Description A"
    assert entry.published_parsed[:5] == (2025, 3, 1, 12, 30)  # in UTC


def test_full_json_feed_has_content_html(full: Built) -> None:
    data = json.loads((full.site_dir / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in data["items"] if i["title"] == "Vidéo A")
    assert "content_text" not in item and item["summary"] == "Description A"
    assert item["date_published"] == "2025-03-01T14:30:00+02:00"
    soup = BeautifulSoup(item["content_html"], "lxml")
    assert soup.find("a", string="lien vers B")["href"] == SITE + "posts/b/"
    assert soup.find("button") is None


def test_the_separator_neither_shows_nor_is_lost(full: Built) -> None:
    content = full.content("posts/a/")
    assert "more" not in content.get_text().split()
    assert [c.strip() for c in content.find_all(string=lambda s: isinstance(s, Comment))] == ["more"]
    assert "Une introduction" in content.get_text() and "La suite" in content.get_text()


# -- excerpts on cards --------------------------------------------------------------------------


def card(built: Built, url: str, title: str) -> BeautifulSoup:
    return next(
        c for c in built.content(url).select("article.numeco-item") if c.select_one(".numeco-item__title").text == title
    )


@pytest.mark.parametrize("url", ["posts/", "", "tags/video/"])
def test_cards_show_the_excerpt_else_the_description(full: Built, url: str) -> None:
    with_excerpt = card(full, url, "Vidéo A")
    excerpt = with_excerpt.select_one(".numeco-item__excerpt")
    assert excerpt.get_text(" ", strip=True) == "Une introduction avec un lien vers B , une figure et une ancre ."
    assert with_excerpt.select_one(".numeco-item__description") is None
    page_url = urljoin(SITE, url)
    link = urljoin(page_url, excerpt.find("a", string="lien vers B")["href"])
    assert link == SITE + "posts/b/"
    assert urljoin(page_url, excerpt.find("a", string="ancre")["href"]) == SITE + "posts/a/#suite"
    assert excerpt.find(["img", "button", "iframe"]) is None
    without = card(full, url, "Billet B")
    assert without.select_one(".numeco-item__description").text == "Description B"
    assert without.select_one(".numeco-item__excerpt") is None


def test_no_mark_is_left_in_any_page(full: Built) -> None:
    for page in full.site_dir.rglob("*.html"):
        assert "numeco:excerpt" not in page.read_text(encoding="utf-8"), page


# -- summary --------------------------------------------------------------------------------------


def test_summary_feeds_carry_the_excerpt_else_the_description(tmp_path: Path) -> None:
    built = site(tmp_path, content="summary")
    with_excerpt = atom_entry(built, "feed.xml", "Vidéo A")
    assert "content" not in with_excerpt
    soup = BeautifulSoup(with_excerpt.summary, "lxml")
    assert soup.get_text(" ", strip=True).startswith("Une introduction avec un lien vers B")
    assert soup.find("a", string="lien vers B")["href"] == SITE + "posts/b/"
    assert "La suite" not in soup.get_text()
    plain = atom_entry(built, "feed.xml", "Billet B")
    assert plain.summary == "Description B" and "content" not in plain
    data = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))
    by_title = {i["title"]: i for i in data["items"]}
    assert "Une introduction" in by_title["Vidéo A"]["content_html"]
    assert "La suite" not in by_title["Vidéo A"]["content_html"]
    assert by_title["Billet B"]["content_text"] == "Description B"


def test_a_wrong_content_option_fails_at_config_load(tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        site(tmp_path, content="all")


# -- memory and determinism -------------------------------------------------------------------------


def test_only_posts_in_a_feed_keep_their_html(tmp_path: Path) -> None:
    config = load_config(
        config_file=str(
            write_site(
                tmp_path,
                pages(),
                plugin={"feeds": {"limit": 1, "tags": False}, "images": {"enabled": False}},
                site_url=SITE,
            )
        )
    )
    build(config)
    site_build = config.plugins["numeco"].site
    assert list(site_build.feed_html) == ["posts/a.md"]


def test_two_builds_give_byte_identical_feeds(tmp_path: Path) -> None:
    first = site(tmp_path / "1")
    second = site(tmp_path / "2")
    for name in ("feed.xml", "feed.json"):
        assert (first.site_dir / name).read_bytes() == (second.site_dir / name).read_bytes()

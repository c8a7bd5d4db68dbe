"""core/listing.py: which generated pages exist, their pagination, titles and HTML, without MkDocs."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from mkdocs_numeco.core.confine import Claims
from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.listing import Listing, destination, local_image
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.render import Renderer
from mkdocs_numeco.core.series import build_series, series_slugs
from mkdocs_numeco.core.tags import build_tags, tag_slugs
from mkdocs_numeco.core.urls import relative_url


def _options(listing: str = "posts", per_page: int = 2, tags: str = "tags", series: str = "series") -> SimpleNamespace:
    return SimpleNamespace(
        listing=SimpleNamespace(enabled=True, dir=listing, per_page=per_page),
        tags=SimpleNamespace(enabled=True, dir=tags, per_page=per_page),
        series=SimpleNamespace(enabled=True, dir=series),
        feeds=SimpleNamespace(site=True, series=True, tags=True, limit=20),
    )


def _posts() -> list[Post]:
    return [
        Post(f"posts/p{n}.md", f"posts/p{n}/", f"Post {n}", date=date(2025, 1, n), tags=["Vidéo"] if n % 2 else [])
        for n in range(1, 6)
    ] + [Post("posts/s1.md", "posts/s1/", "Épisode #1", date=date(2024, 1, 1), series="Saison")]


def _planned(options: SimpleNamespace) -> tuple[Listing, list[str]]:
    posts = _posts()
    names = tag_slugs(posts)
    listing = Listing(options, Renderer(resolve_labels("fr", {}), "fr"))
    warnings = listing.plan(
        posts, build_tags(posts, names), build_series(posts, series_slugs(posts)), lambda p, k: f"{p.src_uri}:2", names
    )
    return listing, warnings


def test_planning_paginates_and_titles_each_page() -> None:
    listing, warnings = _planned(_options())
    assert warnings == []
    titles = {uri: page.title for uri, page in listing.planned.items()}
    assert titles == {
        "posts/index.md": "Publications",
        "posts/page/2/index.md": "Publications (Page 2 sur 3)",
        "posts/page/3/index.md": "Publications (Page 3 sur 3)",
        "tags/index.md": "Étiquettes",
        "tags/video/index.md": "Étiquette\u00a0: Vidéo",
        "tags/video/page/2/index.md": "Étiquette\u00a0: Vidéo (Page 2 sur 2)",
        "series/index.md": "Séries",
        "series/saison/index.md": "Série\u00a0: Saison",
    }
    assert [page.in_nav for page in listing.planned.values()] == [True, False, False, True, False, False, True, False]
    assert [p.title for p in listing.planned["posts/page/3/index.md"].data["posts"]] == ["Post 1", "Épisode #1"]
    assert listing.tag_uris == {"video": "tags/video/index.md"}
    assert listing.series_of["posts/s1.md"].name == "Saison"


@pytest.mark.parametrize(
    ("options", "warning"),
    [
        (_options(listing="../up"), "listing.dir '../up' is refused (it has a '..' segment)"),
        (_options(tags="a\\b"), "tags.dir 'a\\\\b' is refused (it has a backslash)"),
        (_options(series="%2e%2e/x"), "series.dir '%2e%2e/x' is refused ('%2e%2e' reads as '..' in a URL)"),
    ],
)
def test_a_refused_folder_is_reported_and_its_pages_are_not_planned(options: SimpleNamespace, warning: str) -> None:
    listing, warnings = _planned(options)
    assert [message.split(":")[0] for message in warnings] == [warning]
    assert not any(".." in uri or "\\" in uri or "%" in uri for uri in listing.planned)


def test_rendering_links_through_url_of() -> None:
    listing, _ = _planned(_options())
    urls = {
        "posts/p5.md": "../p5/",
        "posts/p4.md": "../p4/",
        "posts/page/2/index.md": "page/2/",
        "tags/video/index.md": "../tags/video/",
    }
    html = listing.render_page("posts/index.md", urls.get)
    soup = BeautifulSoup(html, "lxml")
    assert soup.h1.get_text() == "Publications"
    assert [a["href"] for a in soup.select(".numeco-item__title a")] == ["../p5/", "../p4/"]
    assert [a["href"] for a in soup.select(".numeco-item a.md-tag")] == ["../tags/video/"]
    assert [a.get_text() for a in soup.select("nav.numeco-pagination a")] == ["1", "2", "3", "Page suivante"]
    assert listing.render_page("elsewhere.md", urls.get) is None


def test_post_parts_and_images() -> None:
    listing, _ = _planned(_options())
    box, tags = listing.render_post_parts(
        listing.series_of["posts/s1.md"].posts[0], {"series/saison/index.md": "x/"}.get
    )
    assert BeautifulSoup(box, "lxml").select_one("a")["href"] == "x/"
    assert tags == BeautifulSoup(tags, "lxml").get_text().strip() == ""
    urls = {"img/a.png": "../img/a.png", "img/b.png": "javascript:alert(1)"}
    assert [
        local_image(urls.get, path) for path in ("img/a.png", "img/b.png", "https://x.org/a.png", "img/c.png", None)
    ] == [
        "../img/a.png",
        None,
        None,
        None,
        None,
    ]


def test_feeds_are_claimed_and_a_taken_path_is_reported() -> None:
    listing, _ = _planned(_options())
    posts = _posts()
    claims = Claims()
    claims.claim("feed.xml", "the file feed.xml", me="feed.xml")
    plan, warnings = listing.plan_feeds(posts, build_tags(posts), build_series(posts), claims)
    assert [feed.path for feed in plan.feeds] == ["series/saison/feed.xml", "tags/video/feed.xml"]
    assert warnings == [
        (
            "the site's Atom and JSON feeds are not written (feed.xml is already taken by the file feed.xml, which wins):"
            " set feeds.site: false, or move your file"
        )
    ]


@pytest.mark.parametrize(
    ("src", "directory_urls", "expected"),
    [
        ("index.md", True, ("index.html", "./")),
        ("posts/a.md", True, ("posts/a/index.html", "posts/a/")),
        ("posts/a.md", False, ("posts/a.html", "posts/a.html")),
        ("tags/index.md", True, ("tags/index.html", "tags/")),
        ("tags/index.md", False, ("tags/index.html", "tags/index.html")),
        ("a/README.md", True, ("a/index.html", "a/")),
        ("img/un chat.png", True, ("img/un chat.png", "img/un%20chat.png")),
        ("posts/été.md", True, ("posts/été/index.html", "posts/%C3%A9t%C3%A9/")),
    ],
)
def test_destination_is_the_engines(src: str, directory_urls: bool, expected: tuple[str, str]) -> None:
    assert destination(src, directory_urls) == expected


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("posts/a/", "tags/video/", "../../posts/a/"),
        ("tags/video/", "tags/video/", "./"),
        ("./", "tags/", "../"),
        ("img/x.png", "posts/a/", "../../img/x.png"),
        ("posts/a.html", "tags/video/index.html", "../../posts/a.html"),
        ("tags/", "./", "tags/"),
    ],
)
def test_relative_url(url: str, page: str, expected: str) -> None:
    assert relative_url(url, page) == expected


def _urls_from(page: str, files: dict[str, str]):
    """`url_of` for the page at `page`, over docs files and their site URLs."""
    return lambda uri: relative_url(files[uri], page) if uri in files else None


@pytest.mark.parametrize("image", ["img/a.png", "posts/javascript:x.png", "https://x.org/a.png", "img/missing.png"])
def test_cards_made_once_are_the_cards_made_for_each_page(image: str) -> None:
    """With `site_url_of`, each card is rendered once with marks for its links; every page reads as without."""
    once, _ = _planned(_options())
    files = {uri: uri.removesuffix("index.md") for uri in once.planned} | {p.src_uri: p.url for p in _posts()}
    files |= {"img/a.png": "img/a.png", "posts/javascript:x.png": "posts/javascript:x.png"}  # as if not quoted
    each, _ = _planned(_options())
    for listing in (once, each):
        for posts in (page.data.get("posts", []) for page in listing.planned.values()):
            for one in posts:
                one.image = image
    once.site_url_of = _urls_from("", files)
    for uri in once.planned:
        url_of = _urls_from(files[uri], files)
        assert once.render_page(uri, url_of) == each.render_page(uri, url_of)
    assert len(once.cards.html) == len(_posts()) if image != "posts/javascript:x.png" else not once.cards.html

"""The pure parts of benchmarks/sobriety.py: the gzip static host, the page-type table, the targets.

The browser measurement itself is not run here (it is a benchmark, not a test);
nothing here needs Chromium or the optional `ecoindex-compute` package.
"""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from demo_build import build_demo
from sobriety import PAGE_TYPES, Measure, account, base_path, check_targets, missing_pages, render_markdown
from static_server import Sent, serve

CSS = "body { color: black; }\n" * 200
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "index.html").write_text("<p>liste</p>" * 100, "utf-8")
    (tmp_path / "style.css").write_text(CSS, "utf-8")
    (tmp_path / "pic.png").write_bytes(PNG)
    return tmp_path


def _get(url: str, gzip_ok: bool = True) -> tuple[int, dict, bytes]:
    headers = {"Accept-Encoding": "gzip, deflate"} if gzip_ok else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def test_text_is_sent_gzipped_and_logged_with_the_bytes_sent(site: Path) -> None:
    with serve(site, "/numeco-demo/") as (base_url, log):
        status, headers, body = _get(base_url + "style.css")
        page_status, page_headers, page_body = _get(base_url + "posts/")
    assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/numeco-demo/")
    assert (status, headers["Content-Encoding"], headers["Content-Type"]) == (200, "gzip", "text/css")
    assert gzip.decompress(body).decode("utf-8") == CSS
    assert len(body) < len(CSS) / 10
    assert page_status == 200 and page_headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(page_body).decode("utf-8") == "<p>liste</p>" * 100
    css = next(sent for sent in log if sent.path == "/numeco-demo/style.css")
    # What the page transferred: the compressed body plus the status line and headers.
    assert css.status == 200 and css.content_type == "text/css"
    assert len(body) < css.bytes < len(body) + 400


def test_images_and_clients_without_gzip_get_the_file_as_is(site: Path) -> None:
    with serve(site, "/numeco-demo/") as (base_url, log):
        _, png_headers, png = _get(base_url + "pic.png")
        _, css_headers, css = _get(base_url + "style.css", gzip_ok=False)
    assert png == PNG and "Content-Encoding" not in png_headers
    assert css.decode("utf-8") == CSS and "Content-Encoding" not in css_headers
    assert {(sent.path, sent.content_type) for sent in log} == {
        ("/numeco-demo/pic.png", "image/png"),
        ("/numeco-demo/style.css", "text/css"),
    }


def test_nothing_is_served_outside_the_base_path(site: Path) -> None:
    with serve(site, "/numeco-demo/") as (base_url, log):
        status, _, _ = _get(base_url.replace("/numeco-demo/", "/style.css"))
    assert status == 404
    assert [sent.status for sent in log] == [404]


def test_every_page_type_is_a_page_of_the_built_demo(tmp_path: Path) -> None:
    site = build_demo(tmp_path).site_dir
    assert missing_pages(site) == []
    assert base_path(REPO / "mkdocs.yml") == "/numeco-demo/"
    pages = {page.name: _soup(site / page.path) for page in PAGE_TYPES}
    assert len(pages["post with video"].select(".numeco-video")) == 1
    assert len(pages["post with two videos"].select(".numeco-video")) == 2
    for page in PAGE_TYPES:
        if page.kind == "cards":
            assert pages[page.name].select(".numeco-item"), page.name
    tag_cards = {
        path.parent.name: len(_soup(path.parent).select(".numeco-item")) for path in site.glob("tags/*/index.html")
    }
    assert max(tag_cards, key=tag_cards.get) == "video"  # the tag page measured is the largest


def _soup(folder: Path) -> BeautifulSoup:
    return BeautifulSoup((folder / "index.html").read_text("utf-8"), "lxml")


def test_targets_are_checked_per_page_kind() -> None:
    post = Measure("post", "posts/a/", "post", dom_elements=900, ecoindex=79, grade="C")
    listing = Measure("listing", "posts/", "cards", ecoindex=85, grade="A")
    account(post, [Sent("/a/", 200, "text/html", 250_000), Sent("/p.jpg", 200, "image/jpeg", 60_000)])
    account(listing, [Sent("/x.png", 200, "image/png", 81_000), Sent("/y.png", 200, "image/png", 9_000),
                      Sent("/z.png", 404, "text/html", 500)])  # fmt: skip
    assert (post.requests, post.transferred_bytes, post.image_bytes) == (2, 310_000, 60_000)
    assert listing.largest_image == {"path": "/x.png", "bytes": 81_000}
    assert listing.failed == ["404 /z.png"]
    rows = {(row["page"], row["target"]): row["met"] for row in check_targets([post, listing])}
    assert rows == {
        ("post", "EcoIndex ≥ 80"): False,
        ("post", "post page < 300 KB"): False,
        ("listing", "EcoIndex ≥ 80"): True,
        ("listing", "no image > 80 KB"): False,
    }
    table = render_markdown({"pages": [vars(post), vars(listing)], "targets": check_targets([post, listing])})
    assert "| post (`posts/a/`) | 900 | 2 | 310.0 KB | 60.0 KB | 60.0 KB (p.jpg) | 0 | 79 (C) |" in table
    assert "| no image > 80 KB | listing | 81.0 KB (x.png) | **no** |" in table

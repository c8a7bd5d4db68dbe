"""A post's card is rendered once per build; its links are made relative to each page that shows it."""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from sitebuild import build_site, post, write_site
from test_templates import THEME, overrides

MARK = re.compile(r"numeco-[0-9a-f]{16}-")
# Three posts in a tag and a series, one per listing page: the same card on pages of different depths.
PAGES = {
    "posts/un.md": post("Un", "2024-01-10", tags=["Vidéo"], series="Saison", image="../images/une.svg"),
    "posts/deux.md": post("Deux", "2024-01-11", tags=["Vidéo"], series="Saison"),
    "posts/trois.md": post("Trois", "2024-01-12", tags=["Vidéo"]),
    "images/une.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"></svg>',
}
OPTIONS = {"listing": {"per_page": 1}, "tags": {"per_page": 1}, "images": {"enabled": False}}


def _target(page: str, href: str) -> str:
    """The site path a relative link of the page at `page` goes to."""
    return posixpath.normpath(posixpath.join(page, href)) + ("/" if href.endswith("/") else "")


def _card(built, page: str, title: str):
    for card in built.content(page).select("article.numeco-item"):
        if card.select_one(".numeco-item__title a").get_text() == title:
            return card
    raise AssertionError(f"no card {title} on {page}")


def test_a_card_links_from_each_page_that_shows_it(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES, OPTIONS))
    assert built.messages(logging.WARNING) == []
    # "Un", the oldest, is on the third page of the listing and of its tag, and on its series page.
    for page in ("posts/page/3/", "tags/video/page/3/", "series/saison/"):
        card = _card(built, page, "Un")
        assert _target(page, card.select_one(".numeco-item__title a")["href"]) == "posts/un/"
        assert _target(page, card.select_one("img.numeco-item__thumb")["src"]) == "images/une.svg"
        badges = {a.get_text(): _target(page, a["href"]) for a in card.select(".numeco-item__badges a")}
        assert badges == {"Série\u00a0: Saison": "series/saison/", "Vidéo": "tags/video/"}
    for page in ("posts/", "posts/page/2/", "posts/page/3/", "tags/video/", "series/saison/", "tags/"):
        assert MARK.search((built.site_dir / page / "index.html").read_text(encoding="utf-8")) is None


def test_author_text_shaped_like_a_mark_is_kept(tmp_path: Path) -> None:
    title = "numeco-0123456789abcdef-0- et numeco-0-"
    built = build_site(write_site(tmp_path, {"posts/un.md": post(title, "2024-01-10", description=title)}))
    card = built.content("posts/").select_one("article.numeco-item")
    assert card.select_one(".numeco-item__title a").get_text() == title
    assert card.select_one(".numeco-item__description").get_text() == title


def test_an_overridden_card_is_rendered_for_each_page(tmp_path: Path) -> None:
    mine = (
        '{% macro post_item(post, link, heading="h2") %}'
        '<p class="my-card"><a href="{{ link.post(post) }}">{{ post.title }}</a> {{ link.post(post)[:2] }}</p>'
        "{% endmacro %}"
    )
    overrides(tmp_path, {"_items.html": mine})
    built = build_site(write_site(tmp_path, PAGES, OPTIONS, theme=THEME))
    for page in ("posts/", "posts/page/3/", "series/saison/"):
        for card in built.content(page).select(".my-card"):
            href = card.select_one("a")["href"]
            assert _target(page, href) == f"posts/{card.a.get_text().lower()}/"
            assert card.get_text().endswith(href[:2])  # the template read the URL itself, not a mark

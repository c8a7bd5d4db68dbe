"""Pinned posts (`pin: true`, Material's blog key), through real builds."""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild import build_site, post, write_site

PAGES = {
    "index.md": "# Accueil\n",
    "posts/old-pin.md": post("Vieille épinglée", "2020-01-01", tags=["Climat"], pin=True),
    "posts/new-pin.md": post("Récente épinglée", "2021-01-01", tags=["Climat"], pin=True),
    "posts/newest.md": post("La plus récente", "2025-01-01", tags=["Climat"]),
    "posts/middle.md": post("Au milieu", "2023-01-01", tags=["Climat"], pin=False),
    "posts/bad.md": post("Mal écrite", "2022-01-01", pin="oui"),
}


def _titles(built, url: str) -> list[str]:
    return [a.get_text() for a in built.content(url).select(".numeco-item__title a")]


def test_pinned_posts_come_first_on_the_listing_with_a_badge(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES, plugin={"listing": {"per_page": 3}}))
    assert _titles(built, "posts/") == ["Récente épinglée", "Vieille épinglée", "La plus récente"]
    assert _titles(built, "posts/page/2/") == ["Au milieu", "Mal écrite"]
    cards = {c.select_one(".numeco-item__title").get_text(): c for c in built.content("posts/").select(".numeco-item")}
    assert cards["Récente épinglée"].select_one(".numeco-pinned").get_text(strip=True) == "Épinglé"
    assert cards["La plus récente"].select_one(".numeco-pinned") is None


def test_tag_pages_and_feeds_keep_date_order(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    assert _titles(built, "tags/climat/") == ["La plus récente", "Au milieu", "Récente épinglée", "Vieille épinglée"]
    items = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"]
    assert [i["title"] for i in items][:2] == ["La plus récente", "Au milieu"]


def test_a_pin_that_is_not_true_or_false_is_warned(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    found = [m for m in built.messages() if "posts/bad.md:5: pin 'oui'" in m]
    assert len(found) == 1, built.messages()


def test_the_badge_is_in_english_on_an_english_site(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES, theme={"name": "material", "language": "en", "font": False}))
    assert [p.get_text(strip=True) for p in built.content("posts/").select(".numeco-pinned")] == ["Pinned", "Pinned"]

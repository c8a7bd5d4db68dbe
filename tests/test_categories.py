"""Material's blog `categories` are tags: a Material post moves over unchanged (through real builds)."""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild import build_site, post, write_site

PAGES = {
    "index.md": "# Accueil\n",
    "posts/material.md": post("Matériel", "2025-01-02", categories=["Climat", "Numérique"]),
    "posts/both.md": post("Les deux", "2025-01-01", tags=["Climat", "Sobriété"], categories=["climat", "Numérique"]),
}


def test_categories_are_tags_with_their_pages_and_feeds(tmp_path: Path) -> None:
    pages = {**PAGES, "posts/both.md": post("Les deux", "2025-01-01", tags=["Sobriété"], categories=["Numérique"])}
    built = build_site(write_site(tmp_path, pages), strict=True)  # no warning: `categories` is a known key
    tags = [a.get_text() for a in built.content("posts/material/").select(".md-tag")]
    assert tags == ["Climat", "Numérique"]
    titles = [a.get_text() for a in built.content("tags/numerique/").select(".numeco-item__title a")]
    assert titles == ["Matériel", "Les deux"]
    items = {i["title"]: i for i in json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"]}
    assert items["Matériel"]["tags"] == ["Climat", "Numérique"]


def test_categories_merge_with_tags_in_order_without_repeats(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    tags = [a.get_text() for a in built.content("posts/both/").select(".md-tag")]
    # `climat` is another spelling of `Climat`: one page, as for two spellings in `tags` (warned as such).
    assert tags[:2] == ["Climat", "Sobriété"] and "Numérique" in tags
    assert any("'climat'" in m and "share one page" in m for m in built.messages())
    assert [a.get_text() for a in built.content("tags/climat/").select(".numeco-item__title a")] == [
        "Matériel",
        "Les deux",
    ]

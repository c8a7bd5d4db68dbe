"""Created and updated dates (Material's `date: {created, updated}`, or `updated:`), through real builds."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import build_site, post, write_site

PAGES = {
    "index.md": "# Accueil\n",
    "posts/material.md": post("Matériel", {"created": "2025-01-31", "updated": "2025-02-03T10:00:00+01:00"}),
    "posts/eleventy.md": post("Eleventy", "2025-01-10", updated="2025-01-20"),
    "posts/plain.md": post("Simple", "2025-01-05"),
    "posts/earlier.md": post("Plus tôt", "2025-01-04", updated="2025-01-01"),
    "posts/broken.md": post("Cassée", {"updated": "2025-01-01"}),
}


def test_material_date_mapping_gives_the_date_and_the_update(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    content = built.content("posts/material/")
    assert content.select_one(".numeco-post-date time")["datetime"] == "2025-01-31"
    updated = content.select_one(".numeco-post-updated")
    assert updated.get_text() == "Mis à jour le 3 février 2025"
    assert updated.select_one("time")["datetime"] == "2025-02-03T10:00:00+01:00"
    assert (
        built.content("posts/eleventy/").select_one(".numeco-post-updated").get_text()
        == "Mis à jour le 20 janvier 2025"
    )
    # Not updated, or "updated" before it was published: nothing said.
    assert built.content("posts/plain/").select_one(".numeco-post-updated") is None
    assert built.content("posts/earlier/").select_one(".numeco-post-updated") is None
    # The listing orders by the created date.
    titles = [a.get_text() for a in built.content("posts/").select(".numeco-item__title a")]
    assert titles[:3] == ["Matériel", "Eleventy", "Simple"]


def test_a_mapping_without_created_is_warned(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    assert any("posts/broken.md:4: date is a mapping without `created`" in m for m in built.messages())


def test_the_update_goes_into_feeds_json_ld_and_open_graph(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES))
    atom = BeautifulSoup((built.site_dir / "feed.xml").read_text(encoding="utf-8"), "xml")
    entries = {e.find("title").get_text(): e for e in atom.find_all("entry")}
    assert entries["Matériel"].find("updated").get_text() == "2025-02-03T10:00:00+01:00"
    assert entries["Matériel"].find("published").get_text() == "2025-01-31T00:00:00+00:00"
    assert entries["Simple"].find("updated").get_text() == "2025-01-05T00:00:00+00:00"
    assert atom.find("feed").find("updated", recursive=False).get_text() == "2025-02-03T10:00:00+01:00"
    items = {i["title"]: i for i in json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"]}
    assert items["Eleventy"]["date_modified"] == "2025-01-20T00:00:00+00:00"
    assert "date_modified" not in items["Simple"]
    soup = built.soup("posts/material/")
    data = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    posting = next(d for d in data if "headline" in d)
    assert posting["dateModified"] == "2025-02-03T10:00:00+01:00"
    assert soup.select_one('meta[property="article:modified_time"]')["content"] == "2025-02-03T10:00:00+01:00"

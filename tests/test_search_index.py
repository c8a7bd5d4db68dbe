"""Generated listing, tag and series pages stay out of Material's search index unless asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitebuild import build_site, post, write_site

PAGES = {
    "index.md": "# Accueil\n",
    "posts/a.md": post("Mesurer", "2025-01-02", "Un texte sur la mesure.", tags=["Vidéo"], series="Saison"),
    "posts/b.md": post("Concevoir", "2025-01-03", "Un texte sur la conception.", tags=["Vidéo"], series="Saison"),
}
GENERATED = ("posts/", "tags/", "tags/video/", "series/", "series/saison/")


def _indexed(site_dir: Path) -> set[str]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


@pytest.mark.parametrize(("search_generated", "expected"), [(False, set()), (True, set(GENERATED))])
def test_generated_pages_in_the_index_only_when_asked(tmp_path: Path, search_generated: bool, expected: set) -> None:
    built = build_site(write_site(tmp_path, PAGES, plugin={"search_generated": search_generated}), strict=True)
    indexed = _indexed(built.site_dir)
    assert {"posts/a/", "posts/b/"} <= indexed  # the posts themselves are always found
    assert indexed & set(GENERATED) == expected
    assert built.exists("tags/video")  # left out of search, not out of the site

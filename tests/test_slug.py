"""A post's `slug:` (Material's blog key) names its URL, through real builds."""

from __future__ import annotations

from pathlib import Path

from sitebuild import build_site, post, write_site


def test_slug_renames_the_post_in_its_folder(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Accueil\n",
        "posts/2025-01-02-long-file-name.md": post("Titre", "2025-01-02", slug="court"),
        "posts/autre.md": post("Autre", "2025-01-01", body="[lien](2025-01-02-long-file-name.md)"),
    }
    built = build_site(write_site(tmp_path, pages), strict=True)
    assert built.exists("posts/court/") and not built.exists("posts/2025-01-02-long-file-name/")
    assert built.content("posts/autre/").select_one("p a[href*=court]")["href"] == "../court/"
    cards = [a["href"] for a in built.content("posts/").select(".numeco-item__title a")]
    assert cards[0] == "court/"


def test_slug_fills_the_permalink_pattern(tmp_path: Path) -> None:
    pages = {"index.md": "# Accueil\n", "posts/a.md": post("A", "2025-01-02", slug="mon-slug")}
    built = build_site(write_site(tmp_path, pages, plugin={"permalink": "actualites/{year}/{slug}/"}), strict=True)
    assert built.exists("actualites/2025/mon-slug/")


def test_a_slug_that_is_not_one_segment_is_warned_and_ignored(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Accueil\n",
        "posts/a.md": post("A", "2025-01-02", slug="../../etc"),
        "posts/b.md": post("B", "2025-01-01", slug=["x"]),
    }
    built = build_site(write_site(tmp_path, pages))
    assert built.exists("posts/a/") and built.exists("posts/b/")
    assert len([m for m in built.messages() if "posts/a.md:5: slug" in m]) == 1, built.messages()
    assert len([m for m in built.messages() if "posts/b.md:5: slug" in m]) == 1

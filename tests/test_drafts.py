"""Drafts, future posts and pages kept out of collections, through real builds (issue 15 item 1),
and near misses of front-matter keys (issue 15 item 2)."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from sitebuild import build_site, post, write_site

PAGES = {
    "index.md": "# Accueil\n\n[Le brouillon](posts/brouillon.md)\n",
    "posts/publie.md": post("Publié", "2025-01-02", tags=["Climat"], series="Saison"),
    "posts/brouillon.md": post(
        "Brouillon secret", "2025-01-03", tags=["Climat", "Secret"], series="Saison", draft=True
    ),
    "posts/formulaire.md": post(
        "Formulaire",
        "2025-01-04",
        "Un formulaire.",
        tags=["Climat"],
        series="Saison",
        eleventyExcludeFromCollections=True,
    ),
    "posts/avenir.md": post("Avenir", "2999-01-01", tags=["Climat"]),
}
# Every generated file a post can appear in.
LISTED_IN = (
    "posts/index.html",
    "tags/climat/index.html",
    "series/saison/index.html",
    "feed.xml",
    "feed.json",
    "tags/climat/feed.xml",
    "series/saison/feed.xml",
    "sitemap.xml",
    "search/search_index.json",
)


def _text(site_dir: Path, path: str) -> str:
    return (site_dir / path).read_text(encoding="utf-8")


def _listed(site_dir: Path, title: str, url: str) -> list[str]:
    """The generated files that mention a post's title or URL."""
    return [path for path in LISTED_IN if title in _text(site_dir, path) or url in _text(site_dir, path)]


def _build(tmp_path: Path, plugin: dict | None = None, command: str | None = None, **config):
    return build_site(write_site(tmp_path, PAGES, plugin=plugin, **config), strict=True, command=command)


def test_a_draft_is_left_out_of_the_build(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        nav=["index.md", {"Brouillon": "posts/brouillon.md"}, "posts/publie.md"],
        theme={"name": "material", "language": "fr", "font": False, "features": ["navigation.footer"]},
    )
    assert not built.exists("posts/brouillon")
    assert _listed(built.site_dir, "Brouillon secret", "posts/brouillon/") == []
    assert not built.exists("tags/secret")  # a tag only the draft has has no page
    assert _listed(built.site_dir, "Publié", "posts/publie/") == list(LISTED_IN)
    # The nav entry to the draft is dropped, not a dead link; the build passed --strict.
    nav = built.soup("").select(".md-nav--primary a.md-nav__link")
    assert [a.get_text(strip=True) for a in nav if "brouillon" in (a.get("href") or "")] == []
    assert [a.get_text(strip=True) for a in nav if "publie" in (a.get("href") or "")] == ["Publié"]
    assert built.soup("").select_one("a.md-footer__link--next")["href"] == "posts/publie/"  # next skips it
    # The link to it from a page stays as MkDocs leaves links to excluded pages (an INFO message).
    assert any("brouillon.md" in m and "excluded" in m for m in built.messages(logging.INFO))


def test_a_draft_is_built_with_its_badge_under_serve(tmp_path: Path) -> None:
    built = _build(tmp_path, command="serve")
    badge = built.content("posts/brouillon/").select(".numeco-draft")
    assert [b.get_text(" ", strip=True) for b in badge] == [
        "Brouillon Cette publication n’est visible que dans l’aperçu de mkdocs serve"
    ]
    # As in Eleventy's serve: the draft is in every collection, so the author sees the site as it will be.
    assert _listed(built.site_dir, "Brouillon secret", "posts/brouillon/") == list(LISTED_IN)
    listing = built.content("posts/")
    assert "Brouillon secret" in listing.get_text()
    item = next(a for a in listing.select(".numeco-item") if "Brouillon secret" in a.get_text())
    assert item.select_one(".numeco-draft").get_text(" ", strip=True).startswith("Brouillon")
    assert built.exists("tags/secret")
    # A published post has no badge.
    assert built.content("posts/publie/").select(".numeco-draft") == []


def test_the_badge_speaks_the_site_language(tmp_path: Path) -> None:
    built = _build(tmp_path, command="serve", theme={"name": "material", "language": "en", "font": False})
    assert built.content("posts/brouillon/").select_one(".numeco-draft__label").get_text(strip=True) == "Draft"


@pytest.mark.parametrize("command", ["build", "gh-deploy", None])
def test_only_serve_builds_drafts(tmp_path: Path, command: str | None) -> None:
    assert not _build(tmp_path, command=command).exists("posts/brouillon")


def test_drafts_stay_out_of_serve_when_asked(tmp_path: Path) -> None:
    built = _build(tmp_path, plugin={"drafts": {"on_serve": False}}, command="serve")
    assert not built.exists("posts/brouillon")
    assert "Brouillon secret" not in built.content("posts/").get_text()


def test_a_page_kept_out_of_collections_is_built_but_listed_nowhere(tmp_path: Path) -> None:
    built = _build(tmp_path)
    assert built.exists("posts/formulaire")
    assert "Un formulaire." in built.content("posts/formulaire/").get_text()
    listed = _listed(built.site_dir, "Formulaire", "posts/formulaire/")
    assert listed == ["sitemap.xml", "search/search_index.json"]  # a page of the site, not a post
    assert built.content("posts/formulaire/").select(".numeco-draft") == []


def test_future_posts_are_published_unless_asked(tmp_path: Path) -> None:
    assert built_has_future(_build(tmp_path))


def test_future_posts_are_drafts_when_asked(tmp_path: Path) -> None:
    built = _build(tmp_path / "b", plugin={"drafts": {"future": True}})
    assert not built.exists("posts/avenir")
    assert _listed(built.site_dir, "Avenir", "posts/avenir/") == []
    served = _build(tmp_path / "s", plugin={"drafts": {"future": True}}, command="serve")
    assert served.content("posts/avenir/").select_one(".numeco-draft__label").get_text(strip=True) == "Brouillon"


def built_has_future(built) -> bool:
    return built.exists("posts/avenir") and "Avenir" in built.content("posts/").get_text()


def test_drafts_options_are_typed(tmp_path: Path) -> None:
    with pytest.raises(Abort):
        _build(tmp_path, plugin={"drafts": {"future": "yes"}})


# -- near misses ----------------------------------------------------------------------------------

TYPO = """\
---
title: Épisode
date: 2025-01-02
serie: Saison
speaker: Anne
imgae: a.png
---

Texte.
"""


def test_a_near_miss_key_is_warned_at_its_line(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"posts/a.md": TYPO})
    built = build_site(config)
    near = [m for m in built.messages() if "did you mean" in m]
    assert near == [
        "mkdocs_numeco: posts/a.md:4: front matter key `serie` is unknown: did you mean `series`? Rename it, or it is ignored",
        "mkdocs_numeco: posts/a.md:6: front matter key `imgae` is unknown: did you mean `image`? Rename it, or it is ignored",
    ]
    with pytest.raises(Abort, match="strict"):
        build_site(config, strict=True)


def test_generate_skips_drafts_and_warns_near_misses(tmp_path: Path) -> None:
    import io

    from mkdocs_numeco.generate import generate

    pages = {**PAGES, "posts/typo.md": TYPO}
    config = write_site(tmp_path, pages, plugin={"drafts": {"future": True}})
    err = io.StringIO()
    generate(config, stdout=io.StringIO(), stderr=err)
    docs = tmp_path / "docs"
    listing = (docs / "posts" / "index.md").read_text(encoding="utf-8")
    assert "Publié" in listing
    assert [title for title in ("Brouillon secret", "Formulaire", "Avenir") if title in listing] == []
    feed = json.loads((docs / "feed.json").read_text(encoding="utf-8"))
    assert sorted(item["title"] for item in feed["items"]) == ["Publié", "Épisode"]
    assert "posts/typo.md:4: front matter key `serie` is unknown: did you mean `series`?" in err.getvalue()


# -- the real `mkdocs serve` ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_mkdocs_serve_shows_the_draft_with_its_badge(tmp_path: Path) -> None:
    config = write_site(tmp_path, PAGES)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}", "-f", str(config)],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            deadline = time.monotonic() + 120
            status, html = 0, ""
            while status != 200:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "mkdocs serve did not answer:\n" + log.read_text()
                try:
                    status, html = _get(f"http://127.0.0.1:{port}/posts/brouillon/")
                except OSError:
                    time.sleep(0.5)
        finally:
            process.terminate()
            process.wait(timeout=20)
    badge = BeautifulSoup(html, "lxml").select_one("article .numeco-draft__label")
    assert badge is not None and badge.get_text(strip=True) == "Brouillon"

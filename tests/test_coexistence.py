"""The coexistence matrix: the demo built with `--strict` beside each plugin people already use.

Each cell copies the demo (root mkdocs.yml, pages of demo_site/docs) into a temporary folder,
adds one plugin after `numeco`, builds it as `mkdocs build --strict` does, and checks both
sides: our facades, transcripts and listing are there, and the other plugin did its job.
The README's "Works with other plugins" table lists the versions tested; the last test
keeps it naming every cell of this file.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import feedparser
import pytest
import yaml
from demo_build import ROOT
from guidepages import doc_page
from mkdocs.exceptions import Abort
from sitebuild import Built, build_site, seed_social_fonts
from test_rss_interop import rss_options

from mkdocs_numeco.adapter.neighbours import broken_neighbour

SITE_URL = "https://numeco-demo.invalid/"  # a reserved TLD: nothing leaves the machine

# cell -> the distribution it tests (its version goes in the README's table)
CELLS = {
    "redirects": "mkdocs-redirects",
    "i18n": "mkdocs-static-i18n",
    "git-revision-date-localized": "mkdocs-git-revision-date-localized-plugin",
    "rss": "mkdocs-rss-plugin",
    "macros": "mkdocs-macros-plugin",
    "social": "mkdocs-material",
}


def demo_copy(folder: Path, *others: Any, **changes: Any) -> Path:
    """The demo's pages and mkdocs.yml copied to `folder`, with `others` after numeco in `plugins:`."""
    shutil.copytree(ROOT / "demo_site" / "docs", folder / "docs")
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings.update(docs_dir="docs", site_dir="site", site_url=SITE_URL)
    settings["plugins"] = [*settings["plugins"], *others]
    settings.update(changes)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(config: Path) -> Built:
    """`mkdocs build --strict`, with the startup and shutdown events some of these plugins need."""
    return build_site(config, strict=True, command="build")


def assert_ours(built: Built, prefix: str = "") -> None:
    """Facade and transcript on a post, and the first page of the listing with its four cards."""
    post = built.content(prefix + "posts/podcast-reemploi/")
    assert post.select_one(".numeco-video")["data-video-id"] == "76979871"
    assert "Nadia Roux" in post.select_one("details.numeco-transcript summary").get_text()
    listing = built.content(prefix + "posts/")
    assert len(listing.select(".numeco-listing > article.numeco-item")) == 4
    assert built.exists(prefix + "tags/video") and built.exists(prefix + "series/paroles-d-experts-saison-1")


# -- mkdocs-redirects ---------------------------------------------------------------------------


def redirect_target(built: Built, url: str) -> str:
    return built.soup(url).select_one('meta[http-equiv="refresh"]')["content"].split("url=", 1)[1]


def test_redirects_to_posts_and_generated_pages(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_redirects")
    maps = {
        "ancien-episode.md": "posts/episode-1-mesurer.md",  # a post, at its permalink
        "actualites.md": "posts/index.md",  # the listing we generate
        "mots/video.md": "tags/video/index.md",  # a tag page we generate: its index.md
    }
    built = build(demo_copy(tmp_path, {"redirects": {"redirect_maps": maps}}))
    assert_ours(built)
    assert redirect_target(built, "ancien-episode/") == "../posts/episode-1-mesurer/"
    assert redirect_target(built, "actualites/") == "../posts/"
    assert redirect_target(built, "mots/video/") == "../../tags/video/"


# -- mkdocs-static-i18n -------------------------------------------------------------------------

I18N = {
    "docs_structure": "suffix",
    "languages": [
        {"locale": "fr", "default": True, "name": "Français", "build": True},
        {"locale": "en", "name": "English", "build": True},
    ],
}


def translate(docs: Path, name: str, title: str) -> None:
    """`posts/name.md` becomes `name.fr.md` and an English `name.en.md`."""
    french = docs / "posts" / f"{name}.md"
    text = french.read_text(encoding="utf-8")
    (docs / "posts" / f"{name}.fr.md").write_text(text, encoding="utf-8")
    english = re.sub(r"(?m)^title: .*$", f'title: "{title}"', text, count=1)
    (docs / "posts" / f"{name}.en.md").write_text(english, encoding="utf-8")
    french.unlink()


def test_i18n_plugin_is_refused_with_what_to_do(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """mkdocs-static-i18n <= 1.3.1 keeps only pages whose source is in docs_dir, and raises a TypeError on the
    pages generated in memory (ultrabug/mkdocs-static-i18n#263): we stop first, with one error naming the way out."""
    pytest.importorskip("mkdocs_static_i18n")
    config = demo_copy(tmp_path, {"i18n": I18N})
    translate(tmp_path / "docs", "podcast-reemploi", "Podcast: reusing computers")
    if broken_neighbour("mkdocs_static_i18n.plugin") is None:  # a later release: does it keep our pages now?
        built = build(config)
        assert_ours(built)
        assert_ours(built, prefix="en/")
        return
    with pytest.raises(Abort):
        build(config)
    [message] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert message.startswith("mkdocs-numeco: the plugin 'i18n': mkdocs-static-i18n ")
    assert "ultrabug/mkdocs-static-i18n#263" in message and "one site per language" in message


@pytest.mark.parametrize(
    ("module", "installed", "refused"),
    [
        ("mkdocs_static_i18n.plugin", "1.3.1", True),
        ("mkdocs_static_i18n.plugin", "1.2.0", True),
        ("mkdocs_static_i18n.plugin", "1.4.0", False),  # not known to break: the matrix will tell
        ("mkdocs_static_i18n.plugin", None, False),
        ("mkdocs_static_i18n.plugin", "not a version", False),
        ("mkdocs_redirects.plugin", "1.2.3", False),
    ],
)
def test_broken_neighbour(module: str, installed: str | None, refused: bool) -> None:
    assert (broken_neighbour(module, lambda _: installed) is not None) is refused


def test_one_site_per_language(tmp_path: Path) -> None:
    """The documented setting: each language has its docs_dir, its site_dir and its own numeco, listing and feeds."""
    french = demo_copy(tmp_path / "fr")
    shutil.copytree(tmp_path / "fr" / "docs", tmp_path / "en" / "docs")
    english_docs = tmp_path / "en" / "docs"
    for name, title in {"podcast-reemploi": "Podcast: reusing computers", "episode-1-mesurer": "Episode 1"}.items():
        page = english_docs / "posts" / f"{name}.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^title: .*$", f'title: "{title}"', text, count=1), encoding="utf-8")
    english = tmp_path / "en" / "mkdocs.yml"
    settings = {
        "INHERIT": str(french),
        "docs_dir": "docs",
        "site_dir": str(tmp_path / "fr" / "site" / "en"),
        "site_url": SITE_URL + "en/",
        "theme": {"name": "material", "language": "en", "font": False},
    }
    english.write_text(yaml.safe_dump(settings), encoding="utf-8")
    built_fr, built_en = build(french), build(english)
    assert built_en.site_dir == built_fr.site_dir / "en"
    assert_ours(built_fr)
    assert_ours(built_fr, prefix="en/")
    assert built_fr.soup("posts/podcast-reemploi/").html["lang"] == "fr"
    assert built_fr.soup("en/posts/podcast-reemploi/").html["lang"] == "en"
    assert built_fr.content("en/posts/podcast-reemploi/").h1.get_text() == "Podcast: reusing computers"
    # each language has its feed, with its own URLs
    fr_feed = feedparser.parse((built_fr.site_dir / "feed.xml").read_bytes())
    en_feed = feedparser.parse((built_fr.site_dir / "en" / "feed.xml").read_bytes())
    assert len(fr_feed.entries) == len(en_feed.entries) == 6
    assert all(e.link.startswith(SITE_URL + "en/posts/") for e in en_feed.entries)
    assert not any(e.link.startswith(SITE_URL + "en/") for e in fr_feed.entries)
    assert "Podcast: reusing computers" in [e.title for e in en_feed.entries]


# -- mkdocs-git-revision-date-localized-plugin --------------------------------------------------

COMMIT_DATE = "2025-06-02T12:00:00+00:00"


def commit_everything(folder: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    for command in (["init", "-q"], ["add", "."], [*identity, "commit", "-q", "-m", "demo"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)


def revision_dates(built: Built, url: str) -> list[str]:
    return [d.get_text(strip=True) for d in built.soup(url).select(".git-revision-date-localized-plugin-date")]


def test_git_revision_date_on_posts_and_generated_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("mkdocs_git_revision_date_localized_plugin")
    options = {"type": "date", "locale": "fr", "enable_creation_date": True}
    config = demo_copy(tmp_path, {"git-revision-date-localized": options})
    commit_everything(tmp_path)
    monkeypatch.chdir(tmp_path)
    built = build(config)
    assert_ours(built)
    # a post: the date of its commit, as creation and as last update
    assert revision_dates(built, "posts/episode-1-mesurer/") == ["2 juin 2025", "2 juin 2025"]
    # a page we generate has no source in git: the plugin shows the build's date, and does not fail
    assert len(revision_dates(built, "posts/")) == 2


# -- mkdocs-rss-plugin (details in test_rss_interop.py) -----------------------------------------


def test_rss_plugin_feed_has_the_posts(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_rss_plugin")
    built = build(demo_copy(tmp_path, {"rss": rss_options(tmp_path / "cache")}))
    assert_ours(built)
    parsed = feedparser.parse((built.site_dir / "feed_rss_created.xml").read_bytes())
    assert not parsed.bozo
    assert len(parsed.entries) == 6
    assert SITE_URL + "posts/podcast-reemploi/" in [e.link for e in parsed.entries]


# -- mkdocs-macros (details in test_macros.py) --------------------------------------------------


def test_macros_render_beside_our_shortcodes(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_macros")
    config = demo_copy(tmp_path, "macros")
    home = tmp_path / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nSite : {{ config.site_name | upper }}.\n", encoding="utf-8")
    built = build(config)
    assert_ours(built)
    content = built.content("")
    assert "Site : NUMÉRIQUE RESPONSABLE EN VIDÉO." in content.get_text()
    assert len(content.select(".numeco-listing > article.numeco-item")) == 3  # our {% posts limit=3 %}
    assert "{%" not in content.get_text()


# -- Material's social plugin -------------------------------------------------------------------


def no_network(*args: Any, **kwargs: Any) -> None:
    raise AssertionError(f"the social plugin asked the network: {args}")


def card_of(built: Built, url: str) -> Path:
    image = built.soup(url).select_one('meta[property="og:image"]')["content"]
    assert image.startswith(SITE_URL + "assets/images/social/") and image.endswith(".png")
    return built.site_dir / image.removeprefix(SITE_URL)


def test_social_cards_for_posts_and_generated_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("cairosvg")
    image = pytest.importorskip("PIL.Image")
    requests = pytest.importorskip("requests")
    monkeypatch.setattr(requests, "get", no_network)
    seed_social_fonts(tmp_path / "social")
    built = build(demo_copy(tmp_path, {"social": {"cache_dir": str(tmp_path / "social")}}))
    assert_ours(built)
    for url in ("posts/episode-1-mesurer/", "tags/video/", "posts/"):
        with image.open(card_of(built, url)) as card:
            assert card.size == (1200, 630)
        # one preview per page: the social plugin's, never a second og:image of ours
        assert len(built.soup(url).select('meta[property="og:image"]')) == 1


# -- the README's table --------------------------------------------------------------------------


def test_readme_table_names_every_cell() -> None:
    readme = doc_page("plugins.md")
    section = readme.split("### Works with other plugins", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    named = {name for name in CELLS.values() for row in rows if re.search(rf"(?<![\w-]){name}(?![\w-])", row)}
    assert named == set(CELLS.values()), set(CELLS.values()) - named

"""`mkdocs serve` rebuilds in one process: `--dirty` re-renders the neighbours of an edited post, and
unchanged pages are neither parsed nor converted again (`adapter/serve.py`).

Each build runs as `mkdocs serve` runs it: the configuration loaded again, the same plugin
instance (MkDocs keeps a plugin that has `on_startup`), the same `site_dir`, `build(dirty=...)`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

import mkdocs_numeco.adapter.site as site_module
import mkdocs_numeco.core.frontmatter as frontmatter_module
from tests.sitebuild import post, write_site

SERIES = "Saison"
SENTINEL = "<!-- left by the test: this file was not written again -->"


class Serve:
    """One `mkdocs serve` process, built in this one: `on_startup` once, then a build per change."""

    def __init__(self, config_path: Path, dirty: bool) -> None:
        self.config_path = config_path
        self.dirty = dirty
        self.config = load_config(config_file=str(config_path))
        self.plugin = self.config.plugins["numeco"]
        self.config.plugins.on_startup(command="serve", dirty=dirty)
        self.site_dir = Path(self.config.site_dir)

    def build(self) -> None:
        config = load_config(config_file=str(self.config_path))
        assert config.plugins["numeco"] is self.plugin  # as in `mkdocs serve`: kept for the process
        build(config, serve_url="http://127.0.0.1:8000/", dirty=self.dirty)

    def stop(self) -> None:
        self.config.plugins.on_shutdown()

    def html(self, url: str) -> str:
        return (self.site_dir / url / "index.html").read_text("utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "lxml")

    def leave_sentinel(self, url: str) -> None:
        path = self.site_dir / url / "index.html"
        stamp = path.stat().st_mtime
        path.write_text(self.html(url) + SENTINEL, "utf-8")
        os.utime(path, (stamp, stamp))  # as MkDocs wrote it: not newer than before

    def rewritten(self, url: str) -> bool:
        return SENTINEL not in self.html(url)


def edit(path: Path, old: str, new: str) -> None:
    """Change the file's text and make it newer than anything built so far, as an editor's save does."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path,
        {
            "index.md": '# Accueil\n\n{% posts series="Saison" %}\n',
            "s/ep1.md": post("Épisode #1 : Un", "2025-01-10", series=SERIES),
            "s/ep2.md": post("Épisode #2 : Deux", "2025-02-10", series=SERIES),
            "s/ep3.md": post("Épisode #3 : Trois", "2025-03-10", series=SERIES),
            "other.md": post("Autre chose", "2025-04-01"),
            "about.md": "# À propos\n\nTexte.\n",
        },
    )


def _box(serve: Serve, url: str):
    return serve.soup(url).select_one("article nav.numeco-series")


def _items(box) -> list[str]:
    return [" ".join(li.get_text(" ").split()) for li in box.select(".numeco-series__list li")]


def test_dirty_rebuild_re_renders_the_neighbours_of_an_edited_episode(site: Path) -> None:
    serve = Serve(site, dirty=True)
    try:
        serve.build()
        assert "Épisode #2 : Deux" in _box(serve, "s/ep1/").select_one('a[rel="next"]').get_text()
        for url in ("s/ep1/", "s/ep3/", "other/", "about/"):
            serve.leave_sentinel(url)
        edit(site.parent / "docs/s/ep2.md", "Épisode #2 : Deux", "Épisode #2 : Deux, revu")
        serve.build()
        # MkDocs skipped what nothing made stale: the sentinels are still there ...
        assert not serve.rewritten("other/") and not serve.rewritten("about/")
        # ... and the plugin made it render the other episodes again.
        assert serve.rewritten("s/ep1/") and serve.rewritten("s/ep3/")
        first, last = _box(serve, "s/ep1/"), _box(serve, "s/ep3/")
        assert (
            " ".join(first.select_one('a[rel="next"]').get_text(" ").split())
            == "Épisode suivant Épisode #2 : Deux, revu"
        )
        assert (
            " ".join(last.select_one('a[rel="prev"]').get_text(" ").split())
            == "Épisode précédent Épisode #2 : Deux, revu"
        )
        assert _items(first)[1] == _items(last)[1] == "Épisode #2 : Deux, revu"
        assert serve.soup("s/ep2/").select_one("article h1").get_text(" ").strip() == "Épisode #2 : Deux, revu"
        # the page with a `{% posts %}` list shows the new title too
        titles = [a.get_text(" ").strip() for a in serve.soup("").select("article h2 a, article h3 a")]
        assert "Épisode #2 : Deux, revu" in titles and "Épisode #2 : Deux" not in titles
    finally:
        serve.stop()


def test_dirty_rebuild_after_leaving_a_series_re_renders_the_series_left(site: Path) -> None:
    serve = Serve(site, dirty=True)
    try:
        serve.build()
        serve.leave_sentinel("s/ep1/")
        edit(site.parent / "docs/s/ep2.md", f"series: {SERIES}", "series: Autre")
        serve.build()
        assert serve.rewritten("s/ep1/")
        assert _items(_box(serve, "s/ep1/")) == ["Épisode #1 : Un", "Épisode #3 : Trois"]
    finally:
        serve.stop()


def test_a_body_edit_leaves_the_neighbours_alone(site: Path) -> None:
    serve = Serve(site, dirty=True)
    try:
        serve.build()
        serve.leave_sentinel("s/ep1/")
        edit(site.parent / "docs/s/ep2.md", "Texte.", "Texte revu.")
        serve.build()
        assert not serve.rewritten("s/ep1/")  # its series box shows nothing of ep2's body
        assert serve.rewritten("")  # a `{% posts %}` card shows the excerpt: always again
    finally:
        serve.stop()


def test_unchanged_pages_are_not_parsed_nor_converted_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    converted: list[str] = []
    parsed: list[str] = []
    convert, read = site_module.convert, frontmatter_module.read

    def counting_convert(markdown, ctx):
        converted.append(ctx.title)
        return convert(markdown, ctx)

    def counting_read(source):
        parsed.append(source)
        return read(source)

    monkeypatch.setattr(site_module, "convert", counting_convert)
    monkeypatch.setattr(frontmatter_module, "read", counting_read)
    serve = Serve(site, dirty=False)  # plain `mkdocs serve`: every page is rendered at every change
    try:
        serve.build()
        assert len(parsed) == 6 and "Épisode #2 : Deux" in converted
        first = serve.html("s/ep3/")
        converted.clear(), parsed.clear()
        edit(site.parent / "docs/s/ep2.md", "Épisode #2 : Deux", "Épisode #2 : Deux, revu")
        serve.build()
        # the edited post, and the page whose `{% posts %}` list shows other posts
        assert sorted(converted) == ["", "Épisode #2 : Deux, revu"]
        assert len(parsed) == 1 and "Deux, revu" in parsed[0]
        # what was kept gives the same page as before, but for the neighbour's new title
        assert serve.html("s/ep3/").replace("Épisode #2 : Deux, revu", "Épisode #2 : Deux") == first
    finally:
        serve.stop()


def test_a_changed_option_converts_every_page_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    converted: list[str] = []
    convert = site_module.convert
    monkeypatch.setattr(site_module, "convert", lambda md, ctx: converted.append(ctx.title) or convert(md, ctx))
    serve = Serve(site, dirty=False)
    try:
        serve.build()
        first = sorted(converted)
        assert "Épisode #1 : Un" in first and "Autre chose" in first
        config = site.read_text("utf-8")
        site.write_text(config.replace("numeco: {}", "numeco: {embed: iframe}"), "utf-8")
        converted.clear()
        serve.build()
        assert sorted(converted) == first  # every page again: no result kept from other options
    finally:
        serve.stop()


def test_dirty_rebuild_keeps_the_excerpts_of_posts_it_does_not_render_again(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "a.md": post("Avec extrait", "2025-01-10", body="Le début.\n\n<!-- more -->\n\nLa suite."),
            "b.md": post("Autre", "2025-02-10"),
        },
    )
    serve = Serve(config, dirty=True)

    def excerpt() -> str | None:
        found = serve.soup("posts/").select_one(".numeco-item__excerpt")
        return found.get_text(" ", strip=True) if found is not None else None

    try:
        serve.build()
        assert excerpt() == "Le début."
        edit(tmp_path / "docs/b.md", "title: Autre", "title: Autre, revu")
        serve.build()  # a.md is not rendered again: its excerpt comes from the last build
        assert excerpt() == "Le début."
        edit(tmp_path / "docs/a.md", "<!-- more -->", "")
        serve.build()  # rendered again without one: none is carried over
        assert excerpt() is None
    finally:
        serve.stop()


def test_in_a_long_series_a_retitle_re_renders_the_boxes_that_show_it(tmp_path: Path) -> None:
    episodes = {
        f"s/ep{n:02d}.md": post(f"Épisode #{n} : Titre {n}", f"2025-01-{n:02d}", series=SERIES) for n in range(1, 25)
    }
    config = write_site(tmp_path, episodes)
    serve = Serve(config, dirty=True)
    try:
        serve.build()
        urls = [f"s/ep{n:02d}/" for n in range(1, 25)]
        for url in urls:
            serve.leave_sentinel(url)
        edit(tmp_path / "docs/s/ep12.md", "Titre 12", "Titre douze")
        serve.build()
        showing = {url for url in urls if "Titre douze" in serve.html(url)}
        rewritten = {url for url in urls if serve.rewritten(url)}
        assert {"s/ep08/", "s/ep11/", "s/ep13/", "s/ep16/"} <= showing
        # every box that shows the new title was rendered again, and no stale box still shows the old one ...
        assert showing <= rewritten
        assert not any("Titre 12" in serve.html(url) for url in urls)
        # ... but not the whole series: the first and last boxes don't list the 12th episode
        assert not serve.rewritten("s/ep01/") and not serve.rewritten("s/ep24/")
    finally:
        serve.stop()

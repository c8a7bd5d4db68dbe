"""The benchmark runs end to end at a tiny size and writes a well-formed result.

Nothing here asserts a duration: timings on a shared machine are not a test.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
SIZES = (20, 30)
sys.path.insert(0, str(BENCH))

from builds import inspect_output, post_page, run_build
from equivalent import write_equivalent
from peer import PER_PAGE, write_peer
from synthetic import post_source, series_of, tags_of, write_site

VARIANTS = ("plugin", "equivalent", "raw", "peer")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("results")
    command = [
        sys.executable, str(BENCH / "run.py"), "--sizes", *map(str, SIZES), "--runs", "1",
        "--profile-size", "20", "--serve-size", "20", "--reloads", "1", "--results-dir", str(out),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=tmp_path_factory.getbasetemp(), capture_output=True, timeout=540)
    data = json.loads((out / "results.json").read_text("utf-8"))
    data["_markdown"] = (out / "results.md").read_text("utf-8")
    return data


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def test_one_row_per_size_with_every_variant(results: dict) -> None:
    assert [row["posts"] for row in results["rows"]] == list(SIZES)
    for row in results["rows"]:
        for variant in VARIANTS:
            measured = row[variant]
            assert len(measured["seconds"]) == 1
            assert all(
                _number(value) for value in (measured["median_s"], measured["peak_rss_mb"], measured["ms_per_page"])
            )
            assert measured["warnings"] == 0, variant
        assert set(row["ratios"]) == {"equivalent", "raw", "peer"}
        for other, ratios in row["ratios"].items():
            assert all(_number(ratios[key]) for key in ("build", "per_page", "memory")), other
            expected = row["plugin"]["ms_per_page"] / row[other]["ms_per_page"]
            assert ratios["per_page"] == pytest.approx(expected, rel=0.01)


def test_pages_are_counted(results: dict) -> None:
    for row in results["rows"]:
        # The raw floor writes the home page and one page per post, nothing else.
        assert row["raw"]["pages"] == row["posts"] + 1
        # The plugin adds the listing, tag and series pages on top of those; the equivalent floor writes them too.
        assert row["plugin"]["pages"] > row["raw"]["pages"]
        assert row["equivalent"]["pages"] == row["plugin"]["pages"]
        # The blog adds its index, archive and category pages, and the tags page.
        assert row["peer"]["pages"] > row["raw"]["pages"]
        for variant in VARIANTS:
            sizes = row[variant]["post_html_bytes"]
            assert 0 < sizes["first_post"] <= sizes["max"] and 0 < sizes["median"] <= sizes["max"]


def test_profile_and_serve_are_reported(results: dict) -> None:
    profile = results["profile"]
    assert 0 < profile["own_share"] <= profile["handlers_share"] < 1
    assert any(row["function"].startswith("mkdocs_numeco/plugin.py:") for row in profile["top_handlers"])
    parts = profile["breakdown"]
    assert set(parts) == {"equivalent", "raw", "plugin"}
    for floor in ("equivalent", "raw"):
        assert parts[floor]["mkdocs-numeco event handlers"] == 0 < parts["plugin"]["mkdocs-numeco event handlers"]
    for variant in parts:
        named = [seconds for name, seconds in parts[variant].items() if name != "total"]
        assert sum(named) == pytest.approx(parts[variant]["total"], abs=0.05)
    for mode in ("full", "dirty"):
        serve = results["serve"][mode]
        assert len(serve["reload_s"]) == 1 and _number(serve["reload_s"][0])
        # The post edit (new title, one tag swapped) shows on every page that lists the post.
        assert serve["checks"] and all(serve["checks"].values()), serve["checks"]


def _table(markdown: str, heading: str) -> list[list[str]]:
    """The body rows of the first table after `heading`, as cells."""
    lines = markdown.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_markdown_tables_have_the_three_ratios_at_every_size(results: dict) -> None:
    markdown = results["_markdown"]
    ratios = _table(markdown, "## The plugin against the floors and the peer")
    assert [int(row[0].replace(",", "")) for row in ratios] == list(SIZES)
    for row, measured in zip(ratios, results["rows"], strict=True):
        per_page = [float(cell) for cell in row[1:4]]
        expected = [measured["ratios"][other]["per_page"] for other in ("equivalent", "raw", "peer")]
        assert per_page == pytest.approx(expected, abs=0.006)
    builds = _table(markdown, "## Builds (medians)")
    assert [(int(row[0]), row[1]) for row in builds] == [
        (size, name)
        for size in SIZES
        for name in ("plugin", "equivalent-output floor", "raw floor", "Material blog + tags")
    ]
    targets = {t["target"]: t for t in results["targets"]}
    for size in SIZES:
        equivalent = targets[f"per output page, plugin / equivalent-output floor, {size} posts"]
        assert equivalent["limit"] == "<= 1.10x" and isinstance(equivalent["met"], bool)
        peer = targets[f"per output page, plugin / Material blog + tags, {size} posts"]
        assert peer["limit"] == "<= 1.00x" and isinstance(peer["met"], bool)
    self_time = next(t for name, t in targets.items() if name.startswith("self time of mkdocs_numeco"))
    assert self_time["limit"] == "<= 3%" and isinstance(self_time["met"], bool)
    assert any(name.startswith("generated pages correct") for name in targets)


def test_variants_option_builds_a_subset(tmp_path: Path) -> None:
    command = [
        sys.executable, str(BENCH / "run.py"), "--sizes", "12", "--runs", "1", "--variants", "raw", "plugin",
        "--profile-size", "0", "--serve-size", "0", "--results-dir", str(tmp_path),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=tmp_path, capture_output=True, timeout=300)
    data = json.loads((tmp_path / "results.json").read_text("utf-8"))
    (row,) = data["rows"]
    assert data["settings"]["variants"] == ["plugin", "raw"]
    assert {"plugin", "raw"} <= set(row) and not {"equivalent", "peer"} & set(row)
    assert set(row["ratios"]) == {"raw"}
    assert "profile" not in data and "serve" not in data


def test_post_sources_do_not_depend_on_site_size() -> None:
    # Post 1 is the same file in every site, so its page size can be compared across N.
    assert post_source(1) == post_source(1)
    assert "{%- " in post_source(7) and "{% transcription" in post_source(7)
    assert post_source(7).count("<p>") == 8
    first, second = tags_of(7)
    assert first != second


def test_posts_stay_out_of_the_nav_in_every_variant(tmp_path: Path) -> None:
    """The raw floor hides posts with `not_in_nav`; the others must hide them too, or the comparison is unfair."""
    site = write_site(tmp_path / "site", 12)
    write_equivalent(site)
    write_peer(site)
    for variant in VARIANTS:
        run_build(site, variant)
        assert inspect_output(site, variant).pages > 12
        page = BeautifulSoup((tmp_path / "site" / f"site-{variant}" / "index.html").read_text("utf-8"), "lxml")
        nav_links = [a["href"] for a in page.select("nav.md-nav--primary a[href]")]
        assert nav_links, variant
        assert not [href for href in nav_links if "post-0" in href], (variant, nav_links)


def _with_excerpts(site_root: Path, numbers: range) -> None:
    """Give some posts a `<!-- more -->` after their description: their cards then carry an excerpt."""
    for number in numbers:
        path = site_root / "docs" / "posts" / f"post-{number:05d}.md"
        text = path.read_text("utf-8").replace("\n<!-- transcription-->", "\n<!-- more -->\n\n<!-- transcription-->")
        path.write_text(text, "utf-8")


def _files(site_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(site_dir).as_posix(): path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}


def _sitemap_urls(data: bytes) -> list[str]:
    return sorted(loc.get_text() for loc in BeautifulSoup(data, "xml").select("url > loc"))


def _built(tmp_path: Path, mode: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The files of the plugin's build and of the equivalent floor's, by path."""
    site = write_site(tmp_path / "site", 20)
    _with_excerpts(site.root, range(1, 21, 2))
    write_equivalent(site, mode)
    for variant in ("plugin", "equivalent"):
        assert run_build(site, variant).warnings == []
    plugin, equivalent = (_files(site.root / f"site-{variant}") for variant in ("plugin", "equivalent"))
    return plugin, equivalent


def test_the_equivalent_floor_writes_the_plugins_site(tmp_path: Path) -> None:
    """The same files at the same paths, each with the same bytes: pages (head included), feeds, assets, search
    index. The sitemap lists the same URLs, in another order (the floor's nav is written out)."""
    plugin, equivalent = _built(tmp_path, "splice")
    assert sorted(equivalent) == sorted(plugin)
    assert {"posts/page/2/index.html", "tags/index.html", "series/index.html", "feed.xml"} <= set(plugin)
    assert _sitemap_urls(equivalent.pop("sitemap.xml")) == _sitemap_urls(plugin.pop("sitemap.xml"))
    for compressed in ("sitemap.xml.gz",):  # the same sitemap, gzipped
        plugin.pop(compressed), equivalent.pop(compressed)
    different = [path for path in plugin if plugin[path] != equivalent[path]]
    assert different == []
    post = BeautifulSoup(equivalent["posts/post-00007/index.html"], "lxml")
    assert post.select_one("article details") is not None  # the transcript, converted
    assert post.select_one("article nav.numeco-series") is not None  # the series box the plugin inserts
    assert "{%" not in post.select_one("article").get_text()
    assert post.select_one('head meta[property="og:title"]') is not None  # the plugin's head tags
    assert post.select_one('head script[type="application/ld+json"]') is not None
    # Excerpts are filled as the plugin fills them after rendering (the newest post, 20, has none).
    cards = BeautifulSoup(equivalent["posts/index.html"], "lxml").select_one("article")
    assert cards.get_text().count("Intervenant 19,") == 1
    assert "<!--numeco:excerpt" not in str(cards)


def test_the_markdown_mode_floor_writes_the_plugins_pages(tmp_path: Path) -> None:
    """Raw HTML blocks leave Python-Markdown's blank lines of its own, but every page's head, article, navigation
    and title are the plugin's, and the feeds are written."""
    plugin, equivalent = _built(tmp_path, "markdown")
    assert sorted(equivalent) == sorted(plugin)
    pages = [path for path in plugin if path.endswith("index.html")]
    for path in pages:
        ours, floor = (BeautifulSoup(files[path], "lxml") for files in (plugin, equivalent))
        for part in ("head", "article", "nav.md-nav--primary", "title"):
            assert str(floor.select_one(part)) == str(ours.select_one(part)), (path, part)
    assert equivalent["feed.xml"] == plugin["feed.xml"]


def test_the_peer_is_materials_blog_on_the_same_posts(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", 25)
    write_peer(site)
    assert run_build(site, "peer").warnings == []
    out = site.root / "site-peer"
    post = BeautifulSoup((out / post_page("peer", 7)).read_text("utf-8"), "lxml")
    assert post.select_one("article h1").get_text(strip=True).startswith("Épisode #7 :")
    assert "{% transcription" in post.select_one("article").get_text()  # shortcodes stay text
    first, second = tags_of(7)
    assert {a.get_text(strip=True) for a in post.select(".md-tag")} == {first, second}
    index = BeautifulSoup((out / "blog" / "index.html").read_text("utf-8"), "lxml")
    assert len(index.select("article.md-post--excerpt")) == PER_PAGE
    assert (out / "blog" / "page" / "3" / "index.html").is_file()  # 25 posts, 10 per page
    series = {series_of(number) for number in range(1, 26)} - {None}
    assert len(list((out / "blog" / "category").glob("*/index.html"))) == len(series)
    tags = BeautifulSoup((out / "tags" / "index.html").read_text("utf-8"), "lxml")
    assert len(tags.select("article h2")) == 8  # one section per tag


def _post_page(site_dir: Path, number: int) -> BeautifulSoup:
    return BeautifulSoup((site_dir / "posts" / f"post-{number:05d}" / "index.html").read_text("utf-8"), "lxml")


def test_a_post_page_does_not_grow_with_the_site(tmp_path: Path) -> None:
    """Post 1 is the same source in both sites; its page must not list more of anything in the larger one."""
    pages = {}
    for size in (100, 200):  # post 1's series has 20 and 40 episodes: both longer than the box shows
        site = write_site(tmp_path / str(size), size)
        run_build(site, "plugin")
        pages[size] = _post_page(site.root / "site-plugin", 1)
    small, large = (pages[size].select_one("article") for size in (100, 200))
    assert len(small.find_all(True)) == len(large.find_all(True))
    box = large.select_one("nav.numeco-series")
    episodes = box.select(".numeco-series__list li")
    assert len(episodes) == 9
    assert [li["value"] for li in episodes] == [str(n) for n in range(1, 10)]
    assert box.select_one(".numeco-series__list [aria-current=page]").get_text(strip=True) == episodes[0].get_text(
        strip=True
    )
    assert box.select_one(".numeco-series__all a")["href"] == "../../series/paroles-d-experts-saison-2/"


def test_the_series_box_window_follows_the_episode(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", 200)
    run_build(site, "plugin")
    # Post 96 is episode 20 of 40 in its series: four episodes either side of it.
    box = _post_page(site.root / "site-plugin", 96).select_one("nav.numeco-series")
    values = [int(li["value"]) for li in box.select(".numeco-series__list li")]
    assert values == list(range(16, 25))
    assert box.select(".numeco-series__list li")[4].select_one("[aria-current=page]") is not None
    # The last episode: the window stops at the end of the series.
    last = _post_page(site.root / "site-plugin", 196).select_one("nav.numeco-series")
    assert [int(li["value"]) for li in last.select(".numeco-series__list li")] == list(range(32, 41))


def test_pagination_shows_a_window_of_page_numbers(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", 120)  # 12 listing pages of 10 posts
    run_build(site, "plugin")
    page = BeautifulSoup((site.root / "site-plugin" / "posts" / "page" / "6" / "index.html").read_text("utf-8"), "lxml")
    nav = page.select_one("nav.numeco-pagination")
    items = [li.get_text(strip=True) for li in nav.select("li") if not li.select_one("a[rel]")]
    assert items == ["1", "…", "4", "5", "6", "7", "8", "…", "12"]
    assert nav.select_one('[aria-current="page"]')["href"] == "./"
    assert nav.select_one("li.numeco-pagination__gap")["aria-hidden"] == "true"
    assert [a["href"] for a in nav.select("a[rel]")] == ["../5/", "../7/"]

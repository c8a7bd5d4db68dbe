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

from builds import inspect_output, run_build
from synthetic import post_source, tags_of, write_site


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


def test_one_row_per_size_with_both_variants(results: dict) -> None:
    assert [row["posts"] for row in results["rows"]] == list(SIZES)
    for row in results["rows"]:
        for variant in ("plugin", "floor"):
            measured = row[variant]
            assert len(measured["seconds"]) == 1
            assert all(
                _number(value) for value in (measured["median_s"], measured["peak_rss_mb"], measured["ms_per_page"])
            )
            assert measured["warnings"] == 0
        assert _number(row["build_ratio"]) and _number(row["per_page_ratio"])


def test_pages_are_counted(results: dict) -> None:
    for row in results["rows"]:
        # The floor writes the home page and one page per post, nothing else.
        assert row["floor"]["pages"] == row["posts"] + 1
        # The plugin adds the listing, tag and series pages on top of those.
        assert row["plugin"]["pages"] > row["floor"]["pages"]
        for variant in ("plugin", "floor"):
            sizes = row[variant]["post_html_bytes"]
            assert 0 < sizes["first_post"] <= sizes["max"] and 0 < sizes["median"] <= sizes["max"]


def test_profile_and_serve_are_reported(results: dict) -> None:
    profile = results["profile"]
    assert 0 < profile["own_share"] <= profile["handlers_share"] < 1
    assert any(row["function"].startswith("mkdocs_numeco/plugin.py:") for row in profile["top_handlers"])
    parts = profile["breakdown"]
    assert parts["floor"]["mkdocs-numeco event handlers"] == 0 < parts["plugin"]["mkdocs-numeco event handlers"]
    for variant in ("floor", "plugin"):
        named = [seconds for name, seconds in parts[variant].items() if name != "total"]
        assert sum(named) == pytest.approx(parts[variant]["total"], abs=0.05)
    for mode in ("full", "dirty"):
        serve = results["serve"][mode]
        assert len(serve["reload_s"]) == 1 and _number(serve["reload_s"][0])
        # The post edit (new title, one tag swapped) shows on every page that lists the post.
        assert serve["checks"] and all(serve["checks"].values()), serve["checks"]


def test_markdown_table_has_a_row_per_size(results: dict) -> None:
    table = [line for line in results["_markdown"].splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    assert [int(line.split("|")[1].replace(",", "")) for line in table] == list(SIZES)
    targets = {t["target"] for t in results["targets"]}
    assert any(name.startswith("per-output-page cost") for name in targets)
    assert any(name.startswith("generated pages correct") for name in targets)


def test_post_sources_do_not_depend_on_site_size() -> None:
    # Post 1 is the same file in every site, so its page size can be compared across N.
    assert post_source(1) == post_source(1)
    assert "{%- " in post_source(7) and "{% transcription" in post_source(7)
    assert post_source(7).count("<p>") == 8
    first, second = tags_of(7)
    assert first != second


def test_posts_stay_out_of_the_nav_as_in_the_floor(tmp_path: Path) -> None:
    """The floor hides posts with `not_in_nav`; the plugin must hide them too, or the comparison is unfair."""
    site = write_site(tmp_path / "site", 12)
    for variant in ("plugin", "floor"):
        run_build(site, variant)
        assert inspect_output(site, variant).pages > 12
        page = BeautifulSoup((tmp_path / "site" / f"site-{variant}" / "index.html").read_text("utf-8"), "lxml")
        nav_links = [a["href"] for a in page.select("nav.md-nav--primary a[href]")]
        assert nav_links, variant
        assert not [href for href in nav_links if "post-0" in href], (variant, nav_links)


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

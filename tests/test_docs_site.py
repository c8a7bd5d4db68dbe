"""The documentation site: the root mkdocs.yml builds the demo and the guide (demo_site/docs/guide/) together.

Its option reference is generated from the typed configuration, the README's smallest mkdocs.yml builds with
--strict, and every internal link and anchor of the built site resolves.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from demo_build import ROOT, build_demo
from guidepages import GUIDE
from sitebuild import build_site, post

AREAS = (
    "getting-started",
    "shortcodes",
    "options",
    "migration",
    "engines",
    "hostile",
    "accessibility-sobriety",
    "benchmarks",
    "contributing",
    "plugins",
)


def options_reference():
    spec = importlib.util.spec_from_file_location("options_reference", ROOT / "tools" / "options_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_option_reference_is_the_generated_one() -> None:
    reference = options_reference()
    assert reference.current() == reference.render(), "run: python tools/options_reference.py --write"


def test_every_option_of_the_config_is_in_the_reference() -> None:
    from mkdocs_numeco.config import NumecoConfig

    text = options_reference().current()
    assert all(f"### `{name}`" in text for name, _ in NumecoConfig._schema)
    assert "#### `feeds.paths.tag`" in text and "(not documented yet)" not in text


def test_the_readmes_smallest_site_builds_strict(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- smallest-config -->\n```yaml\n(.*?)```\n<!-- /smallest-config -->", readme, re.DOTALL)
    assert block is not None, "the README lost its smallest mkdocs.yml"
    settings = yaml.safe_load(block.group(1))
    assert settings["site_url"] and settings["nav"]
    (tmp_path / "mkdocs.yml").write_text(block.group(1), encoding="utf-8")
    (tmp_path / "docs" / "posts").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    episode = post("Épisode", "2025-04-01", '{% youtube "dQw4w9WgXcQ" %}', tags=["Vidéo"], series="Série")
    (tmp_path / "docs" / "posts" / "episode.md").write_text(episode, encoding="utf-8")
    built = build_site(tmp_path / "mkdocs.yml", strict=True)
    nav = [a.get_text(strip=True) for a in built.soup("").select("nav.md-nav--primary > ul > li > a")]
    assert {"Actualités", "Séries", "Étiquettes"} <= set(nav), nav


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("docsite")).site_dir


def test_one_guide_page_per_area_in_the_nav(site: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    guide = next(entry["Documentation"] for entry in config["nav"] if "Documentation" in entry)
    listed = {Path(next(iter(entry.values()))).stem for entry in guide}
    assert set(AREAS) <= listed and listed == {p.stem for p in GUIDE.glob("*.md")}
    assert all((site / "guide" / area / "index.html").is_file() for area in AREAS)


def broken_links(site: Path) -> list[str]:
    """Every internal `<a href>` of the built site whose page or `#anchor` is missing."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            ids[page] = {tag["id"] for tag in soup.select("[id]")} | {a["name"] for a in soup.select("a[name]")}
        return ids[page]

    broken = []
    base = "https://example.org/numeco-demo/"
    for page in sorted(site.rglob("*.html")):
        here = base + page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for link in soup.select("a[href]"):
            target = urlsplit(urljoin(here, link["href"]))
            if not urljoin(here, link["href"]).startswith(base):
                continue  # another site
            path = site / unquote(target.path[len(urlsplit(base).path) :])
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: {link['href']}")
            elif target.fragment and path.suffix == ".html" and unquote(target.fragment) not in ids_of(path):
                broken.append(f"{page.relative_to(site)}: {link['href']} (no such anchor)")
    return broken


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_the_link_check_sees_a_broken_anchor(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    (copy / "guide" / "x").mkdir(parents=True)
    (copy / "index.html").write_text('<a href="guide/x/#nowhere">x</a><a href="missing/">y</a>', encoding="utf-8")
    (copy / "guide" / "x" / "index.html").write_text('<h1 id="here">x</h1>', encoding="utf-8")
    assert broken_links(copy) == ["index.html: guide/x/#nowhere (no such anchor)", "index.html: missing/"]

"""The demo posts under other engines, each in a virtual environment of its own.

- Zensical 0.0.73, with `markdown_extensions: [numeco]` and no plugin: its
  environment has no MkDocs at all.
- ProperDocs 1.6.7 (a fork of MkDocs 1.6), with the plugin, and with the
  extension alone.

The environments are kept in a cache folder (`$NUMECO_ENGINES_CACHE`, else
`~/.cache/mkdocs-numeco/engines`) and made again only when their
requirements change; this checkout is installed into them afresh on each run.
When the package index can't be reached, the tests skip, except under CI
(`CI` set), where they fail. They are marked `slow`: `pytest -m "not slow"`
leaves them out.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from needs import unavailable

from mkdocs_numeco.core import frontmatter

ROOT = Path(__file__).resolve().parents[1]
DEMO_DOCS = ROOT / "demo_site" / "docs"
CACHE = Path(os.environ.get("NUMECO_ENGINES_CACHE") or Path.home() / ".cache" / "mkdocs-numeco" / "engines")
# Later Zensical releases need a UI package the index does not have.
ZENSICAL = "zensical==0.0.73"
PROPERDOCS = "properdocs==1.6.7"
GENERATE_NEEDS = ["babel>=2.12", "python-slugify>=8.0", "feedgen>=1.0"]
BUILD_BACKEND = "setuptools>=77"  # to install this checkout without build isolation
POSTS = sorted(path.relative_to(DEMO_DOCS).as_posix() for path in (DEMO_DOCS / "posts").glob("*.md"))
# What pip says when it can't reach the index (as opposed to a wrong requirement).
_OFFLINE = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Connection refused",
    "ConnectTimeout",
    "Max retries exceeded",
    "No matching distribution found",
)
BROKEN = '---\ntitle: Cassé\n---\n\nTexte.\n\n{% youtube "bad id!" %}\n'
BAD_ID = (
    "invalid YouTube id 'bad id!': expected 11 characters among letters, digits, _ and -,"
    " as in dQw4w9WgXcQ; the video is not embedded until the id is fixed"
)

pytestmark = pytest.mark.slow


@dataclass
class Engine:
    """A virtual environment with one engine and this checkout installed."""

    folder: Path

    def run(self, command: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env |= {"NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [str(self.folder / "bin" / command), *args],
            cwd=cwd,
            env=env,
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )


def _pip(folder: Path, *args: str) -> None:
    run = subprocess.run(
        [str(folder / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if run.returncode == 0:
        return
    output = run.stdout + run.stderr
    if any(sign in output for sign in _OFFLINE):
        unavailable(f"package index unreachable (pip {' '.join(args)}): {output.strip().splitlines()[-1]}")
    pytest.fail(f"pip {' '.join(args)} failed:\n{output}")


def _checkout_copy(tmp: Path) -> Path:
    """The package's files, copied so that building it leaves this work tree untouched."""
    copy = tmp / "mkdocs-numeco"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(ROOT / "mkdocs_numeco", copy / "mkdocs_numeco", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture(scope="module")
def engine_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Makes (or reuses) the environment of an engine; holds its lock until the module ends."""
    locks = []

    def make(name: str, requirements: list[str]) -> Engine:
        CACHE.mkdir(parents=True, exist_ok=True)
        lock = (CACHE / f"{name}.lock").open("w")
        fcntl.flock(lock, fcntl.LOCK_EX)  # another run using the same environment waits
        locks.append(lock)
        folder = CACHE / name
        marker = folder / "numeco-requirements.txt"
        wanted = "\n".join([sys.version, *requirements])
        if not marker.is_file() or marker.read_text(encoding="utf-8") != wanted:
            shutil.rmtree(folder, ignore_errors=True)
            venv.create(folder, with_pip=True)
            _pip(folder, "install", *requirements)
            marker.write_text(wanted, encoding="utf-8")
        copy = _checkout_copy(tmp_path_factory.mktemp(name))
        # Its dependencies are among the requirements (or, for Zensical, left out on purpose).
        _pip(folder, "install", "--no-build-isolation", "--force-reinstall", "--no-deps", str(copy))
        return Engine(folder)

    yield make
    for lock in locks:
        lock.close()


def _project_dependencies() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


@pytest.fixture(scope="module")
def zensical(engine_factory) -> Engine:
    # Only what the extension and `generate` need: Zensical brings Python-Markdown, pymdown-extensions,
    # PyYAML and Jinja2; `generate` adds the project's dependencies that are not MkDocs.
    return engine_factory("zensical-0.0.73", [ZENSICAL, BUILD_BACKEND, *GENERATE_NEEDS])


@pytest.fixture(scope="module")
def properdocs(engine_factory) -> Engine:
    return engine_factory("properdocs-1.6.7", [PROPERDOCS, BUILD_BACKEND, *_project_dependencies()])


def _site(tmp_path: Path, extra_pages: dict[str, str], **settings: object) -> Path:
    """A copy of the demo (its pages and mkdocs.yml, with `settings` changed) in `tmp_path`."""
    shutil.copytree(DEMO_DOCS, tmp_path / "docs")
    for name, text in extra_pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config |= {"docs_dir": "docs", "site_dir": "site", **settings}
    for key in [key for key, value in config.items() if value is None]:
        del config[key]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def _expected(page: str, *, front_matter: bool = True, **options: object) -> list:
    """The facades and transcripts of a demo post, converted here by the extension.

    `front_matter=False`: as MkDocs and ProperDocs hand it to extensions, without its front matter.
    """
    text = (DEMO_DOCS / page).read_text(encoding="utf-8")
    if not front_matter:
        text = text.split("\n", frontmatter.read(text).body_line - 1)[-1].lstrip("\n")
    html = markdown.markdown(text, extensions=["numeco", "pymdownx.superfences"], extension_configs={"numeco": options})
    return _blocks(BeautifulSoup(html, "lxml"))


def _blocks(soup: BeautifulSoup) -> list:
    found = soup.select("div.numeco-video, p.numeco-video__transcript-link, details.numeco-transcript")
    for element in found:
        # The plugin makes responsive posters (`<picture>`), the extension plain ones: compare the rest.
        for poster in element.select("picture, .numeco-video__poster"):
            poster.decompose()
    return found


def _built(site: Path, page: str) -> BeautifulSoup:
    url = page.removesuffix(".md")
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


# -- Zensical -----------------------------------------------------------------


def test_zensical_environment_has_no_mkdocs(zensical: Engine, tmp_path: Path) -> None:
    run = zensical.run(
        "python", "-c", "import mkdocs_numeco.markdown, importlib.util as u; print(u.find_spec('mkdocs'))", cwd=tmp_path
    )
    assert (run.returncode, run.stdout) == (0, "None\n"), run.stderr


def test_zensical_builds_the_demo_with_the_extension_and_generate(zensical: Engine, tmp_path: Path) -> None:
    config = _site(
        tmp_path,
        {"broken.md": BROKEN, "untitled.md": '# Titre de page\n\n{% youtube "dQw4w9WgXcQ" %}\n'},
        # The demo keeps its `plugins:` entry: Zensical ignores it, `generate` reads its options.
        nav=None,
        markdown_extensions=["numeco"],
        extra_css=["assets/numeco/numeco.css"],
        extra_javascript=["assets/numeco/numeco.js"],
    )
    generated = zensical.run("python", "-m", "mkdocs_numeco", "generate", "-f", str(config), cwd=tmp_path)
    assert (generated.returncode, generated.stderr) == (0, ""), generated.stdout
    assert "- assets/numeco/numeco.css" in generated.stdout.splitlines()
    run = zensical.run("zensical", "build", "--clean", "-f", str(config), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    site = tmp_path / "site"
    assert len([page for page in POSTS if _expected(page)]) == len(POSTS) - 1  # one post shows code only
    for page in POSTS:
        soup = _built(site, page)
        assert _blocks(soup) == _expected(page, language="fr"), page  # Zensical gives the theme's language
        article = soup.select_one("article")
        for code in article.select("code"):
            code.decompose()
        assert "{%" not in article.get_text(), page
        # The click-to-load script and style, added by hand (the plugin adds them itself).
        assert [tag["src"].rsplit("/", 3)[-3:] for tag in soup.select("script[src$='numeco.js']")] == [
            ["assets", "numeco", "numeco.js"]
        ]
        assert len(soup.select("link[rel=stylesheet][href$='assets/numeco/numeco.css']")) == 1
    assert (site / "assets" / "numeco" / "numeco.js").is_file()
    assert (site / "assets" / "numeco" / "numeco.css").is_file()
    # Zensical gives the page's title when it has no front matter.
    video = _built(site, "untitled.md").select_one("div.numeco-video")
    assert video["data-title"] == "Vidéo\u00a0: Titre de page"
    # Python warnings reach Zensical's error output (its --strict does not count them).
    assert f"broken.md:7: {BAD_ID}" in run.stderr.splitlines()
    # What `generate` wrote: the listing, tag and series pages, and the feeds, as the plugin's URLs.
    listing = BeautifulSoup((site / "posts" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert len(listing.select(".numeco-listing > article.numeco-item")) == 4  # the demo's per_page
    for generated_page in ("posts/page/2/index.html", "tags/index.html", "series/index.html", "feed.xml", "feed.json"):
        assert (site / generated_page).is_file(), generated_page
    tag_links = BeautifulSoup((site / "tags" / "index.html").read_text(encoding="utf-8"), "lxml").select("a.md-tag")
    assert tag_links and all((site / "tags" / link["href"] / "index.html").is_file() for link in tag_links)


# -- ProperDocs ---------------------------------------------------------------


def test_properdocs_builds_the_demo_with_the_plugin(properdocs: Engine, tmp_path: Path) -> None:
    config = _site(tmp_path, {})
    run = properdocs.run("properdocs", "build", "--strict", "-f", str(config), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    site = tmp_path / "site"
    for page in POSTS:
        assert _blocks(_built(site, page)) == _expected(page, language="fr"), page
    # What only the plugin does: listings, tag and series pages, feeds.
    listing = BeautifulSoup((site / "posts" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert len(listing.select(".numeco-listing > article.numeco-item")) == 4  # the demo's per_page
    for generated in ("posts/page/2/index.html", "tags/index.html", "series/index.html", "feed.xml", "feed.json"):
        assert (site / generated).is_file(), generated


def test_properdocs_builds_with_the_extension_alone_and_strict_fails_on_its_warnings(
    properdocs: Engine, tmp_path: Path
) -> None:
    config = _site(
        tmp_path,
        {"broken.md": BROKEN},
        plugins=["search"],
        nav=None,
        markdown_extensions=[{"numeco": {"language": "fr"}}],
    )
    run = properdocs.run("properdocs", "build", "-f", str(config), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    for page in POSTS:
        soup = _built(tmp_path / "site", page)
        assert _blocks(soup) == _expected(page, front_matter=False, language="fr"), page
    # Front matter is left to the engine: the line counts from the body (MkDocs does the same).
    assert f"WARNING -  3: {BAD_ID}" in run.stderr.splitlines()
    # Our warning is ProperDocs' (its logger's name): --strict counts it.
    alone = tmp_path / "alone"
    (alone / "docs").mkdir(parents=True)
    (alone / "docs" / "broken.md").write_text(BROKEN, encoding="utf-8")
    settings = {"site_name": "T", "theme": {"name": "material"}, "markdown_extensions": ["numeco"]}
    (alone / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    strict = properdocs.run("properdocs", "build", "--strict", "-f", str(alone / "mkdocs.yml"), cwd=alone)
    assert strict.returncode == 1
    assert [line for line in strict.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))] == [
        f"WARNING -  3: {BAD_ID}"
    ]
    assert strict.stdout.strip() == "Aborted with 1 warnings in strict mode!"

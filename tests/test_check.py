"""`python -m mkdocs_numeco check`: the report of the migration fixture, exactly, and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_numeco.__main__ import main
from mkdocs_numeco.check import check_dir, check_page, format_text

FIXTURE = Path(__file__).parent / "fixtures" / "migration"
EXPECTED = json.loads((FIXTURE / "expected-check.json").read_text(encoding="utf-8"))


def test_the_fixture_report_is_exactly_the_expected_one() -> None:
    assert check_dir(FIXTURE / "docs").as_dict() == EXPECTED


def test_the_expected_report_covers_every_construct() -> None:
    kinds = {(c["kind"], c["status"]) for f in EXPECTED["files"] for c in f["constructs"]}
    assert {k for k, _ in kinds} == {"shortcode", "interpolation", "logic", "cards", "iframe", "container"}
    assert ("iframe", "upgraded") in kinds and ("iframe", "kept") in kinds and ("logic", "unsupported") in kinds
    providers = {c["name"] for f in EXPECTED["files"] for c in f["constructs"] if c["status"] == "upgraded"}
    assert providers == {"youtube", "dailymotion", "vimeo", "peertube", "acast"}


def test_json_on_the_command_line_exits_1_when_something_is_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FIXTURE / "docs"), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == EXPECTED


def test_exit_0_when_nothing_is_dropped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(
        '---\ntitle: A\ndate: 2024-01-01\n---\n\n{% youtube "dQw4w9WgXcQ" %}\n\n'
        '<iframe src="https://example.org/carte"></iframe>\n',
        encoding="utf-8",
    )
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "a.md"
    assert out[1].split() == ["6", "shortcode", "youtube", "converted"]
    assert out[2].split() == ["8", "iframe", "example.org", "kept"]
    assert out[-1] == "1 files checked: 1 converted, 0 upgraded, 1 kept, 0 unsupported"


def test_text_report_lists_warnings_with_their_line() -> None:
    lines = format_text(check_dir(FIXTURE / "docs")).splitlines()
    block = lines[lines.index("actualites/2023-11-21-liste-dynamique.md") + 1 :][:9]
    assert [line.split()[:3] for line in block] == [
        ["10", "logic", "set"],
        ["12", "shortcode", "dailymotion"],
        ["16", "logic", "for"],
        ["17", "interpolation", "episode.data.title"],
        ["18", "logic", "endfor"],
        ["20", "logic", "include"],
        ["10", "warning:", "Nunjucks"],
        ["16", "warning:", "Nunjucks"],
        ["20", "warning:", "Nunjucks"],
    ]
    assert lines[-1] == "Some constructs would be left out of the site: see 'unsupported' above."


def test_lines_count_from_the_top_of_the_file() -> None:
    report = check_page("---\ntitle: T\n---\n\nTexte\n\n{{ inconnu }}\n", "p.md")
    assert [(c.line, c.kind, c.status) for c in report.constructs] == [(7, "interpolation", "unsupported")]
    assert [p.line for p in report.problems] == [7]


def test_the_module_runs_as_a_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_numeco", "check", str(FIXTURE / "docs"), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["summary"] == EXPECTED["summary"]


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path / "absent")])
    assert exit_info.value.code == 2

"""`python -m mkdocs_numeco check`: the build's own judgement of a site.

The report of the migration fixture, exactly; the same warnings as a build of the same site; `.markdown`
pages; the options of mkdocs.yml; the exit codes.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import build_site, post, write_site

from mkdocs_numeco.__main__ import main
from mkdocs_numeco.adapter.check import check_dir, check_site, format_text

FIXTURE = Path(__file__).parent / "fixtures" / "migration"
EXPECTED = json.loads((FIXTURE / "expected-check.json").read_text(encoding="utf-8"))
YOUTUBE_IFRAME = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>'
SET_TAG = '{% set saison = "1" %}'
SET_WARNING = (
    "Nunjucks tag '{% set saison = \"1\" %}' is not supported by mkdocs-numeco: it is left out of the page as an"
    " HTML comment; write the value itself where it is used"
)


def _warnings_of_a_build(config: Path) -> list[str]:
    built = build_site(config)
    return sorted(r.getMessage() for r in built.records if r.levelno >= logging.WARNING)


def _statuses(report_files: list, path: str) -> list[tuple[int, str, str, str]]:
    (found,) = [f for f in report_files if f.path == path]
    return [(c.line, c.kind, c.name, c.status) for c in found.constructs]


# -- the migration fixture ----------------------------------------------------------------------


def test_the_fixture_report_is_exactly_the_expected_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-f", str(FIXTURE / "mkdocs.yml"), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == EXPECTED


def test_a_docs_folder_alone_gives_the_same_report_for_the_fixture() -> None:
    assert check_dir(FIXTURE / "docs").as_dict() == EXPECTED


def test_the_expected_report_covers_every_construct() -> None:
    kinds = {(c["kind"], c["status"]) for f in EXPECTED["files"] for c in f["constructs"]}
    assert {k for k, _ in kinds} == {"shortcode", "interpolation", "logic", "cards", "iframe", "container"}
    assert ("iframe", "upgraded") in kinds and ("logic", "unsupported") in kinds
    providers = {c["name"] for f in EXPECTED["files"] for c in f["constructs"] if c["status"] == "upgraded"}
    # every known player, and the map of another host (any iframe is click-to-load)
    assert providers == {"youtube", "dailymotion", "vimeo", "peertube", "acast", "umap.openstreetmap.fr"}


def test_the_fixture_report_holds_the_warnings_of_its_build(tmp_path: Path) -> None:
    site = tmp_path / "migration"
    shutil.copytree(FIXTURE, site)
    built = _warnings_of_a_build(site / "mkdocs.yml")
    report = check_site(FIXTURE / "mkdocs.yml")
    assert sorted(report.build_warnings()) == built
    assert len(built) == EXPECTED["summary"]["warnings"] == 3


def test_the_text_report_lists_warnings_with_their_line() -> None:
    lines = format_text(check_site(FIXTURE / "mkdocs.yml"), "mkdocs.yml").splitlines()
    assert lines[0] == "Built with mkdocs.yml"
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
    assert lines[-3:] == [
        "17 files checked: 37 converted, 7 upgraded, 0 kept, 5 unsupported, 3 warnings",
        "Some constructs would be left out of the site: see 'unsupported' above.",
        "The build warns: `mkdocs build --strict` would fail; fix what each warning says.",
    ]


# -- the same warnings as the build -------------------------------------------------------------


def test_check_reports_exactly_the_warnings_of_a_build(tmp_path: Path) -> None:
    """Page warnings of the converter, of the front matter, of on_files (a permalink taken twice) and MkDocs' own."""
    config = write_site(
        tmp_path,
        {
            "index.md": "# Accueil\n\nVoir [la page absente](absente.md).\n",
            "posts/a.md": post("A", "2024-01-01", f"{SET_TAG}\n\nTexte.", permalink="/commun/"),
            "posts/b.md": post("B", "2024-01-02", "{{ inconnu }}", permalink="/commun/"),
            "posts/c.md": post("C", "pas une date"),
            "posts/d.markdown": post("D", "2024-01-04", '{% youtube "dQw4w9WgXcQ" %}\n\n{% include "x.njk" %}'),
        },
    )
    built = _warnings_of_a_build(config)
    report = check_site(config)
    assert sorted(report.build_warnings()) == built
    # every kind of warning is there: per page, from on_files, and MkDocs' own (not about one page)
    assert len(built) == 6
    assert [w for w in report.warnings if "absente.md" in w] == [
        "Doc file 'index.md' contains a link 'absente.md', but the target is not found among documentation files."
    ]
    assert {f.path for f in report.files if f.problems} == {
        "posts/a.md",
        "posts/b.md",
        "posts/c.md",
        "posts/d.markdown",
    }
    assert not report.ok


def test_the_warnings_of_a_docs_folder_alone_are_those_of_its_minimal_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(post("A", "2024-01-01", f"{SET_TAG}\n\n[x](nulle-part.md)"), encoding="utf-8")
    report = check_dir(docs)
    assert report.build_warnings() == [
        "Doc file 'a.md' contains a link 'nulle-part.md', but the target is not found among documentation files.",
        f"mkdocs_numeco: a.md:7: {SET_WARNING}",
    ]


# -- .markdown pages ----------------------------------------------------------------------------


def test_a_markdown_post_is_checked_like_an_md_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(
        tmp_path,
        {
            "actualites/2023-01-01-ancien.markdown": post(
                "Ancien", "2023-01-01", f'{{% youtube "dQw4w9WgXcQ" %}}\n\n{SET_TAG}'
            )
        },
    )
    assert main(["check", "-f", str(config), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == [
        {
            "path": "actualites/2023-01-01-ancien.markdown",
            "constructs": [
                {"line": 7, "kind": "shortcode", "name": "youtube", "status": "converted"},
                {"line": 9, "kind": "logic", "name": "set", "status": "unsupported"},
            ],
            "problems": [{"line": 9, "message": SET_WARNING}],
        }
    ]
    assert out["summary"] == {"files": 1, "converted": 1, "upgraded": 0, "kept": 0, "unsupported": 1, "warnings": 1}


# -- the options of mkdocs.yml ------------------------------------------------------------------


@pytest.mark.parametrize(("options", "status"), [({}, "upgraded"), ({"upgrade_iframes": False}, "kept")])
def test_the_plugin_options_of_mkdocs_yml_decide(tmp_path: Path, options: dict, status: str) -> None:
    config = write_site(tmp_path, {"a.md": post("A", "2024-01-01", YOUTUBE_IFRAME)}, plugin=options)
    report = check_site(config)
    assert _statuses(report.files, "a.md") == [(7, "iframe", "youtube", status)]
    assert report.ok


def test_the_docs_dir_of_mkdocs_yml_is_the_one_checked(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"a.md": post("A", "2024-01-01", SET_TAG)}, docs_dir="contenu")
    (tmp_path / "docs").rename(tmp_path / "contenu")
    assert [f.path for f in check_site(config).files] == ["a.md"]


def test_a_docs_folder_given_with_a_config_replaces_its_docs_dir(tmp_path: Path) -> None:
    config = write_site(tmp_path / "site", {"a.md": post("A", "2024-01-01")}, plugin={"upgrade_iframes": False})
    other = tmp_path / "autre"
    other.mkdir()
    (other / "b.md").write_text(post("B", "2024-01-01", YOUTUBE_IFRAME), encoding="utf-8")
    report = check_site(config, other)
    assert [f.path for f in report.files] == ["b.md"]
    assert _statuses(report.files, "b.md") == [(7, "iframe", "youtube", "kept")]


def test_without_arguments_the_mkdocs_yml_of_the_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"a.md": post("A", "2024-01-01", YOUTUBE_IFRAME)}, plugin={"upgrade_iframes": False})
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Built with mkdocs.yml",
        "a.md",
        "      7  iframe        youtube                  kept",
        "1 files checked: 0 converted, 0 upgraded, 1 kept, 0 unsupported, 0 warnings",
    ]


BAD_DATE_WARNING = (
    "notes/c.md:4: date 'pas une date' is not a real date: write it as YYYY-MM-DD, or with a time as in"
    " 2025-01-01T10:00:00+02:00; the post is listed last until then"
)


@pytest.mark.parametrize(
    ("options", "warnings"), [({}, [f"mkdocs_numeco: {BAD_DATE_WARNING}"]), ({"posts": ["actualites/*"]}, [])]
)
def test_which_pages_are_posts_is_the_site_s_choice(tmp_path: Path, options: dict, warnings: list[str]) -> None:
    """A page outside the `posts` globs of mkdocs.yml is not a post: its date is not read, nor warned about."""
    config = write_site(tmp_path, {"notes/c.md": post("C", "pas une date")}, plugin=options)
    assert check_site(config).build_warnings() == warnings == _warnings_of_a_build(config)


# -- exit codes ---------------------------------------------------------------------------------


def _docs(tmp_path: Path, body: str, date: str = "2024-01-01") -> str:
    (tmp_path / "a.md").write_text(post("A", date, body), encoding="utf-8")
    return str(tmp_path)


def test_exit_0_when_nothing_is_dropped_and_nothing_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _docs(tmp_path, '{% youtube "dQw4w9WgXcQ" %}\n\n<iframe src="https://example.org/carte"></iframe>')
    assert main(["check", docs]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Built with a minimal Material site (no mkdocs.yml)",
        "a.md",
        "      7  shortcode     youtube                  converted",
        "      9  iframe        example.org              upgraded",
        "1 files checked: 1 converted, 1 upgraded, 0 kept, 0 unsupported, 0 warnings",
    ]


def test_exit_1_when_text_would_be_lost(tmp_path: Path) -> None:
    assert main(["check", _docs(tmp_path, SET_TAG)]) == 1


def test_exit_1_when_the_build_warns_though_nothing_is_lost(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", _docs(tmp_path, "Voir [ailleurs](absent.md).")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-4:] == [
        "(site)",
        (
            "         warning: Doc file 'a.md' contains a link 'absent.md', but the target is not found among"
            " documentation files."
        ),
        "1 files checked: 0 converted, 0 upgraded, 0 kept, 0 unsupported, 1 warnings",
        "The build warns: `mkdocs build --strict` would fail; fix what each warning says.",
    ]


def test_exit_1_when_the_build_stops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(tmp_path, {"a.md": post("A", "2024-01-01")}, plugin={"permalink": "posts/{year}/"})
    assert main(["check", "-f", str(config), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["error"] == "Abort: Aborted with a configuration error!"
    assert out["warnings"] and out["summary"]["warnings"] == len(out["warnings"])


def test_exit_1_when_the_config_is_strict_too(tmp_path: Path) -> None:
    """`strict: true` in mkdocs.yml doesn't stop the check halfway: every warning is still listed."""
    config = write_site(tmp_path, {"a.md": post("A", "2024-01-01", SET_TAG)}, strict=True)
    report = check_site(config)
    assert report.error is None
    assert report.build_warnings() == [f"mkdocs_numeco: a.md:7: {SET_WARNING}"]


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{tmp}/absent"],
        ["check", "-f", "{tmp}/absent.yml"],
        ["check", "-f", "{tmp}/mkdocs.yml", "--language", "en"],
        ["check", "-f", "{tmp}/mkdocs.yml", "--no-upgrade-iframes"],
        ["check", "-f", "{tmp}/without-numeco.yml"],
        ["check"],  # no mkdocs.yml in the current folder
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    write_site(tmp_path, {"a.md": post("A", "2024-01-01")})
    (tmp_path / "without-numeco.yml").write_text("site_name: x\ndocs_dir: docs\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")
    with pytest.raises(SystemExit) as exit_info:
        main([arg.format(tmp=tmp_path) for arg in argv])
    assert exit_info.value.code == 2


def test_the_module_runs_as_a_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_numeco", "check", "-f", str(FIXTURE / "mkdocs.yml"), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout) == EXPECTED
    assert done.stderr == ""


def test_the_check_writes_nothing_next_to_the_site(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"a.md": post("A", "2024-01-01")})
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    check_site(config)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


# -- lines --------------------------------------------------------------------------------------


def test_lines_count_from_the_top_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("---\ntitle: T\n---\n\nTexte\n\n{{ inconnu }}\n", encoding="utf-8")
    report = check_dir(tmp_path)
    assert _statuses(report.files, "p.md") == [(7, "interpolation", "inconnu", "unsupported")]
    assert [p.line for f in report.files for p in f.problems] == [7]

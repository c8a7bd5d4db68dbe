"""Hostile input the plugin did not foresee (issue 12 item 3), and the check command as the build's judgement (item 8).

A bug that a page triggers inside a hook must not end the build in a bare traceback: a per-page hook warns once,
naming the page, and hands the page on unchanged (no text lost, `--strict` fails); a build-level hook stops the
build with a `PluginError` naming the stage. The faults are injected by monkeypatching an internal function to
raise, in a real build. Then `python -m mkdocs_numeco check` on the same sites: it lists what the build says and
exits 1.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort, PluginError
from pages_check import PAGES, PLUGIN, WARNINGS
from sitebuild import Built, build_site, post, write_site

from mkdocs_numeco.__main__ import main
from mkdocs_numeco.adapter import discovery, site
from mkdocs_numeco.adapter.check import check_site

# What the injected bug says: a newline and a terminal escape sequence, as author text could bring.
BOOM = "boom\x1b[2J\nsecond line"
SHOWN = "RuntimeError: boom\\x1b[2J second line"
REPORT = "This is a bug of mkdocs-numeco: please report it with this page"
VIDEO = '{% youtube "dQw4w9WgXcQ" %}'
PAGES_OF_A_SITE = {
    "index.md": "# Accueil\n",
    "posts/boom.md": post("Boum", "2024-01-01", f"Avant.\n\n{VIDEO}\n\nAprès."),
    "posts/calme.md": post("Calme", "2024-01-02", f"Texte.\n\n{VIDEO}"),
}


def _fail_on(target: str, original: Callable[..., Any], page_of: Callable[..., Any]) -> Callable[..., Any]:
    """`original`, except that it raises on the page `target`."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        if page_of(*args, **kwargs) == target:
            raise RuntimeError(BOOM)
        return original(*args, **kwargs)

    return failing


def _inject(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Make the internal function behind `stage` raise on posts/boom.md."""
    if stage == "convert":  # the converter, called by on_page_markdown with the page's context
        original = site.convert
        monkeypatch.setattr(site, "convert", _fail_on("Boum", original, lambda markdown, ctx: ctx.title))
        return
    owner, name = {
        "meta": (discovery.Discovery, "expose_meta"),
        "content": (site.SiteBuild, "render_page"),
        "head": (discovery.Discovery, "decorate_head"),
    }[stage]
    original = getattr(owner, name)
    page_of = lambda self, *args: args[-1].file.src_uri  # the page is the last argument
    monkeypatch.setattr(owner, name, _fail_on("posts/boom.md", original, page_of))


def _warning(stage_text: str, fallback: str) -> str:
    return f"mkdocs_numeco: posts/boom.md: mkdocs-numeco could not {stage_text} ({SHOWN}); {fallback}. {REPORT}"


PAGE_STAGES = {
    "convert": _warning("convert this page", "it is published as written"),
    "meta": _warning("give other plugins this page's date and image", "they get them as its front matter has them"),
    "content": _warning("add this page's header, series box and tags", "it is published without them"),
    "head": _warning("add this page's feed links and structured data", "it is published without them"),
}


def _no_traceback(built: Built) -> None:
    loud = [r for r in built.records if r.levelno >= logging.WARNING]
    assert all(r.exc_info is None for r in loud)
    assert not any("Traceback" in r.getMessage() for r in loud)


def _text(built: Built, url: str) -> str:
    return " ".join(built.content(url).get_text(" ").split())


# -- per-page hooks: one warning, the page published, strict fails ------------------------------


def _parts(built: Built, url: str) -> dict[str, Any]:
    """What the plugin adds to a post, and the author's paragraphs."""
    content = built.content(url)
    return {
        "paragraphs": [" ".join(p.get_text().split()) for p in content.find_all("p", class_=False)],
        "video": [div["data-video-id"] for div in content.select("div.numeco-video")],
        "date": [p.time["datetime"] for p in content.select("p.numeco-post-date")],
        "json-ld": len(built.soup(url).select('head script[type="application/ld+json"]')),
    }


CALM = {"paragraphs": ["Texte."], "video": ["dQw4w9WgXcQ"], "date": ["2024-01-02"], "json-ld": 1}
CONVERTED = {"paragraphs": ["Avant.", "Après."], "video": ["dQw4w9WgXcQ"], "date": ["2024-01-01"], "json-ld": 1}
# What posts/boom.md becomes when the hook of `stage` fails: the author's text is always all there.
BOOM_PAGE = {
    "convert": {**CONVERTED, "paragraphs": ["Avant.", VIDEO, "Après."], "video": []},
    "meta": CONVERTED,
    "content": {**CONVERTED, "date": []},
    "head": {**CONVERTED, "json-ld": 0},
}


@pytest.mark.parametrize("stage", list(PAGE_STAGES))
def test_a_bug_in_a_page_hook_is_one_warning_naming_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    _inject(monkeypatch, stage)
    built = build_site(write_site(tmp_path, PAGES_OF_A_SITE))
    assert built.messages() == [PAGE_STAGES[stage]]
    _no_traceback(built)
    # the traceback is kept for `mkdocs build -v`
    assert [r.exc_info[0] for r in built.records if r.levelno == logging.DEBUG and r.exc_info] == [RuntimeError]
    assert _parts(built, "posts/boom/") == BOOM_PAGE[stage]
    assert _parts(built, "posts/calme/") == CALM


def test_without_a_bug_both_posts_are_complete(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, PAGES_OF_A_SITE))
    assert built.messages() == []
    assert (_parts(built, "posts/boom/"), _parts(built, "posts/calme/")) == (CONVERTED, CALM)


@pytest.mark.parametrize("stage", list(PAGE_STAGES))
def test_strict_fails_on_a_bug_in_a_page_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    _inject(monkeypatch, stage)
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode!"):
        build_site(write_site(tmp_path, PAGES_OF_A_SITE), strict=True)


# -- build-level hooks: a PluginError naming the stage ------------------------------------------


def _raise(*args: Any, **kwargs: Any) -> None:
    raise RuntimeError(BOOM)


SITE_STAGES = [
    ("on_config", discovery.Discovery, "__init__", "set up the site"),
    ("on_files", site.SiteBuild, "generate_pages", "read the posts and plan the generated pages"),
    ("on_post_build", discovery.Discovery, "write", "write the feeds"),
]


@pytest.mark.parametrize(("hook", "owner", "name", "stage"), SITE_STAGES, ids=[s[0] for s in SITE_STAGES])
def test_a_bug_in_a_build_hook_stops_the_build_naming_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook: str, owner: type, name: str, stage: str
) -> None:
    monkeypatch.setattr(owner, name, _raise)
    records = _records_of_failed_build(write_site(tmp_path, PAGES_OF_A_SITE))
    assert [(r.levelname, r.getMessage()) for r in records if r.levelno >= logging.WARNING] == [
        (
            "ERROR",
            (
                f"mkdocs-numeco could not {stage} ({SHOWN})."
                " This is a bug of mkdocs-numeco: please report it with the pages that trigger it"
            ),
        )
    ]
    assert all(r.exc_info is None for r in records if r.levelno >= logging.WARNING)


def _records_of_failed_build(config: Path) -> list[logging.LogRecord]:
    """Build, expecting MkDocs' `Abort`, and keep the records of the build."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(logging.DEBUG)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort, match="^Aborted with a BuildError!$"):
            build_site(config)
    finally:
        logger.removeHandler(handler)
    return records


def test_mkdocs_own_errors_pass_through_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PluginError("a configuration the site must fix")

    monkeypatch.setattr(site, "convert", refuse)
    config = write_site(tmp_path, PAGES_OF_A_SITE)
    records = _records_of_failed_build(config)
    assert [r.getMessage() for r in records if r.levelno >= logging.WARNING] == [
        "Error reading page 'index.md':",  # MkDocs names the page itself
        "a configuration the site must fix",
    ]


def test_an_interrupt_is_not_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(site, "convert", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_site(write_site(tmp_path, PAGES_OF_A_SITE))


# -- the check command on the same sites --------------------------------------------------------


def test_check_lists_a_bug_in_a_page_hook_under_the_page_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _inject(monkeypatch, "convert")
    config = write_site(tmp_path, PAGES_OF_A_SITE)
    assert main(["check", "-f", str(config), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    (boom,) = [f for f in out["files"] if f["path"] == "posts/boom.md"]
    assert boom["constructs"] == []  # nothing was converted
    assert boom["problems"] == [{"line": None, "message": PAGE_STAGES["convert"].split(": ", 2)[2]}]
    assert out["summary"]["warnings"] == 1 and out["error"] is None


def test_check_exits_1_when_a_build_hook_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(site.SiteBuild, "generate_pages", _raise)
    config = write_site(tmp_path, PAGES_OF_A_SITE)
    assert main(["check", "-f", str(config)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "The build stops: Abort: Aborted with a BuildError!"
    assert (
        "         warning: mkdocs-numeco could not read the posts and plan the generated pages"
        f" ({SHOWN}). This is a bug of mkdocs-numeco: please report it with the pages that trigger it"
    ) in lines


def test_the_pages_of_the_area_warn_and_fail_the_check(tmp_path: Path) -> None:
    config = write_site(tmp_path, PAGES, plugin=PLUGIN)
    built = build_site(config)
    assert built.messages() == [f"mkdocs_numeco: {w}" for w in WARNINGS]
    _no_traceback(built)
    report = check_site(config)
    assert sorted(report.build_warnings()) == sorted(built.messages())
    assert [(c.kind, c.name, c.status) for f in report.files for c in f.constructs] == [
        ("shortcode", "youtube", "converted"),
        ("logic", "set", "unsupported"),
    ]
    assert not report.ok
    assert main(["check", "-f", str(config)]) == 1
    with pytest.raises(Abort):
        build_site(config, strict=True)

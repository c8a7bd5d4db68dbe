"""`python -m mkdocs_numeco check [-f mkdocs.yml] [DOCS_DIR]`: what a build keeps, loses and warns about.

The command does not imitate the build: it runs it. MkDocs loads the site's
`mkdocs.yml` (or, with only a DOCS_DIR, a minimal Material site) and builds it
into a temporary folder, while a logging handler collects every warning of
MkDocs and its plugins, exactly those `mkdocs build --strict` counts. The
plugin keeps, per page, the converter's list of Eleventy constructs; the
report lists each one with what became of it:

- `converted`: shortcodes, containers, cards, interpolations;
- `upgraded`: raw `<iframe>` players turned into the click-to-load facade;
- `kept`: left as written on purpose (other iframes, mkdocstrings' `:::` lines);
- `unsupported`: left out of the page, or shown unconverted.

Warnings that name a page (`path:line: message`) are listed under it, the
others under the site. The command exits with 1 when anything is unsupported,
when the build warns, or when it stops, so it can gate a migration in CI.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..core.problems import where
from ..core.shortcodes.convert import Construct
from ..plugin import NumecoPlugin

STATUSES = ("converted", "upgraded", "kept", "unsupported")
# What our logger puts before every message (`get_plugin_logger`'s prefix).
PREFIX = "mkdocs_numeco: "


class CheckError(Exception):
    """The command can't run: a missing config file, or a site without the numeco plugin."""


@dataclass
class Finding:
    """One warning of the build about one page."""

    line: int | None
    message: str


@dataclass
class FileReport:
    """What one page holds."""

    path: str
    constructs: list[Construct] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


@dataclass
class Report:
    """What a build of the site keeps and says."""

    files: list[FileReport]
    scanned: int
    warnings: list[str] = field(default_factory=list)  # not about one page, as MkDocs printed them
    error: str | None = None  # the build stopped: why

    @property
    def counts(self) -> Counter[str]:
        return Counter(c.status for f in self.files for c in f.constructs)

    @property
    def warning_count(self) -> int:
        return len(self.warnings) + sum(len(f.problems) for f in self.files)

    @property
    def ok(self) -> bool:
        """True when nothing would be dropped, the build says nothing and finishes."""
        return self.counts["unsupported"] == 0 and self.warning_count == 0 and self.error is None

    def build_warnings(self) -> list[str]:
        """Every warning, spelled as the build logged it (after MkDocs' own level prefix)."""
        logged = list(self.warnings)
        for f in self.files:
            for p in f.problems:
                logged.append(f"{PREFIX}{where(f.path, p.line)}: {p.message}")
        return logged

    def as_dict(self) -> dict[str, Any]:
        counts = self.counts
        return {
            "files": [
                {
                    "path": f.path,
                    "constructs": [asdict(c) for c in f.constructs],
                    "problems": [asdict(p) for p in f.problems],
                }
                for f in self.files
            ],
            "warnings": self.warnings,
            "error": self.error,
            "summary": {
                "files": self.scanned,
                **{status: counts[status] for status in STATUSES},
                "warnings": self.warning_count,
            },
        }


class _Collect(logging.Handler):
    """Keeps what `mkdocs build --strict` would count: every warning and error of MkDocs' loggers."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check_site(
    config_file: Path | None = None,
    docs_dir: Path | None = None,
    language: str = "fr",
    upgrade_iframes: bool = True,
) -> Report:
    """Build the site of `config_file` (or a minimal one around `docs_dir`) into a temporary folder; report it.

    `language` and `upgrade_iframes` only serve the minimal site: a `mkdocs.yml` says its own.
    """
    if config_file is not None and not config_file.is_file():
        raise CheckError(f"{config_file} is not a file")
    with tempfile.TemporaryDirectory(prefix="numeco-check-") as tmp:
        if config_file is None:
            if docs_dir is None:
                raise CheckError("give a docs folder or a mkdocs.yml")
            config_file = _minimal_config(Path(tmp), docs_dir, language, upgrade_iframes)
            docs_dir = None
        return _build_and_report(config_file, docs_dir, Path(tmp) / "site")


def check_dir(docs_dir: Path, language: str = "fr", upgrade_iframes: bool = True) -> Report:
    """Check a docs folder as a minimal Material site with these options would build it."""
    return check_site(None, docs_dir, language, upgrade_iframes)


def _minimal_config(tmp: Path, docs_dir: Path, language: str, upgrade_iframes: bool) -> Path:
    """A `mkdocs.yml` for a folder that has none: Material, the plugin, and a site URL so feeds are built too."""
    settings = {
        "site_name": "mkdocs-numeco check",
        "site_url": "https://example.org/",
        "docs_dir": str(docs_dir.resolve()),
        "theme": {"name": "material", "language": language, "font": False},
        "plugins": [{"numeco": {"upgrade_iframes": upgrade_iframes}}],
    }
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def _build_and_report(config_file: Path, docs_dir: Path | None, site_dir: Path) -> Report:
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(collect)
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    config: MkDocsConfig | None = None
    error = None
    try:
        # Not strict: the build goes to its end, and the warnings are counted here.
        config = load_config(
            str(config_file),
            site_dir=str(site_dir),
            strict=False,
            docs_dir=str(docs_dir.resolve()) if docs_dir else None,
        )
        _plugin(config, config_file)
        build(config)
    except CheckError:
        raise
    # The build's own verdict, whatever stops it: a configuration error, a PluginError, another plugin's crash.
    except Exception as stopped:  # noqa: BLE001
        error = f"{type(stopped).__name__}: {stopped}"
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous)
    return _report(config, collect.messages, error)


def _plugin(config: MkDocsConfig, config_file: Path) -> NumecoPlugin:
    for plugin in config.plugins.values():
        if isinstance(plugin, NumecoPlugin):
            return plugin
    raise CheckError(f"{config_file} does not use the numeco plugin: add it under plugins")


def _report(config: MkDocsConfig | None, messages: list[str], error: str | None) -> Report:
    """Sort the build's warnings by page, next to what the plugin found in each page."""
    site = _plugin(config, Path()).site if config is not None else None
    if site is None or site.files is None:  # stopped before on_files
        return Report([], 0, messages, error)
    paths = {file.src_path: file.src_uri for file in site.files}
    reports = {uri: FileReport(uri, list(record.constructs)) for uri, record in site.pages.items()}
    site_warnings = _sort_warnings(messages, paths, reports)
    files = [reports[uri] for uri in sorted(reports) if reports[uri].constructs or reports[uri].problems]
    for f in files:
        f.problems.sort(key=lambda p: p.line or 0)
    return Report(files, len(site.pages), site_warnings, error)


def _sort_warnings(messages: list[str], paths: dict[str, str], reports: dict[str, FileReport]) -> list[str]:
    """Give each warning about a page to that page's report; return the warnings about the whole site."""
    site_warnings = []
    for message in messages:
        found = _about_page(message, paths)
        if found is None:
            site_warnings.append(message)
        else:
            uri, finding = found
            reports.setdefault(uri, FileReport(uri)).problems.append(finding)
    return site_warnings


def _about_page(message: str, paths: dict[str, str]) -> tuple[str, Finding] | None:
    """`(src_uri, finding)` when `message` is ours and starts with a page's `path:line: ` or `path: `; else None."""
    if not message.startswith(PREFIX):
        return None
    rest = message[len(PREFIX) :]
    longest = max(map(len, paths), default=0) + 22  # a path, ":" and a line number: no need to look further
    cut = rest.find(": ", 0, longest)
    while cut != -1:  # a path may hold ": " itself: try each split, shortest first
        head, text = rest[:cut], rest[cut + 2 :]
        path, _, line = head.rpartition(":")
        if path in paths and line.isascii() and line.isdigit():
            return paths[path], Finding(int(line), text)
        if head in paths:
            return paths[head], Finding(None, text)
        cut = rest.find(": ", cut + 1, longest)
    return None


def format_text(report: Report, config_name: str | None = None) -> str:
    """The report for a terminal: one block per file, the site's warnings, then the totals."""
    lines: list[str] = []
    if config_name is not None:
        lines.append(f"Built with {config_name}")
    for f in report.files:
        lines.append(f.path)
        for c in f.constructs:
            lines.append(f"  {c.line:>5}  {c.kind:<13} {c.name:<24} {c.status}")
        for p in f.problems:
            lines.append(f"  {'-' if p.line is None else p.line:>5}  warning: {p.message}")
    if report.warnings:
        lines.append("(site)")
        lines.extend(f"         warning: {message}" for message in report.warnings)
    lines.extend(_totals(report))
    return "\n".join(lines)


def _totals(report: Report) -> list[str]:
    """The closing lines of the text report: the counts, then what they mean."""
    counts = report.counts
    totals = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
    lines = [f"{report.scanned} files checked: {totals}, {report.warning_count} warnings"]
    if counts["unsupported"]:
        lines.append("Some constructs would be left out of the site: see 'unsupported' above.")
    if report.warning_count:
        lines.append("The build warns: `mkdocs build --strict` would fail; fix what each warning says.")
    if report.error is not None:
        lines.append(f"The build stops: {report.error}")
    return lines


def format_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)

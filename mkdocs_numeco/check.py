"""`python -m mkdocs_numeco check DOCS_DIR`: what a migration from Eleventy keeps, and what it loses.

Every Markdown page is read and converted exactly as a build would (same
front-matter reader, same converter); the command then lists, per file, each
Eleventy construct found and what became of it:

- `converted`: shortcodes, containers, cards, interpolations;
- `upgraded`: raw `<iframe>` players turned into the click-to-load facade;
- `kept`: left as written on purpose (other iframes, mkdocstrings' `:::` lines);
- `unsupported`: left out of the page, or shown unconverted.

It exits with 1 when anything is unsupported, so it can gate a migration in CI.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import frontmatter
from .labels import resolve_labels
from .posts import build_post, is_post, normalised_meta
from .shortcodes import Context, Problem, convert
from .shortcodes.convert import Construct

STATUSES = ("converted", "upgraded", "kept", "unsupported")


@dataclass
class FileReport:
    """What one page holds."""

    path: str
    constructs: list[Construct] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Report:
    """What a whole docs folder holds."""

    files: list[FileReport]
    scanned: int

    @property
    def counts(self) -> Counter[str]:
        return Counter(c.status for f in self.files for c in f.constructs)

    @property
    def ok(self) -> bool:
        """True when nothing would be dropped."""
        return self.counts["unsupported"] == 0

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
            "summary": {"files": self.scanned, **{status: counts[status] for status in STATUSES}},
        }


def check_page(source: str, path: str, language: str = "fr", upgrade_iframes: bool = True) -> FileReport:
    """Convert one page as the plugin would and keep what the converter found."""
    front = frontmatter.read(source)
    post = build_post(path, path, front, Path(path).stem) if is_post(front) else None
    meta = normalised_meta(front, post) if front.has_block else {}
    body = source.split("\n", front.body_line - 1)[-1] if front.body_line > 1 else source
    ctx = Context(
        labels=resolve_labels(language, {}),
        title=post.title if post else str(meta.get("title") or ""),
        first_line=front.body_line,
        variables=meta,
        upgrade_iframes=upgrade_iframes,
    )
    result = convert(body, ctx)
    problems = front.problems + (post.problems if post else []) + result.problems
    return FileReport(path, result.constructs, sorted(problems, key=lambda p: p.line))


def check_dir(docs_dir: Path, language: str = "fr", upgrade_iframes: bool = True) -> Report:
    """Check every Markdown page under `docs_dir`, in path order."""
    paths = sorted(p for p in docs_dir.rglob("*.md") if p.is_file())
    files = []
    for path in paths:
        rel = path.relative_to(docs_dir).as_posix()
        report = check_page(path.read_text(encoding="utf-8-sig"), rel, language, upgrade_iframes)
        if report.constructs or report.problems:
            files.append(report)
    return Report(files, len(paths))


def format_text(report: Report) -> str:
    """The report for a terminal: one block per file, then the totals."""
    lines: list[str] = []
    for f in report.files:
        lines.append(f.path)
        for c in f.constructs:
            lines.append(f"  {c.line:>5}  {c.kind:<13} {c.name:<24} {c.status}")
        for p in f.problems:
            lines.append(f"  {p.line:>5}  warning: {p.message}")
    counts = report.counts
    totals = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
    lines.append(f"{report.scanned} files checked: {totals}")
    if not report.ok:
        lines.append("Some constructs would be left out of the site: see 'unsupported' above.")
    return "\n".join(lines)


def format_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)

"""One MkDocs build in its own process: wall time, peak memory, and what it wrote."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from peer import post_page as peer_post_page
from synthetic import SyntheticSite, post_name


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # MkDocs 1.6 would otherwise print a banner on each run
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


@dataclass
class Build:
    """What one build cost and produced."""

    variant: str
    seconds: float
    peak_rss_mb: float
    warnings: list[str]


@dataclass
class Output:
    """What a build wrote: page count and post page sizes."""

    pages: int
    post_sizes: list[int] = field(default_factory=list)
    first_post_bytes: int = 0


def run_build(site: SyntheticSite, variant: str) -> Build:
    """Build `variant` in a fresh process; the old output is removed first, outside the timing."""
    shutil.rmtree(site.root / f"site-{variant}", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site.config(variant))]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=site.root, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own resource usage; RUSAGE_CHILDREN would be the
    # maximum over every child so far.
    with proc.stderr:  # type: ignore[union-attr]
        stderr = proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{variant} build of {site.posts} posts failed ({proc.returncode}):\n{text[-3000:]}")
    warnings = [line for line in text.splitlines() if "WARNING" in line]
    return Build(variant, seconds, usage.ru_maxrss / 1024, warnings)  # ru_maxrss is in KiB on Linux


def inspect_output(site: SyntheticSite, variant: str) -> Output:
    """Count output pages (every `index.html`) and measure each post's page."""
    out = site.root / f"site-{variant}"
    pages = sum(1 for _, _, names in os.walk(out) for name in names if name == "index.html")
    sizes = [(out / post_page(variant, number)).stat().st_size for number in range(1, site.posts + 1)]
    return Output(pages, sizes, sizes[0] if sizes else 0)


def post_page(variant: str, number: int) -> str:
    """Where `variant` writes post `number`, under its site directory."""
    if variant == "peer":
        return peer_post_page(number)
    return f"posts/{Path(post_name(number)).stem}/index.html"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")

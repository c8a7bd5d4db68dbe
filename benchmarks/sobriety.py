"""Sobriety of the demo site's pages, measured in headless Chromium (issue 14, item 6).

    python benchmarks/sobriety.py                # build the demo (root mkdocs.yml), serve it, measure
    python benchmarks/sobriety.py --site DIR     # measure a site already built from the demo
    python benchmarks/sobriety.py --json         # print the result as JSON instead of the table

The site is served on 127.0.0.1 under the path of its `site_url` (/numeco-demo/),
text types gzip-compressed as a static host would (benchmarks/static_server.py).
Each page type is loaded in a fresh browser context (empty cache) at 1920×1080,
as EcoIndex does: load, wait for the network to be idle, scroll smoothly to the
bottom, wait one second and for the network to be idle again, then count.

- DOM elements: every element of the document, less the descendants of `<svg>`
  elements (EcoIndex's count).
- Requests and transferred bytes: every request that reached the local server,
  with the bytes the server wrote for it (status line, headers, gzip body).
  1 KB = 1,000 bytes, EcoIndex's unit.
- Requests to any other host are aborted and counted apart ("blocked").
- EcoIndex score and grade: `ecoindex.compute.compute_ecoindex` from the
  `ecoindex-compute` package (CC BY-NC-ND, hence the optional `bench` extra:
  `pip install 'mkdocs-numeco[bench]'`).

Results go to benchmarks/results/sobriety.json and sobriety.md; the exit status
is 1 when a target of issue 14 is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from machine import describe_machine
from static_server import GZIP_LEVEL, Sent, serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [  # the browser suite's flags (tests/browser/numeco_browser.py): no sandbox, no network of its own
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1920, "height": 1080}
KB = 1000
LOCAL_HOSTS = {"127.0.0.1"}


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # relative to the site root
    kind: str  # "post" (the 300 KB target), "cards" (the 80 KB image target) or "page"


PAGE_TYPES = (
    PageType("home", "", "page"),
    PageType("listing", "posts/", "cards"),
    PageType("post with video", "posts/episode-1-mesurer/", "post"),
    PageType("post with two videos", "posts/table-ronde-donnees/", "post"),
    PageType("tag index", "tags/", "page"),
    PageType("tag page", "tags/video/", "cards"),  # the tag with the most posts
    PageType("series page", "series/paroles-d-experts-saison-1/", "cards"),
)

TARGETS = {"ecoindex": 80, "post_kb": 300, "card_image_kb": 80}

DOM_ELEMENTS = "document.querySelectorAll('*').length - document.querySelectorAll('svg *').length"
SCROLL = "window.scrollTo({top: document.body.scrollHeight, behavior: 'smooth'})"


@dataclass
class Measure:
    """One page type, as loaded."""

    name: str
    path: str
    kind: str
    dom_elements: int = 0
    requests: int = 0
    transferred_bytes: int = 0
    failed: list[str] = field(default_factory=list)  # local responses with status >= 400
    blocked: list[str] = field(default_factory=list)  # requests to another host, aborted
    image_bytes: int = 0
    largest_image: dict = field(default_factory=dict)  # {"path", "bytes"}
    ecoindex: float = 0.0
    grade: str = ""


# -- build -------------------------------------------------------------------------------------------------


def base_path(config_file: Path) -> str:
    """The path part of the config's `site_url`: where the site is served ("/numeco-demo/")."""
    settings = yaml.safe_load(config_file.read_text("utf-8"))
    path = urlsplit(settings.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def build_demo(config_file: Path, out: Path) -> None:
    """`mkdocs build` of the demo into `out`, with this checkout's plugin first on the path."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(out)]
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"building the demo failed:\n{result.stderr[-3000:]}")


def missing_pages(site: Path) -> list[str]:
    """Page types whose page the built site does not have."""
    return [page.path for page in PAGE_TYPES if not (site / page.path / "index.html").is_file()]


# -- measure -----------------------------------------------------------------------------------------------


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


class _Flight:
    """Requests in flight in one context, to wait for a quiet network."""

    def __init__(self, context) -> None:
        self.pending: set = set()
        context.on("request", lambda request: self.pending.add(request))
        context.on("requestfinished", lambda request: self.pending.discard(request))
        context.on("requestfailed", lambda request: self.pending.discard(request))

    def wait_idle(self, page, quiet_ms: int = 500, timeout_ms: int = 15000) -> None:
        quiet = waited = 0
        while quiet < quiet_ms and waited < timeout_ms:
            page.wait_for_timeout(100)
            waited += 100
            quiet = quiet + 100 if not self.pending else 0


def load(browser, url: str) -> tuple[int, list[str]]:
    """Load `url` as EcoIndex does, in a fresh context; (DOM elements, blocked URLs)."""
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    blocked: list[str] = []

    def abort(route) -> None:
        blocked.append(route.request.url)
        route.abort()

    try:
        context.route(lambda target: not is_local(target), abort)
        flight = _Flight(context)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.evaluate(SCROLL)
        page.wait_for_timeout(1000)
        flight.wait_idle(page)
        return page.evaluate(DOM_ELEMENTS), blocked
    finally:
        context.close()


def account(measure: Measure, sent: list[Sent]) -> None:
    """Requests, bytes, failures and images of one page, from the server's log."""
    measure.requests = len(sent)
    measure.transferred_bytes = sum(item.bytes for item in sent)
    measure.failed = [f"{item.status} {item.path}" for item in sent if item.status >= 400]
    images = [item for item in sent if item.content_type.startswith("image/") and item.status < 400]
    measure.image_bytes = sum(item.bytes for item in images)
    if images:
        largest = max(images, key=lambda item: item.bytes)
        measure.largest_image = {"path": largest.path, "bytes": largest.bytes}


def score(measure: Measure) -> None:
    from ecoindex.compute import compute_ecoindex

    result = asyncio.run(
        compute_ecoindex(nodes=measure.dom_elements, size=measure.transferred_bytes / KB, requests=measure.requests)
    )
    measure.ecoindex, measure.grade = result.score, str(getattr(result.grade, "value", result.grade))


def measure_site(site: Path, prefix: str) -> tuple[list[Measure], str]:
    """Every page type of `site`, served under `prefix`; (measures, Chromium version)."""
    from playwright.sync_api import sync_playwright

    measures = []
    with serve(site, prefix) as (base_url, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page_type in PAGE_TYPES:
                measure = Measure(page_type.name, page_type.path, page_type.kind)
                log.clear()
                measure.dom_elements, measure.blocked = load(browser, base_url + page_type.path)
                time.sleep(0.2)  # the server thread logs a response once its connection is closed
                account(measure, list(log))
                measures.append(measure)
            return measures, browser.version
        finally:
            browser.close()


# -- targets and report ------------------------------------------------------------------------------------


def check_targets(measures: list[Measure]) -> list[dict]:
    """Issue 14's targets, one row per page concerned."""
    rows = []
    for m in measures:
        rows.append(_row(f"EcoIndex ≥ {TARGETS['ecoindex']}", m, f"{m.ecoindex:g} ({m.grade})",
                         m.ecoindex >= TARGETS["ecoindex"]))  # fmt: skip
        if m.kind == "post":
            rows.append(_row(f"post page < {TARGETS['post_kb']} KB", m, _kb(m.transferred_bytes),
                             m.transferred_bytes < TARGETS["post_kb"] * KB))  # fmt: skip
        if m.kind == "cards":
            largest = m.largest_image.get("bytes", 0)
            rows.append(_row(f"no image > {TARGETS['card_image_kb']} KB", m, _largest(m),
                             largest <= TARGETS["card_image_kb"] * KB))  # fmt: skip
    return rows


def _row(target: str, measure: Measure, measured: str, met: bool) -> dict:
    return {"target": target, "page": measure.name, "measured": measured, "met": met}


def _kb(size: int) -> str:
    return f"{size / KB:,.1f} KB"


def _largest(measure: Measure) -> str:
    if not measure.largest_image:
        return "no image"
    return f"{_kb(measure.largest_image['bytes'])} ({measure.largest_image['path'].rsplit('/', 1)[-1]})"


def render_markdown(results: dict) -> str:
    lines = [
        "| Page | DOM elements | Requests | Transferred | Images | Largest image | Blocked third-party | EcoIndex |",
        "|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for m in results["pages"]:
        measure = Measure(**m)
        lines.append(
            f"| {measure.name} (`{measure.path or '/'}`) | {measure.dom_elements:,} | {measure.requests} "
            f"| {_kb(measure.transferred_bytes)} | {_kb(measure.image_bytes)} | {_largest(measure)} "
            f"| {len(measure.blocked)} "
            f"| {measure.ecoindex:g} ({measure.grade}) |"
        )
    lines += ["", "| Target (issue 14) | Page | Measured | Met |", "|---|---|---|---|"]
    for row in results["targets"]:
        lines.append(f"| {row['target']} | {row['page']} | {row['measured']} | {'yes' if row['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


# -- command line ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building the demo")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="the demo's mkdocs.yml")
    parser.add_argument("--json", action="store_true", help="print the result as JSON instead of the table")
    parser.add_argument("--results-dir", type=Path, default=HERE / "results", help="where sobriety.json/.md go")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, work: Path) -> dict:
    site = args.site
    if site is None:
        site = work / "site"
        build_demo(args.config.resolve(), site)
    missing = missing_pages(site)
    if missing:
        raise SystemExit(f"{site} has no page for {', '.join(missing)}: update PAGE_TYPES in {__file__}")
    prefix = base_path(args.config)
    measures, chromium = measure_site(site, prefix)
    for measure in measures:  # after the browser: Playwright's sync API holds an event loop
        score(measure)
    results = {
        "machine": describe_machine(_source(args.site)),
        "settings": {"viewport": VIEWPORT, "served_under": prefix, "gzip_level": GZIP_LEVEL, "chromium": chromium},
        "pages": [asdict(m) for m in measures],
        "targets": check_targets(measures),
    }
    results["machine"]["packages"]["ecoindex-compute"] = _version("ecoindex-compute")
    results["all_met"] = all(row["met"] for row in results["targets"])
    return results


def _source(site: Path | None) -> str:
    """What was measured: this checkout's plugin and demo at a commit, or a site built elsewhere."""
    if site is not None:
        return f"a site built beforehand: {site}"
    git = ["git", "-C", str(REPO)]
    commit = subprocess.run([*git, "rev-parse", "--short=10", "HEAD"], capture_output=True, text=True, check=False)
    changes = subprocess.run([*git, "status", "--porcelain", "--", "mkdocs_numeco", "demo_site", "mkdocs.yml"],
                             capture_output=True, text=True, check=False)  # fmt: skip
    dirty = " with uncommitted changes" if changes.stdout.strip() else ""
    return f"the demo and plugin of this checkout at {commit.stdout.strip() or 'unknown'}{dirty}"


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import ecoindex.compute  # noqa: F401
    except ImportError:
        print("ecoindex-compute is missing: pip install 'mkdocs-numeco[bench]'", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="numeco-sobriety-") as work:
        results = run(args, Path(work))
    args.results_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    (args.results_dir / "sobriety.json").write_text(text, "utf-8")
    (args.results_dir / "sobriety.md").write_text(render_markdown(results), "utf-8")
    print(text if args.json else render_markdown(results), end="")
    if not results["all_met"]:
        missed = [f"{row['page']}: {row['target']} (measured {row['measured']})" for row in results["targets"]
                  if not row["met"]]  # fmt: skip
        print("Targets missed:\n  " + "\n  ".join(missed), file=sys.stderr)
    return 0 if results["all_met"] else 1


if __name__ == "__main__":
    sys.exit(main())

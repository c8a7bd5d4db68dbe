"""Benchmark mkdocs-numeco against two floors and Material's blog on synthetic sites of N posts.

    python benchmarks/run.py                                  # 1,000 and 10,000 posts, 3 runs each
    python benchmarks/run.py --sizes 1000 --runs 3 --serve-size 0 --variants plugin equivalent

For each N it writes a site of N Eleventy-format posts and builds four variants,
alternating their order from one run to the next, each build in its own process:

- `plugin`: the site with the plugin;
- `equivalent`: the equivalent-output floor, every page as the plugin gives it to MkDocs
  (shortcodes converted, boxes inlined, generated pages as plain pages), built without
  the plugin (`equivalent.py`); the difference is the plugin's own cost;
- `raw`: the raw floor, the same posts without the plugin, shortcodes left as text and
  posts kept out of the nav by `not_in_nav`;
- `peer`: the same posts with Material's `blog` and `tags` plugins (`peer.py`).

It reports median wall time, peak memory, output pages (every `index.html`), the
plugin's per-page ratio to each of the others, and the size of a post page; then it
profiles one build of each of the plugin and the floors and times `mkdocs serve`
reloads. Results go to benchmarks/results/ as Markdown and JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builds import Build, child_env, inspect_output, median, run_build
from equivalent import MODES
from machine import describe_machine
from profiling import breakdown, profile_build, read_profile
from reload import measure_serve
from report import evaluate_targets, render_markdown
from synthetic import SyntheticSite, write_site

VARIANTS = ("plugin", "equivalent", "raw", "peer")
BASELINES = VARIANTS[1:]  # what the plugin is compared with
FLOORS = ("equivalent", "raw")  # profiled next to the plugin for the breakdown


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="numbers of posts")
    parser.add_argument(
        "--variants",
        nargs="+",
        choices=VARIANTS,
        default=list(VARIANTS),
        help="variants to build (default: all four; ratios need `plugin`)",
    )
    parser.add_argument(
        "--equivalent-mode",
        choices=MODES,
        default=MODES[0],
        help="how the equivalent floor gets the plugin's HTML: spliced by a two-line hook (default), or as raw HTML in the Markdown",
    )
    parser.add_argument("--runs", type=int, default=3, help="builds of each variant per size (medians are reported)")
    parser.add_argument(
        "--results-dir", type=Path, default=HERE / "results", help="where results.md and results.json go"
    )
    parser.add_argument("--work-dir", type=Path, default=None, help="where sites are generated (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument("--profile-size", type=int, default=1000, help="posts in the profiled build (0: no profile)")
    parser.add_argument("--serve-size", type=int, default=1000, help="posts in the `mkdocs serve` site (0: no serve)")
    parser.add_argument("--reloads", type=int, default=3, help="edits timed per `mkdocs serve` mode")
    parser.add_argument(
        "--plugin-rev",
        default=None,
        help="benchmark the plugin as committed at this git revision, not the working tree",
    )
    args = parser.parse_args(argv)
    args.variants = [variant for variant in VARIANTS if variant in args.variants]  # one order, no repeats
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="numeco-bench-", dir=args.work_dir))
    try:
        plugin_source = _plugin_source(args.plugin_rev, work)
        results = {"machine": describe_machine(plugin_source), "settings": _settings(args), "rows": []}
        for size in args.sizes:
            started = time.perf_counter()
            results["rows"].append(
                benchmark_size(work / f"n{size}", size, args.runs, args.variants, args.equivalent_mode)
            )
            results["rows"][-1]["elapsed_s"] = round(time.perf_counter() - started, 1)
            _log(f"{size} posts done")
        if args.profile_size and "plugin" in args.variants:
            results["profile"] = _profile(work, args.profile_size, args.variants, args.equivalent_mode)
        if args.serve_size:
            results["serve"] = _serve(work, args.serve_size, args.reloads)
        results["machine"]["load_average_after"] = list(os.getloadavg())
        # A child's peak memory can't read below this process's own high-water mark (Linux `ru_maxrss`).
        results["machine"]["runner_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        results["targets"] = evaluate_targets(results)
        _write(results, args.results_dir)
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def benchmark_size(
    root: Path, size: int, runs: int, variants: list[str] | tuple[str, ...] = VARIANTS, mode: str = MODES[0]
) -> dict:
    """Alternate the variants' builds of one site; medians, memory, pages, post sizes and the plugin's ratios."""
    site = write_site(root, size)
    row: dict = {"posts": size, "preparation_s": prepare(site, variants, mode)}
    builds: dict[str, list[Build]] = {variant: [] for variant in variants}
    for run in range(runs):
        # Alternate the order, so that drift in machine load hits every variant alike.
        order = variants if run % 2 == 0 else variants[::-1]
        for variant in order:
            build = run_build(site, variant)
            builds[variant].append(build)
            _log(f"  {size} posts, {variant}, run {run + 1}: {build.seconds:.2f} s, {build.peak_rss_mb:.0f} MB")
    for variant in variants:
        row[variant] = _measured(site, variant, builds[variant])
    if "plugin" in variants:
        row["ratios"] = {other: _ratios(row["plugin"], row[other]) for other in BASELINES if other in variants}
    shutil.rmtree(root, ignore_errors=True)
    return row


def prepare(site: SyntheticSite, variants: list[str] | tuple[str, ...], mode: str = MODES[0]) -> dict[str, float]:
    """Write the docs and configs of the equivalent floor and of the peer (untimed; seconds it took)."""
    spent = {}
    for variant in ("equivalent", "peer"):
        if variant in variants:
            started = time.perf_counter()
            # In a child: this process must stay small, or every build's peak memory reads as its (`prepare.py`).
            command = [sys.executable, str(HERE / "prepare.py"), variant, str(site.root), str(site.posts), mode]
            subprocess.run(command, check=True, env=child_env())
            spent[variant] = round(time.perf_counter() - started, 2)
            _log(f"  {site.posts} posts, {variant} written in {spent[variant]:.1f} s (untimed)")
    return spent


def _measured(site: SyntheticSite, variant: str, builds: list[Build]) -> dict:
    output = inspect_output(site, variant)
    times = [b.seconds for b in builds]
    return {
        "seconds": [round(t, 3) for t in times],
        "median_s": round(median(times), 3),
        "peak_rss_mb": round(max(b.peak_rss_mb for b in builds), 1),
        "pages": output.pages,
        "ms_per_page": round(1000 * median(times) / output.pages, 3),
        "post_html_bytes": {
            "first_post": output.first_post_bytes,
            "median": int(median(output.post_sizes)),
            "max": max(output.post_sizes),
        },
        "warnings": len(builds[-1].warnings),
    }


def _ratios(plugin: dict, other: dict) -> dict[str, float]:
    """The plugin over `other`: whole build, and per output page."""
    return {
        "build": round(plugin["median_s"] / other["median_s"], 3),
        "per_page": round(plugin["ms_per_page"] / other["ms_per_page"], 3),
        "memory": round(plugin["peak_rss_mb"] / other["peak_rss_mb"], 3),
    }


def _profile(work: Path, size: int, variants: list[str] | tuple[str, ...] = VARIANTS, mode: str = MODES[0]) -> dict:
    _log(f"profiling a {size}-post build")
    site = write_site(work / f"profile{size}", size)
    floors = [variant for variant in FLOORS if variant in variants]
    prepare(site, floors, mode)
    # Floors and plugin back to back, so that they see about the same machine load.
    parts = {floor: breakdown(profile_build(site, work / f"{floor}.prof", floor)) for floor in floors}
    plugin_stats = profile_build(site, work / "plugin.prof", "plugin")
    share = read_profile(plugin_stats)
    result = {"posts": size, **asdict(share), "own_share": share.own_share, "handlers_share": share.handlers_share}
    result["breakdown"] = {**parts, "plugin": breakdown(plugin_stats)}
    shutil.rmtree(site.root, ignore_errors=True)
    return result


def _serve(work: Path, size: int, reloads: int) -> dict:
    site = write_site(work / f"serve{size}", size)
    result = {"posts": size}
    for mode, dirty in (("full", False), ("dirty", True)):
        _log(f"mkdocs serve{' --dirty' if dirty else ''}: {size} posts, {reloads} edits")
        measured = measure_serve(site, dirty, reloads)
        result[mode] = {
            "initial_build_s": round(measured.initial_build_s, 2),
            "reload_s": [round(r.seconds, 2) for r in measured.reloads],
            "median_reload_s": round(median([r.seconds for r in measured.reloads]), 2),
            "mkdocs_build_s": [r.build_seconds for r in measured.reloads],
            "checks": measured.checks,
            "notes": measured.notes,
        }
    shutil.rmtree(site.root, ignore_errors=True)
    return result


def _plugin_source(rev: str | None, work: Path) -> str:
    """Put the plugin of git revision `rev` first on the children's path; describe what is measured."""
    repo = HERE.parent
    if rev is None:
        location = _imported_from()
        if Path(location).resolve().parent.parent != repo:
            return f"mkdocs_numeco imported from {location}"
        commit = _git(repo, "rev-parse", "HEAD")
        dirty = bool(_git(repo, "status", "--porcelain", "--", "mkdocs_numeco"))
        return f"working tree at {commit[:10]}{' with uncommitted changes' if dirty else ''}"
    target = work / "plugin-src"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(repo), "archive", rev, "mkdocs_numeco"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    # The editable install's finder comes after PYTHONPATH, so this copy wins in every child.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), os.environ.get("PYTHONPATH")]))
    return f"commit {_git(repo, 'rev-parse', rev)[:10]}"


def _imported_from() -> str:
    """Where a build child would import the plugin from (PYTHONPATH may point elsewhere)."""
    code = "import mkdocs_numeco; print(mkdocs_numeco.__file__)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "nowhere (not importable)"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else "unknown"


def _settings(args: argparse.Namespace) -> dict:
    return {
        "sizes": args.sizes,
        "variants": args.variants,
        "equivalent_mode": args.equivalent_mode,
        "runs": args.runs,
        "profile_size": args.profile_size,
        "serve_size": args.serve_size,
        "reloads": args.reloads,
    }


def _write(results: dict, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (directory / "results.md").write_text(render_markdown(results), "utf-8")
    _log(f"results written to {directory}")


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


if __name__ == "__main__":
    sys.exit(main())

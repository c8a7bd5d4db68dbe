"""One post carrying N tags against N posts carrying one tag each (issue 12, item 4).

    python benchmarks/tags_scaling.py                 # N = 300, 3 runs of each site
    python benchmarks/tags_scaling.py --tags 500 --runs 5
    python benchmarks/tags_scaling.py --baseline ../main  # also time another checkout's plugin

Both sites have the same N tags, so the same N tag pages and N tag feeds; the
first has one post, the second N. A build linear in its input makes the first
site no dearer than the second: every tag page's card and every tag feed entry
list a bounded number of the post's tags, never all N. Each build is a separate
`python -m mkdocs build -q` process, the two sites alternate, the median of the
runs is reported. The plugin built is the one of this checkout (put first on
the children's PYTHONPATH), and with `--baseline DIR` also the one in DIR, in
the same alternation. Nothing here is a test: the figures are written to
`benchmarks/results/tags_scaling.md` to be read and committed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builds import child_env
from machine import describe_machine

SITES = ("one-post", "many-posts")
REPO = HERE.parent


def tag_names(count: int) -> list[str]:
    return [f"Sujet {number:04d}" for number in range(1, count + 1)]


def post_text(title: str, day: int, tags: list[str]) -> str:
    front = {
        "title": title,
        "date": f"2025-01-{1 + day % 28:02d}",
        "description": f"À propos de {title}.",
        "tags": tags,
    }
    return f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\nTexte de {title}.\n"


def write_site(root: Path, name: str, count: int) -> Path:
    """The site `name` ("one-post" or "many-posts") with `count` tags, under `root/name`."""
    docs = root / name / "docs"
    shutil.rmtree(root / name, ignore_errors=True)
    (docs / "posts").mkdir(parents=True)
    (docs / "index.md").write_text("# Accueil\n", encoding="utf-8")
    tags = tag_names(count)
    if name == "one-post":
        (docs / "posts/tout.md").write_text(post_text("Tout", 0, tags), encoding="utf-8")
    else:
        for number, tag in enumerate(tags, start=1):
            (docs / f"posts/p{number:04d}.md").write_text(post_text(f"Billet {number}", number, [tag]), "utf-8")
    config = {
        "site_name": "Tags",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "language": "fr", "font": False},
        "plugins": ["search", "numeco"],
    }
    path = root / name / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build_seconds(config: Path, source: Path) -> float:
    """Wall time of one build, with the plugin of `source`, in a fresh process (old output removed first, untimed)."""
    shutil.rmtree(config.parent / "site", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    env = child_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH", "")]))
    started = time.perf_counter()
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{config.parent.name} failed:\n{done.stderr.decode('utf-8', 'replace')[-3000:]}")
    return seconds


def revision(source: Path) -> str:
    """The commit a checkout is at, '+' when its files differ from it; the folder name outside git."""
    try:
        git = ["git", "-C", str(source)]
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "--", "mkdocs_numeco"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return source.name
    return head.stdout.decode().strip() + ("+" if dirty.stdout.strip() else "")


def measure(root: Path, count: int, runs: int, sources: dict[str, Path]) -> dict[tuple[str, str], list[float]]:
    """Seconds of each run, by (plugin source, site)."""
    configs = {name: write_site(root, name, count) for name in SITES}
    times: dict[tuple[str, str], list[float]] = {(label, name): [] for label in sources for name in SITES}
    for _ in range(runs):
        for label, source in sources.items():
            for name in SITES:  # alternating, so a slow moment of the machine hits every variant
                times[label, name].append(build_seconds(configs[name], source))
    return times


def report(count: int, runs: int, sources: dict[str, Path], times: dict[tuple[str, str], list[float]]) -> str:
    machine = describe_machine("working tree")
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        "# Tags scaling: one post with many tags against many posts with one tag",
        "",
        f"Machine: {machine['cpus']} CPUs ({machine['cpu']}), Python {machine['python']}; load average after: {load}.",
        f"Each build is a separate `python -m mkdocs build -q` process; {runs} runs per site, alternating; medians.",
        f"Both sites have the same {count} tags (tag pages, tag feeds); the first has 1 post, the second {count}.",
        "",
        f"| Plugin | 1 post, {count} tags: s | {count} posts, 1 tag each: s | Ratio |",
        "|---|---:|---:|---:|",
    ]
    for label in sources:
        one, many = (statistics.median(times[label, name]) for name in SITES)
        lines.append(f"| {label} | {one:.2f} | {many:.2f} | **{one / many:.2f}** |")
    lines += ["", "Target: a ratio of at most 1 for this checkout.", "", "Every run, in seconds:", ""]
    for (label, name), seconds in times.items():
        lines.append(f"- {label}, {name}: " + " / ".join(f"{s:.2f}" for s in seconds))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tags", type=int, default=300, help="tags on the one post, and posts of the other site")
    parser.add_argument("--runs", type=int, default=3, help="builds of each site (the median is reported)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "tags_scaling.md", help="the Markdown report")
    parser.add_argument("--work-dir", type=Path, default=None, help="where the sites are written (default: temp)")
    parser.add_argument("--baseline", type=Path, default=None, help="a checkout whose plugin is timed too")
    args = parser.parse_args(argv)
    sources = {f"this checkout ({revision(REPO)})": REPO}
    if args.baseline is not None:
        sources[f"baseline ({revision(args.baseline.resolve())})"] = args.baseline.resolve()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="numeco-tags-"))
    runs = max(1, args.runs)
    try:
        times = measure(work, args.tags, runs, sources)
    finally:
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    text = report(args.tags, runs, sources, times)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    raise SystemExit(main())

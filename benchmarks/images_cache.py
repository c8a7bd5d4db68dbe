"""How much of a demo build is image work, with a cold and with a warm image cache.

Builds the demo site (mkdocs.yml and demo_site/ copied to a temporary folder)
in child processes under cProfile, alternating a cold build (cache folder
deleted first: every variant is encoded) and a warm one (the cache of the
previous build: nothing is encoded), `--repeat` times each. Image work is the
cumulative time of the plugin's image entry points: `SiteImages.plan` in
`adapter/images.py` (reading each image, hashing it, `core.images` making or
finding its variants, adding them to the files) and `core.images.view`
(the `<picture>` of each poster and thumbnail). It is given as a share of the
profiled build's total time, median of the runs.

    python benchmarks/images_cache.py [--repeat 3]

Writes `benchmarks/results/images_cache.md`.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "images_cache.md"
# (file name ending, function name): the entry points of image work.
ENTRY_POINTS = (("adapter/images.py", "plan"), ("core/images.py", "view"))


def profiled_build(root: Path, out: Path) -> tuple[float, float, int]:
    """(total seconds, image seconds, files in the cache) of one build of the copy at `root`."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(out),
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-d",
        str(root / "site"),
    ]
    subprocess.run(command, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats = pstats.Stats(str(out))
    images = 0.0
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if any(filename.replace(os.sep, "/").endswith(end) and name == function for end, function in ENTRY_POINTS):
            images += cumulative
    cache = root / ".cache" / "numeco" / "images"
    return stats.total_tt, images, len(list(cache.iterdir())) if cache.is_dir() else 0  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[tuple[float, float, int]]] = {"cold": [], "warm": []}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "demo_site", root / "demo_site")
        for n in range(args.repeat):
            for kind in ("cold", "warm"):
                if kind == "cold":
                    shutil.rmtree(root / ".cache", ignore_errors=True)
                runs[kind].append(profiled_build(root, root / f"{kind}-{n}.prof"))
                total, images, files = runs[kind][-1]
                print(
                    f"{kind} {n + 1}: {total:.2f} s, images {images:.3f} s ({images / total:.1%}), {files} cache files"
                )
    lines = [
        (
            f"Demo site, image work over the profiled build time (cProfile), median of {args.repeat} builds each,"
            " cold and warm alternating:"
        ),
        "",
        "| cache | build (profiled) | image work | share |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind, results in runs.items():
        total = statistics.median(result[0] for result in results)
        images = statistics.median(result[1] for result in results)
        share = statistics.median(result[1] / result[0] for result in results)
        lines.append(f"| {kind} | {total:.2f} s | {images:.3f} s | {share:.1%} |")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

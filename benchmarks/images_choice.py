"""Pillow or libvips (pyvips) for the plugin's image variants? Time and bytes on heavy images.

Each library turns the demo's three heavy images (a 645 KB photo-like JPEG,
a 915 KB PNG screenshot, a 922 KB SVG that embeds ten PNGs; made by
`images_demo.py`) into WebP and AVIF at 400, 800 and 1200 px wide, as the
plugin does for a video poster, with the same quality. Pillow can't read SVG:
it is given the SVG rasterised by resvg (`resvg-py`) or CairoSVG, whichever
is installed (CairoSVG needs the system's libcairo). Each figure is the
median of `--repeat` runs, in this process, one library after the other.

    python benchmarks/images_choice.py [--repeat 3]

Writes `benchmarks/results/images_choice.md` (the table of the README).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import images_demo

WIDTHS = (400, 800, 1200)
FORMATS = ("webp", "avif")
QUALITY = 60
RESULTS = Path(__file__).parent / "results" / "images_choice.md"


def with_vips(data: bytes, fmt: str) -> list[int]:
    import pyvips

    sizes = []
    for width in WIDTHS:
        image = pyvips.Image.thumbnail_buffer(data, width, height=10_000_000, size="down")
        options = {"effort": 2} if fmt == "avif" else {"effort": 4}
        sizes.append(len(image.write_to_buffer(f".{fmt}", Q=QUALITY, keep="none", **options)))
    return sizes


def svg_to_png() -> tuple[str, Callable[[bytes, int], bytes]] | None:
    """The SVG rasteriser Pillow would need, if one is installed."""
    try:
        import resvg_py

        return "resvg", lambda data, width: bytes(resvg_py.svg_to_bytes(svg_string=data.decode(), width=width))
    except ImportError:
        pass
    try:
        import cairosvg

        return "CairoSVG", lambda data, width: cairosvg.svg2png(bytestring=data, output_width=width)
    except (ImportError, OSError):  # OSError: the package is there, libcairo is not
        return None


def with_pillow(data: bytes, fmt: str, svg: bool) -> list[int] | None:
    from PIL import Image

    rasterise = svg_to_png() if svg else None
    if svg and rasterise is None:
        return None
    sizes = []
    for width in WIDTHS:
        if rasterise is not None:
            image = Image.open(io.BytesIO(rasterise[1](data, width)))
        else:
            image = Image.open(io.BytesIO(data))
            image.draft("RGB", (width, width * image.height // image.width))  # JPEG shrink-on-load, as libvips does
            image.thumbnail((width, 10_000_000), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        options = {"speed": 8} if fmt == "avif" else {"method": 4}
        image.save(out, fmt.upper(), quality=QUALITY, **options)
        sizes.append(out.tell())
    return sizes


def measure(run: Callable[[], list[int] | None], repeat: int) -> tuple[float, list[int]] | None:
    times, sizes = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        sizes = run()
        times.append(time.perf_counter() - start)
        if sizes is None:
            return None
    return statistics.median(times), sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import PIL
    import pyvips

    rasteriser = svg_to_png()
    rows = [
        (
            f"Pillow {PIL.__version__} (SVG through {rasteriser[0] if rasteriser else 'nothing installed'}),"
            f" pyvips {pyvips.__version__} with libvips {pyvips.version(0)}.{pyvips.version(1)}.{pyvips.version(2)};"
            f" quality {QUALITY}, widths {', '.join(map(str, WIDTHS))} px; median of {args.repeat} runs."
        ),
        "",
        "| image | format | Pillow time | Pillow bytes (per width) | libvips time | libvips bytes (per width) |",
        "| --- | --- | ---: | --- | ---: | --- |",
    ]
    with tempfile.TemporaryDirectory() as folder:
        files = images_demo.write_all(Path(folder))
        for kind, path in files.items():
            data = path.read_bytes()
            label = f"{path.name} ({len(data) / 1000:.0f} KB)"
            for fmt in FORMATS:
                svg = kind == "svg"
                pillow = measure(lambda data=data, fmt=fmt, svg=svg: with_pillow(data, fmt, svg), args.repeat)
                vips = measure(lambda data=data, fmt=fmt: with_vips(data, fmt), args.repeat)
                cells = [_cell(pillow), _cell(vips)]
                rows.append(f"| {label} | {fmt} | {cells[0][0]} | {cells[0][1]} | {cells[1][0]} | {cells[1][1]} |")
                print(rows[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")


def _cell(result: tuple[float, list[int]] | None) -> tuple[str, str]:
    if result is None:
        return "n/a", "can't read SVG"
    seconds, sizes = result
    return f"{seconds * 1000:.0f} ms", " / ".join(f"{size / 1000:.1f} KB" for size in sizes)


if __name__ == "__main__":
    main()

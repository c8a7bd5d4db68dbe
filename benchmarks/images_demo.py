"""Make the demo's heavy images, reproducibly: a photo-like JPEG, a screenshot-like PNG, an SVG embedding PNGs.

They give the sobriety figures of issue 14 something to bite on (the source
corpus has a 962 KB SVG poster that embeds ten PNGs, a 917 KB PNG and a
620 KB JPEG thumbnail). Run from the repository root:

    python benchmarks/images_demo.py            # writes demo_site/docs/images/
    python benchmarks/images_demo.py OUT_DIR    # anywhere else (images_choice.py uses it)
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pyvips

DEMO_IMAGES = Path(__file__).resolve().parents[1] / "demo_site" / "docs" / "images"
SEED = 14


def _noise(width: int, height: int, sigma: float, seed: int) -> pyvips.Image:
    return pyvips.Image.gaussnoise(width, height, sigma=sigma, mean=0, seed=seed)


def _gradient(width: int, height: int, colours: tuple[tuple[int, int, int], tuple[int, int, int]]) -> pyvips.Image:
    """A diagonal gradient between two RGB colours."""
    xy = pyvips.Image.xyz(width, height)
    t = (xy[0] / width + xy[1] / height) / 2
    (r0, g0, b0), (r1, g1, b1) = colours
    return (t * (r1 - r0) + r0).bandjoin([t * (g1 - g0) + g0, t * (b1 - b0) + b0])


def photo(width: int = 1600, height: int = 1000, seed: int = SEED) -> pyvips.Image:
    """Photo-like: a sky-to-field gradient, soft blobs of detail and sensor noise."""
    base = _gradient(width, height, ((70, 130, 190), (60, 120, 50)))
    detail = _noise(width // 8, height // 8, 40, seed).resize(8, kernel="cubic")
    grain = _noise(width, height, 14, seed + 1)
    return (base + detail.bandjoin([detail * 0.8, detail * 0.6]) + grain).cast("uchar")


def screenshot(width: int = 1400, height: int = 900, seed: int = SEED) -> pyvips.Image:
    """Screenshot-like: flat panels and bars over a slightly noisy background (PNG keeps every pixel)."""
    image = _gradient(width, height, ((235, 238, 242), (210, 218, 230)))
    image = image.insert(photo(650, 500, seed + 3), width - 710, 60)  # the photo being measured, on screen
    for n in range(12):
        top = 60 + n * 68
        bar = pyvips.Image.black(width // 3 + (n * 97) % (width // 6), 40) + [40 + 15 * n, 90, 160 - 8 * n]
        image = image.insert(bar, 80, top)
    return image.cast("uchar")


def raster_svg(width: int = 1200, height: int = 675, tiles: int = 10, seed: int = SEED) -> bytes:
    """An SVG poster that embeds `tiles` PNG photos (200×125) as data: URIs, drawn in a 5×2 grid, under a disc."""
    columns = (tiles + 1) // 2
    tile_width, tile_height = width // columns, height // 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#1f2633"/>',
    ]
    for n in range(tiles):
        png = photo(200, 125, seed + 10 * n).write_to_buffer(".png", compression=9)
        x, y = (n % columns) * tile_width, (n // columns) * tile_height
        data = base64.b64encode(png).decode()
        parts.append(
            f'<image x="{x}" y="{y}" width="{tile_width}" height="{tile_height}" preserveAspectRatio="xMidYMid slice" href="data:image/png;base64,{data}"/>'
        )
    parts.append(f'<circle cx="{width // 2}" cy="{height // 2}" r="{height // 6}" fill="#fff" fill-opacity=".85"/>')
    parts.append("</svg>\n")
    return "\n".join(parts).encode()


def write_all(folder: Path) -> dict[str, Path]:
    """Write the three heavy images in `folder`; returns them by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "jpeg": folder / "photo-atelier.jpg",
        "png": folder / "capture-mesure.png",
        "svg": folder / "poster-montage.svg",
    }
    photo().write_to_file(str(files["jpeg"]), Q=85, keep="none")
    screenshot().write_to_file(str(files["png"]), compression=9, keep="none")
    files["svg"].write_bytes(raster_svg())
    return files


if __name__ == "__main__":
    written = write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else DEMO_IMAGES)
    for kind, path in written.items():
        print(f"{kind:5} {path} {path.stat().st_size / 1000:.0f} KB")

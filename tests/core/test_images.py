"""Responsive variants (core/images.py): made once, reused from the cache, and never a crash on a bad image."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest
from needs import import_or_unavailable

pyvips = import_or_unavailable("pyvips")

from mkdocs_numeco.core.images import HEAVY_SVG, ImageCache, Picture, Settings, is_svg, svg_size, view

POSTER = (400, 800, 1200)
THUMB = (160, 320)


def photo(width: int = 1000, height: int = 600) -> bytes:
    noise = pyvips.Image.gaussnoise(width, height, sigma=30, mean=128, seed=1)
    return noise.bandjoin([noise, noise]).cast("uchar").write_to_buffer(".jpg", Q=95)


def png(width: int = 900, height: int = 500) -> bytes:
    noise = pyvips.Image.gaussnoise(width, height, sigma=30, mean=128, seed=2)
    return noise.bandjoin([noise, noise]).cast("uchar").write_to_buffer(".png")


def raster_svg() -> bytes:
    data = base64.b64encode(png(200, 100)).decode()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900">'
        f'<image width="1600" height="900" href="data:image/png;base64,{data}"/></svg>'
    ).encode()


def files_of(folder: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def test_a_photo_gets_avif_and_webp_at_each_width_and_a_jpeg_fallback(tmp_path):
    cache = ImageCache(tmp_path)
    original = photo()
    prepared = cache.prepare(original, "a.jpg", THUMB)
    picture = prepared.picture
    assert prepared.problem is None and picture is not None
    assert [source.mime for source in picture.sources] == ["image/avif", "image/webp"]
    for source in picture.sources:
        assert [(v.width, v.height) for v in source.variants] == [(160, 96), (320, 192)]
    assert picture.fallback.name.endswith("-320.jpg") and (picture.width, picture.height) == (320, 192)
    for name in picture.names():
        assert 0 < (tmp_path / name).stat().st_size < len(original)


def test_never_wider_than_the_original(tmp_path):
    picture = ImageCache(tmp_path).prepare(png(300, 150), "small.png", POSTER).picture
    assert [v.width for v in picture.sources[0].variants] == [300]
    assert picture.fallback.name.endswith("-300.png") and picture.height == 150


def test_a_small_vector_svg_stays_as_it_is_with_its_size(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90"/></svg>'
    prepared = ImageCache(tmp_path).prepare(svg, "logo.svg", POSTER)
    assert prepared.picture == Picture(160, 90)
    assert list(tmp_path.iterdir()) == []


def test_an_svg_that_embeds_rasters_is_rasterised(tmp_path):
    picture = ImageCache(tmp_path).prepare(raster_svg(), "poster.svg", POSTER).picture
    assert picture.fallback is not None and picture.fallback.name.endswith(("-1200.jpg", "-1200.png"))
    assert [v.width for v in picture.sources[1].variants] == [400, 800, 1200]
    assert picture.height == 675


def test_a_heavy_vector_svg_is_rasterised(tmp_path):
    shapes = "".join(f'<rect x="{n % 800}" y="{n % 400}" width="3" height="3"/>' for n in range(HEAVY_SVG // 30))
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400">{shapes}</svg>'.encode()
    assert len(svg) > HEAVY_SVG
    picture = ImageCache(tmp_path).prepare(svg, "chart.svg", THUMB).picture
    assert picture.fallback is not None and picture.sources


def test_a_warm_cache_encodes_nothing_and_touches_no_file(tmp_path):
    first = ImageCache(tmp_path)
    made = first.prepare(photo(), "a.jpg", POSTER).picture
    assert first.encoded == 7  # 3 widths x (AVIF, WebP) + the JPEG fallback
    before = files_of(tmp_path)
    again = ImageCache(tmp_path)
    assert again.prepare(photo(), "a.jpg", POSTER).picture == made
    assert again.encoded == 0 and files_of(tmp_path) == before


def test_a_missing_variant_is_made_again(tmp_path):
    made = ImageCache(tmp_path).prepare(photo(), "a.jpg", THUMB).picture
    (tmp_path / made.fallback.name).unlink()
    again = ImageCache(tmp_path)
    assert again.prepare(photo(), "a.jpg", THUMB).picture == made and again.encoded > 0


def test_other_settings_are_other_files(tmp_path):
    one = ImageCache(tmp_path).prepare(photo(), "a.jpg", THUMB).picture
    other = ImageCache(tmp_path, Settings(formats=("webp",), quality=80)).prepare(photo(), "a.jpg", THUMB).picture
    assert not set(one.names()) & set(other.names())
    assert [source.mime for source in other.sources] == ["image/webp"]


def _png_header_only(width: int, height: int) -> bytes:
    chunk = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    ihdr = struct.pack(">I", len(chunk)) + b"IHDR" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + chunk))
    idat_data = zlib.compress(b"\0" * 1000)
    idat = struct.pack(">I", len(idat_data)) + b"IDAT" + idat_data + struct.pack(">I", zlib.crc32(b"IDAT" + idat_data))
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat


BAD = {
    "empty": (b"", "x.png", "empty"),
    "not an image": (b"<html>not a picture</html>" * 10, "x.png", "not an image"),
    "truncated": (None, "x.png", "truncated"),
    "pixel bomb": (_png_header_only(60_000, 60_000), "x.png", "60000×60000 pixels"),
    "entities": (
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>'
        ),
        "x.svg",
        "entities",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_image_is_a_reason_not_a_crash(tmp_path, case):
    data, name, reason = BAD[case]
    if data is None:
        whole = png()
        data = whole[: len(whole) // 2]
    prepared = ImageCache(tmp_path).prepare(data, name, THUMB)
    assert prepared.picture is None
    assert reason in prepared.problem
    assert list(tmp_path.iterdir()) == []


def test_a_truncated_image_leaves_no_half_file(tmp_path):
    whole = png()
    ImageCache(tmp_path).prepare(whole[: len(whole) // 2], "x.png", THUMB)
    assert not list(tmp_path.glob(".tmp-*"))
    assert not list(tmp_path.glob("*.json"))


@pytest.mark.parametrize(
    ("svg", "size"),
    [
        (b'<svg width="120" height="60px">', (120, 60)),
        (b'<svg viewBox="0 0 300 150">', (300, 150)),
        (b'<svg width="600" viewBox="0,0,300,150">', (600, 300)),
        (b'<svg width="50%" height="2em">', (None, None)),
        (b"<svg>", (None, None)),
        (b"no svg here", (None, None)),
    ],
)
def test_svg_size(svg, size):
    assert svg_size(svg) == size


def test_svg_is_known_by_name_or_by_content():
    assert is_svg("a.SVG", b"")
    assert is_svg("image", b'<?xml version="1.0"?>\n<!-- made by hand -->\n<svg>')
    assert not is_svg("a.png", b"\x89PNG")


def test_view_gives_srcset_and_sizes(tmp_path):
    picture = ImageCache(tmp_path, Settings(formats=("webp",))).prepare(photo(), "a.jpg", THUMB).picture
    seen = view(picture, lambda name: f"../img/{name}", "../a.jpg", "160px")
    assert seen["src"] == f"../img/{picture.fallback.name}"
    (source,) = seen["sources"]
    assert source["type"] == "image/webp"
    assert source["srcset"] == ", ".join(f"../img/{v.name} {v.width}w" for v in picture.sources[0].variants)
    assert view(picture, lambda name: None, "../a.jpg", "160px") is None
    assert view(Picture(10, 5), lambda name: None, "logo.svg", "1px")["src"] == "logo.svg"

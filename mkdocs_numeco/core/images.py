"""Responsive variants of an image (WebP, AVIF at a few widths), encoded once and kept in a cache folder.

Pure of MkDocs: given an image's bytes and the widths of the place it is
shown (a video poster, a card thumbnail), `ImageCache.prepare` returns a
`Prepared`: the `Picture` to emit (its variants, named by a hash of the
image and of the settings, written in the cache folder), or why the
original is used as it is. A later build, or `mkdocs serve`, finds the
variants in the cache by that name and encodes nothing: it reads the
record written next to them (`<key>.json`) without decoding the image.

What is refused rather than decoded, with a reason the plugin reports:
an empty file, bytes no decoder knows, a truncated file, an image of more
than `Settings.max_pixels` pixels (a decompression bomb), an SVG that
declares XML entities. A small vector SVG (no embedded raster, at most
`HEAVY_SVG` bytes) is kept as it is, with its size read from its root tag.
The work is linear in the input: one hash, one header read, one decode per
width (libvips shrinks JPEGs on load and renders SVGs at the target size).

The codec is libvips, through pyvips (the `pyvips-binary` wheel carries
libvips with its SVG, WebP and AVIF support); it is imported on first use.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

VERSION = "1"  # bump when the way variants are made changes: every cache key changes with it
HEAVY_SVG = 50_000  # bytes: an SVG above this is rasterised even without embedded rasters
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
# The fallback keeps the original's format; any other raster (GIF, TIFF, WebP…) falls back to PNG.
_FALLBACK_OF_LOADER = {"jpegload": "jpeg", "pngload": "png"}

_SVG_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*(?:<!DOCTYPE|<svg\b)", re.DOTALL
)
_SVG_ROOT = re.compile(rb"<svg\b([^>]{0,4000})>", re.DOTALL)
_ATTRIBUTE = re.compile(rb"""\b(width|height|viewBox)\s*=\s*["']([^"']{0,200})["']""")
_LENGTH = re.compile(rb"\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*\Z")
_EMBEDDED_RASTER = re.compile(rb"<(?:svg:)?image\b")
_ENTITY = re.compile(rb"<!ENTITY\b")


@dataclass(frozen=True)
class Settings:
    """How variants are made: formats of the `<source>`s (best first), lossy quality, pixel limit."""

    formats: tuple[str, ...] = ("avif", "webp")
    quality: int = 60
    max_pixels: int = 40_000_000  # an image larger than this is not decoded (decompression bomb)


@dataclass(frozen=True)
class Variant:
    """One file of the cache: its name there, and its size in pixels."""

    name: str
    width: int
    height: int


@dataclass(frozen=True)
class Source:
    """The variants of one format, smallest first (a `<source type srcset>`)."""

    mime: str
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class Picture:
    """What to emit for one image in one place.

    `fallback` is the `<img src>`: a variant in the original's format, or None
    for the original file itself (a small vector SVG, which has no `sources`).
    `width` and `height` are the fallback's, or the SVG's own size (None when
    it states none).
    """

    width: int | None
    height: int | None
    fallback: Variant | None = None
    sources: tuple[Source, ...] = ()

    def names(self) -> list[str]:
        """Every cache file this picture uses."""
        names = [variant.name for source in self.sources for variant in source.variants]
        return names + ([self.fallback.name] if self.fallback is not None else [])


@dataclass(frozen=True)
class Prepared:
    """A picture, or why the original image is used as it is (`problem`, said to the author)."""

    picture: Picture | None = None
    problem: str | None = None


class ImageError(Exception):
    """The image can't be read: the message says why."""


@dataclass(frozen=True)
class Header:
    width: int
    height: int
    fallback: str  # format of the fallback variant: jpeg or png


class Codec(Protocol):
    def header(self, data: bytes) -> Header: ...

    def encode(self, data: bytes, width: int, formats: tuple[str, ...], quality: int) -> list[tuple[bytes, int, int]]:
        """The image at `width` (never wider than it is), once per format: (bytes, width, height)."""
        ...


@dataclass
class ImageCache:
    """Variants in `folder`, made by `codec` (libvips unless told otherwise); `encoded` counts encodings."""

    folder: Path
    settings: Settings = field(default_factory=Settings)
    codec: Codec | None = None
    encoded: int = 0

    def prepare(self, data: bytes, name: str, widths: tuple[int, ...]) -> Prepared:
        """The picture of the image `data` (file `name`) for a place shown at `widths`; never raises on bad input."""
        if not data:
            return Prepared(problem="the file is empty")
        if is_svg(name, data):
            if _ENTITY.search(data):
                return Prepared(problem="the SVG declares XML entities, which are not read (a billion-laughs bomb)")
            if len(data) <= HEAVY_SVG and not _EMBEDDED_RASTER.search(data):
                width, height = svg_size(data)
                return Prepared(Picture(width, height))
        key = cache_key(data, self.settings, widths)
        cached = self._cached(key)
        if cached is not None:
            return Prepared(cached)
        try:
            picture = self._make(data, key, widths)
        except ImageError as error:
            return Prepared(problem=str(error))
        except OSError as error:
            return Prepared(problem=f"its variants can't be written in {self.folder} ({error.strerror or error})")
        return Prepared(picture)

    def _cached(self, key: str) -> Picture | None:
        """The record of `key` when it and every file it names are in the cache."""
        try:
            record = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            picture = _picture_of(record)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return picture if all((self.folder / name).is_file() for name in picture.names()) else None

    def _make(self, data: bytes, key: str, widths: tuple[int, ...]) -> Picture:
        codec = self.codec or vips_codec()
        header = codec.header(data)
        if header.width * header.height > self.settings.max_pixels:
            raise ImageError(
                f"it is {header.width}×{header.height} pixels, more than images.max_pixels"
                f" ({self.settings.max_pixels}): it is not decoded"
            )
        sources, fallback = self._encode(codec, data, key, kept_widths(widths, header.width), header.fallback)
        picture = Picture(
            fallback.width,
            fallback.height,
            fallback,
            tuple(Source(MIME[fmt], tuple(variants)) for fmt, variants in sources.items() if variants),
        )
        self._write(f"{key}.json", json.dumps(asdict(picture)).encode())
        return picture

    def _encode(
        self, codec: Codec, data: bytes, key: str, kept: list[int], fallback_format: str
    ) -> tuple[dict[str, list[Variant]], Variant]:
        """Every variant: each format at each width, and the fallback format at the largest."""
        formats = self.settings.formats
        sources: dict[str, list[Variant]] = {fmt: [] for fmt in formats}
        fallback = None
        for width in kept:
            last = width == kept[-1]
            wanted = formats + ((fallback_format,) if last and fallback_format not in formats else ())
            for fmt, (blob, w, h) in zip(wanted, codec.encode(data, width, wanted, self.settings.quality)):
                variant = Variant(f"{key}-{w}.{EXTENSION[fmt]}", w, h)
                self._write(variant.name, blob)
                sources.get(fmt, []).append(variant)
                if last and fmt == fallback_format:
                    fallback = variant
        if fallback is None:  # the codec gave fewer results than asked
            raise ImageError("libvips made no variant of it")
        return sources, fallback

    def _write(self, name: str, blob: bytes) -> None:
        """Write a cache file whole or not at all (a build stopped midway leaves no half file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, self.folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        if not name.endswith(".json"):
            self.encoded += 1


def _picture_of(record: dict[str, Any]) -> Picture:
    fallback = Variant(**record["fallback"]) if record["fallback"] else None
    sources = tuple(
        Source(source["mime"], tuple(Variant(**variant) for variant in source["variants"]))
        for source in record["sources"]
    )
    return Picture(record["width"], record["height"], fallback, sources)


def cache_key(data: bytes, settings: Settings, widths: tuple[int, ...]) -> str:
    """The name of an image's variants: a hash of its bytes and of everything that shapes them."""
    digest = hashlib.sha256()
    digest.update(repr((VERSION, settings.formats, settings.quality, tuple(widths))).encode())
    digest.update(data)
    return digest.hexdigest()[:20]


def kept_widths(widths: tuple[int, ...], original: int) -> list[int]:
    """The widths to make, never wider than the original (which stands in for every wider one)."""
    kept = sorted({width for width in widths if 0 < width < original})
    if any(width >= original for width in widths) or not kept:
        kept.append(original)
    return kept


def is_svg(name: str, data: bytes) -> bool:
    return name.lower().endswith((".svg", ".svgz")) or _SVG_START.match(data[:4096]) is not None


def svg_size(data: bytes) -> tuple[int | None, int | None]:
    """Width and height an SVG states on its root tag (`width`/`height` in px, else its `viewBox`)."""
    root = _SVG_ROOT.search(data[:65536])
    if root is None:
        return None, None
    found = {name.decode(): value for name, value in _ATTRIBUTE.findall(root.group(1))}
    width, height = _length(found.get("width")), _length(found.get("height"))
    if width is not None and height is not None:
        return width, height
    return _from_box(found.get("viewBox", b""), width, height)


def _from_box(box: bytes, width: int | None, height: int | None) -> tuple[int | None, int | None]:
    """The size missing from `width`/`height`, by the proportions of the `viewBox`."""
    try:
        _, _, box_width, box_height = (float(number) for number in box.replace(b",", b" ").split())
    except ValueError:  # not four numbers
        return width, height
    if box_width <= 0 or box_height <= 0:
        return width, height
    if width is not None:
        return width, round(width * box_height / box_width)
    if height is not None:
        return round(height * box_width / box_height), height
    return round(box_width), round(box_height)


def _length(value: bytes | None) -> int | None:
    match = _LENGTH.match(value) if value else None
    return round(float(match.group(1))) or None if match else None


# -- what templates get -------------------------------------------------------------


def view(picture: Picture, url: Callable[[str], str | None], original: str, sizes: str) -> dict[str, Any] | None:
    """The picture as templates read it (`src`, `width`, `height`, `sizes`, `sources` of `type` and `srcset`).

    `url(name)` is the URL of a cache file as seen from the page; `original`
    the original image's. None when a variant has no URL (then the plain
    original is shown).
    """
    src = url(picture.fallback.name) if picture.fallback is not None else original
    sources = []
    for source in picture.sources:
        parts = [(url(variant.name), variant.width) for variant in source.variants]
        if src is None or any(link is None for link, _ in parts):
            return None
        sources.append({"type": source.mime, "srcset": ", ".join(f"{link} {width}w" for link, width in parts)})
    return {"src": src, "width": picture.width, "height": picture.height, "sizes": sizes, "sources": sources}


# -- libvips ----------------------------------------------------------------------------

_SAVE_OPTIONS: dict[str, Callable[[int], dict[str, Any]]] = {
    "avif": lambda q: {"Q": q, "effort": 2},
    "webp": lambda q: {"Q": q, "effort": 4},
    "jpeg": lambda q: {"Q": max(q, 75), "optimize_coding": True, "interlace": True},
    "png": lambda q: {"compression": 6},
}


class VipsCodec:
    """Decode and encode with libvips (pyvips)."""

    def __init__(self) -> None:
        import pyvips  # loads libvips: only when an image is to be made, never on a warm build

        self.vips = pyvips

    def header(self, data: bytes) -> Header:
        try:
            image = self.vips.Image.new_from_buffer(data, "", access="sequential")
            loader = str(image.get("vips-loader")).removesuffix("_buffer")
            fallback = _FALLBACK_OF_LOADER.get(loader, "png")
            if loader == "svgload" and image.hasalpha() and image[image.bands - 1].min() == 255:
                fallback = "jpeg"  # an opaque SVG (a photo montage) is smaller as JPEG
            return Header(image.width, image.height, fallback)
        except self.vips.Error as error:
            raise ImageError(_reason(error)) from None

    def encode(self, data: bytes, width: int, formats: tuple[str, ...], quality: int) -> list[tuple[bytes, int, int]]:
        try:
            image = self.vips.Image.thumbnail_buffer(
                data, width, height=10_000_000, size="down", option_string="fail_on=truncated"
            )
            if "jpeg" in formats and image.hasalpha():
                image = image.flatten(background=[255, 255, 255])
            image = image.copy_memory()  # decoded once, encoded in each format
            return [
                (
                    image.write_to_buffer(f".{EXTENSION[fmt]}", keep="none", **_SAVE_OPTIONS[fmt](quality)),
                    image.width,
                    image.height,
                )
                for fmt in formats
            ]
        except self.vips.Error as error:
            raise ImageError(_reason(error)) from None


def _reason(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    detail = " ".join((lines[-1] if lines else "").split())[:200]  # libvips' own words come last
    if "not in a known format" in detail:
        return "it is not an image libvips can read (its bytes are no known image format)"
    if "read error" in detail or "truncated" in detail or "premature" in detail.lower():
        return f"the file is truncated or damaged: {detail}"
    return f"it can't be decoded: {detail}"


_CODEC: list[VipsCodec] = []


def vips_codec() -> VipsCodec:
    """The one libvips codec of the process; `ImageError` when pyvips is not installed."""
    if not _CODEC:
        try:
            _CODEC.append(VipsCodec())
        except ImportError:
            raise ImageError("pyvips is not installed (pip install pyvips pyvips-binary)") from None
    return _CODEC[0]

"""Responsive images in a real build: `<picture>` for posters and thumbnails, variants in site_dir, a warm cache."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from needs import import_or_unavailable

from tests.sitebuild import build_site, post, write_site

pyvips = import_or_unavailable("pyvips")

BODY = '{% dailymotion "x8abc12" %}\n\nTexte.\n\n{% youtube "dQw4w9WgXcQ" %}'


def photo(width: int = 1400, height: int = 800) -> bytes:
    noise = pyvips.Image.gaussnoise(width, height, sigma=40, mean=128, seed=3)
    return noise.bandjoin([noise * 0.9, noise * 0.7]).cast("uchar").write_to_buffer(".jpg", Q=95)


def heavy_svg() -> bytes:
    tile = pyvips.Image.gaussnoise(300, 200, sigma=40, mean=128, seed=4).cast("uchar").write_to_buffer(".png")
    data = base64.b64encode(tile).decode()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">'
        f'<image width="1600" height="900" href="data:image/png;base64,{data}"/></svg>'
    ).encode()


def site(tmp_path: Path, pictures: dict[str, bytes], posts: dict[str, str], **plugin) -> Path:
    pages = {"index.md": "# Accueil\n", **{f"images/{name}": data for name, data in pictures.items()}}
    pages.update({f"posts/{name}": text for name, text in posts.items()})
    return write_site(tmp_path, pages, plugin or None)


def with_image(title: str, path: str, body: str = BODY, date: str = "2024-03-01") -> str:
    return post(title, date, body, image={"path": path, "alt": f"Affiche de {title}"})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("images")
    config = site(
        root,
        {"photo.jpg": photo(), "montage.svg": heavy_svg()},
        {"a.md": with_image("Photo", "../images/photo.jpg"), "b.md": with_image("Montage", "../images/montage.svg")},
    )
    return root, config, build_site(config, strict=True)


def test_the_poster_is_a_picture_with_sources_and_size(built):
    _, _, site_built = built
    pictures = site_built.content("posts/a/").select(".numeco-video picture")
    assert len(pictures) == 2
    first, second = pictures
    assert [s["type"] for s in first.select("source")] == ["image/avif", "image/webp"]
    for source in first.select("source"):
        assert [part.split()[1] for part in source["srcset"].split(", ")] == ["400w", "800w", "1200w"]
        assert source["sizes"]
    img = first.img
    assert (img["width"], img["height"]) == ("1200", "686")
    assert img["alt"] == "Affiche de Photo" and img["src"].endswith("-1200.jpg")
    assert "loading" not in img.attrs  # the first poster is above the fold
    assert second.img["loading"] == "lazy" and second.img["decoding"] == "async"


def test_variants_are_in_site_dir_and_lighter(built):
    root, _, site_built = built
    original = (root / "docs/images/photo.jpg").stat().st_size
    soup = site_built.soup("posts/a/")
    for source in soup.select(".numeco-video picture source"):
        for part in source["srcset"].split(", "):
            variant = (site_built.site_dir / "posts/a" / part.split()[0]).resolve()
            assert variant.is_file() and variant.stat().st_size < original


def test_a_heavy_svg_poster_falls_back_to_a_raster(built):
    _, _, site_built = built
    img = site_built.content("posts/b/").select_one(".numeco-video picture img")
    assert img["src"].endswith((".jpg", ".png")) and (img["width"], img["height"]) == ("1200", "675")


def test_listing_thumbnails_are_small_lazy_pictures(built):
    _, _, site_built = built
    pictures = site_built.content("posts/").select(".numeco-item picture")
    assert len(pictures) == 2
    for picture in pictures:
        srcset = picture.source["srcset"]
        assert [part.split()[1] for part in srcset.split(", ")] == ["160w", "320w"]
        assert picture.img["loading"] == "lazy" and picture.img["decoding"] == "async"
        assert picture.img["width"] == "320"
        for part in srcset.split(", "):
            assert (site_built.site_dir / "posts" / part.split()[0]).resolve().stat().st_size < 80_000


def test_a_rebuild_encodes_nothing(built):
    root, config, _ = built
    cache = root / ".cache/numeco/images"
    before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert before
    again = build_site(config, strict=True)
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == before
    assert again.content("posts/a/").select(".numeco-video picture")


def test_a_small_vector_svg_stays_as_it_is(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"><rect width="320" height="180"/></svg>'
    built = build_site(site(tmp_path, {"logo.svg": svg}, {"a.md": with_image("A", "../images/logo.svg")}), strict=True)
    poster = built.content("posts/a/").select_one(".numeco-video__poster")
    assert poster.parent.name != "picture"
    assert poster["src"] == "../../images/logo.svg" and (poster["width"], poster["height"]) == ("320", "180")


BROKEN = {
    "truncated.png": None,
    "not-an-image.png": b"<html>hello</html>" * 20,
    "empty.jpg": b"",
    "bomb.svg": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>',
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_image_is_one_warning_at_the_post_and_the_original_is_used(tmp_path, name):
    data = BROKEN[name]
    if data is None:
        whole = photo(400, 300)
        data = whole[: len(whole) // 2]
    built = build_site(site(tmp_path, {name: data}, {"a.md": with_image("A", f"../images/{name}")}))
    warnings = [message for message in built.messages() if name in message]
    assert len(warnings) == 1, built.messages()
    assert "posts/a.md:5: image" in warnings[0] and "placed as it is" in warnings[0]
    poster = built.content("posts/a/").select_one("img.numeco-video__poster")
    assert poster["src"] == f"../../images/{name}" and poster.parent.name != "picture"
    thumb = built.content("posts/").select_one("img.numeco-item__thumb")
    assert thumb["src"] == f"../images/{name}"


def test_an_image_outside_docs_dir_is_not_read(tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(photo(300, 200))
    link = tmp_path / "docs/images/linked.jpg"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secret)
    config = site(
        tmp_path, {}, {"a.md": with_image("A", "../../secret.jpg"), "b.md": with_image("B", "../images/linked.jpg")}
    )
    built = build_site(config)
    assert not (tmp_path / ".cache").exists()
    assert not built.content("posts/a/").select("picture source")
    assert any("linked.jpg" in message and "outside docs_dir" in message for message in built.messages())


def test_images_disabled_places_them_as_they_are(tmp_path):
    config = site(
        tmp_path,
        {"photo.jpg": photo(400, 300)},
        {"a.md": with_image("A", "../images/photo.jpg")},
        images={"enabled": False},
    )
    built = build_site(config, strict=True)
    assert not built.content("posts/a/").select("picture")
    assert not (tmp_path / ".cache").exists()

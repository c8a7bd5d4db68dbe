"""The images the plugin places, as responsive variants that MkDocs copies like any other file.

In `on_files`, each post's local `image:` is made into a poster and a card
thumbnail (`core.images`); every variant becomes a `File.generated` under
`assets/numeco/images/`, its source in the cache folder, so it is in
`site_dir` for `mkdocs build` and `mkdocs serve` alike. The image is read
only when MkDocs lists it as a file of `docs_dir` (the URL policy already
refused anything else) and its real path is inside `docs_dir`. An image that
can't be made into variants is one warning at the post's `image:` line, and
the original is placed as it is.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..config import ImagesConfig
from ..core.confine import PLUGIN, Claims, shown
from ..core.images import ImageCache, Picture, Settings, view
from ..core.listing import UrlOf, local_image
from ..core.posts import Post, is_external

log = get_plugin_logger(__name__)
FOLDER = "assets/numeco/images"
MAX_BYTES = 50_000_000  # a file larger than this is not read
# Where each kind of image is shown, as the `sizes` of its `<source>`s: a poster spans the
# content column (Material's is 800 px at most); a card thumbnail is 8rem (160 px) wide.
SIZES = {"poster": "(min-width: 50em) 800px, 100vw", "thumbnail": "160px"}
_HINT = "it is placed as it is; replace it with a readable JPEG, PNG or SVG"


class SiteImages:
    """The variants of one build, by docs path of the image and role (`poster`, `thumbnail`)."""

    def __init__(self, options: ImagesConfig, config: MkDocsConfig) -> None:
        self.widths = {"poster": tuple(options.widths.poster), "thumbnail": tuple(options.widths.thumbnail)}
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        folder = (root / options.cache_dir).resolve()
        settings = Settings(tuple(options.formats), options.quality, options.max_pixels)
        self.cache = ImageCache(folder, settings)
        self.enabled = options.enabled and self._usable(folder, config)
        self.pictures: dict[tuple[str, str], Picture] = {}
        self.uris: dict[str, str] = {}  # cache file name -> src_uri of its MkDocs file

    @staticmethod
    def _usable(folder: Path, config: MkDocsConfig) -> bool:
        """False, with one warning, when variants can't be made at all on this site."""
        for option, place in (("site_dir", config.site_dir), ("docs_dir", config.docs_dir)):
            if folder.is_relative_to(Path(place).resolve()):
                log.warning(
                    f"images.cache_dir {shown(str(folder))} is inside {option}: images are placed as they are;"
                    " set images.cache_dir to a folder outside it"
                )
                return False
        if importlib.util.find_spec("pyvips") is None:
            log.warning(
                "images: pyvips is not installed, so images are placed as they are:"
                " pip install pyvips pyvips-binary, or set images.enabled: false"
            )
            return False
        return True

    def plan(self, posts: list[Post], files: Files, config: MkDocsConfig, claims: Claims, where: Where) -> None:
        """Make (or find in the cache) the variants of every post's image, and add them to `files`."""
        if not self.enabled:
            return
        refused: dict[str, str] = {}
        ready: set[str] = set()  # images whose variants are made: many posts share one poster
        for post in posts:
            if not post.image or post.image in ready or is_external(post.image):
                continue
            file = files.get_file_from_path(post.image)
            if file is None or file.abs_src_path is None:
                continue  # a missing image: the page says so already, or the browser will
            why = refused.get(post.image) or self._prepare(post.image, file, files, config, claims)
            if why is None:
                ready.add(post.image)
            else:
                refused[post.image] = why
                log.warning(
                    f"{where(post, 'image')}: image {shown(post.image)} has no lighter variants ({why}): {_HINT}"
                )

    def _prepare(self, docs_path: str, file: File, files: Files, config: MkDocsConfig, claims: Claims) -> str | None:
        """Variants of one image for every role; why there are none, or None."""
        data, why = _read(Path(file.abs_src_path), Path(config.docs_dir))
        for role, widths in self.widths.items():
            if why is not None:
                return why
            prepared = self.cache.prepare(data, file.src_uri, widths)
            if prepared.picture is None:
                return prepared.problem
            why = self._add(prepared.picture, files, config, claims)
            self.pictures[(docs_path, role)] = prepared.picture
        return why

    def _add(self, picture: Picture, files: Files, config: MkDocsConfig, claims: Claims) -> str | None:
        """Each variant as a file of the site, once."""
        for name in picture.names():
            if name in self.uris:
                continue
            uri = f"{FOLDER}/{name}"
            clash = claims.clash(uri, me=PLUGIN)
            if clash is not None:
                return f"{clash}, where its variants go"
            claims.claim(uri, "an image variant", me=PLUGIN)
            files.append(File.generated(config, uri, abs_src_path=str(self.cache.folder / name)))
            self.uris[name] = uri
        return None

    def view(self, docs_path: str | None, role: str, url_of: UrlOf) -> dict[str, Any] | None:
        """The `<picture>` of an image for templates, with URLs as `url_of` sees them; None: the plain image."""
        picture = self.pictures.get((docs_path, role)) if docs_path else None
        original = local_image(url_of, docs_path)
        if picture is None or original is None:
            return None
        return view(picture, lambda name: url_of(self.uris[name]) if name in self.uris else None, original, SIZES[role])


Where = Callable[[Post, str], str]


def _read(path: Path, docs_dir: Path) -> tuple[bytes, str | None]:
    """The image's bytes; or why it is not read (outside `docs_dir` once links are followed, too large, unreadable)."""
    try:
        real = path.resolve()
        if not real.is_relative_to(docs_dir.resolve()):
            return b"", "its real path is outside docs_dir, so it is not read"
        size = real.stat().st_size
        if size > MAX_BYTES:
            return b"", f"it weighs {size // 1_000_000} MB, more than the {MAX_BYTES // 1_000_000} MB read"
        return real.read_bytes(), None
    except OSError as error:
        return b"", f"it can't be read ({error.strerror or error})"

"""Build small MkDocs sites in a temporary folder and read the result as parsed HTML."""

from __future__ import annotations

import json
import logging
import resource
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config


@dataclass
class Built:
    """A built site: its folder and the log records of the build."""

    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    def soup(self, url: str) -> BeautifulSoup:
        """Parsed HTML of the page at `url` (a site-relative URL such as `posts/a/`)."""
        path = self.site_dir / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

    def content(self, url: str) -> Any:
        """The page's article element (Material's content area)."""
        return self.soup(url).select_one("article.md-content__inner")

    def exists(self, url: str) -> bool:
        return (self.site_dir / url / "index.html").is_file()

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == level]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_site(root: Path, pages: dict[str, str], plugin: dict | None = None, **config: Any) -> Path:
    """Write `mkdocs.yml` and the pages (dedented) under `root/docs`; return the config path."""
    docs = root / "docs"
    for name, text in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    settings: dict[str, Any] = {
        "site_name": "Test",
        "site_url": "https://example.org/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": "fr", "font": False},
        "plugins": ["search", {"numeco": plugin or {}}],
    }
    settings.update(config)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def build_site(config_path: Path, strict: bool = False, command: str | None = None) -> Built:
    """Build in-process, collecting every log record of MkDocs and its plugins.

    `command` (`build`, `serve`, `gh-deploy`) is told to the plugins' `on_startup`, as `mkdocs <command>` does.
    """
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        config = load_config(config_file=str(config_path), strict=strict)
        if command is not None:
            config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            if command is not None:  # MkDocs keeps plugins that have `on_startup` for the whole process
                config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return Built(Path(config.site_dir), handler.records)


def seed_social_fonts(cache_dir: Path) -> None:
    """Material's social plugin downloads its font from Google Fonts unless `<cache_dir>/fonts/<family>/` exists;
    it takes `<style>.ttf` from there, and `Regular` for a style it lacks. Roboto, as a package ships it."""
    import fontpkg_roboto  # the test extra

    fonts = cache_dir / "fonts" / "Roboto"
    fonts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(fontpkg_roboto.__file__).parent / "files" / "Roboto[wdth,wght].ttf", fonts / "Regular.ttf")


def post(title: str, date: str, body: str = "Texte.", **front: Any) -> str:
    """A post in the Eleventy format."""
    data = {"layout": "layouts/post.njk", "title": title, "date": date, **front}
    return (
        "---\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        + "---\n\n"
        + textwrap.dedent(body).strip()
        + "\n"
    )


# -- child processes for what could explode ---------------------------------------------------------

MEMORY = 2 << 30  # bytes a child may map
CHILD_TIMEOUT = 300  # seconds; a build takes a few


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(code: str, given: str = "") -> Any:
    """Run `code` in a child Python with our `sys.path`, 2 GiB of memory and 300 s; it prints JSON last.

    `given` is its standard input.
    """
    program = f"import sys\nsys.path[:0] = {sys.path!r}\n{code}"
    done = subprocess.run(
        [sys.executable, "-c", program],
        input=given,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


# A child Python whose imports of `mkdocs` fail: run it with module names to import them.
BLOCKER = """
import importlib.abc, sys
class NoMkDocs(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
        return None
sys.meta_path.insert(0, NoMkDocs())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m == "mkdocs" or m.startswith("mkdocs.") for m in sys.modules)
print("ok")
"""

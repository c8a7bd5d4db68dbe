"""Event glue: each handler hands its work to `SiteBuild` and returns."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .config import NumecoConfig
from .site import SiteBuild

ASSETS = Path(__file__).parent / "assets"
ASSET_URIS = ("assets/numeco/numeco.css", "assets/numeco/numeco.js")
# Extensions the emitted Markdown relies on: raw HTML blocks whose content is
# Markdown (md_in_html), Material's collapsible blocks (details, admonition).
EXTENSIONS = ("admonition", "pymdownx.details", "md_in_html", "attr_list")


class NumecoPlugin(BasePlugin[NumecoConfig]):
    """Publish Eleventy video and podcast posts with MkDocs and Material."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteBuild | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        css, js = ASSET_URIS
        if css not in config.extra_css:
            config.extra_css.append(css)
        if js not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(js)
        self.site = SiteBuild(self.config, config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.site.read_pages(files)
        self.site.generate_pages(files, config)
        for uri in ASSET_URIS:
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
        return files

    # Before mkdocs-macros (priority 0): it reads `{% %}` as Jinja and fails on
    # shortcodes it doesn't know, so they must be gone by then.
    @event_priority(100)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        return self.site.convert_page(markdown, page)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        return self.site.render_page(html, page)

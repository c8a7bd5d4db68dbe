"""Event glue: each handler hands its work to `SiteBuild` and returns."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .adapter.discovery import Discovery
from .adapter.guard import per_page, site_wide
from .adapter.neighbours import refuse_broken_neighbours
from .adapter.serve import ServeMemory
from .adapter.site import SiteBuild
from .config import NumecoConfig
from .markdown import EXTENSIONS  # what the emitted Markdown relies on

ASSETS = Path(__file__).parent / "assets"
ASSET_URIS = ("assets/numeco/numeco.css", "assets/numeco/numeco.js")


class NumecoPlugin(BasePlugin[NumecoConfig]):
    """Publish Eleventy video and podcast posts with MkDocs and Material."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.discovery: Discovery | None = None
        self.command: str | None = None  # `serve` builds drafts; `build`, `gh-deploy` and unknown don't
        self.memory = ServeMemory()  # caches and the last build's posts, across `mkdocs serve` rebuilds

    # Having this event also keeps the plugin instance across `mkdocs serve` rebuilds (MkDocs >= 1.4);
    # every build still starts anew in `on_config`.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.memory = ServeMemory(serve=command == "serve", dirty=dirty)

    def on_shutdown(self) -> None:
        self.command = None  # MkDocs keeps this instance for the process: the next build says its own
        self.memory = ServeMemory()

    @site_wide("set up the site")
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        refuse_broken_neighbours(config)
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        css, js = ASSET_URIS
        if css not in config.extra_css:
            config.extra_css.append(css)
        if js not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(js)
        self.site = SiteBuild(self.config, config, preview=self.command == "serve", memory=self.memory)
        self.discovery = Discovery.for_site(self.config, config, self.site)
        return config

    @site_wide("read the posts and plan the generated pages")
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.site.read_pages(files)
        self.site.generate_pages(files, config)
        self.memory.mark_stale(self.site, files)
        for uri in ASSET_URIS:
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
        return files

    @site_wide("drop drafts from the navigation and name its sections")
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.site is not None
        return self.site.name_sections(self.site.without_dropped(nav))

    # Before mkdocs-macros (priority 0): it reads `{% %}` as Jinja and fails on
    # shortcodes it doesn't know, so they must be gone by then.
    @event_priority(100)
    @per_page("convert")
    def _convert_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        return self.site.convert_page(markdown, page)

    # After the conversion above (it sets page.meta), before mkdocs-macros (0),
    # Material's social plugin (-100) and mkdocs-rss-plugin read `date` and `image`.
    @event_priority(90)
    @per_page("meta")
    def _expose_meta(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        assert self.discovery is not None
        self.discovery.expose_meta(page)

    on_page_markdown = CombinedEvent(_convert_markdown, _expose_meta)

    @per_page("content")
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        return self.site.render_page(html, page)

    # Before Material's social plugin (50) and minifiers (default 0), which
    # should see the head we add.
    @event_priority(60)
    @per_page("head")
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        assert self.site is not None and self.discovery is not None
        # Every page is rendered by now: the cards get their posts' excerpts.
        return self.discovery.decorate_head(self.site.fill_excerpts(output, page), page)

    @site_wide("write the feeds")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.discovery is not None and self.site is not None
        self.discovery.write(config.site_dir)
        self.memory.keep_rendered(self.site)

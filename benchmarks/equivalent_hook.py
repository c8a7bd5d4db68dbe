"""A benchmark-only MkDocs hook: record what the plugin gives MkDocs, for the equivalent-output floor.

Listed under `hooks:` of the dump build (`equivalent.py`), it runs after the plugin's
handlers (priority -100) and records, for every page: the Markdown after the plugin's
`on_page_markdown`, the theme's front matter, and the HTML the plugin inserted in
`on_page_content` (the content before the plugin, seen at priority +100, against the
content after it, seen at -100), with the cards' excerpts filled as the plugin fills
them in `on_post_page`. (A post whose content starts with its own `<h1>` gets the
plugin's header after that heading: the content before is then not a part of the
content after, and the page is recorded like a generated one, all HTML; the synthetic
posts have no such heading.) It also records the navigation, the Markdown extensions and
every file that is not a page, and the files the plugin writes in `on_post_build` (its
feeds, found as the files that appear in the site directory during that event, less the
search index, which the floor's search plugin writes itself). `on_post_build` writes it
all to `DUMP` next to the config file. Nothing here changes the build.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Link, Section

DUMP = "equivalent-dump.json"
# Page meta the theme reads (Material; its search indexes `tags`): the rest is the plugin's (head tags, feeds).
THEME_KEYS = ("title", "description", "search", "tags", "hide", "template", "icon", "status", "subtitle")

_state: dict[str, Any] = {}


def _reset() -> None:
    _state.clear()
    _state.update(pages={}, before={}, page_objects={}, nav=[], files={}, config={}, heads={}, written=set())


@event_priority(-100)
def on_config(config):
    _reset()
    _state["config"] = {
        "markdown_extensions": list(config.markdown_extensions),
        "mdx_configs": dict(config.mdx_configs),
        "extra_css": [str(one) for one in config.extra_css],
        "extra_javascript": [str(one) for one in config.extra_javascript],
    }
    return config


@event_priority(-100)
def on_files(files, config):
    """Every file that is not a page, the plugin's included (numeco.css, numeco.js), by its source path."""
    docs = Path(config.docs_dir).resolve()
    for file in files:
        theirs = file.generated_by is None and (file.src_dir is None or Path(file.src_dir).resolve() != docs)
        if not file.is_documentation_page() and not theirs:  # the theme's files come with the theme
            _state["files"][file.src_uri] = base64.b64encode(file.content_bytes).decode("ascii")
    return files


@event_priority(-100)
def on_nav(nav, config, files):
    _state["nav"] = _nav_items(nav.items)
    return nav


def _nav_items(items: list) -> list:
    """The navigation as an explicit `nav:`; pages by path, so their title comes from their front matter."""
    found: list = []
    for item in items:
        if isinstance(item, Section):
            found.append({item.title: _nav_items(item.children)})
        elif isinstance(item, Link):
            found.append({item.title: item.url})
        else:
            found.append(item.file.src_uri)
    return found


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    _state["pages"][page.file.src_uri] = {"markdown": markdown}
    _state["page_objects"][page.file.src_uri] = page


@event_priority(100)
def _before_content(html, page, config, files):
    _state["before"][page.file.src_uri] = html


@event_priority(-100)
def _after_content(html, page, config, files):
    before = _state["before"].pop(page.file.src_uri)
    record = _state["pages"][page.file.src_uri]
    at = html.find(before) if before else -1
    if at < 0:  # a generated page: its placeholder became the listing; all of it is the plugin's
        record.update(markdown="", inserted_before=html, inserted_after="")
    else:
        record.update(inserted_before=html[:at], inserted_after=html[at + len(before) :])


on_page_content = CombinedEvent(_before_content, _after_content)

HEAD_END = "</head>"


@event_priority(100)
def _before_post_page(output, page, config):
    _state["heads"][page.file.src_uri] = output[: output.find(HEAD_END)]


@event_priority(-100)
def _after_post_page(output, page, config):
    """What the plugin put before `</head>`: the head after it, less the head before it."""
    before = _state["heads"].pop(page.file.src_uri)
    after = output[: output.find(HEAD_END)]
    if not after.startswith(before):
        raise RuntimeError(f"equivalent_hook: the plugin changed the head of {page.file.src_uri}, not only added to it")
    _state["pages"][page.file.src_uri]["head"] = after[len(before) :]


on_post_page = CombinedEvent(_before_post_page, _after_post_page)


def _site_files(site_dir: str) -> set[str]:
    root = Path(site_dir)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


@event_priority(100)
def _before_post_build(config):
    _state["written"] = _site_files(config.site_dir)


@event_priority(-100)
def _after_post_build(config):
    fill = getattr(config.plugins["numeco"].site, "fill_excerpts", None)
    if fill is None:
        raise RuntimeError("equivalent_hook: the plugin has no SiteBuild.fill_excerpts(html, page) any more")
    for src_uri, record in _state["pages"].items():
        page = _state["page_objects"][src_uri]
        for key in ("inserted_before", "inserted_after"):
            record[key] = fill(record.get(key, ""), page)  # as the plugin's on_post_page fills the cards
        meta = {key: page.meta[key] for key in THEME_KEYS if key in page.meta}
        if "title" in meta:
            meta["title"] = page.title
        record["meta"] = meta
    for path in sorted(_site_files(config.site_dir) - _state["written"]):
        if not path.startswith("search/"):  # the floor's own search plugin writes its index
            _state["files"][path] = base64.b64encode((Path(config.site_dir) / path).read_bytes()).decode("ascii")
    dump = {key: _state[key] for key in ("config", "nav", "files", "pages")}
    target = Path(config.config_file_path).parent / DUMP
    target.write_text(json.dumps(dump, ensure_ascii=False, default=str), "utf-8")


on_post_build = CombinedEvent(_before_post_build, _after_post_build)

"""The equivalent-output floor: the plugin's pages, written as plain Markdown pages, built without the plugin.

One untimed build of the synthetic site with the plugin and the hook of
`equivalent_hook.py` records what the plugin gives MkDocs; from that record this
module writes `docs-equivalent/` and `mkdocs-equivalent.yml`:

- every page at its own source path (so the same URLs, the same `index.html`), with
  the front matter the theme reads (title, description, `search: exclude`), then the
  HTML the plugin inserts before the content, the Markdown the plugin hands MkDocs
  (shortcodes converted), and the HTML it inserts after. Mode `splice` (the default):
  the HTML parts are cut off before Markdown runs and joined to the page's HTML after
  it by the one small hook of `equivalent_splice.py`, as the plugin joins them, so
  Markdown converts exactly what it converts in the plugin's build. The same hook puts
  the tags the plugin adds to the `<head>` (Open Graph, JSON-LD, feed links) back before
  `</head>`. Mode `markdown`: the HTML parts are raw HTML blocks of the Markdown (the hook
  only does the head); Python-Markdown
  then parses HTML the plugin never makes it parse, which makes this floor slower
  than the plugin's own pipeline would be (a floor too high, a ratio too kind);
- a generated page (listing, tag, series…) as a plain page holding its rendered HTML,
  card excerpts filled;
- every other file (images, numeco.css and numeco.js) copied to its path, and the files
  the plugin writes at the end of its build (feeds) as static files at their paths: the
  floor writes the same files as the plugin;
- the same Markdown extensions, extra CSS and JavaScript as the plugin build has after
  its `on_config`, and its navigation as an explicit `nav:`.

What is left out is the plugin's own cost: reading the posts, converting, rendering,
making the head tags and the feeds, filling excerpts.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from builds import child_env
from equivalent_hook import DUMP
from equivalent_splice import HEAD_MARK, MARK
from synthetic import SyntheticSite, config_text

HOOK = Path(__file__).resolve().parent / "equivalent_hook.py"
SPLICE = Path(__file__).resolve().parent / "equivalent_splice.py"
DOCS = "docs-equivalent"
MODES = ("splice", "markdown")


def write_equivalent(site: SyntheticSite, mode: str = "splice") -> Path:
    """Build the site once with the plugin and the recording hook, then write the floor; its config."""
    record = dump(site)
    docs = site.root / DOCS
    shutil.rmtree(docs, ignore_errors=True)
    for src_uri, encoded in record["files"].items():
        _write(docs / src_uri, base64.b64decode(encoded))
    for src_uri, page in record["pages"].items():
        _write(docs / src_uri, page_source(page, mode).encode("utf-8"))
    settings = record["config"]
    extensions = [_extension(name, settings["mdx_configs"]) for name in settings["markdown_extensions"]]
    rest = yaml.safe_dump(
        {
            "markdown_extensions": extensions,
            "plugins": ["search"],
            "extra_css": settings["extra_css"],
            "extra_javascript": settings["extra_javascript"],
            "nav": record["nav"],
            "hooks": [str(SPLICE)],
        },
        allow_unicode=True,
        sort_keys=False,
    )
    config = site.config("equivalent")
    config.write_text(config_text(site, "equivalent", rest, docs_dir=DOCS), "utf-8")
    return config


def dump(site: SyntheticSite) -> dict:
    """Build the plugin's config plus the hook (untimed); what the hook recorded."""
    plugin = site.config("plugin").read_text("utf-8")
    config = site.root / "mkdocs-dump.yml"
    config.write_text(
        plugin.replace("site_dir: site-plugin", "site_dir: site-dump") + f"hooks:\n  - {json.dumps(str(HOOK))}\n",
        "utf-8",
    )
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    done = subprocess.run(command, cwd=site.root, env=child_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the recording build of {site.posts} posts failed:\n{done.stderr[-3000:]}")
    shutil.rmtree(site.root / "site-dump", ignore_errors=True)
    return json.loads((site.root / DUMP).read_text("utf-8"))


def page_source(page: dict, mode: str = "splice") -> str:
    """One page of the floor: theme front matter, inserted HTML, the plugin's Markdown, inserted HTML."""
    front = yaml.safe_dump(page["meta"], allow_unicode=True, sort_keys=False) if page["meta"] else ""
    head = f"---\n{front}---\n" if front else ""
    before, markdown, after = page["inserted_before"], page["markdown"], page["inserted_after"]
    in_head = f"{HEAD_MARK}{page['head']}" if page.get("head") else ""
    if mode == "splice":
        return f"{head}{before}{MARK}{markdown}{MARK}{after}{in_head}"
    # Raw HTML blocks: each part a block of its own, blank lines around it.
    parts = [head, before.strip("\n"), markdown, after.strip("\n")]
    return "\n\n".join(part for part in parts if part.strip()) + "\n" + in_head


def _extension(name: str, configs: dict) -> str | dict:
    return {name: configs[name]} if configs.get(name) else name


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)

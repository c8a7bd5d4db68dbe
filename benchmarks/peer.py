"""The peer: the same posts published with Material for MkDocs' own `blog` and `tags` plugins.

What a user would pick instead of the plugin. Each post goes to `blog/posts/` with
its front matter adapted to the blog: title, description, date and tags kept, the
series as the post's category, `slug` set to the file name (URL `blog/post-00001/`),
Eleventy's `layout` dropped (the `image` dict is kept: the blog ignores keys it does
not know). The shortcodes stay as text: the blog does not know them. A `<!-- more -->`
separator is put after the description, before the transcript, so that listing
pages show an excerpt as our cards do (without one the blog would show every post
in full on its listings). Pagination: 10 posts per page, as ours.
"""

from __future__ import annotations

import shutil

import yaml
from synthetic import EXTENSIONS, SyntheticSite, config_text, post_name, post_source

DOCS = "docs-peer"
PER_PAGE = 10  # the plugin's default `listing.per_page`
SEPARATOR = "<!-- more -->"


def write_peer(site: SyntheticSite) -> None:
    """Write `docs-peer/` and `mkdocs-peer.yml` next to the synthetic site."""
    docs = site.root / DOCS
    shutil.rmtree(docs, ignore_errors=True)
    (docs / "blog" / "posts").mkdir(parents=True)
    shutil.copytree(site.docs / "images", docs / "images")
    shutil.copy(site.docs / "index.md", docs / "index.md")
    (docs / "blog" / "index.md").write_text("# Actualités\n", "utf-8")
    (docs / "tags.md").write_text("# Étiquettes\n\n<!-- material/tags -->\n", "utf-8")
    for number in range(1, site.posts + 1):
        (docs / "blog" / "posts" / post_name(number)).write_text(peer_source(number), "utf-8")
    settings = {
        "markdown_extensions": list(EXTENSIONS),
        "plugins": [
            "search",
            {"blog": {"post_url_format": "{slug}", "pagination_per_page": PER_PAGE}},
            "tags",
        ],
    }
    rest = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    site.config("peer").write_text(config_text(site, "peer", rest, docs_dir=DOCS), "utf-8")


def peer_source(number: int) -> str:
    """Post `number` with its front matter as Material's blog reads it."""
    source = post_source(number)
    _, front, body = source.split("---\n", 2)
    meta = yaml.safe_load(front)
    adapted = {key: meta[key] for key in ("title", "description", "date", "tags", "image") if key in meta}
    adapted["slug"] = post_name(number).removesuffix(".md")
    if meta.get("series"):
        adapted["categories"] = [meta["series"]]
    body = body.replace("\n<!-- transcription-->", f"\n{SEPARATOR}\n\n<!-- transcription-->", 1)
    return f"---\n{yaml.safe_dump(adapted, allow_unicode=True, sort_keys=False)}---\n{body}"


def post_page(number: int) -> str:
    """Where the peer writes post `number`, under its site directory."""
    return f"blog/{post_name(number).removesuffix('.md')}/index.html"

"""The equivalent-output floor's only hook: put the plugin's HTML back where the plugin put it, as text.

A page of the floor (`equivalent.py`, mode `splice`) is written as: front matter, the
HTML the plugin inserts before the content, `MARK`, the Markdown the plugin hands
MkDocs, `MARK`, the HTML it inserts after. This hook cuts the two HTML parts off
before Markdown runs and joins them to the page's HTML after it, with the same
string concatenation the plugin does; so MkDocs converts exactly the plugin's
Markdown and no HTML that the plugin adds after the conversion. Its cost is two
string splits and one join per page.
"""

from __future__ import annotations

MARK = "<!--numeco-equivalent-splice-->"

_parts: dict[str, tuple[str, str]] = {}


def on_page_markdown(markdown, page, config, files):
    if MARK not in markdown:
        return markdown
    before, rest = markdown.split(MARK, 1)
    body, after = rest.rsplit(MARK, 1)
    _parts[page.file.src_uri] = (before, after)
    return body


def on_page_content(html, page, config, files):
    found = _parts.pop(page.file.src_uri, None)
    if found is None:
        return html
    before, after = found
    return f"{before}{html}{after}"

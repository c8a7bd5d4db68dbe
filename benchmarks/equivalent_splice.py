"""The equivalent-output floor's only hook: put the plugin's HTML back where the plugin put it, as text.

A page of the floor (`equivalent.py`, mode `splice`) is written as: front matter, the
HTML the plugin inserts before the content, `MARK`, the Markdown the plugin hands
MkDocs, `MARK`, the HTML it inserts after, then `HEAD_MARK` and what the plugin adds to
the page's `<head>`. This hook cuts the HTML parts off before Markdown runs, joins the
first two to the page's HTML after it, with the same string concatenation the plugin
does, and puts the head part before `</head>` of the finished page, as the plugin does;
so MkDocs converts exactly the plugin's Markdown and no HTML that the plugin adds after
the conversion. (Mode `markdown` writes only the head part behind a mark; the rest is
left to Markdown.) Its cost is a few string splits and two joins per page.
"""

from __future__ import annotations

MARK = "<!--numeco-equivalent-splice-->"
HEAD_MARK = "<!--numeco-equivalent-head-->"

_parts: dict[str, tuple[str, str]] = {}
_heads: dict[str, str] = {}


def on_page_markdown(markdown, page, config, files):
    if HEAD_MARK in markdown:
        markdown, _heads[page.file.src_uri] = markdown.rsplit(HEAD_MARK, 1)
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


def on_post_page(output, page, config):
    head = _heads.pop(page.file.src_uri, "")
    at = output.find("</head>")
    if not head or at < 0:
        return output
    return f"{output[:at]}{head}{output[at:]}"

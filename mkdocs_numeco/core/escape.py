"""Escaping: the one home of everything that writes author text into HTML, Markdown, a comment or a script.

Jinja templates (`render.py`) escape with autoescape; everything built in Python escapes with these.
"""

from __future__ import annotations

import html
import json
import re
import string
from typing import Any

# Braces are written as character references so that nothing we emit can be
# read again as a Nunjucks tag (converting our own output is a no-op), nor as
# Jinja by mkdocs-macros when it renders the page after us.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
# Values also lose what could change the Markdown around them when they are
# interpolated in text: a backtick opens a code span, a newline a new block.
_VALUE = str.maketrans({"{": "&#123;", "}": "&#125;", "`": "&#96;", "\n": "&#10;", "\r": "&#13;"})
# In a comment, `<` and `>` are all that could end it early (`-->`, `--!>`) or
# open a nested one (`<!--`); `{` is all Jinja needs to see a tag, and a `}` left in
# a comment could close a `{{` the author typed before it. Character
# references are not decoded in comments, so this costs nothing but looks.
_COMMENT = str.maketrans({"<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})
# In a link destination, character references would reach the URL as typed: percent-encoding instead.
_URL = str.maketrans({char: f"%{ord(char):02X}" for char in " \t\n\r()<>\"'\\`{}[]|"})
# Text inserted into Markdown (a front-matter value in `{{ title }}`, a link's words) must not be
# read as Markdown: every ASCII punctuation character that Markdown or a usual extension reads
# (links, emphasis, code, headings, lists, table cells, attribute lists, emoji, math, mentions,
# HTML) becomes a character reference, which the reader sees as the character itself. Line breaks
# and tabs too: the value stays on its line and can't start a block. `,;?/%` mean nothing.
_MARKDOWN = str.maketrans(
    {char: f"&#{ord(char)};" for char in "!\"#$&'()*+-.:<=>@[\\]^_`{|}~"} | {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


# `html.escape(quote=True)` and `_VALUE` in one pass: none of them makes a character another one maps.
_HTML_VALUE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"} | _VALUE)
# Any character `_HTML_VALUE` changes: most values have none, and a search is 5-20x cheaper than `translate`
# (which looks every character of a non-ASCII text up in the table).
_HTML_SPECIAL = re.compile(f"[{re.escape(''.join(map(chr, _HTML_VALUE)))}]")


def esc(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    text = value if type(value) is str else str(value)
    return text.translate(_HTML_VALUE) if _HTML_SPECIAL.search(text) else text


def text_in_markdown(value: object) -> str:
    """Any value as plain text in Markdown: it can create no link, cell, heading, list, emphasis or tag.

    Spaces at either end are character references too: four at the start of a
    line would open a code block, two at its end a line break.
    """
    text = str(value).translate(_MARKDOWN)
    core = text.strip(" ")
    if core == text:
        return text
    lead = len(text) - len(text.lstrip(" "))
    return "&#32;" * lead + core + "&#32;" * (len(text) - lead - len(core))


def url_in_markdown(value: object) -> str:
    """Any value as a Markdown link destination (`![image]({{ image }})`): it can't end the link or the line.

    What would close the destination, start a title, a cell or a tag is
    percent-encoded, which keeps the URL meaning the same.
    """
    return str(value).translate(_URL)


def literal_braces(text: str) -> str:
    """Author text shown exactly as typed, with braces that no template engine will read."""
    return text.translate(_BRACES)


def comment(text: str) -> str:
    """Wrap author text in an HTML comment that is always a valid, inert comment."""
    return f"<!-- {text.translate(_COMMENT)} -->"


# Themes print some page-meta values raw (Material: `<title>`, the header, the nav, the description
# meta). `<`, `>` and `"` become character references; `&` stays, so that ordinary titles reach other
# plugins unchanged.
_PRINTED_RAW = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;"})
# In a <script>, `</script`, `<!--` and `-->` would end or confuse the element;
# JSON allows these characters as \u escapes, which every parser reads back.
# (`str.replace` per character, not `str.translate`: a mapping to several characters makes `translate` look up
# every character of the text in Python, 25x slower on a transcript.)
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def printed_raw(value: object) -> str:
    """A value a theme prints without escaping (a list or a number as its text): it can neither open a tag nor
    leave an attribute."""
    return (value if isinstance(value, str) else str(value)).translate(_PRINTED_RAW)


def json_in_script(data: Any) -> str:
    """`data` as compact JSON that can sit inside a `<script>` element without ending it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, reference in _SCRIPT_SAFE:
        text = text.replace(char, reference)  # the references hold none of the three characters
    return text


def literal_line(text: str) -> str:
    """Text that Markdown shows as it is, on one line (a generated page's heading): punctuation as character
    references."""
    flat = " ".join(html.escape(text, quote=False).split())
    return "".join(f"&#{ord(c)};" if c in string.punctuation and c not in "&;#" else c for c in flat)

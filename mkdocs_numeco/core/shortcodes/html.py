"""Escaping helpers shared by everything that writes HTML into a page."""

from __future__ import annotations

import html

# Braces are written as character references so that nothing we emit can be
# read again as a Nunjucks tag (converting our own output is a no-op), nor as
# Jinja by mkdocs-macros when it renders the page after us.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
# Values also lose what could change the Markdown around them when they are
# interpolated in text: a backtick opens a code span, a newline a new block.
_VALUE = str.maketrans({"{": "&#123;", "}": "&#125;", "`": "&#96;", "\n": "&#10;", "\r": "&#13;"})
# In a comment, `<` and `>` are all that could end it early (`-->`, `--!>`) or
# open a nested one (`<!--`); `{` is all Jinja needs to see a tag, and `}` what
# would close one that the author left open before the comment (`{{ a(` then
# our `<!-- {{}} -->` would read as one expression the next time). Character
# references are not decoded in comments, so this costs nothing but looks.
_COMMENT = str.maketrans({"<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})


def esc(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return html.escape(str(value), quote=True).translate(_VALUE)


def literal_braces(text: str) -> str:
    """Author text shown exactly as typed, with braces that no template engine will read."""
    return text.translate(_BRACES)


def comment(text: str) -> str:
    """Wrap author text in an HTML comment that is always a valid, inert comment."""
    return f"<!-- {text.translate(_COMMENT)} -->"

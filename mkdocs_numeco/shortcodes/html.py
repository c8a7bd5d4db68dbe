"""Escaping helpers shared by everything that writes HTML into a page."""

from __future__ import annotations

import html

# Braces are written as character references so that nothing we emit can be
# read again as a Nunjucks tag: converting our own output is a no-op.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def esc(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return html.escape(str(value), quote=True).translate(_BRACES)


def comment(text: str) -> str:
    """Wrap author text in an HTML comment that stays a valid comment."""
    body = text.replace("--", "- -").replace("<!-", "< !-").replace("--!>", "- -!>")
    if body.startswith(">") or body.startswith("->"):
        body = " " + body
    if body.endswith("-"):
        body = body + " "
    return f"<!-- {body} -->"

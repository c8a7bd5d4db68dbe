"""What every shortcode handler returns, and the small readers they share.

A handler is `handler(page, index, token) -> Outcome`: it receives the page
being converted (`convert.Converter`: its context, labels, the plans made
before the tokens are handled, `problem()` to report an author mistake) and
one token, and says what the token becomes and what the check command shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ...escape import comment
from ..scanner import Token

if TYPE_CHECKING:
    from ..convert import Converter

# What became of a construct, as the check command lists it.
CONVERTED = "converted"  # replaced by its Material markup
UPGRADED = "upgraded"  # a raw player made a click-to-load facade
KEPT = "kept"  # left as written, on purpose
UNSUPPORTED = "unsupported"  # left out as an HTML comment, or shown unconverted
UNLISTED = ""  # not a construct of its own: code, or a closing line listed with its opening one

VARIABLE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


@dataclass(frozen=True)
class Outcome:
    """What a token becomes in the page, and what the check command says about it.

    `name` is how the check command names the construct; None means the
    token's own name (the tag's name, the variable, the container's name).
    """

    text: str
    status: str
    name: str | None = None


Handler = Callable[["Converter", int, Token], Outcome]


def kept(token: Token, name: str | None = None) -> Outcome:
    """The token as written."""
    return Outcome(token.raw, KEPT, name)


def left_out(token: Token, name: str | None = None) -> Outcome:
    """The token as an inert HTML comment: the author sees it in the source, the reader doesn't."""
    return Outcome(comment(token.raw), UNSUPPORTED, name)


def poster_of(page: Converter) -> dict[str, Any]:
    """The poster's responsive picture for the next facade; lazy but for the page's first poster (above the fold)."""
    return {"picture": page.ctx.poster_picture, "lazy": page.videos_seen > 0}


def block(html: str) -> str:
    """HTML set apart by blank lines, so Markdown reads it as a block of its own."""
    return f"\n\n{html}\n\n"


def lookup(variables: Mapping[str, Any], dotted: str) -> tuple[bool, Any]:
    """A front-matter value by its dotted name: `(found, value)`."""
    value: Any = variables
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return False, None
        value = value[part]
    return True, value


def argument(page: Converter, token: Token) -> str | None:
    """The first argument: a quoted string, or a front-matter variable named without quotes."""
    if token.args:
        return token.args[0]
    if token.bare and VARIABLE.fullmatch(token.bare[0]):
        found, value = lookup(page.ctx.variables, token.bare[0])
        if found and isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
    return None


def display(value: Any) -> str:
    """How a front-matter value reads when interpolated: `{path, alt}` images give their path."""
    if isinstance(value, Mapping):
        return str(value.get("path") or value.get("src") or "")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(display(item) for item in value)
    return "" if value is None else str(value)


def excerpt(raw: str, limit: int = 60) -> str:
    """A tag as quoted in a warning: on one line, shortened."""
    text = " ".join(raw.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def quoted(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")

"""A construct that makes an HTML block, inside a list item, a blockquote, a table or an indented block.

An HTML block there would break the structure around it: a raw player stays
as written (an inline element), a video shortcode becomes a link to the video,
anything else is shown as text, with a warning saying where to move it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...escape import literal_braces
from ..scanner import BLOCKQUOTE, INDENTED, LIST_ITEM, TABLE, Token
from ..video import PROVIDERS, Video, render_link
from .base import CONVERTED, UNSUPPORTED, Outcome, excerpt, left_out
from .iframe import kept_iframe
from .video import timing, title_of, video_id

if TYPE_CHECKING:
    from ..convert import Converter

# Where a token sits, as a warning names it: (in what, outside what).
PLACES = {
    LIST_ITEM: ("a list item", "the list"),
    BLOCKQUOTE: ("a blockquote", "the quote"),
    TABLE: ("a table", "the table"),
    INDENTED: ("an indented block (admonition, collapsible block or tab)", "the indented block"),
}
# Kinds that become an HTML block (with our shortcode tags).
BLOCK_KINDS = frozenset({"iframe", "component", "grid", "container"})


def makes_a_block(token: Token, shortcodes: frozenset[str]) -> bool:
    return token.kind in BLOCK_KINDS or (token.kind == "tag" and token.name in shortcodes)


def in_context(page: Converter, index: int, token: Token) -> Outcome:
    where, outside = PLACES[token.context]
    if token.kind == "iframe":
        return kept_iframe(page, token)  # the author's player, as written: an inline element keeps the structure
    if token.kind == "tag" and token.name in PROVIDERS:
        return _video_link(page, token, where, outside)
    what = {
        "tag": f"{{% {token.name} %}}",
        "container": excerpt(token.raw),
        "component": "this card",
        "grid": "this grid of cards",
    }[token.kind]
    block = {"tag": "a transcript", "container": "a box"}.get(token.kind, "a card")
    block = "a list of posts" if token.kind == "tag" and token.name == "posts" else block
    page.problem(
        token,
        f"{what} is inside {where}, where {block} can't go without breaking {outside}: it is shown as text;"
        f" put it on a line of its own outside {outside}",
    )
    return Outcome(token.raw if token.kind == "container" else literal_braces(token.raw), UNSUPPORTED)


def _video_link(page: Converter, token: Token, where: str, outside: str) -> Outcome:
    """A video shortcode in a list, quote or table: a link to the video on the provider's site."""
    provider = PROVIDERS[token.name]
    found_id = video_id(page, token)
    if found_id is None:
        return left_out(token)
    start, duration = timing(page, token)
    found = Video(provider, found_id, title_of(page, token, provider), "", token.line, start=start, duration=duration)
    page.problem(
        token,
        f"{{% {token.name} %}} is inside {where}, where a player can't go without breaking {outside}: it is"
        f" shown as a link to the video on {provider.label}; to show the player, put the shortcode on a line of"
        f" its own outside {outside}",
    )
    return Outcome(render_link(found, page.labels, renderer=page.ctx.renderer), CONVERTED)

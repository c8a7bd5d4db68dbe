"""One handler per kind of construct, and the table that picks it.

Adding a shortcode is adding a handler (a module here, `handler(page, index,
token) -> Outcome`), one line in `BY_TAG` or `BY_KIND`, and its test file
(tests/core/shortcodes/test_handler_<kind>.py).
"""

from __future__ import annotations

from ..scanner import Token
from ..video import PROVIDERS
from . import cards, container, context, iframe, nunjucks, posts, transcript, video
from .base import Handler, Outcome

TRANSCRIPT, END_TRANSCRIPT = "transcription", "endtranscription"
# Our shortcodes, as the check command tells them from Nunjucks logic.
SHORTCODES = frozenset(PROVIDERS) | {TRANSCRIPT, END_TRANSCRIPT, posts.POSTS}

# `{% name … %}` tags, by name; any other tag is Nunjucks that can't run here.
BY_TAG: dict[str, Handler] = {
    **dict.fromkeys(PROVIDERS, video.video),
    TRANSCRIPT: transcript.opening,
    END_TRANSCRIPT: transcript.closing,
    posts.POSTS: posts.posts,
    "from": cards.card_import,  # the import the cards need; any other `from` is Nunjucks
}
# Every other token, by the kind the scanner gives it.
BY_KIND: dict[str, Handler] = {
    "code": nunjucks.code,
    "comment": nunjucks.comment,
    "expr": nunjucks.expression,
    "iframe": iframe.iframe,
    "component": cards.cards,
    "grid": cards.cards,
    "container": container.container,
    "fence": nunjucks.unclosed_fence,
}


def handler_for(token: Token) -> Handler:
    """The handler of `token`: by tag name for tags, else by kind; in a list, quote or table, `in_context`."""
    if token.context and context.makes_a_block(token, SHORTCODES):
        return context.in_context
    if token.kind == "tag":
        return BY_TAG.get(token.name, nunjucks.tag)
    return BY_KIND[token.kind]


__all__ = ["BY_KIND", "BY_TAG", "SHORTCODES", "Handler", "Outcome", "handler_for"]

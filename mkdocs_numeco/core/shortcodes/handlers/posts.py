"""`{% posts tag="…" series="…" limit=3 %}`: the newest matching posts as the listing's cards (`core/postlists.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...postlists import EXAMPLE, read_query
from ..scanner import Token, keyword_args
from .base import CONVERTED, UNSUPPORTED, Outcome, block, left_out

if TYPE_CHECKING:
    from ..convert import Converter

POSTS = "posts"


def posts(page: Converter, index: int, token: Token) -> Outcome:
    query, problems = read_query(*keyword_args(token.source))
    for message in problems:
        page.problem(token, message)
    lists = page.ctx.post_lists
    if lists is None:
        page.problem(
            token,
            "{% posts %} needs the index of every post, which only the MkDocs plugin has (not the Markdown"
            " extension): it is left out as an HTML comment; link to the listing page instead",
        )
        return left_out(token)
    found, why = lists.index.select(query)
    if why:
        page.problem(token, f"{why}: the list shows that there is none; check the spelling, as in {EXAMPLE}")
    html = lists.renderer.markup("posts_list.html", posts=found, link=lists.link)
    if token.html_block:
        return Outcome(html, CONVERTED if not why else UNSUPPORTED)  # no blank lines: they would end the block
    return Outcome(block(html), CONVERTED if not why else UNSUPPORTED)

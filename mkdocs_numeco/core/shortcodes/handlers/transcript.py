"""`{% transcription "Speaker" %}` … `{% endtranscription %}`: a collapsible transcript."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scanner import Token
from ..transcript import render_close, render_open
from .base import CONVERTED, Outcome, argument, block, left_out

if TYPE_CHECKING:
    from ..convert import Converter


def opening(page: Converter, index: int, token: Token) -> Outcome:
    dom_id = page.open_ids.get(index)
    if dom_id is None:
        page.problem(
            token,
            "{% transcription %} is never closed: add {% endtranscription %} where the transcript ends;"
            " until then the text after it is shown as ordinary text",
        )
        return left_out(token)
    speaker = argument(page, token)
    if speaker is None and token.bare:
        speaker = " ".join(token.bare)  # shown as written: it is what the author meant
        page.problem(
            token,
            f'{{% transcription %}} takes the speaker\'s name in quotes, as in {{% transcription "{speaker}" %}}: add the quotes',
        )
    html = render_open(
        dom_id,
        (speaker or "").strip() or None,
        page.labels,
        kind=page.ctx.transcript_kind,
        is_open=page.ctx.transcript_open,
        renderer=page.ctx.renderer,
    )
    return Outcome(block(html), CONVERTED)


def closing(page: Converter, index: int, token: Token) -> Outcome:
    if index in page.closing:
        return Outcome(block(render_close(renderer=page.ctx.renderer)), CONVERTED)
    page.problem(
        token,
        "{% endtranscription %} has no matching {% transcription %} before it: remove it or add the opening tag",
    )
    return left_out(token)

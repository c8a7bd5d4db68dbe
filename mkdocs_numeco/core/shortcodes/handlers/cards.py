"""DSFR cards: `{{ component("card", {…}) }}`, or a grid row of them, as one Material grid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...escape import comment
from .. import cards as dsfr
from ..scanner import Token
from .base import CONVERTED, UNSUPPORTED, Outcome, block, lookup
from .nunjucks import tag

if TYPE_CHECKING:
    from ..convert import Converter


def cards(page: Converter, index: int, token: Token) -> Outcome:
    calls = dsfr.calls_in(token.raw) if token.kind == "grid" else [(0, token.source)]
    found = [card for offset, call in calls if (card := _card(page, token, offset, call)) is not None]
    name = f"{len(calls)} card" + ("s" if len(calls) > 1 else "")
    status = CONVERTED if found and len(found) == len(calls) else UNSUPPORTED
    if not found:
        return Outcome(comment(token.raw), status, name)
    if token.kind == "component" and token.html_block:
        # no blank lines: they could end the author's HTML block
        return Outcome(dsfr.render_grid(found, html=True, renderer=page.ctx.renderer), status, name)
    return Outcome(block(dsfr.render_grid(found, renderer=page.ctx.renderer)), status, name)


def _card(page: Converter, token: Token, offset: int, call: str) -> Any:
    """The argument of one `component(…)` call, or None with a warning when it can't be a card."""
    try:
        name, argument = dsfr.read_call(call, lambda dotted: lookup(page.ctx.variables, dotted))
        why = None if name == "card" else f"component '{name}' is not supported, only 'card'"
        why = why or dsfr.validate(argument)
    except dsfr.CardError as error:
        why = f"this component call can't be read: {error}"
    line = token.line + offset
    if why is not None:
        page.problem_at(line, f"{why}; the card is left out of the page as an HTML comment until it is fixed")
        return None
    for message in dsfr.refusals(argument):
        page.problem_at(line, message)
    return argument


def card_import(page: Converter, index: int, token: Token) -> Outcome:
    """`{% from "components/component.njk" import component %}`: with the cards converted, it has nothing left to do."""
    if dsfr.IMPORT.match(f"{token.name} {token.source.strip()}"):
        return Outcome(comment(token.raw), CONVERTED)
    return tag(page, index, token)

"""`::: name title` and `:::` lines: Material admonitions, or a warning when they don't pair."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...escape import comment
from .. import containers
from ..scanner import Token
from .base import CONVERTED, UNLISTED, Outcome, block, kept, left_out

if TYPE_CHECKING:
    from ..convert import Converter


def container(page: Converter, index: int, token: Token) -> Outcome:
    fence = page.fences[index]
    name = fence.name or "end"
    if containers.is_foreign(fence):
        return kept(token, name)
    if index in page.unmatched:
        what = (
            f"'::: {fence.name}' is never closed: add a ':::' line where it ends"
            if not fence.closes
            else "this ':::' closes no container: remove it"
        )
        page.problem(token, f"{what}; the line is left out of the page as an HTML comment")
        return left_out(token, name)
    if fence.closes:
        return _closing(page, index, token)
    if fence.name not in containers.ADMONITIONS:
        known = ", ".join(sorted(containers.ADMONITIONS))
        page.problem(
            token,
            f"container '{fence.name}' is not supported (known: {known}): its ':::' lines are left out"
            " as HTML comments and its text is shown as ordinary text; use one of the known names",
        )
        return left_out(token, name)
    why = containers.refusal(fence.name, fence.argument)
    if why is not None:
        page.problem(token, why)
    html = containers.render_open(fence.name, fence.argument, page.labels["accordion"], renderer=page.ctx.renderer)
    return Outcome(f"\n\n{html}\n", CONVERTED, name)


def _closing(page: Converter, index: int, token: Token) -> Outcome:
    """The `:::` that closes a container: listed once, with its opening line."""
    opener = page.fences[page.fence_openers[index]]
    if opener.name not in containers.ADMONITIONS:
        return Outcome(comment(token.raw), UNLISTED)
    return Outcome(block(containers.render_close(opener.name, renderer=page.ctx.renderer)), UNLISTED)

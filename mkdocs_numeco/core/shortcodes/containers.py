"""markdown-it containers of DSFR Eleventy sites (`::: callout Title` … `:::`) as Material admonitions.

The blocks are written as HTML with `markdown="1"` (md_in_html) rather than as
`!!!` admonitions: their content then needs no indentation, so what the author
wrote between the fences is kept as is, and containers nest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import render, urls
from . import fixed

if TYPE_CHECKING:
    from ..render import Renderer

# Container name -> Material admonition type. `error` is Material's `danger`
# (its CSS knows `error` only as an alias); `accordion` is a collapsible block.
ADMONITIONS = {
    "callout": "note",
    "info": "info",
    "warning": "warning",
    "error": "danger",
    "success": "success",
    "quote": "quote",
    "accordion": "note",
}
COLLAPSIBLE = frozenset({"accordion"})


@dataclass(frozen=True)
class Fence:
    """One `:::` line: an opening (with its name and the rest of the line) or a closing."""

    index: int
    name: str
    argument: str

    @property
    def closes(self) -> bool:
        return not self.name and not self.argument.strip()


def is_foreign(fence: Fence) -> bool:
    """A `:::` line that is no container at all: mkdocstrings' `::: package.module`.

    Those are left exactly as written, for the plugin that reads them.
    """
    return bool(fence.name) and fence.argument.startswith(".")


def pair(fences: list[Fence]) -> tuple[dict[int, int], list[int]]:
    """Match openings with closings, innermost first, as markdown-it-container does.

    Returns `(pairs, unmatched)`: opening index -> closing index, and the
    indexes of openings never closed and closings with nothing to close.
    """
    pairs: dict[int, int] = {}
    unmatched: list[int] = []
    stack: list[int] = []
    for fence in fences:
        if is_foreign(fence):
            continue
        if not fence.closes:
            stack.append(fence.index)
        elif stack:
            pairs[stack.pop()] = fence.index
        else:
            unmatched.append(fence.index)
    return pairs, sorted(unmatched + stack)


def render_open(name: str, argument: str, default_summary: str, *, renderer: Renderer | None = None) -> str:
    """The HTML that opens container `name` (`container_open.html`); `argument` is the rest of its `:::` line."""
    refused = refusal(name, argument) is not None
    argument = " ".join(argument.split())
    quote = name == "quote"
    html = (renderer or render.packaged()).markup(
        "container_open.html",
        name=name,
        kind=ADMONITIONS[name],
        collapsible=name in COLLAPSIBLE,
        summary=argument or default_summary,
        # DSFR quotes take the speaker's picture as argument; it is decorative, the text says who speaks.
        # A Markdown image, so that MkDocs resolves a relative path as it does for any other image.
        # A picture the URL policy refuses is left out (`refusal` says why); the quote stays.
        picture=argument if quote and not refused else "",
        title="" if quote else argument,
    )
    return html + "\n"


def refusal(name: str, argument: str) -> str | None:
    """Why the picture of a `::: quote` is left out (the URL policy refuses it), or None."""
    picture = argument.strip()
    if name != "quote" or not picture:
        return None
    return urls.refusal(urls.classify(picture), urls.IMAGE, "quote picture", "the quote is kept without its picture")


def render_close(name: str, *, renderer: Renderer | None = None) -> str:
    """The HTML that closes container `name` (`container_close.html`)."""
    return fixed.markup(
        renderer or render.packaged(), "container_close.html", name=name, collapsible=name in COLLAPSIBLE
    )

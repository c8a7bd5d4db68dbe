"""Transcript markup: a Material-styled collapsible block with an "expand" dialog.

The markup comes from `transcript_open.html` and `transcript_close.html`, which a theme may override.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import render

if TYPE_CHECKING:
    from ..render import Renderer


def render_open(
    dom_id: str,
    speaker: str | None,
    labels: dict[str, str],
    *,
    kind: str,
    is_open: bool,
    renderer: Renderer | None = None,
) -> str:
    """Everything before the author's transcript body.

    The body is wrapped in `markdown="1"` containers (md_in_html), so it may be
    written in HTML paragraphs or in Markdown.
    """
    summary = labels["transcript_of"].format(speaker=speaker) if speaker else labels["transcript"]
    return (renderer or render.packaged()).markup(
        "transcript_open.html",
        dom_id=dom_id,
        speaker=speaker,
        summary=summary,
        labels=labels,
        kind=kind,
        is_open=is_open,
    )


def render_close(*, renderer: Renderer | None = None) -> str:
    """Everything after the author's transcript body."""
    return (renderer or render.packaged()).markup("transcript_close.html")

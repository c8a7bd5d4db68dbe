"""Transcript markup: a Material-styled collapsible block with an "expand" dialog.

The markup comes from `transcript_open.html` and `transcript_close.html`, which a theme may override.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .. import render
from . import fixed
from .timecodes import Stamp, mark, stamps

if TYPE_CHECKING:
    from ..render import Renderer
    from .video import Video


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
    return fixed.markup(renderer or render.packaged(), "transcript_close.html")


def render_seek(video: Video, stamp: Stamp, labels: Mapping[str, str], *, renderer: Renderer | None = None) -> str:
    """A transcript timestamp made a control that plays `video` from there (`seek.html`); its text is kept."""
    return (renderer or render.packaged()).markup(
        "seek.html",
        video=video,
        stamp=stamp,
        watch=video.watch_at(stamp.seconds),
        embed=video.embed_at(stamp.seconds),
        watch_label=labels["watch_at"].format(provider=video.provider.label, time=stamp.text),
        play_label=labels["play_at"].format(time=stamp.text),
    )


def seek_links(
    text: str,
    video: Video,
    labels: Mapping[str, str],
    *,
    at_line_start: bool,
    duration: int | None = None,
    renderer: Renderer | None = None,
) -> str:
    """Transcript text whose lines that open with a timestamp (`timecodes.stamps`) start `video` there."""
    found = stamps(text, at_line_start=at_line_start, duration=duration)
    if not found:
        return text
    return mark(text, found, lambda stamp: render_seek(video, stamp, labels, renderer=renderer))

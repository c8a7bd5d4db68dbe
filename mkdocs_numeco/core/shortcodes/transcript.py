"""Transcript markup: a Material-styled collapsible block with an "expand" dialog."""

from __future__ import annotations

from .html import esc


def render_open(dom_id: str, speaker: str | None, labels: dict[str, str], *, kind: str, is_open: bool) -> str:
    """Everything before the author's transcript body.

    The body is wrapped in `markdown="1"` containers (md_in_html), so it may be
    written in HTML paragraphs or in Markdown.
    """
    summary = labels["transcript_of"].format(speaker=speaker) if speaker else labels["transcript"]
    open_attr = " open" if is_open else ""
    return (
        f'<details class="numeco-transcript {esc(kind)}" id="{dom_id}"{open_attr} markdown="1">\n'
        f'<summary id="{dom_id}-title">{esc(summary)}</summary>\n'
        f'<p class="numeco-transcript__actions"><button type="button" class="numeco-transcript__expand"'
        f' aria-haspopup="dialog" aria-describedby="{dom_id}-title" data-close-label="{esc(labels["close"])}">'
        f"{esc(labels['expand'])}</button></p>\n"
        f'<div class="numeco-transcript__body" markdown="1">'
    )


CLOSE = "</div>\n</details>"

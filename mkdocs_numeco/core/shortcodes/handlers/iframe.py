"""A raw `<iframe>`: a known provider's player, or any other page, becomes a click-to-load facade."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import iframes
from ..scanner import Token
from ..video import render_facade, render_transcript_link
from .base import UPGRADED, Outcome, block, kept, left_out

if TYPE_CHECKING:
    from ..convert import Converter


def iframe(page: Converter, index: int, token: Token) -> Outcome:
    name = iframes.describe(token.raw)
    upgraded = _upgraded(page, token)
    if upgraded is not None:
        return Outcome(upgraded, UPGRADED, name)
    return kept_iframe(page, token)


def kept_iframe(page: Converter, token: Token) -> Outcome:
    """An iframe that stays as written, unless the URL policy refuses its `src`."""
    name = iframes.describe(token.raw)
    why = iframes.refusal(token.raw)
    if why is None:
        return kept(token, name)
    page.problem(token, why)
    return left_out(token, name)


def _upgraded(page: Converter, token: Token) -> str | None:
    """The click-to-load facade for any iframe: a known provider's player, else the page of any host.

    None leaves the iframe as written (upgrades off, `iframe` mode, or a `src` the URL policy refuses).
    """
    if not page.ctx.upgrade_iframes or page.ctx.embed == "iframe":
        return None  # in `iframe` mode the author's player is already what we would write
    fallback = page.ctx.title or page.labels["video"]
    dom_id = page.next_video_id()
    video = iframes.upgrade(token.raw, fallback, dom_id, token.line) or iframes.generic(
        token.raw, fallback, dom_id, token.line
    )
    if video is None:
        return None
    video = replace(video, title=page.distinct_title(video.title))
    page.result.videos.append(video)
    if video.provider.kind == "embed":  # a map, a form: not the post's video, so neither its poster nor a transcript
        return block(
            render_facade(video, page.labels, None, "", renderer=page.ctx.renderer, remember=page.ctx.remember_consent)
        )
    html = render_facade(
        video,
        page.labels,
        page.ctx.poster,
        page.ctx.poster_alt,
        renderer=page.ctx.renderer,
        remember=page.ctx.remember_consent,
    )
    transcript_id = page.transcript_link()
    if transcript_id:
        html += "\n" + render_transcript_link(transcript_id, page.labels, renderer=page.ctx.renderer)
    page.videos_seen += 1
    return block(html)

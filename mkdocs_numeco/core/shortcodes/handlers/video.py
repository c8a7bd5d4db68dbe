"""`{% youtube "ID" %}`, `{% dailymotion "ID" %}`, `{% vimeo "ID" %}`: a click-to-load player (or an iframe)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scanner import Token
from ..video import PROVIDERS, Provider, Video, render_facade, render_iframe, render_transcript_link
from .base import CONVERTED, Outcome, argument, block, left_out, quoted

if TYPE_CHECKING:
    from ..convert import Converter


def video(page: Converter, index: int, token: Token) -> Outcome:
    provider = PROVIDERS[token.name]
    found_id = video_id(page, token)
    if found_id is None:
        return left_out(token)
    title = token.args[1] if len(token.args) > 1 and token.args[1].strip() else default_title(page, provider)
    title = page.distinct_title(title)
    found = Video(provider, found_id, title, page.next_video_id(), token.line)
    page.result.videos.append(found)
    if page.ctx.embed == "iframe":
        html = render_iframe(found, page.labels, renderer=page.ctx.renderer)
    else:
        html = render_facade(
            found,
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
    return Outcome(block(html), CONVERTED)


def default_title(page: Converter, provider: Provider) -> str:
    return page.ctx.title or f"{page.labels['video']} {provider.label}"


def video_id(page: Converter, token: Token) -> str | None:
    """The shortcode's video id, or None with a warning when there is no valid one."""
    provider = PROVIDERS[token.name]
    value = argument(page, token)
    unquoted = value is None and bool(token.bare)
    if unquoted:  # Eleventy would read an undefined variable; the author meant the id
        value = token.bare[0]
    if value is None or not value.strip():
        page.problem(
            token,
            f'{{% {token.name} %}} needs the video id in quotes, as in {{% {token.name} "ID" %}}: add it;'
            " the video is not embedded until then",
        )
        return None
    if not provider.valid(value):
        page.problem(
            token,
            f"invalid {provider.label} id {quoted(value)}: expected {provider.id_rule};"
            " the video is not embedded until the id is fixed",
        )
        return None
    if unquoted:
        page.problem(
            token,
            f'{{% {token.name} %}} takes the id in quotes, as in {{% {token.name} "{value}" %}}: add the quotes; the video is embedded meanwhile',
        )
    return value

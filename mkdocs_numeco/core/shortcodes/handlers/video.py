"""`{% youtube "ID" %}`, `{% dailymotion "ID" %}`, `{% vimeo "ID" %}`: a click-to-load player (or an iframe)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...durations import parse_duration
from ..scanner import Token, call_args
from ..timecodes import clock, seconds
from ..video import PROVIDERS, Provider, Video, render_facade, render_iframe, render_transcript_link
from .base import CONVERTED, Outcome, argument, block, left_out, poster_of, quoted

if TYPE_CHECKING:
    from ..convert import Converter


def video(page: Converter, index: int, token: Token) -> Outcome:
    provider = PROVIDERS[token.name]
    found_id = video_id(page, token)
    if found_id is None:
        return left_out(token)
    title = page.distinct_title(title_of(page, token, provider))
    first = not page.result.videos
    start, duration = timing(page, token, first=first)
    found = Video(provider, found_id, title, page.next_video_id(), token.line, start=start, duration=duration)
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
            **poster_of(page),
        )
    transcript_id = page.transcript_link()
    if transcript_id:
        html += "\n" + render_transcript_link(transcript_id, page.labels, renderer=page.ctx.renderer)
    page.videos_seen += 1
    return Outcome(block(html), CONVERTED)


def default_title(page: Converter, provider: Provider) -> str:
    return page.ctx.title or f"{page.labels['video']} {provider.label}"


def title_of(page: Converter, token: Token, provider: Provider) -> str:
    """The second positional argument, else the page's title."""
    strings = call_args(token.source)[0]
    return strings[1] if len(strings) > 1 and strings[1].strip() else default_title(page, provider)


# The keyword arguments a video shortcode takes.
TIMES = ("start", "duration")


def timing(page: Converter, token: Token, *, first: bool = False) -> tuple[int, int | None]:
    """`start=` and `duration=` of a video shortcode, in seconds, for `Video`; a bad one is warned and ignored.

    The first video of a page takes the front matter's `duration` when its shortcode gives none.
    """
    keywords = call_args(token.source)[2]
    for key in sorted(keywords.keys() - set(TIMES)):
        page.problem(
            token,
            f'{{% {token.name} %}} takes start="1:23" and duration="4:56", not {key}=: it is ignored;'
            " check its spelling",
        )
    if "duration" in keywords:
        duration = _time(page, token, "duration", keywords["duration"])
    else:  # the front matter's, already reported at its own line when it is not a duration
        duration = parse_duration(page.ctx.variables.get("duration")) if first else None
    start = _time(page, token, "start", keywords.get("start")) or 0
    if start and duration is not None and start > duration:
        page.problem(
            token,
            f"start {clock(start)} is past the end of the video ({clock(duration)}): the video starts from the"
            " beginning until it is fixed",
        )
        start = 0
    return start, duration


# A start is a moment of the video; a duration is read as the front matter's (`core.reading`), ISO 8601 too.
_PARSERS = {"start": lambda value: seconds(str(value)), "duration": parse_duration}


def _time(page: Converter, token: Token, key: str, value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    found = _PARSERS[key](value) if isinstance(value, (str, int)) else None
    if found is None:
        page.problem(
            token,
            f'{key}={quoted(str(value))} is not a time: write seconds (83) or minutes and seconds ("1:23",'
            f' "1:02:03"{", or PT4M56S" if key == "duration" else ""}); it is ignored until then',
        )
    return found


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

"""Video providers: id validation, player URLs and the click-to-load facade."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .html import esc, text_in_markdown


@dataclass(frozen=True)
class Provider:
    """What we need to know about one video host."""

    name: str
    label: str
    id_pattern: re.Pattern[str]
    id_rule: str
    embed_url: str
    watch_url: str
    # "audio" players (podcasts) get listening labels and a short box instead of a 16:9 one.
    kind: str = "video"

    def valid(self, video_id: str) -> bool:
        return bool(self.id_pattern.fullmatch(video_id))


PROVIDERS: dict[str, Provider] = {
    p.name: p
    for p in (
        Provider(
            "dailymotion",
            "Dailymotion",
            re.compile(r"[A-Za-z0-9]+"),
            "letters and digits, as in x9h51js",
            "https://www.dailymotion.com/embed/video/{id}",
            "https://www.dailymotion.com/video/{id}",
        ),
        Provider(
            "youtube",
            "YouTube",
            re.compile(r"[A-Za-z0-9_-]{11}"),
            "11 characters among letters, digits, _ and -, as in dQw4w9WgXcQ",
            # Privacy-enhanced mode: no cookies until the reader plays.
            "https://www.youtube-nocookie.com/embed/{id}",
            "https://www.youtube.com/watch?v={id}",
        ),
        Provider(
            "vimeo",
            "Vimeo",
            re.compile(r"[0-9]+"),
            "digits, as in 76979871",
            # dnt=1 asks Vimeo not to track the session.
            "https://player.vimeo.com/video/{id}?dnt=1",
            "https://vimeo.com/{id}",
        ),
    )
}

ALLOW = "autoplay; fullscreen; picture-in-picture"


@dataclass(frozen=True)
class Video:
    """One embedded video, as found in a page."""

    provider: Provider
    video_id: str
    title: str
    dom_id: str
    line: int
    # Set for players upgraded from a raw <iframe>: the author's player URL (its options
    # included), the provider page, and the iframe's size as an inline CSS style.
    embed: str | None = None
    watch: str | None = None
    style: str = ""

    @property
    def embed_url(self) -> str:
        return self.embed or self.provider.embed_url.format(id=self.video_id)

    @property
    def watch_url(self) -> str:
        return self.watch or self.provider.watch_url.format(id=self.video_id)


def render_facade(video: Video, labels: dict[str, str], poster: str | None, poster_alt: str) -> str:
    """Click-to-load markup: no request to the provider until the reader asks."""
    label = esc(video.provider.label)
    audio = "_audio" if video.provider.kind == "audio" else ""
    style = f' style="{esc(video.style)}"' if video.style else ""
    poster_html = (
        f'<img class="numeco-video__poster" src="{esc(poster)}" alt="{esc(poster_alt)}">'
        if poster
        else '<span class="numeco-video__poster numeco-video__poster--blank"></span>'
    )
    return (
        f'<div class="numeco-video" id="{video.dom_id}" data-provider="{video.provider.name}"'
        f' data-video-id="{esc(video.video_id)}" data-embed-url="{esc(video.embed_url)}"'
        f' data-title="{esc(labels["player_title" + audio].format(title=video.title))}"{style}>\n'
        f"{poster_html}\n"
        f'<button type="button" class="numeco-video__play">'
        f'<span class="numeco-video__icon" aria-hidden="true"></span>'
        f'<span class="numeco-video__label">{esc(labels["play" + audio].format(title=video.title))}</span>'
        f'<span class="numeco-video__provider">{label}</span></button>\n'
        f'<noscript><a class="numeco-video__fallback" href="{esc(video.watch_url)}">'
        f"{esc(labels['watch_on' + audio].format(title=video.title, provider=video.provider.label))}</a></noscript>\n"
        f"</div>"
    )


def render_iframe(video: Video, labels: dict[str, str]) -> str:
    """The provider's player, loaded lazily by the browser."""
    return (
        f'<div class="numeco-video numeco-video--loaded" id="{video.dom_id}" data-provider="{video.provider.name}"'
        f' data-video-id="{esc(video.video_id)}">\n'
        f'<iframe src="{esc(video.embed_url)}" title="{esc(labels["player_title"].format(title=video.title))}"'
        f' allow="{ALLOW}" allowfullscreen loading="lazy"></iframe>\n'
        f"</div>"
    )


def render_transcript_link(target_id: str, labels: dict[str, str]) -> str:
    """The link that sits right after the player (RGAA criterion 4.1)."""
    return f'<p class="numeco-video__transcript-link"><a href="#{target_id}">{esc(labels["read_transcript"])}</a></p>'


def render_link(video: Video, labels: dict[str, str]) -> str:
    """A link to the video on the provider's site, on one line: what goes where a player can't (a list, a table)."""
    audio = "_audio" if video.provider.kind == "audio" else ""
    text = labels["watch_on" + audio].format(title=video.title, provider=video.provider.label)
    return f'<a class="numeco-video-link" href="{esc(video.watch_url)}">{text_in_markdown(text)}</a>'

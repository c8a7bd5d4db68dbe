"""Video providers: id validation, player URLs and the click-to-load facade."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from markupsafe import Markup

from .. import render
from ..escape import text_in_markdown

if TYPE_CHECKING:
    from ..render import Renderer


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
    # Where the player's URL and the provider's page say at which second to start (`at_time`):
    # `?key={s}` a query parameter, `#key={s}` the fragment; "" when the provider has none.
    embed_start: str = ""
    watch_start: str = ""

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
            embed_start="?startTime={s}",
            watch_start="?start={s}",
        ),
        Provider(
            "youtube",
            "YouTube",
            re.compile(r"[A-Za-z0-9_-]{11}"),
            "11 characters among letters, digits, _ and -, as in dQw4w9WgXcQ",
            # Privacy-enhanced mode: no cookies until the reader plays.
            "https://www.youtube-nocookie.com/embed/{id}",
            "https://www.youtube.com/watch?v={id}",
            embed_start="?start={s}",
            watch_start="?t={s}s",
        ),
        Provider(
            "vimeo",
            "Vimeo",
            re.compile(r"[0-9]+"),
            "digits, as in 76979871",
            # dnt=1 asks Vimeo not to track the session.
            "https://player.vimeo.com/video/{id}?dnt=1",
            "https://vimeo.com/{id}",
            embed_start="#t={s}s",
            watch_start="#t={s}s",
        ),
    )
}

ALLOW = "autoplay; fullscreen; picture-in-picture"


def at_time(url: str, spec: str, seconds: int) -> str:
    """`url` set to start at `seconds`, as `spec` (a `Provider.embed_start` or `watch_start`) says.

    A start the URL already had is replaced; its other parameters stay.
    """
    if not spec:
        return url
    key, _, value = spec[1:].partition("=")
    value = value.format(s=seconds)
    parts = urlsplit(url)
    if spec[0] == "#":
        return urlunsplit(parts._replace(fragment=f"{key}={value}"))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key]
    return urlunsplit(parts._replace(query=urlencode([*query, (key, value)])))


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
    # Where the player starts (`start="1:23"` on the shortcode), in seconds; 0 from the beginning.
    start: int = 0
    # The video's length in seconds when the author gave it (`duration=`, front matter `duration`).
    duration: int | None = None

    @property
    def embed_url(self) -> str:
        """The player's URL, starting where the shortcode says (`start=`)."""
        return self.embed_at(self.start) if self.start else self.player_url

    @property
    def watch_url(self) -> str:
        return self.watch_at(self.start) if self.start else self._watch

    @property
    def seekable(self) -> bool:
        """Whether the player can be told where to start."""
        return bool(self.provider.embed_start)

    def embed_at(self, seconds: int) -> str:
        return at_time(self.player_url, self.provider.embed_start, seconds)

    def watch_at(self, seconds: int) -> str:
        return at_time(self._watch, self.provider.watch_start, seconds)

    @property
    def player_url(self) -> str:
        """The player's URL from the beginning: the video itself (structured data's `embedUrl`)."""
        return self.embed or self.provider.embed_url.format(id=self.video_id)

    @property
    def _watch(self) -> str:
        return self.watch or self.provider.watch_url.format(id=self.video_id)


# Labels by kind of player: a podcast is listened to, any other embedded page is loaded.
LABEL_SUFFIX = {"audio": "_audio", "embed": "_embed"}


def render_facade(
    video: Video,
    labels: dict[str, str],
    poster: str | None,
    poster_alt: str,
    *,
    renderer: Renderer | None = None,
    remember: bool = False,
    picture: Mapping[str, Any] | None = None,
    lazy: bool = False,
) -> str:
    """Click-to-load markup (`facade.html`): no request to the provider until the reader asks.

    With `remember`, a checkbox lets the reader's consent for the player's host be kept (numeco.js).
    `picture` is the poster's responsive variants (`core.images.view`); `lazy` is for a poster
    below the fold (every one but the page's first).
    """
    audio = LABEL_SUFFIX.get(video.provider.kind, "")
    return (renderer or render.packaged()).markup(
        "facade.html",
        video=video,
        labels=labels,
        poster=poster,
        poster_alt=poster_alt,
        consent_host=(urlsplit(video.embed_url).hostname or "") if remember else "",
        remember=labels["remember"].format(provider=video.provider.label),
        picture=picture,
        lazy=lazy,
        player_title=labels["player_title" + audio].format(title=video.title, provider=video.provider.label),
        play=labels["play" + audio].format(title=video.title, provider=video.provider.label),
        watch_on=labels["watch_on" + audio].format(title=video.title, provider=video.provider.label),
    )


def render_iframe(video: Video, labels: dict[str, str], *, renderer: Renderer | None = None) -> str:
    """The provider's player (`player.html`), loaded lazily by the browser."""
    return (renderer or render.packaged()).markup(
        "player.html",
        video=video,
        labels=labels,
        player_title=labels["player_title"].format(title=video.title),
        allow=ALLOW,
    )


def render_transcript_link(target_id: str, labels: dict[str, str], *, renderer: Renderer | None = None) -> str:
    """The link that sits right after the player (RGAA criterion 4.1), from `transcript_link.html`."""
    return (renderer or render.packaged()).markup("transcript_link.html", target_id=target_id, labels=labels)


def render_link(video: Video, labels: dict[str, str], *, renderer: Renderer | None = None) -> str:
    """A link to the video on the provider's site, on one line (`video_link.html`): what goes where a player
    can't (a list, a table)."""
    audio = LABEL_SUFFIX.get(video.provider.kind, "")
    text = labels["watch_on" + audio].format(title=video.title, provider=video.provider.label)
    return (renderer or render.packaged()).markup(
        "video_link.html", video=video, labels=labels, watch_on=Markup(text_in_markdown(text))
    )

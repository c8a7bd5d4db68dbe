"""Raw `<iframe>` players written by hand in older posts, recognised by their URL.

A player from a known provider becomes the same click-to-load facade as the
shortcodes (see `video.py`), so that opening the page requests nothing from the
provider. The author's player URL is kept, options included (a start time, a
Vimeo privacy hash), as are their `title` and the iframe's size. Anything else
is left exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import SplitResult, parse_qs, urlencode, urlsplit, urlunsplit

from .. import urls
from .video import PROVIDERS, Provider, Video

_ANY = re.compile(r".+")

PEERTUBE = Provider("peertube", "PeerTube", re.compile(r"[A-Za-z0-9-]+"), "a PeerTube video id", "", "")
ACAST = Provider("acast", "Acast", _ANY, "a show and an episode", "", "", kind="audio")

# Exact hosts, compared with the parsed, IDNA-normalised host of the URL (`urls.host_in`).
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
_DAILYMOTION_HOSTS = {"dailymotion.com", "www.dailymotion.com", "geo.dailymotion.com"}
_VIMEO_HOSTS = {"player.vimeo.com"}
_ACAST_HOSTS = {"embed.acast.com", "player.acast.com"}
# Titles that embed codes ship with: they name the provider, not the video.
_GENERIC_TITLE = re.compile(
    r"(?:youtube|dailymotion|vimeo|peertube|acast)?[ _-]*(?:video)?[ _-]*(?:player|embed)?", re.IGNORECASE
)
_PIXELS = re.compile(r"\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*")


@dataclass(frozen=True)
class Player:
    """What a raw iframe says about the player it shows."""

    provider: Provider
    video_id: str
    embed: str
    watch: str


def attributes(tag: str) -> dict[str, str]:
    """The attributes of the first start tag in `tag`, entities decoded (stdlib HTML parser)."""
    parser = _StartTag()
    parser.feed(tag)
    parser.close()
    return parser.attrs


class _StartTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.seen:
            self.seen = True
            self.attrs = {name: value or "" for name, value in attrs}


def identify(src: str) -> Player | None:
    """The provider and video behind an iframe's `src`, or None for any other page.

    The URL goes through the URL policy first (`//host` is read as https, as
    the page loads it): a backslash, a user name before `@` or any other trick
    is never upgraded, and providers are known by their exact host.
    """
    url = urls.embed_source(src)
    if url.kind != urls.ABSOLUTE:
        return None
    parts = urlsplit(url.value)
    host = f"[{url.host}]" if ":" in url.host else url.host  # an IPv6 literal keeps its brackets
    port = f":{parts.port}" if parts.port else ""
    # The player is loaded from the host the policy read, written as browsers send it.
    secure = parts._replace(scheme="https", netloc=host + port)
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    for hosts, read in _BY_HOST:
        if urls.host_in(url, hosts=hosts):
            return read(secure, segments, query)
    return _peertube(secure, segments)


def _peertube(parts: SplitResult, segments: list[str]) -> Player | None:
    """Any PeerTube instance: its embed path is the same everywhere."""
    if len(segments) == 3 and segments[:2] == ["videos", "embed"] and PEERTUBE.valid(segments[2]):
        watch = f"https://{parts.netloc}/videos/watch/{segments[2]}"
        return Player(PEERTUBE, segments[2], urlunsplit(parts), watch)
    return None


def refusal(raw: str) -> str | None:
    """The warning for a raw iframe whose `src` the URL policy refuses, or None when it may stay."""
    src = attributes(raw).get("src", "").strip()
    if not src:
        return None
    url = urls.embed_source(src)
    return urls.refusal(url, urls.EMBED, "iframe src", "the iframe is left out of the page as an HTML comment")


def _youtube(parts: SplitResult, segments: list[str], query: dict[str, list[str]]) -> Player | None:
    provider = PROVIDERS["youtube"]
    if len(segments) != 2 or segments[0] != "embed" or not provider.valid(segments[1]) or segments[1] == "videoseries":
        return None  # a playlist (`embed/videoseries`, 11 characters too) is not one video
    # Privacy-enhanced host, as for the shortcode; the author's options stay.
    embed = urlunsplit(parts._replace(netloc="www.youtube-nocookie.com"))
    return Player(provider, segments[1], embed, provider.watch_url.format(id=segments[1]))


def _dailymotion(parts: SplitResult, segments: list[str], query: dict[str, list[str]]) -> Player | None:
    provider = PROVIDERS["dailymotion"]
    if len(segments) == 3 and segments[:2] == ["embed", "video"]:
        video_id = segments[2]
    else:  # the newer player: geo.dailymotion.com/player[/<id>].html?video=<id>
        video_id = (query.get("video") or [""])[0]
    if not provider.valid(video_id):
        return None
    return Player(provider, video_id, urlunsplit(parts), provider.watch_url.format(id=video_id))


def _vimeo(parts: SplitResult, segments: list[str], query: dict[str, list[str]]) -> Player | None:
    provider = PROVIDERS["vimeo"]
    if len(segments) != 2 or segments[0] != "video" or not provider.valid(segments[1]):
        return None
    video_id = segments[1]
    if "dnt" not in query:  # ask Vimeo not to track the session, as the shortcode does
        pairs = [(key, value) for key, values in query.items() for value in values] + [("dnt", "1")]
        parts = parts._replace(query=urlencode(pairs))
    secret = (query.get("h") or [""])[0]  # unlisted videos need their hash on the page URL too
    watch = f"https://vimeo.com/{video_id}" + (f"/{secret}" if re.fullmatch(r"[0-9a-f]+", secret) else "")
    return Player(provider, video_id, urlunsplit(parts), watch)


def _acast(parts: SplitResult, segments: list[str], query: dict[str, list[str]]) -> Player | None:
    if segments[:1] == ["$"]:
        segments = segments[1:]
    if len(segments) != 2:
        return None
    show, episode = segments
    return Player(ACAST, f"{show}/{episode}", urlunsplit(parts), f"https://shows.acast.com/{show}/episodes/{episode}")


_Reader = Callable[[SplitResult, list[str], dict[str, list[str]]], "Player | None"]
_BY_HOST: list[tuple[set[str], _Reader]] = [
    (_YOUTUBE_HOSTS, _youtube),
    (_DAILYMOTION_HOSTS, _dailymotion),
    (_VIMEO_HOSTS, _vimeo),
    (_ACAST_HOSTS, _acast),
]


def size_style(width: str, height: str, kind: str) -> str:
    """The iframe's size as CSS for the facade box: its proportions, and its width as a maximum.

    The proportions go through `--numeco-ratio`, which numeco.css gives to
    `aspect-ratio` (an inline `aspect-ratio` trips HTML validators whose CSS
    checker predates the property).
    """
    w, h = _pixels(width), _pixels(height)
    if kind == "audio":  # a podcast player is a strip, not a screen
        return f"--numeco-ratio: auto; height: {h}px" if h else ""
    rules = []
    if w and h:
        rules.append(f"--numeco-ratio: {w} / {h}")
    if w:
        rules.append(f"max-width: {w}px")
    return "; ".join(rules)


def _pixels(value: str) -> int | None:
    m = _PIXELS.fullmatch(value or "")
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def author_title(attrs: dict[str, str]) -> str:
    """The iframe's `title`, unless it is the provider's boilerplate ("YouTube video player")."""
    title = " ".join(attrs.get("title", "").split())
    return "" if _GENERIC_TITLE.fullmatch(title) else title


def upgrade(raw: str, fallback_title: str, dom_id: str, line: int) -> Video | None:
    """The facade's `Video` for a raw iframe from a known provider, or None to leave it alone."""
    attrs = attributes(raw)
    player = identify(attrs.get("src", ""))
    if player is None:
        return None
    return Video(
        player.provider,
        player.video_id,
        author_title(attrs) or fallback_title,
        dom_id,
        line,
        embed=player.embed,
        watch=player.watch,
        style=size_style(attrs.get("width", ""), attrs.get("height", ""), player.provider.kind),
    )


def generic(raw: str, fallback_title: str, dom_id: str, line: int) -> Video | None:
    """The facade's `Video` for an iframe of any other host, named after that host (no request before a click).

    None when its `src` is not an http(s) address the URL policy allows (the caller reports it).
    """
    attrs = attributes(raw)
    src = attrs.get("src", "").strip()
    url = urls.embed_source(src)
    if urls.refusal(url, urls.EMBED, "", "") is not None or not url.host:
        return None
    host = url.host
    provider = Provider("embed", host, _ANY, "any page", "", "", kind="embed")
    address = "https:" + src if src.startswith("//") else src
    return Video(
        provider,
        host,
        author_title(attrs) or fallback_title,
        dom_id,
        line,
        embed=address,
        watch=address,
        style=_embed_style(attrs.get("width", ""), attrs.get("height", "")),
    )


def _embed_style(width: str, height: str) -> str:
    """Its proportions when both sizes are pixels; else a strip of its height (a player bar, a form)."""
    return size_style(width, height, "video" if _pixels(width) and _pixels(height) else "audio")


def describe(raw: str) -> str:
    """How the check command names an iframe: its provider, or the host it loads."""
    src = attributes(raw).get("src", "")
    player = identify(src)
    if player is not None:
        return player.provider.name
    return urls.embed_source(src).host or "iframe"

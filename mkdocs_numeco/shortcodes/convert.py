"""Markdown in, Markdown out: Eleventy shortcodes become Material-ready HTML blocks.

`convert()` is pure: it imports nothing from MkDocs, reads no file and logs
nothing. Author mistakes come back as `Problem`s with the line they sit on;
the plugin decides how to report them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .html import comment, esc
from .scanner import Token, scan
from .transcript import CLOSE, render_open
from .video import PROVIDERS, Video, render_facade, render_iframe, render_transcript_link

TRANSCRIPT, END_TRANSCRIPT = "transcription", "endtranscription"

# Nunjucks block tags whose whole body only makes sense when the template runs.
LOGIC_BLOCKS = {
    "for": "endfor",
    "if": "endif",
    "macro": "endmacro",
    "raw": "endraw",
    "block": "endblock",
    "call": "endcall",
    "filter": "endfilter",
}
_VARIABLE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


@dataclass(frozen=True)
class Context:
    """What the converter needs to know about the page being converted."""

    labels: Mapping[str, str]
    title: str = ""
    poster: str | None = None
    poster_alt: str = ""
    embed: str = "facade"
    transcript_open: bool = False
    transcript_kind: str = "abstract"
    first_line: int = 1
    variables: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """An author mistake: where it is and what to do about it."""

    line: int
    message: str


@dataclass
class Conversion:
    """The converted Markdown and what was found on the way."""

    markdown: str
    problems: list[Problem] = field(default_factory=list)
    videos: list[Video] = field(default_factory=list)
    transcripts: int = 0


def convert(markdown: str, ctx: Context) -> Conversion:
    """Replace every shortcode of `markdown` that sits outside code."""
    tokens = list(scan(markdown, ctx.first_line))
    if not tokens:
        return Conversion(markdown)
    return _Converter(markdown, tokens, ctx).run()


class _Converter:
    def __init__(self, text: str, tokens: list[Token], ctx: Context) -> None:
        self.text = text
        self.tokens = tokens
        self.ctx = ctx
        self.labels = dict(ctx.labels)
        self.result = Conversion(text)
        # token index -> (end offset of the replaced text, replacement)
        self.replacements: dict[int, tuple[int, str]] = {}

    def run(self) -> Conversion:
        skipped = self._plan_blocks()
        pairs = self._pair_transcripts(skipped)
        transcript_ids = [f"numeco-transcript-{n}" for n in range(1, len(pairs) + 1)]
        open_ids = dict(zip(sorted(pairs), transcript_ids))
        closing = set(pairs.values())
        videos_seen = 0
        for index, token in enumerate(self.tokens):
            if index in skipped or index in self.replacements:
                continue
            if token.kind == "expr":
                html = self._expression(token)
            elif token.name in PROVIDERS:
                link = transcript_ids[min(videos_seen, len(transcript_ids) - 1)] if transcript_ids else None
                video = self._video(token, link)
                videos_seen += video is not None
                html = video if video is not None else comment(token.raw)
            elif token.name == TRANSCRIPT:
                html = self._transcript_open(token, open_ids.get(index))
            elif token.name == END_TRANSCRIPT:
                html = self._transcript_close(token, index in closing)
            else:
                html = self._unsupported(token)
            self.replacements[index] = (token.end, html)
        self.result.transcripts = len(pairs)
        self.result.markdown = self._splice()
        self.result.problems.sort(key=lambda p: p.line)
        return self.result

    # -- structure -----------------------------------------------------------

    def _plan_blocks(self) -> set[int]:
        """Comment out whole Nunjucks logic blocks; return the tokens they swallow."""
        skipped: set[int] = set()
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            end_name = LOGIC_BLOCKS.get(token.name) if token.kind == "tag" else None
            end = self._matching_end(index, token.name, end_name) if end_name else None
            if end is not None:
                span = self.text[token.start : self.tokens[end].end]
                self.replacements[index] = (self.tokens[end].end, comment(span))
                self._problem(token, _unsupported_message(token))
                skipped.update(range(index + 1, end + 1))
                index = end
            index += 1
        return skipped

    def _matching_end(self, index: int, name: str, end_name: str) -> int | None:
        depth = 0
        for later in range(index + 1, len(self.tokens)):
            other = self.tokens[later]
            if other.kind != "tag":
                continue
            if other.name == name:
                depth += 1
            elif other.name == end_name:
                if depth == 0:
                    return later
                depth -= 1
        return None

    def _pair_transcripts(self, skipped: set[int]) -> dict[int, int]:
        """Map each opening transcription tag to its closing tag."""
        pairs: dict[int, int] = {}
        stack: list[int] = []
        for index, token in enumerate(self.tokens):
            if index in skipped or token.kind != "tag":
                continue
            if token.name == TRANSCRIPT:
                stack.append(index)
            elif token.name == END_TRANSCRIPT and stack:
                pairs[stack.pop()] = index
        return pairs

    # -- one token each ------------------------------------------------------

    def _video(self, token: Token, transcript_id: str | None) -> str | None:
        provider = PROVIDERS[token.name]
        if not token.args:
            self._problem(token, f'{{% {token.name} %}} needs the video id in quotes, as in {{% {token.name} "ID" %}}; the video is not embedded')
            return None
        video_id = token.args[0]
        if not provider.valid(video_id):
            self._problem(
                token,
                f"invalid {provider.label} id {video_id!r}: expected {provider.id_rule}; the video is not embedded, fix the id",
            )
            return None
        title = token.args[1] if len(token.args) > 1 and token.args[1].strip() else (self.ctx.title or f"{self.labels['video']} {provider.label}")
        video = Video(provider, video_id, title, f"numeco-video-{len(self.result.videos) + 1}", token.line)
        self.result.videos.append(video)
        if self.ctx.embed == "iframe":
            html = render_iframe(video, self.labels)
        else:
            html = render_facade(video, self.labels, self.ctx.poster, self.ctx.poster_alt)
        if transcript_id:
            html += "\n" + render_transcript_link(transcript_id, self.labels)
        return f"\n\n{html}\n\n"

    def _transcript_open(self, token: Token, dom_id: str | None) -> str:
        if dom_id is None:
            self._problem(token, "{% transcription %} is never closed: add {% endtranscription %} where the transcript ends; the text after it is shown as ordinary text")
            return comment(token.raw)
        speaker = token.args[0].strip() if token.args else ""
        if token.bare:
            self._problem(token, "{% transcription %} takes the speaker's name in quotes, as in {% transcription \"Name\" %}")
        html = render_open(dom_id, speaker or None, self.labels, kind=self.ctx.transcript_kind, is_open=self.ctx.transcript_open)
        return f"\n\n{html}\n\n"

    def _transcript_close(self, token: Token, paired: bool) -> str:
        if paired:
            return f"\n\n{CLOSE}\n\n"
        self._problem(token, "{% endtranscription %} has no matching {% transcription %} before it: remove it or add the opening tag")
        return comment(token.raw)

    def _expression(self, token: Token) -> str:
        if _VARIABLE.fullmatch(token.name):
            found, value = _lookup(self.ctx.variables, token.name)
            if found:
                return esc(_display(value))
        self._problem(token, _unsupported_message(token))
        return comment(token.raw)

    def _unsupported(self, token: Token) -> str:
        self._problem(token, _unsupported_message(token))
        return comment(token.raw)

    # -- output --------------------------------------------------------------

    def _problem(self, token: Token, message: str) -> None:
        self.result.problems.append(Problem(token.line, message))

    def _splice(self) -> str:
        parts: list[str] = []
        pos = 0
        for index in sorted(self.replacements):
            end, html = self.replacements[index]
            parts.append(self.text[pos : self.tokens[index].start])
            parts.append(html)
            pos = end
        parts.append(self.text[pos:])
        return "".join(parts)


def _unsupported_message(token: Token) -> str:
    if token.kind == "expr":
        what = f"template expression '{{{{ {token.name} }}}}'"
        return f"{what} can't be evaluated by mkdocs-numeco: it is left out of the page as an HTML comment; write the value itself"
    block = " ... {% " + LOGIC_BLOCKS[token.name] + " %} block" if token.name in LOGIC_BLOCKS else " tag"
    return (
        f"Nunjucks '{{% {token.name} %}}'{block} is not supported by mkdocs-numeco: it is left out of the page"
        " as an HTML comment; replace it with Markdown"
    )


def _lookup(variables: Mapping[str, Any], dotted: str) -> tuple[bool, Any]:
    value: Any = variables
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return False, None
        value = value[part]
    return True, value


def _display(value: Any) -> str:
    """How a front-matter value reads when interpolated: `{path, alt}` images give their path."""
    if isinstance(value, Mapping):
        return str(value.get("path") or value.get("src") or "")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_display(item) for item in value)
    return "" if value is None else str(value)

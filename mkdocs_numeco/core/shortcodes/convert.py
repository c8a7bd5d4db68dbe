"""Markdown in, Markdown out: Eleventy shortcodes become Material-ready HTML blocks.

`convert()` is pure: it imports nothing from MkDocs, reads no file and logs
nothing. Author mistakes come back as `Problem`s with the line they sit on;
the plugin decides how to report them.

What the converter promises, whatever the input (tests/test_properties.py):
it never raises; every argument is HTML-escaped wherever it lands; converting
its own output changes nothing; and only tag delimiters are ever taken out of
the page: the text between them is kept as written, so no author text is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import render
from ..escape import literal_braces
from ..postlists import PostLists
from ..problems import Problem
from . import containers, transcript
from .handlers import END_TRANSCRIPT, SHORTCODES, TRANSCRIPT, handler_for
from .handlers.base import CONVERTED, KEPT, UNLISTED, Outcome, kept
from .handlers.nunjucks import LITERAL_BLOCKS, LOGIC_BLOCKS, opens_block
from .scanner import Token, scan
from .video import Video

# What text that followed a tag on its line would mean once it starts a line of its own:
# a fence, a container, a list item, a heading, a quote, a table row, a rule, code.
_LINE_START = re.compile(r"[ \t]*(?:(?P<mark>[`~:\-+*#>|=_])|\d{1,9}(?P<number>[.)]))")


@dataclass(frozen=True)
class Context:
    """What the converter needs to know about the page being converted."""

    labels: Mapping[str, str]
    title: str = ""
    poster: str | None = None
    poster_alt: str = ""
    # The poster as a responsive picture (`core.images.view`): `src`, `width`, `height`, `sizes`, `sources`.
    poster_picture: Mapping[str, Any] | None = None
    embed: str = "facade"
    transcript_open: bool = False
    transcript_kind: str = "abstract"
    first_line: int = 1
    variables: Mapping[str, Any] = field(default_factory=dict)
    # True when another plugin (mkdocs-macros) renders templates after us:
    # everything that is not one of our shortcodes is then left for it, as is.
    keep_templates: bool = False
    # Raw <iframe> players of known providers become the click-to-load facade.
    upgrade_iframes: bool = True
    # Facades offer to remember a reader's consent per host (option `remember_consent`).
    remember_consent: bool = False
    # Where the markup comes from: the packaged templates, or a theme's overrides first.
    renderer: render.Renderer = field(default_factory=lambda: render.packaged())
    # The build's posts for `{% posts %}`, with links relative to this page; None where they aren't known.
    post_lists: PostLists | None = None
    # The page's tokens when the build scanned its text already (`scanner.Scans.take`): `(text, first_line,
    # code) -> tokens`, as `scan` gives them for that text; None: the converter scans it.
    scanned: Callable[[str, int, bool], list[Token]] | None = None


@dataclass
class Conversion:
    """The converted Markdown and what was found on the way."""

    markdown: str
    problems: list[Problem] = field(default_factory=list)
    videos: list[Video] = field(default_factory=list)
    constructs: list[Construct] = field(default_factory=list)


@dataclass(frozen=True)
class Construct:
    """One Eleventy construct of the page and what became of it (read by the check command).

    `kind`: shortcode, interpolation, logic, comment, cards, iframe or container.
    `status`: converted, upgraded (a raw player made a facade), kept (left as
    written, on purpose) or unsupported (left out, or shown unconverted).
    """

    line: int
    kind: str
    name: str
    status: str


def convert(markdown: str, ctx: Context) -> Conversion:
    """Replace every shortcode of `markdown` that sits outside code."""
    tokens = (ctx.scanned or _scan)(markdown, ctx.first_line, ctx.keep_templates)
    if not tokens:
        return Conversion(markdown)
    return Converter(markdown, tokens, ctx).run()


def _scan(markdown: str, first_line: int, code: bool) -> list[Token]:
    return list(scan(markdown, first_line, code=code))


class Converter:
    """One page being converted: the plans made over all its tokens, then one handler per token.

    Handlers (`handlers/`) read the context, the labels and the plans, report
    problems with `problem()`, and return an `Outcome` for their token.
    """

    def __init__(self, text: str, tokens: list[Token], ctx: Context) -> None:
        self.text = text
        self.tokens = tokens
        self.ctx = ctx
        self.labels = dict(ctx.labels)
        self.result = Conversion(text)
        # token index -> what it becomes and what the check command says about it
        self.outcomes: dict[int, Outcome] = {}
        # tokens inside a logic block already reported: commented out without a warning of their own
        self.quiet: set[int] = set()
        # opening token index -> closing token index, for the logic blocks found
        self.block_ends: dict[int, int] = {}
        # transcripts: their DOM ids, by opening token, and the indexes of their closing tokens
        self.transcript_ids: list[str] = []
        self.open_ids: dict[int, str] = {}
        self.closing: set[int] = set()
        # transcript rank by the index of each token inside one (the innermost): its gap before is transcript text
        self.transcript_text: dict[int, int] = {}
        self.videos_seen = 0
        # players named so far, by title: a second one with the same title gets ", vidéo 2"
        self.titles: dict[str, int] = {}
        # `:::` lines by token index, their pairs (both ways) and those that pair with nothing
        self.fences: dict[int, containers.Fence] = {}
        self.fence_pairs: dict[int, int] = {}
        self.fence_openers: dict[int, int] = {}
        self.unmatched: set[int] = set()

    def run(self) -> Conversion:
        self._plan_literal_blocks()
        if not self.ctx.keep_templates:
            self._plan_logic_blocks()
        self._plan_transcripts()
        self._plan_containers()
        for index, token in enumerate(self.tokens):
            if index not in self.outcomes:
                self.outcomes[index] = handler_for(token)(self, index, token)
        self.result.markdown = self._splice()
        self.result.constructs = [c for c in map(self._construct, range(len(self.tokens))) if c is not None]
        self.result.problems.sort(key=lambda p: p.line)
        return self.result

    # -- what handlers use ----------------------------------------------------

    def problem(self, token: Token, message: str) -> None:
        self.result.problems.append(Problem(token.line, message))

    def problem_at(self, line: int, message: str) -> None:
        self.result.problems.append(Problem(line, message))

    def distinct_title(self, title: str) -> str:
        """`title`, or `title, vidéo n` when the page already has a player of that title (distinct names)."""
        seen = self.titles.get(title, 0) + 1
        self.titles[title] = seen
        return title if seen == 1 else self.labels["nth_video"].format(title=title, n=seen)

    def next_video_id(self) -> str:
        """The DOM id of the next player on the page."""
        return f"numeco-video-{len(self.result.videos) + 1}"

    def transcript_link(self) -> str | None:
        """The transcript the next player links to: the one of the same rank, else the last one."""
        if not self.transcript_ids:
            return None
        return self.transcript_ids[min(self.videos_seen, len(self.transcript_ids) - 1)]

    # -- structure -----------------------------------------------------------

    def _plan_literal_blocks(self) -> None:
        """`{% raw %}…{% endraw %}`: the tags go, what they enclose is printed as written."""
        start, end_name = None, None
        for index, token in enumerate(self.tokens):
            if token.kind != "tag":
                continue
            if start is None and token.name in LITERAL_BLOCKS:
                start, end_name = index, LITERAL_BLOCKS[token.name]
            elif start is not None and token.name == end_name:
                self._literal(start, index)
                start = None

    def _literal(self, start: int, end: int) -> None:
        for inner in range(start, end + 1):
            token = self.tokens[inner]
            if self.ctx.keep_templates:
                self.outcomes[inner] = kept(token)  # the template engine after us honours raw itself
            elif inner in (start, end):
                self.outcomes[inner] = Outcome("", CONVERTED)
            else:
                # Braces as character references: shown as typed, never read as a tag again.
                text = literal_braces(token.raw)
                self.outcomes[inner] = Outcome(text, KEPT if text == token.raw else CONVERTED)

    def _plan_logic_blocks(self) -> None:
        """Pair each Nunjucks logic block with its closing tag; what is inside is reported with it.

        One pass with a stack per block name (nesting of the same name counts),
        then the outermost pairs claim what they enclose.
        """
        stacks: dict[str, list[int]] = {}
        ends = {end: name for name, end in LOGIC_BLOCKS.items()}
        pairs: dict[int, int] = {}
        for index, token in enumerate(self.tokens):
            if index in self.outcomes or token.kind != "tag":
                continue
            if opens_block(token):
                stacks.setdefault(token.name, []).append(index)
            elif token.name in ends and stacks.get(ends[token.name]):
                pairs[stacks[ends[token.name]].pop()] = index
        for index in sorted(pairs):
            if index not in self.quiet:
                self.block_ends[index] = pairs[index]
                self.quiet.update(range(index + 1, pairs[index] + 1))

    def _plan_transcripts(self) -> None:
        """Pair each opening transcription tag with its closing tag, and number them."""
        pairs: dict[int, int] = {}
        stack: list[int] = []
        for index, token in enumerate(self.tokens):
            if index in self.outcomes or token.kind != "tag" or token.context:
                continue  # a transcript tag in a list, quote or table is shown as text
            if token.name == TRANSCRIPT:
                stack.append(index)
            elif token.name == END_TRANSCRIPT and stack:
                pairs[stack.pop()] = index
        self.transcript_ids = [f"numeco-transcript-{n}" for n in range(1, len(pairs) + 1)]
        self.open_ids = dict(zip(sorted(pairs), self.transcript_ids))
        self.closing = set(pairs.values())
        self._plan_transcript_text(pairs)

    def _plan_transcript_text(self, pairs: dict[int, int]) -> None:
        """Each token inside a transcript, with the rank of the innermost one (pairs nest: one sweep)."""
        ranks = {opening: rank for rank, opening in enumerate(sorted(pairs))}
        inside: list[int] = []
        for index in range(len(self.tokens)):
            if inside:
                self.transcript_text[index] = inside[-1]
            if index in ranks:
                inside.append(ranks[index])
            elif index in self.closing and inside:
                inside.pop()

    def _plan_containers(self) -> None:
        """Pair `:::` lines; those in a list, quote or table pair with nothing (they are shown as text)."""
        self.fences = {
            i: containers.Fence(i, t.name, t.source)
            for i, t in enumerate(self.tokens)
            if t.kind == "container" and not t.context
        }
        self.fence_pairs, unmatched = containers.pair([f for f in self.fences.values() if f.index not in self.outcomes])
        self.fence_openers = {close: open_ for open_, close in self.fence_pairs.items()}
        self.unmatched = set(unmatched)

    def _construct(self, index: int) -> Construct | None:
        """What the check command says about token `index`."""
        token = self.tokens[index]
        outcome = self.outcomes[index]
        if outcome.status == UNLISTED:
            return None
        kind = {
            "tag": "shortcode" if token.name in SHORTCODES else "logic",
            "expr": "interpolation",
            "comment": "comment",
            "component": "cards",
            "grid": "cards",
        }.get(token.kind, token.kind)
        name = outcome.name if outcome.name is not None else " ".join(token.name.split())
        return Construct(token.line, kind, name, outcome.status)

    # -- output --------------------------------------------------------------

    def _splice(self) -> str:
        parts: list[str] = []
        pos = 0
        for index, token in enumerate(self.tokens):
            parts.append(self._seek(index, parts, self._after_block(parts, self.text[pos : token.start])))
            replacement = self.outcomes[index].text
            follows = replacement or self.text[token.end : token.end + 1]
            if replacement != token.raw and follows[:1] in ("{", "%", "#") and parts[-1].endswith("{"):
                # A brace typed right before a tag that leaves little or nothing
                # (`{% raw %}`, an empty variable) could pair with what follows into a
                # new tag; as a character reference it reads the same and pairs with nothing.
                parts[-1] = parts[-1][:-1] + "&#123;"
            parts.append(replacement)
            pos = token.end
        parts.append(self._after_block(parts, self.text[pos:]))
        return "".join(parts)

    def _seek(self, index: int, parts: list[str], gap: str) -> str:
        """Transcript text (the gap before token `index`) whose timestamps play the transcript's video.

        Transcript n belongs to the page's video n, as the link under each player pairs them.
        """
        rank = self.transcript_text.get(index)
        if rank is None or rank >= len(self.result.videos) or not gap:
            return gap
        video = self.result.videos[rank]
        if not video.seekable or not video.dom_id:
            return gap
        at_line_start = not parts or parts[-1].endswith("\n")
        return transcript.seek_links(
            gap, video, self.labels, at_line_start=at_line_start, duration=video.duration, renderer=self.ctx.renderer
        )

    @staticmethod
    def _after_block(parts: list[str], gap: str) -> str:
        """Text that followed a tag on its line, now starting a line of its own after our HTML block.

        It was inline text for Eleventy, as it was for us; at the start of a line a
        `:::`, a fence, `- `, `#`, `>`, `|` or an indent would become a container, code,
        a list, a heading… the next time. An indent that makes code goes and its first mark
        becomes a character reference: it reads the same and stays plain text.
        """
        if not (parts and parts[-1].endswith("\n") and not parts[-1].isspace()):
            return gap
        indent = len(gap) - len(gap.lstrip(" \t"))
        if indent >= 4 or "\t" in gap[:indent]:  # an indent that would make it code
            gap = gap[indent:]
        m = _LINE_START.match(gap)
        if m is None:
            return gap
        group = "mark" if m.group("mark") is not None else "number"
        return gap[: m.start(group)] + f"&#{ord(gap[m.start(group)])};" + gap[m.end(group) :]

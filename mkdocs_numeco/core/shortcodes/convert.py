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
from datetime import date
from typing import Any

from .. import render
from ..escape import comment, esc, literal_braces, text_in_markdown, url_in_markdown
from ..problems import Problem
from . import cards, containers, iframes
from .scanner import BLOCKQUOTE, INDENTED, LIST_ITEM, TABLE, Token, scan
from .transcript import render_close, render_open
from .video import PROVIDERS, Provider, Video, render_facade, render_iframe, render_link, render_transcript_link

TRANSCRIPT, END_TRANSCRIPT = "transcription", "endtranscription"
SHORTCODES = frozenset(PROVIDERS) | {TRANSCRIPT, END_TRANSCRIPT}

# Nunjucks block tags, by their closing tag. They only mean something when a
# template engine runs them. Their tags are commented out and what they enclose
# is kept, every branch included: a warning is better than a vanished paragraph.
LOGIC_BLOCKS = {
    "for": "endfor",
    "asyncEach": "endeach",
    "asyncAll": "endall",
    "if": "endif",
    "switch": "endswitch",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "block": "endblock",
    "set": "endset",  # only the `{% set x %}…{% endset %}` form; `{% set x = 1 %}` is one tag
}
# Blocks whose content Nunjucks prints as written: honoured, so no warning.
LITERAL_BLOCKS = {"raw": "endraw", "verbatim": "endverbatim"}
# What to do instead, for the tags authors use most.
_ADVICE = {
    "include": "copy the included content into the page",
    "set": "write the value itself where it is used",
    "from": "remove it: macros can't run here",
    "import": "remove it: macros can't run here",
    "extends": "remove it: the theme provides the layout",
    "raw": "close it with {% endraw %}, or remove it",
    "verbatim": "close it with {% endverbatim %}, or remove it",
}
_VARIABLE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
# What text that followed a tag on its line would mean once it starts a line of its own:
# a fence, a container, a list item, a heading, a quote, a table row, a rule, code.
_LINE_START = re.compile(r"[ \t]*(?:(?P<mark>[`~:\-+*#>|=_])|\d{1,9}(?P<number>[.)]))")
# What comes right before `{{ value }}` in a link's URL, or in a quoted HTML attribute.
_LINK_DESTINATION = ("](", "](<")
_ATTRIBUTE = ('="', "='")


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
    # True when another plugin (mkdocs-macros) renders templates after us:
    # everything that is not one of our shortcodes is then left for it, as is.
    keep_templates: bool = False
    # Raw <iframe> players of known providers become the click-to-load facade.
    upgrade_iframes: bool = True
    # Where the markup comes from: the packaged templates, or a theme's overrides first.
    renderer: render.Renderer = field(default_factory=lambda: render.packaged())


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
    tokens = list(scan(markdown, ctx.first_line, code=ctx.keep_templates))
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
        # token index -> replacement text
        self.replacements: dict[int, str] = {}
        # tokens inside a logic block already reported: commented out without a warning of their own
        self.quiet: set[int] = set()
        # opening token index -> closing token index, for the logic blocks found
        self.block_ends: dict[int, int] = {}
        # token index -> what the check command calls it and what became of it, when not inferred
        self.names: dict[int, str] = {}
        self.status: dict[int, str] = {}
        # transcripts: their DOM ids, by opening token, and the indexes of their closing tokens
        self.transcript_ids: list[str] = []
        self.open_ids: dict[int, str] = {}
        self.closing: set[int] = set()
        self.videos_seen = 0
        # `:::` lines by token index, their pairs (both ways) and those that pair with nothing
        self.fences: dict[int, containers.Fence] = {}
        self.fence_pairs: dict[int, int] = {}
        self.fence_openers: dict[int, int] = {}
        self.unmatched: set[int] = set()

    def run(self) -> Conversion:
        self._plan_literal_blocks()
        if not self.ctx.keep_templates:
            self._plan_logic_blocks()
        pairs = self._pair_transcripts()
        self.transcript_ids = [f"numeco-transcript-{n}" for n in range(1, len(pairs) + 1)]
        self.open_ids = dict(zip(sorted(pairs), self.transcript_ids))
        self.closing = set(pairs.values())
        self._plan_containers()
        for index, token in enumerate(self.tokens):
            if index not in self.replacements:
                self.replacements[index] = self._replacement(index, token)
        self.result.markdown = self._splice()
        self.result.constructs = [c for c in map(self._construct, range(len(self.tokens))) if c is not None]
        self.result.problems.sort(key=lambda p: p.line)
        return self.result

    def _replacement(self, index: int, token: Token) -> str:
        """What token `index` becomes in the page."""
        if token.context and _makes_a_block(token):
            return self._in_context(index, token)
        if token.kind == "tag":
            return self._tag(index, token)
        if self.ctx.keep_templates and token.kind in ("comment", "expr"):
            return token.raw
        return _BY_KIND[token.kind](self, index, token)

    def _tag(self, index: int, token: Token) -> str:
        if token.name in PROVIDERS:
            video = self._video(token, self._transcript_link())
            self.videos_seen += video is not None
            return video if video is not None else comment(token.raw)
        if token.name == TRANSCRIPT:
            return self._transcript_open(token, self.open_ids.get(index))
        if token.name == END_TRANSCRIPT:
            return self._transcript_close(token, index in self.closing)
        if cards.IMPORT.match(f"{token.name} {token.source.strip()}"):
            # The import that cards need: with the cards converted, it has nothing left to do.
            self.status[index] = "converted"
            return comment(token.raw)
        if self.ctx.keep_templates:
            return token.raw
        return self._unsupported(token, index)

    def _transcript_link(self) -> str | None:
        """The transcript the next player links to: the one of the same rank, else the last one."""
        if not self.transcript_ids:
            return None
        return self.transcript_ids[min(self.videos_seen, len(self.transcript_ids) - 1)]

    def _code(self, index: int, token: Token) -> str:
        # Only with keep_templates: the engine after us renders code too, where
        # authors show shortcodes as written; `raw` makes it print them as they are.
        return "{% raw %}" + token.raw + "{% endraw %}"

    def _nunjucks_comment(self, index: int, token: Token) -> str:
        # `{# … #}` is a Nunjucks comment: Eleventy leaves nothing of it in the page, not even
        # in the HTML source, where a note meant for the team would be published.
        return ""

    def _expression_token(self, index: int, token: Token) -> str:
        return self._expression(token, quiet=index in self.quiet)

    def _iframe(self, index: int, token: Token) -> str:
        video = self._raw_iframe(token, index, self._transcript_link())
        self.videos_seen += video is not None
        return video if video is not None else self._kept_iframe(token)

    def _unclosed_fence(self, index: int, token: Token) -> str:
        fence = token.name
        self._problem(
            token,
            f"this {fence} fence is never closed: mkdocs-numeco reads everything after line {token.line} as code"
            f" and converts no shortcode there; close it with a {fence} line where the code ends",
        )
        self.status[index] = ""
        return ""

    # -- in a list item, a blockquote, a table or an indented block -------------

    def _in_context(self, index: int, token: Token) -> str:
        """A construct that makes an HTML block, where one would break the list, quote or table around it."""
        where, outside = _PLACES[token.context]
        if token.kind == "iframe":
            self.names[index] = iframes.describe(token.raw)
            return self._kept_iframe(token)  # the author's player, as written: an inline element keeps the structure
        if token.kind == "tag" and token.name in PROVIDERS:
            return self._video_link(token, where, outside)
        what = {
            "tag": f"{{% {token.name} %}}",
            "container": _excerpt(token.raw),
            "component": "this card",
            "grid": "this grid of cards",
        }[token.kind]
        block = "a transcript" if token.kind == "tag" else "a box" if token.kind == "container" else "a card"
        self._problem(
            token,
            f"{what} is inside {where}, where {block} can't go without breaking {outside}: it is shown as text;"
            f" put it on a line of its own outside {outside}",
        )
        self.status[index] = "unsupported"
        return token.raw if token.kind == "container" else literal_braces(token.raw)

    def _video_link(self, token: Token, where: str, outside: str) -> str:
        """A video shortcode in a list, quote or table: a link to the video on the provider's site."""
        provider = PROVIDERS[token.name]
        video_id = self._video_id(token)
        if video_id is None:
            return comment(token.raw)
        title = token.args[1] if len(token.args) > 1 and token.args[1].strip() else self._default_title(provider)
        video = Video(provider, video_id, title, "", token.line)
        self._problem(
            token,
            f"{{% {token.name} %}} is inside {where}, where a player can't go without breaking {outside}: it is"
            f" shown as a link to the video on {provider.label}; to show the player, put the shortcode on a line of"
            f" its own outside {outside}",
        )
        return render_link(video, self.labels, renderer=self.ctx.renderer)

    # -- structure -----------------------------------------------------------

    def _plan_containers(self) -> None:
        """Pair `:::` lines; those in a list, quote or table pair with nothing (they are shown as text)."""
        self.fences = {
            i: containers.Fence(i, t.name, t.source)
            for i, t in enumerate(self.tokens)
            if t.kind == "container" and not t.context
        }
        self.fence_pairs, unmatched = containers.pair(
            [f for f in self.fences.values() if f.index not in self.replacements]
        )
        self.fence_openers = {close: open_ for open_, close in self.fence_pairs.items()}
        self.unmatched = set(unmatched)

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
            raw = self.tokens[inner].raw
            if self.ctx.keep_templates:
                self.replacements[inner] = raw  # the template engine after us honours raw itself
            else:
                # Braces as character references: shown as typed, never read as a tag again.
                self.replacements[inner] = "" if inner in (start, end) else literal_braces(raw)

    def _plan_logic_blocks(self) -> None:
        """Pair each Nunjucks logic block with its closing tag; what is inside is reported with it.

        One pass with a stack per block name (nesting of the same name counts),
        then the outermost pairs claim what they enclose.
        """
        stacks: dict[str, list[int]] = {}
        ends = {end: name for name, end in LOGIC_BLOCKS.items()}
        pairs: dict[int, int] = {}
        for index, token in enumerate(self.tokens):
            if index in self.replacements or token.kind != "tag":
                continue
            if _opens_block(token):
                stacks.setdefault(token.name, []).append(index)
            elif token.name in ends and stacks.get(ends[token.name]):
                pairs[stacks[ends[token.name]].pop()] = index
        for index in sorted(pairs):
            if index not in self.quiet:
                self.block_ends[index] = pairs[index]
                self.quiet.update(range(index + 1, pairs[index] + 1))

    def _pair_transcripts(self) -> dict[int, int]:
        """Map each opening transcription tag to its closing tag."""
        pairs: dict[int, int] = {}
        stack: list[int] = []
        for index, token in enumerate(self.tokens):
            if index in self.replacements or token.kind != "tag" or token.context:
                continue  # a transcript tag in a list, quote or table is shown as text
            if token.name == TRANSCRIPT:
                stack.append(index)
            elif token.name == END_TRANSCRIPT and stack:
                pairs[stack.pop()] = index
        return pairs

    # -- one token each ------------------------------------------------------

    def _video(self, token: Token, transcript_id: str | None) -> str | None:
        provider = PROVIDERS[token.name]
        video_id = self._video_id(token)
        if video_id is None:
            return None
        title = token.args[1] if len(token.args) > 1 and token.args[1].strip() else self._default_title(provider)
        video = Video(provider, video_id, title, f"numeco-video-{len(self.result.videos) + 1}", token.line)
        self.result.videos.append(video)
        if self.ctx.embed == "iframe":
            html = render_iframe(video, self.labels, renderer=self.ctx.renderer)
        else:
            html = render_facade(video, self.labels, self.ctx.poster, self.ctx.poster_alt, renderer=self.ctx.renderer)
        if transcript_id:
            html += "\n" + render_transcript_link(transcript_id, self.labels, renderer=self.ctx.renderer)
        return f"\n\n{html}\n\n"

    def _default_title(self, provider: Provider) -> str:
        return self.ctx.title or f"{self.labels['video']} {provider.label}"

    def _video_id(self, token: Token) -> str | None:
        """The shortcode's video id, or None with a warning when there is no valid one."""
        provider = PROVIDERS[token.name]
        video_id = self._argument(token)
        unquoted = video_id is None and bool(token.bare)
        if unquoted:  # Eleventy would read an undefined variable; the author meant the id
            video_id = token.bare[0]
        if video_id is None or not video_id.strip():
            self._problem(
                token,
                f'{{% {token.name} %}} needs the video id in quotes, as in {{% {token.name} "ID" %}}: add it;'
                " the video is not embedded until then",
            )
            return None
        if not provider.valid(video_id):
            self._problem(
                token,
                f"invalid {provider.label} id {_quoted(video_id)}: expected {provider.id_rule};"
                " the video is not embedded until the id is fixed",
            )
            return None
        if unquoted:
            self._problem(
                token,
                f'{{% {token.name} %}} takes the id in quotes, as in {{% {token.name} "{video_id}" %}}: add the quotes; the video is embedded meanwhile',
            )
        return video_id

    def _argument(self, token: Token) -> str | None:
        """The first argument: a quoted string, or a front-matter variable named without quotes."""
        if token.args:
            return token.args[0]
        if token.bare and _VARIABLE.fullmatch(token.bare[0]):
            found, value = _lookup(self.ctx.variables, token.bare[0])
            if found and isinstance(value, (str, int)) and not isinstance(value, bool):
                return str(value)
        return None

    def _transcript_open(self, token: Token, dom_id: str | None) -> str:
        if dom_id is None:
            self._problem(
                token,
                "{% transcription %} is never closed: add {% endtranscription %} where the transcript ends;"
                " until then the text after it is shown as ordinary text",
            )
            return comment(token.raw)
        speaker = self._argument(token)
        if speaker is None and token.bare:
            speaker = " ".join(token.bare)  # shown as written: it is what the author meant
            self._problem(
                token,
                f'{{% transcription %}} takes the speaker\'s name in quotes, as in {{% transcription "{speaker}" %}}: add the quotes',
            )
        html = render_open(
            dom_id,
            (speaker or "").strip() or None,
            self.labels,
            kind=self.ctx.transcript_kind,
            is_open=self.ctx.transcript_open,
            renderer=self.ctx.renderer,
        )
        return f"\n\n{html}\n\n"

    def _transcript_close(self, token: Token, paired: bool) -> str:
        if paired:
            return f"\n\n{render_close(renderer=self.ctx.renderer)}\n\n"
        self._problem(
            token,
            "{% endtranscription %} has no matching {% transcription %} before it: remove it or add the opening tag",
        )
        return comment(token.raw)

    def _expression(self, token: Token, quiet: bool) -> str:
        if _VARIABLE.fullmatch(token.name):
            found, value = _lookup(self.ctx.variables, token.name)
            if found:
                return self._interpolated(token, _display(value))
        if not quiet:
            self._problem(
                token,
                f"template expression {_excerpt(token.raw)} can't be evaluated by mkdocs-numeco (only front-matter"
                " variables, as in '{{ title }}'): it is left out of the page as an HTML comment; write the value itself",
            )
        return comment(token.raw)

    def _interpolated(self, token: Token, value: str) -> str:
        """A front-matter value as text: in a link's URL or an HTML attribute, as a URL or attribute value."""
        if self.text.endswith(_LINK_DESTINATION, 0, token.start):
            return url_in_markdown(value)  # `![Affiche]({{ image }})`: MkDocs resolves the path
        if self.text.endswith(_ATTRIBUTE, 0, token.start):
            return esc(value)
        return text_in_markdown(value)

    def _unsupported(self, token: Token, index: int) -> str:
        if index in self.quiet:
            pass
        elif index in self.block_ends:
            end = self.tokens[self.block_ends[index]]
            self._problem(
                token,
                f"Nunjucks block {_excerpt(token.raw)} … {_excerpt(end.raw)} can't run in mkdocs-numeco: its tags are"
                " left out as HTML comments and everything between them is shown, every branch included;"
                " keep the text you want and remove the tags",
            )
        elif _opens_block(token):
            self._problem(
                token,
                f"Nunjucks {_excerpt(token.raw)} has no {{% {LOGIC_BLOCKS[token.name]} %}} and can't run in mkdocs-numeco:"
                " it is left out as an HTML comment and the text after it is shown; remove the tag",
            )
        else:
            advice = _ADVICE.get(token.name, "replace it with Markdown")
            self._problem(
                token,
                f"Nunjucks tag {_excerpt(token.raw)} is not supported by mkdocs-numeco: it is left out of the page"
                f" as an HTML comment; {advice}",
            )
        return comment(token.raw)

    # -- DSFR constructs and raw players --------------------------------------

    def _raw_iframe(self, token: Token, index: int, transcript_id: str | None) -> str | None:
        """A raw player of a known provider becomes the shortcodes' facade; any other iframe stays."""
        self.names[index] = iframes.describe(token.raw)
        if not self.ctx.upgrade_iframes or self.ctx.embed == "iframe":
            return None  # in `iframe` mode the author's player is already what we would write
        fallback = self.ctx.title or self.labels["video"]
        video = iframes.upgrade(token.raw, fallback, f"numeco-video-{len(self.result.videos) + 1}", token.line)
        if video is None:
            return None
        self.result.videos.append(video)
        self.status[index] = "upgraded"
        html = render_facade(video, self.labels, self.ctx.poster, self.ctx.poster_alt, renderer=self.ctx.renderer)
        if transcript_id:
            html += "\n" + render_transcript_link(transcript_id, self.labels, renderer=self.ctx.renderer)
        return f"\n\n{html}\n\n"

    def _kept_iframe(self, token: Token) -> str:
        """An iframe that stays as written, unless the URL policy refuses its `src`."""
        why = iframes.refusal(token.raw)
        if why is None:
            return token.raw
        self._problem(token, why)
        return comment(token.raw)

    def _cards(self, index: int, token: Token) -> str:
        """A card, or a DSFR grid row of cards, as one Material grid."""
        calls = cards.calls_in(token.raw) if token.kind == "grid" else [(0, token.source)]
        found = [card for offset, call in calls if (card := self._card(token, offset, call)) is not None]
        self.names[index] = f"{len(calls)} card" + ("s" if len(calls) > 1 else "")
        if len(found) < len(calls):
            self.status[index] = "unsupported"
        if not found:
            return comment(token.raw)
        if token.kind == "component" and token.html_block:
            # no blank lines: they could end the author's HTML block
            return cards.render_grid(found, html=True, renderer=self.ctx.renderer)
        return f"\n\n{cards.render_grid(found, renderer=self.ctx.renderer)}\n\n"

    def _card(self, token: Token, offset: int, call: str) -> Any:
        """The argument of one component call `offset` lines into `token`, or None with a warning."""
        try:
            name, argument = cards.read_call(call, lambda dotted: _lookup(self.ctx.variables, dotted))
            why = None if name == "card" else f"component '{name}' is not supported, only 'card'"
            why = why or cards.validate(argument)
        except cards.CardError as error:
            why = f"this component call can't be read: {error}"
        if why is not None:
            self.result.problems.append(
                Problem(
                    token.line + offset, f"{why}; the card is left out of the page as an HTML comment until it is fixed"
                )
            )
            return None
        self.result.problems.extend(Problem(token.line + offset, m) for m in cards.refusals(argument))
        return argument

    def _container(self, index: int, token: Token) -> str:
        """`::: name title` and `:::` lines: Material admonitions, or a warning when they don't pair."""
        fences, unmatched = self.fences, self.unmatched
        fence = fences[index]
        self.names[index] = fence.name or "end"
        if containers.is_foreign(fence):
            return token.raw
        if index in unmatched:
            what = (
                f"'::: {fence.name}' is never closed: add a ':::' line where it ends"
                if not fence.closes
                else ("this ':::' closes no container: remove it")
            )
            self._problem(token, f"{what}; the line is left out of the page as an HTML comment")
            return comment(token.raw)
        opener = fences[self.fence_openers[index]] if fence.closes else fence
        if fence.closes:
            self.status[index] = ""  # listed once, with its opening line
        if opener.name not in containers.ADMONITIONS:
            if not fence.closes:
                known = ", ".join(sorted(containers.ADMONITIONS))
                self._problem(
                    token,
                    f"container '{opener.name}' is not supported (known: {known}): its ':::' lines are left out"
                    " as HTML comments and its text is shown as ordinary text; use one of the known names",
                )
            return comment(token.raw)
        if fence.closes:
            return f"\n\n{containers.render_close(opener.name, renderer=self.ctx.renderer)}\n\n"
        why = containers.refusal(opener.name, opener.argument)
        if why is not None:
            self._problem(token, why)
        return f"\n\n{containers.render_open(opener.name, opener.argument, self.labels['accordion'], renderer=self.ctx.renderer)}\n"

    def _construct(self, index: int) -> Construct | None:
        """What the check command says about token `index`."""
        token = self.tokens[index]
        if token.kind == "code":
            return None
        status = self.status.get(index)
        if status == "":
            return None
        if status is None:
            html = self.replacements.get(index, token.raw)
            status = (
                "unsupported"
                if html == comment(token.raw) and token.kind != "comment"
                else "kept"
                if html == token.raw
                else "converted"
            )
        kind = {
            "tag": "shortcode" if token.name in SHORTCODES else "logic",
            "expr": "interpolation",
            "comment": "comment",
            "component": "cards",
            "grid": "cards",
        }.get(token.kind, token.kind)
        name = self.names.get(index, " ".join(token.name.split()))
        return Construct(token.line, kind, name, status)

    # -- output --------------------------------------------------------------

    def _problem(self, token: Token, message: str) -> None:
        self.result.problems.append(Problem(token.line, message))

    def _splice(self) -> str:
        parts: list[str] = []
        pos = 0
        for index, token in enumerate(self.tokens):
            parts.append(self._after_block(parts, self.text[pos : token.start]))
            replacement = self.replacements.get(index, token.raw)
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


# What each kind of token becomes (tags are read by _Converter._tag).
_BY_KIND: dict[str, Callable[[_Converter, int, Token], str]] = {
    "code": _Converter._code,
    "comment": _Converter._nunjucks_comment,
    "expr": _Converter._expression_token,
    "iframe": _Converter._iframe,
    "component": _Converter._cards,
    "grid": _Converter._cards,
    "container": _Converter._container,
    "fence": _Converter._unclosed_fence,
}
# Kinds that become an HTML block, which can't go in a list item, a quote, a table or an indented block.
_BLOCK_KINDS = frozenset({"iframe", "component", "grid", "container"})
# Where a token sits, as a warning names it: (in what, outside what).
_PLACES = {
    LIST_ITEM: ("a list item", "the list"),
    BLOCKQUOTE: ("a blockquote", "the quote"),
    TABLE: ("a table", "the table"),
    INDENTED: ("an indented block (admonition, collapsible block or tab)", "the indented block"),
}


def _makes_a_block(token: Token) -> bool:
    return token.kind in _BLOCK_KINDS or (token.kind == "tag" and token.name in SHORTCODES)


def _opens_block(token: Token) -> bool:
    if token.kind != "tag" or token.name not in LOGIC_BLOCKS:
        return False
    return token.name != "set" or "=" not in token.source


def _excerpt(raw: str, limit: int = 60) -> str:
    """A tag as quoted in a warning: on one line, shortened."""
    text = " ".join(raw.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def _quoted(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


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

"""One pass over a page's Markdown that finds Nunjucks tags outside code.

The scanner knows just enough Markdown to leave alone what authors write to
*document* the syntax: fenced code, indented code, inline code spans and HTML
comments. Everything else is searched for `{% tag %}`, `{{ expression }}`,
`{# comment #}`, DSFR cards and grid rows of cards, raw `<iframe>` players and
`:::` container lines: one compiled expression finds where a construct may
start, another reads it there, so the cost is independent of how many
shortcode types exist.

Linear on any input (issue 12): no alternative of the expression scans past the
next opener of its kind, and the two constructs that may legitimately run past
one (a `{# comment #}` holding `{#`, a code span whose backticks are given back,
as Python-Markdown reads them) are ended in Python from indexes built once:
the next `#}` and the next blank line (`_Next`), the backtick runs of a
paragraph by length (`_CodeSpans`). Each token also carries the block it sits in
(list item, blockquote, table, indented block), read line by line as the scan
moves forward (`_Blocks`): a converter must not put an HTML block there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field

_FENCE = r"""
    (?P<fence>
        ^[ ]{0,3}(?P<fchar>`{3,}+|~{3,}+)[^\n]*(?:\n|\Z)    # opening fence line
        .*?                                                 # body (lazy)
        (?:(?P<fclose>^[ ]{0,3}(?P=fchar)[`~]*[ \t]*(?:\n|\Z))|\Z)  # closing fence, or none until the end
    )"""
_INDENTED = r"""
    (?P<indented>
        (?:(?<=\n\n)|\A)                                    # after a blank line
        (?:(?:[ ]{4}|\t)[^\n]*(?:\n|\Z))+                   # indented lines
    )"""
# What may only start at a line start (`_Scanner._next` tries them there first).
_LINE_START = r"""
    (?P<grid>[ \t]*<div[ \t]+class="fr-grid-row[^"\n]*"[^>\n]*>     # a DSFR grid row holding only cards
        (?:\s*<div[ \t]+class="fr-col[^"\n]*"[^>\n]*>
           (?:\s*\{%-?[ \t]*from[ \t][^%\n]*-?%\})?
           \s*\{\{-?[ \t\n]*component[ \t\n]*\((?:(?!\n[ \t]*\n)(?!\{\{).)*?\)[ \t\n]*-?\}\}
           \s*</div>)+
        \s*</div>[ \t]*$)
    | (?P<container>[ ]{0,3}:{3,}[ \t]*(?P<cname>[A-Za-z][\w-]*)?(?P<ctitle>[^\n]*)$)  # markdown-it container
"""
# What starts on one of its own characters (`` ` ``, `<`, `{`), anywhere in a line.
_INLINE = r"""
    (?P<code>`++)  # a backtick run: where its code span ends is found by _CodeSpans
    | (?P<comment><!--(?:(?!<!--).)*?-->)  # no nested opener: linear on unclosed comments
    | (?P<component>\{\{-?[ \t\n]*component[ \t\n]*\((?P<call>(?:(?!\n[ \t]*\n)(?!\{\{).)*?)\)[ \t\n]*-?\}\})
    | (?P<iframe><(?i:iframe)\b[^<>]*>(?:(?!</?(?i:iframe)).)*?</(?i:iframe)[ \t]*>)
    | (?P<tag>\{%(?P<ltrim>-?)[ \t\n]*(?P<name>[A-Za-z_]\w*+)
              (?P<args>(?:[^"'\n%{-]++|"[^"\n]*+"|'[^'\n]*+'|["']|\n(?![ \t]*\n)|%(?!\})|\{(?!%)|-(?!%\}))*+)
              [ \t\n]*(?P<rtrim>-?)%\})  # stops at a blank line or a new opener, unless quoted: linear
    | (?P<expr>\{\{-?(?P<body>(?:[^"'\n{}-]++|"[^"\n]*+"|'[^'\n]*+'|["']|\n(?![ \t]*\n)|\{(?!\{)|\}(?!\})|-(?!\}\}))*+)-?\}\})
    | (?P<njcomment>\{\#)  # where it ends (the first `#}`, as Nunjucks reads it) is found with _Next
"""
_FLAGS = re.MULTILINE | re.DOTALL | re.VERBOSE
# Where a construct may start: a line start that isn't a letter (`\n` then the line's first
# character), or one of the characters an inline construct starts with. Every alternative starts
# with a literal character, so the regex engine skips the rest of the text in C without trying an
# alternative at each position (issues 6 and 16: the scanner was the plugin's top cost); the
# construct itself is then matched where the candidate is, line-start ones first, as written.
_CANDIDATE = re.compile(r"\n[ \t`~:<]|`|<(?:!--|(?i:iframe))|\{[%{#]")
_LINE_FULL = re.compile(f"{_FENCE}|{_INDENTED}|{_LINE_START}", _FLAGS)
_LINE_NO_INDENT = re.compile(f"{_FENCE}|{_LINE_START}", _FLAGS)
_INLINE_AT = re.compile(_INLINE, _FLAGS)

_DELIMITER = re.compile(r"\{[%{#]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_COMMENT_END = re.compile(r"#\}")
_BACKTICKS = re.compile(r"`+")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"[ \t]*>")


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)  # `\"` in a quoted argument is `"`
_ESCAPE_IN_LINE = re.compile(r"\\(.)")  # a keyword's value: a backslash before a line break stays


def _unescape(value: str, escape: re.Pattern[str]) -> str:
    return escape.sub(r"\1", value) if "\\" in value else value


def keyword_args(text: str) -> tuple[dict[str, str], str]:
    """`key="value"`, `key='value'` and `key=word` arguments of a tag, unquoted; and the text that is none.

    A key written twice keeps its last value, as in Nunjucks.
    """
    found: dict[str, str] = {}
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _KEYWORD.match(text, pos)
        if not m or m.end() == pos:
            return found, text[pos:]
        value = next(v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v is not None)
        found[m.group("key")] = value if m.group("bare") is not None else _unescape(value, _ESCAPE_IN_LINE)
        pos = m.end()
    return found, ""


def call_args(text: str) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str], str]:
    """A call as Nunjucks reads it: positional arguments, then `key=value` ones.

    Returns `(strings, bare_words, keywords, leftover)`: the positional arguments as
    `parse_args` splits them, the keyword arguments as `keyword_args` reads them, and
    the text that is neither.
    """
    text = text.strip()
    pos = 0
    while pos < len(text) and not _KEYWORD.match(text, pos):
        m = _ARG.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    strings, bare, _ = parse_args(text[:pos])
    keywords, leftover = keyword_args(text[pos:])
    return strings, bare, keywords, leftover


# Material blocks whose body is indented under a header line: admonitions, collapsible blocks, tabs.
_BOX = re.compile(r"[ \t]*(?:!!!|\?\?\?\+?|===\+?)(?:[ \t]|$)")
_TABLE_RULE = re.compile(r"[ \t]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# Lines that open no block when none is open: blank ones, and text that starts with no list, quote,
# box or table mark and holds no `|`. `para` is where the last paragraph after a blank line starts.
_PLAIN = r"[^\s\d\-*+!?=>|][^\n|]*\n"
_BLANK = r"[ \t]*\n"
_PLAIN_LINES = re.compile(f"(?P<head>(?:{_PLAIN})*+)(?:(?:{_BLANK})++(?P<para>)(?:{_PLAIN})++)*(?:{_BLANK})*+")
_RAW_HTML = re.compile(r"[ \t]*<(?!!--)")
_ARG = re.compile(
    r"""\s*(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>(?:[^'\\]|\\.)*)'|(?P<bare>[^\s,"']+))\s*,?""",
    re.DOTALL,
)

_KEYWORD = re.compile(
    r"""\s*(?P<key>[A-Za-z_]\w*)\s*=\s*(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>(?:[^'\\]|\\.)*)'|(?P<bare>[^\s,"'=]+))\s*,?""",
    re.DOTALL,
)

# The blocks a token can sit in where no HTML block can go: `Token.context`.
LIST_ITEM, BLOCKQUOTE, TABLE, INDENTED = "list item", "blockquote", "table", "indented block"


@dataclass(frozen=True)
class Token:
    """A `{% tag %}`, `{{ expression }}` or `{# comment #}` found outside code.

    `start`/`end` are offsets in the scanned text and `line` is 1-based.
    `args` holds the quoted string arguments, unquoted; `bare` the unquoted
    words (variables, keywords) in the order they appear. `context` is the
    block the token's line belongs to ("" at the top level of the page, else
    one of LIST_ITEM, BLOCKQUOTE, TABLE, INDENTED); `html_block` tells that the
    token sits in a block that starts with an HTML tag, where Markdown is not read.
    Kind "fence" is a code fence that is never closed: no text, at its opening line.
    """

    kind: str  # "tag", "expr", "comment", "component", "grid", "iframe", "container", "code" or "fence"
    name: str
    start: int
    end: int
    line: int
    raw: str
    args: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    source: str = field(default="", repr=False)
    context: str = ""
    html_block: bool = False


def parse_args(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Split a tag's argument text into quoted strings and bare words.

    Returns `(strings, bare_words, well_formed)`; `well_formed` is false when
    part of the text is neither (an unbalanced quote, for instance).
    """
    strings: list[str] = []
    bare: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _ARG.match(text, pos)
        if not m or m.end() == pos:
            return tuple(strings), tuple(bare), False
        if m.group("bare") is not None:
            bare.append(m.group("bare"))
        else:
            value = m.group("dq") if m.group("dq") is not None else m.group("sq")
            strings.append(_unescape(value, _ESCAPE))
        pos = m.end()
    return tuple(strings), tuple(bare), True


class _LineCounter:
    """Turns increasing offsets into line numbers without rescanning the text."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.pos = 0
        self.line = first_line

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


class _Next:
    """Where a pattern next occurs at or after an offset (`len(text)` when it doesn't).

    The answer for one offset is also the answer for every offset up to it, so
    offsets that move forward search each stretch of text once.
    """

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.text = text
        self.pattern = pattern
        self.asked = 1
        self.found = 0  # asked > found: nothing known yet

    def after(self, pos: int) -> int:
        if not self.asked <= pos <= self.found:
            m = self.pattern.search(self.text, pos)
            self.asked, self.found = pos, m.start() if m else len(self.text)
        return self.found


class _CodeSpans:
    """Where a code span opening at a run of backticks ends, as Python-Markdown reads it.

    It ends at the next run of exactly as many backticks in the same paragraph;
    failing that, the opening run gives back backticks (`` ``a` `` is the span
    `` `a `` after one backtick): the longest length that has a later run wins.
    The runs of a paragraph are indexed by length once, so a paragraph of
    unclosed runs is not searched again for each of them.
    """

    def __init__(self, text: str, blank_lines: _Next) -> None:
        self.text = text
        self.blank_lines = blank_lines
        self.span = (-1, -1)  # the stretch of text indexed below
        self.runs: dict[int, list[int]] = {}  # run length -> starts, increasing
        self.lengths: list[int] = []  # the lengths of self.runs, increasing

    def end(self, start: int, length: int, stop: int) -> int | None:
        """End of the span opening with the `length` backticks at `start`, or None."""
        limit = min(self.blank_lines.after(start + length), stop)
        if not (self.span[0] <= start + length and self.span[1] == limit):
            self._index(start + length, limit)
        i = bisect_right(self.lengths, length) - 1
        while i >= 0:
            size = self.lengths[i]
            starts = self.runs[size]
            j = bisect_right(starts, start)
            if j < len(starts):
                return starts[j] + size
            i -= 1
        return None

    def _index(self, begin: int, limit: int) -> None:
        self.span = (begin, limit)
        self.runs = {}
        for m in _BACKTICKS.finditer(self.text, begin, limit):
            self.runs.setdefault(m.end() - m.start(), []).append(m.start())
        self.lengths = sorted(self.runs)


@dataclass
class _Box:
    """An open block whose lines are indented under their first one: a list item, an admonition."""

    context: str
    indent: int  # a line indented at least this much stays inside
    lazy: bool  # a line right after a paragraph line stays inside whatever its indentation


class _Blocks:
    """The block each line belongs to, read line by line as the scan moves forward.

    Just enough Markdown to tell where an HTML block would break the page:
    list items (with their lazy continuation lines), blockquotes, tables and the
    indented bodies of admonitions, collapsible blocks and tabs.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.next = 0  # where the next line to read starts
        self.boxes: list[_Box] = []  # indents increase from the outermost
        self.blank = True  # the last line read was blank, or ended a block we skipped
        self.quote = False  # in the lines of a blockquote
        self.table = False  # in the rows of a table
        self.context = ""  # block of the last line read
        self.block_start = 0  # where the block holding the last line read starts

    def at(self, offset: int) -> str:
        """The block of the line holding `offset`."""
        while self.next <= offset and self.next < len(self.text):
            if not (self.boxes or self.quote or self.table) and self._skip_plain(offset):
                continue
            self._read()
        return self.context

    def _skip_plain(self, offset: int) -> bool:
        """Outside any block, pass over whole lines up to `offset` that are blank or plain text at once.

        Such lines open nothing (`_PLAIN_LINES`): reading them one by one would only note the
        blank ones and where the last paragraph starts, which the match tells. False: none there.
        """
        m = _PLAIN_LINES.match(self.text, self.next, offset + 1)
        end = m.end()
        if end == self.next:
            return False
        if m.start("para") >= 0:
            self.block_start, self.context = m.start("para"), ""
        elif m.end("head") > self.next:
            self.block_start = self.next if self.blank else self.block_start
            self.context = ""
        last = max(self.next, self.text.rfind("\n", self.next, end - 1) + 1)
        self.blank = not self.text[last : end - 1].strip(" \t")
        self.next = end
        return True

    def continues(self, start: int) -> bool:
        """Whether the indented lines at `start`, after a blank line, continue a list item or a box.

        Otherwise they are an indented code block.
        """
        self.at(start - 1)
        if not self.boxes:
            return False
        line_end = self.text.find("\n", start)
        line = self.text[start:] if line_end < 0 else self.text[start:line_end]
        return self.boxes[0].indent <= _indent(line)

    def skip(self, start: int, end: int, *, first_line: bool) -> None:
        """Lines that are code (a fence from `start`, an indented block): none of them opens a block."""
        if first_line:
            self.at(start)  # a fence's first line closes the boxes it is not indented enough for
        else:
            self.at(start - 1)
            self.boxes.clear()
        self.next = max(self.next, end)
        self.blank, self.quote, self.table = True, False, False
        self.context = self.boxes[-1].context if self.boxes else ""

    def _read(self) -> None:
        start = self.next
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        self.next = end + 1
        line = self.text[start:end]
        if not line.strip(" \t"):
            self.blank, self.quote, self.table = True, False, False
            return
        indent = _indent(line)
        new_item = bool(_LIST_ITEM.match(line) or _BOX.match(line) or _QUOTE.match(line))
        lazy = not self.blank and not new_item
        while self.boxes and indent < self.boxes[-1].indent and not (lazy and self.boxes[-1].lazy):
            self.boxes.pop()
        if self.blank:
            self.block_start = start
        self.context = self._classify(line, indent, end)
        self.blank = False

    def _classify(self, line: str, indent: int, end: int) -> str:
        if _QUOTE.match(line) or (self.quote and not self.blank):
            self.quote = True  # Python-Markdown's quote takes the rest of its block
            return BLOCKQUOTE
        if not self.table and "|" in line:
            following = self.text.find("\n", end + 1)
            self.table = bool(_TABLE_RULE.match(self.text, end + 1, len(self.text) if following < 0 else following))
        if self.table:
            return TABLE
        if _LIST_ITEM.match(line):
            self.boxes.append(_Box(LIST_ITEM, indent + 1, lazy=True))
        elif _BOX.match(line):
            self.boxes.append(_Box(INDENTED, indent + 1, lazy=False))
        return self.boxes[-1].context if self.boxes else ""


def _indent(line: str) -> int:
    """Columns of a line's leading whitespace, tabs stopping every 4 columns as in Markdown."""
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))


def scan(text: str, first_line: int = 1, code: bool = False, contexts: bool = True) -> Iterator[Token]:
    """Yield every tag and expression of `text` that sits outside code, in order.

    With `code`, also yield a "code" token for each code block, code span or
    HTML comment that holds a template delimiter (`{%`, `{{`, `{#`): what a
    template engine running after us would read although Markdown shows it as is.
    A fence that is never closed also yields a "fence" token.
    Without `contexts`, tokens carry no `context` (""): the same tokens otherwise,
    for a reader that only needs where they are, without reading each line's block.
    """
    yield from _Scanner(text, first_line, code, contexts).tokens(0, len(text), _LINE_FULL)


class Scans:
    """Token lists of one build, by page: a page scanned to count its words is not scanned again to be converted.

    A list is handed out (once) only for the very text, first line and `code` it was scanned with;
    any other text (another plugin changed it, MkDocs read it otherwise) is scanned anew.
    """

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, int, bool, list[Token]]] = {}

    def keep(self, key: str, text: str, first_line: int, code: bool) -> list[Token]:
        """`scan(text, first_line, code)`, kept for `take`."""
        tokens = list(scan(text, first_line, code))
        self._kept[key] = (text, first_line, code, tokens)
        return tokens

    def take(self, key: str, text: str, first_line: int, code: bool) -> list[Token]:
        """The tokens kept for `key` when they are those of this text, else `scan`'s."""
        kept = self._kept.pop(key, None)
        if kept is not None and kept[1] == first_line and kept[2] == code and kept[0] == text:
            return kept[3]
        return list(scan(text, first_line, code))


# A handler reads the match at hand, yields its tokens and returns where the scan goes on.
_Steps = Generator[Token, None, int]  # the tokens of one match, then where the scan goes on
_Handler = Callable[["_Scanner", re.Match[str], int], _Steps]


class _Scanner:
    def __init__(self, text: str, first_line: int, code: bool, contexts: bool = True) -> None:
        self.text = text
        self.code = code
        self.contexts = contexts
        self.lines = _LineCounter(text, first_line)
        self.blocks = _Blocks(text)
        self.blank_lines = _Next(text, _BLANK_LINE)
        self.comment_ends = _Next(text, _COMMENT_END)
        self.spans = _CodeSpans(text, self.blank_lines)

    def tokens(self, start: int, stop: int, line_start: re.Pattern[str]) -> Iterator[Token]:
        """The tokens from `start` to `stop`; `line_start` is what is read at the start of a line."""
        pos = start
        while (m := self._next(pos, stop, line_start)) is not None:
            pos = yield from _HANDLERS[str(m.lastgroup)](self, m, stop)

    def _next(self, pos: int, stop: int, line_start: re.Pattern[str]) -> re.Match[str] | None:
        """The first construct at or after `pos`: the one a search with every alternative would find."""
        text = self.text
        if pos == 0 or text[pos - 1] == "\n":
            m = line_start.match(text, pos, stop)
            if m is not None:
                return m
        while (found := _CANDIDATE.search(text, pos, stop)) is not None:
            at = found.start()
            m = line_start.match(text, at + 1, stop) if text[at] == "\n" else _INLINE_AT.match(text, at, stop)
            if m is not None:
                return m
            pos = at + 1
        return None

    def token(self, kind: str, name: str, start: int, end: int, **fields: object) -> Token:
        context = self.blocks.at(start) if self.contexts else ""
        return Token(kind, name, start, end, self.lines.at(start), self.text[start:end], context=context, **fields)  # type: ignore[arg-type]

    def _literal(self, start: int, end: int) -> Iterator[Token]:
        """Code or an HTML comment: a token only for a template engine that reads it anyway."""
        if self.code and _DELIMITER.search(self.text, start, end):
            yield Token("code", "", start, end, self.lines.at(start), self.text[start:end])

    def fence(self, m: re.Match[str], stop: int) -> _Steps:
        if m.group("fclose") is None:
            yield self.token("fence", m.group("fchar"), m.start(), m.start())
        self.blocks.skip(m.start(), m.end(), first_line=True)
        yield from self._literal(m.start(), m.end())
        return m.end()

    def indented(self, m: re.Match[str], stop: int) -> _Steps:
        if self.blocks.continues(m.start()):
            yield from self.tokens(m.start(), m.end(), _LINE_NO_INDENT)
        else:
            self.blocks.skip(m.start(), m.end(), first_line=False)
            yield from self._literal(m.start(), m.end())
        return m.end()

    def code_span(self, m: re.Match[str], stop: int) -> _Steps:
        end = self.spans.end(m.start(), m.end() - m.start(), stop)
        if end is None:
            return m.end()  # backticks shown as typed; no shorter run inside this one can open a span either
        yield from self._literal(m.start(), end)
        return end

    def html_comment(self, m: re.Match[str], stop: int) -> _Steps:
        yield from self._literal(m.start(), m.end())
        return m.end()

    def nunjucks_comment(self, m: re.Match[str], stop: int) -> _Steps:
        body = m.end()
        end = self.comment_ends.after(body)
        if end + 2 > stop or self.blank_lines.after(body) < end:
            return body  # never closed in its paragraph: text
        yield self.token("comment", "", m.start(), end + 2)
        return end + 2

    def tag(self, m: re.Match[str], stop: int) -> _Steps:
        args = m.group("args").rstrip(" \t\n")  # what a lazy reading leaves before `-%}`
        strings, bare, _ = parse_args(args)
        yield self.token("tag", m.group("name"), m.start(), m.end(), args=strings, bare=bare, source=args)
        return m.end()

    def expr(self, m: re.Match[str], stop: int) -> _Steps:
        body = m.group("body").strip()
        yield self.token("expr", body, m.start(), m.end(), source=body)
        return m.end()

    def component(self, m: re.Match[str], stop: int) -> _Steps:
        self.blocks.at(m.start())  # reads the line, so that block_start is this token's block
        html_block = bool(_RAW_HTML.match(self.text, self.blocks.block_start))
        yield self.token("component", "card", m.start(), m.end(), source=m.group("call"), html_block=html_block)
        return m.end()

    def grid(self, m: re.Match[str], stop: int) -> _Steps:
        yield self.token("grid", "card", m.start(), m.end(), source=m.group(0))
        return m.end()

    def iframe(self, m: re.Match[str], stop: int) -> _Steps:
        yield self.token("iframe", "iframe", m.start(), m.end(), source=m.group(0))
        return m.end()

    def container(self, m: re.Match[str], stop: int) -> _Steps:
        yield self.token("container", m.group("cname") or "", m.start(), m.end(), source=m.group("ctitle"))
        return m.end()


_HANDLERS: dict[str, _Handler] = {
    "fence": _Scanner.fence,
    "indented": _Scanner.indented,
    "code": _Scanner.code_span,
    "comment": _Scanner.html_comment,
    "njcomment": _Scanner.nunjucks_comment,
    "tag": _Scanner.tag,
    "expr": _Scanner.expr,
    "component": _Scanner.component,
    "grid": _Scanner.grid,
    "iframe": _Scanner.iframe,
    "container": _Scanner.container,
}

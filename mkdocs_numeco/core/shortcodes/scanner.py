"""One pass over a page's Markdown that finds Nunjucks tags outside code.

The scanner knows just enough Markdown to leave alone what authors write to
*document* the syntax: fenced code, indented code, inline code spans and HTML
comments. Everything else is searched for `{% tag %}`, `{{ expression }}`,
`{# comment #}`, DSFR cards and grid rows of cards, raw `<iframe>` players and
`:::` container lines, with one compiled regular expression, so the cost is linear in the text and
independent of how many shortcode types exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_FENCE = r"""
    (?P<fence>
        ^[ ]{0,3}(?P<fchar>`{3,}+|~{3,}+)[^\n]*(?:\n|\Z)     # opening fence line
        .*?                                                 # body (lazy)
        (?:^[ ]{0,3}(?P=fchar)[`~]*[ \t]*(?:\n|\Z)|\Z)      # closing fence or end
    )"""
_INDENTED = r"""
    (?P<indented>
        (?:(?<=\n\n)|\A)                                    # after a blank line
        (?:(?:[ ]{4}|\t)[^\n]*(?:\n|\Z))+                   # indented lines
    )"""
_INLINE = r"""
    (?P<code>(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`))  # as Python-Markdown: a run may give back ticks
    | (?P<comment><!--(?:(?!<!--).)*?-->)  # no nested opener: linear on unclosed comments
    | (?P<grid>^[ \t]*<div[ \t]+class="fr-grid-row[^"\n]*"[^>\n]*>     # a DSFR grid row holding only cards
        (?:\s*<div[ \t]+class="fr-col[^"\n]*"[^>\n]*>
           (?:\s*\{%-?[ \t]*from[ \t][^%\n]*-?%\})?
           \s*\{\{-?[ \t\n]*component[ \t\n]*\((?:(?!\n[ \t]*\n)(?!\{\{).)*?\)[ \t\n]*-?\}\}
           \s*</div>)+
        \s*</div>[ \t]*$)
    | (?P<component>\{\{-?[ \t\n]*component[ \t\n]*\((?P<call>(?:(?!\n[ \t]*\n)(?!\{\{).)*?)\)[ \t\n]*-?\}\})
    | (?P<iframe><(?i:iframe)\b[^<>]*>(?:(?!</?(?i:iframe)).)*?</(?i:iframe)[ \t]*>)
    | (?P<container>^[ ]{0,3}:{3,}[ \t]*(?P<cname>[A-Za-z][\w-]*)?(?P<ctitle>[^\n]*)$)  # markdown-it container
    | (?P<tag>\{%(?P<ltrim>-?)[ \t\n]*(?P<name>[A-Za-z_]\w*)
              (?P<args>(?>"[^"\n]*"|'[^'\n]*'|(?!\n[ \t]*\n)(?!-?%\})(?!\{%).)*?)  # a new opener only in quotes: linear
              [ \t\n]*(?P<rtrim>-?)%\})
    | (?P<expr>\{\{-?(?P<body>(?>"[^"\n]*"|'[^'\n]*'|(?!\n[ \t]*\n)(?!-?\}\})(?!\{\{).)*?)-?\}\})
    | (?P<njcomment>\{\#(?:(?!\n[ \t]*\n).)*?\#\})
"""
_FLAGS = re.MULTILINE | re.DOTALL | re.VERBOSE
# Every alternative starts at a line start or on one of these characters. Testing that first lets
# the regex engine leave most positions after one check instead of trying each alternative
# there: about 5x faster on posts, same matches (issue 6: the scanner was the plugin's top cost).
_GUARD = r"(?=[`<{]|(?<=\n)|\A)"
_FULL = re.compile(f"{_GUARD}(?:{_FENCE}|{_INDENTED}|{_INLINE})", _FLAGS)
_NO_INDENT = re.compile(f"{_GUARD}(?:{_FENCE}|{_INLINE})", _FLAGS)

# Groups of the patterns whose text Markdown shows as written.
_LITERAL_GROUPS = frozenset({"fence", "indented", "code", "comment"})
_DELIMITER = re.compile(r"\{[%{#]")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_ARG = re.compile(
    r"""\s*(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>(?:[^'\\]|\\.)*)'|(?P<bare>[^\s,"']+))\s*,?""",
    re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """A `{% tag %}`, `{{ expression }}` or `{# comment #}` found outside code.

    `start`/`end` are offsets in the scanned text and `line` is 1-based.
    `args` holds the quoted string arguments, unquoted; `bare` the unquoted
    words (variables, keywords) in the order they appear.
    """

    kind: str  # "tag", "expr", "comment", "component", "grid", "iframe" or "container"
    name: str
    start: int
    end: int
    line: int
    raw: str
    args: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    source: str = field(default="", repr=False)


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
            strings.append(re.sub(r"\\(.)", r"\1", value, flags=re.DOTALL))
        pos = m.end()
    return tuple(strings), tuple(bare), True


def _is_list_continuation(text: str, start: int) -> bool:
    """Whether an indented block at `start` continues a list rather than being code."""
    end = start  # walk back over blank lines without copying the text (linear overall)
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    previous_line = text[text.rfind("\n", 0, end) + 1 : end]
    return bool(_LIST_ITEM.match(previous_line)) or previous_line[:1] in (" ", "\t")


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


def scan(text: str, first_line: int = 1, code: bool = False) -> Iterator[Token]:
    """Yield every tag and expression of `text` that sits outside code, in order.

    With `code`, also yield a "code" token for each code block, code span or
    HTML comment that holds a template delimiter (`{%`, `{{`, `{#`): what a
    template engine running after us would read although Markdown shows it as is.
    """
    lines = _LineCounter(text, first_line)
    yield from _scan(text, 0, len(text), _FULL, lines, code)


def _scan(
    text: str, start: int, end: int, pattern: re.Pattern[str], lines: _LineCounter, code: bool = False
) -> Iterator[Token]:
    for m in pattern.finditer(text, start, end):
        if pattern is _FULL and m.group("indented") is not None and _is_list_continuation(text, m.start()):
            yield from _scan(text, m.start(), m.end(), _NO_INDENT, lines, code)
        elif code and m.lastgroup in _LITERAL_GROUPS and _DELIMITER.search(m.group(0)):
            yield Token("code", "", m.start(), m.end(), lines.at(m.start()), m.group(0))
        elif m.group("tag") is not None:
            strings, bare, _ = parse_args(m.group("args"))
            yield Token(
                "tag",
                m.group("name"),
                m.start(),
                m.end(),
                lines.at(m.start()),
                m.group(0),
                strings,
                bare,
                m.group("args"),
            )
        elif m.group("expr") is not None:
            body = m.group("body").strip()
            yield Token("expr", body, m.start(), m.end(), lines.at(m.start()), m.group(0), source=body)
        elif m.group("njcomment") is not None:
            yield Token("comment", "", m.start(), m.end(), lines.at(m.start()), m.group(0))
        elif m.group("component") is not None:
            yield Token(
                "component", "card", m.start(), m.end(), lines.at(m.start()), m.group(0), source=m.group("call")
            )
        elif m.group("grid") is not None:
            yield Token("grid", "card", m.start(), m.end(), lines.at(m.start()), m.group(0), source=m.group(0))
        elif m.group("iframe") is not None:
            yield Token("iframe", "iframe", m.start(), m.end(), lines.at(m.start()), m.group(0), source=m.group(0))
        elif m.group("container") is not None:
            name = m.group("cname") or ""
            yield Token(
                "container", name, m.start(), m.end(), lines.at(m.start()), m.group(0), source=m.group("ctitle")
            )

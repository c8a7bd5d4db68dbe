"""DSFR cards, `{{ component("card", {...}) }}`, as Material grid cards.

The argument is a Nunjucks object literal, written like JavaScript: unquoted
keys, single or double quotes, trailing commas, filters (`"2023-06-21" |
jsDateObject`) and front-matter variables. JSON and JSON5 readers reject the
last two, so `read_call` is a small reader for exactly this subset.

A card is written as a Markdown list item inside `<div class="grid cards"
markdown>` (Material's grid cards), so that MkDocs resolves and checks its
image and link like any other. Inside raw HTML (a `<div>` of the author's),
where Markdown is not read, the same card is written in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import render, urls
from .html import esc

if TYPE_CHECKING:
    from ..render import Renderer

IMPORT = re.compile(r"""from\s+["']components/component\.njk["']\s+import\s+component\b""")
_CALL = re.compile(r"""\{\{-?\s*component\s*\((?P<call>.*?)\)\s*-?\}\}""", re.DOTALL)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")
_CONSTANTS = {"true": True, "false": False, "null": None, "undefined": None, "none": None}
# Python-Markdown's escapable characters that HTML escaping leaves alone.
_MARKDOWN = re.compile(r"([\\`*_\[\]()#+\-.!|~])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class CardError(ValueError):
    """The component call can't be read; the message says where and why."""


Lookup = Callable[[str], "tuple[bool, Any]"]


def read_call(text: str, lookup: Lookup) -> tuple[str, Any]:
    """Read `"card", {...}` (the text between the parentheses) into the name and the argument."""
    reader = _Reader(text, lookup)
    name = reader.value()
    argument: Any = {}
    if reader.skip(","):
        argument = reader.value()
        reader.skip(",")
    reader.end()
    if not isinstance(name, str):
        raise CardError("the component's name must come first, in quotes")
    return name, argument


def calls_in(grid: str) -> list[tuple[int, str]]:
    """Every component call of a DSFR grid row, in order: (lines before it in `grid`, its argument text)."""
    return [(grid.count("\n", 0, m.start()), m.group("call")) for m in _CALL.finditer(grid)]


class _Reader:
    def __init__(self, text: str, lookup: Lookup) -> None:
        self.text = text
        self.pos = 0
        self.lookup = lookup

    def skip(self, char: str) -> bool:
        self._space()
        if self.text.startswith(char, self.pos):
            self.pos += len(char)
            return True
        return False

    def end(self) -> None:
        self._space()
        if self.pos < len(self.text):
            raise CardError(f"unexpected {self.text[self.pos : self.pos + 20]!r}")

    def value(self) -> Any:
        self._space()
        value = self._atom()
        while self.skip("|"):  # a Nunjucks filter: the value before it is what we show
            self._space()
            if not self._match(_NAME):
                raise CardError("a filter name is missing after '|'")
            if self.skip("("):
                self._until_closing()
        return value

    def _atom(self) -> Any:
        char = self.text[self.pos : self.pos + 1]
        if char in ("'", '"'):
            return self._string(char)
        if char == "{":
            return self._object()
        if char == "[":
            return self._array()
        number = self._match(_NUMBER)
        if number is not None:
            return float(number) if "." in number else int(number)
        name = self._match(_NAME)
        if name is None:
            raise CardError(f"unexpected {self.text[self.pos : self.pos + 20]!r}" if char else "a value is missing")
        if name.lower() in _CONSTANTS:
            return _CONSTANTS[name.lower()]
        found, value = self.lookup(name)
        if not found:
            raise CardError(f"'{name}' is not a front-matter variable of this page")
        return value

    def _string(self, quote: str) -> str:
        out: list[str] = []
        pos = self.pos + 1
        while pos < len(self.text):
            char = self.text[pos]
            if char == "\\" and pos + 1 < len(self.text):
                out.append(self.text[pos + 1])
                pos += 2
            elif char == quote:
                self.pos = pos + 1
                return "".join(out)
            else:
                out.append(char)
                pos += 1
        raise CardError("a quote is never closed")

    def _object(self) -> dict[str, Any]:
        self.pos += 1
        result: dict[str, Any] = {}
        while not self.skip("}"):
            self._space()
            char = self.text[self.pos : self.pos + 1]
            key = self._string(char) if char in ("'", '"') else self._match(_NAME)
            if key is None:
                raise CardError(f"a key is expected at {self.text[self.pos : self.pos + 20]!r}")
            if not self.skip(":"):
                raise CardError(f"':' is missing after '{key}'")
            result[key] = self.value()
            if not self.skip(","):
                if not self.skip("}"):
                    raise CardError(f"',' or '}}' is missing after the value of '{key}'")
                break
        return result

    def _array(self) -> list[Any]:
        self.pos += 1
        items: list[Any] = []
        while not self.skip("]"):
            items.append(self.value())
            if not self.skip(","):
                if not self.skip("]"):
                    raise CardError("',' or ']' is missing in a list")
                break
        return items

    def _until_closing(self) -> None:
        depth = 1
        while self.pos < len(self.text) and depth:
            depth += {"(": 1, ")": -1}.get(self.text[self.pos], 0)
            self.pos += 1
        if depth:
            raise CardError("a filter's '(' is never closed")

    def _match(self, pattern: re.Pattern[str]) -> str | None:
        m = pattern.match(self.text, self.pos)
        if not m:
            return None
        self.pos = m.end()
        return m.group(0)

    def _space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1


def validate(argument: Any) -> str | None:
    """Why a card's argument can't make a card, or None when it can."""
    if not isinstance(argument, Mapping):
        return 'the card\'s second argument must be an object, as in {title: "…", url: "…"}'
    if not _text(argument.get("title")):
        return 'the card has no title: add title: "…"'
    return None


def in_raw_html(text: str, offset: int) -> bool:
    """Whether `offset` sits in a block that starts with an HTML tag, where Markdown is not read."""
    blanks = list(_BLANK_LINE.finditer(text, 0, offset))
    block = text[blanks[-1].end() if blanks else 0 : offset].lstrip()
    return block.startswith("<") and not block.startswith("<!--")


def render_grid(cards: list[Mapping[str, Any]], *, html: bool = False, renderer: Renderer | None = None) -> str:
    """One Material grid holding `cards`: Markdown list items (`cards.md`), or HTML (`cards.html`) for a place Markdown is not read."""
    shown = [_fields(card) for card in cards]
    template = "cards.html" if html else "cards.md"
    return (renderer or render.packaged()).markup(
        template, cards=shown, md=lambda text: Markup(md_text(text)), md_url=lambda url: Markup(md_url(url))
    )


def refusals(card: Mapping[str, Any]) -> list[str]:
    """Why a card's link or image is left out (the URL policy refused it); the card itself is kept."""
    return _fields(card)["refused"]


def _fields(card: Mapping[str, Any]) -> dict[str, Any]:
    """What a card shows, read once for both writings; a URL the policy refuses is left out."""
    image = card.get("image")
    if isinstance(image, Mapping):
        src, alt = _text(image.get("src") or image.get("path")), _text(image.get("alt"))
    else:
        src, alt = _text(image) if isinstance(image, str) else "", ""
    refused: list[str] = []
    src = _allowed(src, urls.IMAGE, "card image", "the card is kept without its image", refused)
    target = _text(card.get("url")) or _text(card.get("externalUrl"))
    target = _allowed(target, urls.LINK, "card url", "the card is kept without its link", refused)
    return {
        "src": src,
        "alt": alt,
        "title": _text(card.get("title")),
        "target": target,
        "detail": _text(card.get("detail") or card.get("date")),
        "description": " ".join(_text(card.get("description")).split()),
        "badges": [b for b in (_badge(x) for x in _list(card.get("badges")) + _list(card.get("tags"))) if b],
        "refused": refused,
    }


def _allowed(value: str, use: urls.Use, what: str, consequence: str, refused: list[str]) -> str:
    """`value` when the URL policy allows it for `use`; else "" and the reason added to `refused`."""
    why = urls.refusal(urls.classify(value), use, what, consequence) if value else None
    if why is None:
        return value
    refused.append(why)
    return ""


def md_text(text: str) -> str:
    """Author text as Markdown that shows exactly that text: HTML-escaped, Markdown syntax backslashed."""
    return _MARKDOWN.sub(r"\\\1", esc(" ".join(text.split())))


def md_url(url: str) -> str:
    """A link destination in angle brackets: spaces and parentheses need no escaping there."""
    return "<" + esc(url).replace("\n", "%0A") + ">"


def _text(value: Any) -> str:
    if value is None or value is False:
        return ""
    return str(value).strip()


def _list(value: Any) -> list[Any]:
    if value is None or value is False:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _badge(value: Any) -> str:
    if isinstance(value, Mapping):  # {label: "…", type: "…"}, as some sites write them
        return _text(value.get("label") or value.get("text"))
    return _text(value)

"""DSFR cards, `{{ component("card", {...}) }}`, as Material grid cards.

The argument is a Nunjucks object literal, written like JavaScript: unquoted
keys, single or double quotes, trailing commas, filters (`"2023-06-21" |
jsDateObject`) and front-matter variables. JSON and JSON5 readers reject the
last two, so `read_call` is a small reader for exactly this subset.

A card is written as a Markdown list item inside `<div class="grid cards"
markdown>` (Material's grid cards), so that MkDocs resolves and checks its
image and link like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from .html import esc

IMPORT = re.compile(r"""from\s+["']components/component\.njk["']\s+import\s+component\b""")
_CALL = re.compile(r"""\{\{-?\s*component\s*\((?P<call>.*?)\)\s*-?\}\}""", re.DOTALL)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")
_CONSTANTS = {"true": True, "false": False, "null": None, "undefined": None, "none": None}
# Python-Markdown's escapable characters that HTML escaping leaves alone.
_MARKDOWN = re.compile(r"([\\`*_\[\]()#+\-.!|~])")


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


def render_grid(cards: list[Mapping[str, Any]]) -> str:
    """One Material grid holding `cards`, each a list item (blank lines around: a block of its own)."""
    items = "\n\n".join(_item(card) for card in cards)
    return f'<div class="grid cards numeco-cards" markdown>\n\n{items}\n\n</div>'


def _item(card: Mapping[str, Any]) -> str:
    lines: list[str] = []
    image = card.get("image")
    if isinstance(image, Mapping):
        src = _text(image.get("src") or image.get("path"))
        if src:
            lines.append(f"![{md_text(_text(image.get('alt')))}]({md_url(src)})")
    elif isinstance(image, str) and image.strip():
        lines.append(f"![]({md_url(image.strip())})")
    title = md_text(_text(card.get("title")))
    target = _text(card.get("url")) or _text(card.get("externalUrl"))
    lines.append(f"**[{title}]({md_url(target)})**" if target else f"**{title}**")
    detail = _text(card.get("detail") or card.get("date"))
    if detail:
        lines.append(f"<small>{esc(detail)}</small>")
    description = _text(card.get("description"))
    if description:
        lines.extend(("---", md_text(description)))
    badges = [b for b in (_badge(x) for x in _list(card.get("badges")) + _list(card.get("tags"))) if b]
    if badges:
        lines.append(" ".join(f'<span class="numeco-card__badge">{esc(b)}</span>' for b in badges))
    return "-   " + "\n\n    ".join(lines)


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

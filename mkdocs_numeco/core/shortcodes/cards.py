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
from typing import Any

from .. import urls
from .html import esc

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


def render_grid(cards: list[Mapping[str, Any]], *, html: bool = False) -> str:
    """One Material grid holding `cards`: Markdown list items, or HTML for a place Markdown is not read."""
    if html:
        items = "".join(f"<li>{''.join(_html_parts(card))}</li>" for card in cards)
        return f'<div class="grid cards numeco-cards"><ul>{items}</ul></div>'
    items = "\n\n".join("-   " + "\n\n    ".join(_markdown_parts(card)) for card in cards)
    return f'<div class="grid cards numeco-cards" markdown>\n\n{items}\n\n</div>'


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
        "description": _text(card.get("description")),
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


def _markdown_parts(card: Mapping[str, Any]) -> list[str]:
    f = _fields(card)
    # Without an image (none, or refused), its alternative text is still the author's text: shown as text.
    parts = [f"![{md_text(f['alt'])}]({md_url(f['src'])})" if f["src"] else md_text(f["alt"])]
    parts = parts if f["src"] or f["alt"] else []
    title = md_text(f["title"])
    parts.append(f"**[{title}]({md_url(f['target'])})**" if f["target"] else f"**{title}**")
    parts.extend(_shared_parts(f, md_text))
    return parts


def _html_parts(card: Mapping[str, Any]) -> list[str]:
    f = _fields(card)
    parts = [f'<p><img src="{esc(f["src"])}" alt="{esc(f["alt"])}"></p>' if f["src"] else f"<p>{esc(f['alt'])}</p>"]
    parts = parts if f["src"] or f["alt"] else []
    title = esc(f["title"])
    parts.append(
        f'<p><strong><a href="{esc(f["target"])}">{title}</a></strong></p>'
        if f["target"]
        else f"<p><strong>{title}</strong></p>"
    )
    parts.extend(
        f"<p>{part}</p>" if not part.startswith("<hr") else part for part in _shared_parts(f, esc, rule="<hr>")
    )
    return parts


def _shared_parts(f: dict[str, Any], text: Callable[[str], str], rule: str = "---") -> list[str]:
    parts = [f"<small>{esc(f['detail'])}</small>"] if f["detail"] else []
    if f["description"]:
        parts.extend((rule, text(" ".join(f["description"].split()))))
    if f["badges"]:
        parts.append(" ".join(f'<span class="numeco-card__badge">{esc(b)}</span>' for b in f["badges"]))
    return parts


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

"""Times in a video: `start="1:23"` on a video shortcode, and the timestamps that open transcript lines.

Pure and linear: a transcript is read line by line, and each line is tried once
against an anchored pattern whose every part is bounded by the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# m:ss, mm:ss, h:mm:ss, hh:mm:ss (a clock), or a number of seconds (a shortcode's start).
_CLOCK = r"\d{1,2}(?::\d{2}){1,2}"
_TIME = re.compile(rf"(?:{_CLOCK}|\d{{1,6}})")

# What may open a line before its timestamp: indentation, an HTML tag that opens a paragraph or a
# list item (`<p>`, `<li class="…">`), a Markdown list marker. Then `[01:23]` (not a link: no `(`,
# `[` or `:` after it), `(1:23:45)`, or `01:23` followed by an em dash, an en dash or a hyphen.
_STAMP = re.compile(
    rf"""(?P<lead>[ \t]*(?:<(?:p|li|div|dd)(?:[ \t][^>\n]*)?>[ \t]*)?(?:[-*+][ \t]+)?)
    (?:\[(?P<square>{_CLOCK})\](?![(\[:])|\((?P<round>{_CLOCK})\)|(?P<dash>{_CLOCK})(?=[ \t]+[—–-][ \t]))""",
    re.VERBOSE,
)
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_CLOCK_PART = re.compile(r":\d\d")  # in every clock (a literal first: searched fast): without one, no timestamp


def seconds(text: str) -> int | None:
    """`83`, `1:23`, `01:23` or `1:23:45` in seconds; None for anything else (`1:75`, `1:2`, `-3`)."""
    text = text.strip()
    if not _TIME.fullmatch(text):
        return None
    *rest, last = (int(part) for part in text.split(":"))
    if rest and (last > 59 or (len(rest) == 2 and rest[1] > 59)):
        return None
    total = 0
    for part in (*rest, last):
        total = total * 60 + part
    return total


def clock(total: int) -> str:
    """83 -> `1:23`, 5025 -> `1:23:45`."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class Stamp:
    """A timestamp found at the start of a line: where its time is, as written, and in seconds."""

    start: int
    end: int
    text: str
    seconds: int


def stamps(text: str, *, at_line_start: bool = True, duration: int | None = None) -> list[Stamp]:
    """Every timestamp that opens a line of `text`, outside fenced code; none past `duration` when known.

    `at_line_start`: whether `text` starts a line (it may follow a tag on its line).
    """
    found: list[Stamp] = []
    fence = ""  # the fence that opened the code block we are in
    first = 0 if at_line_start else text.find("\n") + 1
    if (first == 0 and not at_line_start) or not _CLOCK_PART.search(text, first):
        return found  # one line, which doesn't start a line; or no clock anywhere: not read line by line
    for start, end in _lines(text, first):
        fence = _fence_after(text, start, end, fence)
        stamp = None if fence else _stamp(text, start, end)
        if stamp is not None and (duration is None or stamp.seconds <= duration):
            found.append(stamp)
    return found


def _lines(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """`(start, end)` of each line of `text` from `pos`, without its line break."""
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1


def _stamp(text: str, start: int, end: int) -> Stamp | None:
    m = _STAMP.match(text, start, end)
    if m is None:
        return None
    group = m.lastgroup or "dash"
    value = seconds(m.group(group))
    return None if value is None else Stamp(m.start(group), m.end(group), m.group(group), value)


def _fence_after(text: str, start: int, end: int, fence: str) -> str:
    """The fence still open after the line `text[start:end]` (a line that opens or closes one counts as code)."""
    m = _FENCE.match(text, start, end)
    if m is None:
        return fence
    if not fence:
        return m.group(1)
    closes = m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not text[m.end() : end].strip()
    return "" if closes else fence


def mark(text: str, found: list[Stamp], render: Callable[[Stamp], str]) -> str:
    """`text` with each found timestamp replaced by `render(stamp)` (which keeps its text)."""
    parts: list[str] = []
    pos = 0
    for stamp in found:
        parts.append(text[pos : stamp.start])
        parts.append(render(stamp))
        pos = stamp.end
    parts.append(text[pos:])
    return "".join(parts)

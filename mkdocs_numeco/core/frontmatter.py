"""Front matter read by us, with line numbers, a little of Eleventy's leniency, and no silent loss.

MkDocs drops front matter it cannot parse without a word, and the post loses
its title and tags. Here every problem becomes a `Problem` with the line in
the source file, and the post keeps whatever could be read.

Front matter is YAML (`---` or `---yaml`) or JSON (`---json`), as in Eleventy.
It is hostile input: YAML aliases may not multiply its size (a "billion
laughs" is refused in milliseconds) and collections may not nest deeper than
`MAX_DEPTH`, so reading it stays linear in its length.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar

import yaml
from yaml.constructor import SafeConstructor

from .escape import printed_raw
from .keys import near_misses
from .problems import Problem

try:  # libyaml is bundled with PyYAML's wheels; fall back to pure Python elsewhere.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# `---`, or `---json` / `---yaml` as Eleventy writes it, then the block up to the
# FIRST closing line: `??` lets an empty block (`---` right after `---`) end there.
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*(?P<lang>[A-Za-z]*)[ \t]*\n(?P<block>(?:.*?\n)??)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
# What YAML's reader refuses anywhere in a stream (outside its printable set), and NEL (U+0085), which
# YAML reads as a line break where editors show nothing; JSON refuses the C0 ones in its strings too.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LEADING_TABS = re.compile(r"^([ ]*\t[ \t]*)", re.MULTILINE)
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps dates as text, so that we validate them ourselves."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    """What a page's front matter says, and where."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1
    has_block: bool = False
    problems: list[Problem] = field(default_factory=list)
    refused: bool = False  # the block was refused as a YAML bomb or too deep a nest: nobody may parse it

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def read(source: str) -> FrontMatter:
    """Parse the front matter block at the top of `source`, if there is one."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return FrontMatter()
    result = FrontMatter(body_line=source.count("\n", 0, m.end()) + 1, has_block=True)
    language = m.group("lang").lower()
    reader = _READERS.get(language)
    if reader is None:
        result.problems.append(
            Problem(
                1,
                f"front matter in '{m.group('lang')}' can't be read (only YAML and JSON can): the block is left out"
                " of the page; write it as YAML (---) or JSON (---json)",
            )
        )
    else:
        reader(_printable(m.group("block"), result), result)
        result.problems.extend(near_misses(result.lines))
        material_dates(result)
    return result


def material_dates(front: FrontMatter) -> None:
    """Material's `date: {created: …, updated: …}` read as `date: …` and `updated: …` (a top-level `updated` wins).

    Everything that reads a post's date (drafts, permalinks, listings, feeds) then reads one ordinary date.
    A mapping without `created` is a problem; its date is then missing, as any unreadable date is.
    """
    value = front.data.get("date")
    if not isinstance(value, dict):
        return
    line = front.line_of("date")
    if "updated" in value and "updated" not in front.data:
        front.data["updated"] = value["updated"]
        front.lines["updated"] = line
    front.data["date"] = value.get("created")
    if "created" not in value:
        front.problems.append(
            Problem(line, "date is a mapping without `created`: write date: {created: 2025-01-31, updated: …}")
        )


def read_data(text: str) -> FrontMatter:
    """A YAML data file (`.authors.yml`) read as front matter is, with its limits; lines are the file's."""
    result = FrontMatter(has_block=True)
    _read_yaml(_printable(text, result), result)
    result.lines = {key: line - 1 for key, line in result.lines.items()}  # no `---` line before it
    result.problems = [Problem(max(1, p.line - 1), p.message) for p in result.problems]
    return result


def code_points(characters: list[str]) -> str:
    """`U+000B, U+001B`: the distinct characters, in order, the first five only."""
    found = sorted(set(characters))
    return ", ".join(f"U+{ord(c):04X}" for c in found[:5]) + (", …" if len(found) > 5 else "")


def _printable(text: str, result: FrontMatter) -> str:
    """The block without the characters YAML and JSON refuse; each line that had some is a problem.

    Without this, one control character in a title makes the whole block unreadable.
    """
    if not _NOT_PRINTABLE.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=2):
        found = _NOT_PRINTABLE.findall(line)
        if found:
            key = _TOP_LEVEL_KEY.match(_NOT_PRINTABLE.sub("", line))
            what = f"front matter key '{key.group(1)}'" if key else "this front matter line"
            result.problems.append(
                Problem(
                    number,
                    f"{what} has characters that YAML and JSON can't read as text ({code_points(found)}): they were"
                    " removed; delete them",
                )
            )
            lines[number - 2] = _NOT_PRINTABLE.sub("", line)
    return "\n".join(lines)


# -- YAML -------------------------------------------------------------------------

MAX_DEPTH = 64  # collections inside collections; real front matter uses two or three
MAX_ALIAS_GROWTH = 100_000  # characters that aliases (`*name`) may add once written out in full


class _Refused(yaml.MarkedYAMLError):
    """YAML that is valid but that we won't expand: the `advice` says what to write instead."""

    def __init__(self, problem: str, mark: yaml.Mark, advice: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.advice = advice


def _read_yaml(text: str, result: FrontMatter) -> None:
    try:
        result.data, result.lines = _load(text, result.problems)
    except yaml.YAMLError as error:
        _recover(text, error, result)


def _load(text: str, problems: list[Problem] | None = None) -> tuple[dict[str, Any], dict[str, int]]:
    """Load one YAML mapping; key lines are 1-based lines of the file (line 1 is `---`).

    Duplicate top-level keys go to `problems` (the last value wins, as in PyYAML and MkDocs).
    """
    if "*" in text or sum(text.count(c) for c in "[{-:?") > MAX_DEPTH:
        # Only an alias (`*`) repeats anything, and each level of nesting needs its own `[`, `{`, `-`, `:` or
        # `?`: a block without them is safe as it is, and most real front matter is (a second pass costs time).
        _Budget(text).check()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise yaml.MarkedYAMLError(
                problem="the front matter is not a mapping of `key: value` lines", problem_mark=node.start_mark
            )
        lines = _key_lines(text, node, problems if problems is not None else [])
        try:
            data = _construct(loader, node, aliases="*" in text)
        except (ValueError, TypeError, OverflowError) as error:  # `!!timestamp 2025-13-45`, `!!int 1e999`…
            raise yaml.MarkedYAMLError(problem=str(error), problem_mark=node.start_mark) from error
    finally:
        loader.dispose()
    return dict(data), lines


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_PLAIN_DEPTH = 4  # deeper front matter is left to PyYAML's constructor


class _NotPlain(Exception):
    """A node holding something else than text, lists and mappings of text."""


def _construct(loader: Any, node: yaml.Node, aliases: bool) -> Any:
    """What `loader.construct_document(node)` builds; text, lists and mappings of text (nearly all front
    matter) are built here directly, without PyYAML's constructor calling Python for every node."""
    if not aliases:  # an alias makes PyYAML share one object where it repeats: its constructor does that
        try:
            return _plain(node, _PLAIN_DEPTH)
        except _NotPlain:
            pass
    return loader.construct_document(node)


def _plain(node: yaml.Node, depth: int) -> Any:
    """A node as PyYAML's SafeConstructor builds it, when it is text or a list or mapping of them."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if depth and node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_plain(item, depth - 1) for item in node.value]
    if depth and node.tag == _MAP and isinstance(node, yaml.MappingNode):
        return _plain_mapping(node, depth)
    raise _NotPlain


def _plain_mapping(node: yaml.MappingNode, depth: int) -> dict[str, Any]:
    """A mapping with text keys, as PyYAML builds it (a key given twice keeps its last value)."""
    mapping = {}
    for key, value in node.value:
        if key.tag != _STR or not isinstance(key, yaml.ScalarNode):
            raise _NotPlain  # `<<` (merge), a number, a collection: PyYAML's rules
        mapping[key.value] = _plain(value, depth - 1)
    return mapping


def _key_lines(text: str, node: yaml.MappingNode, problems: list[Problem]) -> dict[str, int]:
    """The line of each top-level key; a key given twice is a problem at its second line."""
    lines: dict[str, int] = {}
    first: dict[tuple[str, str], int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = _line(text, key.start_mark)
        seen = first.setdefault((key.tag, key.value), line)
        if seen != line:
            problems.append(
                Problem(
                    line,
                    f"front matter key '{key.value}' appears twice (lines {seen} and {line}): the value on line"
                    f" {line} is used; keep only one",
                )
            )
        lines[str(key.value)] = line
    return lines


class _Budget:
    """One pass over the YAML events, before anything is built, refusing what would not stay small.

    Each value's size is counted as written out in full (an alias counts the
    size of what it names), in one linear pass: an alias bomb is refused at
    the alias that crosses `MAX_ALIAS_GROWTH`, a deep nest at `MAX_DEPTH`
    (libyaml's own work grows with the square of the depth), an alias to a
    collection that contains it (a loop) at once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.sizes: dict[str, int] = {}  # anchor -> size of its value written out
        self.open: list[list[Any]] = []  # [anchor, size so far] of each collection being read
        self.growth = 0

    def check(self) -> None:
        loader = _Loader(self.text)
        try:
            while loader.check_event():
                event = loader.get_event()
                handle = self._HANDLERS.get(type(event))
                if handle is not None:
                    handle(self, event)
        finally:
            loader.dispose()

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        self.open.append([event.anchor, 1])
        if len(self.open) > MAX_DEPTH:
            raise _Refused(
                f"it nests collections more than {MAX_DEPTH} levels deep", event.start_mark, "nest fewer levels"
            )

    def _end(self, event: yaml.CollectionEndEvent) -> None:
        anchor, size = self.open.pop()
        self._add(anchor, size)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._add(event.anchor, 1 + len(event.value))

    def _alias(self, event: yaml.AliasEvent) -> None:
        if any(anchor == event.anchor for anchor, _ in self.open):
            raise _Refused(
                f"the alias *{event.anchor} is inside the value it names, which would never end",
                event.start_mark,
                "write the value out instead of the alias",
            )
        size = self.sizes.get(event.anchor, 0)  # an unknown alias is PyYAML's error, reported later
        self.growth += size
        if self.growth > MAX_ALIAS_GROWTH:
            raise _Refused(
                f"its aliases (*{event.anchor}) would make it more than {MAX_ALIAS_GROWTH:,} characters larger once"
                " written out",
                event.start_mark,
                "write the values out instead of repeating aliases",
            )
        self._add(None, size)

    def _add(self, anchor: str | None, size: int) -> None:
        if anchor is not None:
            self.sizes[anchor] = size
        if self.open:
            self.open[-1][1] += size

    _HANDLERS: ClassVar[dict[type, Callable[[_Budget, Any], None]]] = {
        yaml.MappingStartEvent: _start,
        yaml.SequenceStartEvent: _start,
        yaml.MappingEndEvent: _end,
        yaml.SequenceEndEvent: _end,
        yaml.ScalarEvent: _scalar,
        yaml.AliasEvent: _alias,
    }


def _recover(text: str, error: yaml.YAMLError, result: FrontMatter) -> None:
    """Read what can be read of front matter that PyYAML rejects."""
    if not isinstance(error, _Refused) and _LEADING_TABS.search(text):
        for width in (2, 4, 1, 8):
            problems: list[Problem] = []
            try:
                result.data, result.lines = _load(
                    _LEADING_TABS.sub(lambda m, w=width: m.group(1).replace("\t", " " * w), text), problems
                )
            except yaml.YAMLError:
                continue
            line = text.count("\n", 0, _LEADING_TABS.search(text).start()) + 2  # type: ignore[union-attr]
            result.problems.append(
                Problem(
                    line,
                    "front matter is indented with a tab; YAML wants spaces. It was read as if the tab were spaces: replace the tab with spaces",
                )
            )
            result.problems.extend(problems)
            return
    line = _error_line(text, error)
    result.refused = isinstance(error, _Refused)
    result.data, result.lines = _salvage(text)
    kept = ", ".join(sorted(result.data)) or "nothing"
    advice = error.advice if isinstance(error, _Refused) else "fix the YAML syntax"
    result.problems.append(
        Problem(
            line,
            f"front matter can't be read as YAML ({_reason(error)}); kept the simple `key: value` lines ({kept}): {advice}",
        )
    )


def _error_line(text: str, error: yaml.YAMLError) -> int:
    """The line to fix: where an unclosed quote or bracket opens, else where YAML gave up."""
    context = str(getattr(error, "context", None) or "")
    marks = [getattr(error, "problem_mark", None), getattr(error, "context_mark", None)]
    if "quoted scalar" in context or "flow" in context:
        # YAML only notices an unclosed quote or bracket at the end of the block.
        marks.reverse()
    mark = next((m for m in marks if m is not None), None)
    return _line(text, mark) if mark is not None else 1


def _line(text: str, mark: yaml.Mark) -> int:
    """The file line of a YAML mark (line 1 is `---`).

    Counted from the character index: YAML also breaks lines at `\r`, NEL and
    U+2028, which editors and MkDocs don't.
    """
    return text.count("\n", 0, mark.index) + 2


def _reason(error: yaml.YAMLError) -> str:
    parts = [getattr(error, "context", None), getattr(error, "problem", None)]
    text = ": ".join(str(p) for p in parts if p) or str(error)
    return (text.strip().splitlines() or ["unknown error"])[0]


def _salvage(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Keep each top-level `key: value` line that parses on its own (within the same bounds)."""
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=2):  # not splitlines(): lines are the editor's
        m = _TOP_LEVEL_KEY.match(line)
        if not m or not m.group(2):
            continue
        try:
            value, _ = _load(f"v: {m.group(2)}\n")
        except yaml.YAMLError:
            continue
        data[m.group(1)] = value["v"]
        lines[m.group(1)] = number
    return data, lines


# -- JSON -------------------------------------------------------------------------

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _JsonStop(ValueError):
    """Where and why the JSON front matter stops being readable."""

    def __init__(self, reason: str, index: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.index = index


def _read_json(text: str, result: FrontMatter) -> None:
    """`---json` front matter: one JSON object; the keys read before an error are kept."""
    try:
        _json_object(text, result)
    except _JsonStop as stop:
        kept = ", ".join(sorted(result.data)) or "nothing"
        result.problems.append(
            Problem(
                text.count("\n", 0, stop.index) + 2,
                f"front matter can't be read as JSON ({stop.reason}); kept the keys before it ({kept}):"
                " fix the JSON syntax",
            )
        )


def _json_object(text: str, result: FrontMatter) -> None:
    """Read the top-level object pair by pair with `json`, so that each key has its line."""
    decoder = json.JSONDecoder()
    at = _JSON_SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if at == len(text):
        return  # an empty block, as `---` then `---`
    at = _expect(text, at, "{", "the front matter is not a JSON object")
    if text.startswith("}", _JSON_SPACE.match(text, at).end()):  # type: ignore[union-attr]
        at = _expect(text, at, "}")
    else:
        closed = False
        while not closed:
            key, at = _json_value(decoder, text, at)
            if not isinstance(key, str):
                raise _JsonStop("a key is not a string in double quotes", at)
            line = text.count("\n", 0, at) + 2
            value, at = _json_value(decoder, text, _expect(text, at, ":"))
            _json_pair(result, key, value, line)
            at = _expect(text, at, ",}")
            closed = text[at - 1] == "}"
    end = _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]
    if end != len(text):
        raise _JsonStop("text after the closing }", end)


def _json_value(decoder: json.JSONDecoder, text: str, at: int) -> tuple[Any, int]:
    at = _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]
    try:
        return decoder.raw_decode(text, at)
    except json.JSONDecodeError as error:
        raise _JsonStop(error.msg, error.pos) from error
    except RecursionError as error:
        raise _JsonStop("it nests too deep", at) from error


def _expect(text: str, at: int, allowed: str, reason: str = "") -> int:
    """Skip spaces, then one of the `allowed` characters; the index after it."""
    at = _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]
    if at >= len(text) or text[at] not in allowed:
        raise _JsonStop(reason or "Expecting " + " or ".join(f"'{c}'" for c in allowed), at)
    return at + 1


def _json_pair(result: FrontMatter, key: str, value: Any, line: int) -> None:
    """Keep one top-level pair; a second one with the same key, or a lone surrogate escape, is a problem."""
    if key in result.lines:
        result.problems.append(
            Problem(
                line,
                f"front matter key '{key}' appears twice (lines {result.lines[key]} and {line}): the value on line"
                f" {line} is used; keep only one",
            )
        )
    written = json.dumps(value, ensure_ascii=False)
    if _SURROGATE.search(written):  # `"\ud800"` alone is valid JSON, but no page or feed can be written with it
        value = json.loads(_SURROGATE.sub("", written))
        result.problems.append(
            Problem(
                line,
                f"front matter key '{key}' has a lone surrogate escape (\\ud800 to \\udfff), which no page can carry:"
                " it was removed; write the character itself",
            )
        )
    result.data[key] = value
    result.lines[key] = line


_READERS = {"": _read_yaml, "yaml": _read_yaml, "yml": _read_yaml, "json": _read_json}


# -- dates ------------------------------------------------------------------------


def parse_datetime(value: Any) -> datetime | None:
    """A front-matter date as an aware `datetime`, or None when it names no real moment.

    As Eleventy reads it: a YAML timestamp (`2025-01-01 10:00:00.5 -5`, the form
    js-yaml reads unquoted) or an ISO 8601 date or date-time
    (`2025-01-01T10:00:00Z`, `2025-01-01T10:00:00+02:00`); without an offset
    it is UTC, and a bare date is midnight UTC. The offset written is kept.
    A moment whose UTC day falls outside years 1 to 9999 names no real day.
    """
    moment = _moment(value)
    if moment is not None:
        try:
            moment.astimezone(UTC)
        except OverflowError:  # `0001-01-01T00:00+14:00` is a valid local time, but before year 1 in UTC
            return None
    return moment


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    try:
        if SafeConstructor.timestamp_regexp.match(text):
            return _moment(SafeConstructor().construct_yaml_timestamp(yaml.ScalarNode(_TIMESTAMP, text)))
        return _moment(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        return None


def parse_date(value: Any) -> date | None:
    """The day of a front-matter date, in UTC as Eleventy's date filters show it; None when it names no real day."""
    moment = parse_datetime(value)
    return moment.astimezone(UTC).date() if moment is not None else None


# Material prints these page-meta values into its HTML without escaping them:
# `<title>`, the header, the nav, `<meta name="description" content="…">`.
_PRINTED_RAW = ("title", "description", "subtitle")


def html_safe_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of page meta whose values themes print raw can neither open a tag nor leave an attribute.

    `<`, `>` and `"` become character references, which the browser shows as
    typed. `&` is left alone so that ordinary titles reach other plugins unchanged.
    """
    safe = dict(meta)
    for key in _PRINTED_RAW:
        value = safe.get(key)
        if value is not None:  # a list or a number is printed as its text: escape that text too
            safe[key] = printed_raw(value)
    return safe

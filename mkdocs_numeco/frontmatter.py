"""Front matter read by us, with line numbers, a little of Eleventy's leniency, and no silent loss.

MkDocs drops front matter it cannot parse without a word, and the post loses
its title and tags. Here every problem becomes a `Problem` with the line in
the source file, and the post keeps whatever could be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from .shortcodes import Problem

try:  # libyaml is bundled with PyYAML's wheels; fall back to pure Python elsewhere.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
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

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def read(source: str) -> FrontMatter:
    """Parse the front matter block at the top of `source`, if there is one."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return FrontMatter()
    text = m.group("yaml") or ""
    result = FrontMatter(body_line=source.count("\n", 0, m.end()) + 1, has_block=True)
    try:
        result.data, result.lines = _load(text)
    except yaml.YAMLError as error:
        _recover(text, error, result)
    return result


def _load(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Load one YAML mapping; key lines are 1-based lines of the file (line 1 is `---`)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise yaml.MarkedYAMLError(
                problem="the front matter is not a mapping of `key: value` lines", problem_mark=node.start_mark
            )
        lines = {str(k.value): _line(text, k.start_mark) for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return dict(data), lines


def _recover(text: str, error: yaml.YAMLError, result: FrontMatter) -> None:
    """Read what can be read of front matter that PyYAML rejects."""
    if _LEADING_TABS.search(text):
        for width in (2, 4, 1, 8):
            try:
                result.data, result.lines = _load(
                    _LEADING_TABS.sub(lambda m, w=width: m.group(1).replace("\t", " " * w), text)
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
            return
    line = _error_line(text, error)
    result.data, result.lines = _salvage(text)
    kept = ", ".join(sorted(result.data)) or "nothing"
    result.problems.append(
        Problem(
            line,
            f"front matter can't be read as YAML ({_reason(error)}); kept the simple `key: value` lines ({kept}): fix the YAML syntax",
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
    """Keep each top-level `key: value` line that parses on its own."""
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


def parse_date(value: Any) -> date | None:
    """A front-matter date as a `date`, or None when it names no real day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text).date()
    except ValueError:
        return None


# Material prints these page-meta values into its HTML without escaping them:
# `<title>`, the header, the nav, `<meta name="description" content="…">`.
_PRINTED_RAW = ("title", "description", "subtitle")
_MARKUP = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;"})


def html_safe_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of page meta whose values themes print raw can neither open a tag nor leave an attribute.

    `<`, `>` and `"` become character references, which the browser shows as
    typed. `&` is left alone so that ordinary titles reach other plugins unchanged.
    """
    safe = dict(meta)
    for key in _PRINTED_RAW:
        value = safe.get(key)
        if value is not None:  # a list or a number is printed as its text: escape that text too
            safe[key] = (value if isinstance(value, str) else str(value)).translate(_MARKUP)
    return safe

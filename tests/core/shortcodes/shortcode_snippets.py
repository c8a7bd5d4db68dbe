"""Shared by the handler tests (tests/core/shortcodes/): convert a snippet with English labels, read what came out."""

from __future__ import annotations

from bs4 import BeautifulSoup

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.shortcodes import Context, Conversion, convert

LABELS = resolve_labels("en", {})


def run(text: str, **context: object) -> Conversion:
    """The Conversion of `text` under a Context with English labels and `context`."""
    return convert(text, Context(labels=LABELS, **context))  # type: ignore[arg-type]


def soup(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def listed(result: Conversion) -> list[tuple[str, str, str]]:
    """What the check command lists: (kind, name, status) of each construct."""
    return [(c.kind, c.name, c.status) for c in result.constructs]

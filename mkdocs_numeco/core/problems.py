"""Author mistakes and how they are told: pure code returns a `Problem(line, message)`; whoever knows the file prints
it as `file:line: message` with `located`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """An author mistake: where it is and what to do about it."""

    line: int
    message: str


def where(path: str, line: int | None = None) -> str:
    """`file:line`, `file` without a line, `line` without a file."""
    if line is None:
        return path
    return f"{path}:{line}" if path else str(line)


def located(path: str, problem: Problem) -> str:
    """The one spelling of a warning about a page: `file:line: message`."""
    return f"{where(path, problem.line)}: {problem.message}"

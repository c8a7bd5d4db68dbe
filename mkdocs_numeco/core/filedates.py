"""Eleventy's date keywords: `Last Modified`, `Created`, `git Last Modified`, `git Created`.

The only dates that don't come from the page itself: its file's times, or
its history in git. `resolve` puts the time a keyword names in place of the
keyword, so that everything after it (permalinks, posts, feeds) reads one
ordinary date. Nothing else reads the clock, so builds stay reproducible.

Git is asked only for a page that uses a `git` keyword, once, with a list
argv (never a shell) and literal pathspecs. A file git doesn't know (not
in a repository, not committed yet, git not installed) falls back to the
file's own time, without a warning: before a first commit, that is the
file's date.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from .frontmatter import FrontMatter
from .problems import Problem

_GIT_TIMEOUT = 60  # seconds; a git that hangs (a lock, a network file system) falls back to the file time


def modified(path: str) -> datetime:
    """The file's modification time, in UTC."""
    return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)


def created(path: str) -> datetime:
    """The file's creation (birth) time, in UTC; where the system keeps none (Linux), its modification time."""
    stat = os.stat(path)
    return datetime.fromtimestamp(getattr(stat, "st_birthtime", None) or stat.st_mtime, UTC)


def git_time(path: str, *options: str) -> datetime | None:
    """The author time of the first commit `git log <options>` lists for the file; None when git has none."""
    folder, name = os.path.split(os.path.abspath(path))
    argv = ["git", "--literal-pathspecs", "-c", "log.showSignature=false", "log", *options, "--format=%at", "--", name]
    try:
        done = subprocess.run(
            argv,
            cwd=folder,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = next((line for line in done.stdout.split() if line.isdigit()), None)
    return datetime.fromtimestamp(int(stamp), UTC) if done.returncode == 0 and stamp else None


def _git_last_modified(path: str) -> datetime:
    return git_time(path, "-1") or modified(path)


def _git_created(path: str) -> datetime:
    # As Eleventy asks it: the commit that added the file, following renames.
    return git_time(path, "--diff-filter=A", "--follow", "-1") or created(path)


KEYWORDS: dict[str, Callable[[str], datetime]] = {
    "last modified": modified,
    "created": created,
    "git last modified": _git_last_modified,
    "git created": _git_created,
}


def keyword(value: Any) -> str | None:
    """The keyword `value` is (Eleventy compares them without case), or None."""
    word = value.strip().lower() if isinstance(value, str) else None
    return word if word in KEYWORDS else None


def resolve(front: FrontMatter, path: str | None) -> None:
    """Replace a keyword `date` with the time it names (an aware UTC `datetime`); a file that can't be read
    is a problem, and the date stays as written (the post is then listed last, as with any unreadable date)."""
    value = front.data.get("date")
    word = keyword(value)
    if word is None:
        return
    if path is None:
        why = "this page has no file of its own"
    else:
        try:
            front.data["date"] = KEYWORDS[word](path)
            return
        except OSError as error:
            why = f"its file can't be read ({error.strerror or error})"
    front.problems.append(
        Problem(
            front.line_of("date"), f"date {value!r} names a time of the page's file, but {why}: write the date itself"
        )
    )

"""Which pages are published: the one home of the rule for drafts, future posts and pages kept out of collections.

As an Eleventy site does it:

- `permalink: false` writes no page at all (`UNWRITTEN`);
- `draft: true` is a draft: no page in a build, a page with a visible badge in a preview
  (`mkdocs serve`), as Eleventy builds drafts only in serve and watch modes;
- a post dated after the build's moment is a draft too, when the site asks for it
  (`drafts: {future: true}`, Material's `draft_if_future_date`);
- `eleventyExcludeFromCollections: true` (or a list of collections, Eleventy 3) builds the
  page but keeps it out of every listing, tag, series and feed (`UNLISTED`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from .frontmatter import FrontMatter, parse_datetime
from .problems import Problem

_BARE_DATE = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*")


class Visibility(Enum):
    PUBLISHED = "published"
    UNLISTED = "unlisted"  # a page of the site, in no collection
    DRAFT = "draft"  # no page in a build; a page with a badge in a preview
    UNWRITTEN = "unwritten"  # no page at all


@dataclass(frozen=True)
class DraftRules:
    now: datetime  # the build's moment, aware
    future: bool = False  # a post dated after `now` is a draft


def visibility(front: FrontMatter, rules: DraftRules, dated: bool) -> tuple[Visibility, list[Problem]]:
    """What becomes of the page of `front` (`dated`: it is a post), and the problems of its keys."""
    data = front.data
    if data.get("permalink") is False:
        return Visibility.UNWRITTEN, []
    problems: list[Problem] = []
    if _flag(front, "draft", problems, "the page is treated as a draft") or (
        dated and rules.future and is_future(data.get("date"), rules.now)
    ):
        return Visibility.DRAFT, problems
    if _flag(front, "eleventyExcludeFromCollections", problems, "the page is kept out of collections", lists=True):
        return Visibility.UNLISTED, problems
    return Visibility.PUBLISHED, problems


def _flag(front: FrontMatter, key: str, problems: list[Problem], otherwise: str, lists: bool = False) -> bool:
    """Whether the front-matter flag `key` is set; a value that is neither true nor false sets it, with a problem."""
    value = front.data.get(key)
    if value is None or isinstance(value, bool):
        return bool(value)
    if lists and isinstance(value, list):
        return bool(value)  # Eleventy 3: the collections to stay out of; ours are all posts
    problems.append(
        Problem(
            front.line_of(key),
            f"{key} {value!r} is not true or false: {otherwise}; write {key}: true or {key}: false",
        )
    )
    return True


def is_future(value: Any, now: datetime) -> bool:
    """Whether a front-matter date is after `now`, in UTC; a date without a time is after today's date."""
    moment = parse_datetime(value)
    if moment is None:
        return False
    if _is_bare_date(value):
        return moment.date() > now.astimezone(UTC).date()
    return moment.astimezone(UTC) > now.astimezone(UTC)


def _is_bare_date(value: Any) -> bool:
    if isinstance(value, date) and not isinstance(value, datetime):
        return True
    return isinstance(value, str) and _BARE_DATE.fullmatch(value) is not None

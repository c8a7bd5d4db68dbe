"""Which pages are published, drafts, or kept out of collections: the one rule, as a table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mkdocs_numeco.core import frontmatter
from mkdocs_numeco.core.drafts import DraftRules, Visibility, is_future, visibility

NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)


def _front(body: str) -> frontmatter.FrontMatter:
    return frontmatter.read(f"---\n{body}\n---\nText\n")


@pytest.mark.parametrize(
    ("body", "future", "expected"),
    [
        ("date: 2025-01-01", False, Visibility.PUBLISHED),
        ("date: 2025-01-01\ndraft: true", False, Visibility.DRAFT),
        ("date: 2025-01-01\ndraft: false", False, Visibility.PUBLISHED),
        ("title: A page\ndraft: true", False, Visibility.DRAFT),  # any page may be a draft
        ("date: 2025-01-01\neleventyExcludeFromCollections: true", False, Visibility.UNLISTED),
        ("date: 2025-01-01\neleventyExcludeFromCollections: [post]", False, Visibility.UNLISTED),  # Eleventy 3
        ("date: 2025-01-01\neleventyExcludeFromCollections: false", False, Visibility.PUBLISHED),
        ("date: 2025-01-01\npermalink: false", False, Visibility.UNWRITTEN),
        ("date: 2025-01-01\npermalink: false\ndraft: true", False, Visibility.UNWRITTEN),
        ("date: 2999-01-01", False, Visibility.PUBLISHED),  # future posts are published unless asked
        ("date: 2999-01-01", True, Visibility.DRAFT),
        ("date: 2999-01-01\neleventyExcludeFromCollections: true", True, Visibility.DRAFT),
        ("date: 2025-06-15", True, Visibility.PUBLISHED),  # today, without a time: not after today
        ("date: 2025-06-16", True, Visibility.DRAFT),
        ("date: not a date", True, Visibility.PUBLISHED),  # reported elsewhere; never hidden for it
    ],
)
def test_visibility(body: str, future: bool, expected: Visibility) -> None:
    seen, problems = visibility(_front(body), DraftRules(NOW, future=future), dated=True)
    assert seen is expected
    assert problems == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-15", False),
        ("2025-06-16", True),
        ("2025-06-14", False),
        ("2025-06-15T12:00:00Z", False),  # the same moment is not after it
        ("2025-06-15T12:00:01Z", True),
        ("2025-06-15T13:30:00+02:00", False),  # 11:30 UTC
        ("2025-06-15T14:30:00+02:00", True),  # 12:30 UTC
        ("2025-06-16T01:00:00+14:00", False),  # the 15th, 11:00 UTC
        ("nonsense", False),
        (None, False),
    ],
)
def test_is_future_compares_in_utc(value: object, expected: bool) -> None:
    assert is_future(value, NOW) is expected


def test_a_wrong_draft_value_is_a_problem_and_treated_as_a_draft() -> None:
    seen, problems = visibility(_front("date: 2025-01-01\ndraft: oui"), DraftRules(NOW), dated=True)
    assert seen is Visibility.DRAFT
    assert [(p.line, p.message) for p in problems] == [
        (3, "draft 'oui' is not true or false: the page is treated as a draft; write draft: true or draft: false")
    ]


def test_future_applies_to_posts_only() -> None:
    seen, _ = visibility(_front("date: 2999-01-01"), DraftRules(NOW, future=True), dated=False)
    assert seen is Visibility.PUBLISHED

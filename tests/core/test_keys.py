"""Near misses of front-matter keys: which unknown keys are warned, and with which suggestion."""

from __future__ import annotations

import pytest

from mkdocs_numeco.core import frontmatter
from mkdocs_numeco.core.keys import KNOWN_KEYS, MAX_KEY_LENGTH, bounded_distance, near_misses, suggestion
from mkdocs_numeco.core.problems import Problem


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("serie", "series"),  # a letter missing
        ("tag", "tags"),  # a short key, one letter off
        ("titel", "title"),  # two letters swapped: one edit
        ("descripton", "description"),
        ("imgae", "image"),
        ("Title", "title"),  # case counts as an edit
        ("serie_order", "series_order"),
        ("dat", "date"),
        ("eleventyExcludeFromCollection", "eleventyExcludeFromCollections"),
        ("drafts", "draft"),
        ("permalnk", "permalink"),
        ("layuot", "layout"),
        ("descriptoin", "description"),
        ("sereis", "series"),  # a swap in a 6-letter key
        ("seires", "series"),
        ("tilte", "title"),
    ],
)
def test_a_near_miss_names_the_known_key(key: str, expected: str) -> None:
    assert suggestion(key) == expected


@pytest.mark.parametrize(
    "key",
    [
        *sorted(KNOWN_KEYS),  # a known key is never warned
        "lang",  # 4 letters, 2 edits from `tags`: short keys get one edit only
        "auteur",  # 6 letters, 2 edits from `author`: a French variable, not a typo
        "resume",
        "sujet",
        "name",  # 2 edits from `date`
        "type",
        "url",
        "alt",
        "id",
        "a",
        "video",
        "speaker",
        "duration",
        "transcript_url",
        "my_plugin_option",
        "x" * 500,  # far longer than any known key
        "",
    ],
)
def test_a_key_far_from_every_known_key_is_left_alone(key: str) -> None:
    assert suggestion(key) is None


@pytest.mark.parametrize(
    ("a", "b", "bound", "expected"),
    [
        ("series", "series", 2, 0),
        ("serie", "series", 2, 1),
        ("titel", "title", 2, 1),  # transposition
        ("imgae", "image", 2, 1),
        ("abc", "cba", 2, 2),
        ("abcd", "dcba", 2, None),  # more than the bound
        ("a", "abcd", 2, None),  # lengths alone say it
        ("", "ab", 2, 2),
        ("kitten", "sitting", 2, None),  # 3
        ("kitten", "sitting", 3, 3),
    ],
)
def test_bounded_distance(a: str, b: str, bound: int, expected: int | None) -> None:
    assert bounded_distance(a, b, bound) == expected
    assert bounded_distance(b, a, bound) == expected


def test_one_problem_per_near_miss_at_the_line_of_the_key() -> None:
    front = frontmatter.read("---\ntitle: A\nserie: S\nspeaker: Anne\ntag: x\n---\nText\n")
    assert near_misses(front.lines) == [
        Problem(3, "front matter key `serie` is unknown: did you mean `series`? Rename it, or it is ignored"),
        Problem(5, "front matter key `tag` is unknown: did you mean `tags`? Rename it, or it is ignored"),
    ]
    assert [p for p in front.problems if "did you mean" in p.message] == near_misses(front.lines)


def test_a_key_next_to_the_key_it_resembles_is_not_a_near_miss() -> None:
    """`titre:` beside `title:` is the author's own variable (used as `{{ titre }}`), not a typo."""
    assert near_misses({"title": 2, "titre": 3}) == []
    assert [p.line for p in near_misses({"titre": 3})] == [3]


def test_json_front_matter_keys_are_checked_too() -> None:
    front = frontmatter.read('---json\n{\n  "title": "A",\n  "imgae": "x.png"\n}\n---\n')
    assert [p.line for p in front.problems] == [4]


def test_long_keys_cost_no_more_than_the_cap() -> None:
    assert MAX_KEY_LENGTH >= max(len(key) for key in KNOWN_KEYS) + 2
    lines = {f"k{'y' * 1000}{i}": i for i in range(2000)}
    assert near_misses(lines) == []

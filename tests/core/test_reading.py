"""Counting a post's words, its transcripts' apart, and reading a video's `duration` (pure: `core.reading`)."""

from __future__ import annotations

import pytest

from mkdocs_numeco.core import frontmatter
from mkdocs_numeco.core.durations import parse_duration
from mkdocs_numeco.core.reading import Reading, body_of, count_words, minutes, reading_of


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        ("", 0),
        ("Un deux trois.", 3),
        ("**Un** _deux_ `trois` ~~quatre~~", 4),
        ("# Titre\n\n- un\n- deux\n\n> trois", 4),
        ('[un lien](https://example.org/a-b-c "titre") et ![](image.png)', 3),
        ("<p>Un <strong>deux</strong></p>\n<!-- pas lu du tout -->", 2),
        ("l'écoresponsabilité, c'est-à-dire « ça » — 2025 !", 4),
        ("Un&nbsp;deux &amp; trois", 3),
        ('{% dailymotion "x9h51js" %}\n{{ variable }}\n{# note #}\nUn', 1),
        ("```python\nprint(x)\n```", 3),  # code is read too: python, print, x
        ("__init__ et _ seul", 3),
    ],
)
def test_words_across_markdown_syntax(markdown: str, words: int) -> None:
    assert count_words(markdown) == (words, 0)


def test_transcripts_are_counted_apart() -> None:
    text = (
        "Avant la vidéo.\n\n"
        '{%- transcription "Jérémie Vallet" -%}\n<p>Un deux trois quatre.</p>\n{% endtranscription %}\n\n'
        "Entre.\n\n"
        "{% transcription %}\ncinq six\n{%- endtranscription -%}\n"
        "Après."
    )
    assert count_words(text) == (5, 6)


def test_a_transcript_never_closed_runs_to_the_end() -> None:
    assert count_words('Un.\n\n{% transcription "A" %}\ndeux trois') == (1, 2)


def test_a_transcript_tag_in_code_is_text() -> None:
    assert count_words("`{% transcription %}` un deux") == (3, 0)


@pytest.mark.parametrize(("words", "expected"), [(0, 0), (1, 1), (200, 1), (201, 2), (1000, 5)])
def test_minutes_round_up_to_at_least_one(words: int, expected: int) -> None:
    assert minutes(words, 200) == expected


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("12:34", 754),
        ("1:02:03", 3723),
        ("PT12M34S", 754),
        ("pt1h", 3600),
        ("PT30.5S", 30),
        ("754", 754),
        (754, 754),  # YAML reads unquoted 12:34 as this (base 60)
        ("12:99", None),
        ("PT", None),
        ("P", None),
        ("douze minutes", None),
        (True, None),
        (0, None),
        (-5, None),
        ([1], None),
        ("9999:00:00", None),
    ],
)
def test_durations(value: object, seconds: int | None) -> None:
    assert parse_duration(value) == seconds


def test_reading_of_a_post_with_its_video_length() -> None:
    source = '---\ntitle: T\ndate: 2025-01-01\nduration: "PT12M34S"\n---\n\n' + "mot " * 401
    front = frontmatter.read(source)
    reading, problems = reading_of(body_of(source, front), front, 200)
    assert (reading, problems) == (Reading(401, 0, 3, 0, 13), [])


def test_a_duration_that_is_not_one_is_a_problem_at_its_line() -> None:
    source = "---\ntitle: T\ndate: 2025-01-01\nduration: longue\n---\n\nUn.\n"
    front = frontmatter.read(source)
    reading, [problem] = reading_of(body_of(source, front), front, 200)
    assert reading.video_minutes is None and problem.line == 4
    assert problem.message.startswith("duration 'longue' is not a length of video: write it as 12:34")


@pytest.mark.parametrize(
    ("value", "expected", "warned"), [(7, 7, False), ("7", 7, False), (0, 1, True), ("vite", 1, True)]
)
def test_readtime_replaces_the_count_as_in_materials_blog(value: object, expected: int, warned: bool) -> None:
    source = f"---\ntitle: T\ndate: 2025-01-01\nreadtime: {value}\n---\n\nUn deux.\n"
    front = frontmatter.read(source)
    reading, problems = reading_of(body_of(source, front), front, 200)
    assert reading.minutes == expected
    assert [(p.line, p.message.split(" is ")[1][:24]) for p in problems] == (
        [(4, "not a whole number of mi")] if warned else []
    )


def test_the_front_matter_is_not_counted() -> None:
    source = "---\ntitle: Beaucoup de mots dans le titre\ndate: 2025-01-01\n---\nUn deux.\n"
    assert count_words(body_of(source, frontmatter.read(source))) == (2, 0)


def test_a_megabyte_is_counted_exactly() -> None:
    """Its time, and that of hostile patterns, is benchmarks/adversarial.py --target reading (linear)."""
    text = ("Un <b>deux</b> [trois](x) " * 20 + '{% transcription "A" %}quatre cinq{% endtranscription %}\n') * 2500
    assert len(text) > 1_000_000
    assert count_words(text) == (60 * 2500, 2 * 2500)

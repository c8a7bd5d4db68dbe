"""Times and transcript timestamps: core/shortcodes/timecodes.py."""

from __future__ import annotations

import random

import pytest

from mkdocs_numeco.core.shortcodes.timecodes import _fence_after, _lines, _stamp, clock, seconds, stamps


@pytest.mark.parametrize(
    ("text", "expected"),
    [("83", 83), ("0", 0), ("1:23", 83), ("01:23", 83), ("1:23:45", 5025), ("01:02:03", 3723), (" 1:23 ", 83)],
)
def test_seconds_reads_plain_seconds_and_clocks(text: str, expected: int) -> None:
    assert seconds(text) == expected


@pytest.mark.parametrize("text", ["", "1:2", "1:75", "1:60:00", "-3", "1.5", "1:23:45:00", "abc", "1:23s", "1234567"])
def test_seconds_refuses_what_is_not_a_time(text: str) -> None:
    assert seconds(text) is None


def test_clock_writes_minutes_or_hours() -> None:
    assert [clock(n) for n in (0, 83, 600, 5025)] == ["0:00", "1:23", "10:00", "1:23:45"]


def found(text: str, **options: object) -> list[tuple[str, int]]:
    return [(s.text, s.seconds) for s in stamps(text, **options)]  # type: ignore[arg-type]


def test_the_three_forms_at_the_start_of_a_line() -> None:
    text = "[01:23] a\n(1:23:45) b\n01:24 — c\n01:25 – d\n01:26 - e\n"
    assert found(text) == [("01:23", 83), ("1:23:45", 5025), ("01:24", 84), ("01:25", 85), ("01:26", 86)]


def test_a_timestamp_keeps_its_place_in_the_text() -> None:
    text = "<p>[01:23] Bonjour</p>"
    (stamp,) = stamps(text)
    assert text[stamp.start : stamp.end] == "01:23" and text[: stamp.start] == "<p>["


def test_html_paragraphs_list_items_and_indentation_are_read_through() -> None:
    text = '<p>01:23 — a</p>\n<p class="x">[00:05] b\n  [00:06] c\n- [00:07] d\n<li>(00:08) e</li>\n'
    assert [t for t, _ in found(text)] == ["01:23", "00:05", "00:06", "00:07", "00:08"]


@pytest.mark.parametrize(
    "line",
    [
        "Il était 10:30 — déjà",  # not at the start of the line
        "[01:23](https://example.org) a link",
        "[01:23][ref] a reference link",
        "[01:23]: https://example.org",
        "01:23 sans tiret",
        "01:23—collé",
        "[1:75] not a time",
        "[1:2] not a time",
        "(01:23 never closed",
        "<span>[01:23]</span> not a paragraph",
    ],
)
def test_what_is_not_a_timestamp_opening_a_line_is_left_alone(line: str) -> None:
    assert found(line + "\n") == []


def test_fenced_code_is_left_alone() -> None:
    text = "```\n[00:01] code\n```\n[00:02] text\n~~~~\n[00:03] code\n~~~\n[00:04] still code\n~~~~\n"
    assert found(text) == [("00:02", 2)]


def test_a_text_that_does_not_start_a_line_skips_its_first_line() -> None:
    assert found("[00:01] a\n[00:02] b", at_line_start=False) == [("00:02", 2)]
    assert found("[00:01] a", at_line_start=False) == []


def test_a_timestamp_past_the_duration_is_left_alone() -> None:
    assert found("[00:59] a\n[01:00] b\n[01:01] c\n", duration=60) == [("00:59", 59), ("01:00", 60)]


def line_by_line(text: str, at_line_start: bool, duration: int | None) -> list[tuple[int, int, str, int]]:
    """What `stamps` finds reading every line (the way it reads a text that holds a clock)."""
    first = 0 if at_line_start else text.find("\n") + 1
    if first == 0 and not at_line_start:
        return []
    out, fence = [], ""
    for start, end in _lines(text, first):
        fence = _fence_after(text, start, end, fence)
        stamp = None if fence else _stamp(text, start, end)
        if stamp is not None and (duration is None or stamp.seconds <= duration):
            out.append((stamp.start, stamp.end, stamp.text, stamp.seconds))
    return out


def test_a_text_without_a_clock_is_not_read_line_by_line_and_gives_the_same() -> None:
    rng = random.Random(16)
    pieces = [
        "1",
        "12",
        ":",
        ":3",
        "45",
        "[",
        "]",
        "(",
        ")",
        " — ",
        " - ",
        "\n",
        "<p>",
        "- ",
        "```",
        "~~~",
        "a",
        " ",
        "٣",
    ]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        at_line_start, duration = rng.random() < 0.7, rng.choice([None, 0, 60, 5000])
        got = [
            (s.start, s.end, s.text, s.seconds) for s in stamps(text, at_line_start=at_line_start, duration=duration)
        ]
        assert got == line_by_line(text, at_line_start, duration), repr(text)

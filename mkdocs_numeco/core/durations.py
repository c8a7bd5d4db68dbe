"""Durations as authors write them: seconds, `m:ss`, `h:mm:ss` or ISO 8601 (`PT12M34S`).

One reading for the front matter's `duration` (reading time, `core.reading`) and a video
shortcode's `duration=` (timestamps past the end, `core.shortcodes`). Pure, no imports of ours.
"""

from __future__ import annotations

import re
from typing import Any

_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,3}):(\d{1,2})")
_ISO = re.compile(
    r"P(?:(\d{1,3})D)?(?:T(?=\d)(?:(\d{1,3})H)?(?:(\d{1,4})M)?(?:(\d{1,6})(?:[.,]\d{1,9})?S)?)?", re.IGNORECASE
)
MAX_SECONDS = 7 * 24 * 3600  # longer than a week is surely a typo


def parse_duration(value: Any) -> int | None:
    """Seconds of a `duration` as authors write it; None when it isn't one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, float) and value.is_integer():
        seconds = int(value)
    elif isinstance(value, str):
        seconds = _seconds_of(value.strip())
    else:
        return None
    return seconds if seconds is not None and 0 < seconds <= MAX_SECONDS else None


def _seconds_of(text: str) -> int | None:
    if text.isdigit() and len(text) <= 7:
        return int(text)
    return _clock_seconds(text) if ":" in text else _iso_seconds(text)


def _clock_seconds(text: str) -> int | None:
    """`m:ss` or `h:mm:ss`."""
    clock = _CLOCK.fullmatch(text)
    if clock is None:
        return None
    hours, mins, secs = (int(part or 0) for part in clock.groups())
    return hours * 3600 + mins * 60 + secs if secs < 60 and (not hours or mins < 60) else None


def _iso_seconds(text: str) -> int | None:
    """ISO 8601 `PnDTnHnMnS` (fractions of a second dropped)."""
    iso = _ISO.fullmatch(text)
    if iso is None or not any(iso.groups()):
        return None
    days, hours, mins, secs = (int(part or 0) for part in iso.groups())
    return ((days * 24 + hours) * 60 + mins) * 60 + secs

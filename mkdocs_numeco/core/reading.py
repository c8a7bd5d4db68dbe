"""Reading time of a post, its transcripts' apart, and the length of its video when the front matter gives it.

A post's words are the words a reader reads in its Markdown source, front matter
left out: shortcodes, `{{ expressions }}`, HTML tags and comments, link and image
addresses and Markdown punctuation are not words; the text of code blocks is (a
reader reads it too). Words inside `{% transcription %} … {% endtranscription %}`
are counted apart: a transcript repeats the video, so the post's reading time
leaves it out and the transcript's own reading time is shown next to it.

A word is a run of letters or digits, with inner apostrophes and hyphens (`l'écoresponsabilité`
and `c'est-à-dire` are one word each, as a word processor counts them).

Pure, and linear in the text: tags are found by the shortcode scanner (`shortcodes.scanner`),
the rest by expressions that never scan back.

A front-matter `readtime` (whole minutes, Material's blog key) replaces the counted reading time.
The video's length is the front-matter key `duration`: seconds (`754`), `m:ss` or `h:mm:ss`
(`12:34`, `1:02:03`), or ISO 8601 (`PT12M34S`, as schema.org writes it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import filterfalse
from typing import TYPE_CHECKING, Any

from .durations import parse_duration
from .frontmatter import FrontMatter
from .problems import Problem
from .shortcodes.scanner import Token, scan

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .posts import Post

TRANSCRIPT, END_TRANSCRIPT = "transcription", "endtranscription"
DURATION_KEY = "duration"
READTIME_KEY = "readtime"  # Material's blog: the author's own reading time, in minutes

# Markup that isn't read: HTML tags and comments (never past the next `<`), entities, link destinations.
_MARKUP = re.compile(r"<[^<>]*+>|&#?\w{1,32};|\]\([^()\s]*+(?:\s+\"[^\"\n]*+\")?\)")
_WORD = re.compile(r"[^\W_]++(?:['’-][^\W_]++)*+")


@dataclass(frozen=True)
class Reading:
    """What a post's header and cards say of its length; a count of 0 is not shown."""

    words: int = 0
    transcript_words: int = 0
    minutes: int = 0  # reading time of the post without its transcripts
    transcript_minutes: int = 0
    video_minutes: int | None = None  # None: the front matter doesn't say


def count_words(markdown: str, tokens: Iterable[Token] | None = None) -> tuple[int, int]:
    """`(words of the text, words of its transcripts)` of a post's Markdown (without its front matter).

    `tokens`: the text's tokens when it was scanned already (with contexts or `code`, as for its conversion).
    """
    counts = [0, 0]
    inside = 0  # 1 within a transcript
    pos = 0
    for token in scan(markdown, contexts=False) if tokens is None else tokens:
        if token.kind == "code":  # only there for a template engine after us: its text is read
            continue
        counts[inside] += _words(markdown, pos, token.start)
        pos = token.end
        if token.kind == "tag" and token.name in (TRANSCRIPT, END_TRANSCRIPT):
            inside = int(token.name == TRANSCRIPT)
    counts[inside] += _words(markdown, pos, len(markdown))
    return counts[0], counts[1]


def unbroken(body: str) -> str | None:
    """`body` without the line breaks it starts with (as MkDocs gives a page's Markdown after its front matter),
    when its words are the body's, read from the same tokens (`count_words`); else None.

    They are, but after exactly one line break before an indented line: the text then starts with an
    indented code block, which the body doesn't (there it needs a blank line before it).
    """
    text = body.lstrip("\n")
    return None if len(body) - len(text) == 1 and text.startswith(("    ", "\t")) else text


def _words(text: str, start: int, end: int) -> int:
    if start >= end:
        return 0
    # A word never holds a space, and a run of letters or digits alone (most of a text, split at spaces)
    # is one word: `str.isalnum` is `[^\W_]` for every character. Only the other runs are matched, all
    # at once (a word never crosses the space that joins them); every loop runs in C, none per run.
    chunks = _MARKUP.sub(" ", text[start:end]).split()
    odd = list(filterfalse(str.isalnum, chunks))
    return len(chunks) - len(odd) + len(_WORD.findall(" ".join(odd)))


def minutes(words: int, words_per_minute: int) -> int:
    """Minutes to read `words`, rounded up; at least 1 for any text, 0 for none."""
    return math.ceil(words / max(1, words_per_minute)) if words > 0 else 0


def video_minutes(seconds: int) -> int:
    """A video's length in whole minutes, to the nearest (at least 1)."""
    return max(1, (seconds + 30) // 60)


# What a caller may scan a body with: `(text, tokens)` whose words are the body's (`count_words(text, tokens)`),
# the tokens None to let `count_words` scan it.
BodyScan = Callable[[str], tuple[str, list[Token] | None]]


def reading_of(
    source_body: str, front: FrontMatter, words_per_minute: int, scan_body: BodyScan | None = None
) -> tuple[Reading, list[Problem]]:
    """The `Reading` of a post from its Markdown body and front matter.

    A `readtime` (whole minutes, as Material's blog reads it) replaces the post's counted reading time;
    a `duration` or `readtime` that isn't one is a problem at its line.
    """
    words, transcript_words = count_words(*scan_body(source_body)) if scan_body else count_words(source_body)
    problems: list[Problem] = []
    video = _front_value(front, DURATION_KEY, parse_duration, _DURATION_HINT, problems)
    own = _front_value(front, READTIME_KEY, _whole_minutes, _READTIME_HINT, problems)
    reading = Reading(
        words=words,
        transcript_words=transcript_words,
        minutes=own if own is not None else minutes(words, words_per_minute),
        transcript_minutes=minutes(transcript_words, words_per_minute),
        video_minutes=video_minutes(video) if video is not None else None,
    )
    return reading, problems


_DURATION_HINT = (
    "is not a length of video: write it as 12:34, 1:02:03, PT12M34S or a number of seconds;"
    " the video's length is not shown until then"
)
_READTIME_HINT = (
    "is not a whole number of minutes: write one, as in readtime: 5; the reading time is counted until then"
)


def _front_value(front: FrontMatter, key: str, parse: Any, hint: str, problems: list[Problem]) -> int | None:
    if key not in front.data:
        return None
    raw = front.data[key]
    value = parse(raw)
    if value is None:
        problems.append(Problem(front.line_of(key), f"{key} {_shown(raw)} {hint}"))
    return value


def _whole_minutes(value: Any) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 10_000 else None


def measure(post: Post, source: str, front: FrontMatter, options: Any, scan_body: BodyScan | None = None) -> None:
    """Give `post` its `Reading` (when `options.enabled`; `options` is the `reading_time` section), and its problems."""
    if options.enabled:
        post.reading, problems = reading_of(body_of(source, front), front, options.words_per_minute, scan_body)
        post.problems.extend(problems)


def body_of(source: str, front: FrontMatter) -> str:
    """The Markdown after the front-matter block (all of it when there is none)."""
    if not front.has_block:
        return source
    return source.split("\n", front.body_line - 1)[-1] if front.body_line > 1 else source


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"

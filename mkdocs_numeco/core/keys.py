"""Near misses among front-matter keys: `serie:` for `series:` is warned, not silently ignored.

A key is warned when it is unknown and within a few edits (Damerau–Levenshtein:
insert, delete, replace, swap two neighbours) of a key that the plugin, MkDocs,
Material or Eleventy reads, and that key is not in the front matter too (`titre:`
next to `title:` is a variable of the author's, not a typo). Keys far from all of
them are left alone: authors use other plugins' keys and variables of their own.
Keys of up to `SHORT` characters get one edit only (`lang` is two edits from
`tags`, `auteur` two from `author`: neither is a typo).

Each key costs a bounded amount of work (keys longer than `MAX_KEY_LENGTH` are
never near a known key), so checking a front matter is linear in its keys.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .problems import Problem

PLUGIN_KEYS = ("title", "description", "date", "tags", "series", "series_order", "image", "draft")
# What MkDocs, Material (and its blog), mkdocs-macros and mkdocs-rss-plugin read in page meta.
MKDOCS_KEYS = (
    "template",
    "hide",
    "search",
    "status",
    "icon",
    "subtitle",
    "authors",
    "author",
    "categories",
    "slug",
    "links",
    "readtime",
    "pin",
    "comments",
    "social",
    "render_macros",
    "ignore_macros",
    "update",
    "updated",
    "summary",
    "excerpt",
    "keywords",
)
ELEVENTY_KEYS = (
    "layout",
    "permalink",
    "pagination",
    "eleventyExcludeFromCollections",
    "eleventyNavigation",
    "eleventyComputed",
    "eleventyImport",
    "eleventyDataSchema",
    "eleventyAllowMissingExtension",
    "templateEngineOverride",
    "dynamicPermalink",
    "permalinkBypassOutputDir",
)
KNOWN_KEYS = frozenset(PLUGIN_KEYS + MKDOCS_KEYS + ELEVENTY_KEYS)
SHORT = 6  # keys of at most this many characters may be one edit off; longer ones two (`auteur` is not `author`)
MAX_EDITS = 2
MAX_KEY_LENGTH = max(len(key) for key in KNOWN_KEYS) + MAX_EDITS
# Known keys by length, in a fixed order: a key is compared only with those of a length it can reach.
_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _key in sorted(KNOWN_KEYS):
    _BY_LENGTH[len(_key)] = (*_BY_LENGTH.get(len(_key), ()), _key)


def near_misses(lines: Mapping[str, int]) -> list[Problem]:
    """One problem per unknown key (with its line) that is a near miss of a known key, in line order."""
    problems = []
    for key, line in sorted(lines.items(), key=lambda item: item[1]):
        known = suggestion(key)
        if known is not None and known not in lines:
            problems.append(
                Problem(
                    line, f"front matter key `{key}` is unknown: did you mean `{known}`? Rename it, or it is ignored"
                )
            )
    return problems


def suggestion(key: str) -> str | None:
    """The known key `key` is a near miss of (the closest; the first in alphabetical order on a tie), or None."""
    if key in KNOWN_KEYS or not key or len(key) > MAX_KEY_LENGTH:
        return None
    found = [(distance, known) for known in _candidates(key) if (distance := _near(key, known)) is not None]
    return min(found)[1] if found else None


def _edits(key: str) -> int:
    """How many edits make a near miss: one for a short key, two otherwise."""
    return 1 if len(key) <= SHORT else MAX_EDITS


def _candidates(key: str) -> Iterator[str]:
    """The known keys whose length `key` can reach within its edits."""
    bound = _edits(key)
    for length in range(len(key) - bound, len(key) + bound + 1):
        yield from _BY_LENGTH.get(length, ())


def _near(key: str, known: str) -> int | None:
    """The distance of `key` to `known`, when both are short enough for it (`lang` is two edits from `tags`)."""
    return bounded_distance(key, known, min(_edits(key), _edits(known)))


def bounded_distance(a: str, b: str, bound: int) -> int | None:
    """The edit distance of `a` and `b` (optimal string alignment), or None when it exceeds `bound`.

    Only the cells within `bound` of the diagonal are computed; the others stay at `bound + 1`.
    """
    if abs(len(a) - len(b)) > bound:
        return None
    before: list[int] = []
    previous = [min(j, bound + 1) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        before, previous = previous, _row(a, b, i, previous, before, bound)
    distance = previous[len(b)]
    return distance if distance <= bound else None


def _row(a: str, b: str, i: int, previous: list[int], before: list[int], bound: int) -> list[int]:
    """Row `i` of the table, from the two rows above it."""
    over = bound + 1
    current = [over] * (len(b) + 1)
    current[0] = min(i, over)
    for j in range(max(1, i - bound), min(len(b), i + bound) + 1):
        value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            value = min(value, before[j - 2] + 1)
        current[j] = min(value, over)
    return current

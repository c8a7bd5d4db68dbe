"""URL slugs that match Eleventy's `slugify` filter, and the one name -> slug map (the sort key is in `ordering`).

Tags and series are found by name everywhere (a post's `tags`, its `series`) but
live at a slug (`tags/<slug>/`). `SlugMap` decides each name's slug once per
build; tag pages, series pages, feeds and every link look the slug up there.

Eleventy's slug hides some differences between names. Which ones may share a
page is decided by a name's *identity*: the name with case, accents and
compatibility forms folded ('Vidéo', 'VIDEO', 'ﬁ' = 'fi'), and without the
characters that only separate words (spaces, dashes, underscores, quotes,
brackets, `. , ; : ! ? / \\`) or are invisible. What is left counts: letters
and digits of any script, and symbols (`+ # & @ %`, emoji…). So 'Vidéo',
'video' and 'VIDEO ' share the page `video`, while 'C++', 'C#' and 'C' (all
`c` for Eleventy), or 'Москва' and 'Moskva', are different names:

- In a group of names with one Eleventy slug, one identity keeps the plain
  slug: the one that spells it (identity 'c' for the slug `c`, so 'C' beats
  'C++'), else the first identity in code-point order. The choice depends on the
  names alone, never on how many posts carry them, so adding a post never moves
  a page. The others get the slug, `-`, and the first 6 hex digits of the
  SHA-256 of their identity (`c-4f1b2a`), and a `Clash` each, for a warning.
- A name with no letter or digit (emoji or punctuation only) has no Eleventy
  slug; it gets the first 8 hex digits of the SHA-256 of its identity.

A hash is lengthened, two digits at a time, in the unlikely case that it
meets a slug already given.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from slugify import slugify as _slugify

# Characters that only separate words: a name written with or without them is the same name.
_SEPARATING_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Pd", "Pc", "Ps", "Pe", "Pi", "Pf", "Cc", "Cf", "Mn"})
_SEPARATING_PUNCTUATION = frozenset(".,;:!?'\"/\\·…‧¡¿")
_SUFFIX_DIGITS = 6
_HASH_DIGITS = 8


# python-slugify transliterates character by character (~0.3 ms a call); a site has few
# distinct tag and series names.
@lru_cache(maxsize=4096)
def plain_slug(text: str) -> str:
    """Eleventy's slug: lowercase ASCII words joined by `-` ('Vidéo' gives 'video'); '' without letters or digits."""
    return _slugify(text, replacements=[["&", " and "]], lowercase=True)


def slugify(text: str) -> str:
    """`plain_slug`, or 'untitled' when there is none. Tags and series take theirs from a `SlugMap`."""
    return plain_slug(text) or "untitled"


@lru_cache(maxsize=4096)  # pure; the same few tag and series names are asked for every post
def identity(name: str) -> str:
    """What makes a name itself: case, accents, compatibility forms and word separators folded away.

    'Vidéo', 'video' and 'VIDEO ' give 'video'; 'C++' gives 'c++'. A name made of
    separators only ('...') is its own identity, casefolded.
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(ch for ch in folded if not _separates(ch))
    return kept or name.strip().casefold()


def _separates(ch: str) -> bool:
    return ch in _SEPARATING_PUNCTUATION or unicodedata.category(ch) in _SEPARATING_CATEGORIES


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Clash:
    """Names that Eleventy slugs alike but that are different names: `slug` was moved off `plain`."""

    slug: str  # the slug given to the name that lost `plain`
    plain: str  # Eleventy's slug, kept by the other name


# What a warning says of a tag or series, given its slug: its name as shown, the `file:line` of its
# first use, the URL of its page.
Describe = Callable[[str], tuple[str, str, str]]


def clash_message(kind: str, clash: Clash, describe: Describe) -> str:
    """The warning for `clash`, at the first use of the name moved off the plain slug."""
    (mine, here, url), (owner, there, owner_url) = describe(clash.slug), describe(clash.plain)
    return (
        f"{here}: {kind} '{mine}' and '{owner}' ({there}) both give the slug '{clash.plain}' but are different"
        f" names: '{owner}' keeps {owner_url} and '{mine}' gets {url}; if they mean the same, write them the same way"
    )


class SlugMap(Mapping[str, str]):
    """The slug of every tag name (or every series name) of one build: assigned once, looked up everywhere.

    Names with one identity share a slug; names with different identities never do.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        members: dict[str, dict[str, None]] = {}  # identity -> its names, in first-seen order
        for name in names:
            members.setdefault(identity(name), {})[name] = None
        groups: dict[str, list[str]] = {}  # Eleventy slug -> identities, sorted
        for key in sorted(members):
            groups.setdefault(plain_slug(min(members[key])), []).append(key)
        slug_of_key, self.clashes = _assign(groups)
        self._slugs = {name: slug_of_key[key] for key, spellings in members.items() for name in spellings}

    def __getitem__(self, name: str) -> str:
        return self._slugs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._slugs)

    def __len__(self) -> int:
        return len(self._slugs)


def _assign(groups: dict[str, list[str]]) -> tuple[dict[str, str], list[Clash]]:
    """Slug of each identity: the plain slug for one per group, a hashed one for the others."""
    slug_of_key: dict[str, str] = {}
    others: list[tuple[str, str]] = []  # (plain slug, identity) still to place
    for plain, keys in sorted(groups.items()):
        owner = min(keys, key=lambda key: (key != plain.replace("-", ""), key)) if plain else None
        for key in keys:
            if key == owner:
                slug_of_key[key] = plain
            else:
                others.append((plain, key))
    taken = set(slug_of_key.values())
    clashes = []
    for plain, key in others:
        slug = _hashed(plain, key, taken)
        taken.add(slug)
        slug_of_key[key] = slug
        if plain:
            clashes.append(Clash(slug, plain))
    return slug_of_key, clashes


def _hashed(plain: str, key: str, taken: set[str]) -> str:
    digest = _digest(key)
    size = _SUFFIX_DIGITS if plain else _HASH_DIGITS
    while True:
        slug = f"{plain}-{digest[:size]}" if plain else digest[:size]
        if slug not in taken or size >= len(digest):
            return slug
        size += 2

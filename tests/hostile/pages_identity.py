"""Tags and series that keep their identity (issue 12, item 7): pages that can all live in one site.

Eleventy slugs 'Identité C++', 'Identité C#' and 'Identité C' alike (`identite-c`): each gets a page of
its own, the one that spells the slug keeps it, the others get a hash suffix and a warning. Emoji-only
names get a hash slug (not 'untitled'). Spellings that differ in case and accents only still share a
page, with the warning they always had. A post carrying 12 tags shows 8 of them on its cards.
`WARNINGS` is what a build of these pages must print (after MkDocs' `mkdocs_numeco: ` prefix).
"""

from __future__ import annotations

import hashlib
from typing import Any

from sitebuild import post


def suffix(identity: str, digits: int = 6) -> str:
    """The hash a name moved off its slug gets (independent of the code under test)."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:digits]


C, CPP, CSHARP = "Identité C", "Identité C++", "Identité C#"
PLAIN = "identite-c"
CPP_SLUG = f"{PLAIN}-{suffix('identitec++')}"
CSHARP_SLUG = f"{PLAIN}-{suffix('identitec#')}"
EMOJI_TAGS = ("🎥", "🎬")
EMOJI_SERIES = "📺"
MANY_TAGS = [f"Identité sujet {n:02d}" for n in range(1, 13)]
SPELLINGS = ("Identité Vidéo", "IDENTITE video")

# The front matter written by `post`: line 1 is `---`, then layout, title, date; `series` comes
# before `tags` below, so it is on line 5 and `tags` on line 5 or 6.
PAGES: dict[str, str | bytes] = {
    "posts/identity-c.md": post("Le langage C", "2024-05-01", series=C, tags=[C]),
    "posts/identity-cpp.md": post("Le langage C++", "2024-05-02", series=CPP, tags=[CPP]),
    "posts/identity-csharp.md": post("Le langage C#", "2024-05-03", tags=[CSHARP]),
    "posts/identity-emoji.md": post("Emoji", "2024-05-04", series=EMOJI_SERIES, tags=list(EMOJI_TAGS)),
    "posts/identity-many.md": post("Douze sujets", "2024-05-05", tags=MANY_TAGS),
    "posts/identity-spelling-a.md": post("Vidéo A", "2024-05-06", tags=[SPELLINGS[0]]),
    "posts/identity-spelling-b.md": post("Vidéo B", "2024-05-07", tags=[SPELLINGS[1]]),
}
USER_FILES: dict[str, str] = {}
PLUGIN: dict[str, Any] = {}


def clash(kind: str, mine: tuple[str, str, str], owner: tuple[str, str, str]) -> str:
    """The warning for a name moved off the slug `PLAIN`: (name, file:line, URL) of it and of the one keeping it."""
    (name, here, url), (other, there, other_url) = mine, owner
    return (
        f"{here}: {kind} '{name}' and '{other}' ({there}) both give the slug '{PLAIN}' but are different names:"
        f" '{other}' keeps {other_url} and '{name}' gets {url}; if they mean the same, write them the same way"
    )


WARNINGS: list[str] = sorted(
    [
        clash(
            "tags",
            (CSHARP, "posts/identity-csharp.md:5", f"tags/{CSHARP_SLUG}/"),
            (C, "posts/identity-c.md:6", f"tags/{PLAIN}/"),
        ),
        clash(
            "tags",
            (CPP, "posts/identity-cpp.md:6", f"tags/{CPP_SLUG}/"),
            (C, "posts/identity-c.md:6", f"tags/{PLAIN}/"),
        ),
        clash(
            "series",
            (CPP, "posts/identity-cpp.md:5", f"series/{CPP_SLUG}/"),
            (C, "posts/identity-c.md:5", f"series/{PLAIN}/"),
        ),
        (
            "posts/identity-spelling-a.md:5: tags 'IDENTITE video' (posts/identity-spelling-b.md:5),"
            " 'Identité Vidéo' (posts/identity-spelling-a.md:5) all fold to the slug 'identite-video' and share"
            " one page, shown as 'IDENTITE video': write them all the same way"
        ),
    ]
)

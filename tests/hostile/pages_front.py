"""Hostile front matter, text and dates (issue 12, items 3, 6 and 9): pages that can all live in one site.

`ATTACKS` maps a name to the page's content (`str`, or `bytes` for the Latin-1
file) and the warnings a build prints for it, each as `line: message` (the
path, `posts/front-<name>.md`, comes first in the real warning). `PAGES`
holds them all; `WARNINGS` is what a build of them prints (without the
logger's `mkdocs_numeco: ` prefix), sorted.
"""

from __future__ import annotations

from typing import Any

from sitebuild import post

# Every kind XML 1.0 refuses or that is an invisible control: C0 (NUL, BS, VT, FF, ESC), DEL, C1 (NEL),
# a lone surrogate can't come from UTF-8 text, noncharacters in the BMP and beyond.
CONTROLS = "\x00\x08\x0b\x0c\x1b\x7f\x85\ufffe\U0001ffff"
SHOWN = "U+0000, U+0008, U+000B, U+000C, U+001B, …"
CARRY = "has characters that HTML, XML and JSON can't carry"
DELETE = "they were removed; delete them from the front matter"


def _billion_laughs() -> str:
    """The classic 1 KB alias bomb: 9 levels of 9 aliases, 9**9 strings once written out."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return "\n".join(lines)


BOMB = f"---\ntitle: Bombe\ndate: 2025-02-01\n{_billion_laughs()}\ntags: *lol9\n---\n\nLe texte reste.\n"
DEEP = "---\ntitle: Profond\ndate: 2025-02-01\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\nLe texte reste.\n"
LOOP = "---\ntitle: Boucle\ndate: 2025-02-01\nx: &a [1, *a]\n---\n\nLe texte reste.\n"

BODY_WITH_CONTROLS = f"""# Titre {CONTROLS} du corps

Un paragraphe {CONTROLS} piégé.

{{% youtube "dQw4w9WgXcQ" %}}

{{% transcription "Orateur {CONTROLS}" %}}
La transcription {CONTROLS} continue.
{{% endtranscription %}}

| a {CONTROLS} | b |
|---|---|
| c {CONTROLS} | d |
"""

JSON_POST = """---json
{
  "title": "Écrit en JSON",
  "description": "Un résumé",
  "date": "2025-02-03T08:30:00+01:00",
  "tags": ["JSON"]
}
---

Le corps du billet JSON.
"""

JSON_BROKEN = """---json
{
  "title": "JSON cassé",
  "date": "2025-02-04",
  "tags": ["a" "b"]
}
---

Le corps reste.
"""

EMPTY_FRONT_MATTER = "---\n---\n\nPremier paragraphe.\n\n---\n\nSecond paragraphe.\n"
# MkDocs would read "Note: …" as the front matter, up to the next `---` line.
EMPTY_THEN_MAPPING = "---\n---\nNote: cette ligne est du texte.\n\n---\n\nSuite du texte.\n"

DUPLICATES = "---\ntitle: Premier\ndate: 2025-02-05\ntitle: Second\ndate: 2025-02-06\n---\n\nTexte.\n"

LATIN1 = "---\ntitle: Café\ndate: 2025-02-07\n---\n\nDéjà vu.\n".encode("latin-1")

# name -> (content, warnings as "line: message")
ATTACKS: dict[str, tuple[str | bytes, list[str]]] = {
    "control-text": (
        post(
            f"Titre {CONTROLS}piégé",
            "2025-02-01",
            description=f"Résumé {CONTROLS}piégé",
            tags=[f"Vidéo{CONTROLS}", "Eau"],
            series=f"Saison {CONTROLS}une",
            image={"path": "../front-images/poster.svg", "alt": f"Affiche {CONTROLS}"},
        ),
        [
            f"3: title {CARRY} ({SHOWN}): {DELETE}",
            f"5: description {CARRY} ({SHOWN}): {DELETE}",
            f"6: tag 'Vidéo' {CARRY} ({SHOWN}): {DELETE}",
            f"9: series {CARRY} ({SHOWN}): {DELETE}",
            f"10: image alt {CARRY} ({SHOWN}): {DELETE}",
        ],
    ),
    "control-raw": (
        f"---\ntitle: Titre{CONTROLS} brut\ndate: 2025-02-01\ntags:\n  - Eau\x0b\n---\n\nTexte.\n",
        [
            (
                "2: front matter key 'title' has characters that YAML and JSON can't read as text (U+0000, U+0008,"
                " U+000B, U+000C, U+001B, …): they were removed; delete them"
            ),
            (
                "2: title has characters that HTML, XML and JSON can't carry (U+1FFFF): they were removed; delete them"
                " from the front matter"
            ),
            (
                "5: this front matter line has characters that YAML and JSON can't read as text (U+000B): they were"
                " removed; delete them"
            ),
        ],
    ),
    "control-body": (post("Corps piégé", "2025-02-01", BODY_WITH_CONTROLS), []),
    "alias-bomb": (
        BOMB,
        [
            (
                "8: front matter can't be read as YAML (its aliases (*lol3) would make it more than 100,000 characters"
                " larger once written out); kept the simple `key: value` lines (date, lol0, title): write the values"
                " out instead of repeating aliases"
            )
        ],
    ),
    "alias-loop": (
        LOOP,
        [
            (
                "4: front matter can't be read as YAML (the alias *a is inside the value it names, which would never"
                " end); kept the simple `key: value` lines (date, title): write the value out instead of the alias"
            )
        ],
    ),
    "deep-nesting": (
        DEEP,
        [
            (
                "4: front matter can't be read as YAML (it nests collections more than 64 levels deep); kept the simple"
                " `key: value` lines (date, title): nest fewer levels"
            )
        ],
    ),
    "bad-timestamp": (
        "---\ntitle: Horodatage\ndate: !!timestamp 2025-13-45\n---\n\nTexte.\n",
        [
            (
                "2: front matter can't be read as YAML (month must be in 1..12); kept the simple `key: value` lines"
                " (title): fix the YAML syntax"
            )
        ],
    ),
    "latin1": (
        LATIN1,
        [
            (
                "2: the file is not UTF-8 (byte 0xe9 at offset 14 can't be decoded): the page is left out of the site;"
                " save the file as UTF-8"
            )
        ],
    ),
    "json": (JSON_POST, []),
    "json-broken": (
        JSON_BROKEN,
        [
            (
                "5: front matter can't be read as JSON (Expecting ',' delimiter); kept the keys before it (date, title):"
                " fix the JSON syntax"
            )
        ],
    ),
    "javascript-front-matter": (
        "---js\n{ title: 'Exécuté ?', date: new Date() }\n---\n\nTexte.\n",
        [
            (
                "1: front matter in 'js' can't be read (only YAML and JSON can): the block is left out of the page;"
                " write it as YAML (---) or JSON (---json)"
            )
        ],
    ),
    "empty-front-matter": (EMPTY_FRONT_MATTER, []),
    "empty-then-mapping": (EMPTY_THEN_MAPPING, []),
    "duplicate-keys": (
        DUPLICATES,
        [
            "4: front matter key 'title' appears twice (lines 2 and 4): the value on line 4 is used; keep only one",
            "5: front matter key 'date' appears twice (lines 3 and 5): the value on line 5 is used; keep only one",
        ],
    ),
    "date-yaml-timestamp": (post("Horodatage YAML", "2025-01-01 10:00:00.5 -5"), []),
    "date-utc": (post("En UTC", "2025-01-01T10:00:00Z"), []),
    "date-offset": (post("Avec décalage", "2025-01-01T10:00:00+02:00"), []),
    "date-last-modified": (post("Dernière modification", "Last Modified"), []),
    "date-git-created": (post("Créé dans git", "git Created"), []),
}

POSTER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9"/></svg>'


def attack_path(name: str) -> str:
    return f"posts/front-{name}.md"


PAGES: dict[str, str | bytes] = {
    **{attack_path(name): content for name, (content, _) in ATTACKS.items()},
    "front-images/poster.svg": POSTER,
}
USER_FILES: dict[str, str] = {}
PLUGIN: dict[str, Any] = {}
WARNINGS: list[str] = sorted(
    f"{attack_path(name)}:{warning}" for name, (_, warnings) in ATTACKS.items() for warning in warnings
)

"""Hostile pages of the scanner's area (issue 12): they can all live in one site.

`PAGES`: docs-relative path -> file content; `USER_FILES`: none; `PLUGIN`: no option needed;
`EXPECTED`: page -> (line, warning) a build prints for it; `WARNINGS`: all of them, `file:line: message`.
Each page is one attack: a shortcode where an HTML block would break the structure
around it, a stray code fence, front-matter text that tries to become Markdown,
and a post made of unclosed delimiters (kept small here; the large ones are in
benchmarks/adversarial.py).
"""

from __future__ import annotations

VIDEO = '{% youtube "dQw4w9WgXcQ" %}'

PAGES: dict[str, str | bytes] = {
    "posts/scanner-list.md": f"""---
title: Liste
date: 2025-01-01
---

Avant la liste.

- premier point
- deuxième point {VIDEO}
- troisième point
    {VIDEO}
- quatrième point

Après la liste.
""",
    "posts/scanner-quote.md": f"""---
title: Citation
date: 2025-01-02
---

> première ligne de la citation
> {VIDEO}
> dernière ligne de la citation

Après la citation.
""",
    "posts/scanner-table.md": f"""---
title: Tableau
date: 2025-01-03
---

| Sujet | Vidéo |
|-------|-------|
| un | {VIDEO} |
| deux | rien |
| trois | {{% transcription "Léa" %}} |

Après le tableau.
""",
    "posts/scanner-admonition.md": f"""---
title: Encadré
date: 2025-01-04
---

!!! note "Encadré"
    Début de l'encadré.
    {VIDEO}
    Suite de l'encadré.

    Second paragraphe de l'encadré.

Après l'encadré.
""",
    "posts/scanner-transcript-list.md": """---
title: Transcription dans une liste
date: 2025-01-05
---

- point un {% transcription "Léa" %}
- point deux
- point trois {% endtranscription %}
- point quatre

Fin.
""",
    "posts/scanner-container-list.md": """---
title: Conteneur dans une liste
date: 2025-01-06
---

- point un
::: note Titre
- point deux

Fin.
""",
    "posts/scanner-fence.md": f"""---
title: Bloc de code jamais fermé
date: 2025-01-07
---

Texte avant le bloc.

```
code sans fin
{VIDEO}
""",
    "posts/scanner-interpolation.md": """---
title: Interpolation
date: 2025-01-08
lien: "[cliquez](javascript:alert(1))"
cellule: "a | b"
titre: "# Un titre injecté"
gras: "**gras** et _italique_"
balise: "<b onmouseover=alert(1)>gras</b>"
---

Lien : {{ lien }}

| Clé | Valeur |
|-----|--------|
| cellule | {{ cellule }} |
| fin | ok |

{{ titre }}

Texte {{ gras }} et {{ balise }}.
""",
    "posts/scanner-unclosed.md": """---
title: Délimiteurs jamais fermés
date: 2025-01-09
---

"""
    + " ".join(
        f"mot{n} {opener}" for n, opener in enumerate(["{#", "{%", "{{", "`", "``", "<!--", "<iframe", "{# {% {{"] * 40)
    )
    + "\n\nDernier paragraphe.\n",
}


def in_place(where: str, outside: str) -> str:
    """The warning for a video shortcode where a player can't go."""
    return (
        f"{{% youtube %}} is inside {where}, where a player can't go without breaking {outside}: it is shown as a"
        f" link to the video on YouTube; to show the player, put the shortcode on a line of its own outside {outside}"
    )


def as_text(what: str, where: str, block: str, outside: str) -> str:
    """The warning for a transcript tag, a card or a ':::' line where its block can't go."""
    return (
        f"{what} is inside {where}, where {block} can't go without breaking {outside}: it is shown as text;"
        f" put it on a line of its own outside {outside}"
    )


LIST = ("a list item", "the list")
QUOTE = ("a blockquote", "the quote")
TABLE = ("a table", "the table")
BOX = ("an indented block (admonition, collapsible block or tab)", "the indented block")
FENCE = (
    "this ``` fence is never closed: mkdocs-numeco reads everything after line 8 as code and converts"
    " no shortcode there; close it with a ``` line where the code ends"
)
EXPECTED: dict[str, list[tuple[int, str]]] = {
    "posts/scanner-list.md": [(9, in_place(*LIST)), (11, in_place(*LIST))],
    "posts/scanner-quote.md": [(7, in_place(*QUOTE))],
    "posts/scanner-table.md": [
        (8, in_place(*TABLE)),
        (10, as_text("{% transcription %}", TABLE[0], "a transcript", TABLE[1])),
    ],
    "posts/scanner-admonition.md": [(8, in_place(*BOX))],
    "posts/scanner-transcript-list.md": [
        (6, as_text("{% transcription %}", LIST[0], "a transcript", LIST[1])),
        (8, as_text("{% endtranscription %}", LIST[0], "a transcript", LIST[1])),
    ],
    "posts/scanner-container-list.md": [(7, as_text("'::: note Titre'", LIST[0], "a box", LIST[1]))],
    "posts/scanner-fence.md": [(8, FENCE)],
    "posts/scanner-interpolation.md": [],
    "posts/scanner-unclosed.md": [],
}
WARNINGS: list[str] = sorted(f"{page}:{line}: {message}" for page, found in EXPECTED.items() for line, message in found)
USER_FILES: dict[str, str] = {}
PLUGIN: dict = {}

"""Hostile pages of the scanner's area (issue 12): they can all live in one site.

`PAGES`: docs-relative path -> file content; `USER_FILES`: none; `PLUGIN`: no option needed.
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

USER_FILES: dict[str, str] = {}
PLUGIN: dict = {}

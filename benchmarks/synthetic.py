"""A synthetic site of N Eleventy-format posts, and the MkDocs configs of the plugin and the raw floor.

The equivalent-output floor (`equivalent.py`) and Material's blog (`peer.py`) are
written next to them, from the same posts.

Every post is derived from its number alone (not from a shared random stream),
so post 1 is byte-identical whatever N is: its page size can be compared
across sizes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

TAGS = ("Vidéo", "Podcast", "Mesure", "Écoconception", "Réemploi", "Données", "Formation", "Ministères")
SERIES = ("Paroles d'experts saison 1", "Paroles d'experts saison 2", "Retours de terrain", "Le podcast NumEco")
POSTERS = 4
WORDS = [
    "numérique",
    "responsable",
    "sobriété",
    "mesure",
    "empreinte",
    "service",
    "public",
    "agents",
    "ministère",
    "données",
    "réemploi",
    "matériel",
    "centre",
    "hébergement",
    "formation",
    "sensibilisation",
    "écoconception",
    "accessibilité",
    "usage",
    "durée",
    "vie",
    "équipement",
    "impact",
    "énergie",
    "réseau",
    "terminal",
    "logiciel",
    "démarche",
    "collectif",
    "initiative",
    "administration",
    "référentiel",
    "indicateur",
    "achat",
    "politique",
    "stratégie",
    "communauté",
]
FIRST_DAY = date(2015, 1, 5)
SITE_URL = "https://example.org/bench/"
MOUNT = "/bench/"  # the path of SITE_URL, where `mkdocs serve` mounts the site

# The extensions the plugin turns on, listed in both configs so that the raw floor
# renders the same Markdown with the same extensions: the ratio then measures
# the plugin's own work, not a different Markdown setup.
EXTENSIONS = ("admonition", "pymdownx.details", "md_in_html", "attr_list")

_THEME = """\
theme:
  name: material
  language: fr
  font: false
  features:
    - navigation.instant
  palette:
    - scheme: default
      toggle:
        icon: material/weather-night
        name: Passer au thème sombre
    - scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Passer au thème clair
"""


@dataclass(frozen=True)
class SyntheticSite:
    """Where a generated site lives and how to build it."""

    root: Path
    posts: int

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def config(self, variant: str) -> Path:
        """`plugin`, `raw`, `equivalent` or `peer`: the mkdocs.yml for that variant."""
        return self.root / f"mkdocs-{variant}.yml"

    def post_path(self, number: int) -> Path:
        return self.docs / "posts" / post_name(number)


def post_name(number: int) -> str:
    return f"post-{number:05d}.md"


def post_source(number: int) -> str:
    """The Markdown of post `number` (1-based), in the Eleventy format of the seed post."""
    rng = random.Random(number)
    first, second = tags_of(number)
    name = series_of(number)
    series = f'series: "{name}"\n' if name else ""
    day = FIRST_DAY + timedelta(days=number)
    provider, video_id = _video(number)
    speaker = f"Intervenant {number}"
    paragraphs = "\n\n".join(f"<p>{_sentence(rng, 45)}</p>" for _ in range(8))
    return f"""---
layout: layouts/post.njk
title: "Épisode #{number} : {_sentence(rng, 5).rstrip(".")}"
description: {_sentence(rng, 14)}
date: {day.isoformat()}
image:
    path: ../images/poster-{number % POSTERS}.svg
    alt: ""
tags:
  - '{first}'
  - '{second}'
{series}---

<!-- intégration vidéo -->
{{%- {provider} "{video_id}" -%}}

<!-- légende de la vidéo-->
**{speaker}, {_sentence(rng, 4).rstrip(".")}**

<!-- description-->
{_sentence(rng, 30)}

<!-- transcription-->

{{% transcription "{speaker}" %}}
{paragraphs}

{{% endtranscription %}}
"""


def tags_of(number: int) -> tuple[str, str]:
    """Two of the eight tags."""
    first, second = random.Random(-number).sample(TAGS, 2)
    return first, second


def series_of(number: int) -> str | None:
    """One of the four series, or none (one post in five)."""
    index = number % (len(SERIES) + 1)
    return SERIES[index] if index < len(SERIES) else None


def _video(number: int) -> tuple[str, str]:
    kind = number % 3
    if kind == 0:
        return "dailymotion", f"x{number:07d}"
    if kind == 1:
        return "youtube", f"bench{number:06d}"[:11].ljust(11, "a")
    return "vimeo", str(76000000 + number)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _poster(index: int) -> str:
    hue = index * 90
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9">'
        f'<rect width="16" height="9" fill="hsl({hue},40%,40%)"/></svg>\n'
    )


def write_site(root: Path, posts: int) -> SyntheticSite:
    """Write the docs and the plugin's and raw floor's configs under `root` (which must be empty or absent)."""
    site = SyntheticSite(root, posts)
    (site.docs / "posts").mkdir(parents=True)
    (site.docs / "images").mkdir()
    (site.docs / "index.md").write_text(
        "# Accueil\n\nUn site de démonstration généré pour le banc de mesure.\n", "utf-8"
    )
    for index in range(POSTERS):
        (site.docs / "images" / f"poster-{index}.svg").write_text(_poster(index), "utf-8")
    for number in range(1, posts + 1):
        site.post_path(number).write_text(post_source(number), "utf-8")
    site.config("plugin").write_text(_config("plugin", site), "utf-8")
    site.config("raw").write_text(_config("raw", site), "utf-8")
    return site


def _config(variant: str, site: SyntheticSite) -> str:
    """The two configs differ only in the plugin and in how posts leave the nav."""
    if variant == "plugin":
        plugins, not_in_nav = "plugins:\n  - search\n  - numeco\n", ""
    else:
        # The raw floor: without the plugin, MkDocs' own `not_in_nav` keeps the posts out of the nav.
        plugins, not_in_nav = "plugins:\n  - search\n", "not_in_nav: |\n  /posts/\n"
    return config_text(site, variant, f"{not_in_nav}markdown_extensions:\n{_extensions()}{plugins}")


def _extensions() -> str:
    return "".join(f"  - {name}\n" for name in EXTENSIONS)


def config_text(site: SyntheticSite, variant: str, rest: str, docs_dir: str = "docs") -> str:
    """The settings every variant shares (name, URL, theme), then `rest`."""
    return (
        f"site_name: Banc de mesure ({site.posts} articles)\n"
        f"site_url: {SITE_URL}\n"
        f"docs_dir: {docs_dir}\nsite_dir: site-{variant}\n"
        f"{_THEME}{rest}"
    )

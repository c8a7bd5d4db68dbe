"""End-to-end: a site holding posts like the seed builds strictly, and the HTML holds what the core promises."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from sitebuild import build_site, post, write_site

TRANSCRIPT_SENTENCES = [
    "La sobriété numérique est un chantier de long terme.",
    "Nous l'abordons avec toutes les équipes.",
    "Panneau : une semaine pour s'y mettre",
    "Les gestes simples comptent : garder son matériel, alléger ses pages.",
]

SEED_LIKE = """\
---
layout: layouts/post.njk
title: "Épisode #4 : Réunir les référents"
description: La direction réunit ses référents pour un numérique plus sobre.
date: 2025-04-01
image:
    path: ./poster.svg
    alt: ""
tags:
  - 'Vidéo'
  - 'Ministères'
series: "Paroles d'experts saison 1"
---

<!-- intégration vidéo dailymotion -->
{%- dailymotion "x9h51js" -%}

<!-- légende de la vidéo-->
**Anne Dubois, directrice adjointe**

<!-- description-->
En réunissant les référents, la direction partage les bonnes pratiques.

<!-- transcription-->

{% transcription "Anne Dubois" %}
<p>
  Anne Dubois<br>
  Directrice adjointe
</p>

<p>La sobriété numérique est un chantier de long terme. Nous l'abordons
avec toutes les équipes.</p>

<p>Panneau : une semaine pour s'y mettre</p>

<br>

<p>Les gestes simples comptent : garder son matériel, alléger ses pages.</p>
{% endtranscription %}
"""

POSTER = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9"/></svg>'


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("seed")
    pages = {
        "index.md": "# Accueil\n",
        "posts/reunir.md": SEED_LIKE,
        "posts/poster.svg": POSTER,
        "posts/deux.md": post(
            "Deux vidéos",
            "2025-05-02",
            """
            {% youtube "M7lc1UVf-VE" %}

            {% transcription "Lucie" %}
            Première transcription.
            {% endtranscription %}

            {% vimeo '76979871' %}

            {% transcription %}
            Seconde transcription, sans orateur.
            {% endtranscription %}
            """,
            tags="IA et Data",
        ),
        "posts/syntaxe.md": post(
            "Syntaxe",
            "2025-01-01",
            """
            Écrivez `{% youtube "ID" %}` pour une vidéo.

            ```
            {% transcription "Nom" %}
            {% endtranscription %}
            ```
            """,
        ),
    }
    return build_site(write_site(root, pages), strict=True)


def _outside_code_text(article) -> str:
    for code in article.select("code, pre"):
        code.decompose()
    return article.get_text(" ")


def test_strict_build_has_no_warning(seed_site) -> None:
    assert seed_site.messages() == []


def test_dailymotion_becomes_a_facade(seed_site) -> None:
    article = seed_site.content("posts/reunir/")
    (video,) = article.select(".numeco-video")
    assert video["data-provider"] == "dailymotion"
    assert video["data-video-id"] == "x9h51js"
    button = video.select_one("button.numeco-video__play")
    assert button["type"] == "button"
    assert "Épisode #4 : Réunir les référents" in button.get_text()
    # the poster is the front-matter image, resolved relative to the post
    assert video.select_one("img.numeco-video__poster")["src"] == "../poster.svg"
    fallback = video.select_one("noscript a")
    assert urlsplit(fallback["href"]).netloc == "www.dailymotion.com"
    assert not video.select("iframe")


def test_no_third_party_resource_before_click(seed_site) -> None:
    for url in ("posts/reunir/", "posts/deux/"):
        soup = seed_site.soup(url)
        loaded = [el.get("src") for el in soup.select("[src]")] + [
            el.get("href") for el in soup.select("link[href]") if "alternate" not in (el.get("rel") or [])
        ]
        external = [u for u in loaded if urlsplit(u).netloc not in ("", "example.org")]
        assert external == [], url


def test_transcript_is_a_collapsed_material_block_with_every_sentence(seed_site) -> None:
    article = seed_site.content("posts/reunir/")
    (details,) = article.select("details.numeco-transcript")
    assert "abstract" in details["class"]
    assert not details.has_attr("open")
    assert details.summary.get_text(strip=True) == "Transcription\u00a0: Anne Dubois"
    assert details.select_one("button.numeco-transcript__expand").get_text(strip=True) == "Agrandir"
    text = " ".join(details.select_one(".numeco-transcript__body").get_text(" ").split())
    for sentence in TRANSCRIPT_SENTENCES:
        assert sentence in text
    # valid nesting: no block element inside a paragraph
    assert not article.select("p div, p p, p details, p ul")


def test_transcript_link_sits_right_after_the_player(seed_site) -> None:
    article = seed_site.content("posts/reunir/")
    video = article.select_one(".numeco-video")
    link = video.find_next_sibling()
    assert "numeco-video__transcript-link" in link["class"]
    assert link.a["href"] == "#" + article.select_one("details.numeco-transcript")["id"]


def test_two_videos_two_transcripts_unique_ids(seed_site) -> None:
    article = seed_site.content("posts/deux/")
    videos = article.select(".numeco-video")
    assert [v["data-provider"] for v in videos] == ["youtube", "vimeo"]
    assert [v.find_next_sibling().a["href"] for v in videos] == ["#numeco-transcript-1", "#numeco-transcript-2"]
    summaries = [d.summary.get_text(strip=True) for d in article.select("details.numeco-transcript")]
    assert summaries == ["Transcription\u00a0: Lucie", "Transcription"]
    ids = [el["id"] for el in seed_site.soup("posts/deux/").select("[id]")]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_no_tag_left_outside_code_and_code_stays_literal(seed_site) -> None:
    for url in ("posts/reunir/", "posts/deux/", "posts/syntaxe/"):
        article = seed_site.content(url)
        assert "{%" not in _outside_code_text(article), url
    codes = [c.get_text() for c in seed_site.content("posts/syntaxe/").select("code")]
    assert '{% youtube "ID" %}' in codes
    assert any('{% transcription "Nom" %}' in c for c in codes)


def test_front_matter_title_description_date(seed_site) -> None:
    soup = seed_site.soup("posts/reunir/")
    assert soup.select_one("article h1").get_text() == "Épisode #4 : Réunir les référents"
    assert (
        soup.select_one('meta[name="description"]')["content"]
        == "La direction réunit ses référents pour un numérique plus sobre."
    )
    date = soup.select_one(".numeco-post-date")
    assert " ".join(date.get_text().split()) == "Publié le 1 avril 2025"
    assert date.time["datetime"] == "2025-04-01"
    assert soup.title.get_text().startswith("Épisode #4")


def test_tags_string_or_list(seed_site) -> None:
    names = [a.get_text() for a in seed_site.content("posts/reunir/").select(".numeco-tags a")]
    assert names == ["Vidéo", "Ministères"]
    names = [a.get_text() for a in seed_site.content("posts/deux/").select(".numeco-tags a")]
    assert names == ["IA et Data"]


def test_apostrophes_and_quotes_untouched(seed_site) -> None:
    text = seed_site.content("posts/reunir/").get_text()
    assert "Nous l'abordons" in text and "\u2019" not in text


def test_assets_are_shipped_and_linked(seed_site) -> None:
    soup = seed_site.soup("posts/reunir/")
    css = [l["href"] for l in soup.select('link[rel="stylesheet"]') if "numeco" in l["href"]]
    js = [s["src"] for s in soup.select("script[src]") if "numeco" in s["src"]]
    assert css == ["../../assets/numeco/numeco.css"] and js == ["../../assets/numeco/numeco.js"]
    assert (seed_site.site_dir / "assets/numeco/numeco.css").stat().st_size > 0
    assert (seed_site.site_dir / "assets/numeco/numeco.js").stat().st_size > 0


def test_english_labels_and_date(tmp_path) -> None:
    pages = {
        "p.md": post(
            "Hello",
            "2025-04-01",
            '{% youtube "M7lc1UVf-VE" %}\n\n{% transcription "Ann" %}\nHi.\n{% endtranscription %}',
        )
    }
    built = build_site(
        write_site(tmp_path, pages, theme={"name": "material", "language": "en", "font": False}), strict=True
    )
    article = built.content("p/")
    assert " ".join(article.select_one(".numeco-post-date").get_text().split()) == "Published on April 1, 2025"
    assert article.select_one("details summary").get_text() == "Transcript: Ann"
    assert article.select_one(".numeco-video__transcript-link").get_text() == "Read the transcript"
    assert article.select_one(".numeco-transcript__expand").get_text() == "Expand"
    assert article.select_one(".numeco-transcript__expand")["data-close-label"] == "Close"


def test_options_iframe_open_labels(tmp_path) -> None:
    options = {
        "embed": "iframe",
        "transcript": {"open": True, "type": "quote"},
        "labels": {"expand": "Plein écran", "close": "Quitter"},
    }
    pages = {
        "p.md": post(
            "Titre", "2025-04-01", '{% vimeo "76979871" %}\n\n{% transcription %}\nMot.\n{% endtranscription %}'
        )
    }
    built = build_site(write_site(tmp_path, pages, plugin=options), strict=True)
    article = built.content("p/")
    frame = article.select_one(".numeco-video iframe")
    assert frame["loading"] == "lazy"
    assert frame["src"] == "https://player.vimeo.com/video/76979871?dnt=1"
    assert frame["title"] == "Vidéo\u00a0: Titre"
    assert frame["allow"] == "autoplay; fullscreen; picture-in-picture"
    details = article.select_one("details.numeco-transcript")
    assert details.has_attr("open") and "quote" in details["class"]
    expand = details.select_one(".numeco-transcript__expand")
    assert expand.get_text() == "Plein écran"
    assert expand["data-close-label"] == "Quitter"  # the dialog's close button reads it


def test_extensions_enabled_without_user_configuration(tmp_path) -> None:
    pages = {"p.md": post("T", "2025-04-01", "{% transcription %}\nUn *mot* en Markdown.\n{% endtranscription %}")}
    built = build_site(write_site(tmp_path, pages, markdown_extensions=[]), strict=True)
    body = built.content("p/").select_one(".numeco-transcript__body")
    assert body.em.get_text() == "mot"  # md_in_html is on: Markdown inside the block is rendered


def test_material_front_matter_keys_keep_working(tmp_path) -> None:
    pages = {"index.md": "# Home\n", "p.md": post("T", "2025-04-01", "## Part\n\nText.", hide=["toc"])}
    built = build_site(write_site(tmp_path, pages), strict=True)
    assert built.soup("p/").select_one(".md-sidebar--secondary").has_attr("hidden")


def test_youtube_uses_the_privacy_enhanced_host(seed_site) -> None:
    video = seed_site.content("posts/deux/").select_one('.numeco-video[data-provider="youtube"]')
    assert urlsplit(video["data-embed-url"]).netloc == "www.youtube-nocookie.com"
    vimeo = seed_site.content("posts/deux/").select_one('.numeco-video[data-provider="vimeo"]')
    assert re.search(r"[?&]dnt=1\b", vimeo["data-embed-url"])

"""Coexistence with mkdocs-macros-plugin, which renders every page as a Jinja template.

Our `on_page_markdown` runs at priority 100, before macros (priority 0) wherever
either sits in `plugins:`, so Jinja never meets a shortcode. What is not one of
ours (`{{ config.site_name }}`, `{% if %}`…) is then left for macros to render.
"""

from __future__ import annotations

import logging

import pytest
from bs4 import Comment
from needs import import_or_unavailable
from sitebuild import build_site, post, write_site

import_or_unavailable("mkdocs_macros")

BODY = """
{%- dailymotion "x9h51js" -%}

Publié sur {{ config.site_name }}.

{% if page.meta.title %}Le titre est connu.{% endif %}

{% transcription "Jérémie Vallet" %}
<p>Le texte de la transcription.</p>
{% endtranscription %}

{% youtube "trop-court" %}

Pour documenter la syntaxe : `{% youtube "ID" %}` et `{{ page.title }}`.

```nunjucks
{% transcription "Nom" %}
Texte.
{% endtranscription %}
```

<!-- une note de l'autrice : {{ rien }} -->

{% transcription "Sans fin" %}

Le texte après la transcription jamais fermée.
"""


@pytest.fixture(params=["macros-first", "macros-last"])
def site(request: pytest.FixtureRequest, tmp_path):
    plugins = ["search", "numeco", "macros"] if request.param == "macros-last" else ["search", "macros", "numeco"]
    config = write_site(tmp_path, {"index.md": "# Accueil\n", "posts/video.md": post("Une vidéo", "2025-04-01", BODY)})
    text = (
        config.read_text(encoding="utf-8")
        .replace("- numeco: {}\n", "")
        .replace("plugins:\n- search\n", "plugins:\n" + "".join(f"- {p}\n" for p in plugins))
    )
    config.write_text(text, encoding="utf-8")
    return build_site(config, strict=False)


def test_shortcodes_are_converted_and_the_build_succeeds(site) -> None:
    page = site.content("posts/video/")
    assert page.select_one(".numeco-video")["data-video-id"] == "x9h51js"
    assert page.select_one("details.numeco-transcript summary").get_text() == "Transcription\u00a0: Jérémie Vallet"
    assert "Le texte de la transcription." in page.select_one(".numeco-transcript__body").get_text()


def test_macros_renders_what_is_not_ours(site) -> None:
    page = site.content("posts/video/")
    for code in page.select("code"):  # shown as written on purpose: see the test below
        code.decompose()
    text = " ".join(page.get_text().split())
    assert "Publié sur Test." in text
    assert "Le titre est connu." in text
    assert "Le texte après la transcription jamais fermée." in text
    assert "{{" not in text and "{%" not in text


def test_only_our_mistakes_are_reported_and_macros_has_no_error(site) -> None:
    warnings = [r.getMessage() for r in site.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 2, warnings
    assert all(w.startswith("mkdocs_numeco: posts/video.md:") for w in warnings)
    assert any("invalid YouTube id 'trop-court'" in w for w in warnings)
    assert any("never closed" in w for w in warnings)
    # the comments we leave hold nothing Jinja would run, so macros leaves them alone
    comments = site.content("posts/video/").find_all(string=lambda s: isinstance(s, Comment))
    assert any("trop-court" in c for c in comments)


def test_code_that_shows_the_syntax_stays_as_written(site) -> None:
    """macros renders code blocks too; what authors show there must reach the reader as typed."""
    page = site.content("posts/video/")
    assert [c.get_text() for c in page.select("p code")] == ['{% youtube "ID" %}', "{{ page.title }}"]
    assert page.select_one("pre code").get_text() == '{% transcription "Nom" %}\nTexte.\n{% endtranscription %}\n'
    assert any("{{ rien }}" in c for c in page.find_all(string=lambda s: isinstance(s, Comment)))

"""Overridable markup: the converter's and the plugin's HTML comes from templates a theme may override."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from guidepages import doc_page
from jinja2 import TemplateNotFound
from sitebuild import build_site, post, write_site

from mkdocs_numeco.adapter.permalinks import redirect_html
from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.render import Renderer, packaged
from mkdocs_numeco.core.shortcodes import Context, convert

LABELS = resolve_labels("fr", {})
THEME = {"name": "material", "language": "fr", "font": False, "custom_dir": "overrides"}
FACADE = '<figure class="my-video" data-id="{{ video.video_id }}"><figcaption>{{ video.title }}</figcaption></figure>\n'
TRANSCRIPT = '<section class="my-transcript" id="{{ dom_id }}" markdown="1">\n<h2>{{ summary }}</h2>\n'
TRANSCRIPT_CLOSE = "</section>\n"


def overrides(root: Path, templates: dict[str, str]) -> Path:
    folder = root / "overrides" / "numeco"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in templates.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root / "overrides"


def test_theme_templates_win_over_the_packaged_ones(tmp_path: Path) -> None:
    overrides(
        tmp_path,
        {
            "facade.html": FACADE,
            "transcript_open.html": TRANSCRIPT,
            "transcript_close.html": TRANSCRIPT_CLOSE,
            "redirect.html": '<!doctype html><html lang="{{ lang }}"><title>Moved</title><a href="{{ relative }}">there</a></html>',
        },
    )
    # A template of the theme's own with one of our names is not ours: only numeco/ counts.
    (tmp_path / "overrides" / "player.html").write_text("<p>not ours</p>", encoding="utf-8")
    body = '{% dailymotion "x9h51js" %}\n\n{% transcription "Anne" %}\nBonjour.\n{% endtranscription %}\n'
    pages = {"posts/2024-01-10-bilan.md": post("Bilan", "2024-01-10", body)}
    built = build_site(write_site(tmp_path, pages, {"redirect_from": ["anciens/{slug}/"]}, theme=THEME))
    assert built.messages(logging.WARNING) == []
    content = built.content("posts/2024-01-10-bilan/")
    figure = content.select_one("figure.my-video")
    assert figure["data-id"] == "x9h51js" and figure.get_text() == "Bilan"
    assert content.select_one(".numeco-video") is None
    section = content.select_one("section.my-transcript")
    assert section["id"] == "numeco-transcript-1"
    assert section.select_one("h2").get_text() == LABELS["transcript_of"].format(speaker="Anne")
    assert section.select_one("p").get_text() == "Bonjour."
    # the transcript link still comes from the packaged template
    assert content.select_one(".numeco-video__transcript-link a")["href"] == "#numeco-transcript-1"
    moved = built.soup("anciens/bilan/")
    assert moved.select_one("title").get_text() == "Moved"
    assert moved.select_one("a")["href"] == "../../posts/2024-01-10-bilan/"


def test_series_box_is_overridable_too(tmp_path: Path) -> None:
    overrides(tmp_path, {"series_box.html": '<p class="my-series">{{ series.name }}: {{ post.title }}</p>'})
    pages = {"a.md": post("Un", "2024-01-10", series="Saison")}
    built = build_site(write_site(tmp_path, pages, theme=THEME))
    assert built.content("a/").select_one(".my-series").get_text() == "Saison: Un"


def test_default_markup_is_unchanged() -> None:
    """The packaged templates give exactly the markup the golden cases hold (tests/cases/); the redirect page too."""
    page = redirect_html("anciens/a/", "posts/a/", "https://example.org/", "fr")
    assert page == (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        "<title>../../posts/a/</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<link rel="canonical" href="https://example.org/posts/a/">\n'
        '<meta http-equiv="refresh" content="0; url=../../posts/a/">\n'
        '</head>\n<body>\n<p><a href="../../posts/a/">../../posts/a/</a></p>\n</body>\n</html>\n'
    )
    text = '{% youtube "dQw4w9WgXcQ" %}\n'
    assert (
        convert(text, Context(labels=LABELS)).markdown == convert(text, Context(LABELS, renderer=Renderer())).markdown
    )
    assert Context(labels=LABELS).renderer is packaged()


HOSTILE = "<img src=x onerror=alert(1)> {{ secret }} {% raw %} `code` \" '"


def test_values_in_an_overridden_template_are_still_escaped(tmp_path: Path) -> None:
    renderer = Renderer(
        custom_dir=str(overrides(tmp_path, {"facade.html": FACADE, "transcript_open.html": TRANSCRIPT}))
    )
    text = f'{{% dailymotion "x9h51js" "{HOSTILE.replace(chr(34), "")}" %}}\n\n{{% transcription "{HOSTILE.replace(chr(34), "")}" %}}\nT\n{{% endtranscription %}}\n'
    result = convert(text, Context(labels=LABELS, renderer=renderer))
    out = result.markdown
    assert "<img" not in out and "{{" not in out and "{%" not in out and "`" not in out
    soup = BeautifulSoup(out, "html.parser")
    assert soup.select_one("figcaption").get_text() == HOSTILE.replace('"', "")
    assert soup.select_one("h2").get_text() == LABELS["transcript_of"].format(speaker=HOSTILE.replace('"', ""))


def test_an_override_cannot_reach_outside_its_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.html").write_text("SECRET", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("THEME", encoding="utf-8")
    for target in ("../secret.html", "../main.html", "/etc/hostname"):
        renderer = Renderer(custom_dir=str(overrides(tmp_path, {"facade.html": f'{{% include "{target}" %}}'})))
        with pytest.raises(TemplateNotFound):
            convert('{% dailymotion "x9h51js" %}\n', Context(labels=LABELS, renderer=renderer))


def test_templates_are_compiled_once_per_renderer(tmp_path: Path) -> None:
    renderer = Renderer(custom_dir=str(overrides(tmp_path, {"facade.html": FACADE})))
    convert('{% dailymotion "x9h51js" %}\n', Context(labels=LABELS, renderer=renderer))
    (tmp_path / "overrides" / "numeco" / "facade.html").write_text("<p>changed</p>", encoding="utf-8")
    out = convert('{% dailymotion "x9h51js" %}\n', Context(labels=LABELS, renderer=renderer)).markdown
    assert 'class="my-video"' in out  # the first compilation is kept: no file is read again per call


def test_the_readme_override_example_works(tmp_path: Path) -> None:
    readme = doc_page("shortcodes.md")
    section = readme.split("### Change the markup", 1)[1]
    example = section.split("```jinja\n", 1)[1].split("```", 1)[0]
    renderer = Renderer(custom_dir=str(overrides(tmp_path, {"transcript_link.html": example})))
    text = '{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription %}\nT\n{% endtranscription %}\n'
    soup = BeautifulSoup(convert(text, Context(labels=LABELS, renderer=renderer)).markdown, "html.parser")
    link = soup.select_one("p.my-transcript-link a")
    assert link["href"] == "#numeco-transcript-1" and link.get_text() == LABELS["read_transcript"] + " ↓"


def test_a_label_is_remembered_by_its_values_and_their_types() -> None:
    renderer = Renderer(resolve_labels("en", {"post_count": "{count} posts"}), "en")
    assert [renderer.label("post_count", count=value) for value in (1, True, 1, 2)] == [
        "1 posts",
        "True posts",
        "1 posts",
        "2 posts",
    ]


def test_overrides_of_parts_that_print_nothing_by_default_are_still_rendered(tmp_path: Path) -> None:
    """The post's updated date, authors and tags are skipped when empty, unless the site overrides them."""
    overrides(
        tmp_path,
        {
            "post_updated.html": '<p class="my-updated">{{ post.title }}</p>',
            "_authors.html": '{% macro post_authors(post, link, full=true, class="") %}<p class="my-authors">-</p>{% endmacro %}',
            "post_tags.html": '<p class="my-tags">{{ tags | length }}</p>',
        },
    )
    built = build_site(write_site(tmp_path, {"a.md": post("Un", "2024-01-10")}, theme=THEME))
    content = built.content("a/")
    assert content.select_one(".my-updated").get_text() == "Un"
    assert content.select_one(".my-authors").get_text() == "-"
    assert content.select_one(".my-tags").get_text() == "0"


def test_a_reading_time_macro_of_the_site_is_called_for_each_post_header(tmp_path: Path) -> None:
    """The header's reading time is made once per set of minutes, unless the site's macro may show more."""
    reading = (
        '{% macro reading_time(post, full=true, class="") %}<p class="my-reading">{{ post.title }}</p>{% endmacro %}'
    )
    overrides(tmp_path, {"_reading.html": reading})
    pages = {"a.md": post("Un", "2024-01-10"), "b.md": post("Deux", "2024-01-11")}
    built = build_site(write_site(tmp_path, pages, theme=THEME))
    assert built.content("a/").select_one(".my-reading").get_text() == "Un"
    assert built.content("b/").select_one(".my-reading").get_text() == "Deux"


def test_a_draft_badge_macro_of_the_site_is_called_for_each_post_header(tmp_path: Path) -> None:
    """The header's draft badge is made once per draft state, unless the site's macro may show more."""
    overrides(
        tmp_path, {"_draft.html": '{% macro draft_badge(post) %}<p class="my-draft">{{ post.title }}</p>{% endmacro %}'}
    )
    pages = {"a.md": post("Un", "2024-01-10"), "b.md": post("Deux", "2024-01-11")}
    built = build_site(write_site(tmp_path, pages, theme=THEME))
    assert built.content("a/").select_one(".my-draft").get_text() == "Un"
    assert built.content("b/").select_one(".my-draft").get_text() == "Deux"


def test_a_series_step_macro_of_the_site_is_called_for_each_box(tmp_path: Path) -> None:
    """The episodes of a series box are made once per build, unless the site has its own `_series_step.html`."""
    step = (
        "{% macro series_step(step, current, cut) %}"
        '<li class="my-step">{{ step.number }}/{{ current }}/{{ step.href }}</li>{% endmacro %}'
    )
    overrides(tmp_path, {"_series_step.html": step})
    pages = {
        "a.md": post("Un", "2024-01-10", series="Saison"),
        "b.md": post("Deux", "2024-01-11", series="Saison"),
    }
    built = build_site(write_site(tmp_path, pages, theme=THEME))
    assert [li.get_text() for li in built.content("a/").select(".my-step")] == ["1/1/", "2/1/../b/"]
    assert [li.get_text() for li in built.content("b/").select(".my-step")] == ["1/2/../a/", "2/2/"]


def test_a_series_box_that_fails_is_reported_on_its_own_post(tmp_path: Path) -> None:
    """The boxes are made together when the first post renders; one that fails still fails on its own page."""
    box = '{% if post.title == "Deux" %}{{ nothing.at.all }}{% endif %}<p class="my-box">{{ post.title }}</p>'
    overrides(tmp_path, {"series_box.html": box})
    pages = {
        "a.md": post("Un", "2024-01-10", series="Saison"),
        "b.md": post("Deux", "2024-01-11", series="Saison"),
        "c.md": post("Trois", "2024-01-12", series="Saison"),
    }
    built = build_site(write_site(tmp_path, pages, theme=THEME))
    failures = [record.getMessage() for record in built.records if record.levelno >= logging.WARNING]
    assert len(failures) == 1
    assert "b.md: " in failures[0]
    assert built.content("a/").select_one(".my-box").get_text() == "Un"
    assert built.content("c/").select_one(".my-box").get_text() == "Trois"
    assert built.content("b/").select_one(".my-box") is None


def test_headers_made_at_once_follow_each_posts_own_title(tmp_path: Path) -> None:
    """Headers are made together when the first post renders, guessing from the Markdown whether a post starts
    with its own title; the page, which knows, has the last word."""
    pages = {
        "a.md": post("Un", "2024-01-10", body="# Mon titre\n\nTexte."),
        "b.md": post("Deux", "2024-01-11", body="Texte d'abord.\n\n# Plus loin\n\nSuite."),
        "c.md": post("Trois", "2024-01-12"),
    }
    built = build_site(write_site(tmp_path, pages))
    titles = {url: [h1.get_text(strip=True) for h1 in built.content(url).select("h1")] for url in ("a/", "b/", "c/")}
    assert titles == {"a/": ["Mon titre"], "b/": ["Deux", "Plus loin"], "c/": ["Trois"]}
    for url in ("a/", "b/", "c/"):
        assert built.content(url).select_one(".numeco-post-date time") is not None

"""`numeco` as a Python-Markdown extension (`mkdocs_numeco.markdown`): plain Python and MkDocs without the plugin."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import Abort
from sitebuild import build_site, write_site

from mkdocs_numeco.markdown import LOGGER, NumecoExtension

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "cases"
TITLE = "Épisode #12 : Animation interministérielle du Numérique responsable"
# The seed post: its front matter (as in the Eleventy site) and the body of tests/cases/seed.md.
SEED_FRONT = f"""---
layout: layouts/post.njk
title: "{TITLE}"
description: L'engagement d'une direction pour un numérique plus responsable.
date: 2025-04-01
image:
    path: ./poster.svg
    alt: ""
tags:
  - 'Vidéo'
  - 'MiNumEco'
series: "Paroles d'experts saison 1"
---

"""
SEED = SEED_FRONT + (CASES / "seed.md").read_text(encoding="utf-8")
POSTER = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"></svg>'
BAD_ID = (
    "invalid YouTube id 'bad id!': expected 11 characters among letters, digits, _ and -,"
    " as in dQw4w9WgXcQ; the video is not embedded until the id is fixed"
)


def convert(text: str, **options: object) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["numeco"], extension_configs={"numeco": options})
    return BeautifulSoup(html, "lxml")


def blocks(soup: BeautifulSoup) -> list:
    """The facade, the link to the transcript and the transcript, as parsed elements (poster left out)."""
    found = soup.select("div.numeco-video, p.numeco-video__transcript-link, details.numeco-transcript")
    for element in found:
        for poster in element.select(".numeco-video__poster"):
            poster.decompose()
    return found


# -- plain Python -------------------------------------------------------------


def test_the_entry_point_names_the_extension() -> None:
    md = markdown.Markdown(extensions=["numeco"])
    assert [type(ext) for ext in md.registeredExtensions if isinstance(ext, NumecoExtension)] == [NumecoExtension]


def test_plain_python_converts_shortcodes_with_label_fallbacks() -> None:
    soup = convert('Intro.\n\n{% dailymotion "x9h51js" %}\n')
    video = soup.select_one("div.numeco-video")
    assert video["data-video-id"] == "x9h51js"
    assert video["data-title"] == "Video: Video Dailymotion"
    assert video.select_one(".numeco-video__label").get_text() == "Play the video: Video Dailymotion"
    assert [p.get_text() for p in soup.find_all("p", recursive=True)] == ["Intro."]


def test_plain_python_in_french() -> None:
    soup = convert('{% youtube "dQw4w9WgXcQ" %}\n', language="fr")
    assert soup.select_one("div.numeco-video")["data-title"] == "Vidéo\u00a0: Vidéo YouTube"


def test_front_matter_is_read_and_left_out() -> None:
    soup = convert(SEED, language="fr")
    assert soup.select_one("div.numeco-video")["data-title"] == f"Vidéo\u00a0: {TITLE}"
    assert "layout" not in soup.get_text()
    assert soup.select_one("details.numeco-transcript > summary").get_text() == "Transcription\u00a0: Anne Dubois"


def test_front_matter_variables_are_interpolated() -> None:
    soup = convert("---\ntitle: Bonjour\nspeaker: Anne\n---\n\nPar {{ speaker }}.\n")
    assert soup.select_one("p").get_text() == "Par Anne."


def test_meta_extension_gives_the_title() -> None:
    html = markdown.markdown(
        'Title: Réunion\n\n{% vimeo "76979871" %}\n', extensions=["meta", "numeco"], extension_configs={}
    )
    video = BeautifulSoup(html, "lxml").select_one("div.numeco-video")
    assert video["data-title"] == "Video: Réunion"


def test_shortcodes_in_code_stay_literal() -> None:
    text = '```\n{% youtube "dQw4w9WgXcQ" %}\n```\n\n    {% vimeo "76979871" %}\n'
    soup = BeautifulSoup(markdown.markdown(text, extensions=["fenced_code", "numeco"]), "lxml")
    assert soup.select("div.numeco-video") == []
    assert [code.get_text() for code in soup.select("pre code")] == [
        '{% youtube "dQw4w9WgXcQ" %}\n',
        '{% vimeo "76979871" %}\n',
    ]


def test_problems_are_warnings_with_the_line(caplog: pytest.LogCaptureFixture) -> None:
    text = '---\ntitle: Cassé\n---\n\nTexte.\n\n{% youtube "bad id!" %}\n'
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        convert(text)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [(LOGGER, logging.WARNING, f"7: {BAD_ID}")]


def test_front_matter_problems_are_warnings_too(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        soup = convert('---\ntitle: "open\n---\n\n{% youtube "dQw4w9WgXcQ" %}\n')
    unreadable = (
        "2: front matter can't be read as YAML (while scanning a quoted scalar: found unexpected end of stream);"
        " kept the simple `key: value` lines (nothing): fix the YAML syntax"
    )
    assert [r.getMessage() for r in caplog.records] == [unreadable]
    assert soup.select_one("div.numeco-video")["data-video-id"] == "dQw4w9WgXcQ"


def test_the_extensions_the_output_needs_are_loaded() -> None:
    md = markdown.Markdown(extensions=["numeco"])
    assert {"admonition", "details", "markdown_block"} <= set(md.parser.blockprocessors._data)
    assert "attr_list" in md.treeprocessors


def test_an_extension_already_loaded_keeps_its_configuration() -> None:
    md = markdown.Markdown(extensions=["pymdownx.details", "numeco"])
    names = [type(ext).__module__ for ext in md.registeredExtensions]
    assert names.count("pymdownx.details") == 1


def test_reset_forgets_the_last_document() -> None:
    extension = NumecoExtension()
    md = markdown.Markdown(extensions=[extension])
    md.convert('{% youtube "dQw4w9WgXcQ" %}')
    assert extension.conversion is not None
    assert [video.video_id for video in extension.conversion.videos] == ["dQw4w9WgXcQ"]
    md.reset()
    assert extension.conversion is None


def test_one_markdown_instance_converts_documents_one_after_the_other() -> None:
    md = markdown.Markdown(extensions=["numeco"])
    first = BeautifulSoup(md.convert("---\ntitle: Un\n---\n\n{% youtube 'dQw4w9WgXcQ' %}"), "lxml")
    md.reset()
    second = BeautifulSoup(md.convert("{% youtube 'dQw4w9WgXcQ' %}"), "lxml")
    assert first.select_one("div.numeco-video")["data-title"] == "Video: Un"
    assert second.select_one("div.numeco-video")["data-title"] == "Video: Video YouTube"


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"embed": "video"}, ValueError, "numeco: option 'embed' must be one of facade, iframe, not 'video'"),
        (
            {"upgrade_iframes": "maybe"},
            ValueError,
            "numeco: option 'upgrade_iframes': Cannot parse bool value: 'maybe'",
        ),
        ({"language": 3}, TypeError, "numeco: option 'language' must be text, not 3"),
        ({"labels": ["play"]}, TypeError, "numeco: option 'labels' must map label keys to text, not ['play']"),
        ({"labels": {"plays": "x"}}, ValueError, "numeco: option 'labels': unknown label 'plays'; known labels: "),
        ({"transcrit": True}, KeyError, "numeco: unknown option 'transcrit'; known options: embed, labels, language,"),
    ],
)
def test_bad_options_are_refused_naming_the_option(options: dict, error: type, message: str) -> None:
    with pytest.raises(error) as raised:
        NumecoExtension(**options)
    text = raised.value.args[0]
    assert text.startswith(message)


def test_options_change_the_output() -> None:
    soup = convert(
        '{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription %}\nTexte.\n{% endtranscription %}\n\n'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Direct"></iframe>\n',
        embed="iframe",
        labels={"transcript": "Texte de la vidéo"},
        transcript_open=True,
        transcript_type="note",
    )
    iframes = soup.select("div.numeco-video--loaded > iframe")
    assert [frame["src"] for frame in iframes] == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]
    details = soup.select_one("details.numeco-transcript")
    assert details["class"] == ["numeco-transcript", "note"]
    assert details.has_attr("open")
    assert details.summary.get_text() == "Texte de la vidéo"


class _RenderingContext(Preprocessor):
    """What Zensical registers for each page: the page (meta, title, path) and the site's config."""

    def __init__(self, md: markdown.Markdown, page: SimpleNamespace, config: dict) -> None:
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines: list[str]) -> list[str]:
        return lines


class _EngineExtension(markdown.Extension):
    def __init__(self, page: SimpleNamespace, config: dict) -> None:
        super().__init__()
        self.page, self.config = page, config

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_RenderingContext(md, self.page, self.config), "rendering_context", 0)


def test_an_engine_page_gives_title_language_variables_and_file_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = "---\ntitle: Réunion\nspeaker: Anne\n---\n\n\nPar {{ speaker }}.\n\n{% youtube 'bad id!' %}\n{% vimeo '76979871' %}\n"
    (tmp_path / "docs" / "posts").mkdir(parents=True)
    (tmp_path / "docs" / "posts" / "reunion.md").write_text(source, encoding="utf-8")
    page = SimpleNamespace(path="posts/reunion.md", title="Réunion", meta={"title": "Réunion", "speaker": "Anne"})
    config = {"root_dir": str(tmp_path), "docs_dir": "docs", "theme": {"language": "fr"}}
    body = source.split("---\n", 2)[2].lstrip("\n")  # as Zensical passes it
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html = markdown.markdown(body, extensions=[_EngineExtension(page, config), "numeco"])
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("p").get_text() == "Par Anne."
    assert soup.select_one("div.numeco-video")["data-title"] == "Vidéo\u00a0: Réunion"
    assert [r.getMessage() for r in caplog.records] == [f"posts/reunion.md:9: {BAD_ID}"]


def test_plugin_and_extension_together_convert_once(tmp_path: Path) -> None:
    alone = _plugin_site(tmp_path)
    config = write_site(
        tmp_path / "both",
        {"posts/seed.md": SEED, "posts/poster.svg": POSTER},
        markdown_extensions=[{"numeco": {"language": "fr"}}],
    )
    built = build_site(config, strict=True)
    assert built.content("posts/seed/") == alone


# -- no MkDocs ------------------------------------------------------------------

_WITHOUT_MKDOCS = textwrap.dedent(
    """
    import sys

    class NoMkDocs:
        def find_spec(self, name, path=None, target=None):
            if name == "mkdocs" or name.startswith("mkdocs."):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, NoMkDocs())
    import mkdocs_numeco.markdown
    import markdown

    try:
        import mkdocs
    except ImportError:
        pass
    else:
        raise SystemExit("the blocker let mkdocs through")
    html = markdown.markdown('{% youtube "dQw4w9WgXcQ" %}', extensions=["numeco"])
    print(html.split(">", 1)[0] + ">")
    print(sorted(name for name in sys.modules if name == "mkdocs" or name.startswith("mkdocs.")))
    """
)


def test_the_extension_imports_and_converts_without_mkdocs() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run(
        [sys.executable, "-c", _WITHOUT_MKDOCS],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    first_tag, modules = run.stdout.splitlines()
    assert first_tag.startswith('<div class="numeco-video" id="numeco-video-1" data-provider="youtube"')
    assert modules == "[]"


# -- the same conversion as the plugin -------------------------------------------


def _plugin_site(tmp_path: Path) -> BeautifulSoup:
    config = write_site(tmp_path / "plugin", {"posts/seed.md": SEED, "posts/poster.svg": POSTER})
    return build_site(config, strict=True).content("posts/seed/")


def test_the_seed_post_converts_as_through_the_plugin(tmp_path: Path) -> None:
    through_plugin = blocks(_plugin_site(tmp_path))
    through_extension = blocks(convert(SEED, language="fr"))
    assert [element.name for element in through_plugin] == ["div", "p", "details"]
    assert through_extension == through_plugin


def test_mkdocs_without_the_plugin_converts_as_the_plugin_does_but_for_the_title(tmp_path: Path) -> None:
    through_plugin = _plugin_site(tmp_path)
    config = write_site(
        tmp_path / "extension",
        {"posts/seed.md": SEED, "posts/poster.svg": POSTER},
        plugins=["search"],
        markdown_extensions=[{"numeco": {"language": "fr"}}],
    )
    built = build_site(config, strict=True)
    # MkDocs hands extensions the page without its front matter: the label stands in for the title.
    expected = BeautifulSoup(str(through_plugin).replace(TITLE, "Vidéo Dailymotion"), "lxml")
    assert blocks(built.content("posts/seed/")) == blocks(expected)
    assert built.messages() == []


def test_mkdocs_strict_fails_on_the_extensions_warnings(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": "# Accueil\n\nTexte.\n\n{% youtube 'bad id!' %}\n"},
        plugins=[],
        markdown_extensions=["numeco"],
    )
    built = build_site(config)
    assert built.messages() == [f"5: {BAD_ID}"]
    assert [r.name for r in built.records if r.levelno == logging.WARNING] == [LOGGER]
    with pytest.raises(Abort):
        build_site(config, strict=True)


def test_mkdocs_reports_a_bad_option_as_a_config_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = write_site(
        tmp_path, {"index.md": "Texte.\n"}, plugins=[], markdown_extensions=[{"numeco": {"embed": "x"}}]
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith("Config value 'markdown_extensions': Failed to load extension 'numeco'.")
    assert errors[0].endswith("ValueError: numeco: option 'embed' must be one of facade, iframe, not 'x'")

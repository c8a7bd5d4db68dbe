"""Author mistakes, one table row each: what is reported, on which line, and what the page keeps.

Pure functions only; tests/test_bad_input_site.py builds a whole site of bad posts.
"""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup, Comment

from mkdocs_numeco.core import frontmatter
from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.ordering import newest_first
from mkdocs_numeco.core.posts import Post, build_post
from mkdocs_numeco.core.shortcodes import Context, convert
from mkdocs_numeco.core.shortcodes.video import PROVIDERS
from mkdocs_numeco.core.tags import build_tags, merged_spellings, spellings_warning

LABELS = resolve_labels("fr", {})


def run(text: str, **context: object):
    return convert(text, Context(labels=LABELS, **context))  # type: ignore[arg-type]


def soup(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def visible_text(markdown: str) -> str:
    """Text a reader sees: HTML comments removed, whitespace folded."""
    parsed = soup(markdown)
    for node in parsed.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    return " ".join(parsed.get_text().split())


# -- paired shortcodes ---------------------------------------------------------


def test_unclosed_transcription_points_at_its_opening_line_and_keeps_what_follows() -> None:
    text = 'Avant.\n\n{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription "Léa" %}\n\nLa suite du texte.\n\nFin.'
    result = run(text, first_line=7)  # the page's body starts on line 7 of the file
    assert [(p.line, "never closed" in p.message) for p in result.problems] == [(11, True)]
    assert "{% endtranscription %}" in result.problems[0].message  # says what to add
    assert soup(result.markdown).find("details") is None
    assert "La suite du texte. Fin." in visible_text(result.markdown)


def test_stray_end_tag_is_reported_and_removed() -> None:
    result = run("Un.\n\n{% endtranscription %}\n\nDeux.")
    assert [(p.line, "no matching {% transcription %}" in p.message) for p in result.problems] == [(3, True)]
    assert visible_text(result.markdown) == "Un. Deux."


def test_nested_transcription_reports_the_outer_one() -> None:
    text = '{% transcription "A" %}\n{% transcription "B" %}\nTexte.\n{% endtranscription %}'
    result = run(text)
    assert [p.line for p in result.problems] == [1]
    assert len(soup(result.markdown).select("details.numeco-transcript")) == 1


# -- Nunjucks the plugin can't run ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('{% include "partials/bandeau.njk" %}', '{% include "partials/bandeau.njk" %}'),
        ('{% set couleur = "vert" %}', '{% set couleur = "vert" %}'),
        ("{% for lien in liens %}\nTexte.\n{% endfor %}", "{% for lien in liens %}' … '{% endfor %}"),
        ('{% if page.lang == "fr" %}\nTexte.\n{% endif %}', "{% if page.lang == \"fr\" %}' … '{% endif %}"),
        ('{% from "macros.njk" import carte %}', '{% from "macros.njk" import carte %}'),
        ("{{ page.date | dateFilter }}", "{{ page.date | dateFilter }}"),
        ('{% extends "base.njk" %}', '{% extends "base.njk" %}'),
    ],
)
def test_unsupported_nunjucks_is_named_in_one_warning(text: str, named: str) -> None:
    result = run(f"Avant.\n\n{text}\n\nAprès.", first_line=5)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.line == 7 and named in problem.message
    assert ": " in problem.message and ";" in problem.message  # what happened; what to do
    assert "{%" not in visible_text(result.markdown) and "{{" not in visible_text(result.markdown)
    assert visible_text(result.markdown).startswith("Avant.") and visible_text(result.markdown).endswith("Après.")


def test_logic_blocks_keep_every_branch_and_warn_once() -> None:
    text = "{% if a %}\nOui, en français.\n{% elif b %}\nPeut-être.\n{% else %}\n{{ x.y }} In English.\n{% endif %}"
    result = run(text)
    assert len(result.problems) == 1 and "every branch" in result.problems[0].message
    assert visible_text(result.markdown) == "Oui, en français. Peut-être. In English."


def test_nested_loops_are_one_mistake() -> None:
    text = "{% for a in b %}\n{% for c in a %}\n{{ c.title }} Élément.\n{% endfor %}\n{% endfor %}"
    result = run(text)
    assert [p.line for p in result.problems] == [1]
    assert visible_text(result.markdown) == "Élément."


def test_shortcodes_inside_a_logic_block_still_convert() -> None:
    result = run('{% if video %}\n\n{% youtube "dQw4w9WgXcQ" %}\n\n{% endif %}')
    assert len(result.problems) == 1
    assert soup(result.markdown).select_one(".numeco-video")["data-video-id"] == "dQw4w9WgXcQ"


def test_unclosed_logic_block_says_so() -> None:
    result = run("{% if a %}\nLe texte reste.")
    assert len(result.problems) == 1 and "has no {% endif %}" in result.problems[0].message
    assert visible_text(result.markdown) == "Le texte reste."


def test_front_matter_variables_are_interpolated_escaped_without_warning() -> None:
    result = run("Par {{ auteur }}, {{ image.alt }}.", variables={"auteur": "Léa <b>", "image": {"alt": "x"}})
    assert result.problems == []
    assert visible_text(result.markdown) == "Par Léa <b>, x."
    assert soup(result.markdown).find("b") is None


def test_raw_blocks_print_their_content_as_written() -> None:
    result = run('{% raw %}Le shortcode {% youtube "dQw4w9WgXcQ" %} s\'écrit ainsi.{% endraw %}')
    assert result.problems == [] and result.videos == []
    assert visible_text(result.markdown) == 'Le shortcode {% youtube "dQw4w9WgXcQ" %} s\'écrit ainsi.'


def test_unclosed_raw_block_says_how_to_close_it() -> None:
    result = run("{% raw %}Le texte reste.")
    assert len(result.problems) == 1 and "close it with {% endraw %}" in result.problems[0].message
    assert visible_text(result.markdown) == "Le texte reste."


def test_nunjucks_comments_are_left_out_as_in_eleventy() -> None:
    result = run("Visible. {# note pour l'équipe #} Aussi.")
    assert result.problems == []
    assert result.markdown == "Visible.  Aussi."  # not even in the HTML source


def test_comments_we_write_hold_nothing_a_template_engine_would_run() -> None:
    result = run('{% include "{{ x }}" %} {{ a | b }} {% dailymotion "--><script>" %}')
    comments = [c for c in soup(result.markdown).find_all(string=lambda s: isinstance(s, Comment))]
    assert len(comments) == 3
    for text in comments:
        assert "{%" not in text and "{{" not in text and "<" not in text and ">" not in text
    assert soup(result.markdown).find("script") is None


# -- arguments ---------------------------------------------------------------


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
@pytest.mark.parametrize("tag", ["{%% %s %%}", '{%% %s "" %%}', '{%% %s "  " %%}'])
def test_missing_video_id(provider: str, tag: str) -> None:
    result = run(tag % provider)
    assert len(result.problems) == 1
    assert f'{{% {provider} "ID" %}}' in result.problems[0].message  # shows how to write it
    assert result.videos == [] and soup(result.markdown).find(True) is None


def test_video_id_from_a_front_matter_variable() -> None:
    result = run("{% youtube videoId %}", variables={"videoId": "dQw4w9WgXcQ"})
    assert result.problems == [] and result.videos[0].video_id == "dQw4w9WgXcQ"


def test_speaker_without_quotes_is_reported_and_still_shown() -> None:
    result = run("{% transcription Léa Martin %}\nTexte.\n{% endtranscription %}")
    assert len(result.problems) == 1 and '{% transcription "Léa Martin" %}' in result.problems[0].message
    assert soup(result.markdown).summary.get_text() == "Transcription\u00a0: Léa Martin"


def test_video_id_without_quotes_is_reported_and_still_embedded() -> None:
    result = run("{% youtube dQw4w9WgXcQ %}")
    assert len(result.problems) == 1 and '{% youtube "dQw4w9WgXcQ" %}' in result.problems[0].message
    assert result.videos[0].video_id == "dQw4w9WgXcQ"


VALID = {
    "dailymotion": ["x9h51js", "X7ABC", "123"],
    "youtube": ["dQw4w9WgXcQ", "a-b_c-d_e-f"],
    "vimeo": ["76979871", "1"],
}
INVALID = {
    "dailymotion": ["x9h_51js", "x9h-51", "x9h51js?autoplay=1", "é", "x9h51js\n", '"><script>alert(1)</script>'],
    "youtube": ["dQw4w9", "dQw4w9WgXcQQ", "dQw4w9WgXc!", "javascript:alert(1)", "dQw4w9WgXc<"],
    "vimeo": ["7697a", "-1", "1.5", "\uff17\uff16", "javascript:alert(1)", "1 onerror=alert(1)"],
}


@pytest.mark.parametrize(("provider", "video_id"), [(p, i) for p, ids in VALID.items() for i in ids])
def test_valid_ids_are_embedded(provider: str, video_id: str) -> None:
    result = run(f'{{% {provider} "{video_id}" %}}')
    assert result.problems == []
    assert soup(result.markdown).select_one(".numeco-video")["data-video-id"] == video_id


@pytest.mark.parametrize("embed", ["facade", "iframe"])
@pytest.mark.parametrize(("provider", "video_id"), [(p, i) for p, ids in INVALID.items() for i in ids])
def test_invalid_ids_get_a_warning_no_embed_and_never_appear_raw(provider: str, video_id: str, embed: str) -> None:
    quoted = '"' + video_id.replace('"', '\\"') + '"'
    result = run(f"Avant.\n\n{{% {provider} {quoted} %}}\n\nAprès.", embed=embed)
    assert [p.line for p in result.problems] == [3]
    assert f"invalid {PROVIDERS[provider].label} id" in result.problems[0].message
    assert PROVIDERS[provider].id_rule in result.problems[0].message
    parsed = soup(result.markdown)
    assert parsed.find(True) is None  # no element at all: no player, no iframe, no link
    # the id is only in an inert comment, whose own `<!--` and `-->` are the only angle brackets
    assert result.markdown.count("<") == 1 and result.markdown.count(">") == 1
    assert visible_text(result.markdown) == "Avant. Après."


PAYLOADS = [
    '"><script>alert(1)</script>',
    "' onerror='alert(1)",
    '" onmouseover="alert(1)',
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("embed", ["facade", "iframe"])
def test_title_argument_is_text_wherever_it_lands(payload: str, embed: str) -> None:
    quoted = '"' + payload.replace('"', '\\"') + '"'
    result = run(f'{{% youtube "dQw4w9WgXcQ" {quoted} %}}', embed=embed)
    parsed = soup(result.markdown)
    assert parsed.find("script") is None and parsed.find("img") is None
    assert not [a for t in parsed.find_all(True) for a in t.attrs if a.startswith("on")]
    assert all(not (t.get("href") or t.get("src") or "").startswith("javascript") for t in parsed.find_all(True))
    title = parsed.select_one("[data-title]")["data-title"] if embed == "facade" else parsed.iframe["title"]
    assert title == LABELS["player_title"].format(title=payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_speaker_name_is_text(payload: str) -> None:
    quoted = '"' + payload.replace('"', '\\"') + '"'
    result = run(f"{{% transcription {quoted} %}}\n<p>Corps.</p>\n{{% endtranscription %}}")
    parsed = soup(result.markdown)
    assert parsed.find("script") is None and parsed.find("img") is None
    assert not [a for t in parsed.find_all(True) for a in t.attrs if a.startswith("on")]
    assert parsed.summary.get_text() == LABELS["transcript_of"].format(speaker=payload)


def test_poster_alt_and_transcript_kind_are_escaped() -> None:
    result = run(
        '{% vimeo "1" %}', poster='x.png" onerror="alert(1)', poster_alt='" onload="x', transcript_kind='a" onclick="b'
    )
    img = soup(result.markdown).img
    assert img["src"] == 'x.png" onerror="alert(1)' and img["alt"] == '" onload="x'
    assert set(img.attrs) == {"class", "src", "alt"}


# -- front matter --------------------------------------------------------------


TABBED = "---\ntitle: Liste\ndate: 2025-03-08\ntags:\n\t- 'Sobriété'\n\t- 'Accessibilité'\n---\n\nCorps.\n"


def test_tab_indented_list_is_read_with_a_warning() -> None:
    front = frontmatter.read(TABBED)
    assert front.data["tags"] == ["Sobriété", "Accessibilité"]
    assert front.data["title"] == "Liste"
    assert [(p.line, "tab" in p.message) for p in front.problems] == [(5, True)]
    assert front.body_line == 8


@pytest.mark.parametrize(
    ("yaml_text", "line", "kept"),
    [
        ('title: "Jamais fermé\ndate: 2025-01-01\n', 2, {"date": "2025-01-01"}),
        ("title: Bon\ndate: 2025-01-01\ndescription: a: b\n", 4, {"title": "Bon", "date": "2025-01-01"}),
        ("title: Bon\ntags: [a, b\ndate: 2025-01-01\n", 3, {"title": "Bon", "date": "2025-01-01"}),
        ("title: Bon\n  mal: indenté\n", 3, {"title": "Bon"}),
    ],
)
def test_unreadable_front_matter_is_reported_with_its_line(yaml_text: str, line: int, kept: dict) -> None:
    front = frontmatter.read(f"---\n{yaml_text}---\nCorps.\n")
    assert [p.line for p in front.problems] == [line]
    assert "front matter can't be read as YAML" in front.problems[0].message
    assert front.data == kept
    assert front.has_block


def test_dates_stay_text_and_impossible_dates_are_reported() -> None:
    front = frontmatter.read("---\ntitle: T\ndate: 2025-13-45\n---\n")
    assert front.data["date"] == "2025-13-45" and front.problems == []
    post = build_post("p.md", "p/", front, "T")
    assert post.date is None
    assert [(p.line, "2025-13-45" in p.message) for p in post.problems] == [(3, True)]


def test_posts_with_an_impossible_date_are_kept_and_listed_last() -> None:
    good = Post("a.md", "a/", "A", date=date(2020, 1, 1))
    bad = Post("b.md", "b/", "B", date=None)
    newer = Post("c.md", "c/", "C", date=date(2025, 1, 1))
    assert newest_first([bad, good, newer]) == [newer, good, bad]


@pytest.mark.parametrize(
    ("tags_yaml", "tags", "reported"),
    [
        ("[2025, 'Eau']", ["2025", "Eau"], ["tag 2025 is not text; it was read as '2025'"]),
        ("[{nom: Eau}, 'Eau']", ["Eau"], ["tag {'nom': 'Eau'} is not text and was ignored"]),
        ("[true]", [], ["tag True is not text and was ignored"]),
        ("Eau", ["Eau"], []),
    ],
)
def test_tags_that_are_not_text_are_reported(tags_yaml: str, tags: list[str], reported: list[str]) -> None:
    front = frontmatter.read(f"---\ntitle: T\ndate: 2025-01-01\ntags: {tags_yaml}\n---\n")
    post = build_post("p.md", "p/", front, "T")
    assert post.tags == tags
    assert [p.line for p in post.problems] == [4] * len(reported)
    assert all(r in p.message for r, p in zip(reported, post.problems))


def test_spellings_folding_to_one_slug_are_reported_once_naming_each() -> None:
    posts = [
        Post("a.md", "a/", "A", date=date(2025, 1, 1), tags=["Vidéo"]),
        Post("b.md", "b/", "B", date=date(2025, 1, 2), tags=["video", "VIDÉO"]),
        Post("c.md", "c/", "C", date=date(2025, 1, 3), tags=["Vidéo"]),
        Post("d.md", "d/", "D", date=date(2025, 1, 3), tags=["Eau"]),
    ]
    merged = merged_spellings(build_tags(posts))
    assert [t.slug for t in merged] == ["video"]
    message = spellings_warning(merged[0], lambda p: f"{p.src_uri}:4")
    assert message.startswith("b.md:4: ")  # the place to change: 'Vidéo' is the common spelling
    assert "'video' (b.md:4)" in message and "'VIDÉO' (b.md:4)" in message and "'Vidéo' (a.md:4)" in message
    assert "shown as 'Vidéo'" in message


# -- page meta printed raw by the theme ------------------------------------------------


def test_meta_printed_raw_by_the_theme_cannot_open_a_tag() -> None:
    meta = {"title": 'T <script>"', "description": '"><b>', "subtitle": "<i>", "tags": ["<x>"], "other": "<keep>"}
    safe = frontmatter.html_safe_meta(meta)
    assert safe["title"] == "T &lt;script&gt;&quot;"
    assert safe["description"] == "&quot;&gt;&lt;b&gt;" and safe["subtitle"] == "&lt;i&gt;"
    assert safe["tags"] == ["<x>"] and safe["other"] == "<keep>"  # not printed by the theme: left as written
    assert frontmatter.html_safe_meta({"title": "Questions & réponses"})["title"] == "Questions & réponses"
    assert meta["title"] == 'T <script>"'  # a copy

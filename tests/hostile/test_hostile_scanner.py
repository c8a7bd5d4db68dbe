"""Hostile input, the scanner's area (issue 12): structure kept, author text stays text, linear time.

One small site per attack (tests/hostile/pages_scanner.py holds the pages), plus
table tests of the pure functions. Timing is not asserted here: the time bound
is benchmarks/adversarial.py; here every adversarial pattern must keep every word.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from pages_scanner import EXPECTED, PAGES, WARNINGS
from sitebuild import Built, build_site, write_site

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.shortcodes import Context, convert
from mkdocs_numeco.core.shortcodes.html import text_in_markdown, url_in_markdown
from mkdocs_numeco.core.shortcodes.scanner import scan

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from adversarial import PATTERNS, keeps_every_word

LABELS = resolve_labels("fr", {})
WATCH = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PREFIX = "mkdocs_numeco: "


# -- one site per attack -------------------------------------------------------------


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


def links_to_the_video(element) -> list[str]:
    return [a.get_text() for a in element.select(f'a.numeco-video-link[href="{WATCH}"]')]


def check_list(content) -> None:
    (items,) = [content.select("ul > li")]
    assert [text_of(li).split(" Voir")[0] for li in items] == [
        "premier point",
        "deuxième point",
        "troisième point",
        "quatrième point",
    ]
    assert len(content.select("ul")) == 1
    assert links_to_the_video(items[1]) == links_to_the_video(items[2]) == ["Voir la vidéo « Liste » sur YouTube"]
    assert content.select(".numeco-video") == []
    assert content.select("p")[-1].get_text() == "Après la liste."


def check_quote(content) -> None:
    (quote,) = content.select("blockquote")
    assert text_of(quote) == (
        "première ligne de la citation Voir la vidéo « Citation » sur YouTube dernière ligne de la citation"
    )
    assert links_to_the_video(quote) == ["Voir la vidéo « Citation » sur YouTube"]


def check_table(content) -> None:
    (table,) = content.select("table")
    rows = [[text_of(cell) for cell in row.select("th, td")] for row in table.select("tr")]
    assert rows == [
        ["Sujet", "Vidéo"],
        ["un", "Voir la vidéo « Tableau » sur YouTube"],
        ["deux", "rien"],
        ["trois", '{% transcription "Léa" %}'],
    ]
    assert links_to_the_video(table) == ["Voir la vidéo « Tableau » sur YouTube"]
    assert content.select("details") == []


def check_admonition(content) -> None:
    (box,) = content.select("div.admonition.note")
    assert [text_of(p) for p in box.select("p")] == [
        "Encadré",
        "Début de l'encadré. Voir la vidéo « Encadré » sur YouTube Suite de l'encadré.",
        "Second paragraphe de l'encadré.",
    ]
    assert content.select("pre") == []
    assert content.select("p")[-1].get_text() == "Après l'encadré."


def check_transcript_list(content) -> None:
    assert [text_of(li) for li in content.select("ul > li")] == [
        'point un {% transcription "Léa" %}',
        "point deux",
        "point trois {% endtranscription %}",
        "point quatre",
    ]
    assert content.select("details") == []


def check_container_list(content) -> None:
    assert [text_of(li) for li in content.select("ul > li")] == ["point un ::: note Titre", "point deux"]
    assert content.select(".admonition") == []


def check_fence(content) -> None:
    assert "Texte avant le bloc." in text_of(content)
    assert "code sans fin" in text_of(content)


def check_interpolation(content) -> None:
    paragraphs = [p.get_text() for p in content.select("p")]
    assert "Lien : [cliquez](javascript:alert(1))" in paragraphs
    assert [a for a in content.select("a[href]") if "javascript" in a["href"]] == []
    (table,) = content.select("table")
    assert [[text_of(c) for c in row.select("th, td")] for row in table.select("tr")] == [
        ["Clé", "Valeur"],
        ["cellule", "a | b"],
        ["fin", "ok"],
    ]
    assert [h.get_text() for h in content.select("h1, h2, h3")] == ["Interpolation"]
    assert "# Un titre injecté" in paragraphs
    assert content.select("strong, em, b") == []
    assert "Texte **gras** et _italique_ et <b onmouseover=alert(1)>gras</b>." in paragraphs


def check_unclosed(content) -> None:
    text = content.get_text(" ")
    source = PAGES["posts/scanner-unclosed.md"]
    words = [w for w in source.split() if w.startswith("mot")]
    assert len(words) == 320
    pos = 0
    for word in words:  # every word, in order
        pos = text.index(f"{word} ", pos) + len(word)
    assert "Dernier paragraphe." in text


CHECKS: dict[str, Callable[[Any], None]] = {
    "scanner-list": check_list,
    "scanner-quote": check_quote,
    "scanner-table": check_table,
    "scanner-admonition": check_admonition,
    "scanner-transcript-list": check_transcript_list,
    "scanner-container-list": check_container_list,
    "scanner-fence": check_fence,
    "scanner-interpolation": check_interpolation,
    "scanner-unclosed": check_unclosed,
}


def test_every_page_has_an_attack() -> None:
    assert sorted(f"posts/{name}.md" for name in CHECKS) == sorted(PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", list(CHECKS))
def test_attack(tmp_path: Path, name: str) -> None:
    src = f"posts/{name}.md"
    config = write_site(tmp_path, {"index.md": "# Accueil\n", src: PAGES[src]})
    written = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    built = build_site(config)
    assert built.messages() == [f"{PREFIX}{src}:{line}: {message}" for line, message in EXPECTED[src]]
    assert [r for r in built.records if r.levelno >= logging.ERROR or r.exc_info] == []  # no traceback
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]  # nothing outside
    assert {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()} == written
    CHECKS[name](built.content(f"posts/{name}/"))
    if EXPECTED[src]:
        with pytest.raises(Abort):
            build_site(config, strict=True)


def test_all_pages_in_one_site(tmp_path: Path) -> None:
    built: Built = build_site(write_site(tmp_path, {"index.md": "# Accueil\n", **PAGES}))
    assert sorted(m.removeprefix(PREFIX) for m in built.messages()) == WARNINGS
    for name, check in CHECKS.items():
        check(built.content(f"posts/{name}/"))


# -- {{ value }}: text, whatever it holds -----------------------------------------------------

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc", "pymdownx.details", "pymdownx.tilde"]
HOSTILE_VALUES = [
    "[x](javascript:alert(1))",
    "a | b",
    "# titre",
    "**gras** _it_ *it* ~~barré~~",
    "<b onmouseover=alert(1)>x</b>",
    "<script>alert(1)</script>",
    "![img](x.png)",
    "<https://evil.example>",
    "`code`",
    "{: .classe }",
    "- point",
    "1. point",
    "> citation",
    "!!! note",
    "    code",
    "ligne  ",
    "a\n\n# b",
    "&amp; &#60;",
    "\\*échappé\\*",
    "Léa, Paul; ok? 50%",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize(
    "template",
    ["{}", "Texte {} fin.", "| a | b |\n|---|---|\n| x | {} |", "- un {}\n- deux"],
    ids=["line", "sentence", "table", "list"],
)
def test_a_value_in_markdown_is_text(template: str, value: str) -> None:
    """Rendered by Python-Markdown, the value adds no element and reads exactly as written."""
    plain = BeautifulSoup(markdown.markdown(template.format("VALEUR"), extensions=EXTENSIONS), "html.parser")
    html = markdown.markdown(template.format(text_in_markdown(value)), extensions=EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == [t.name for t in plain.find_all(True)]
    assert [{k: v for k, v in t.attrs.items() if k != "id"} for t in soup.find_all(True)] == [
        {k: v for k, v in t.attrs.items() if k != "id"} for t in plain.find_all(True)
    ]
    assert soup.get_text() == plain.get_text().replace("VALEUR", value)


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("images/affiche.png", "images/affiche.png"),
        ("a b.png", "a%20b.png"),
        ("x) [y](javascript:alert(1)", "x%29%20%5By%5D%28javascript:alert%281%29"),
        ('x "titre"', "x%20%22titre%22"),
        ("a|b<c>\n", "a%7Cb%3Cc%3E%0A"),
    ],
)
def test_a_value_in_a_link_destination_stays_one_url(value: str, url: str) -> None:
    assert url_in_markdown(value) == url
    out = convert("![Affiche]({{ image }})", Context(labels=LABELS, variables={"image": value})).markdown
    (img,) = BeautifulSoup(markdown.markdown(out), "html.parser").find_all(True)[1:]
    assert (img.name, img["src"], img["alt"]) == ("img", url, "Affiche")


def test_a_value_in_an_html_attribute_is_html_escaped() -> None:
    out = convert('<img src="{{ image }}" alt="">', Context(labels=LABELS, variables={"image": 'x" onerror="1'}))
    assert out.markdown == '<img src="x&quot; onerror=&quot;1" alt="">'


# -- what the scanner says about each token ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "contexts"),
    [
        ('{% youtube "x" %}', [""]),
        ('Texte {% youtube "x" %} suite.', [""]),
        ('- a {% youtube "x" %}', ["list item"]),
        ('1. a\n   {% youtube "x" %}', ["list item"]),
        ('- a\n{% youtube "x" %}', ["list item"]),  # lazy continuation
        ('- a\n\n{% youtube "x" %}', [""]),  # a blank line ends the list
        ('- a\n\n    {% youtube "x" %}', ["list item"]),  # indented: still in the item
        ('> a\n> {% youtube "x" %}', ["blockquote"]),
        ('> a\n{% youtube "x" %}', ["blockquote"]),  # lazy continuation
        ('| a | b |\n|---|---|\n| {% youtube "x" %} | c |', ["table"]),
        ('| {% youtube "x" %} | b |\n|---|---|', ["table"]),  # the header row
        ('a | b\n--|--\n{% youtube "x" %} | c', ["table"]),
        ('| a | b |\n\n{% youtube "x" %}', [""]),  # no rule line: not a table
        ('!!! note\n    {% youtube "x" %}', ["indented block"]),
        ('!!! note\n\n    {% youtube "x" %}', ["indented block"]),  # after a blank line: still the body
        ('??? note "T"\n    a\n\n    {% youtube "x" %}', ["indented block"]),
        ('=== "Onglet"\n\n    {% youtube "x" %}', ["indented block"]),
        ('!!! note\n    a\n\n{% youtube "x" %}', [""]),
        ('Para\n\n    {% youtube "x" %}', []),  # indented code
        ('Para\n\n    code\n\n    {% youtube "x" %}', []),  # still code (it was scanned before)
        ('- a\n\n```\n{% youtube "x" %}\n```\n\n{% youtube "y" %}', [""]),
    ],
)
def test_the_block_of_each_token(text: str, contexts: list[str]) -> None:
    assert [t.context for t in scan(text)] == contexts


def test_an_unclosed_fence_is_reported_at_its_line() -> None:
    result = convert('Texte.\n\n~~~~ python\n{% youtube "dQw4w9WgXcQ" %}\n', Context(labels=LABELS, first_line=5))
    assert [(p.line, p.message) for p in result.problems] == [
        (
            7,
            (
                "this ~~~~ fence is never closed: mkdocs-numeco reads everything after line 7 as code and converts no"
                " shortcode there; close it with a ~~~~ line where the code ends"
            ),
        )
    ]
    assert result.markdown == 'Texte.\n\n~~~~ python\n{% youtube "dQw4w9WgXcQ" %}\n'


def test_a_closed_fence_is_not_reported() -> None:
    assert convert("```\n{% youtube %}\n```\n", Context(labels=LABELS)).problems == []


# -- adversarial posts: every word kept (their time is benchmarks/adversarial.py) -----------------


@pytest.mark.parametrize("name", list(PATTERNS))
def test_an_adversarial_post_keeps_every_word(name: str) -> None:
    _, make = PATTERNS[name]
    text = make(5_000)
    assert keeps_every_word(text, convert(text, Context(labels=LABELS, title="Titre")).markdown)


def test_ten_thousand_nested_openers_keep_every_word() -> None:
    text = "".join(f"{{% {{{{ {{# w{n} " for n in range(10_000))
    assert keeps_every_word(text, convert(text, Context(labels=LABELS)).markdown)

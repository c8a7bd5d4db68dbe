"""The fixture site of bad posts (tests/fixtures/bad_site): build it and check what the issue promises.

- the build completes and every page is rendered;
- each mistake gives exactly one warning, `file:line: what happened; what to do`;
- `--strict` fails on them;
- no injected script, `on*` attribute or `javascript:` URL reaches the output;
- every sentence the authors wrote is still in the pages.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from mkdocs.exceptions import Abort
from sitebuild import Built, build_site

from mkdocs_numeco.core import frontmatter
from mkdocs_numeco.core.shortcodes.scanner import scan

FIXTURE = Path(__file__).parent / "fixtures" / "bad_site"
DOCS = FIXTURE / "docs"

# (file, text on the line the warning must point at, words the warning must contain)
EXPECTED = [
    ("posts/arguments-manquants.md", "{% dailymotion %}", ['{% dailymotion "ID" %}']),
    ("posts/arguments-manquants.md", '{% youtube "" %}', ['{% youtube "ID" %}']),
    ("posts/date-impossible.md", "date: 2025-13-45", ["'2025-13-45' is not a real date", "YYYY-MM-DD", "listed last"]),
    (
        "posts/etiquette-nombre.md",
        "series_order: deux",
        ["series_order 'deux' is not a whole number", "'series_order: 2'"],
    ),
    ("posts/etiquette-nombre.md", "tags:", ["tag 2025 is not text", "put it in quotes"]),
    ("posts/etiquette-nombre.md", "tags:", ["tag {'nom': 'Sobriété'} is not text and was ignored"]),
    ("posts/fermeture-orpheline.md", "{% endtranscription %}", ["no matching {% transcription %}"]),
    ("posts/gabarits-nunjucks.md", "{% include", ['{% include "partials/bandeau.njk" %}']),
    ("posts/gabarits-nunjucks.md", "{% set", ['{% set couleur = "vert" %}']),
    ("posts/gabarits-nunjucks.md", "{% from", ['{% from "macros.njk" import carte %}']),
    ("posts/gabarits-nunjucks.md", "{% for", ["{% for lien in collections.liens %}", "{% endfor %}"]),
    ("posts/gabarits-nunjucks.md", "{% if", ['{% if page.lang == "fr" %}', "{% endif %}"]),
    ("posts/gabarits-nunjucks.md", "{{ page.date", ["{{ page.date | dateFilter }}"]),
    ("posts/identifiants-invalides.md", '"x9h_51js"', ["invalid Dailymotion id 'x9h_51js'"]),
    ("posts/identifiants-invalides.md", '"dQw4w9"', ["invalid YouTube id 'dQw4w9'"]),
    ("posts/identifiants-invalides.md", '"76979871abc"', ["invalid Vimeo id '76979871abc'"]),
    ("posts/identifiants-invalides.md", "<script>", ["invalid YouTube id"]),
    ("posts/identifiants-invalides.md", "javascript:", ["invalid Vimeo id 'javascript:alert(1)'"]),
    ("posts/tabulation.md", "\t- 'Sobriété'", ["indented with a tab", "replace the tab with spaces"]),
    ("posts/transcription-non-fermee.md", "{% transcription", ["never closed", "add {% endtranscription %}"]),
    ("posts/yaml-illisible.md", 'description: "Une description', ["can't be read as YAML", "fix the YAML syntax"]),
    # MkDocs leaves front matter it can't parse in the page: lines still count from the top of the file
    ("posts/yaml-illisible.md", '{% vimeo "abc" %}', ["invalid Vimeo id 'abc'"]),
    ("posts/tabulation.md", '{% youtube "trop-court" %}', ["invalid YouTube id 'trop-court'"]),
    (
        "posts/bon-article.md",
        "tags:",
        ["'video' (posts/etiquettes-orthographes.md:5)", "'VIDÉO'", "'Vidéo' (posts/bon-article.md:6)", "slug 'video'"],
    ),
]
# MkDocs' plugin logger puts the plugin's name first.
LOCATION = re.compile(r"^mkdocs_numeco: (?P<file>[\w/.-]+\.md):(?P<line>\d+): (?P<message>.+)$")


def line_of(file: str, needle: str) -> int:
    lines = (DOCS / file).read_text(encoding="utf-8").split("\n")
    found = [n for n, line in enumerate(lines, start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found} of {file}: make the needle unique"
    return found[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("bad_site")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return build_site(root / "mkdocs.yml")


def our_warnings(site: Built) -> list[str]:
    return [r.getMessage() for r in site.records if r.levelno >= logging.WARNING]


def test_every_warning_names_file_line_and_what_to_do(site: Built) -> None:
    warnings = our_warnings(site)
    assert warnings, "the bad site gave no warning"
    for warning in warnings:
        m = LOCATION.match(warning)
        assert m, f"no file:line in {warning!r}"
        assert (DOCS / m["file"]).is_file()
        assert ": " in m["message"] or "; " in m["message"], f"no advice in {warning!r}"


def test_one_warning_per_mistake_at_the_right_line(site: Built) -> None:
    actual = sorted(our_warnings(site))
    assert len(actual) == len(EXPECTED), "\n".join(actual)
    unmatched = list(actual)
    for file, needle, words in EXPECTED:
        prefix = f"mkdocs_numeco: {file}:{line_of(file, needle)}: "
        hits = [w for w in unmatched if w.startswith(prefix) and all(word in w for word in words)]
        assert hits, f"no warning {prefix}… with {words} among:\n" + "\n".join(unmatched)
        unmatched.remove(hits[0])
    assert unmatched == []


def test_strict_build_fails_on_the_warnings(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    with pytest.raises(Abort, match=r"Aborted with \d+ warnings in strict mode"):
        build_site(tmp_path / "mkdocs.yml", strict=True)


def source_pages() -> list[str]:
    return sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))


def url_of(src: str) -> str:
    return "" if src == "index.md" else src[: -len(".md")] + "/"


@pytest.mark.parametrize("src", source_pages())
def test_every_page_is_rendered_with_its_title(site: Built, src: str) -> None:
    page = site.soup(url_of(src))
    title = frontmatter.read((DOCS / src).read_text(encoding="utf-8")).data["title"]
    assert page.select_one("article.md-content__inner h1").get_text() == title


def test_impossible_date_is_listed_last(site: Built) -> None:
    urls = ["posts/"] + [f"posts/page/{n}/" for n in range(2, 10) if site.exists(f"posts/page/{n}")]
    titles = [a.get_text() for url in urls for a in site.content(url).select(".numeco-item__title a")]
    assert len(titles) == len([p for p in source_pages() if p.startswith("posts/")])  # every post is listed
    assert titles[-1] == "Une date impossible"
    assert "Une date impossible" not in titles[:-1]


def all_pages(site: Built) -> list[tuple[str, BeautifulSoup]]:
    return [
        (str(p.relative_to(site.site_dir)), BeautifulSoup(p.read_text(encoding="utf-8"), "lxml"))
        for p in sorted(site.site_dir.rglob("*.html"))
    ]


def test_no_injected_script_handler_or_javascript_url(site: Built) -> None:
    """The fixture tries `<script>`, `on*=` and `javascript:` in every argument and front-matter value."""
    pages = all_pages(site)
    assert any(name == "posts/injections/index.html" for name, _ in pages)
    for name, page in pages:
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # data, and it stayed inside its element
            else:
                assert "alert(" not in (script.string or ""), f"{name}: {script}"
        for tag in page.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not handlers, f"{name}: <{tag.name} {handlers}>"
            for attribute in ("href", "src", "action", "formaction", "data-embed-url"):
                value = str(tag.get(attribute) or "").strip().lower()
                assert not value.startswith("javascript:"), f"{name}: {tag}"
        assert page.find("svg", attrs={"onload": True}) is None and page.find("img", attrs={"onerror": True}) is None


def test_injected_values_are_shown_as_text(site: Built) -> None:
    page = site.soup("posts/injections/")
    assert page.title.get_text().startswith("Titre <script>alert('titre')</script> piégé")
    assert (
        page.find("meta", attrs={"name": "description"})["content"]
        == "Description \"><script>alert('description')</script> piégée"
    )
    summaries = [s.get_text() for s in page.select("details.numeco-transcript summary")]
    assert summaries == [
        "Transcription\u00a0: \"><script>alert('orateur')</script>",
        'Transcription\u00a0: " onmouseover="alert(1)',
    ]
    assert [t.get_text() for t in page.select(".numeco-tags a")] == ["<img src=x onerror=alert('tag')>"]


def visible_text(element: BeautifulSoup) -> str:
    for node in element.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    return " ".join(element.get_text(" ").split())


def author_fragments(source: str) -> list[str]:
    """What the author wrote outside front matter, tags and HTML markup, in pieces of text."""
    front = frontmatter.read(source)
    body = "\n".join(source.split("\n")[front.body_line - 1 :])
    gaps, pos = [], 0
    for token in scan(body):
        gaps.append(body[pos : token.start])
        gaps.append(token.raw if _printed_as_written(body, token) else "")
        pos = token.end
    gaps.append(body[pos:])
    text = re.sub(r"<!--.*?-->|<[^>]+>|^#+ |\*\*", " ", "\n".join(gaps), flags=re.DOTALL | re.MULTILINE)
    return [" ".join(piece.split()) for piece in re.split(r"\n\s*\n|\n", text) if re.search(r"\w{3}", piece)]


def _printed_as_written(body: str, token) -> bool:  # inside {% raw %}: the reader sees the tag itself
    before = body[: token.start]
    return before.rfind("{% raw %}") > before.rfind("{% endraw %}") and token.name != "endraw"


@pytest.mark.parametrize("src", source_pages())
def test_every_sentence_the_author_wrote_is_in_the_page(site: Built, src: str) -> None:
    source = (DOCS / src).read_text(encoding="utf-8")
    text = visible_text(site.content(url_of(src)))
    fragments = author_fragments(source)
    assert fragments, f"{src} has no text to check"
    missing = [f for f in fragments if f not in text]
    assert missing == [], f"{src}: lost {missing}\npage text: {text}"


@pytest.mark.parametrize(
    ("name", "raw", "line"),
    [
        # Windows line endings and a byte-order mark: lines are still the editor's lines
        (
            "crlf.md",
            '\ufeff---\r\ntitle: T\r\ndate: 2025-01-01\r\n---\r\n\r\n\r\nTexte.\r\n\r\n{% youtube "court" %}\r\n',
            9,
        ),
        # MkDocs drops the blank lines after front matter: they still count
        ("blank.md", '---\ntitle: T\ndate: 2025-01-01\n---\n\n\n\n\nTexte.\n{% youtube "court" %}\n', 10),
        # no front matter at all
        ("bare.md", '# Titre\n\nTexte.\n\n{% youtube "court" %}\n', 5),
        # a front matter block that closes at the end of the file (MkDocs reads it as text)
        ("closing.md", "---\ntitle: T\n---", None),
    ],
)
def test_lines_count_from_the_top_of_the_file(tmp_path: Path, name: str, raw: str, line: int | None) -> None:
    from sitebuild import write_site

    config = write_site(tmp_path, {"index.md": "# Accueil\n", f"posts/{name}": raw.encode("utf-8")})
    site = build_site(config)
    assert "title:" not in site.content(f"posts/{name[:-3]}/").get_text()  # front matter never shows as text
    warnings = [r.getMessage() for r in site.records if r.levelno >= logging.WARNING]
    assert warnings == (
        [
            f"mkdocs_numeco: posts/{name}:{line}: invalid YouTube id 'court': expected 11 characters among letters, digits, _ and -, as in dQw4w9WgXcQ; the video is not embedded until the id is fixed"
        ]
        if line
        else []
    )


def test_front_matter_that_is_not_a_mapping_is_reported_and_never_shown(tmp_path: Path) -> None:
    from sitebuild import write_site

    raw = '---\n- title: T\n- date: 2025-01-01\n---\n\nTexte.\n\n{% youtube "court" %}\n'
    config = write_site(tmp_path, {"index.md": "# Accueil\n", "posts/liste.md": raw.encode("utf-8")})
    site = build_site(config)
    assert "title:" not in site.content("posts/liste/").get_text()  # MkDocs keeps such a block as text; we don't
    warnings = [r.getMessage() for r in site.records if r.levelno >= logging.WARNING]
    assert [w.split(": ")[1] for w in warnings] == ["posts/liste.md:2", "posts/liste.md:8"]
    assert "not a mapping" in warnings[0] and "invalid YouTube id 'court'" in warnings[1]

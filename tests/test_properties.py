"""Properties of the converter on arbitrary text (hypothesis).

- it never raises;
- no argument reaches the output unescaped;
- converting its own output changes nothing;
- every character of author text outside shortcode delimiters survives.
"""

from __future__ import annotations

import os
import re

from bs4 import BeautifulSoup, Comment
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.shortcodes import Context, convert
from mkdocs_numeco.core.shortcodes.scanner import scan

LABELS = resolve_labels("fr", {})
SETTINGS = settings(
    max_examples=int(os.environ.get("NUMECO_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces that make the scanner and converter work: delimiters, tag names, ids,
# quotes, code and comment markers, Markdown structure and hostile HTML.
FRAGMENTS = [
    "{%",
    "%}",
    "{%-",
    "-%}",
    "{{",
    "}}",
    "{#",
    "#}",
    "{",
    "}",
    "%",
    "#",
    "-",
    '"',
    "'",
    "\\",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "    ",
    "- ",
    "1. ",
    "`",
    "``",
    "```",
    "~~~",
    "<!--",
    "-->",
    "<",
    ">",
    "&",
    "&amp;",
    "=",
    "transcription",
    "endtranscription",
    "youtube",
    "dailymotion",
    "vimeo",
    "if",
    "endif",
    "for",
    "endfor",
    "else",
    "raw",
    "endraw",
    "include",
    "set",
    "macro",
    "endmacro",
    "title",
    "page.url",
    "|",
    '"dQw4w9WgXcQ"',
    '"x9h51js"',
    '"76979871"',
    '"Léa"',
    "<script>alert(1)</script>",
    "onerror=alert(1)",
    "javascript:alert(1)",
    "Texte de l'autrice.",
    # migration constructs: raw players, DSFR containers and cards
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="x"></iframe>',
    "<iframe ",
    "</iframe>",
    ":::",
    "::: note",
    "::: fr-accordion Titre",
    "{{ component(",
    ")}}",
    "'card'",
    "{title: 'T', url: '/x'}",
    '<div class="fr-grid-row">',
    '<div class="fr-col">',
    "</div>",
]
ALPHABET = st.characters(blacklist_categories=("Cs",))
author_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(ALPHABET, max_size=6)), max_size=40).map("".join)
contexts = st.builds(
    Context,
    labels=st.just(LABELS),
    title=st.sampled_from(["", "Un titre", '"><script>alert(1)</script>']),
    embed=st.sampled_from(["facade", "iframe"]),
    first_line=st.integers(1, 50),
    variables=st.just({"title": "Un titre", "empty": "", "auteur": "Léa <b>"}),
    keep_templates=st.booleans(),
)


@SETTINGS
@given(author_text, contexts)
def test_never_raises_and_reports_real_lines(text: str, ctx: Context) -> None:
    result = convert(text, ctx)
    assert isinstance(result.markdown, str)
    last_line = ctx.first_line + text.count("\n")
    assert all(ctx.first_line <= p.line <= last_line for p in result.problems)


@SETTINGS
@given(author_text, contexts)
@example("{{% raw %}% x %}{% endraw %}", Context(labels=LABELS))  # a brace that meets what `raw` leaves
@example("{{{ empty }}% x %}", Context(labels=LABELS, variables={"empty": ""}))
@example("{{ tick }}` {% x %} `", Context(labels=LABELS, variables={"tick": "`"}))  # a value that opens code
@example("x {{ v }}\n\n    {% b %}", Context(labels=LABELS, variables={"v": "\n- "}))  # a value that starts a list
@example(
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>:::', Context(labels=LABELS)
)  # now a line start
@example("{{ component({{}}", Context(labels=LABELS))  # a `}}` left in a comment closed the author's `{{`
@example("{% x {% y %}", Context(labels=LABELS))  # a leftover `{%` meets the `%}` of our comment
def test_converting_its_own_output_changes_nothing(text: str, ctx: Context) -> None:
    once = convert(text, ctx).markdown
    assert convert(once, ctx).markdown == once


def _as_reference(m: re.Match[str]) -> str:
    return f"{m[1]}&#{ord(m[2])};"


@SETTINGS
@given(author_text, contexts)
def test_author_text_between_delimiters_survives(text: str, ctx: Context) -> None:
    """Every stretch of text outside a tag is in the output, in order, as written."""
    out = convert(text, ctx).markdown
    pieces: list[tuple[str, str]] = []
    start = 0
    for token in scan(text, code=ctx.keep_templates):
        pieces.append(("gap", text[start : token.start]))
        if token.kind == "code":  # wrapped whole in `{% raw %}` for macros
            pieces.append(("code", token.raw))
        start = token.end
    pieces.append(("gap", text[start:]))
    pos = 0
    for kind, piece in pieces:
        spellings = {piece}
        if kind == "gap":
            # A brace right before a tag, or `:::` that now starts a line after our HTML, may be
            # written as a character reference (see _splice): the reader sees the same text.
            spellings.add(re.sub(r"^([ ]{0,3}):(?=::)", r"\1&#58;", piece))
            # A mark that would start a list, heading, quote… on its new line (see _after_block).
            for line in {piece, piece.lstrip(" \t")}:
                spellings.add(re.sub(r"^([ \t]*(?:\d{1,9})?)([-+*#>|=~`_:.)])", _as_reference, line))
            if piece.endswith("{"):
                spellings |= {s[:-1] + "&#123;" for s in spellings}
        found = sorted((i, len(s)) for s in spellings if (i := out.find(s, pos)) >= 0)
        assert found, f"lost {piece!r}"
        pos = found[0][0] + found[0][1]


# -- arguments: whatever they hold, they come out as text -----------------------

HOSTILE = [
    "<",
    ">",
    '"',
    "'",
    "&",
    "&amp;",
    "&#123;",
    "<script>",
    "</summary>",
    " onerror=",
    "javascript:",
    "-->",
    "<!--",
    "{",
    "}",
    "`",
    "\\",
]
argument = (
    st.lists(
        st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=5)),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda s: "%}" not in s and s.strip() == s and s != "")
)


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def elements_and_attributes(html: str) -> tuple[set[str], set[str]]:
    soup = BeautifulSoup(html, "html.parser")
    names = {t.name for t in soup.find_all(True)}
    attributes = {a for t in soup.find_all(True) for a in t.attrs}
    return names, attributes


OUR_ELEMENTS = {"div", "span", "img", "button", "noscript", "a", "iframe", "details", "summary", "p"}
OUR_ATTRIBUTES = {
    "class",
    "id",
    "data-provider",
    "data-video-id",
    "data-embed-url",
    "data-title",
    "data-close-label",
    "type",
    "aria-hidden",
    "href",
    "src",
    "alt",
    "title",
    "allow",
    "allowfullscreen",
    "loading",
    "markdown",
    "open",
    "aria-haspopup",
    "aria-describedby",
}


@SETTINGS
@given(argument, st.sampled_from(["facade", "iframe"]))
def test_video_title_argument_is_escaped(title: str, embed: str) -> None:
    out = convert(
        "{% youtube " + '"dQw4w9WgXcQ" ' + quoted(title) + " %}", Context(labels=LABELS, embed=embed)
    ).markdown
    names, attributes = elements_and_attributes(out)
    assert names <= OUR_ELEMENTS and attributes <= OUR_ATTRIBUTES
    soup = BeautifulSoup(out, "html.parser")
    player = soup.select_one("[data-title]") or soup.select_one("iframe[title]")
    assert player is not None
    assert (player.get("data-title") or player.get("title")) == LABELS["player_title"].format(title=title)
    if embed == "facade":
        assert soup.select_one(".numeco-video__label").get_text() == LABELS["play"].format(title=title)


@SETTINGS
@given(argument)
def test_speaker_argument_is_escaped(speaker: str) -> None:
    text = "{% transcription " + quoted(speaker) + " %}\nCorps.\n{% endtranscription %}"
    out = convert(text, Context(labels=LABELS)).markdown
    names, attributes = elements_and_attributes(out)
    assert names <= OUR_ELEMENTS and attributes <= OUR_ATTRIBUTES
    summary = BeautifulSoup(out, "html.parser").select_one("summary")
    assert summary.get_text() == LABELS["transcript_of"].format(speaker=speaker)


@SETTINGS
@given(st.sampled_from(["youtube", "dailymotion", "vimeo"]), argument)
def test_video_id_argument_is_never_interpolated_raw(provider: str, video_id: str) -> None:
    out = convert("{% " + provider + " " + quoted(video_id) + " %}", Context(labels=LABELS)).markdown
    soup = BeautifulSoup(out, "html.parser")
    names, attributes = elements_and_attributes(out)
    assert names <= OUR_ELEMENTS and attributes <= OUR_ATTRIBUTES
    box = soup.select_one(".numeco-video")
    if box is None:  # rejected: only an inert comment is left
        assert not soup.find_all(True)
        assert all(isinstance(node, Comment) or not node.strip() for node in soup.contents)
    else:  # accepted ids are plain letters, digits, _ and -: nothing to escape
        assert re.fullmatch(r"[A-Za-z0-9_-]+", video_id)
        assert box["data-video-id"] == video_id


# -- front matter ------------------------------------------------------------------

YAML_FRAGMENTS = [
    "title: ",
    "date: ",
    "tags:",
    "\n",
    "\n  - ",
    "\n\t- ",
    "\t",
    "  ",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    "- ",
    "2025-13-45",
    "2025-04-01",
    "!!python/object",
    "&a ",
    "*a",
    "? ",
    "|",
    ">",
    "#",
    "---",
    "...",
    "%YAML 1.1",
    "é",
]
yaml_text = st.lists(st.one_of(st.sampled_from(YAML_FRAGMENTS), st.text(ALPHABET, max_size=4)), max_size=30).map(
    "".join
)


@SETTINGS
@given(yaml_text)
def test_front_matter_reading_never_raises_and_points_inside_the_block(text: str) -> None:
    from mkdocs_numeco.core import frontmatter
    from mkdocs_numeco.core.posts import build_post

    source = f"---\n{text}\n---\nCorps.\n"
    front = frontmatter.read(source)
    if front.has_block:
        last = front.body_line - 1
        assert all(1 <= p.line <= last for p in front.problems), front.problems
        post = build_post("p.md", "p/", front, "Titre")
        assert all(1 <= p.line <= last for p in post.problems), post.problems
        assert isinstance(frontmatter.html_safe_meta(front.data), dict)

"""What only a Nunjucks engine could run: expressions, comments, logic and other tags.

`{{ variable }}` of the front matter is interpolated; the rest is left out as
an HTML comment with a warning saying what to write instead. With
`keep_templates` (mkdocs-macros renders the page after us), all of it is left
as written for that engine.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ...escape import esc, text_in_markdown, url_in_markdown
from ...postlists import EXAMPLE
from ..scanner import Token
from .base import CONVERTED, UNLISTED, VARIABLE, Handler, Outcome, display, excerpt, kept, left_out, lookup

if TYPE_CHECKING:
    from ..convert import Converter

# Nunjucks block tags, by their closing tag. They only mean something when a
# template engine runs them. Their tags are commented out and what they enclose
# is kept, every branch included: a warning is better than a vanished paragraph.
LOGIC_BLOCKS = {
    "for": "endfor",
    "asyncEach": "endeach",
    "asyncAll": "endall",
    "if": "endif",
    "switch": "endswitch",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "block": "endblock",
    "set": "endset",  # only the `{% set x %}…{% endset %}` form; `{% set x = 1 %}` is one tag
}
# Blocks whose content Nunjucks prints as written: honoured, so no warning.
LITERAL_BLOCKS = {"raw": "endraw", "verbatim": "endverbatim"}
# What to do instead, for the tags authors use most.
_ADVICE = {
    "include": "copy the included content into the page",
    "set": "write the value itself where it is used",
    "from": "remove it: macros can't run here",
    "import": "remove it: macros can't run here",
    "extends": "remove it: the theme provides the layout",
    "raw": "close it with {% endraw %}, or remove it",
    "verbatim": "close it with {% endverbatim %}, or remove it",
}
# `{% for item in collections.all %}`, `collections["Vidéo"]`…: Eleventy's lists of posts.
_COLLECTIONS = re.compile(r"\bin\s+collections\b")
# What comes right before `{{ value }}` in a link's URL, or in a quoted HTML attribute.
_LINK_DESTINATION = ("](", "](<")
_ATTRIBUTE = ('="', "='")


def opens_block(token: Token) -> bool:
    if token.kind != "tag" or token.name not in LOGIC_BLOCKS:
        return False
    return token.name != "set" or "=" not in token.source


def left_for_templates(handler: Handler) -> Handler:
    """With `keep_templates`, the template engine that runs after us reads the token: left as written."""

    @functools.wraps(handler)
    def handle(page: Converter, index: int, token: Token) -> Outcome:
        if page.ctx.keep_templates:
            return kept(token)
        return handler(page, index, token)

    return handle


def code(page: Converter, index: int, token: Token) -> Outcome:
    """Code holding a delimiter (only with keep_templates): the engine after us renders code too,
    where authors show shortcodes as written; `raw` makes it print them as they are."""
    return Outcome("{% raw %}" + token.raw + "{% endraw %}", UNLISTED)


@left_for_templates
def comment(page: Converter, index: int, token: Token) -> Outcome:
    """`{# … #}`: Eleventy leaves nothing of it in the page, not even in the HTML
    source, where a note meant for the team would be published."""
    return Outcome("", CONVERTED)


@left_for_templates
def expression(page: Converter, index: int, token: Token) -> Outcome:
    """`{{ … }}`: a front-matter variable is interpolated; anything else is left out."""
    if VARIABLE.fullmatch(token.name):
        found, value = lookup(page.ctx.variables, token.name)
        if found:
            return Outcome(_interpolated(page, token, display(value)), CONVERTED)
    if index not in page.quiet:
        page.problem(
            token,
            f"template expression {excerpt(token.raw)} can't be evaluated by mkdocs-numeco (only front-matter"
            " variables, as in '{{ title }}'): it is left out of the page as an HTML comment; write the value itself",
        )
    return left_out(token)


def _block_advice(token: Token) -> str:
    """What to write instead of a block: a loop over Eleventy's collections lists posts, as `{% posts %}` does."""
    if token.name == "for" and _COLLECTIONS.search(token.source):
        return f" to list posts, write {EXAMPLE} instead (newest first; tag, series and limit are optional)"
    return " keep the text you want and remove the tags"


def _interpolated(page: Converter, token: Token, value: str) -> str:
    """A front-matter value as text: in a link's URL or an HTML attribute, as a URL or attribute value."""
    if page.text.endswith(_LINK_DESTINATION, 0, token.start):
        return url_in_markdown(value)  # `![Affiche]({{ image }})`: MkDocs resolves the path
    if page.text.endswith(_ATTRIBUTE, 0, token.start):
        return esc(value)
    return text_in_markdown(value)


def unclosed_fence(page: Converter, index: int, token: Token) -> Outcome:
    """A code fence never closed: everything after it is code, for us as for Markdown; say so."""
    fence = token.name
    page.problem(
        token,
        f"this {fence} fence is never closed: mkdocs-numeco reads everything after line {token.line} as code"
        f" and converts no shortcode there; close it with a {fence} line where the code ends",
    )
    return Outcome("", UNLISTED)


@left_for_templates
def tag(page: Converter, index: int, token: Token) -> Outcome:
    """Any other tag: left out as an HTML comment, with the warning that fits."""
    if index in page.quiet:
        pass  # inside a logic block, reported with it
    elif index in page.block_ends:
        end = page.tokens[page.block_ends[index]]
        page.problem(
            token,
            f"Nunjucks block {excerpt(token.raw)} … {excerpt(end.raw)} can't run in mkdocs-numeco: its tags are"
            " left out as HTML comments and everything between them is shown, every branch included;"
            + _block_advice(token),
        )
    elif opens_block(token):
        page.problem(
            token,
            f"Nunjucks {excerpt(token.raw)} has no {{% {LOGIC_BLOCKS[token.name]} %}} and can't run in mkdocs-numeco:"
            " it is left out as an HTML comment and the text after it is shown; remove the tag",
        )
    else:
        advice = _ADVICE.get(token.name, "replace it with Markdown")
        page.problem(
            token,
            f"Nunjucks tag {excerpt(token.raw)} is not supported by mkdocs-numeco: it is left out of the page"
            f" as an HTML comment; {advice}",
        )
    return left_out(token)

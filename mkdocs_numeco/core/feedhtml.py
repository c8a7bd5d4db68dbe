"""A post's rendered HTML as feed readers and listing cards need it.

Pure: HTML text in, HTML text out, through lxml; no MkDocs. Three uses:

- `for_feed(html, page_url)`: the whole post for a full feed's `<content>`. Feed readers run no
  JavaScript and resolve no relative URL reliably, so every link and image is made absolute
  against the post's own URL (`urljoin`, `#part` becomes the page URL and `#part`), each URL
  passing the URL policy (`urls`) first (`javascript:`, `data:`… are taken out, their text kept);
  the click-to-load facade becomes a plain link to the video on the provider's site (with its
  poster); a transcript is kept whole, its `<details>` flattened into a bold title and its body,
  since readers differ on `<details>`; no `<script>`, `<button>`, `<noscript>`, hidden control,
  `on…` attribute or comment is left.
- `excerpt(html)`: the text before the `<!-- more -->` separator, reduced to paragraphs, lists and
  inline markup (no video, transcript, table or code block; an image becomes its alternative text),
  or None without a separator.
- `rebase(excerpt, from_url, to_url)`: an excerpt's relative links, written in the post at
  `from_url`, as they are read from the page at `to_url` (both site-relative).
- `fill_excerpts(page_html, excerpt_of)`: a card is rendered before every post is (MkDocs renders
  pages one by one), so it marks where its post's excerpt goes, around the description it shows
  otherwise (`excerpt_marks`); once every page is rendered, the marks are replaced.

The same input always gives the same output (feeds are byte-identical from build to build).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.html import Element, HtmlElement, fragment_fromstring, tostring

from . import urls

SEPARATOR = "more"  # `<!-- more -->`, Material's blog convention

# What a feed reader can't use, removed with everything inside.
_GONE = ("script", "style", "template", "noscript", "object", "embed", "input", "select", "textarea")
# Attributes that hold one URL, and the elements they are read on.
_URL_ATTRIBUTES = ("href", "src", "poster", "cite")
_SRCSET_SPLIT = re.compile(r",\s+|,(?=\S+\s+\d)")  # candidates: "a.png 1x, b.png 2x"
# Inline markup an excerpt keeps (each without attributes, but `a[href]` and `abbr[title]`).
_INLINE = frozenset({"a", "em", "strong", "b", "i", "code", "abbr", "br", "sub", "sup", "mark", "kbd", "s", "q"})
_BLOCK = frozenset({"p", "ul", "ol", "li"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# What an excerpt leaves out entirely.
_NOT_IN_EXCERPT = (
    *_GONE,
    "button",
    "iframe",
    "svg",
    "table",
    "pre",
    "figure",
    "form",
    "label",
    "audio",
    "video",
)
_KEPT_ATTRIBUTES = {"a": ("href",), "abbr": ("title",)}
# Where an excerpt most likely ends: the first `<!-- more -->` as authors write it.
_SEPARATOR_AT = re.compile(r"<!--\s*more\s*-->")


# -- full feeds --------------------------------------------------------------------------------


def for_feed(html: str, page_url: str) -> str:
    """The post's HTML for a feed entry; `page_url` is the post's absolute URL."""
    root = _parse(html)
    _drop_comments(root)
    for facade in _with_class(root, "div", "numeco-video"):
        _replace(facade, _video_link(facade))
    for transcript in _with_class(root, "details", "numeco-transcript"):
        _flatten_transcript(transcript)
    for node in _select(root, _noise):
        node.drop_tree()
    for node in list(root.iter("button")):
        node.drop_tag()  # its text stays: what it said is the author's
    for node in list(root.iter("iframe")):
        _replace(node, _iframe_link(node))
    _absolute_urls(root, page_url)
    return _serialise(root)


def _noise(node: HtmlElement) -> bool:
    """What the page has for browsers only: scripts, hidden controls, heading anchors, 'read the transcript'."""
    classes = node.get("class", "").split()
    return (
        node.tag in _GONE
        or node.get("hidden") is not None
        or "headerlink" in classes
        or "numeco-video__transcript-link" in classes
        or "numeco-transcript__actions" in classes
    )


def _video_link(facade: HtmlElement) -> list[HtmlElement]:
    """The facade's poster and a link to the video on the provider's site (its `<noscript>` fallback link)."""
    fallback = next(iter(facade.xpath(".//noscript//a[@href]")), None)
    frame = next(iter(facade.iter("iframe")), None)  # `embed: iframe`: the player itself
    if fallback is not None:
        href, text = fallback.get("href", ""), fallback.text_content()
    elif frame is not None:
        href, text = frame.get("src", ""), frame.get("title") or frame.get("src", "")
    else:
        return []
    made = []
    poster = next(iter(facade.xpath(".//img[contains(concat(' ', @class, ' '), ' numeco-video__poster ')]")), None)
    if poster is not None and poster.get("src"):
        image = _element("img", src=poster.get("src", ""), alt=poster.get("alt", ""))
        for size in ("width", "height"):
            if poster.get(size):
                image.set(size, poster.get(size, ""))
        made.append(_paragraph(_link(href, image)))
    made.append(_paragraph(_link(href, text)))
    return made


def _iframe_link(frame: HtmlElement) -> list[HtmlElement]:
    src = frame.get("src", "")
    return [_paragraph(_link(src, frame.get("title") or src))] if src else []


def _flatten_transcript(details: HtmlElement) -> None:
    """`<details><summary>T</summary>…<div body>B</div></details>` -> `<p><strong>T</strong></p>` and B."""
    summary = next(iter(details.iter("summary")), None)
    title = summary.text_content().strip() if summary is not None else ""
    if summary is not None:
        summary.drop_tree()
    details.tag = "div"
    for name in list(details.attrib):
        if name != "id":
            del details.attrib[name]
    if title:
        strong = _element("strong")
        strong.text = title
        details.insert(0, _paragraph(strong))


def _absolute_urls(root: HtmlElement, page_url: str) -> None:
    """Every URL absolute against `page_url`; one the policy refuses goes, and its element's text stays."""
    for node in list(root.iter(etree.Element)):
        for name in list(node.attrib):
            if name.lower().startswith("on"):
                del node.attrib[name]
        for name in _URL_ATTRIBUTES:
            value = node.get(name)
            if value is None:
                continue
            made = _absolute(value, page_url, image=name != "href")
            if made is None:
                _refused(node, name)
            else:
                node.set(name, made)
        if node.get("srcset") is not None:
            _absolute_srcset(node, page_url)


def _absolute(value: str, page_url: str, *, image: bool) -> str | None:
    """`value` absolute against `page_url`; None when the URL policy refuses it (or `mailto:` on an image)."""
    url = urls.embed_source(value)  # `//host/…` is read as https, as the published page loads it
    allowed = urls.IMAGE if image else urls.LINK
    if url.refused or url.kind not in allowed.kinds:
        return None
    return url.value if url.kind in (urls.ABSOLUTE, urls.MAILTO) else urljoin(page_url, url.value)


def _absolute_srcset(node: HtmlElement, page_url: str) -> None:
    kept = []
    for candidate in _SRCSET_SPLIT.split(node.get("srcset", "").strip()):
        parts = candidate.split()
        made = _absolute(parts[0], page_url, image=True) if parts else None
        if made is not None:
            kept.append(" ".join([made, *parts[1:]]))
    if kept:
        node.set("srcset", ", ".join(kept))
    else:
        del node.attrib["srcset"]


def _refused(node: HtmlElement, name: str) -> None:
    """A refused URL: a link keeps its text, an image becomes its alternative text, anything else loses the URL."""
    del node.attrib[name]
    if node.tag == "a":
        node.drop_tag()
    elif node.tag == "img":
        _replace_with_text(node, node.get("alt", ""))


# -- excerpts -----------------------------------------------------------------------------------


def excerpt(html: str) -> str | None:
    """The post's text before `<!-- more -->`, as paragraphs, lists and inline markup; None without one.

    A separator inside a paragraph cuts it there. An excerpt with no text left is None too.
    """
    if "<!--" not in html or SEPARATOR not in html:  # a comment's text is a slice of the source
        return None
    clean = _NOT_XML.sub("", html)
    bounded = _SEPARATOR_AT.search(clean)
    root, separator = _parsed_to_separator(clean[: bounded.end()] if bounded else clean)
    if separator is None and bounded is not None:  # the text was no comment (in a `<script>`…): read it all
        root, separator = _parsed_to_separator(clean)
    if separator is None:
        return None
    _cut_after(separator, root)
    _drop_comments(root)
    for node in _select(root, _not_in_excerpt):
        node.drop_tree()
    for node in list(root.iter(etree.Element))[1:]:
        _simplify(node)
    text = _serialise(root).strip()
    return text if root.text_content().strip() else None


def _parsed_to_separator(html: str) -> tuple[HtmlElement, Any]:
    """The parsed HTML and its first separator comment (None without one).

    What follows the separator is cut anyway, and what comes before it is parsed the same without it
    (the parser never goes back to a node it has left): `excerpt` parses up to the first likely separator.
    """
    root = _parse(html)
    return root, next((c for c in root.iter(etree.Comment) if (c.text or "").strip() == SEPARATOR), None)


def _cut_after(node: etree._Element, root: HtmlElement) -> None:
    """Remove `node` and everything after it in document order."""
    separator = node
    while node is not root:
        parent = node.getparent()
        for later in list(node.itersiblings()):
            parent.remove(later)
        node.tail = None  # the text after it
        node = parent
    separator.getparent().remove(separator)


def _not_in_excerpt(node: HtmlElement) -> bool:
    classes = node.get("class", "").split()
    return (
        node.tag in _NOT_IN_EXCERPT
        or node.get("hidden") is not None
        or "headerlink" in classes
        or "numeco-video" in classes
        or "numeco-transcript" in classes
        or "numeco-video__transcript-link" in classes
    )


def _simplify(node: HtmlElement) -> None:
    """Keep paragraphs, lists and inline markup (headings become paragraphs); unwrap the rest, keeping its text."""
    tag = node.tag
    if tag == "img":
        _replace_with_text(node, node.get("alt", ""))
        return
    if tag in _HEADINGS:
        node.tag = tag = "p"
    if tag not in _INLINE and tag not in _BLOCK:
        node.drop_tag()
        return
    kept = _KEPT_ATTRIBUTES.get(tag, ())
    for name in list(node.attrib):
        if name not in kept:
            del node.attrib[name]
    if tag == "a" and urls.classify(node.get("href", "")).kind not in urls.LINK.kinds:
        node.drop_tag()  # no link, or one the URL policy refuses: its text stays


def rebase(excerpt_html: str, from_url: str, to_url: str) -> str:
    """Relative links of an excerpt written in the page at `from_url`, read from the page at `to_url`."""
    root = _parse(excerpt_html)
    for link in root.iter("a"):
        href = link.get("href", "")
        if urls.classify(href).kind == urls.RELATIVE:
            target = urljoin("/" + from_url, href)
            link.set("href", urls.relative_url(target.lstrip("/"), to_url))
    return _serialise(root)


# -- cards: marks replaced once every post is rendered -----------------------------------------

_MARKS = re.compile(r"<!--numeco:excerpt ([0-9a-f]{16})-->((?:[^<]|<(?!!--))*)<!--/numeco:excerpt-->")


def excerpt_key(src_uri: str) -> str:
    """A post's key in the marks: its source path, hashed (a path may hold `-->`)."""
    return hashlib.sha256(src_uri.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def excerpt_marks(src_uri: str) -> tuple[str, str]:
    """The comments around what a card shows of its post until the excerpt is known."""
    return f"<!--numeco:excerpt {excerpt_key(src_uri)}-->", "<!--/numeco:excerpt-->"


def fill_excerpts(page_html: str, excerpt_of: Callable[[str], str | None]) -> str:
    """Each marked place holds its post's excerpt (`excerpt_of(key)`, already rebased) or what it held."""
    if "<!--numeco:excerpt " not in page_html:
        return page_html

    def fill(found: re.Match[str]) -> str:
        made = excerpt_of(found.group(1))
        return found.group(2) if made is None else made

    return _MARKS.sub(fill, page_html)


# -- shared -------------------------------------------------------------------------------------


# Characters XML 1.0 has no place for: lxml refuses them in a tree, and a feed is XML. Invisible anyway.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _parse(html: str) -> HtmlElement:
    return fragment_fromstring(_NOT_XML.sub("", html), create_parent="div")


def _serialise(root: HtmlElement) -> str:
    """The children of the wrapping `<div>`, as HTML."""
    text = tostring(root, encoding="unicode", method="html")
    return text[len("<div>") : -len("</div>")]


def _with_class(root: HtmlElement, tag: str, name: str) -> list[HtmlElement]:
    return [node for node in root.iter(tag) if name in node.get("class", "").split()]


def _select(root: HtmlElement, wanted: Callable[[HtmlElement], bool]) -> list[HtmlElement]:
    """Outermost elements for which `wanted` holds, not looking inside them (their insides go with them)."""
    found: list[HtmlElement] = []
    stack = list(root)
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue  # a comment or processing instruction
        if wanted(node):
            found.append(node)
        else:
            stack.extend(node)
    return found


def _drop_comments(root: HtmlElement) -> None:
    for comment in list(root.iter(etree.Comment)):
        comment.drop_tree()  # keeps its tail text


def _replace(node: HtmlElement, made: list[HtmlElement]) -> None:
    parent = node.getparent()
    position = parent.index(node)
    for offset, new in enumerate(made):
        parent.insert(position + offset, new)
    node.drop_tree()


def _replace_with_text(node: HtmlElement, text: str) -> None:
    node.text = text
    for child in list(node):
        node.remove(child)
    node.drop_tag()


def _element(tag: str, **attributes: str) -> HtmlElement:
    return Element(tag, attributes)


def _link(href: str, content: str | HtmlElement) -> HtmlElement:
    link = _element("a", href=href)
    if isinstance(content, str):
        link.text = content
    else:
        link.append(content)
    return link


def _paragraph(content: HtmlElement) -> HtmlElement:
    paragraph = _element("p")
    paragraph.append(content)
    return paragraph

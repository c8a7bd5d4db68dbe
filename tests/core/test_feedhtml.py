"""core/feedhtml: a post's HTML made fit for feed readers, and its excerpt for cards."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from mkdocs_numeco.core import feedhtml

PAGE = "https://example.org/blog/posts/a/"

FACADE = """<div class="numeco-video" data-provider="dailymotion" data-video-id="x9h51js" id="numeco-video-1"
 data-embed-url="https://www.dailymotion.com/embed/video/x9h51js" data-title="Vidéo : A">
<img alt="Affiche" class="numeco-video__poster" src="../../images/a.png" width="800" height="450">
<button class="numeco-video__play" type="button"><span class="numeco-video__label">Lire la vidéo : A</span></button>
<label class="numeco-video__remember" hidden><input type="checkbox" data-consent="www.dailymotion.com"> Toujours</label>
<noscript><a class="numeco-video__fallback" href="https://www.dailymotion.com/video/x9h51js">Voir la vidéo « A » sur Dailymotion</a></noscript>
</div>
<p class="numeco-video__transcript-link"><a href="#numeco-transcript-1">Lire la transcription</a></p>
<details class="numeco-transcript abstract" id="numeco-transcript-1">
<summary id="numeco-transcript-1-title">Transcription : Alice</summary>
<p class="numeco-transcript__actions"><button class="numeco-transcript__expand" type="button">Agrandir</button></p>
<div class="numeco-transcript__body"><p>Bonjour <strong>tout</strong> le monde.</p></div>
</details>"""


def feed(html: str) -> BeautifulSoup:
    return BeautifulSoup(feedhtml.for_feed(html, PAGE), "html.parser")


def hrefs(soup: BeautifulSoup) -> list[str]:
    return [a["href"] for a in soup.find_all("a")]


# -- URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("../b/", "https://example.org/blog/posts/b/"),
        ("c/", "https://example.org/blog/posts/a/c/"),
        ("/root/", "https://example.org/root/"),
        ("#part", PAGE + "#part"),
        ("?page=2", PAGE + "?page=2"),
        ("//cdn.example.net/x", "https://cdn.example.net/x"),  # read as https, as the page loads it
        ("https://other.example/y", "https://other.example/y"),
        ("mailto:a@example.org", "mailto:a@example.org"),
    ],
)
def test_links_are_made_absolute_against_the_post(link: str, expected: str) -> None:
    assert hrefs(feed(f'<p><a href="{link}">t</a></p>')) == [expected]


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "jav&#x61;script:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x"],
)
def test_a_refused_link_goes_and_its_text_stays(link: str) -> None:
    made = feedhtml.for_feed(f'<p>Avant <a href="{link}" onclick="x()">le <em>texte</em></a> après</p>', PAGE)
    assert "script" not in made.lower() and "data:" not in made and "onclick" not in made
    assert BeautifulSoup(made, "html.parser").get_text() == "Avant le texte après"
    assert BeautifulSoup(made, "html.parser").find("a") is None


def test_images_and_srcset_with_several_candidates() -> None:
    soup = feed(
        '<picture><source type="image/avif" srcset="a-400.avif 400w, a-800.avif 800w">'
        '<img src="a.png" srcset="a.png 1x, //cdn.example.net/a@2x.png 2x, javascript:x 3x" alt="A"></picture>'
    )
    assert soup.source["srcset"] == PAGE + "a-400.avif 400w, " + PAGE + "a-800.avif 800w"
    assert soup.img["src"] == PAGE + "a.png"
    assert soup.img["srcset"] == PAGE + "a.png 1x, https://cdn.example.net/a@2x.png 2x"


def test_a_refused_image_becomes_its_alternative_text() -> None:
    soup = feed('<p>Voir <img src="javascript:x" alt="le schéma"> ici</p>')
    assert soup.find("img") is None
    assert soup.get_text() == "Voir le schéma ici"


def test_a_mailto_image_is_refused() -> None:
    assert feed('<img src="mailto:a@example.org" alt="x">').find("img") is None


# -- what browsers only need --------------------------------------------------------------------


def test_the_facade_becomes_a_plain_link_with_its_poster() -> None:
    soup = feed(FACADE)
    assert soup.find(["button", "script", "noscript", "label", "input"]) is None
    assert soup.select(".numeco-video") == []
    links = soup.find_all("a")
    assert all(a["href"] == "https://www.dailymotion.com/video/x9h51js" for a in links)
    assert links[-1].get_text() == "Voir la vidéo « A » sur Dailymotion"
    poster = links[0].img
    assert (poster["src"], poster["alt"], poster["width"]) == (
        "https://example.org/blog/images/a.png",
        "Affiche",
        "800",
    )
    assert "Toujours" not in soup.get_text()  # the hidden consent control


def test_a_transcript_is_kept_whole_without_details_nor_buttons() -> None:
    soup = feed(FACADE)
    assert soup.find(["details", "summary"]) is None
    assert soup.find("strong").get_text() == "Transcription : Alice"
    assert "Bonjour tout le monde." in soup.get_text()
    assert "Agrandir" not in soup.get_text() and "Lire la transcription" not in soup.get_text()


def test_the_iframe_player_becomes_a_link() -> None:
    soup = feed(
        '<div class="numeco-video numeco-video--loaded"><iframe src="https://www.youtube-nocookie.com/embed/abc"'
        ' title="Vidéo : B"></iframe></div><iframe src="https://maps.example/x"></iframe>'
    )
    assert soup.find("iframe") is None
    assert [(a["href"], a.get_text()) for a in soup.find_all("a")] == [
        ("https://www.youtube-nocookie.com/embed/abc", "Vidéo : B"),
        ("https://maps.example/x", "https://maps.example/x"),
    ]


def test_scripts_comments_heading_anchors_and_other_buttons() -> None:
    made = feedhtml.for_feed(
        '<h2 id="x">Titre<a class="headerlink" href="#x">¶</a></h2><script>alert(1)</script>'
        '<!-- more --><p>Fin <button type="button">Lire à 1:23</button></p><style>p{}</style>',
        PAGE,
    )
    soup = BeautifulSoup(made, "html.parser")
    assert soup.find(["script", "style", "button"]) is None
    assert "<!--" not in made and "¶" not in made
    assert soup.h2["id"] == "x"
    assert soup.p.get_text() == "Fin Lire à 1:23"


def test_same_input_same_output() -> None:
    assert feedhtml.for_feed(FACADE, PAGE) == feedhtml.for_feed(FACADE, PAGE)


# -- excerpts -----------------------------------------------------------------------------------


def test_no_separator_no_excerpt() -> None:
    assert feedhtml.excerpt("<p>Tout le texte.</p><!-- autre chose -->") is None


def test_the_excerpt_is_what_comes_before_the_separator() -> None:
    made = feedhtml.excerpt(
        '<h2 id="i">Intro<a class="headerlink" href="#i">¶</a></h2><p class="x">Un <a href="../b/" title="t">lien</a>,'
        ' <img src="i.png" alt="une image"> et <a href="javascript:x">rien</a>.</p>'
        + FACADE
        + "<table><tr><td>cellule</td></tr></table><!-- more --><p>La suite.</p>"
    )
    assert made == '<p>Intro</p><p>Un <a href="../b/">lien</a>, une image et rien.</p>'


def test_a_separator_inside_a_paragraph_cuts_it_there() -> None:
    assert feedhtml.excerpt("<p>Début <em>a<!-- more -->b</em> fin</p><p>après</p>") == "<p>Début <em>a</em></p>"


def test_the_excerpt_ends_at_the_first_comment_that_is_a_separator() -> None:
    # A separator's text inside a script is no comment: the excerpt ends at the real one after it.
    html = '<p>Un</p><script>var s = "<!-- more -->";</script><p>Deux</p><!-- more --><p>Trois</p>'
    assert feedhtml.excerpt(html) == "<p>Un</p><p>Deux</p>"
    # A comment the parser makes of odd markup counts, before the usual separator too (as before).
    assert (
        feedhtml.excerpt("<p>Un <!-- a</p> --><p>Deux</p><!more><p>Trois</p><!-- more -->") == "<p>Un </p><p>Deux</p>"
    )


def test_an_excerpt_without_text_is_none() -> None:
    assert feedhtml.excerpt(FACADE + "<!-- more --><p>Texte.</p>") is None


@pytest.mark.parametrize(
    ("href", "to_url", "expected"),
    [
        ("../b/", "posts/", "b/"),
        ("../b/", "tags/video/page/2/", "../../../../posts/b/"),
        ("#x", "posts/", "a/#x"),
        ("https://example.net/", "posts/", "https://example.net/"),
        ("/root/", "posts/", "/root/"),
    ],
)
def test_rebase_reads_links_from_another_page(href: str, to_url: str, expected: str) -> None:
    made = feedhtml.rebase(f'<p><a href="{href}">t</a></p>', "posts/a/", to_url)
    assert BeautifulSoup(made, "html.parser").a["href"] == expected


def test_fill_excerpts_replaces_marked_places_and_removes_the_marks() -> None:
    open_a, close = feedhtml.excerpt_marks("posts/a.md")
    open_b, _ = feedhtml.excerpt_marks("posts/b.md")
    page = f"<div>{open_a}<p>desc A</p>{close}|{open_b}<p>desc B</p>{close}|{open_a}{close}</div>"
    excerpts = {feedhtml.excerpt_key("posts/a.md"): "<p>EXCERPT</p>"}
    assert feedhtml.fill_excerpts(page, excerpts.get) == "<div><p>EXCERPT</p>|<p>desc B</p>|<p>EXCERPT</p></div>"


def test_keys_are_safe_in_a_comment() -> None:
    key = feedhtml.excerpt_key("posts/a-->b.md")
    assert len(key) == 16 and set(key) <= set("0123456789abcdef")


def test_an_unclosed_mark_is_left_alone() -> None:
    open_a, _ = feedhtml.excerpt_marks("a.md")
    page = (open_a + "<p>x</p>") * 2000
    assert feedhtml.fill_excerpts(page, lambda key: "E") == page


def test_characters_xml_has_no_place_for_are_left_out() -> None:
    html = '<p title="a\x01b">Un\x00 texte\x0b avec\x1f des contrôles</p><div class="numeco-video"><noscript>' + (
        '<a href="https://www.dailymotion.com/video/x">Voir\x02</a></noscript></div><!-- more\x03 -->'
    )
    assert feedhtml.for_feed(html, PAGE) == (
        '<p title="ab">Un texte avec des contrôles</p><p><a href="https://www.dailymotion.com/video/x">Voir</a></p>'
    )
    assert feedhtml.excerpt(html) == "<p>Un texte avec des contrôles</p>"

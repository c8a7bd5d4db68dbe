"""Migration from Eleventy, pure parts: raw players, cards, containers, and what the converter reports.

Table tests, no site build (tests/test_migration_site.py builds the fixture site).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markdown import markdown as to_html

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.shortcodes import Context, convert
from mkdocs_numeco.core.shortcodes.cards import CardError, read_call, render_grid
from mkdocs_numeco.core.shortcodes.containers import Fence, pair
from mkdocs_numeco.core.shortcodes.iframes import author_title, identify, size_style

LABELS = resolve_labels("fr", {})


def run(text: str, **ctx: object) -> tuple[str, list, list]:
    settings: dict[str, object] = {"labels": LABELS, "title": "Page"}
    settings.update(ctx)
    result = convert(text, Context(**settings))  # type: ignore[arg-type]
    return result.markdown, result.problems, result.constructs


def html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "lxml")


# -- raw players -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "provider", "video_id", "embed", "watch"),
    [
        (
            "https://www.youtube.com/embed/dQw4w9WgXcQ?start=42",
            "youtube",
            "dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "//www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
            "youtube",
            "aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        ),
        (
            "https://www.dailymotion.com/embed/video/x8r2k1a",
            "dailymotion",
            "x8r2k1a",
            "https://www.dailymotion.com/embed/video/x8r2k1a",
            "https://www.dailymotion.com/video/x8r2k1a",
        ),
        (
            "https://geo.dailymotion.com/player/xabc.html?video=x9h51js",
            "dailymotion",
            "x9h51js",
            "https://geo.dailymotion.com/player/xabc.html?video=x9h51js",
            "https://www.dailymotion.com/video/x9h51js",
        ),
        (
            "https://player.vimeo.com/video/76979871?h=8272103f6e",
            "vimeo",
            "76979871",
            "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1",
            "https://vimeo.com/76979871/8272103f6e",
        ),
        (
            "https://tube.example.fr/videos/embed/8a1c2e4f-6b7d-4e9f-a1b2-c3d4e5f60718",
            "peertube",
            "8a1c2e4f-6b7d-4e9f-a1b2-c3d4e5f60718",
            "https://tube.example.fr/videos/embed/8a1c2e4f-6b7d-4e9f-a1b2-c3d4e5f60718",
            "https://tube.example.fr/videos/watch/8a1c2e4f-6b7d-4e9f-a1b2-c3d4e5f60718",
        ),
        (
            "https://embed.acast.com/$/mon-podcast/episode-1",
            "acast",
            "mon-podcast/episode-1",
            "https://embed.acast.com/$/mon-podcast/episode-1",
            "https://shows.acast.com/mon-podcast/episodes/episode-1",
        ),
    ],
)
def test_known_players_are_recognised(src: str, provider: str, video_id: str, embed: str, watch: str) -> None:
    player = identify(src)
    assert player is not None
    assert (player.provider.name, player.video_id, player.embed, player.watch) == (provider, video_id, embed, watch)


@pytest.mark.parametrize(
    "src",
    [
        "https://www.youtube.com/embed/videoseries?list=PL123",  # a playlist is not one video
        "https://www.youtube.com/embed/trop-court",
        "https://umap.openstreetmap.fr/fr/map/partenaires_123456",
        "https://example.org/videos/embed/",
        "javascript:alert(1)",
        "",
    ],
)
def test_other_iframes_are_not_players(src: str) -> None:
    assert identify(src) is None


@pytest.mark.parametrize(
    ("width", "height", "kind", "style"),
    [
        ("560", "315", "video", "--numeco-ratio: 560 / 315; max-width: 560px"),
        ("640px", "480px", "video", "--numeco-ratio: 640 / 480; max-width: 640px"),
        ("100%", "100%", "video", ""),
        ("100%", "190px", "audio", "--numeco-ratio: auto; height: 190px"),
        ("", "", "audio", ""),
        ("0", "315", "video", ""),
    ],
)
def test_size_becomes_the_box_style(width: str, height: str, kind: str, style: str) -> None:
    assert size_style(width, height, kind) == style


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("YouTube video player", ""),
        ("Dailymotion Video Player", ""),
        ("vimeo-player", ""),
        ("", ""),
        ("Sobriété des données", "Sobriété des données"),
        ("  Le   réemploi ", "Le réemploi"),
    ],
)
def test_boilerplate_titles_give_way_to_the_page_title(title: str, kept: str) -> None:
    assert author_title({"title": title}) == kept


def test_a_raw_player_becomes_the_facade_with_the_authors_title_and_size() -> None:
    raw = '<iframe width="640" height="360" src="https://player.vimeo.com/video/76979871" title="Sobriété &amp; données"></iframe>'
    markdown, problems, constructs = run(f"Avant.\n\n{raw}\n\nAprès.\n")
    soup = html(markdown)
    box = soup.select_one("div.numeco-video")
    assert soup.find("iframe") is None
    assert box["data-provider"] == "vimeo"
    assert box["data-embed-url"] == "https://player.vimeo.com/video/76979871?dnt=1"
    assert box["data-title"] == "Vidéo\u00a0: Sobriété & données"
    assert box["style"] == "--numeco-ratio: 640 / 360; max-width: 640px"
    assert box.select_one("button.numeco-video__play").get_text().startswith("Lire la vidéo\u00a0: Sobriété & données")
    assert problems == []
    assert [(c.kind, c.name, c.status) for c in constructs] == [("iframe", "vimeo", "upgraded")]


def test_acast_is_an_audio_facade() -> None:
    markdown, _, _ = run('<iframe src="https://embed.acast.com/show/ep" height="190" title="Épisode 3"></iframe>\n')
    box = html(markdown).select_one("div.numeco-video")
    assert box["data-provider"] == "acast"
    assert box.select_one(".numeco-video__label").get_text() == "Écouter\u00a0: Épisode 3"
    assert box["data-title"] == "Podcast\u00a0: Épisode 3"


def test_a_raw_player_gets_the_transcript_link() -> None:
    text = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n\n{% transcription "A" %}\nTexte\n{% endtranscription %}\n'
    markdown, problems, _ = run(text)
    assert html(markdown).select_one("p.numeco-video__transcript-link a")["href"] == "#numeco-transcript-1"
    assert problems == []


@pytest.mark.parametrize("settings", [{"upgrade_iframes": False}, {"embed": "iframe"}])
def test_raw_players_stay_when_the_upgrade_is_off(settings: dict) -> None:
    raw = '<iframe src="https://www.dailymotion.com/embed/video/x9h51js" title="T"></iframe>'
    markdown, problems, constructs = run(raw + "\n", **settings)
    assert markdown == raw + "\n"
    assert problems == []
    assert [(c.kind, c.status) for c in constructs] == [("iframe", "kept")]


def test_other_iframes_become_facades_naming_their_host_and_are_listed() -> None:
    raw = '<iframe src="https://umap.openstreetmap.fr/fr/map/x" title="Carte"></iframe>'
    markdown, problems, constructs = run(raw + "\n")
    assert "<iframe" not in markdown and 'data-embed-url="https://umap.openstreetmap.fr/fr/map/x"' in markdown
    assert problems == []
    assert [(c.kind, c.name, c.status) for c in constructs] == [("iframe", "umap.openstreetmap.fr", "upgraded")]


def test_iframes_in_code_are_left_alone() -> None:
    text = '```html\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n```\n'
    assert run(text)[0] == text


# -- cards -------------------------------------------------------------------------


def _no_variables(name: str) -> tuple[bool, object]:
    return False, None


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ('"card", {url: "/a/", title: "A"}', {"url": "/a/", "title": "A"}),
        ("'card', {'url': '/a/', \"title\": 'L\\'atelier',}", {"url": "/a/", "title": "L'atelier"}),
        (
            '"card", {date: "2023-06-21" | jsDateObject, badges: ["x", "y",]}',
            {"date": "2023-06-21", "badges": ["x", "y"]},
        ),
        ('"card", {title: "T" | truncate(20, true)}', {"title": "T"}),
        (
            '"card", {url: false, externalUrl: "https://x.fr/", n: 3, ok: true, z: null}',
            {"url": False, "externalUrl": "https://x.fr/", "n": 3, "ok": True, "z": None},
        ),
        ('"card", {image: {src: "/i.png", alt: ""}}', {"image": {"src": "/i.png", "alt": ""}}),
        ('\n\t"card", {\n\t\turl: "/a/",\n\t\ttitle: "A"\n\t}\n', {"url": "/a/", "title": "A"}),
    ],
)
def test_card_arguments_are_read_leniently(call: str, expected: dict) -> None:
    assert read_call(call, _no_variables) == ("card", expected)


def test_card_arguments_may_name_front_matter_variables() -> None:
    variables = {"title": "Mon titre", "image": {"path": "./a.svg"}}

    def lookup(name: str) -> tuple[bool, object]:
        return (True, variables[name]) if name in variables else (False, None)

    assert read_call('"card", {title: title, image: image}', lookup) == (
        "card",
        {"title": "Mon titre", "image": {"path": "./a.svg"}},
    )


@pytest.mark.parametrize(
    "call",
    [
        '"card", {title: "A"',
        '"card", {title: "A}',
        '"card", {title "A"}',
        '"card", {title: inconnu}',
        '"card", {title: "A"} extra',
    ],
)
def test_unreadable_card_arguments_raise(call: str) -> None:
    with pytest.raises(CardError):
        read_call(call, _no_variables)


def test_card_text_is_escaped_and_not_read_as_markdown() -> None:
    markdown = render_grid([{"title": "<b>*gras*</b> & [lien](x)", "url": "/a b/", "description": "_1. Un_ {{ x }}"}])
    soup = html(to_html(markdown, extensions=["md_in_html", "attr_list"]))
    item = soup.select_one("div.grid.cards li")
    link = item.select_one("a")
    assert link.get_text() == "<b>*gras*</b> & [lien](x)"
    assert link["href"] == "/a b/"
    assert item.find("b") is None and item.find("em") is None
    assert item.select("p")[-1].get_text() == "_1. Un_ {{ x }}"


def test_consecutive_cards_in_a_grid_row_make_one_grid() -> None:
    text = (
        '<div class="fr-grid-row fr-grid-row--gutters">\n'
        '\t<div class="fr-col-12 fr-col-md-6">\n'
        '\t\t{% from "components/component.njk" import component with context %}\n'
        '\t\t{{ component("card", {url: "/a/", title: "A", image: {src: "a.png", alt: "Alt A"}}) }}\n'
        "\t</div>\n"
        '\t<div class="fr-col-12 fr-col-md-6">\n'
        '\t\t{{ component("card", {url: false, externalUrl: "https://b.fr/", title: "B", badges: ["Guide"]}) }}\n'
        "\t</div>\n"
        "</div>\n"
    )
    markdown, problems, constructs = run(text)
    soup = html(to_html(markdown, extensions=["md_in_html", "attr_list"]))
    assert problems == []
    assert soup.select("div.fr-grid-row") == []
    items = soup.select("div.grid.cards > ul > li")
    assert [li.select_one("strong a")["href"] for li in items] == ["/a/", "https://b.fr/"]
    assert items[0].select_one("img")["alt"] == "Alt A"
    assert items[1].select_one(".numeco-card__badge").get_text() == "Guide"
    assert [(c.kind, c.name, c.status) for c in constructs] == [("cards", "2 cards", "converted")]


@pytest.mark.parametrize(
    ("before", "as_html"),
    [
        ("", False),
        ("Texte.\n\n", False),
        ("<div>\n", True),
        ('<div class="x">\n  <p>Intro</p>\n  ', True),
        ("<!-- note -->\n\n", False),
    ],
)
def test_a_card_in_raw_html_is_written_in_html(before: str, as_html: bool) -> None:
    text = (
        before
        + '{{ component("card", {title: "A & *B*", url: "/a/", image: {src: "i.png", alt: "I"}}) }}\n'
        + ("</div>\n" if as_html else "")
    )
    markdown, problems, _ = run(text)
    assert problems == []
    assert ("markdown>" not in markdown) is as_html
    soup = html(to_html(markdown, extensions=["md_in_html", "attr_list"]))
    item = soup.select_one("div.grid.cards > ul > li")
    assert item.select_one("strong > a").get_text() == "A & *B*"
    assert item.select_one("strong > a")["href"] == "/a/"
    assert (item.select_one("img")["src"], item.select_one("img")["alt"]) == ("i.png", "I")


def test_the_component_import_is_dropped_silently() -> None:
    text = (
        '{% from "components/component.njk" import component with context %}\n\n{{ component("card", {title: "A"}) }}\n'
    )
    markdown, problems, constructs = run(text)
    assert problems == []
    assert [(c.kind, c.name, c.status) for c in constructs] == [
        ("logic", "from", "converted"),
        ("cards", "1 card", "converted"),
    ]
    assert "{%" not in html(markdown).get_text()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{{ component("card", {url: "/a/"}) }}', ["has no title"]),
        ('{{ component("tile", {title: "A"}) }}', ["component 'tile' is not supported"]),
        ('{{ component("card", {title: "A") }}', ["can't be read"]),
    ],
)
def test_bad_cards_are_left_out_with_a_warning(text: str, words: list[str]) -> None:
    markdown, problems, constructs = run(f"Avant\n\n{text}\n")
    assert len(problems) == 1 and problems[0].line == 3
    assert all(word in problems[0].message for word in words)
    assert constructs[0].status == "unsupported"
    assert html(markdown).get_text().strip() == "Avant"


# -- containers --------------------------------------------------------------------


def test_fences_pair_innermost_first() -> None:
    fences = [
        Fence(0, "callout", " T"),
        Fence(1, "accordion", " U"),
        Fence(2, "", ""),
        Fence(3, "", ""),
        Fence(4, "", ""),
    ]
    assert pair(fences) == ({1: 2, 0: 3}, [4])


@pytest.mark.parametrize(
    ("line", "selector", "title"),
    [
        ("::: callout À retenir", "div.admonition.note > p.admonition-title", "À retenir"),
        ("::: info Bon à savoir", "div.admonition.info > p.admonition-title", "Bon à savoir"),
        ("::: warning Attention", "div.admonition.warning > p.admonition-title", "Attention"),
        ("::: error Erreur <b>grave</b>", "div.admonition.danger > p.admonition-title", "Erreur <b>grave</b>"),
        ("::: success Bravo", "div.admonition.success > p.admonition-title", "Bravo"),
        ("::: accordion Voir plus", "details.note > summary", "Voir plus"),
        ("::: accordion", "details.note > summary", "Détails"),
    ],
)
def test_containers_become_admonitions(line: str, selector: str, title: str) -> None:
    markdown, problems, constructs = run(f"{line}\nLe *texte*.\n:::\n")
    soup = html(to_html(markdown, extensions=["md_in_html", "attr_list"]))
    assert problems == []
    assert soup.select_one(selector).get_text() == title
    block = soup.select_one(selector).parent
    assert block.select_one("p em").get_text() == "texte"
    assert [c.status for c in constructs] == ["converted"]


def test_quote_takes_the_picture_as_argument() -> None:
    markdown, _, _ = run("::: quote ../img/portrait.svg\n« Citation »\n:::\n")
    soup = html(to_html(markdown, extensions=["md_in_html", "attr_list"]))
    quote = soup.select_one("div.admonition.quote")
    assert quote.select_one("img.numeco-quote__image")["src"] == "../img/portrait.svg"
    assert quote.select_one("img")["alt"] == ""
    assert quote.find(class_="admonition-title") is None


def test_containers_nest() -> None:
    markdown, problems, _ = run("::: callout A\nUn\n::: accordion B\nDeux\n:::\nTrois\n:::\n")
    soup = html(to_html(markdown, extensions=["md_in_html", "attr_list"]))
    outer = soup.select_one("div.admonition.note")
    assert outer.select_one("details > summary").get_text() == "B"
    assert [p.get_text() for p in outer.find_all("p", recursive=False)] == ["A", "Un", "Trois"]
    assert problems == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("::: callout A\nTexte\n", 1, ["never closed"]),
        ("Texte\n:::\n", 2, ["closes no container"]),
        ("::: tabs\nTexte\n:::\n", 1, ["container 'tabs' is not supported"]),
    ],
)
def test_broken_containers_warn_and_keep_the_text(text: str, line: int, words: list[str]) -> None:
    markdown, problems, constructs = run(text)
    assert [p.line for p in problems] == [line]
    assert all(word in problems[0].message for word in words)
    assert "Texte" in html(markdown).get_text()
    assert ":::" not in html(markdown).get_text()
    assert "unsupported" in [c.status for c in constructs]


def test_mkdocstrings_lines_are_not_containers() -> None:
    text = "::: mkdocs_numeco.adapter.check\n"
    assert run(text)[0] == text
    assert run(text)[1] == []


def test_converting_the_output_again_changes_nothing() -> None:
    text = (
        "::: callout A\nTexte {{ title }}\n:::\n\n"
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n\n'
        '{{ component("card", {title: "C", url: "/c/"}) }}\n'
    )
    once = run(text, variables={"title": "T"})[0]
    assert run(once, variables={"title": "T"})[0] == once


def test_upper_case_iframes_are_players_too() -> None:
    markdown, _, constructs = run('<IFRAME SRC="https://www.youtube.com/embed/dQw4w9WgXcQ" TITLE="Titre"></IFRAME>\n')
    assert html(markdown).select_one("div.numeco-video")["data-title"] == "Vidéo\u00a0: Titre"
    assert [c.status for c in constructs] == ["upgraded"]


@pytest.mark.timeout(60)  # a hang guard, not a measurement: the old pattern never finished on this input
@pytest.mark.parametrize("end", ["texte\n", "</div>\n"])
def test_a_long_unclosed_grid_row_is_scanned_in_one_go(end: str) -> None:
    cell = (
        '\t<div class="fr-col-12">\n\t\t{{ component("card", {title: "A", image: {src: "x", alt: ""}}) }}\n\t</div>\n'
    )
    _, problems, constructs = run('<div class="fr-grid-row">\n' + cell * 60 + end)
    assert problems == []
    expected = [("cards", "60 cards")] if end == "</div>\n" else [("cards", "1 card")] * 60
    assert [(c.kind, c.name) for c in constructs] == expected

"""Structured data (JSON-LD), Open Graph and Twitter Card meta in each page's head."""

from __future__ import annotations

import json
import logging
import random
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from demo_build import build_demo, build_like_the_cli
from lxml import etree
from material.plugins.social import plugin as social_plugin
from sitebuild import Built, build_site, post, seed_social_fonts, write_site

from mkdocs_numeco.core import seo
from mkdocs_numeco.core.posts import Post

SITE_URL = "https://example.org/numeco-demo/"
POSTER = SITE_URL + "assets/numeco/poster.png"


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.head.select('script[type="application/ld+json"]')]


def videos(soup: BeautifulSoup) -> list[dict]:
    """The page's VideoObjects (an episode of a series also has its Episode object)."""
    return [data for data in json_ld(soup) if data["@type"] == "VideoObject"]


def meta(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Every og:/article:/video:/twitter: meta of the head, by name, in document order."""
    found: dict[str, list[str]] = {}
    for tag in soup.head.select("meta[property], meta[name]"):
        name = tag.get("property") or tag.get("name")
        if name.split(":")[0] in {"og", "article", "video", "twitter"}:
            found.setdefault(name, []).append(tag["content"])
    return found


# -- pure helpers, table-driven -----------------------------------------------------


@pytest.mark.parametrize(("language", "locale"), [("fr", "fr_FR"), ("en", "en_US"), ("de", "de_DE")])
def test_og_locale(language: str, locale: str) -> None:
    assert seo.og_locale(language) == locale


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "<!-- x -->", "a & b", 'quote " and \\ backslash', "ligne\nsuivante"],
)
def test_json_ld_script_cannot_be_closed_from_inside(text: str) -> None:
    html = f"<html><head>{seo.json_ld_script({'name': text})}</head><body></body></html>"
    scripts = BeautifulSoup(html, "lxml").head.find_all("script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].string) == {"name": text}


TWO_VIDEOS = """
<div class="numeco-video" id="numeco-video-1"><button>x</button></div>
<p class="numeco-video__transcript-link"><a href="#numeco-transcript-1">Lire</a></p>
<details class="numeco-transcript abstract" id="numeco-transcript-1"><summary>T</summary>
<p class="numeco-transcript__actions"><button>Agrandir</button></p>
<div class="numeco-transcript__body"><p>Premier   paragraphe,
sur deux lignes.</p><p>Second.</p></div></details>
<div class="numeco-video" id="numeco-video-2"><button>x</button></div>
<p>Pas de transcription ici.</p>
<div class="numeco-video numeco-video--loaded" id="numeco-video-3"><iframe></iframe></div>
<p class="numeco-video__transcript-link"><a href="#numeco-transcript-2">Lire</a></p>
<details class="numeco-transcript" id="numeco-transcript-2"><summary>T</summary>
<div class="numeco-transcript__body">Texte <em>sans</em> paragraphe.</div></details>
"""


def test_transcripts_are_paired_with_the_video_that_links_them() -> None:
    assert seo.transcripts_by_video(TWO_VIDEOS) == {
        "numeco-video-1": "Premier paragraphe, sur deux lignes.\nSecond.",
        "numeco-video-3": "Texte sans paragraphe.",
    }


ODD_PAIRS = """
<div class="x	numeco-video" id="v1"><button>x</button></div>
<!-- a comment is no element -->
<p class="numeco-video__transcript-link other"><span>Lire <a>sans lien</a> <a href="#t1">ici</a></span></p>
<div class="numeco-video" id="v2"></div>
<p class="numeco-video__transcript-link"><a href="t1">pas une ancre</a></p>
<div class="numeco-video" id="v3"></div>
<p class="numeco-video__transcript-link"><a href="#absent">Lire</a></p>
<div class="numeco-video x" id="v4"></div>
<p class="numeco-video__transcript-link"><a href="#t1">Lire</a></p>
<section id="t1"><p>Avant</p>
<details id="t1"><div class="numeco-transcript__body">Interne</div></details>
<div class="numeco-transcript__body">	Externe  <!-- c --> <br>fin <?pi x?>ici </div></section>
"""


def test_transcripts_read_the_first_link_after_the_box_and_the_first_body_under_the_target() -> None:
    # Classes split on XML whitespace only (no-break space is part of a class name), comments skipped
    # between the box and its link; with the target id twice, the first body in document order.
    assert seo.transcripts_by_video(ODD_PAIRS) == {"v1": "Interne"}
    assert seo.plain_text(etree.fromstring(ODD_PAIRS, etree.HTMLParser()).xpath("//section/div")[0]) == (
        "Externe\nfin ici"
    )


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # paragraphs only (the short way): text around and between them is a line of its own
        (
            "<div> avant <p> un  deux </p>\n<p></p> entre <li>trois\tquatre</li> après </div>",
            "avant\nun deux\nentre\ntrois quatre\naprès",
        ),
        # the same with an inline element, a comment or a break inside: the long way, same lines
        (
            "<div> avant <p> un <em>deux</em> </p> entre <p>trois<br>quatre</p> après </div>",
            "avant\nun deux\nentre\ntrois\nquatre\naprès",
        ),
        ("<div>un<!-- c --> deux<p>trois</p></div>", "un deux\ntrois"),
        ("<span> un <p>deux</p> trois </span>", "un\ndeux\ntrois"),
    ],
)
def test_plain_text_gives_one_line_per_block_whichever_way_it_is_read(body: str, text: str) -> None:
    root = etree.fromstring(f"<html><body>{body}</body></html>", etree.HTMLParser())
    assert seo.plain_text(root.find("body")[0]) == text


def test_every_whitespace_character_but_the_space_is_unprintable() -> None:
    # What lets a line that is printable, without double or outer spaces, skip `" ".join(text.split())`.
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert [char for char in spaces if char.isprintable()] == [" "]


def test_a_line_is_what_splitting_and_joining_gives() -> None:
    pieces = ["a", "é", "mot", " ", "  ", "\t", "\n", "\xa0", "\u2009", "\u3000", "\x85", "\x1f", "\u200b", "&", "<"]
    rng = random.Random(16)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    texts += ["un deux", " un", "un ", "un  deux", "un\xa0: deux", "un\ndeux"]
    assert [seo._line(text) for text in texts] == [" ".join(text.split()) for text in texts]


def test_no_video_no_parsing() -> None:
    assert seo.transcripts_by_video("<p>Rien.</p>") == {}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "<html><head><title>t</title></head><body></body></html>",
            "<html><head><title>t</title>X\n</head><body></body></html>",
        ),
        ("<html><HEAD></HEAD ></html>", "<html><HEAD>X\n</HEAD ></html>"),
        ("<p>fragment</p>", "<p>fragment</p>"),
    ],
)
def test_inject_head(page: str, expected: str) -> None:
    assert seo.inject_head(page, "X") == expected


def test_meta_owned_by_another_plugin_is_left_out() -> None:
    tags = [("og:title", "T"), ("article:tag", "A"), ("twitter:card", "summary"), ("og:locale", "fr_FR")]
    assert seo.without(tags, seo.SOCIAL_PLUGIN_TAGS) == [("article:tag", "A"), ("og:locale", "fr_FR")]


def test_post_meta_of_an_article_without_image() -> None:
    article = Post(src_uri="a.md", url="a/", title="A", description="D", date=date(2025, 1, 2), tags=["x", "y"])
    tags = seo.post_meta(article, url=SITE_URL + "a/", picture=None, has_video=False, site_name="S", locale="fr_FR")
    names = [name for name, _ in tags]
    assert ("og:type", "article") in tags
    assert "og:image" not in names and "video:tag" not in names
    assert [v for n, v in tags if n == "article:tag"] == ["x", "y"]
    assert ("twitter:card", "summary") in tags


# -- the demo site ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_demo(tmp_path_factory.mktemp("demo"))


def test_video_post_has_a_complete_video_object(demo: Built) -> None:
    [data] = videos(demo.soup("posts/episode-2-concevoir/"))  # an episode: its Episode object follows
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "VideoObject"
    assert data["name"] == "Épisode #2 : Concevoir des services plus légers"
    assert data["description"] == "Alléger les pages, c'est d'abord renoncer à ce qui ne sert pas."
    assert data["uploadDate"] == "2025-03-17T00:00:00+00:00"
    assert data["thumbnailUrl"] == [SITE_URL + "images/photo-atelier.jpg"]
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert data["url"] == SITE_URL + "posts/episode-2-concevoir/"
    assert data["transcript"].split("\n") == [
        "Quand on conçoit un service, on ajoute souvent des éléments par habitude : un carrousel, une vidéo d'accueil, trois polices.",
        "Panneau : chaque élément doit servir l'usager",
        "Nous avons retiré la vidéo d'accueil de notre démarche en ligne. Le poids de la page a été divisé par quatre, et personne ne l'a regrettée.",
    ]


def test_the_transcript_is_the_one_shown_on_the_page(demo: Built) -> None:
    soup = demo.soup("posts/episode-1-mesurer/")
    [data] = videos(soup)
    # Paragraph by paragraph: inside one, a timestamp's link is part of its text ("[0:12] La première…").
    shown = " ".join(p.get_text() for p in soup.select_one(".numeco-transcript__body").select("p"))
    assert " ".join(data["transcript"].split()) == " ".join(shown.split())


def test_each_video_of_a_post_gets_its_own_object_and_transcript(demo: Built) -> None:
    objects = json_ld(demo.soup("posts/table-ronde-donnees/"))
    assert [o["@type"] for o in objects] == ["VideoObject", "VideoObject"]
    assert [o["name"] for o in objects] == [
        "Nettoyer les données avant de les stocker",
        "Une IA frugale pour la justice",
    ]
    assert [o["embedUrl"] for o in objects] == [
        "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
        "https://www.dailymotion.com/embed/video/x7tgad0",
    ]
    assert objects[0]["transcript"].startswith("Chaque donnée conservée a un coût")
    assert objects[1]["transcript"].startswith("Un petit modèle bien choisi")


def test_video_without_image_uses_the_shipped_poster(demo: Built) -> None:
    [data] = videos(demo.soup("posts/episode-3-former/"))  # an episode: its Episode object follows
    assert data["thumbnailUrl"] == [POSTER]
    assert (demo.site_dir / "assets/numeco/poster.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    tags = meta(demo.soup("posts/episode-3-former/"))
    assert tags["og:image"] == [POSTER]


def test_post_without_video_is_a_blog_posting(demo: Built) -> None:
    [data] = json_ld(demo.soup("posts/ecrire-un-article/"))
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Écrire un article vidéo"
    assert data["datePublished"] == "2025-02-20T00:00:00+00:00"
    assert data["description"] == "La syntaxe des shortcodes, pour les rédactrices et rédacteurs."
    assert data["keywords"] == ["Guide"]
    assert data["url"] == SITE_URL + "posts/ecrire-un-article/"


@pytest.mark.parametrize("url", ["", "posts/", "tags/video/", "series/"])
def test_pages_that_are_not_posts_have_no_json_ld(demo: Built, url: str) -> None:
    assert json_ld(demo.soup(url)) == []


def test_open_graph_of_a_video_post(demo: Built) -> None:
    tags = meta(demo.soup("posts/episode-2-concevoir/"))
    assert tags["og:type"] == ["video.other"]
    assert tags["og:title"] == ["Épisode #2 : Concevoir des services plus légers"]
    assert tags["og:description"] == ["Alléger les pages, c'est d'abord renoncer à ce qui ne sert pas."]
    assert tags["og:url"] == [SITE_URL + "posts/episode-2-concevoir/"]
    assert tags["og:image"] == [SITE_URL + "images/photo-atelier.jpg"]
    assert tags["og:image:alt"] == ["Paysage vert stylisé"]
    assert tags["og:locale"] == ["fr_FR"]
    assert tags["article:published_time"] == ["2025-03-17T00:00:00+00:00"]
    assert tags["article:tag"] == ["Vidéo", "Écoconception"]
    assert tags["twitter:card"] == ["summary_large_image"]


def test_empty_alt_falls_back_to_the_title(demo: Built) -> None:
    tags = meta(demo.soup("posts/episode-1-mesurer/"))
    assert tags["og:image:alt"] == ["Épisode #1 : Mesurer avant d'agir"]


def test_open_graph_of_an_article(demo: Built) -> None:
    tags = meta(demo.soup("posts/ecrire-un-article/"))
    assert tags["og:type"] == ["article"]
    assert "og:image" not in tags
    assert tags["article:tag"] == ["Guide"]
    assert tags["twitter:card"] == ["summary"]


def test_open_graph_of_a_generated_page(demo: Built) -> None:
    tags = meta(demo.soup("tags/video/"))
    assert tags["og:type"] == ["website"]
    assert tags["og:title"] == ["Étiquette\u00a0: Vidéo"]
    assert tags["og:url"] == [SITE_URL + "tags/video/"]


@pytest.mark.parametrize("url", ["", "posts/episode-1-mesurer/", "posts/ecrire-un-article/", "tags/"])
def test_no_meta_is_written_twice(demo: Built, url: str) -> None:
    tags = meta(demo.soup(url))
    single = {name: values for name, values in tags.items() if name not in {"article:tag", "video:tag"}}
    assert all(len(values) == 1 for values in single.values()), single


# -- bad input and options ------------------------------------------------------------


def test_author_text_cannot_break_the_head(tmp_path: Path) -> None:
    evil = '</script><script>alert(1)</script> "quotes" & <b>'
    pages = {"a.md": post(evil, "2025-01-01", body='{% youtube "dQw4w9WgXcQ" %}', description=evil, tags=[evil])}
    built = build_site(write_site(tmp_path, pages), strict=True)
    soup = built.soup("a/")
    [data] = json_ld(soup)
    assert data["name"] == data["description"] == evil
    assert not [
        s
        for s in soup.head.find_all("script")
        if s.string and "alert(1)" in s.string and s.get("type") != "application/ld+json"
    ]
    tags = meta(soup)
    assert tags["og:title"] == tags["og:description"] == tags["article:tag"] == [evil]


def test_configured_poster(tmp_path: Path) -> None:
    pages = {"a.md": post("A", "2025-01-01", body='{% vimeo "76979871" %}'), "img/p.png": b"\x89PNG\r\n\x1a\n"}
    built = build_site(write_site(tmp_path, pages, plugin={"seo": {"poster": "img/p.png"}}), strict=True)
    [data] = json_ld(built.soup("a/"))
    assert data["thumbnailUrl"] == ["https://example.org/img/p.png"]
    assert not (built.site_dir / "assets/numeco/poster.png").exists()  # not used, not copied


def test_missing_configured_poster_warns_once(tmp_path: Path) -> None:
    body = '{% vimeo "76979871" %}'
    pages = {"a.md": post("A", "2025-01-01", body=body), "b.md": post("B", "2025-01-02", body=body)}
    built = build_site(write_site(tmp_path, pages, plugin={"seo": {"poster": "nope.png"}}), strict=False)
    warnings = [m for m in built.messages(logging.WARNING) if "seo.poster" in m]
    assert len(warnings) == 1 and "'nope.png'" in warnings[0]
    assert json_ld(built.soup("b/"))[0]["thumbnailUrl"] == ["https://example.org/assets/numeco/poster.png"]


@pytest.mark.parametrize(
    ("options", "has_og", "has_json_ld"),
    [({"open_graph": False}, False, True), ({"structured_data": False}, True, False)],
)
def test_seo_options(tmp_path: Path, options: dict, has_og: bool, has_json_ld: bool) -> None:
    built = build_site(write_site(tmp_path, {"a.md": post("A", "2025-01-01")}, plugin={"seo": options}), strict=True)
    soup = built.soup("a/")
    assert ("og:title" in meta(soup)) is has_og
    assert bool(json_ld(soup)) is has_json_ld


def test_without_site_url_nothing_is_added(tmp_path: Path) -> None:
    built = build_site(
        write_site(tmp_path, {"a.md": post("A", "2025-01-01", body='{% vimeo "76979871" %}')}, site_url=None)
    )
    soup = built.soup("a/")
    assert meta(soup) == {} and json_ld(soup) == []


def test_material_social_plugin_owns_og_and_twitter(tmp_path: Path) -> None:
    # Its cards need Pillow and Cairo; whether or not they render here, the
    # social plugin owns og:* and twitter:*, so we keep to article:* and JSON-LD.
    path = write_site(tmp_path, {"a.md": post("A", "2025-01-01", tags=["T"])})
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings["plugins"].append({"social": {"cache": False, "cache_dir": str(tmp_path / "cache")}})
    seed_social_fonts(tmp_path / "cache")  # or it downloads Roboto from Google Fonts
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    build_like_the_cli(path, strict=False)  # it warns when it cannot render cards; it starts on startup
    soup = BeautifulSoup((tmp_path / "site/a/index.html").read_text(encoding="utf-8"), "lxml")
    tags = meta(soup)
    if social_plugin.import_errors:  # no card rendered here, so no og:title at all: none of ours
        assert "og:title" not in tags and "twitter:card" not in tags
    else:
        assert len(tags["og:title"]) == 1 and "assets/images/social/" in tags["og:image"][0]
    assert "og:locale" in tags and tags["article:tag"] == ["T"]
    assert json_ld(soup)[0]["@type"] == "BlogPosting"


def test_page_title_reaches_open_graph_as_written(tmp_path: Path) -> None:
    page = '---\ntitle: \'Guide <pratique> & "rapide"\'\ndescription: "x < y"\n---\n\nTexte.\n'
    built = build_site(
        write_site(tmp_path, {"guide.md": page, "a.md": post("A", "2025-01-01", tags=["<T>"])}), strict=True
    )
    tags = meta(built.soup("guide/"))
    assert tags["og:title"] == ['Guide <pratique> & "rapide"']
    assert tags["og:description"] == ["x < y"]
    assert meta(built.soup("tags/t/"))["og:title"] == ["Étiquette\u00a0: <T>"]

"""The migration fixture (tests/fixtures/migration): a DSFR Eleventy site as its authors left it.

Built once; the promises of issue 7:
- no template syntax reaches a reader (`{%`, `{{`, `:::` outside code);
- every video and podcast is a click-to-load facade, and the one map iframe stays;
- cards, containers and interpolations come out as Material markup;
- the only warnings are the three pieces of Nunjucks logic, each at file:line.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from needs import vnu_jar
from sitebuild import Built, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "migration"
POSTS = sorted(p.stem for p in (FIXTURE / "docs" / "actualites").glob("*.md"))

# page -> (facades by provider, in order), for every post with a player
PLAYERS = {
    "2023-06-01-documentation-auteurs": ["youtube"],
    "2023-09-12-conteneurs-imbriques": ["dailymotion"],
    "2023-10-09-carte-partenaires": ["embed"],  # the map: any host's iframe is click-to-load too
    "2023-11-21-liste-dynamique": ["dailymotion"],
    "2023-12-05-interpolations": ["youtube"],
    "2024-01-10-bilan-annuel": ["dailymotion"],
    "2024-02-14-temoignage": ["youtube"],
    "2024-03-07-atelier-sensibilisation": ["vimeo"],
    "2024-05-30-faq-nocookie": ["youtube"],
    "2024-06-12-conference-vimeo": ["vimeo"],
    "2024-09-20-webinaire-peertube": ["peertube"],
    "2024-10-02-podcast-reemploi": ["acast"],
    "2024-11-04-episode-10": ["dailymotion"],
    "2025-03-15-episode-11": ["youtube"],
    "2025-04-01-episode-12": ["dailymotion"],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("migration")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return build_site(root / "mkdocs.yml")


def url(stem: str) -> str:
    return f"actualites/{stem}/"


def visible_text(site: Built, stem: str) -> str:
    article = site.content(url(stem))
    for code in article.select("pre, code"):
        code.decompose()
    return article.get_text()  # comments are not text


def test_fixture_is_big_enough() -> None:
    assert len(POSTS) >= 15


@pytest.mark.parametrize("stem", POSTS)
def test_no_template_syntax_reaches_readers(site: Built, stem: str) -> None:
    text = visible_text(site, stem)
    for leftover in ("{%", "%}", "{{", "}}", ":::", "{#"):
        assert leftover not in text, f"{leftover!r} left in {stem}"


@pytest.mark.parametrize("stem", POSTS)
def test_every_player_is_a_facade(site: Built, stem: str) -> None:
    article = site.content(url(stem))
    boxes = article.select("div.numeco-video")
    assert [box["data-provider"] for box in boxes] == PLAYERS.get(stem, [])
    for box in boxes:
        assert box.select_one("button.numeco-video__play[type=button]")
        assert box["data-embed-url"].startswith("https://")
    assert article.select("iframe") == []  # nothing loads before a click
    if stem == "2023-10-09-carte-partenaires":
        assert boxes[0]["data-embed-url"] == "https://umap.openstreetmap.fr/fr/map/partenaires_123456"


def test_raw_players_keep_title_size_and_options(site: Built) -> None:
    vimeo = site.content(url("2024-06-12-conference-vimeo")).select_one("div.numeco-video")
    assert vimeo["data-embed-url"] == "https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0&dnt=1"
    assert vimeo["data-title"] == "Vidéo\u00a0: Sobriété des données"
    assert vimeo["style"] == "--numeco-ratio: 640 / 360; max-width: 640px"
    faq = site.content(url("2024-05-30-faq-nocookie")).select_one("div.numeco-video")
    # "YouTube video player" says nothing: the post's title replaces it
    assert faq["data-title"] == "Vidéo\u00a0: Questions fréquentes sur le numérique responsable"
    assert faq["data-embed-url"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=42"
    podcast = site.content(url("2024-10-02-podcast-reemploi"))
    box = podcast.select_one("div.numeco-video")
    assert box.select_one(".numeco-video__label").get_text() == "Écouter\u00a0: Le réemploi dans les collectivités"
    assert box["style"] == "--numeco-ratio: auto; height: 190px"
    assert podcast.select_one("p.numeco-video__transcript-link a")["href"] == "#numeco-transcript-1"
    assert podcast.select_one("details.numeco-transcript#numeco-transcript-1")


def test_front_matter_is_interpolated_even_in_images(site: Built) -> None:
    article = site.content(url("2023-12-05-interpolations"))
    assert article.select_one("h1").get_text() == "Semaine du numérique responsable"
    assert "Le programme de la semaine, jour par jour. Publié le 2023-12-05." in [
        p.get_text() for p in article.select("p")
    ]
    image = article.select_one("p > img")
    assert (image["src"], image["alt"]) == ("../episode-11.svg", "Affiche de la semaine")
    string_image = site.content(url("2024-11-04-episode-10")).select_one("p > img")
    assert (string_image["src"], string_image["alt"]) == ("../episode-10.svg", "Affiche de l'épisode")
    assert (site.site_dir / "actualites" / "episode-10.svg").is_file()


def test_cards_become_material_grid_cards(site: Built) -> None:
    grids = site.content(url("2024-04-18-ressources-guides")).select("div.grid.cards")
    assert len(grids) == 1  # one DSFR row of three cards, one grid
    items = grids[0].select(":scope > ul > li")
    assert [li.select_one("strong > a")["href"] for li in items] == [
        "/publications/referentiel-general-ecoconception/",
        "/publications/guide-pratique-achats-numeriques-responsables/",
        "/publications/referentiel-competences/",
    ]
    assert items[2].select("p")[-1].get_text() == 'Les compétences "numérique responsable" par métier.'
    single = site.content(url("2024-03-07-atelier-sensibilisation")).select_one("div.grid.cards li")
    assert single.select_one("img")["src"] == "/img/atelier.png"
    assert [b.get_text() for b in single.select(".numeco-card__badge")] == ["Formation", "En ligne"]
    assert single.select_one("small").get_text() == "2024-03-07"
    partners = site.content(url("2023-10-09-carte-partenaires"))
    external = partners.select("div.grid.cards li strong > a")
    assert [a["href"] for a in external] == [
        "https://www.ademe.fr/",
        "https://www.arcep.fr/",
        "/partenaires/devenir-partenaire/",
    ]
    # a card inside the author's own <div>, where Markdown is not read, is written in HTML
    in_html = partners.select_one("div.fr-mt-4w > div.grid.cards > ul > li")
    assert [p.get_text() for p in in_html.select("p")] == ["Devenir partenaire", "Rejoindre le réseau *régional*."]
    assert in_html.select_one("hr")


def test_containers_become_admonitions(site: Built) -> None:
    def titles(stem: str, selector: str) -> list[str]:
        return [t.get_text() for t in site.content(url(stem)).select(selector)]

    assert titles("2025-03-15-episode-11", "div.admonition.note > p.admonition-title") == ["À retenir"]
    assert titles("2024-09-20-webinaire-peertube", "div.admonition.info > p.admonition-title") == [
        "Support de présentation"
    ]
    assert titles("2024-06-12-conference-vimeo", "div.admonition.warning > p.admonition-title") == ["Vidéo longue"]
    assert titles("2024-01-10-bilan-annuel", "div.admonition.success > p.admonition-title") == ["Objectif atteint"]
    assert titles("2024-01-10-bilan-annuel", "div.admonition.danger > p.admonition-title") == ["Retard"]
    assert titles("2024-05-30-faq-nocookie", "details.note > summary") == [
        "Qu'est-ce que le numérique responsable ?",
        "Par où commencer ?",
    ]
    quote = site.content(url("2024-02-14-temoignage")).select_one("div.admonition.quote")
    assert quote.select_one("img.numeco-quote__image")["src"] == "../../img/portrait.svg"
    nested = site.content(url("2023-09-12-conteneurs-imbriques")).select_one("div.admonition.note")
    assert nested.select_one("div.numeco-video")
    assert (
        nested.select_one("details.note > details.numeco-transcript > summary").get_text()
        == "Transcription\u00a0: Paul Lefèvre"
    )


def test_only_the_nunjucks_logic_warns(site: Built) -> None:
    warnings = [r.getMessage() for r in site.records if r.levelno >= logging.WARNING]
    page = "actualites/2023-11-21-liste-dynamique.md"
    assert [w.split(": ", 2)[:2] for w in warnings] == [["mkdocs_numeco", f"{page}:{line}"] for line in (10, 16, 20)]
    assert "{% set saison" in warnings[0] and "{% for episode" in warnings[1] and "{% include" in warnings[2]
    comments = site.content(url("2023-11-21-liste-dynamique")).find_all(
        string=lambda s: s.__class__.__name__ == "Comment"
    )
    assert any("include" in c for c in comments), "the unsupported logic is kept as an HTML comment"


def test_upgrade_can_be_switched_off(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"numeco": {"upgrade_iframes": False}}]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    built = build_site(tmp_path / "mkdocs.yml")
    article = built.content(url("2024-06-12-conference-vimeo"))
    assert article.select("div.numeco-video") == []
    assert article.select_one("iframe")["src"] == "https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0"


def test_a_podcast_is_no_video_object(site: Built) -> None:
    def types(stem: str) -> list[str]:
        scripts = site.soup(url(stem)).select("script[type='application/ld+json']")
        return [json.loads(s.string)["@type"] for s in scripts]

    assert types("2024-10-02-podcast-reemploi") == ["PodcastEpisode"]  # issue 15: an Acast post
    assert types("2024-09-20-webinaire-peertube") == ["VideoObject"]


# Material's own markup, and an author's iframe written with `width="100%"` (kept as written with upgrade_iframes: false).
_NOT_OURS = (
    "autocomplete",
    "autocorrect",
    "“for” attribute of the “label”",
    "Bad value “100%” for attribute “width” on element “iframe”",
)


@pytest.mark.needs("java", "vnu")
def test_converted_pages_are_valid_html(site: Built) -> None:
    pages = sorted(str(p) for p in (site.site_dir / "actualites").glob("*/index.html"))
    done = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [m for m in json.loads(done.stderr or '{"messages": []}')["messages"] if m.get("type") == "error"]
    ours = [
        f"{m['url']}:{m.get('lastLine')}: {m['message']}"
        for m in errors
        if not any(n in m["message"] for n in _NOT_OURS)
    ]
    assert ours == []

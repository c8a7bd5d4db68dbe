"""DSFR cards and their import: handlers/cards.py."""

from __future__ import annotations

from shortcode_snippets import listed, run, soup

CARD = '{{ component("card", {title: "Guide", url: "https://example.org/guide"}) }}'
IMPORT = '{% from "components/component.njk" import component %}'


def test_a_card_becomes_a_material_grid() -> None:
    result = run(CARD)
    grid = '<div class="grid cards numeco-cards" markdown>\n\n-   **[Guide](<https://example.org/guide>)**\n\n</div>'
    assert result.markdown == f"\n\n{grid}\n\n"
    assert listed(result) == [("cards", "1 card", "converted")]


def test_a_grid_row_counts_its_cards_and_keeps_the_good_ones() -> None:
    text = (
        '<div class="fr-grid-row">\n<div class="fr-col">' + CARD + "</div>\n"
        '<div class="fr-col">{{ component("tile", {title: "X"}) }}</div>\n</div>'
    )
    result = run(text)
    assert "Guide" in soup(result.markdown).get_text()
    assert ["component 'tile' is not supported" in p.message for p in result.problems] == [True]
    assert listed(result) == [("cards", "2 cards", "unsupported")]  # one of them is left out


def test_a_card_without_title_is_left_out_with_a_warning() -> None:
    result = run('{{ component("card", {url: "https://example.org/"}) }}')
    assert result.markdown.startswith("<!-- ")
    assert ["has no title" in p.message for p in result.problems] == [True]
    assert listed(result) == [("cards", "1 card", "unsupported")]


def test_the_card_import_is_converted_away_without_a_warning() -> None:
    result = run(IMPORT + "\n\n" + CARD)
    assert result.problems == []
    assert listed(result)[0] == ("logic", "from", "converted")


def test_any_other_from_is_nunjucks_that_cant_run() -> None:
    result = run('{% from "macros.njk" import bouton %}')
    assert ["macros can't run here" in p.message for p in result.problems] == [True]
    assert listed(result) == [("logic", "from", "unsupported")]
    assert listed(run('{% from "macros.njk" import bouton %}', keep_templates=True)) == [("logic", "from", "kept")]

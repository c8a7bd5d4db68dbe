"""`:::` container lines: handlers/container.py."""

from __future__ import annotations

from shortcode_snippets import listed, run, soup


def test_a_known_container_becomes_an_admonition_listed_once() -> None:
    result = run("::: info Bon à savoir\nTexte.\n:::")
    box = soup(result.markdown).select_one("div.admonition.info")
    assert box is not None and box.select_one(".admonition-title").get_text() == "Bon à savoir"
    assert listed(result) == [("container", "info", "converted")]  # the closing line is listed with it
    assert result.problems == []


def test_an_unknown_container_shows_its_text_and_leaves_its_lines_out() -> None:
    result = run("::: note\nTexte.\n:::")
    assert result.markdown == "<!-- ::: note -->\nTexte.\n<!-- ::: -->"
    assert ["container 'note' is not supported" in p.message for p in result.problems] == [True]
    assert listed(result) == [("container", "note", "unsupported")]


def test_lines_that_pair_with_nothing_are_left_out_with_a_warning() -> None:
    result = run("::: info\nTexte.")
    assert ["is never closed" in p.message for p in result.problems] == [True]
    assert listed(result) == [("container", "info", "unsupported")]
    result = run("Texte.\n:::")
    assert ["closes no container" in p.message for p in result.problems] == [True]
    assert listed(result) == [("container", "end", "unsupported")]


def test_mkdocstrings_lines_are_left_for_their_plugin() -> None:
    result = run("::: package.module")
    assert result.markdown == "::: package.module"
    assert result.problems == []

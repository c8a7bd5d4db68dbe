"""Labels: plural forms from Babel's CLDR rules, overrides checked, a language added as one entry."""

from __future__ import annotations

from datetime import date

import markdown
import pytest

from mkdocs_numeco.core import labels
from mkdocs_numeco.core.labels import DEFAULT_LABELS, label_problem, locale_of, plural_category, text_of
from mkdocs_numeco.core.render import Renderer


@pytest.mark.parametrize(
    ("language", "count", "category"),
    [("fr", 0, "one"), ("fr", 1, "one"), ("fr", 2, "other"), ("en", 0, "other"), ("en", 1, "one")]
    + [("pl", 1, "one"), ("pl", 3, "few"), ("pl", 5, "many"), ("pl", 22, "few"), ("xx", 1, "one")],
)
def test_plural_categories_come_from_cldr(language: str, count: int, category: str) -> None:
    assert plural_category(language, count) == category


def test_every_default_label_is_valid_and_plural_labels_match_across_languages() -> None:
    for language, texts in DEFAULT_LABELS.items():
        assert set(texts) == set(DEFAULT_LABELS["en"]), language
        for key, value in texts.items():
            assert label_problem(key, value) is None, (language, key)


@pytest.mark.parametrize(("count", "text"), [(0, "0 publication"), (1, "1 publication"), (2, "2 publications")])
def test_french_counts(count: int, text: str) -> None:
    assert Renderer(labels.resolve_labels("fr", {}), "fr").label("post_count", count=count) == text


def test_a_missing_form_falls_back_to_other() -> None:
    assert text_of({"one": "{count} épisode", "other": "{count} épisodes"}, "fr", count=1_000_000) == "1000000 épisodes"


def test_adding_a_language_is_adding_its_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    polish = dict(DEFAULT_LABELS["en"])
    polish["post_count"] = {"one": "{count} wpis", "few": "{count} wpisy", "many": "{count} wpisów", "other": "-"}
    monkeypatch.setitem(DEFAULT_LABELS, "pl", polish)
    assert labels.language_of("pl_PL") == "pl"
    renderer = Renderer(labels.resolve_labels("pl", {}), locale_of("pl-PL"))
    assert [renderer.label("post_count", count=n) for n in (1, 2, 5)] == ["1 wpis", "2 wpisy", "5 wpisów"]
    assert renderer.long_date(date(2025, 4, 1)) == "1 kwietnia 2025"


@pytest.mark.parametrize(
    ("value", "locale"), [("fr-CA", "fr_CA"), ("pl", "pl"), ("", "en"), (None, "en"), ("not a language", "en")]
)
def test_dates_and_plural_rules_follow_the_site_language(value: object, locale: str) -> None:
    assert locale_of(value) == locale


def test_the_markdown_extension_takes_plural_overrides() -> None:
    forms = {"one": "{count} article", "other": "{count} articles"}
    html = markdown.markdown(
        "Texte", extensions=["numeco"], extension_configs={"numeco": {"labels": {"post_count": forms}}}
    )
    assert html == "<p>Texte</p>"
    with pytest.raises(ValueError, match="needs the plural form 'other'"):
        markdown.markdown("x", extensions=["numeco"], extension_configs={"numeco": {"labels": {"post_count": {}}}})

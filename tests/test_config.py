"""Options are checked when the configuration loads: MkDocs names the option, before any page is read."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitebuild import build_site, write_site

from mkdocs_numeco.core.patterns import pattern_problem


def _config_errors(path: Path) -> list[str]:
    """The errors MkDocs logs while loading `path`; load_config must refuse it."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            load_config(config_file=str(path))
    finally:
        logger.removeHandler(handler)
    return [r.getMessage() for r in records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"listing": {"per_page": 0}},
            "Plugin 'numeco' option 'listing': Sub-option 'per_page': Expected a whole number of at least 1, got 0",
        ),
        (
            {"tags": {"per_page": -3}},
            "Plugin 'numeco' option 'tags': Sub-option 'per_page': Expected a whole number of at least 1, got -3",
        ),
        (
            {"tags": {"per_page": True}},
            "Plugin 'numeco' option 'tags': Sub-option 'per_page': Expected a whole number, got True",
        ),
        (
            {"feeds": {"limit": -1}},
            "Plugin 'numeco' option 'feeds': Sub-option 'limit': Expected a whole number of at least 0, got -1",
        ),
        ({"labels": {"nope": "x"}}, "Plugin 'numeco' option 'labels': unknown label 'nope'; known labels: accordion,"),
        (
            {"labels": {"play": "Lire {video}"}},
            "Plugin 'numeco' option 'labels': label 'play' uses an unknown or broken placeholder ('video')",
        ),
        (
            {"labels": {"post_count": {"one": "{count} article"}}},
            "Plugin 'numeco' option 'labels': label 'post_count' needs the plural form 'other'",
        ),
        (
            {"labels": {"post_count": {"un": "{count} article", "other": "{count} articles"}}},
            "Plugin 'numeco' option 'labels': label 'post_count': unknown plural form 'un'; plural forms are zero,",
        ),
        (
            {"labels": {"post_count": {"one": "{total} article", "other": "{count} articles"}}},
            "Plugin 'numeco' option 'labels': label 'post_count' uses an unknown or broken placeholder ('total')",
        ),
        (
            {"labels": {"post_count": {"one": ["{count}"], "other": "{count} articles"}}},
            "Plugin 'numeco' option 'labels': label 'post_count': the plural form 'one' must be text, not ['{count}']",
        ),
        (
            {"labels": {"expand": {"one": "Agrandir", "other": "Agrandir"}}},
            "Plugin 'numeco' option 'labels': label 'expand' has no plural forms: write it as text",
        ),
        (
            {"labels": {"post_count": ["{count} article"]}},
            (
                "Plugin 'numeco' option 'labels': label 'post_count' must be text or plural forms such as"
                " {one: '{count} …', other: '{count} …'}, not ['{count} article']"
            ),
        ),
        (
            {"labels": {"expand": 3}},
            "Plugin 'numeco' option 'labels': label 'expand' must be text, not 3",
        ),
        (
            {"permalink": "actualites/{titre}/"},
            "Plugin 'numeco' option 'permalink': 'actualites/{titre}/' uses unknown field(s) titre; known: day, month, slug, year",
        ),
        (
            {"permalink": "actualites/{year}/"},
            "Plugin 'numeco' option 'permalink': 'actualites/{year}/' must contain {slug}, or every page would share one URL",
        ),
        (
            {"permalink": "actualites/{slug/"},
            "Plugin 'numeco' option 'permalink': 'actualites/{slug/' is not a valid pattern",
        ),
        (
            {"redirect_from": ["old/{}/"]},
            "Plugin 'numeco' option 'redirect_from': 'old/{}/' has an empty field '{}'; name it, as in {slug}",
        ),
        (
            {"embed": "autoplay"},
            "Plugin 'numeco' option 'embed': Expected one of: ('facade', 'iframe') but received: 'autoplay'",
        ),
    ],
)
def test_a_bad_option_is_a_configuration_error_naming_it(tmp_path: Path, options: dict, expected: str) -> None:
    path = write_site(tmp_path, {"index.md": "# Accueil\n"}, plugin=options)
    errors = _config_errors(path)
    assert len(errors) == 1
    assert errors[0].startswith(f"Config value 'plugins': {expected}")


@pytest.mark.parametrize(
    ("pattern", "ok"),
    [
        ("actualites/{slug}/", True),
        ("{year}/{month}/{day}/{slug}.html", True),
        ("{slug}", True),
        ("actualites/", False),
        ("a/{slug}/{n}/", False),
        ("a/{slug", False),
        ("a/}{slug}", False),
    ],
)
def test_permalink_patterns(pattern: str, ok: bool) -> None:
    problem = pattern_problem(pattern, ("slug", "year", "month", "day"), ("slug",))
    assert (problem is None) is ok, problem


def test_good_options_load(tmp_path: Path) -> None:
    options = {"listing": {"per_page": 1}, "feeds": {"limit": 0}, "labels": {"play": "Voir : {title}"}}
    path = write_site(tmp_path, {"index.md": "# Accueil\n"}, plugin=options)
    config = load_config(config_file=str(path))
    numeco = config.plugins["numeco"].config
    assert (numeco.listing.per_page, numeco.feeds.limit, numeco.labels["play"]) == (1, 0, "Voir : {title}")


@pytest.mark.parametrize(("value", "active"), [("true", True), ("false", False)])
def test_enabled_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, active: bool
) -> None:
    """MkDocs' generic `enabled` option, read from the environment with `!ENV`, turns the plugin off."""
    write_site(tmp_path, {"index.md": '# Accueil\n\n{% youtube "dQw4w9WgXcQ" %}\n'})
    config_path = tmp_path / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8").replace(
        "- numeco: {}", "- numeco:\n    enabled: !ENV [NUMECO_ENABLED, true]"
    )
    assert "NUMECO_ENABLED" in text
    config_path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("NUMECO_ENABLED", value)
    built = build_site(config_path)
    players = built.content("").select(".numeco-video")
    assert len(players) == (1 if active else 0)
    assert ("numeco" in load_config(config_file=str(config_path)).plugins) is active

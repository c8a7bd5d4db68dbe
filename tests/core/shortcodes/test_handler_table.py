"""The dispatch table: every token the scanner yields reaches one handler, chosen by tag name or kind."""

from __future__ import annotations

import dataclasses

import pytest

from mkdocs_numeco.core.shortcodes.handlers import BY_KIND, BY_TAG, cards, handler_for, nunjucks, transcript, video
from mkdocs_numeco.core.shortcodes.handlers.base import Outcome
from mkdocs_numeco.core.shortcodes.scanner import scan

EVERY_KIND = (
    '{% youtube "dQw4w9WgXcQ" %} {{ title }} {# note #}\n\n'
    '{{ component("card", {title: "T"}) }}\n\n'
    '<div class="fr-grid-row"><div class="fr-col">{{ component("card", {title: "T"}) }}</div></div>\n\n'
    '<iframe src="https://example.org/"></iframe>\n\n'
    "::: info\n\n:::\n\n`{{ code }}`"
)


def test_every_kind_the_scanner_yields_has_a_handler() -> None:
    kinds = {token.kind for token in scan(EVERY_KIND, code=True)}
    assert kinds == {"tag", "expr", "comment", "component", "grid", "iframe", "container", "code"}
    assert kinds - {"tag"} <= set(BY_KIND)


@pytest.mark.parametrize(
    ("source", "handler"),
    [
        ('{% youtube "x" %}', video.video),
        ('{% vimeo "1" %}', video.video),
        ('{% transcription "A" %}', transcript.opening),
        ("{% endtranscription %}", transcript.closing),
        ('{% from "components/component.njk" import component %}', cards.card_import),
        ('{% include "x.njk" %}', nunjucks.tag),
        ("{% if a %}", nunjucks.tag),
        ("{{ a }}", nunjucks.expression),
    ],
)
def test_tags_are_dispatched_by_name_other_tokens_by_kind(source: str, handler: object) -> None:
    (token,) = scan(source)
    assert handler_for(token) is handler


def test_the_providers_and_transcript_tags_are_the_table_s_tag_names() -> None:
    assert set(BY_TAG) == {"youtube", "dailymotion", "vimeo", "transcription", "endtranscription", "from", "posts"}


def test_an_outcome_is_immutable() -> None:
    outcome = Outcome("x", "converted")
    with pytest.raises(dataclasses.FrozenInstanceError):
        outcome.text = "y"  # type: ignore[misc]
    assert outcome.name is None  # the check command then uses the token's own name

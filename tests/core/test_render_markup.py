"""`Renderer.markup` renders a template exactly as Jinja's `Template.render` does, packaged or overridden:
globals, `{% from %}` imports, `{% include %}`, macros and errors included."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import UndefinedError

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.render import OVERRIDES, Renderer

LABELS = resolve_labels("fr", {})
PROVIDER = SimpleNamespace(name="youtube", label="YouTube", kind="video")
VIDEO = SimpleNamespace(
    dom_id="numeco-video-1", provider=PROVIDER, video_id="abc", embed_url="https://e/abc", watch_url="https://w/abc",
    style="", title="T <b>",
)  # fmt: skip
PICTURE = {
    "src": "p.png", "width": 640, "height": 360, "sizes": "100vw",
    "sources": [{"type": "image/avif", "srcset": "p.avif 640w"}, {"type": "image/webp", "srcset": "p.webp 640w"}],
}  # fmt: skip
FACADE = {
    "video": VIDEO, "labels": LABELS, "poster": "p.png", "poster_alt": "<alt>", "consent_host": "e",
    "remember": "r {{ x }}", "lazy": True, "player_title": "t", "play": "p", "watch_on": "w",
}  # fmt: skip
CALLS = [
    ("facade.html", {**FACADE, "picture": PICTURE}),
    ("facade.html", {**FACADE, "picture": None}),
    ("facade.html", {**FACADE, "picture": None, "poster": None, "consent_host": ""}),
    ("transcript_open.html", {"dom_id": "d", "speaker": "S", "summary": "<s>", "labels": LABELS, "kind": "k", "is_open": True}),
    ("transcript_link.html", {"target_id": "numeco-transcript-1", "labels": LABELS}),
    ("transcript_close.html", {}),
]  # fmt: skip


def reference(renderer: Renderer, name: str, values: dict[str, object]) -> str:
    return renderer.markup_env.get_template(name).render(**values).strip()


def test_packaged_markup_as_jinja_renders_it() -> None:
    renderer = Renderer(LABELS, "fr")
    for name, values in CALLS:
        assert renderer.markup(name, **values) == reference(renderer, name, values), name


def test_an_override_with_globals_imports_includes_and_macros(tmp_path: Path) -> None:
    folder = tmp_path / OVERRIDES
    folder.mkdir()
    (folder / "facade.html").write_text(
        '{% from "_picture.html" import picture as pic %}{% import "_picture.html" as all %}'
        '{% macro mine(x) %}<i>{{ x }}</i>{% endmacro %}'
        '<p data-n="{{ range(3) | list | length }}">{{ t("play", title=video.title, provider="P") }}'
        '{{ label_around("transcript_of", "speaker")[0] }}{{ mine(video.title) }}{{ pic(picture, "a", "c") }}'
        '{{ all.picture(picture, "b", "d", false) }}</p>{% include "transcript_link.html" %}{{ target_id }}',
        encoding="utf-8",
    )  # fmt: skip
    renderer = Renderer(LABELS, "fr", custom_dir=str(tmp_path))
    values = {**FACADE, "picture": PICTURE, "target_id": "numeco-transcript-2"}
    for _ in range(2):  # the first call prepares the template, the second reuses it
        assert renderer.markup("facade.html", **values) == reference(renderer, "facade.html", values)
    assert 'data-n="3"' in renderer.markup("facade.html", **values)


def test_an_override_error_is_raised_as_jinja_raises_it(tmp_path: Path) -> None:
    folder = tmp_path / OVERRIDES
    folder.mkdir()
    (folder / "seek.html").write_text("{{ stamp.seconds.missing.attribute }}", encoding="utf-8")
    renderer = Renderer(LABELS, "fr", custom_dir=str(tmp_path))
    with pytest.raises(UndefinedError):
        renderer.markup("seek.html", stamp=SimpleNamespace(seconds=3))

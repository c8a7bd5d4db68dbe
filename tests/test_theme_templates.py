"""`template:` in front matter is kept only when the theme has it: asked of the loader name by name,
it must answer as the listing of every template would (differential check on Material and on a custom_dir)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.theme import Theme

from mkdocs_numeco.adapter.site import theme_has_template


def _theme(tmp_path: Path) -> Theme:
    custom = tmp_path / "overrides"
    (custom / "sub").mkdir(parents=True)
    (custom / "mine.html").write_text("x")
    (custom / "sub" / "deep.html").write_text("x")
    return Theme(name="material", custom_dir=str(custom))


def test_every_listed_template_is_found(tmp_path: Path) -> None:
    env = _theme(tmp_path).get_env()
    listed = env.list_templates()
    assert "mine.html" in listed and "sub/deep.html" in listed and "main.html" in listed
    assert all(theme_has_template(env, name) for name in listed)


def test_names_outside_the_listing_are_not_found(tmp_path: Path) -> None:
    env = _theme(tmp_path).get_env()
    listed = set(env.list_templates())
    asked = [
        "missing.html",
        "",
        "sub",
        "sub/",
        "./main.html",
        "sub/../mine.html",
        "../mkdocs.yml",
        "/main.html",
        "main.html/",
        "sub//deep.html",
        "sub\\deep.html",
        "partials",
        "MAIN.html",
    ]
    for name in asked:
        assert theme_has_template(env, name) == (name in listed), name

"""The renderer's packaged macros made once per key (`REMEMBERED`): the same markup as the macro itself."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date
from jinja2 import UndefinedError

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.reading import Reading
from mkdocs_numeco.core.render import REMEMBERED, Renderer

READINGS = [None] + [
    Reading(minutes=m, video_minutes=v, transcript_minutes=t)
    for m, v, t in itertools.product((0, 1, 7), (None, 0, 3), (0, 2))
]


def _posts() -> list[Post]:
    return [
        Post(f"p{n}.md", f"p{n}/", f"Post {n}", draft=draft, pinned=pinned, reading=reading)
        for n, (draft, pinned, reading) in enumerate(itertools.product((False, True), (False, True), READINGS))
    ]


def test_remembered_macros_give_what_the_macros_give() -> None:
    """Every key, every argument the templates pass: the remembered markup is the macro's own."""
    labels = resolve_labels("fr", {})
    remembered, fresh = Renderer(labels, "fr"), Renderer(labels, "fr")
    calls = [((), {}), ((), {"full": False, "class": "numeco-item__reading numeco-reading"})]
    for file, (name, _) in REMEMBERED.items():
        mine = getattr(remembered.module(file), name)
        theirs = getattr(fresh.env.get_template(file).module, name)
        assert mine is not theirs
        for post in _posts() * 2:  # the second time from memory
            for args, kwargs in calls if name == "reading_time" else calls[:1]:
                assert mine(post, *args, **kwargs) == theirs(post, *args, **kwargs), (name, post)


def test_a_macro_the_site_overrides_is_called_for_each_post(tmp_path: Path) -> None:
    folder = tmp_path / "numeco"
    folder.mkdir()
    (folder / "_draft.html").write_text("{% macro draft_badge(post) %}<p>{{ post.title }}</p>{% endmacro %}")
    renderer = Renderer(resolve_labels("en", {}), "en", str(tmp_path))
    badge = renderer.module("_draft.html").draft_badge
    assert [str(badge(Post(f"{n}.md", f"{n}/", f"T{n}"))) for n in range(3)] == ["<p>T0</p>", "<p>T1</p>", "<p>T2</p>"]


@pytest.mark.parametrize("language", ["fr", "en", "pl", "de_CH", "ja", "ar"])
def test_long_dates_are_babels_long_format(language: str) -> None:
    """The locale's long pattern taken once gives what `format_date(day, "long")` gives, day by day."""
    renderer = Renderer(resolve_labels("en", {}), language)
    first = date(1999, 12, 25)
    for offset in range(0, 3000, 7):
        day = first + timedelta(days=offset)
        assert renderer.long_date(day) == format_date(day, format="long", locale=language)
    moment = datetime(2024, 2, 29, 23, 30, tzinfo=UTC)
    assert renderer.long_date(moment) == format_date(moment, format="long", locale=language)


def test_a_render_is_jinjas_own(tmp_path: Path) -> None:
    """`render` and `markup` make their context from the globals copied once: a site's template that includes,
    imports and calls the globals gives what Jinja's `Template.render` gives, and its errors name its lines."""
    folder = tmp_path / "numeco"
    folder.mkdir()
    (folder / "_part.html").write_text("[{{ t('series') }}|{{ post.title }}]")
    (folder / "_mine.html").write_text("{% macro mine(x) %}<i>{{ x }}</i>{% endmacro %}")
    page = (
        '{% from "_mine.html" import mine %}{% include "_part.html" %}{{ mine(post.title) }}'
        "{{ draft_badge(post) }}{{ reading_time(post) }}{{ label_around('published', 'date') | join('/') }}"
    )
    (folder / "series_box.html").write_text(page)
    (folder / "broken.html").write_text("line one\n{{ post.nothing.at_all }}")
    renderer = Renderer(resolve_labels("fr", {}), "fr", str(tmp_path))
    post = Post("a.md", "a/", "A <b>", draft=True, reading=Reading(minutes=3))
    for _ in range(2):
        made = renderer.render("series_box.html", post=post)
        assert made == renderer.env.get_template("series_box.html").render(post=post).strip()
        assert made.startswith("[Série|A &lt;b&gt;]<i>A &lt;b&gt;</i>")
    assert renderer.markup("_part.html", post=post) == "[Série|A &lt;b&gt;]"
    with pytest.raises(UndefinedError) as raised:
        renderer.render("broken.html", post=post)
    assert ("broken.html", 2) in [(Path(entry.path).name, entry.lineno + 1) for entry in raised.traceback]


@pytest.mark.parametrize(
    "source",
    [
        "{{ draft_badge(none) }}ok",  # not a post: no `draft` to read in Python, undefined for Jinja
        '{{ reading_time({"reading": none}) }}ok',  # a mapping
        '{{ reading_time(post, class=["a"]) }}ok',  # an argument that can't be a key
    ],
)
def test_a_site_template_may_call_the_remembered_macros_with_anything(tmp_path: Path, source: str) -> None:
    (tmp_path / "numeco").mkdir()
    (tmp_path / "numeco" / "post_tags.html").write_text(source, "utf-8")

    class NotAPost:
        reading = None
        draft = False

    rendered = Renderer({}, "en", custom_dir=str(tmp_path)).render("post_tags.html", tags=[], post=NotAPost())
    assert rendered == "ok"

"""The year archive's pure part (`core.archive`) and its planning in `core.listing` (the build: tests/test_archive.py)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from mkdocs_numeco.core import archive
from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.listing import Listing
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.render import Renderer


def _post(n: int, day: date | None) -> Post:
    return Post(f"posts/p{n}.md", f"posts/p{n}/", f"Post {n}", date=day)


def test_years_newest_first_with_their_posts_newest_first_and_undated_posts_left_out() -> None:
    posts = [_post(1, date(2024, 1, 1)), _post(2, date(2025, 5, 1)), _post(3, None), _post(4, date(2024, 9, 1))]
    found = archive.years(posts)
    assert [(year.name, [p.title for p in year.posts]) for year in found] == [
        ("2025", ["Post 2"]),
        ("2024", ["Post 4", "Post 1"]),
    ]
    assert archive.year_folder("/a/{year}/", found[0]) == "a/2025/"
    assert archive.Year(33, []).name == "0033"


@pytest.mark.parametrize(
    ("pattern", "index"),
    [("archive/{year}/", "archive/"), ("fr/annees/{year}/", "fr/annees/"), ("{year}/", ""), ("a/y{year}/", "a/")],
)
def test_the_index_is_the_folder_before_the_year(pattern: str, index: str) -> None:
    assert archive.index_folder(pattern) == index


def _listing(url: str, per_page: int = 1) -> Listing:
    options = SimpleNamespace(
        listing=SimpleNamespace(enabled=False, dir="posts", per_page=per_page),
        tags=SimpleNamespace(enabled=False),
        series=SimpleNamespace(enabled=False),
        archive=SimpleNamespace(enabled=True, url=url),
    )
    return Listing(options, Renderer(resolve_labels("fr", {}), "fr"))


def test_planning_pages_titles_nav_and_sections() -> None:
    listing = _listing("archive/{year}/")
    posts = [_post(1, date(2024, 1, 1)), _post(2, date(2024, 2, 1)), _post(3, date(2025, 1, 1))]
    assert listing.plan(posts, [], [], lambda post, key: "", None) == []
    planned = {uri: (page.title, page.in_nav, page.option) for uri, page in listing.planned.items()}
    assert planned == {
        "archive/2025/index.md": ("Publications de 2025", False, "archive.url"),
        "archive/2024/index.md": ("Publications de 2024", False, "archive.url"),
        "archive/2024/page/2/index.md": ("Publications de 2024 (Page 2 sur 2)", False, "archive.url"),
        "archive/index.md": ("Archives", True, "archive.url"),
    }
    assert listing.planned["archive/index.md"].data["years"] == [
        {"name": "2025", "datetime": "2025", "uri": "archive/2025/index.md", "count": 1},
        {"name": "2024", "datetime": "2024", "uri": "archive/2024/index.md", "count": 2},
    ]
    assert listing.sections == {"archive": "Archives"}


def test_a_pattern_the_configuration_would_refuse_is_a_warning_here() -> None:
    listing = _listing("archive/{slug}/")  # `generate` reads mkdocs.yml as written
    [warning] = listing.plan([_post(1, date(2024, 1, 1))], [], [], lambda post, key: "", None)
    assert warning.startswith("archive.url: 'archive/{slug}/' uses unknown field(s) slug")
    assert listing.planned == {}

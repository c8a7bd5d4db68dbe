"""`core.staleness`: which pages an edit made stale between two builds of one `mkdocs serve --dirty`."""

from __future__ import annotations

from datetime import date

from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.series import Series
from mkdocs_numeco.core.staleness import Snapshot, stale_pages


def _post(uri: str, title: str, series: str | None = None, day: int = 1) -> Post:
    return Post(src_uri=uri, url=uri.replace(".md", "/"), title=title, date=date(2025, 1, day), series=series)


def _snapshot(posts: list[Post], sources: dict[str, str] | None = None) -> Snapshot:
    by_name: dict[str, Series] = {}
    for post in posts:
        if post.series:
            by_name.setdefault(post.series, Series(post.series, post.series.lower())).posts.append(post)
    return Snapshot.of(posts, by_name.values(), sources or {p.src_uri: p.title for p in posts})


def _site(**titles: str) -> list[Post]:
    return [
        _post("a.md", titles.get("a", "A"), "S", 1),
        _post("b.md", titles.get("b", "B"), "S", 2),
        _post("c.md", titles.get("c", "C"), "S", 3),
        _post("x.md", titles.get("x", "X"), None, 4),
    ]


def test_nothing_changed_nothing_stale() -> None:
    assert stale_pages(_snapshot(_site()), _snapshot(_site()), {"index.md"}) == set()


def test_a_retitled_episode_makes_its_series_and_the_lists_stale() -> None:
    stale = stale_pages(_snapshot(_site()), _snapshot(_site(b="B2")), {"index.md"})
    assert stale == {"a.md", "b.md", "c.md", "index.md"}


def test_a_post_outside_series_makes_only_the_lists_stale() -> None:
    assert stale_pages(_snapshot(_site()), _snapshot(_site(x="X2")), {"index.md"}) == {"index.md"}


def test_leaving_a_series_makes_both_series_stale() -> None:
    after = _site()
    after[1].series = "T"
    assert stale_pages(_snapshot(_site()), _snapshot(after)) == {"a.md", "b.md", "c.md"}


def test_a_body_edit_makes_only_the_lists_stale() -> None:
    before = _snapshot(_site())
    now = _snapshot(_site(), {"a.md": "A", "b.md": "B, longer body", "c.md": "C", "x.md": "X"})
    assert stale_pages(before, now, {"index.md"}) == {"index.md"}
    assert stale_pages(before, now) == set()


def test_a_new_episode_makes_the_others_stale() -> None:
    now = [*_site(), _post("d.md", "D", "S", 5)]
    assert stale_pages(_snapshot(_site()), _snapshot(now)) == {"a.md", "b.md", "c.md", "d.md"}


def _long(title_of_10: str = "T10") -> list[Post]:
    return [_post(f"e{n:02d}.md", title_of_10 if n == 10 else f"T{n}", "L", n) for n in range(1, 31)]


def test_in_a_long_series_a_retitle_reaches_the_boxes_around_it() -> None:
    stale = stale_pages(_snapshot(_long()), _snapshot(_long("Dix")))
    assert stale == {f"e{n:02d}.md" for n in range(2, 19)}  # 8 either side: the farthest a window reaches


def test_an_overridden_series_box_makes_the_whole_series_stale() -> None:
    stale = stale_pages(_snapshot(_long()), _snapshot(_long("Dix")), reach=None)
    assert stale == {f"e{n:02d}.md" for n in range(1, 31)}


def test_in_a_long_series_a_reordering_makes_the_whole_series_stale() -> None:
    now = _long()
    now[9].date = date(2025, 1, 31)
    ordered = sorted(now, key=lambda post: post.date)
    stale = stale_pages(_snapshot(_long()), _snapshot(ordered))
    assert stale == {f"e{n:02d}.md" for n in range(1, 31)}

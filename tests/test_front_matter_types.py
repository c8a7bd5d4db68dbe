"""Front-matter values of unexpected types, odd headings and bad labels: reported, never a crash or a hole."""

from __future__ import annotations

import pytest
from sitebuild import build_site, post, write_site

from mkdocs_numeco.core.frontmatter import html_safe_meta, read
from mkdocs_numeco.core.posts import build_post


def _post(front_matter: str):
    return build_post("p.md", "p/", read(f"---\n{front_matter}\n---\nText.\n"), "Fallback")


@pytest.mark.parametrize(("value", "expected"), [(".inf", None), ("true", None), ("2.7", None), ("3.0", 3), ("'4'", 4)])
def test_series_order_must_be_a_whole_number(value: str, expected: int | None) -> None:
    result = _post(f"date: 2025-01-01\nseries: S\nseries_order: {value}")
    assert result.series_order == expected
    assert [p.line for p in result.problems] == ([] if expected is not None else [4])


@pytest.mark.parametrize("key", ["title", "description", "series"])
def test_a_list_where_text_is_expected_is_reported(key: str) -> None:
    result = _post(f"date: 2025-01-01\n{key}: [a, b]")
    assert [p.line for p in result.problems] == [3]
    assert key in result.problems[0].message
    assert result.title == "Fallback" if key == "title" else True
    assert "[" not in (result.series or "") and "[" not in result.description


def test_html_safe_meta_escapes_whatever_the_theme_prints() -> None:
    safe = html_safe_meta({"title": ["<img src=x onerror=alert(1)>"], "description": 5})
    assert "<" not in safe["title"] and safe["description"] == "5"


def test_hostile_list_title_on_a_plain_page_is_inert(tmp_path) -> None:
    pages = {"index.md": '---\ntitle: ["<img src=x onerror=alert(1)>"]\n---\n\nBonjour.\n'}
    built = build_site(write_site(tmp_path, pages))
    soup = built.soup("")
    assert soup.select("img[onerror]") == []
    assert not [el for el in soup.find_all(True) if any(a.startswith("on") for a in el.attrs)]


def test_a_heading_inside_the_post_does_not_take_the_header(tmp_path) -> None:
    body = "Intro.\n\n<!-- <h1 -->\n\n<h1>Plus bas</h1>\n\nSuite."
    pages = {"p.md": post("Titre", "2025-04-01", body), "q.md": post("Autre", "2025-04-02", "# Mon titre\n\nTexte.")}
    built = build_site(write_site(tmp_path, pages), strict=True)
    article = built.content("p/")
    first = article.find(True)
    assert first.name == "h1" and first.get_text() == "Titre"  # our title comes first
    assert first.find_next_sibling().get("class") == ["numeco-post-date"]
    own = built.content("q/")
    assert own.find(True).get_text() == "Mon titre"  # the author's leading title is kept, the date after it
    assert own.find(True).find_next_sibling().get("class") == ["numeco-post-date"]

"""Front-matter keys the theme reads (`template`, `hide`, `search`…) can't crash the build.

MkDocs and Material read them from page meta; a wrong shape or a template the theme
doesn't have ended the build in a traceback. Each is now left out with one warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from sitebuild import build_site, post, write_site

PREFIX = "mkdocs_numeco: "


@pytest.mark.parametrize(
    ("extra", "warning"),
    [
        ({"template": "nope.html"}, "template 'nope.html' is not the file name of a template of the theme"),
        ({"template": "../mkdocs.yml"}, "template '../mkdocs.yml' is not the file name of a template of the theme"),
        ({"template": 5}, "template 5 is not the file name of a template of the theme"),
        ({"hide": 5}, "hide 5 is not a list of navigation, toc, footer, path or tags"),
        ({"hide": [1]}, "hide [1] is not a list of navigation, toc, footer, path or tags"),
        ({"search": 5}, "search 5 is not a mapping"),
        ({"search": [1]}, "search [1] is not a mapping"),
        ({"status": ["new"]}, "status ['new'] is not one word"),
    ],
)
@pytest.mark.parametrize("is_post", [True, False])
def test_a_theme_key_of_the_wrong_shape_is_left_out_with_a_warning(
    tmp_path: Path, extra: dict, warning: str, is_post: bool
) -> None:
    page = post("Titre", "2025-01-01", "Texte gardé.", **extra)
    if not is_post:
        page = page.replace("date: '2025-01-01'\n", "")
    built = build_site(write_site(tmp_path, {"p.md": page, "q.md": post("Autre", "2025-01-02")}))
    messages = [m.removeprefix(PREFIX) for m in built.messages()]
    line = 5 if is_post else 4  # after layout, title (and date)
    assert len(messages) == 1 and messages[0].startswith(f"p.md:{line}: {warning}"), messages
    assert messages[0].endswith(": it was ignored")
    assert built.content("p/").find("p", string="Texte gardé.") is not None
    with pytest.raises(Abort):
        build_site(write_site(tmp_path / "strict", {"p.md": page}), strict=True)


def test_theme_keys_of_the_right_shape_still_work(tmp_path: Path) -> None:
    page = post("Titre", "2025-01-01", "Texte.", template="main.html", hide=["toc"], search={"exclude": True})
    built = build_site(write_site(tmp_path, {"p.md": page}), strict=True)
    assert built.soup("p/").select_one(".md-sidebar--secondary").has_attr("hidden")  # hide: [toc] still works


@pytest.mark.parametrize("value", [5, ["a", "b"], {"a": 1}])
def test_a_permalink_that_is_not_text_is_warned_and_the_post_keeps_its_url(tmp_path: Path, value: object) -> None:
    built = build_site(write_site(tmp_path, {"p.md": post("Titre", "2025-01-01", "Texte.", permalink=value)}))
    messages = [m.removeprefix(PREFIX) for m in built.messages()]
    assert len(messages) == 1 and messages[0].startswith("p.md:5: permalink "), messages
    assert "is not a path: write it as text" in messages[0]
    assert built.content("p/").find("p", string="Texte.") is not None

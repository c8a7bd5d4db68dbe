"""Authors as in Material's blog (`.authors.yml` + `authors:` / `author:`), through real builds."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import build_site, post, write_site

AUTHORS = """
authors:
  jdupont:
    name: Jeanne Dupont
    description: Rédactrice
    avatar: images/jd.png
    url: https://example.org/jeanne
  squidfunk:
    name: Martin Donath
    avatar: https://avatars.githubusercontent.com/u/932156
    url: javascript:alert(1)
"""
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    + "1f15c489"
    + "0000000a49444154789c6300010000050001"
    + "0d0a2db4"
    + "0000000049454e44ae426082"
)


def _pages(**front) -> dict:
    return {
        "index.md": "# Accueil\n",
        ".authors.yml": AUTHORS,
        "images/jd.png": PNG,
        "posts/a.md": post("Deux autrices", "2025-01-02", authors=["jdupont", "squidfunk"], **front),
        "posts/b.md": post("Un nom", "2025-01-01", author="Paul Martin"),
        "posts/c.md": post("Inconnue", "2024-12-31", authors=["personne"]),
    }


def _names(element) -> list[str]:
    return [span.get_text() for span in element.select(".numeco-author__name")]


def test_post_shows_its_authors_with_local_avatar_and_allowed_link(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages()))
    content = built.content("posts/a/")
    line = content.select_one("p.numeco-authors")
    assert line.get_text(" ", strip=True).startswith("Par")
    assert _names(line) == ["Jeanne Dupont", "Martin Donath"]
    jeanne, martin = line.select(".numeco-author")
    assert jeanne.select_one("a.numeco-author__name")["href"] == "https://example.org/jeanne"
    assert jeanne.select_one(".numeco-author__description").get_text() == "(Rédactrice)"
    avatar = jeanne.select_one("img.numeco-author__avatar")
    assert avatar["src"] == "../../images/jd.png" and avatar["loading"] == "lazy" and avatar["alt"] == ""
    # A remote avatar is never loaded; a javascript: URL is refused, with a warning, and not linked.
    assert martin.select_one("img") is None and martin.select_one("a") is None
    assert not any("githubusercontent" in img.get("src", "") for img in built.soup("posts/a/").select("img"))
    assert any(".authors.yml:1: " in m and "squidfunk" in m and "refused" in m for m in built.messages())
    # After the date line (and the reading time), before the text.
    assert line in content.select_one(".numeco-post-date").find_next_siblings("p")
    assert line.find_next_sibling("p").get_text() == "Texte."


def test_cards_show_the_authors_names(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages()))
    cards = {c.select_one(".numeco-item__title").get_text(): c for c in built.content("posts/").select(".numeco-item")}
    assert _names(cards["Deux autrices"]) == ["Jeanne Dupont", "Martin Donath"]
    assert cards["Deux autrices"].select_one(".numeco-author__description") is None
    assert _names(cards["Un nom"]) == ["Paul Martin"]


def test_an_unknown_author_id_is_a_warning_and_shown_as_text(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages()))
    assert _names(built.content("posts/c/")) == ["personne"]
    warnings = [m for m in built.messages() if "personne" in m]
    assert len(warnings) == 1 and "posts/c.md:5: " in warnings[0], warnings
    # `author:` written out as a name (Eleventy) is not a mistake.
    assert not any("Paul Martin" in m for m in built.messages())


def test_authors_go_into_json_ld_and_feeds(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages()))
    scripts = built.soup("posts/a/").select('script[type="application/ld+json"]')
    data = [json.loads(s.string) for s in scripts]
    posting = next(d for d in data if "headline" in d)
    assert posting["author"] == [
        {"@type": "Person", "name": "Jeanne Dupont", "url": "https://example.org/jeanne"},
        {"@type": "Person", "name": "Martin Donath"},
    ]
    atom = BeautifulSoup((built.site_dir / "feed.xml").read_text(encoding="utf-8"), "xml")
    entry = next(e for e in atom.find_all("entry") if e.find("title").get_text() == "Deux autrices")
    assert [a.find("name").get_text() for a in entry.find_all("author")] == ["Jeanne Dupont", "Martin Donath"]
    items = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"]
    item = next(i for i in items if i["title"] == "Un nom")
    assert item["authors"] == [{"name": "Paul Martin"}]


def test_a_malformed_authors_file_is_one_warning_not_a_crash(tmp_path: Path) -> None:
    pages = _pages()
    pages[".authors.yml"] = "authors:\n  jdupont: [name: x\n"
    built = build_site(write_site(tmp_path, pages))
    found = [m for m in built.messages() if ".authors.yml:" in m]
    assert len(found) == 1, found
    assert _names(built.content("posts/a/")) == ["jdupont", "squidfunk"]


def test_a_yaml_bomb_in_the_authors_file_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    pages = _pages()
    pages[".authors.yml"] = bomb
    built = build_site(write_site(tmp_path, pages))
    assert [m for m in built.messages() if ".authors.yml:" in m]
    assert _names(built.content("posts/a/")) == ["jdupont", "squidfunk"]

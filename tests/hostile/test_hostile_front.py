"""Hostile front matter, text and dates (issue 12, items 3, 6 and 9).

Table tests of the pure parts (front-matter blocks, YAML bounds, control characters, dates), then
one small site per attack of `pages_front.ATTACKS`: the exact warnings at `file:line`, no traceback,
nothing written outside `site_dir`, `--strict` fails; and what each attack must not break (feeds
that parse, the body text kept, the time of day in feeds).

The YAML bombs are read and built in a child process limited in memory and time: if the bounds ever
regress, the test fails instead of eating the machine.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from mkdocs.exceptions import Abort
from pages_front import ATTACKS, CONTROLS, PAGES, POSTER, WARNINGS, attack_path
from sitebuild import Built, build_site, post, run_bounded, write_site

from mkdocs_numeco.core import feeds, filedates, frontmatter
from mkdocs_numeco.core.ordering import newest_first
from mkdocs_numeco.core.posts import UNSAFE_CHARACTERS, Post, build_post, without_unsafe_characters

PREFIX = "mkdocs_numeco: "
ATOM = "{http://www.w3.org/2005/Atom}"
BOUNDED = ("alias-bomb", "alias-loop", "deep-nesting")  # built in a child process


def read_bounded(source: str) -> dict[str, Any]:
    return run_bounded(
        "import json\nfrom mkdocs_numeco.core import frontmatter\n"
        "front = frontmatter.read(sys.stdin.read())\n"
        "print(json.dumps({'keys': sorted(front.data), 'problems': [[p.line, p.message] for p in front.problems]}))",
        source,
    )


# -- front-matter blocks, as a table ----------------------------------------------------------------


def _lol(levels: int, width: int = 9) -> str:
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]" for n in range(1, levels + 1)]
    return "\n".join(lines)


ONE_LINE_BOMB = "x: [&a [1,1,1,1,1,1,1,1,1,1], " + ", ".join(
    f"&{b} [{', '.join([f'*{a}'] * 10)}]" for a, b in zip("abcdefg", "bcdefgh")
)


@pytest.mark.parametrize(
    ("block", "keys", "problems"),
    [
        (f"title: T\n{_lol(9)}\ntags: *l9\n", ["l0", "title"], [(7, "its aliases (*l3) would make it more")]),
        (f"title: T\n{ONE_LINE_BOMB}]\n", ["title"], [(3, "its aliases (*d) would make it more")]),
        ("title: T\nx: &a [1, *a]\n", ["title"], [(3, "the alias *a is inside the value it names")]),
        ("title: T\nx: &a {k: *a}\n", ["title"], [(3, "the alias *a is inside the value it names")]),
        (
            "title: T\nx: " + "[" * 200_000 + "]" * 200_000 + "\n",
            ["title"],
            [(3, "it nests collections more than 64 levels deep")],
        ),
        (
            "title: T\nx: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
            ["title"],
            [(3, "it nests collections more than 64 levels deep")],
        ),
        ("title: T\nx:\n" + "- " * 10_000 + "a\n", ["title"], [(4, "it nests collections more than 64 levels deep")]),
    ],
    ids=["billion-laughs", "one-line-bomb", "loop", "mapping-loop", "deep-flow", "deep-mappings", "deep-block"],
)
def test_yaml_bombs_and_deep_nests_are_refused_quickly_with_the_line(
    block: str, keys: list[str], problems: list[tuple[int, str]]
) -> None:
    result = read_bounded(f"---\n{block}---\n\nTexte.\n")
    assert result["keys"] == keys
    assert [line for line, _ in result["problems"]] == [line for line, _ in problems]
    for (_, message), (_, reason) in zip(result["problems"], problems, strict=True):
        assert message.startswith(f"front matter can't be read as YAML ({reason}")


def test_aliases_within_the_bound_still_work() -> None:
    front = frontmatter.read(f"---\nx: &x {{a: 1}}\ny: *x\nz: [*x, *x]\n{_lol(3)}\n---\n")
    assert front.problems == []
    assert front.data["y"] == {"a": 1} and front.data["z"] == [{"a": 1}, {"a": 1}]
    assert len(front.data["l3"]) == 9 and front.data["l3"][0][0][0] == ["lol"] * 9


@pytest.mark.parametrize(
    ("source", "data", "body_line", "problems"),
    [
        # an empty block ends at the first `---`: what follows is body text
        ("---\n---\n\nA\n\n---\n\nB\n", {}, 3, []),
        ("---\n---\n", {}, 3, []),
        ("--- \n...\nA\n", {}, 3, []),
        ("---\ntitle: T\n---\nA\n---\nB\n", {"title": "T"}, 4, []),
        ("---yaml\ntitle: T\n---\nA\n", {"title": "T"}, 4, []),
        # JSON, as Eleventy reads `---json`
        ('---json\n{"title": "T",\n "tags": ["a"]}\n---\nA\n', {"title": "T", "tags": ["a"]}, 5, []),
        ("---json\n{}\n---\nA\n", {}, 4, []),
        ("---json\n---\nA\n", {}, 3, []),
        (
            '---json\n{"title": "T",\n "date": "2025-01-01" "x"}\n---\n',
            {"title": "T", "date": "2025-01-01"},
            5,
            [
                (
                    3,
                    "front matter can't be read as JSON (Expecting ',' or '}'); kept the keys before it (date, title): fix the JSON syntax",
                )
            ],
        ),
        (
            '---json\n["title"]\n---\n',
            {},
            4,
            [
                (
                    2,
                    "front matter can't be read as JSON (the front matter is not a JSON object); kept the keys before it (nothing): fix the JSON syntax",
                )
            ],
        ),
        (
            '---json\n{"a": 1}}\n---\n',
            {"a": 1},
            4,
            [
                (
                    2,
                    "front matter can't be read as JSON (text after the closing }); kept the keys before it (a): fix the JSON syntax",
                )
            ],
        ),
        (
            '---json\n{"a": ' + "[" * 100_000 + "\n---\n",
            {},
            4,
            [
                (
                    2,
                    "front matter can't be read as JSON (it nests too deep); kept the keys before it (nothing): fix the JSON syntax",
                )
            ],
        ),
        (
            '---json\n{"title": "a\\ud800b"}\n---\n',
            {"title": "ab"},
            4,
            [
                (
                    2,
                    "front matter key 'title' has a lone surrogate escape (\\ud800 to \\udfff), which no page can carry: it was removed; write the character itself",
                )
            ],
        ),
        (
            '---json\n{"title": "A",\n "title": "B"}\n---\n',
            {"title": "B"},
            5,
            [(3, "front matter key 'title' appears twice (lines 2 and 3): the value on line 3 is used; keep only one")],
        ),
        # duplicate YAML keys: the last wins, as in PyYAML and MkDocs, with a warning
        (
            "---\ntitle: A\ndate: 2025-01-01\ntitle: B\n---\n",
            {"title": "B", "date": "2025-01-01"},
            6,
            [(4, "front matter key 'title' appears twice (lines 2 and 4): the value on line 4 is used; keep only one")],
        ),
        # not YAML nor JSON: never run
        (
            "---js\nmodule.exports = {}\n---\nA\n",
            {},
            4,
            [
                (
                    1,
                    "front matter in 'js' can't be read (only YAML and JSON can): the block is left out of the page; write it as YAML (---) or JSON (---json)",
                )
            ],
        ),
        # a value PyYAML can't build is a reading problem, not a crash
        (
            "---\ntitle: T\nwhen: !!timestamp 2025-13-45\n---\n",
            {"title": "T"},
            5,
            [
                (
                    2,
                    "front matter can't be read as YAML (month must be in 1..12); kept the simple `key: value` lines (title): fix the YAML syntax",
                )
            ],
        ),
        # characters YAML can't read: removed on their line, the rest of the block is read
        (
            "---\ntitle: A\x0bB\ntags:\n  - c\x00\n---\n",
            {"title": "AB", "tags": ["c"]},
            6,
            [
                (
                    2,
                    "front matter key 'title' has characters that YAML and JSON can't read as text (U+000B): they were removed; delete them",
                ),
                (
                    4,
                    "this front matter line has characters that YAML and JSON can't read as text (U+0000): they were removed; delete them",
                ),
            ],
        ),
    ],
)
def test_front_matter_blocks(
    source: str, data: dict[str, Any], body_line: int, problems: list[tuple[int, str]]
) -> None:
    front = frontmatter.read(source)
    assert front.has_block
    assert front.data == data
    assert front.body_line == body_line
    assert [(p.line, p.message) for p in front.problems] == problems


def test_json_keys_have_their_lines() -> None:
    front = frontmatter.read(
        '---json\n{\n  "title": "T",\n  "tags": [\n    "a"\n  ],\n  "date": "2025-01-01"\n}\n---\n'
    )
    assert front.lines == {"title": 3, "tags": 4, "date": 7}


# -- control characters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cleaned", "shown"),
    [
        ("Titre", "Titre", ""),
        ("tab\tand\nnewline\rkept", "tab\tand\nnewline\rkept", ""),
        ("a\x00b", "ab", "U+0000"),
        ("a\x0bb\x0cc\x08d", "abcd", "U+0008, U+000B, U+000C"),
        ("\x1b[31mrouge", "[31mrouge", "U+001B"),
        ("del\x7f c1\x85\x9f", "del c1", "U+007F, U+0085, U+009F"),
        ("non\ufffe\uffff\ufdd0", "non", "U+FDD0, U+FFFE, U+FFFF"),
        ("plan\U0001fffe\U0010ffff", "plan", "U+1FFFE, U+10FFFF"),
        ("seul\ud800", "seul", "U+D800"),
        (CONTROLS, "", "U+0000, U+0008, U+000B, U+000C, U+001B, …"),
        ("é ü 😀 \u2028 \ufeff", "é ü 😀 \u2028 \ufeff", ""),
    ],
)
def test_unsafe_characters_are_removed_and_named(text: str, cleaned: str, shown: str) -> None:
    assert without_unsafe_characters(text) == (cleaned, shown)


def test_every_character_xml_refuses_is_unsafe() -> None:
    """What lxml refuses in a feed is exactly what XML 1.0 refuses; all of it must be unsafe."""
    for code in [*range(0x20), 0xFFFE, 0xFFFF, *range(0xD800, 0xE000, 0x80)]:
        character = chr(code)
        if character in "\t\n\r":
            continue
        assert UNSAFE_CHARACTERS.fullmatch(character), f"U+{code:04X}"
        with pytest.raises(ValueError):
            etree.Element("x").text = character


# -- dates, as a table --------------------------------------------------------------------------------


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("value", "moment"),
    [
        ("2025-01-01", datetime(2025, 1, 1, tzinfo=UTC)),
        ("2025-01-01 10:00:00.5 -5", datetime(2025, 1, 1, 10, 0, 0, 500000, tzinfo=tz(-5))),
        ("2025-01-01T10:00:00Z", datetime(2025, 1, 1, 10, tzinfo=UTC)),
        ("2025-01-01T10:00:00+02:00", datetime(2025, 1, 1, 10, tzinfo=tz(2))),
        ("2025-01-01t10:00:00.123456789+05:30", datetime(2025, 1, 1, 10, 0, 0, 123456, tzinfo=tz(5.5))),
        ("2025-1-2 3:04:05", datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)),  # YAML's short form; no offset is UTC
        ("2025-01-01T10:00", datetime(2025, 1, 1, 10, tzinfo=UTC)),
        ("2025-01-01T10:00:00.250-03:30", datetime(2025, 1, 1, 10, 0, 0, 250000, tzinfo=tz(-3.5))),
        ("20250101", datetime(2025, 1, 1, tzinfo=UTC)),
        (date(2025, 3, 4), datetime(2025, 3, 4, tzinfo=UTC)),
        (datetime(2025, 3, 4, 5, 6), datetime(2025, 3, 4, 5, 6, tzinfo=UTC)),
        ("2025-13-45", None),
        ("2025-02-30T10:00:00Z", None),
        ("2025-01-01T25:00:00Z", None),
        ("0001-01-01T00:00:00+14:00", None),  # a real local time, but before year 1 in UTC
        ("9999-12-31T23:59:59-14:00", None),  # after year 9999 in UTC
        ("0001-01-01 00:00:00 +5", None),
        ("Last Modified", None),  # a keyword: `filedates.resolve` replaces it before anything reads it
        ("demain", None),
        (True, None),
        ([2025, 1, 1], None),
        (None, None),
    ],
)
def test_dates_as_eleventy_reads_them(value: Any, moment: datetime | None) -> None:
    parsed = frontmatter.parse_datetime(value)
    assert parsed == moment
    if moment is not None:
        assert parsed.utcoffset() == moment.utcoffset()  # the offset written is kept
        assert frontmatter.parse_date(value) == moment.astimezone(UTC).date()


def test_the_day_shown_is_the_utc_day_of_the_moment() -> None:
    front = frontmatter.read("---\ntitle: T\ndate: 2025-01-01T23:30:00-05:00\n---\n")
    one = build_post("p.md", "p/", front, "T")
    assert one.published == datetime(2025, 1, 1, 23, 30, tzinfo=tz(-5))
    assert one.date == date(2025, 1, 2) and one.problems == []


def test_newest_first_orders_by_time_of_day_and_offset() -> None:
    def at(name: str, when: str) -> Post:
        return build_post(f"{name}.md", f"{name}/", frontmatter.read(f"---\ntitle: {name}\ndate: {when}\n---\n"), name)

    morning = at("matin", "2025-01-01T09:00:00Z")
    evening = at("soir", "2025-01-01T18:00:00Z")
    paris = at("paris", "2025-01-01T19:30:00+02:00")  # 17:30 UTC: before the evening post
    midnight = at("minuit", "2025-01-01")
    undated = at("sans", "jamais")
    assert [p.title for p in newest_first([undated, midnight, paris, morning, evening])] == [
        "soir",
        "paris",
        "matin",
        "minuit",
        "sans",
    ]


def test_feed_entries_keep_time_and_offset() -> None:
    one = build_post("p.md", "p/", frontmatter.read("---\ntitle: T\ndate: 2025-01-01 10:00:00.5 -5\n---\n"), "T")
    entry = feeds.make_entry(one, "https://example.org/p/", None)
    assert entry.published == datetime(2025, 1, 1, 10, 0, 0, 500000, tzinfo=tz(-5))
    bare = build_post("q.md", "q/", frontmatter.read("---\ntitle: T\ndate: 2025-01-01\n---\n"), "T")
    assert feeds.make_entry(bare, "https://example.org/q/", None).published == datetime(2025, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("Last Modified", "last modified"),
        ("last modified", "last modified"),
        (" git Created ", "git created"),
        ("GIT LAST MODIFIED", "git last modified"),
        ("Created", "created"),
        ("Modified", None),
        ("git", None),
        (None, None),
        (20250101, None),
    ],
)
def test_date_keywords(value: Any, word: str | None) -> None:
    assert filedates.keyword(value) == word


# -- one small site per attack ---------------------------------------------------------------------------


def _pages(name: str) -> dict[str, str | bytes]:
    content, _ = ATTACKS[name]
    pages: dict[str, str | bytes] = {"index.md": "# Accueil\n\nBienvenue.\n", attack_path(name): content}
    if name == "control-text":
        pages["front-images/poster.svg"] = POSTER
    return pages


def _expected(name: str) -> list[str]:
    return [f"{PREFIX}{attack_path(name)}:{warning}" for warning in ATTACKS[name][1]]


def _outside(root: Path) -> set[str]:
    """Every path under `root` but the built site."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if "site" not in p.relative_to(root).parts[:1]}


UNBOUNDED = [name for name in ATTACKS if name not in BOUNDED]


@pytest.mark.parametrize("name", UNBOUNDED)
def test_each_attack_builds_with_its_exact_warnings(tmp_path: Path, name: str) -> None:
    config = write_site(tmp_path, _pages(name))
    before = _outside(tmp_path)
    sources = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    built = build_site(config)
    assert sorted(built.messages()) == sorted(_expected(name))
    assert built.messages(logging.ERROR) == []
    assert not any("Traceback" in r.getMessage() or r.exc_info for r in built.records)
    assert _outside(tmp_path) == before  # nothing written next to the site
    assert {p: p.read_bytes() for p in sources} == sources  # the author's files untouched
    assert built.exists("")  # the rest of the site is there


@pytest.mark.parametrize("name", [name for name in UNBOUNDED if ATTACKS[name][1]])
def test_strict_build_fails_on_each_attack(tmp_path: Path, name: str) -> None:
    count = len(ATTACKS[name][1])
    with pytest.raises(Abort, match=rf"Aborted with {count} warnings in strict mode"):
        build_site(write_site(tmp_path, _pages(name)), strict=True)


@pytest.mark.parametrize("name", BOUNDED)
def test_yaml_bombs_in_a_site_build_quickly_with_one_warning(tmp_path: Path, name: str) -> None:
    config = write_site(tmp_path, _pages(name))
    result = run_bounded(
        "import json\nfrom pathlib import Path\nfrom mkdocs.exceptions import Abort\nfrom sitebuild import build_site\n"
        f"built = build_site(Path({str(config)!r}))\n"
        "page = (built.site_dir / 'posts/front-" + name + "/index.html').read_text(encoding='utf-8')\n"
        "try:\n    build_site(Path(" + repr(str(config)) + "), strict=True)\n    strict = 'passed'\n"
        "except Abort as error:\n    strict = str(error)\n"
        "print(json.dumps({'warnings': built.messages(), 'page': page, 'strict': strict}))"
    )
    assert result["warnings"] == _expected(name)
    assert result["strict"] == "Aborted with 1 warnings in strict mode!"
    content = BeautifulSoup(result["page"], "lxml").select_one("article.md-content__inner")
    assert [p.get_text() for p in content.find_all("p")][-1] == "Le texte reste."


# -- what each attack must not break ---------------------------------------------------------------------


def _atom(built: Built, path: str = "feed.xml") -> Any:
    return etree.fromstring((built.site_dir / path).read_bytes())


def _published(built: Built) -> dict[str, str]:
    return {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}published") for e in _atom(built).iter(f"{ATOM}entry")}


def test_control_characters_reach_no_feed_page_head_or_index(tmp_path: Path) -> None:
    pages = {**_pages("control-text"), **_pages("control-raw")}
    built = build_site(write_site(tmp_path, pages))
    assert sorted(built.messages()) == sorted(_expected("control-text") + _expected("control-raw"))
    for path in built.site_dir.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            assert not UNSAFE_CHARACTERS.search(path.read_text(encoding="utf-8")), path
    entries = {e.findtext(f"{ATOM}title"): e for e in _atom(built).iter(f"{ATOM}entry")}
    assert sorted(entries) == ["Titre brut", "Titre piégé"]
    assert entries["Titre piégé"].findtext(f"{ATOM}summary") == "Résumé piégé"
    assert sorted(c.get("term") for c in entries["Titre piégé"].iter(f"{ATOM}category")) == ["Eau", "Vidéo"]
    assert built.content("posts/front-control-text/").find("h1").get_text() == "Titre piégé"
    head = built.soup("posts/front-control-text/")
    assert head.find("meta", property="og:image:alt")["content"] == "Affiche"
    assert built.exists("tags/video") and built.exists("series/saison-une")
    items = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"]
    assert sorted(i["title"] for i in items) == ["Titre brut", "Titre piégé"]


def test_control_characters_in_the_body_break_nothing(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages("control-body")))
    assert built.messages() == []
    content = built.content("posts/front-control-body/")
    assert any(p.get_text().startswith("Un paragraphe") for p in content.find_all("p"))
    assert content.find("h1").get_text().startswith("Titre")
    assert content.select_one(".numeco-transcript__body").get_text().strip().startswith("La transcription")
    head = built.soup("posts/front-control-body/")
    ld = [json.loads(s.string) for s in head.find_all("script", type="application/ld+json")]
    assert ld[0]["transcript"].startswith("La transcription")
    _atom(built)  # the feed is well-formed


def test_a_latin1_file_is_left_out_and_nothing_else(tmp_path: Path) -> None:
    pages = {**_pages("latin1"), "posts/autre.md": post("Autre", "2025-02-08")}
    built = build_site(write_site(tmp_path, pages))
    assert built.messages() == _expected("latin1")
    assert not (built.site_dir / "posts/front-latin1").exists()
    assert built.exists("posts/autre") and built.exists("")
    assert list(_published(built)) == ["Autre"]


def test_json_front_matter_is_read_and_never_shown(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages("json")))
    assert built.messages() == []
    content = built.content("posts/front-json/")
    assert content.find("h1").get_text() == "Écrit en JSON"
    assert [p.get_text() for p in content.find_all("p")][-1] == "Le corps du billet JSON."
    assert '"title"' not in content.get_text() and "---json" not in content.get_text()
    assert _published(built) == {"Écrit en JSON": "2025-02-03T08:30:00+01:00"}
    assert built.exists("tags/json")


@pytest.mark.parametrize(
    ("name", "paragraphs"),
    [
        ("empty-front-matter", ["Premier paragraphe.", "Second paragraphe."]),
        ("empty-then-mapping", ["Note: cette ligne est du texte.", "Suite du texte."]),
    ],
)
def test_an_empty_front_matter_loses_no_line(tmp_path: Path, name: str, paragraphs: list[str]) -> None:
    built = build_site(write_site(tmp_path, _pages(name)))
    content = built.content(f"posts/front-{name}/")
    assert [p.get_text() for p in content.find_all("p")] == paragraphs
    assert content.find("hr") is not None  # the second `---` is the author's rule


def test_duplicate_keys_keep_the_last_value(tmp_path: Path) -> None:
    built = build_site(write_site(tmp_path, _pages("duplicate-keys")))
    assert built.content("posts/front-duplicate-keys/").find("h1").get_text() == "Second"
    assert built.content("posts/front-duplicate-keys/").find("time")["datetime"] == "2025-02-06"


def test_feeds_and_heads_keep_the_time_of_day_and_the_offset(tmp_path: Path) -> None:
    names = ["date-yaml-timestamp", "date-utc", "date-offset", "json"]
    pages = {attack_path(name): ATTACKS[name][0] for name in names}
    pages["posts/minuit.md"] = post("Minuit", "2025-01-01")
    built = build_site(write_site(tmp_path, pages))
    assert built.messages() == []
    expected = {
        "Écrit en JSON": "2025-02-03T08:30:00+01:00",
        "Horodatage YAML": "2025-01-01T10:00:00.500000-05:00",
        "En UTC": "2025-01-01T10:00:00+00:00",
        "Avec décalage": "2025-01-01T10:00:00+02:00",
        "Minuit": "2025-01-01T00:00:00+00:00",
    }
    assert _published(built) == expected
    assert list(_published(built)) == list(expected)  # newest first, to the second
    items = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))["items"]
    assert {i["title"]: i["date_published"] for i in items} == expected
    head = built.soup("posts/front-date-yaml-timestamp/")
    assert head.find("meta", property="article:published_time")["content"] == "2025-01-01T10:00:00.500000-05:00"
    assert built.content("posts/front-date-yaml-timestamp/").find("time")["datetime"] == "2025-01-01"


# -- dates from the file and from git ---------------------------------------------------------------------

STAMP = datetime(2023, 4, 5, 6, 7, 8, tzinfo=UTC)


def _dated_site(tmp_path: Path, dates: dict[str, str]) -> Path:
    config = write_site(tmp_path, {f"posts/{name}.md": post(name, value) for name, value in dates.items()})
    for name in dates:
        os.utime(tmp_path / "docs/posts" / f"{name}.md", (STAMP.timestamp(), STAMP.timestamp()))
    return config


def test_last_modified_and_created_read_the_file_time(tmp_path: Path) -> None:
    built = build_site(_dated_site(tmp_path, {"modifie": "Last Modified", "cree": "created"}))
    assert built.messages() == []
    published = _published(built)
    assert published["modifie"] == STAMP.isoformat()
    stat = os.stat(tmp_path / "docs/posts/cree.md")
    birth = getattr(stat, "st_birthtime", None)  # macOS, BSD, Windows; Linux keeps none for Python
    assert published["cree"] == (datetime.fromtimestamp(birth, UTC) if birth else STAMP).isoformat()
    assert built.content("posts/modifie/").find("time")["datetime"] == "2023-04-05"


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def test_git_dates_come_from_the_history_and_fall_back_to_the_file(tmp_path: Path) -> None:
    config = _dated_site(tmp_path, {"cree": "git Created", "modifie": "git Last Modified", "hors-git": "git Created"})
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "docs/posts/cree.md", "docs/posts/modifie.md")
    _git(tmp_path, "commit", "-q", "-m", "first", when="2021-03-04T05:06:07+02:00")
    with (tmp_path / "docs/posts/modifie.md").open("a", encoding="utf-8") as file:
        file.write("\nSuite.\n")
    _git(tmp_path, "commit", "-q", "-am", "second", when="2022-07-08T09:10:11-04:00")
    built = build_site(config)
    assert built.messages() == []
    assert _published(built) == {
        "modifie": "2022-07-08T13:10:11+00:00",
        "cree": "2021-03-04T03:06:07+00:00",
        "hors-git": STAMP.isoformat(),  # not committed: the file's time, without a warning
    }


def test_without_git_the_file_time_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _dated_site(tmp_path, {"modifie": "git Last Modified"})
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    built = build_site(config)
    assert built.messages() == []
    assert _published(built) == {"modifie": STAMP.isoformat()}


def test_a_file_time_that_cannot_be_read_is_reported() -> None:
    front = frontmatter.read("---\ntitle: T\ndate: Last Modified\n---\n")
    filedates.resolve(front, "/nonexistent/numeco/page.md")
    assert [(p.line, p.message) for p in front.problems] == [
        (
            3,
            (
                "date 'Last Modified' names a time of the page's file, but its file can't be read (No such file or"
                " directory): write the date itself"
            ),
        )
    ]


def test_all_pages_in_one_site(tmp_path: Path) -> None:
    """The lead's one-site build, with this area's pages only: every warning, once, and nothing else."""
    config = write_site(tmp_path, {"index.md": "# Accueil\n", **PAGES})
    result = run_bounded(
        "import json\nfrom pathlib import Path\nfrom sitebuild import build_site\n"
        f"built = build_site(Path({str(config)!r}))\n"
        "print(json.dumps(built.messages()))"
    )
    assert sorted(w.removeprefix(PREFIX) for w in result) == WARNINGS


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_a_date_beyond_the_calendar_in_utc_is_a_warning_not_a_crash(tmp_path: Path, value: str) -> None:
    pages = {"posts/a.md": f"---\ntitle: A\ndate: {value}\n---\nTexte.\n", "posts/b.md": post("B", "2025-01-02")}
    built = build_site(write_site(tmp_path, pages))
    assert [m.split(": ", 2)[1] for m in built.messages()] == ["posts/a.md:3"]
    assert "is not a real date" in built.messages()[0]
    assert built.content("posts/a/").find("p", string="Texte.") is not None
    for edge in ("0001-01-01", "9999-12-31T23:59:59Z"):  # the calendar's own ends build
        assert build_site(write_site(tmp_path / edge[:4], {"p.md": post("E", edge)}), strict=True).exists("p")

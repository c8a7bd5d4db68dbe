"""Tags and series keep their identity, and a post carrying many tags costs what many posts would.

Table tests of the one name -> slug map (`mkdocs_numeco.core.slugs.SlugMap`), of the tag index and of the
feeds, then one small site per attack, read with BeautifulSoup: 'C++' and 'C' get a page each and
every link goes to the right one, emoji-only names get a hash slug, spellings that differ in case and
accents still share a page, a card lists a bounded number of tags; the warnings are exact and name
`file:line`; `--strict` fails.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from pages_identity import (
    CPP,
    CPP_SLUG,
    CSHARP,
    CSHARP_SLUG,
    EMOJI_SERIES,
    EMOJI_TAGS,
    MANY_TAGS,
    PAGES,
    PLAIN,
    WARNINGS,
    C,
    suffix,
)
from sitebuild import Built, build_site, post, write_site

from mkdocs_numeco.core import feeds
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.series import build_series
from mkdocs_numeco.core.slugs import SlugMap, identity
from mkdocs_numeco.core.tags import SHOWN_TAGS, build_tags, merged_spellings, spellings_warning

PREFIX = "mkdocs_numeco: "


# -- identity and the name -> slug map, as tables ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Vidéo", "video"),
        ("VIDEO ", "video"),
        ("vi-de_o", "video"),
        ("Paroles d'experts", "parolesdexperts"),
        ("Paroles d’experts", "parolesdexperts"),
        ("« Vidéo ! »", "video"),
        ("ﬁn", "fin"),  # a compatibility ligature
        ("Straße", "strasse"),
        ("C", "c"),
        ("C++", "c++"),
        ("C#", "c#"),
        ("R&D", "r&d"),
        ("Москва", "москва"),
        ("١٢", "١٢"),  # Arabic-Indic digits: Eleventy writes '12'
        ("🎥", "🎥"),
        ("🎥\ufe0f", "🎥"),  # a variation selector is presentation only
        ("...", "..."),  # separators only: the name is its own identity
    ],
)
def test_identity_folds_case_accents_and_separators_only(name: str, key: str) -> None:
    assert identity(name) == key


def _h(key: str, digits: int = 6) -> str:
    return suffix(key, digits)


@pytest.mark.parametrize(
    ("names", "slugs"),
    [
        # spellings of one name share its slug
        (["Vidéo", "video", "VIDEO "], {"Vidéo": "video", "video": "video", "VIDEO ": "video"}),
        # the name that spells the slug keeps it, whatever the order or the counts
        (["C++", "C", "C#"], {"C": "c", "C++": f"c-{_h('c++')}", "C#": f"c-{_h('c#')}"}),
        (["C++", "C#"], {"C#": "c", "C++": f"c-{_h('c++')}"}),  # none spells it: code-point order
        (["R&D", "R and D"], {"R and D": "r-and-d", "R&D": f"r-and-d-{_h('r&d')}"}),
        (["Москва", "Moskva"], {"Moskva": "moskva", "Москва": f"moskva-{_h('москва')}"}),
        (["12", "١٢"], {"12": "12", "١٢": f"12-{_h('١٢')}"}),
        # no letter or digit: a hash, never 'untitled', never shared with another name
        (["🎥", "🎬", "Untitled"], {"🎥": _h("🎥", 8), "🎬": _h("🎬", 8), "Untitled": "untitled"}),
        (["...", "!!!"], {"...": _h("...", 8), "!!!": _h("!!!", 8)}),
        # different Eleventy slugs, no clash: each keeps its own
        (["Eau", "Écologie"], {"Eau": "eau", "Écologie": "ecologie"}),
    ],
)
def test_slug_map(names: list[str], slugs: dict[str, str]) -> None:
    assert dict(SlugMap(names)) == slugs
    assert dict(SlugMap(list(reversed(names)) * 3)) == slugs  # order and repetition change nothing


def test_a_clash_is_recorded_for_each_name_moved_off_its_slug() -> None:
    found = SlugMap(["C++", "C", "C#", "🎥", "Vidéo", "video"]).clashes
    assert [(c.slug, c.plain) for c in found] == [(f"c-{_h('c#')}", "c"), (f"c-{_h('c++')}", "c")]


def test_a_hash_that_meets_a_slug_already_given_is_lengthened() -> None:
    taken = f"c {_h('c++')}"  # a tag whose own slug is the one 'C++' would get
    slugs = SlugMap(["C++", "C", taken])
    assert slugs[taken] == f"c-{_h('c++')}"
    assert slugs["C++"] == f"c-{_h('c++', 8)}"
    assert len(set(slugs.values())) == 3


def P(src: str, tags: list[str] = (), series: str | None = None, day: int = 1) -> Post:  # type: ignore[assignment]
    return Post(src, src.removesuffix(".md") + "/", src, date=date(2025, 1, day), tags=list(tags), series=series)


def test_tags_and_series_are_grouped_by_the_map() -> None:
    posts = [P("a.md", ["C", "Vidéo"], "C"), P("b.md", ["C++", "vidéo"], "C++"), P("c.md", ["🎥"], "🎥")]
    tags = {t.slug: (t.name, [p.src_uri for p in t.posts]) for t in build_tags(posts)}
    assert tags == {
        "c": ("C", ["a.md"]),
        f"c-{_h('c++')}": ("C++", ["b.md"]),
        "video": ("Vidéo", ["a.md", "b.md"]),
        _h("🎥", 8): ("🎥", ["c.md"]),
    }
    series = {s.slug: s.name for s in build_series(posts)}
    assert series == {"c": "C", f"c-{_h('c++')}": "C++", _h("🎥", 8): "🎥"}


def test_spellings_warning_finds_each_first_use_in_one_pass() -> None:
    posts = [P(f"p{n:03}.md", ["Vidéo", "video"] if n % 2 else ["VIDEO"]) for n in range(300, 0, -1)]
    (tag,) = merged_spellings(build_tags(posts))
    assert {name: p.src_uri for name, p in tag.first_use.items()} == {
        "Vidéo": "p001.md",
        "video": "p001.md",
        "VIDEO": "p002.md",
    }
    assert spellings_warning(tag, lambda p: p.src_uri) == (
        "p001.md: tags 'VIDEO' (p002.md), 'video' (p001.md), 'Vidéo' (p001.md) all fold to the slug 'video' and"
        " share one page, shown as 'VIDEO': write them all the same way"
    )


# -- feeds of a post carrying many tags -------------------------------------------------------------------

CHANNEL = feeds.Channel("https://example.org/", "Site", "", "fr", "Moi")


def _many_tag_feeds() -> tuple[feeds.FeedPlan, Post]:
    many = P("many.md", [f"Sujet {n:03}" for n in range(300)])
    other = P("other.md", ["Sujet 005"], day=2)
    posts = [many, other]
    return feeds.plan_feeds(posts, build_tags(posts), build_series(posts)), many


def _entries(feed: feeds.Feed) -> list[feeds.Entry]:
    return feeds.entries_of(feed, lambda p: (f"https://example.org/{p.url}", None))


def test_a_tag_feed_entry_lists_a_bounded_number_of_categories_the_site_feed_all() -> None:
    plan, many = _many_tag_feeds()
    site, tag = plan.feeds[0], next(f for f in plan.feeds if f.slug == "sujet-005")
    atom = BeautifulSoup(feeds.atom(tag, _entries(tag), CHANNEL, "https://example.org/tags/sujet-005/"), "xml")
    entry = next(e for e in atom.find_all("entry") if e.id.get_text().endswith("/many/"))
    assert [c["term"] for c in entry.find_all("category")] == many.tags[:SHOWN_TAGS]
    site_atom = BeautifulSoup(feeds.atom(site, _entries(site), CHANNEL, "https://example.org/"), "xml")
    entry = next(e for e in site_atom.find_all("entry") if e.id.get_text().endswith("/many/"))
    assert [c["term"] for c in entry.find_all("category")] == many.tags
    items = json.loads(feeds.json_feed(site, _entries(site), CHANNEL, "https://example.org/"))["items"]
    assert next(i for i in items if i["url"].endswith("/many/"))["tags"] == many.tags
    items = json.loads(feeds.json_feed(tag, _entries(tag), CHANNEL, "https://example.org/"))["items"]
    assert next(i for i in items if i["url"].endswith("/many/"))["tags"] == many.tags[:SHOWN_TAGS]


def test_a_post_links_the_feed_of_each_of_its_tags_and_a_tag_page_its_own() -> None:
    plan, many = _many_tag_feeds()
    assert [f.path for f in plan.for_page("many.md", many)] == ["feed.xml"] + [
        f"tags/sujet-{n:03}/feed.xml" for n in range(300)
    ]
    assert [f.path for f in plan.for_page("tags/sujet-007/page/2/index.md", None)] == [
        "feed.xml",
        "tags/sujet-007/feed.xml",
    ]
    assert [f.path for f in plan.for_page("tags/index.md", None)] == ["feed.xml"]


# -- one small site per attack ------------------------------------------------------------------------------


def _site(tmp_path: Path, *names: str, strict: bool = False) -> Built:
    pages: dict[str, str | bytes] = {"index.md": "# Accueil\n"}
    pages.update({name: PAGES[name] for name in names})
    return build_site(write_site(tmp_path, pages), strict=strict)


def _warnings(built: Built) -> list[str]:
    return sorted(built.messages(logging.WARNING))


def _expected(*starts: str) -> list[str]:
    return sorted(PREFIX + w for w in WARNINGS if w.startswith(starts))


def _titles(built: Built, url: str) -> list[str]:
    return [a.get_text() for a in built.content(url).select(".numeco-item__title a")]


def test_c_and_cpp_series_get_a_page_each_and_each_post_links_its_own(tmp_path: Path) -> None:
    built = _site(tmp_path, "posts/identity-c.md", "posts/identity-cpp.md")
    assert _titles(built, f"series/{PLAIN}/") == ["Le langage C"]
    assert _titles(built, f"series/{CPP_SLUG}/") == ["Le langage C++"]
    for page, slug, name in (("identity-c", PLAIN, C), ("identity-cpp", CPP_SLUG, CPP)):
        box = built.content(f"posts/{page}/").select_one("nav.numeco-series .numeco-series__name a")
        assert (box["href"], box.get_text()) == (f"../../series/{slug}/", name)
        tags = built.content(f"posts/{page}/").select("nav.numeco-tags a")
        assert [(a["href"], a.get_text()) for a in tags] == [(f"../../tags/{slug}/", name)]
    rows = built.content("series/").select(".numeco-series-index li a")
    assert sorted((a["href"], a.get_text()) for a in rows) == [(f"{CPP_SLUG}/", CPP), (f"{PLAIN}/", C)]
    assert _warnings(built) == _expected("posts/identity-cpp.md")
    assert not any(r.exc_info for r in built.records)


def test_c_and_csharp_tags_get_a_page_each(tmp_path: Path) -> None:
    built = _site(tmp_path, "posts/identity-c.md", "posts/identity-csharp.md")
    assert _titles(built, f"tags/{PLAIN}/") == ["Le langage C"]
    assert _titles(built, f"tags/{CSHARP_SLUG}/") == ["Le langage C#"]
    card = built.content(f"tags/{CSHARP_SLUG}/").select_one("article.numeco-item")
    assert [(a["href"], a.get_text()) for a in card.select("a.md-tag")] == [("./", CSHARP)]
    rows = built.content("tags/").select(".numeco-tag-index li a")
    assert sorted((a["href"], a.get_text()) for a in rows) == [(f"{CSHARP_SLUG}/", CSHARP), (f"{PLAIN}/", C)]
    feed = BeautifulSoup((built.site_dir / f"tags/{CSHARP_SLUG}/feed.xml").read_bytes(), "xml")
    assert [e.title.get_text() for e in feed.find_all("entry")] == ["Le langage C#"]
    assert _warnings(built) == _expected("posts/identity-csharp.md")


def test_strict_build_fails_on_names_moved_off_their_slug(tmp_path: Path) -> None:
    with pytest.raises(Abort, match=r"Aborted with 2 warnings in strict mode"):
        _site(tmp_path, "posts/identity-c.md", "posts/identity-cpp.md", strict=True)


def test_emoji_only_names_get_a_hash_slug_of_their_own(tmp_path: Path) -> None:
    built = _site(tmp_path, "posts/identity-emoji.md")
    links = built.content("posts/identity-emoji/").select("nav.numeco-tags a")
    assert [(a["href"], a.get_text()) for a in links] == [(f"../../tags/{_h(t, 8)}/", t) for t in EMOJI_TAGS]
    for name in EMOJI_TAGS:
        assert _titles(built, f"tags/{_h(name, 8)}/") == ["Emoji"]
    box = built.content("posts/identity-emoji/").select_one("nav.numeco-series .numeco-series__name a")
    assert (box["href"], box.get_text()) == (f"../../series/{_h(EMOJI_SERIES, 8)}/", EMOJI_SERIES)
    assert not (built.site_dir / "tags/untitled").exists() and not (built.site_dir / "series/untitled").exists()
    assert _warnings(built) == []


def test_an_emoji_tag_no_longer_shares_the_page_of_a_tag_named_untitled(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Accueil\n",
        "a.md": post("A", "2024-01-01", tags=["Untitled"]),
        "b.md": post("B", "2024-01-02", tags=["🎥"]),
    }
    built = build_site(write_site(tmp_path, pages))
    assert _titles(built, "tags/untitled/") == ["A"]
    assert _titles(built, f"tags/{_h('🎥', 8)}/") == ["B"]
    assert _warnings(built) == []


def test_without_tag_pages_names_are_not_moved_nor_warned_about_and_cards_link_nothing(tmp_path: Path) -> None:
    pages = {"index.md": "# Accueil\n", **{n: PAGES[n] for n in ("posts/identity-c.md", "posts/identity-csharp.md")}}
    built = build_site(write_site(tmp_path, pages, plugin={"tags": {"enabled": False}}))
    card = next(i for i in built.content("posts/").select("article.numeco-item") if i.h2.get_text() == "Le langage C#")
    assert [(s.name, s.get("href"), s.get_text()) for s in card.select(".md-tag")] == [("span", None, CSHARP)]
    assert _warnings(built) == []


def test_spellings_that_differ_in_case_and_accents_still_share_a_page(tmp_path: Path) -> None:
    built = _site(tmp_path, "posts/identity-spelling-a.md", "posts/identity-spelling-b.md")
    assert _titles(built, "tags/identite-video/") == ["Vidéo B", "Vidéo A"]
    assert _warnings(built) == _expected("posts/identity-spelling-a.md")


@pytest.fixture(scope="module")
def three_hundred(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One post carrying 300 tags, and one more post on the first of them."""
    root = tmp_path_factory.mktemp("many")
    names = [f"Sujet {n:03}" for n in range(1, 301)]
    pages = {
        "index.md": "# Accueil\n",
        "posts/tout.md": post("Tout", "2024-06-01", tags=names),
        "posts/autre.md": post("Autre", "2024-06-02", tags=["Sujet 001"]),
    }
    return build_site(write_site(root, pages))


def test_a_card_shows_a_bounded_list_of_tags_then_how_many_more(three_hundred: Built) -> None:
    card = next(
        item
        for item in three_hundred.content("tags/sujet-150/").select("article.numeco-item")
        if item.h2.get_text() == "Tout"
    )
    badges = card.select("ul.numeco-item__badges > li > a")
    assert [(a["href"], a.get_text()) for a in badges[:-1]] == [
        (f"../sujet-{n:03}/", f"Sujet {n:03}") for n in range(1, SHOWN_TAGS + 1)
    ]
    assert (badges[-1]["href"], badges[-1].get_text()) == ("../../posts/tout/", f"+{300 - SHOWN_TAGS}")
    assert SHOWN_TAGS == 8


def test_the_post_itself_lists_every_tag(three_hundred: Built) -> None:
    links = three_hundred.content("posts/tout/").select("nav.numeco-tags a")
    assert [(a["href"], a.get_text()) for a in links] == [
        (f"../../tags/sujet-{n:03}/", f"Sujet {n:03}") for n in range(1, 301)
    ]


def test_tag_feeds_list_a_bounded_number_of_categories_the_site_feeds_all(three_hundred: Built) -> None:
    site = three_hundred.site_dir
    names = [f"Sujet {n:03}" for n in range(1, 301)]
    tag_feed = BeautifulSoup((site / "tags/sujet-300/feed.xml").read_bytes(), "xml")
    assert [c["term"] for c in tag_feed.entry.find_all("category")] == names[:SHOWN_TAGS]
    site_feed = BeautifulSoup((site / "feed.xml").read_bytes(), "xml")
    tout = next(e for e in site_feed.find_all("entry") if e.title.get_text() == "Tout")
    assert [c["term"] for c in tout.find_all("category")] == names
    items = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    assert next(i for i in items if i["title"] == "Tout")["tags"] == names
    assert _warnings(three_hundred) == []


def test_every_identity_page_in_one_site(tmp_path: Path) -> None:
    """The lead's one-site build, for this area alone: the exact warnings, nothing outside site_dir, strict fails."""
    built = _site(tmp_path, *PAGES)
    assert _warnings(built) == sorted(PREFIX + w for w in WARNINGS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]
    card = built.content("tags/identite-sujet-01/").select_one("article.numeco-item")
    assert [a.get_text() for a in card.select("a.md-tag")] == MANY_TAGS[:SHOWN_TAGS] + ["+4"]
    with pytest.raises(Abort, match=rf"Aborted with {len(WARNINGS)} warnings in strict mode"):
        build_site(write_site(tmp_path / "strict", {"index.md": "# Accueil\n", **PAGES}), strict=True)

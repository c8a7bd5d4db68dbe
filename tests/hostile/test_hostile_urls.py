"""Hostile author URLs: one policy for cards, quotes, `image:`, raw iframes, and the URLs of head, JSON-LD and feeds.

Table tests of the policy (`mkdocs_numeco.core.urls`), then one small site per attack, read with BeautifulSoup:
no `href`, `src`, og:image, JSON-LD or feed URL carries a refused value, the author's text stays, the warning is
exact and names `file:line`, and `--strict` fails.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from pages_urls import ATTACKS, EXTERNAL_IMAGE, IMAGE, LINK, PAGES, POSTER, WARNINGS, attack_page, attack_warning
from sitebuild import Built, build_site, write_site

SITE_URL = "https://example.org/"


# -- the policy, as a table ---------------------------------------------------------------------


def _kinds() -> list[tuple[str, str]]:
    return [
        # allowed
        ("https://example.org/a?b=1#c", "absolute"),
        ("HTTP://Example.ORG/", "absolute"),
        ("http://example.org:8080/x", "absolute"),
        ("https://[2001:db8::1]/x", "absolute"),
        ("https://例え.jp/", "absolute"),
        ("https://ｅｘａｍｐｌｅ．ｏｒｇ/", "absolute"),
        ("https://%65xample.org/", "absolute"),
        ("mailto:someone@example.org", "mailto"),
        ("MAILTO:someone@example.org", "mailto"),
        ("/images/x.png", "site"),
        ("x.png", "relative"),
        ("../img/portrait.svg", "relative"),
        ("mes images/photo 1.png", "relative"),
        ("./javascript:alert(1)", "relative"),  # a file name: the browser reads no scheme either
        ("#partie", "relative"),
        ("?page=2", "relative"),
        ("2023:01.png", "relative"),  # a scheme starts with a letter
        ("jav&amp;ascript:x", "relative"),
        ("  https://example.org/  ", "absolute"),  # trimmed, as the browser does
        # refused: schemes
        ("javascript:alert(1)", "refused"),
        ("JaVaScRiPt:alert(1)", "refused"),
        ("javascript:alert(1)//x.png", "refused"),
        ("javascript://example.org/%0Aalert(1)", "refused"),
        ("data:text/html,<script>evil()</script>", "refused"),
        ("data:image/svg+xml;base64,PHN2Zz4=", "refused"),
        ("vbscript:msgbox(1)", "refused"),
        ("file:///etc/passwd", "refused"),
        ("ftp://example.org/x", "refused"),
        ("x.png:evil", "refused"),  # the browser reads the scheme `x.png:`
        # refused: no scheme, or the wrong shape
        ("//evil.com/x.png", "refused"),
        ("///evil.com/x.png", "refused"),
        ("https:evil.com", "refused"),
        ("https:///evil.com", "refused"),
        ("https://", "refused"),
        ("https://evil.com:99999/", "refused"),
        ("https://ex ample.org/", "refused"),
        ("https://evil.com%2f@x/", "refused"),
        ("https://[::1/", "refused"),
        # refused: backslashes and userinfo
        ("https://evil.com\\@www.dailymotion.com/embed/video/x9h51js", "refused"),
        ("\\\\evil.com\\x.png", "refused"),
        ("/\\evil.com/x.png", "refused"),
        ("https://www.dailymotion.com@evil.com/", "refused"),
        ("https://user:pass@example.org/", "refused"),
        # refused: control characters and whitespace tricks
        ("java\tscript:alert(1)", "refused"),
        ("java\nscript:alert(1)", "refused"),
        ("java\rscript:alert(1)", "refused"),
        ("\x00javascript:alert(1)", "refused"),
        ("\x01x.png", "refused"),
        ("x\x7f.png", "refused"),
        ("x\u0085.png", "refused"),
        ("x\u200b.png", "refused"),
        ("x\u202e.png", "refused"),
        ("x\u2028.png", "refused"),
        ("x\u00a0.png", "refused"),
        # refused once character references are decoded
        ("jav&#x61;script:alert(1)", "refused"),
        ("javascript&colon;alert(1)", "refused"),
        ("&#106;avascript:alert(1)", "refused"),
        ("&#47;/evil.com/x.png", "refused"),
        ("java&Tab;script:alert(1)", "refused"),
        ("java&#9;script:alert(1)", "refused"),
    ]


@pytest.mark.parametrize(("value", "kind"), _kinds())
def test_policy_classifies_every_form(value: str, kind: str) -> None:
    from mkdocs_numeco.core import urls

    assert urls.classify(value).kind == kind


@pytest.mark.parametrize(
    ("value", "host"),
    [
        ("HTTPS://WWW.Example.ORG./x", "www.example.org"),
        ("https://例え.jp/", "xn--r8jz45g.jp"),
        ("https://ｗｗｗ．ｄａｉｌｙｍｏｔｉｏｎ．ｃｏｍ/", "www.dailymotion.com"),
        ("https://%77ww.example.org/", "www.example.org"),
        ("https://[2001:db8::1]:8443/", "2001:db8::1"),
    ],
)
def test_hosts_are_parsed_and_idna_normalised(value: str, host: str) -> None:
    from mkdocs_numeco.core import urls

    assert urls.classify(value).host == host


@pytest.mark.parametrize(
    ("value", "matches"),
    [
        ("https://acast.com/x", True),
        ("https://embed.acast.com/x", True),
        ("https://EMBED.ACAST.COM./x", True),
        ("https://embed.notacast.com/x", False),
        ("https://acast.com.evil.com/x", False),
        ("https://evilacast.com/x", False),
        ("https://evil.com\\@embed.acast.com/x", False),
        ("https://embed.acast.com@evil.com/x", False),
        ("//embed.acast.com/x", False),
        ("javascript://embed.acast.com/%0A", False),
        ("/acast.com/x", False),
    ],
)
def test_hosts_match_on_a_dot_boundary_never_on_substrings(value: str, matches: bool) -> None:
    from mkdocs_numeco.core import urls

    assert urls.host_in(urls.classify(value), domains=("acast.com",)) is matches


def test_exact_hosts_match_only_themselves() -> None:
    from mkdocs_numeco.core import urls

    assert urls.host_in(urls.classify("https://player.vimeo.com/v"), hosts=("player.vimeo.com",))
    assert not urls.host_in(urls.classify("https://x.player.vimeo.com/v"), hosts=("player.vimeo.com",))


@pytest.mark.parametrize(
    ("value", "use", "message"),
    [
        (
            "javascript:alert(1)",
            "LINK",
            (
                f"card url 'javascript:alert(1)' is refused ('javascript:' addresses are not allowed): {LINK};"
                " the card is kept without its link"
            ),
        ),
        (
            "//evil.com/x.png",
            "IMAGE",
            (
                f"card url '//evil.com/x.png' is refused ('//' with no scheme before it): {IMAGE};"
                " the card is kept without its link"
            ),
        ),
        (
            "java\tscript:alert(1)",
            "LINK",
            (
                f"card url 'java\\tscript:alert(1)' is refused (it contains the invisible character U+0009): {LINK};"
                " the card is kept without its link"
            ),
        ),
        (
            "jav&#x61;script:alert(1)",
            "LINK",
            (
                "card url 'jav&#x61;script:alert(1)' is refused ('javascript:' addresses are not allowed, once its"
                f" character references (&…;) are decoded): {LINK}; the card is kept without its link"
            ),
        ),
        (
            "mailto:a@example.org",
            "IMAGE",
            (
                f"card url 'mailto:a@example.org' is refused ('mailto:' addresses are not allowed): {IMAGE};"
                " the card is kept without its link"
            ),
        ),
        (
            "https://evil.com\\@www.dailymotion.com/",
            "LINK",
            (
                f"card url 'https://evil.com\\\\@www.dailymotion.com/' is refused (it contains a backslash): {LINK};"
                " the card is kept without its link"
            ),
        ),
        (
            "https://www.dailymotion.com@evil.com/",
            "LINK",
            (
                "card url 'https://www.dailymotion.com@evil.com/' is refused (a user name before '@' hides the real"
                f" host): {LINK}; the card is kept without its link"
            ),
        ),
        ("https://example.org/", "LINK", None),
        ("mailto:a@example.org", "LINK", None),
        ("../x/", "IMAGE", None),
    ],
)
def test_refusal_names_the_value_why_and_what_is_allowed(value: str, use: str, message: str | None) -> None:
    from mkdocs_numeco.core import urls

    assert urls.refusal(urls.classify(value), getattr(urls, use), "card url", "the card is kept without its link") == (
        message
    )


def test_a_long_value_is_shortened_in_the_warning() -> None:
    from mkdocs_numeco.core import urls

    message = urls.refusal(urls.classify("javascript:" + "a" * 200), urls.LINK, "x", "y")
    assert message is not None and message.startswith("x 'javascript:" + "a" * 48 + "…' is refused")


@pytest.mark.parametrize(
    ("value", "src_uri", "resolved"),
    [
        ("img/x.png", "posts/a.md", "posts/img/x.png"),
        ("../img/x.png", "posts/a.md", "img/x.png"),
        ("/img/x.png", "posts/a.md", "img/x.png"),
        ("img/mon%20image.png?v=2#x", "posts/a.md", "posts/img/mon image.png"),
        ("https://cdn.example.net/x.png", "posts/a.md", "https://cdn.example.net/x.png"),
        ("//evil.com/x.png", "posts/a.md", None),
        ("javascript:alert(1)//x.png", "posts/a.md", None),
        ("mailto:a@example.org", "posts/a.md", None),
        ("#top", "posts/a.md", None),
    ],
)
def test_resolve_gives_a_docs_path_an_http_url_or_nothing(value: str, src_uri: str, resolved: str | None) -> None:
    from mkdocs_numeco.core import urls

    assert urls.resolve(urls.classify(value), src_uri) == resolved


@pytest.mark.parametrize(
    ("path", "absolute"),
    [
        ("posts/a/", "https://example.org/posts/a/"),
        ("/feed.xml", "https://example.org/feed.xml"),
        ("https://cdn.example.net/x.png", "https://cdn.example.net/x.png"),
        ("javascript://x.png", "https://example.org/javascript://x.png"),
        ("//evil.com/x.png", "https://example.org/evil.com/x.png"),
    ],
)
def test_absolute_keeps_http_urls_and_puts_everything_else_under_the_site(path: str, absolute: str) -> None:
    from mkdocs_numeco.core import urls

    assert urls.absolute(SITE_URL, path) == absolute


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.com\\@www.dailymotion.com/embed/video/x9h51js",
        "https://evil.com\\@www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com@evil.com/embed/dQw4w9WgXcQ",
        "https://user@www.youtube.com/embed/dQw4w9WgXcQ",
        "https://embed.notacast.com/$/show/episode",
        "https://embed.acast.com.evil.com/$/show/episode",
        "https://evilplayer.vimeo.com/video/76979871",
        "https://www.youtube.com.evil.com/embed/dQw4w9WgXcQ",
        "javascript://www.youtube.com/embed/dQw4w9WgXcQ",
        "java\tscript://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://evil.com\\@tube.example.fr/videos/embed/8a1c2e4f",
    ],
)
def test_raw_players_are_upgraded_only_from_their_real_host(src: str) -> None:
    from mkdocs_numeco.core.shortcodes.iframes import identify

    assert identify(src) is None


@pytest.mark.parametrize(
    ("src", "embed"),
    [
        ("//www.youtube-nocookie.com/embed/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://EMBED.ACAST.COM/$/show/ep", "https://embed.acast.com/$/show/ep"),
        ("https://player.acast.com/show/ep", "https://player.acast.com/show/ep"),
        (
            "https://ｗｗｗ．ｄａｉｌｙｍｏｔｉｏｎ．ｃｏｍ/embed/video/x9h51js",
            "https://www.dailymotion.com/embed/video/x9h51js",
        ),
    ],
)
def test_real_players_still_upgrade(src: str, embed: str) -> None:
    from mkdocs_numeco.core.shortcodes.iframes import identify

    player = identify(src)
    assert player is not None and player.embed == embed


# -- one small site per attack -----------------------------------------------------------------


def _site(tmp_path: Path, name: str) -> Path:
    pages = {f"posts/urls-{name}.md": attack_page(name), "images/poster.svg": POSTER}
    return write_site(tmp_path, pages, {"seo": {"poster": "images/poster.svg"}})


def _warning(name: str) -> str:
    return "mkdocs_numeco: " + attack_warning(name)


def _json_urls(value: Any, key: str = "") -> list[str]:
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in _json_urls(v, k)]
    if isinstance(value, list):
        return [u for v in value for u in _json_urls(v, key)]
    wanted = key.lower().endswith(("url", "image", "@id", "id")) or key in ("thumbnail", "logo")
    return [value] if isinstance(value, str) and wanted else []


def published_urls(built: Built) -> list[str]:
    """Every URL the site publishes: attributes of every page, head meta, JSON-LD, Atom and JSON feeds."""
    found: list[str] = []
    for path in built.site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in soup.find_all(True):
            found += [str(v) for a, v in tag.attrs.items() if a in ("href", "src", "srcset", "poster", "action")]
            found += [str(v) for a, v in tag.attrs.items() if a.startswith("data-") and "url" in a]
        for meta in soup.find_all("meta", attrs={"content": True}):
            if "image" in str(meta.get("property", "")) + str(meta.get("name", "")) or "url" in str(
                meta.get("property")
            ):
                found.append(meta["content"])
        for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
            found += _json_urls(json.loads(script.string))
    for path in built.site_dir.rglob("*.xml"):
        xml = BeautifulSoup(path.read_bytes(), "xml")
        found += [str(t.get(a)) for t in xml.find_all(True) for a in ("href", "url") if t.get(a)]
        found += [t.get_text() for t in xml.find_all(["id", "loc", "uri", "icon", "logo"])]
    for path in built.site_dir.rglob("*.json"):
        if path.name != "search_index.json":
            found += _json_urls(json.loads(path.read_text(encoding="utf-8")))
    return found


def assert_nothing_refused_is_published(built: Built) -> None:
    urls = published_urls(built)
    assert any(u.startswith(SITE_URL) for u in urls), "the collector found no URL at all"
    for url in urls:
        value = url.strip().lower()
        assert "evil" not in value and "alert" not in value, url
        assert not value.startswith(("javascript:", "data:", "vbscript:", "file:", "//")), url
        assert "\\" not in value, url


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_a_refused_url_is_dropped_with_one_exact_warning(tmp_path: Path, name: str) -> None:
    built = build_site(_site(tmp_path, name))
    warnings = built.messages(logging.WARNING)
    assert warnings == [_warning(name)]
    assert_nothing_refused_is_published(built)
    assert not any(r.exc_info for r in built.records)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]


@pytest.mark.parametrize("name", ["card-javascript", "image-protocol-relative", "iframe-backslash"])
def test_strict_build_fails_on_a_refused_url(tmp_path: Path, name: str) -> None:
    with pytest.raises(Abort, match=r"Aborted with 1 warnings in strict mode"):
        build_site(_site(tmp_path, name), strict=True)


@pytest.mark.parametrize("name", ["card-javascript", "card-entity", "card-tab"])
def test_a_card_keeps_its_title_without_the_link(tmp_path: Path, name: str) -> None:
    built = build_site(_site(tmp_path, name))
    card = built.content(f"posts/urls-{name}/").select_one("div.grid.cards li")
    assert card.select_one("strong").get_text() == "Guide piégé"
    assert card.find("a") is None


def test_a_card_keeps_its_link_and_its_alt_without_the_image(tmp_path: Path) -> None:
    built = build_site(_site(tmp_path, "card-image"))
    card = built.content("posts/urls-card-image/").select_one("div.grid.cards li")
    assert card.find("img") is None
    assert card.select_one("strong a")["href"] == "https://example.org/guide/"
    assert next(p.get_text() for p in card.find_all("p")) == "Couverture du guide"


@pytest.mark.parametrize("name", ["quote-javascript", "quote-protocol-relative"])
def test_a_quote_keeps_its_text_without_the_picture(tmp_path: Path, name: str) -> None:
    built = build_site(_site(tmp_path, name))
    quote = built.content(f"posts/urls-{name}/").select_one("div.admonition.quote")
    assert quote.find("img") is None
    assert quote.get_text(" ", strip=True) == "« Citation gardée »"


@pytest.mark.parametrize("name", ["iframe-backslash", "iframe-userinfo", "iframe-javascript"])
def test_a_refused_iframe_is_not_upgraded_nor_kept(tmp_path: Path, name: str) -> None:
    built = build_site(_site(tmp_path, name))
    content = built.content(f"posts/urls-{name}/")
    assert content.find("iframe") is None and content.select("[data-embed-url]") == []
    assert [p.get_text() for p in content.find_all("p")][-2:] == ["Avant.", "Après."]


def _one(tmp_path: Path, *names: str) -> Built:
    """A small site of some of `PAGES` (and the picture they share)."""
    pages = {name: PAGES[name] for name in (*names, "urls-images/poster.svg")}
    return build_site(write_site(tmp_path, pages))


def test_a_lookalike_acast_host_is_not_read_as_acast(tmp_path: Path) -> None:
    """It gets the facade of any other host, named after its real host, not Acast's podcast player."""
    built = _one(tmp_path, "posts/urls-notacast.md")
    content = built.content("posts/urls-notacast/")
    box = content.select_one("div.numeco-video")
    assert (box["data-provider"], box["data-video-id"]) == ("embed", "embed.notacast.com")
    assert box["data-embed-url"] == "https://embed.notacast.com/$/show/episode"
    assert box.select_one(".numeco-video__provider").get_text() == "embed.notacast.com"
    assert content.find_all("iframe") == []
    assert built.messages(logging.WARNING) == []


def test_an_external_image_is_never_loaded_by_our_pages_but_is_offered_to_crawlers(tmp_path: Path) -> None:
    """Decision: an https `image:` may be og:image, JSON-LD and feed image (read by crawlers and feed readers,
    never by a reader of our pages), but no page of ours shows it as `<img src>` (no third-party request)."""
    built = _one(tmp_path, "posts/urls-external.md")
    for path in built.site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert [t for t in soup.find_all(src=True) if "cdn.example.net" in t["src"]] == [], path
        assert [t for t in soup.find_all(style=True) if "cdn.example.net" in t["style"]] == [], path
    head = built.soup("posts/urls-external/").head
    assert head.find("meta", attrs={"property": "og:image"})["content"] == EXTERNAL_IMAGE
    feed = json.loads((built.site_dir / "feed.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["image"] == EXTERNAL_IMAGE
    assert built.messages(logging.WARNING) == []


def test_a_page_that_is_no_post_has_its_image_refused_too(tmp_path: Path) -> None:
    built = _one(tmp_path, "urls-page.md")
    assert built.messages(logging.WARNING) == [
        (
            "mkdocs_numeco: urls-page.md:3: image 'javascript:alert(1)//x.png' is refused ('javascript:' addresses are"
            f" not allowed): {IMAGE}; the page has no image until it is fixed"
        )
    ]
    assert_nothing_refused_is_published(built)


def test_allowed_urls_still_work(tmp_path: Path) -> None:
    built = _one(tmp_path, "posts/urls-ok.md")
    card = built.content("posts/urls-ok/").select_one("div.grid.cards li")
    assert card.select_one("strong a")["href"] == "mailto:contact@example.org"
    assert card.select_one("img")["alt"] == "A"
    head = built.soup("posts/urls-ok/").head
    assert head.find("meta", attrs={"property": "og:image"})["content"] == SITE_URL + "urls-images/poster.svg"
    assert built.messages(logging.WARNING) == []


def test_every_attack_in_one_site(tmp_path: Path) -> None:
    """The lead's one-site build, for this area alone: one warning per refusal, nothing refused published."""
    built = build_site(write_site(tmp_path, dict(PAGES)))
    assert sorted(built.messages(logging.WARNING)) == ["mkdocs_numeco: " + w for w in WARNINGS]
    assert_nothing_refused_is_published(built)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]
    with pytest.raises(Abort, match=rf"Aborted with {len(WARNINGS)} warnings in strict mode"):
        build_site(write_site(tmp_path / "strict", dict(PAGES)), strict=True)

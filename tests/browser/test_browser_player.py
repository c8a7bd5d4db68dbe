"""The click-to-load facade, the transcript dialog and instant navigation, in Chromium."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from numeco_browser import DemoPage, built_and_served, is_loopback
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FACADE = ".numeco-video[data-embed-url]"


def _post_title(post: DemoPage) -> str:
    return post.soup.select_one("article h1").get_text(" ", strip=True)


def _video_names(post: DemoPage) -> list[str]:
    """What each video of a post is called: the post's title, or the title given in its shortcode."""
    names = []
    for box in post.soup.select(FACADE):
        title = box["data-title"]
        assert title.startswith("Vidéo\u00a0: "), title
        names.append(title.removeprefix("Vidéo\u00a0: "))
    if len(names) == 1:
        assert names == [_post_title(post)]
    assert all(names)
    return names


def _play_and_check(visit, how: str, name: str, index: int = 0) -> None:
    """Start the video number `index` of the open page; check player, title, focus and requests."""
    page = visit.page
    box = page.locator(FACADE).nth(index)
    embed_url = box.get_attribute("data-embed-url")
    provider_host = urlsplit(embed_url).hostname
    button = box.locator("button.numeco-video__play")
    expect(button).to_have_accessible_name(re.compile(r"^Lire la vidéo\u00a0: " + re.escape(name) + " "))
    before = set(visit.external)

    # The provider's player is asked for only now; the route aborts it (no network here).
    with page.expect_request(lambda request: urlsplit(request.url).hostname == provider_host):
        if how == "click":
            button.click()
        else:
            button.focus()
            page.keyboard.press(how)

    frame = box.locator("iframe")
    expect(frame).to_have_count(1)
    assert frame.get_attribute("src").startswith(embed_url)
    # The player's title names the video (RGAA 2.1 / 2.2).
    expect(frame).to_have_attribute("title", f"Vidéo\u00a0: {name}")
    expect(frame).to_be_focused()
    expect(box.locator("button")).to_have_count(0)
    assert {urlsplit(url).hostname for url in set(visit.external) - before} == {provider_host}


def test_without_javascript_the_facade_links_to_the_provider(open_context, video_posts):
    visit = open_context(java_script_enabled=False)
    for post in video_posts:
        visit.open(post.path)
        page = visit.page
        for index, box in enumerate(post.soup.select(FACADE)):
            fallback = page.locator(FACADE).nth(index).locator("a.numeco-video__fallback")
            expect(fallback).to_be_visible()
            expect(fallback).to_have_accessible_name(re.compile(re.escape(box["data-title"].split("\u00a0: ", 1)[1])))
            assert urlsplit(fallback.get_attribute("href")).hostname.endswith(box["data-provider"] + ".com")
            # The play button would do nothing: it is not shown, nor reachable with Tab.
            expect(page.locator(FACADE).nth(index).locator("button.numeco-video__play")).to_be_hidden()
            box_rect = page.locator(FACADE).nth(index).bounding_box()
            link_rect = fallback.bounding_box()
            assert link_rect["width"] >= 44 and link_rect["height"] >= 44
            assert (
                box_rect["y"] <= link_rect["y"]
                and link_rect["y"] + link_rect["height"] <= box_rect["y"] + box_rect["height"]
            )
    assert visit.external == []


def test_loading_a_video_post_sends_no_request_off_the_machine(visit, video_posts):
    for post in video_posts:
        visit.requests.clear()
        visit.open(post.path)
        visit.page.wait_for_load_state("networkidle")
        # The recorder saw the page's own files, so an empty "external" list means something.
        assert any(url.endswith("/numeco.js") for url in visit.requests), post.path
        assert visit.external == [], f"{post.path} asked for {visit.external}"


@pytest.mark.parametrize("how", ["click", "Enter", "Space"])
def test_play_inserts_the_titled_player_and_focuses_it(open_context, video_posts, how):
    for post in video_posts:
        visit = open_context()  # a fresh context: the record starts empty
        visit.open(post.path)
        assert not visit.external, f"requests left the machine before play: {visit.external}"
        for index, name in enumerate(_video_names(post)):
            _play_and_check(visit, how, name, index)


def _transcript_posts(demo_posts: list[DemoPage]) -> list[DemoPage]:
    posts = [p for p in demo_posts if p.soup.select_one("details.numeco-transcript")]
    assert posts, "no demo post has a transcript"
    return posts


def _check_transcript(page) -> None:
    details = page.locator("details.numeco-transcript").first
    summary = details.locator("summary")
    was_open = details.evaluate("d => d.open")
    summary.click()
    expect(details).to_have_js_property("open", not was_open)
    summary.click()
    expect(details).to_have_js_property("open", was_open)
    if not was_open:
        summary.focus()
        page.keyboard.press("Enter")
        expect(details).to_have_js_property("open", True)

    body = details.locator(".numeco-transcript__body")
    transcript = body.evaluate("b => b.innerHTML")
    assert transcript.strip()
    expand = details.locator("button.numeco-transcript__expand")
    expect(expand).to_have_text("Agrandir")
    expand.click()

    dialog = page.locator("dialog.numeco-dialog")
    expect(dialog).to_be_visible()
    assert dialog.evaluate("d => d.matches(':modal')"), "the dialog is not modal"
    expect(dialog).to_have_accessible_name(summary.inner_text())
    # The whole transcript, moved (not copied: ids stay unique).
    assert dialog.locator(".numeco-dialog__content").evaluate("c => c.innerHTML") == transcript
    assert body.evaluate("b => b.childElementCount") == 0

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(expand).to_be_focused()
    # The browser gives focus back as it closes the dialog; the transcript moves back on the
    # `close` event, dispatched just after: wait for it rather than race it.
    page.wait_for_function("b => b.childElementCount > 0", arg=body.element_handle())
    assert body.evaluate("b => b.innerHTML") == transcript

    # The close button does the same.
    expand.click()
    expect(dialog).to_be_visible()
    # its label comes from the site's labels, through the expand button
    expect(dialog.locator("button.numeco-dialog__close")).to_have_text(expand.get_attribute("data-close-label"))
    dialog.locator("button.numeco-dialog__close").click()
    expect(dialog).to_be_hidden()
    expect(expand).to_be_focused()
    # The browser gives focus back as it closes the dialog; the transcript moves back on the
    # `close` event, dispatched just after: wait for it rather than race it.
    page.wait_for_function("b => b.childElementCount > 0", arg=body.element_handle())
    assert body.evaluate("b => b.innerHTML") == transcript


def test_transcript_toggles_and_expands_into_a_dialog(visit, demo_posts):
    for post in _transcript_posts(demo_posts):
        visit.open(post.path)
        _check_transcript(visit.page)


def test_transcript_link_sits_right_after_the_player_and_opens_it(visit, demo_posts):
    """RGAA 4.1: the transcript is reached from a link adjacent to the media."""
    checked = 0
    for post in _transcript_posts(demo_posts):
        visit.open(post.path)
        page = visit.page
        for box in page.locator(".numeco-video").all():
            link = box.locator("xpath=following-sibling::*[1]").locator("a")
            expect(link).to_have_count(1)
            expect(link).to_have_text("Lire la transcription")
            # Material's instant navigation makes hrefs absolute: compare the resolved link.
            assert link.evaluate("a => a.pathname") == urlsplit(page.url).path
            fragment = link.evaluate("a => a.hash")
            assert fragment.startswith("#numeco-transcript-")
            target = page.locator(f"details.numeco-transcript[id='{fragment[1:]}']")
            expect(target).to_have_count(1)
            link.click()
            expect(target).to_have_js_property("open", True)
            expect(target).to_be_in_viewport()
            checked += 1
        # Arriving with the transcript's address opens it too (a new document, not a hash change).
        # Chromium opens a targeted <details> by itself; numeco.js does it for browsers that don't.
        page.goto("about:blank")
        visit.open(f"{post.path}#numeco-transcript-1")
        expect(page.locator("details#numeco-transcript-1")).to_have_js_property("open", True)
    assert checked


def test_instant_navigation_to_the_next_episode_then_play(visit, demo_posts):
    starts = [p for p in demo_posts if p.soup.select_one(".numeco-series a[rel=next]")]
    assert starts, "no demo post has a series 'next' link"
    by_path = {p.path: p for p in demo_posts}
    visit.open(starts[0].path)
    page = visit.page
    # Material ignores clicks until it has read sitemap.xml (fetched after load).
    page.wait_for_load_state("networkidle")
    # A full reload would drop this flag; Material's instant navigation keeps the window.
    page.evaluate("window.numecoTestNoReload = true")
    link = page.locator(".numeco-series a[rel=next]").first
    target = urljoin(page.url, link.get_attribute("href"))
    link.click()
    page.wait_for_url(target)
    destination = by_path[target[len(visit.base_url) :]]
    expect(page.locator("article h1")).to_have_text(_post_title(destination))
    assert page.evaluate("window.numecoTestNoReload === true"), "the link caused a full page load"
    assert all(is_loopback(url) for url in visit.requests)
    # Material parses the new page with scripting off: <noscript> links become elements, kept out of sight.
    for fallback in page.locator(".numeco-video__fallback").all():
        expect(fallback).to_be_hidden()
    _play_and_check(visit, "click", _video_names(destination)[0])
    _check_transcript(page)


ENGLISH_POST = """---
title: "Lighter pages"
date: 2025-01-02
tags: [Video]
series: "Basics"
---

{% youtube "dQw4w9WgXcQ" %}

{% transcription "Ada" %}
First paragraph of the transcript.

Second paragraph of the transcript.
{% endtranscription %}
"""


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    """A one-post site in English, built and served like the demo."""
    root = tmp_path_factory.mktemp("english")
    (root / "docs" / "posts").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "posts" / "lighter.md").write_text(ENGLISH_POST, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://example.org/\n"
        "theme: {name: material, language: en, font: false, features: [navigation.instant]}\n"
        "plugins: [numeco]\n",
        encoding="utf-8",
    )
    with built_and_served(root / "mkdocs.yml", tmp_path_factory.mktemp("english-site")) as base_url:
        yield base_url


def test_english_labels_in_the_browser(open_context, english_site):
    visit = open_context()
    page = visit.page
    page.goto(english_site + "posts/lighter/", wait_until="load")
    box = page.locator(FACADE)
    expect(box.locator("button")).to_have_accessible_name(re.compile(r"^Play the video: Lighter pages "))
    link = box.locator("xpath=following-sibling::*[1]").locator("a")
    expect(link).to_have_text("Read the transcript")
    assert link.evaluate("a => a.hash") == "#" + page.locator("details.numeco-transcript").get_attribute("id")

    page.locator("details.numeco-transcript > summary").click()
    page.get_by_role("button", name="Expand").click()
    dialog = page.get_by_role("dialog", name="Transcript: Ada")
    expect(dialog).to_contain_text("Second paragraph of the transcript.")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()

    box.locator("button").click()
    expect(box.locator("iframe")).to_have_attribute("title", "Video: Lighter pages")
    expect(box.locator("iframe")).to_be_focused()
    assert {urlsplit(url).hostname for url in visit.external} == {"www.youtube-nocookie.com"}

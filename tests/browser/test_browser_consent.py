"""Remembered consent (option `remember_consent`): per host, in localStorage, revocable; off by default.

Every request to another host is aborted: a player "loads" only as far as its iframe's `src`.
"""

from __future__ import annotations

import pytest
from numeco_browser import built_and_served, is_loopback
from playwright.sync_api import expect
from sitebuild import post, write_site

pytestmark = pytest.mark.browser

BODY = 'Première.\n\n{% dailymotion "x9h51js" %}\n'
REMEMBER = "Toujours charger les contenus de Dailymotion"


def _site(tmp_path, browser, plugin: dict | None):
    pages = {
        "index.md": "# Accueil\n",
        "a.md": post("A", "2025-01-01", BODY),
        "b.md": post("B", "2025-01-02", BODY),
    }
    config = write_site(tmp_path / "src", pages, plugin=plugin)
    return built_and_served(config, tmp_path / "out")


def _page(browser):
    context = browser.new_context(locale="fr-FR")
    external: list[str] = []
    context.on("request", lambda request: None if is_loopback(request.url) else external.append(request.url))
    context.route("**/*", lambda route: route.continue_() if is_loopback(route.request.url) else route.abort())
    return context, context.new_page(), external


def _stored(page) -> int:
    return page.evaluate("localStorage.length")


def test_off_by_default_nothing_is_offered_nor_stored(tmp_path, browser) -> None:
    with _site(tmp_path, browser, None) as base_url:
        context, page, external = _page(browser)
        page.goto(base_url + "a/", wait_until="load")
        assert page.locator("[data-consent]").count() == 0
        page.get_by_role("button", name="Lire la vidéo").click()
        expect(page.locator(".numeco-video iframe")).to_have_count(1)
        page.goto(base_url + "b/", wait_until="load")
        expect(page.get_by_role("button", name="Lire la vidéo")).to_be_visible()  # a click again: nothing kept
        assert page.locator(".numeco-video iframe").count() == 0
        assert _stored(page) == 0
        assert external == ["https://www.dailymotion.com/embed/video/x9h51js?autoplay=1"]  # the one click
        context.close()


def test_remembered_consent_loads_the_host_without_a_click_until_revoked(tmp_path, browser) -> None:
    with _site(tmp_path, browser, {"remember_consent": True}) as base_url:
        context, page, external = _page(browser)
        page.goto(base_url + "a/", wait_until="load")
        assert external == []
        assert _stored(page) == 0  # reading is not storing
        remember = page.get_by_role("checkbox", name=REMEMBER)
        expect(remember).to_be_visible()
        expect(remember).not_to_be_checked()
        remember.focus()
        page.keyboard.press("Space")  # a real checkbox: the keyboard ticks it
        expect(remember).to_be_checked()
        assert page.evaluate("localStorage.getItem('numeco-consent:www.dailymotion.com')") == "1"
        assert page.locator(".numeco-video iframe").count() == 0  # ticking is not playing
        page.get_by_role("button", name="Lire la vidéo").click()
        expect(page.locator(".numeco-video iframe")).to_have_count(1)

        # Another page of the same host: the player is there without a click, and does not start.
        page.goto(base_url + "b/", wait_until="load")
        frame = page.locator(".numeco-video iframe")
        expect(frame).to_have_attribute("src", "https://www.dailymotion.com/embed/video/x9h51js")
        assert page.get_by_role("button", name="Lire la vidéo").count() == 0
        remember = page.get_by_role("checkbox", name=REMEMBER)
        expect(remember).to_be_checked()  # the same control, on the loaded player, revokes

        remember.uncheck()
        assert _stored(page) == 0
        page.reload(wait_until="load")
        expect(page.get_by_role("button", name="Lire la vidéo")).to_be_visible()
        assert page.locator(".numeco-video iframe").count() == 0
        expect(page.get_by_role("checkbox", name=REMEMBER)).not_to_be_checked()
        context.close()


def test_without_javascript_the_control_is_not_shown(tmp_path, browser) -> None:
    with _site(tmp_path, browser, {"remember_consent": True}) as base_url:
        context = browser.new_context(locale="fr-FR", java_script_enabled=False)
        context.route("**/*", lambda route: route.continue_() if is_loopback(route.request.url) else route.abort())
        page = context.new_page()
        page.goto(base_url + "a/", wait_until="load")
        expect(page.locator(".numeco-video__remember")).to_be_hidden()
        expect(page.locator(".numeco-video__fallback")).to_be_visible()
        context.close()

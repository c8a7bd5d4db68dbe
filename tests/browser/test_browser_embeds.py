"""Any iframe is click-to-load: an unknown host's page is requested only when the reader asks for it."""

from __future__ import annotations

from numeco_browser import built_and_served
from playwright.sync_api import expect
from sitebuild import post, write_site

MAP = "https://maps.example.org/carte?z=3"


def test_an_iframe_of_another_host_loads_only_on_click(tmp_path, browser) -> None:
    body = f'Voici la carte.\n\n<iframe src="{MAP}" title="Carte des ateliers" width="600" height="400"></iframe>\n'
    config = write_site(tmp_path / "src", {"index.md": "# Accueil\n", "carte.md": post("Carte", "2025-01-01", body)})
    with built_and_served(config, tmp_path / "out") as base_url:
        context = browser.new_context(locale="fr-FR")
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        page = context.new_page()
        page.goto(base_url + "carte/", wait_until="load")
        assert [url for url in requests if "maps.example.org" in url] == []  # nothing before the click
        button = page.get_by_role("button", name="Charger le contenu de maps.example.org\u00a0: Carte des ateliers")
        button.click()
        frame = page.locator(".numeco-video iframe")
        expect(frame).to_have_attribute("src", MAP)  # the page as written: no autoplay parameter for a map
        expect(frame).to_have_attribute("title", "Contenu de maps.example.org\u00a0: Carte des ateliers")
        expect(frame).to_be_focused()
        context.close()

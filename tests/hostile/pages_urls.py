"""Hostile author URLs (issue 12, item 5): pages that can all live in one site.

`PAGES` holds one post per attack of `ATTACKS` (cards, `::: quote` pictures,
`image:` values and raw iframes whose URL the policy refuses), plus pages
that must pass untouched: a look-alike Acast iframe, an external https
`image:` and allowed URLs. `WARNINGS` is what a build must print for them.
"""

from __future__ import annotations

from typing import Any

from sitebuild import post

LINK = "use an http:// or https:// address, mailto:, a path from the site root (/…) or a relative path"
IMAGE = "use an http:// or https:// address, a path from the site root (/…) or a relative path"
POSTER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9"/></svg>'


CARD_IMPORT = '{% from "components/component.njk" import component with context %}'


def _card(fields: str) -> str:
    return f'{CARD_IMPORT}\n\n{{{{ component("card", {{{fields}}}) }}}}\n\nFin.'


def _iframe(src: str) -> str:
    return f'Avant.\n\n<iframe src="{src}" title="Lecteur piégé"></iframe>\n\nAprès.'


# name -> (front matter, body, (what, shown value, allowed, consequence) of the warning, line)
ATTACKS: dict[str, tuple[dict[str, Any], str, tuple[str, str, str, str, str], int]] = {
    "card-javascript": (
        {},
        _card('title: "Guide piégé", url: "javascript:alert(1)"'),
        (
            "card url",
            "'javascript:alert(1)'",
            "'javascript:' addresses are not allowed",
            LINK,
            "the card is kept without its link",
        ),
        9,
    ),
    "card-entity": (
        {},
        _card('title: "Guide piégé", url: "jav&#x61;script:alert(1)"'),
        (
            "card url",
            "'jav&#x61;script:alert(1)'",
            "'javascript:' addresses are not allowed, once its character references (&…;) are decoded",
            LINK,
            "the card is kept without its link",
        ),
        9,
    ),
    "card-tab": (
        {},
        _card('title: "Guide piégé", externalUrl: "java\tscript:alert(1)"'),
        (
            "card url",
            "'java\\tscript:alert(1)'",
            "it contains the invisible character U+0009",
            LINK,
            "the card is kept without its link",
        ),
        9,
    ),
    "card-image": (
        {},
        _card(
            'title: "Guide piégé", url: "https://example.org/guide/", image: {src: "//evil.com/x.png", alt: "Couverture du guide"}'
        ),
        (
            "card image",
            "'//evil.com/x.png'",
            "'//' with no scheme before it",
            IMAGE,
            "the card is kept without its image",
        ),
        9,
    ),
    "card-image-data": (
        {},
        _card('title: "Guide piégé", image: "data:image/svg+xml,<svg onload=alert(1)>"'),
        (
            "card image",
            "'data:image/svg+xml,<svg onload=alert(1)>'",
            "'data:' addresses are not allowed",
            IMAGE,
            "the card is kept without its image",
        ),
        9,
    ),
    "quote-javascript": (
        {},
        "::: quote javascript:alert(1)//x.png\n« Citation gardée »\n:::\n",
        (
            "quote picture",
            "'javascript:alert(1)//x.png'",
            "'javascript:' addresses are not allowed",
            IMAGE,
            "the quote is kept without its picture",
        ),
        7,
    ),
    "quote-protocol-relative": (
        {},
        "::: quote //evil.com/x.png\n« Citation gardée »\n:::\n",
        (
            "quote picture",
            "'//evil.com/x.png'",
            "'//' with no scheme before it",
            IMAGE,
            "the quote is kept without its picture",
        ),
        7,
    ),
    "image-javascript": (
        {"image": "javascript:alert(1)//x.png"},
        '{% youtube "dQw4w9WgXcQ" %}',
        (
            "image",
            "'javascript:alert(1)//x.png'",
            "'javascript:' addresses are not allowed",
            IMAGE,
            "the page has no image until it is fixed",
        ),
        5,
    ),
    "image-javascript-slashes": (
        {"image": "javascript://example.org/%0Aalert(1)//x.png"},
        '{% youtube "dQw4w9WgXcQ" %}',
        (
            "image",
            "'javascript://example.org/%0Aalert(1)//x.png'",
            "'javascript:' addresses are not allowed",
            IMAGE,
            "the page has no image until it is fixed",
        ),
        5,
    ),
    "image-protocol-relative": (
        {"image": "//evil.com/x.png"},
        '{% youtube "dQw4w9WgXcQ" %}',
        (
            "image",
            "'//evil.com/x.png'",
            "'//' with no scheme before it",
            IMAGE,
            "the page has no image until it is fixed",
        ),
        5,
    ),
    "image-mapping": (
        {"image": {"path": "javascript:alert(1)//x.png", "alt": "Texte gardé"}},
        "Texte.",
        (
            "image",
            "'javascript:alert(1)//x.png'",
            "'javascript:' addresses are not allowed",
            IMAGE,
            "the page has no image until it is fixed",
        ),
        5,
    ),
    "image-data": (
        {"image": "data:text/html,<script>evil()</script>"},
        "Texte.",
        (
            "image",
            "'data:text/html,<script>evil()</script>'",
            "'data:' addresses are not allowed",
            IMAGE,
            "the page has no image until it is fixed",
        ),
        5,
    ),
    "image-backslash": (
        {"image": "https://evil.com\\@example.org/x.png"},
        "Texte.",
        (
            "image",
            "'https://evil.com\\\\@example.org/x.png'",
            "it contains a backslash",
            IMAGE,
            "the page has no image until it is fixed",
        ),
        5,
    ),
    "iframe-backslash": (
        {},
        _iframe("https://evil.com\\@www.dailymotion.com/embed/video/x9h51js"),
        (
            "iframe src",
            "'https://evil.com\\\\@www.dailymotion.com/embed/video/x9h51js'",
            "it contains a backslash",
            IMAGE,
            "the iframe is left out of the page as an HTML comment",
        ),
        9,
    ),
    "iframe-userinfo": (
        {},
        _iframe("https://www.youtube.com@evil.com/embed/dQw4w9WgXcQ"),
        (
            "iframe src",
            "'https://www.youtube.com@evil.com/embed/dQw4w9WgXcQ'",
            "a user name before '@' hides the real host",
            IMAGE,
            "the iframe is left out of the page as an HTML comment",
        ),
        9,
    ),
    "iframe-javascript": (
        {},
        _iframe("jav&#x61;script:alert(1)"),
        (
            "iframe src",
            "'javascript:alert(1)'",
            "'javascript:' addresses are not allowed",
            IMAGE,
            "the iframe is left out of the page as an HTML comment",
        ),
        9,
    ),
}


def attack_page(name: str) -> str:
    front, body, _, _ = ATTACKS[name]
    return post("Article piégé", "2024-03-01", body, **front)


def attack_warning(name: str) -> str:
    """The exact warning (after MkDocs' `mkdocs_numeco: ` prefix) for attack `name`."""
    _, _, (what, shown, reason, allowed, consequence), line = ATTACKS[name]
    return f"posts/urls-{name}.md:{line}: {what} {shown} is refused ({reason}): {allowed}; {consequence}"


EXTERNAL_IMAGE = "https://cdn.example.net/photo.png"
NOT_A_POST = "---\ntitle: Page\nimage: javascript:alert(1)//x.png\n---\n\nTexte.\n"
ALLOWED_CARD = (
    f"{CARD_IMPORT}\n\n"
    '{{ component("card", {title: "Bon", url: "mailto:contact@example.org", image: {src: "/urls-images/poster.svg", alt: "A"}}) }}'
)

PAGES: dict[str, str | bytes] = {
    **{f"posts/urls-{name}.md": attack_page(name) for name in ATTACKS},
    "posts/urls-notacast.md": post(
        "Podcast", "2024-03-01", '<iframe src="https://embed.notacast.com/$/show/episode" title="Autre"></iframe>'
    ),
    "posts/urls-external.md": post("Externe", "2024-03-01", '{% youtube "dQw4w9WgXcQ" %}', image=EXTERNAL_IMAGE),
    "posts/urls-ok.md": post("Bon", "2024-03-01", ALLOWED_CARD, image="../urls-images/poster.svg"),
    "urls-page.md": NOT_A_POST,
    "urls-images/poster.svg": POSTER,
}
USER_FILES: dict[str, str] = {}
PLUGIN: dict[str, Any] = {}
WARNINGS: list[str] = sorted(
    [attack_warning(name) for name in ATTACKS]
    + [
        (
            "urls-page.md:3: image 'javascript:alert(1)//x.png' is refused ('javascript:' addresses are not allowed):"
            f" {IMAGE}; the page has no image until it is fixed"
        )
    ]
)

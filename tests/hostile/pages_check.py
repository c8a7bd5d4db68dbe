"""Hostile pages of the `check` area (issue 12, items 3 and 8) that can all live in one site.

A post written as `.markdown` (Eleventy and MkDocs both read it; the old check command skipped it) whose Nunjucks
logic can't be converted: the build must warn about it, and `python -m mkdocs_numeco check` must list it and exit 1.
The other attack of the area (an unexpected exception inside a hook) needs a fault injected into the plugin, so it
has no page here: see `test_hostile_check.py`.
"""

from __future__ import annotations

from typing import Any

from sitebuild import post

SET_TAG = '{% set saison = "saison 1" %}'
PAGES: dict[str, str | bytes] = {
    "posts/check-legacy.markdown": post("Ancien format", "2023-01-01", f'{{% youtube "dQw4w9WgXcQ" %}}\n\n{SET_TAG}'),
}
USER_FILES: dict[str, str] = {}
PLUGIN: dict[str, Any] = {}
# What a build prints for PAGES (after MkDocs' `mkdocs_numeco: ` prefix).
WARNINGS: list[str] = [
    (
        f"posts/check-legacy.markdown:9: Nunjucks tag '{SET_TAG}' is not supported by mkdocs-numeco: it is left"
        " out of the page as an HTML comment; write the value itself where it is used"
    )
]

"""Markup that comes out the same on many pages, rendered once per renderer.

A template's output depends only on the renderer (its templates, the site's own
included, its labels and language) and on the values it is given. The closing
tags of a transcript or of a `:::` container are given the same few values on
every page: each is rendered once per renderer (one build) and then reused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from ..render import Renderer

_RENDERED: WeakKeyDictionary[Renderer, dict[tuple[object, ...], str]] = WeakKeyDictionary()


def markup(renderer: Renderer, template: str, **context: str | bool) -> str:
    """`renderer.markup(template, **context)`, rendered once per renderer for the same text and flags."""
    key = (template, *sorted(context.items()))
    rendered = _RENDERED.setdefault(renderer, {})
    found = rendered.get(key)
    if found is None:
        found = rendered[key] = renderer.markup(template, **context)
    return found

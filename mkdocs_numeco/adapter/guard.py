"""The guards around the plugin's hooks: a per-page failure warns and leaves the page as written; a site-wide one
stops the build with a `PluginError` naming the stage."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
Hook = TypeVar("Hook", bound=Callable[..., Any])

# What each per-page hook does, and what the page gets when it fails.
PAGE_STAGES = {
    "convert": ("convert this page", "it is published as written"),
    "meta": ("give other plugins this page's date and image", "they get them as its front matter has them"),
    "content": ("add this page's header, series box and tags", "it is published without them"),
    "head": ("add this page's feed links and structured data", "it is published without them"),
}


def describe(error: Exception) -> str:
    """`Type: message` on one line, without the control characters a hostile page could put in it."""
    text = " ".join(str(error)[:2000].split())  # a message may quote a whole page: the start is enough
    text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    if len(text) > 300:
        text = text[:299] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def page_failure(src_path: str, stage: str, error: Exception) -> str:
    """The one warning of a per-page hook that failed on something we didn't foresee."""
    what, fallback = PAGE_STAGES[stage]
    return (
        f"{src_path}: mkdocs-numeco could not {what} ({describe(error)}); {fallback}."
        " This is a bug of mkdocs-numeco: please report it with this page"
    )


def per_page(stage: str) -> Callable[[Hook], Hook]:
    """A per-page hook that fails warns once, naming the page, and hands its input on unchanged.

    MkDocs' own errors (`PluginError`, `Abort`) pass: they already say what went wrong.
    """

    def wrap(method: Hook) -> Hook:
        @functools.wraps(method)
        def hook(self: Any, value: Any, /, *, page: Page, **kwargs: Any) -> Any:
            try:
                return method(self, value, page=page, **kwargs)
            except MkDocsException:
                raise
            except Exception as error:
                log.debug(f"{page.file.src_path}: {stage} failed", exc_info=True)  # the traceback, with -v
                log.warning(page_failure(page.file.src_path, stage, error))
                return value

        return hook  # type: ignore[return-value]

    return wrap


def site_wide(stage: str) -> Callable[[Hook], Hook]:
    """A build-level hook that fails stops the build with a `PluginError` naming the stage, not a traceback."""

    def wrap(method: Hook) -> Hook:
        @functools.wraps(method)
        def hook(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except MkDocsException:
                raise
            except Exception as error:
                log.debug(f"{stage} failed", exc_info=True)
                raise PluginError(
                    f"mkdocs-numeco could not {stage} ({describe(error)})."
                    " This is a bug of mkdocs-numeco: please report it with the pages that trigger it"
                ) from error

        return hook  # type: ignore[return-value]

    return wrap

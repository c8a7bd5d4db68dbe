"""HTML for the plugin's own page parts, from Jinja templates packaged with it.

Every template is looked up theme-first: a site whose theme has a `custom_dir`
may put a file of the same name in its `numeco/` folder (`overrides/numeco/facade.html`)
and that file wins. The `numeco/` folder keeps our names apart from the theme's own
templates. Templates are compiled once per renderer.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import DateTimePattern, format_date, get_date_format
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, Template, select_autoescape
from jinja2.runtime import new_context
from markupsafe import Markup

from .escape import esc
from .feedhtml import excerpt_marks
from .labels import Label, text_of

# The folder of a theme's `custom_dir` where a site overrides our templates.
OVERRIDES = "numeco"
# Macros the page templates call without importing them (`{% from %}` runs again at every render):
# name -> (template, macro). Each is taken from its template, the site's own when it overrides it.
MACROS = {
    "draft_badge": ("_draft.html", "draft_badge"),
    "reading_time": ("_reading.html", "reading_time"),
    "post_authors": ("_authors.html", "post_authors"),
}


def _reading_key(post: Any) -> Any:
    r = post.reading
    return None if r is None else (r.minutes, r.video_minutes, r.transcript_minutes)


# Packaged macros whose markup depends only on what these keys read of the post (and on the macro's other
# arguments): template -> (macro, key). Each is made once per key and build, on the post's page and on its
# cards, unless the site overrides the template (its macro may show more of the post).
REMEMBERED: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "_draft.html": ("draft_badge", lambda post: bool(post.draft)),
    "_pinned.html": ("pinned_badge", lambda post: bool(post.pinned)),
    "_reading.html": ("reading_time", _reading_key),
}


def _remembered(macro: Any, key_of: Callable[[Any], Any]) -> Callable[..., Any]:
    """`macro`, its markup remembered per key of its post and its other arguments."""
    made: dict[Any, Any] = {}

    def call(post: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            key = (key_of(post), args, tuple(kwargs.items()))
            found = made.get(key)
        except (AttributeError, TypeError):  # a site's template passed what isn't a post, or an unhashable value
            return macro(post, *args, **kwargs)  # Jinja reads it as the macro always did
        if found is None:
            found = made[key] = macro(post, *args, **kwargs)
        return found

    return call


def _escaped(value: Any) -> Any:
    """Every value a shortcode template prints, escaped by the converter's rules (braces and backticks too)."""
    if hasattr(value, "__html__"):
        return value
    return Markup(esc("" if value is None else value))


class Renderer:
    """Renders `mkdocs_numeco/templates/*.html` with the site's labels and language.

    `render` is for the site's pages (listings, series box); `markup` is for what the
    converter writes into a page (facade, player, transcript, cards, containers,
    redirect page): there every printed value is escaped by `esc`, so that nothing
    of an author's text can be read again as a Nunjucks tag or change the Markdown around it.
    """

    def __init__(
        self, labels: dict[str, Label] | None = None, language: str = "en", custom_dir: str | None = None
    ) -> None:
        self.labels = labels or {}
        self.language = language
        self.custom_dir = custom_dir
        loader = _loader(custom_dir)
        self.env = _environment(loader)
        self.env.globals["t"] = self.label
        self.env.globals["label_around"] = self.label_around
        self.env.globals["excerpt_marks"] = excerpt_marks
        self.env.filters["long_date"] = self.long_date
        self.markup_env = _environment(loader, finalize=_escaped)
        self.markup_env.globals.update(self.env.globals)  # `{% posts %}` renders the listing's cards in a page
        self.markup_env.filters["long_date"] = self.long_date
        self._compiled: dict[tuple[int, str], Template] = {}
        self._globals: dict[int, dict[str, Any]] = {}  # an environment's globals, copied at its first render
        self._overridden: dict[str, bool] = {}
        self._macros: dict[str, Any] = {}  # `MACROS`, loaded when the first page renders
        self._modules: dict[str, Any] = {}  # template -> its macros (`module`), `REMEMBERED`'s in place
        self._locale = _parsed(language)
        self._dates: dict[date, str] = {}  # a date's long form, formatted once per renderer
        self._long_pattern: DateTimePattern | None = None  # the locale's long date pattern (`_long_format`)
        self._labels: dict[tuple[str, tuple[tuple[str, type, Any], ...]], str] = {}  # filled labels, made once

    def label(self, key: str, **values: Any) -> str:
        """A label with its placeholders filled; for a count (`count=`), its plural form in the site's language.

        Remembered per renderer: pages ask the same few labels thousands of times.
        """
        cache_key = (key, tuple((name, type(value), value) for name, value in values.items()))
        try:
            return self._labels[cache_key]
        except KeyError:
            found = self._labels[cache_key] = text_of(self.labels[key], self.language, **values)
            return found
        except TypeError:  # a value that can't be a key: not remembered
            return text_of(self.labels[key], self.language, **values)

    def label_around(self, key: str, placeholder: str) -> tuple[str, str]:
        """The text before and after `{placeholder}` in a label, to wrap the value in markup."""
        before, _, after = self.labels[key].partition("{" + placeholder + "}")
        return before, after

    def long_date(self, value: date | None) -> str:
        """'1 avril 2025' / 'April 1, 2025', from CLDR data via Babel."""
        if not value:
            return ""
        day = value.date() if isinstance(value, datetime) else value  # as Babel reads a datetime
        found = self._dates.get(day)
        if found is None:
            found = self._dates[day] = self._long_format(day)
        return found

    def _long_format(self, day: date) -> str:
        """Babel's `format_date(day, "long")`: its pattern for the locale taken once, then applied."""
        if self._long_pattern is None:
            if not isinstance(self._locale, Locale):
                return format_date(day, format="long", locale=self._locale)  # Babel says what is wrong
            self._long_pattern = get_date_format("long", locale=self._locale)
        return self._long_pattern.apply(day, self._locale)

    def render(self, template: str, **context: Any) -> str:
        if not self._macros:
            self._macros = {name: getattr(self.module(file), macro) for name, (file, macro) in MACROS.items()}
            self.env.globals.update(self._macros)
        return self._render(self.env, template, context)

    def module(self, template: str) -> Any:
        """The macros of a page template (`render`'s environment), those of `REMEMBERED` made once per key."""
        found = self._modules.get(template)
        if found is not None:
            return found
        if not self._modules:
            for file, (name, key_of) in REMEMBERED.items():
                if not self.overridden(file):  # before any template imports it
                    module = self.env.get_template(file).module
                    setattr(module, name, _remembered(getattr(module, name), key_of))
        found = self._modules[template] = self.env.get_template(template).module
        return found

    def markup(self, template: str, **context: Any) -> str:
        """A piece of page markup; leading and trailing whitespace is the caller's to add."""
        return self._render(self.markup_env, template, context)

    def overridden(self, template: str) -> bool:
        """Whether the site's `custom_dir` has its own `template` (in its `numeco/` folder); looked at once."""
        found = self._overridden.get(template)
        if found is None:
            path = os.path.join(self.custom_dir, OVERRIDES, template) if self.custom_dir else ""
            found = self._overridden[template] = bool(path) and os.path.isfile(path)
        return found

    def render_if(self, shown: bool, template: str, **context: Any) -> str:
        """`render`, skipped when the packaged `template` would print nothing (`shown` false) and the site
        doesn't override it."""
        return self.render(template, **context) if shown or self.overridden(template) else ""

    def filter(self, name: str, function: Callable[..., Any]) -> None:
        """Make `function` available to the markup templates as `| name`."""
        self.markup_env.filters[name] = function

    def _render(self, env: Environment, name: str, context: dict[str, Any]) -> str:
        """`Template.render(**context)`, stripped. As Jinja does it, but the environment's globals are copied into
        the context from a plain dict taken at the first render, not read through the template's `ChainMap` at
        every call (which cost more than most of our templates' own work). A context made so resolves the same
        names and imports the same macros (it adds no globals of its own)."""
        template = self._template(env, name)
        found = self._globals.get(id(env))
        if found is None:
            found = self._globals[id(env)] = dict(env.globals)
        made = new_context(env, template.name, template.blocks, {**found, **context}, shared=True)
        try:
            return env.concat(template.root_render_func(made)).strip()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - as Jinja does: raised again with the template's own lines
            env.handle_exception()

    def _template(self, env: Environment, name: str) -> Template:
        key = (id(env), name)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = env.get_template(name)
        return found


def _parsed(language: str) -> Locale | str:
    """The site's language as Babel's `Locale`, parsed once; as it is when Babel can't (Babel then says why)."""
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return language


def _loader(custom_dir: str | None) -> BaseLoader:
    packaged = PackageLoader("mkdocs_numeco", "templates")
    if not custom_dir:
        return packaged
    return ChoiceLoader([FileSystemLoader(os.path.join(custom_dir, OVERRIDES)), packaged])


def _environment(loader: BaseLoader, **options: Any) -> Environment:
    # No `auto_reload`: a renderer lives for one build (`mkdocs serve` makes a new one for each),
    # so a template is read once per build, not checked on disk at every `{% from %}`.
    return Environment(
        loader=loader,
        auto_reload=False,
        cache_size=-1,  # every template of a build stays compiled (a plain dict, no LRU lock)
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        **options,
    )


@lru_cache(maxsize=1)
def packaged() -> Renderer:
    """The renderer on the packaged templates only, shared: what `convert()` uses unless told otherwise."""
    return Renderer()

"""`numeco` as a Python-Markdown extension: the shortcode conversion, without MkDocs.

```python
import markdown

html = markdown.markdown(text, extensions=["numeco"], extension_configs={"numeco": {"language": "fr"}})
```

or, in `mkdocs.yml` (MkDocs, ProperDocs, Zensical):

```yaml
markdown_extensions:
  - numeco:
      language: fr
```

It runs the same pure converter as the plugin (`mkdocs_numeco.core.shortcodes.convert`)
as a preprocessor, before fenced code and raw HTML are set aside, and loads
the extensions the converted Markdown relies on. Nothing on this path imports
MkDocs. Author mistakes are logged as warnings (`line: message`) on the logger
`mkdocs.plugins.numeco.markdown`, so that `mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .core import frontmatter
from .core.labels import language_of, resolve_labels
from .core.problems import Problem, located
from .core.shortcodes import Context, Conversion, convert

# Extensions the emitted Markdown relies on: raw HTML blocks whose content is
# Markdown (md_in_html), Material's collapsible blocks (details, admonition).
EXTENSIONS = ("admonition", "pymdownx.details", "md_in_html", "attr_list")
# How to tell that one of them is already loaded: the processor it registers.
_SIGNS = {
    "admonition": ("blockprocessors", "admonition"),
    "pymdownx.details": ("blockprocessors", "details"),
    "md_in_html": ("blockprocessors", "markdown_block"),
    "attr_list": ("treeprocessors", "attr_list"),
}
EMBEDS = ("facade", "iframe")
# After snippets (32), whitespace normalisation (30) and `meta` (27), so that
# included text is converted and page meta is read; before fenced code (25)
# and raw HTML blocks (20) are stashed, so that the converter sees the raw text.
PRIORITY = 26
LOGGER = "mkdocs.plugins.numeco.markdown"
# Zensical's preprocessor that carries the page being rendered (its meta, title and path).
_ENGINE_PAGE = "rendering_context"


@dataclass
class PageFacts:
    """What the extension knows of the page it converts."""

    body: str
    title: str = ""
    variables: Mapping[str, Any] = field(default_factory=dict)
    first_line: int = 1
    path: str = ""
    problems: list[Problem] = field(default_factory=list)


class NumecoExtension(Extension):
    """Eleventy shortcodes (videos, transcripts, cards, accordions) become Material-ready HTML."""

    def __init__(self, **kwargs: Any) -> None:
        # Same names and defaults as the plugin's options (`config.py`); `language`
        # empty means the engine's theme language when it tells, else English.
        self.config = {
            "embed": ["facade", "`facade` (click-to-load) or `iframe` (the provider's player, lazily loaded)"],
            "upgrade_iframes": [True, "Turn raw <iframe> players of known providers into the facade"],
            "remember_consent": [False, "Facades offer to remember the reader's consent per host (localStorage)"],
            "language": ["", "Language of labels (`fr`, `en`); default: the theme's, else `en`"],
            "labels": [{}, "Overrides for interface labels, by key"],
            "transcript_open": [False, "Render transcripts expanded instead of collapsed"],
            "transcript_type": ["abstract", "Material admonition type of the transcript block"],
        }
        super().__init__(**kwargs)
        self._check_options()
        self.conversion: Conversion | None = None

    def setConfig(self, key: str, value: Any) -> None:
        if key not in self.config:
            raise KeyError(f"numeco: unknown option '{key}'; known options: {', '.join(sorted(self.config))}")
        try:
            super().setConfig(key, value)
        except ValueError as error:  # a bool option given something that is not a yes or a no
            raise ValueError(f"numeco: option '{key}': {error}") from error

    def _check_options(self) -> None:
        """Refuse wrong option values when the extension is built (MkDocs: a config error naming it)."""
        options = self.getConfigs()
        if options["embed"] not in EMBEDS:
            raise ValueError(f"numeco: option 'embed' must be one of {', '.join(EMBEDS)}, not {options['embed']!r}")
        for key in ("language", "transcript_type"):
            if not isinstance(options[key], str):
                raise TypeError(f"numeco: option '{key}' must be text, not {options[key]!r}")
        labels = options["labels"]
        if not isinstance(labels, Mapping):
            raise TypeError(f"numeco: option 'labels' must map label keys to text, not {labels!r}")
        try:
            resolve_labels(options["language"], dict(labels))
        except ValueError as error:
            raise ValueError(f"numeco: option 'labels': {error}") from error

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)  # so that `md.reset()` resets us
        missing = [name for name in EXTENSIONS if not _loaded(md, name)]
        if missing:
            md.registerExtensions(missing, {})
        md.preprocessors.register(NumecoPreprocessor(md, self), "numeco", PRIORITY)

    def reset(self) -> None:
        """Forget the last document."""
        self.conversion = None

    def context(self, md: Markdown, page: PageFacts) -> Context:
        """The converter's view of one page under these options."""
        options = self.getConfigs()
        language = options["language"] or _engine_language(md)
        return Context(
            labels=resolve_labels(language, dict(options["labels"])),
            title=page.title,
            embed=options["embed"],
            upgrade_iframes=options["upgrade_iframes"],
            remember_consent=options["remember_consent"],
            transcript_open=options["transcript_open"],
            transcript_kind=options["transcript_type"],
            first_line=page.first_line,
            variables=page.variables,
        )


class NumecoPreprocessor(Preprocessor):
    """Converts the shortcodes of the whole document at once (they may span blocks)."""

    def __init__(self, md: Markdown, extension: NumecoExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        page = read_page(self.md, "\n".join(lines))
        result = convert(page.body, self.extension.context(self.md, page))
        self.extension.conversion = result
        log = _logger()
        for problem in page.problems + result.problems:
            log.warning(located(page.path or "", problem))
        return result.markdown.split("\n")


def read_page(md: Markdown, text: str) -> PageFacts:
    """The page's body, title and variables, from whatever the engine leaves us.

    A leading YAML block is read and taken out (plain Python-Markdown, or an
    engine that leaves front matter to extensions); else Zensical's page;
    else the `meta` extension's `md.Meta`; else nothing (the labels stand in
    for the title).
    """
    engine = _engine_context(md)
    front = frontmatter.read(text)
    if front.has_block:
        return PageFacts(
            _after_front_matter(text, front.body_line),
            title=_text(front.data.get("title")),
            variables=front.data,
            first_line=front.body_line,
            path=str(getattr(getattr(engine, "page", None), "path", "") or ""),
            problems=list(front.problems),
        )
    if engine is not None:
        return _from_engine(engine, text)
    meta = getattr(md, "Meta", None)
    if isinstance(meta, Mapping) and meta:
        variables = {key: value[0] if len(value) == 1 else value for key, value in meta.items()}
        return PageFacts(text, title=" ".join(meta.get("title", [])).strip(), variables=variables)
    return PageFacts(text)


def _from_engine(engine: Any, text: str) -> PageFacts:
    """Zensical's page: its meta (front matter already read), title and docs-relative path."""
    page = getattr(engine, "page", None)
    meta = getattr(page, "meta", None)
    path = str(getattr(page, "path", "") or "")
    config = getattr(engine, "config", None)
    return PageFacts(
        text,
        title=_text(getattr(page, "title", None)),
        variables=meta if isinstance(meta, Mapping) else {},
        first_line=_file_line(config if isinstance(config, Mapping) else {}, path, text),
        path=path,
    )


def _file_line(config: Mapping[str, Any], path: str, text: str) -> int:
    """The file line of the first line the engine passes us.

    Zensical, like MkDocs, takes out the front matter and the blank lines after
    it; the source file tells how many lines that was.
    """
    try:
        source = (Path(str(config.get("root_dir") or "")) / str(config.get("docs_dir") or "docs") / path).read_text(
            encoding="utf-8"
        )
    except (OSError, ValueError):  # no such file, or not UTF-8: count from the text we have
        return 1
    front = frontmatter.read(source)
    rest = _after_front_matter(source, front.body_line).split("\n")
    skipped = 0
    if text.split("\n", 1)[0].strip():  # the engine dropped the blank lines at the top
        while skipped < len(rest) and not rest[skipped].strip():
            skipped += 1
    return front.body_line + skipped


def _after_front_matter(text: str, body_line: int) -> str:
    parts = text.split("\n", body_line - 1)
    return parts[-1] if len(parts) == body_line else ""


def _text(value: Any) -> str:
    """A title as text; a list, a mapping or a yes/no is no title."""
    if value is None or isinstance(value, (bool, list, dict)):
        return ""
    return str(value).strip()


def _engine_context(md: Markdown) -> Any:
    """Zensical's rendering context (the page being rendered, the site's config), when it runs us."""
    return md.preprocessors[_ENGINE_PAGE] if _ENGINE_PAGE in md.preprocessors else None  # noqa: SIM401 (a Registry has no .get)


def _engine_language(md: Markdown) -> str:
    """The theme's language when the engine tells it (Zensical), else English."""
    config = getattr(_engine_context(md), "config", None)
    theme = config.get("theme") if isinstance(config, Mapping) else None
    return language_of(theme.get("language") if isinstance(theme, Mapping) else None)


def _loaded(md: Markdown, name: str) -> bool:
    registry, processor = _SIGNS[name]
    owner = md.parser if registry == "blockprocessors" else md
    return processor in getattr(owner, registry)


def _logger() -> logging.Logger:
    """`mkdocs.plugins.numeco.markdown`, or ProperDocs' own name when ProperDocs runs us.

    ProperDocs answers to `import mkdocs` but counts, under `--strict`, only
    the warnings of its own loggers.
    """
    mkdocs = sys.modules.get("mkdocs")
    root = "properdocs" if mkdocs is not None and mkdocs is sys.modules.get("properdocs") else "mkdocs"
    return logging.getLogger(f"{root}{LOGGER.removeprefix('mkdocs')}")


def makeExtension(**kwargs: Any) -> NumecoExtension:
    return NumecoExtension(**kwargs)

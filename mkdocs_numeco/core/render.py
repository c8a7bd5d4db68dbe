"""HTML for the plugin's own page parts, from Jinja templates packaged with it."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, select_autoescape


class Renderer:
    """Renders `mkdocs_numeco/templates/*.html` with the site's labels and language."""

    def __init__(self, labels: dict[str, str], language: str) -> None:
        self.labels = labels
        self.language = language
        self.env = Environment(
            loader=PackageLoader("mkdocs_numeco", "templates"),
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.globals["t"] = self.label
        self.env.globals["label_around"] = self.label_around
        self.env.filters["long_date"] = self.long_date

    def label(self, key: str, **values: Any) -> str:
        return self.labels[key].format(**values)

    def label_around(self, key: str, placeholder: str) -> tuple[str, str]:
        """The text before and after `{placeholder}` in a label, to wrap the value in markup."""
        before, _, after = self.labels[key].partition("{" + placeholder + "}")
        return before, after

    def long_date(self, value: date | None) -> str:
        """'1 avril 2025' / 'April 1, 2025', from CLDR data via Babel."""
        return format_date(value, format="long", locale=self.language) if value else ""

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context).strip()

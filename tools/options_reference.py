"""The option reference of the documentation, generated from the typed configuration (mkdocs_numeco/config.py).

`python tools/options_reference.py --write` rewrites the block between the markers in
demo_site/docs/guide/options.md; tests/test_docs_site.py fails when that block differs from what this prints.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
from pathlib import Path

from mkdocs.config import config_options as c

from mkdocs_numeco import config

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "demo_site" / "docs" / "guide" / "options.md"
BEGIN = "<!-- options:generated -->"
END = "<!-- /options:generated -->"


def docstrings() -> dict[tuple[str, str], str]:
    """(class name, attribute) -> the string literal right after the attribute's assignment."""
    found: dict[tuple[str, str], str] = {}
    for node in ast.walk(ast.parse(Path(config.__file__).read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        for first, second in zip(node.body, node.body[1:]):
            doc = (
                second.value.value if isinstance(second, ast.Expr) and isinstance(second.value, ast.Constant) else None
            )
            if isinstance(first, ast.Assign) and isinstance(doc, str):
                found[(node.name, first.targets[0].id)] = inspect.cleandoc(doc)
    return found


def default(option: c.BaseConfigOption) -> str:
    if isinstance(option, c.Optional):
        return "none"
    value = option.default
    if value is None:
        return "none"
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def entries(cls: type, prefix: str, docs: dict[tuple[str, str], str]) -> list[str]:
    lines: list[str] = []
    for name, option in cls._schema:
        key = f"{prefix}{name}"
        if isinstance(option, c.SubConfig):
            lines += [f"### `{key}`", "", docs.get((cls.__name__, name), ""), ""]
            lines += entries(option.config_class, f"{key}.", docs)
            continue
        lines += [f"#### `{key}`" if prefix else f"### `{key}`", "", f"Default: {default(option)}", ""]
        lines += [docs.get((cls.__name__, name), "(not documented yet)"), ""]
    return lines


def render() -> str:
    """The generated reference: every option of `NumecoConfig`, sub-options under their section."""
    body = "\n".join(entries(config.NumecoConfig, "", docstrings()))
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    return f"{BEGIN}\n\n{body.strip()}\n\n{END}"


def current() -> str:
    text = PAGE.read_text(encoding="utf-8")
    return text[text.index(BEGIN) : text.index(END) + len(END)]


def write() -> None:
    text = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(text.replace(current(), render()), encoding="utf-8")


if __name__ == "__main__":
    write() if "--write" in sys.argv else print(render())

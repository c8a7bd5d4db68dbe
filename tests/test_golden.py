"""Golden tests for the pure converter: `cases/NAME.md` in, `cases/NAME.out.md` out.

Regenerate the expectations with `pytest tests/test_golden.py --update-golden`,
then read the diff before committing it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.listing import Linker, Listing
from mkdocs_numeco.core.postlists import PostIndex, PostLists
from mkdocs_numeco.core.posts import Post
from mkdocs_numeco.core.render import Renderer
from mkdocs_numeco.core.shortcodes import Context, convert

CASES = Path(__file__).parent / "cases"
SETTINGS = yaml.safe_load((CASES / "config.yml").read_text(encoding="utf-8"))
NAMES = sorted(p.stem for p in CASES.glob("*.md") if not p.name.endswith(".out.md"))


def run_case(name: str) -> str:
    settings = dict(SETTINGS.get(name) or {})
    language = settings.pop("language", "fr")
    posts = settings.pop("posts", None)
    if posts is not None:  # `{% posts %}`: the build's posts, linked as from a page at the site's root
        settings["post_lists"] = _post_lists(posts)
    ctx = Context(labels=resolve_labels(language, {}), **settings)
    result = convert((CASES / f"{name}.md").read_text(encoding="utf-8"), ctx)
    problems = "".join(f"<!-- problem line {p.line}: {p.message} -->\n" for p in result.problems)
    return result.markdown + ("\n" + problems if problems else "")


def _post_lists(posts: list[dict]) -> PostLists:
    found = [Post(f"posts/{p['slug']}.md", f"posts/{p['slug']}/", p["title"], **p.get("front", {})) for p in posts]
    for one in found:
        one.date = date.fromisoformat(str(one.date)) if one.date else None
        one.__post_init__()
    renderer = Renderer(resolve_labels("fr", {}), "fr")
    listing = Listing(None, renderer)
    return PostLists(PostIndex(found), Linker(listing, lambda uri: uri.removesuffix(".md") + "/"), renderer)


@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str, update_golden: bool) -> None:
    expected_path = CASES / f"{name}.out.md"
    actual = run_case(name)
    if update_golden or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


def test_every_case_has_an_expectation() -> None:
    assert NAMES, "no golden cases found"
    missing = [n for n in NAMES if not (CASES / f"{n}.out.md").exists()]
    assert not missing

"""The documentation's pages (demo_site/docs/guide/), read by the tests that check what they show."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "demo_site" / "docs" / "guide"


def doc_page(name: str) -> str:
    """The Markdown of the guide page `name` (e.g. "plugins.md")."""
    return (GUIDE / name).read_text(encoding="utf-8")

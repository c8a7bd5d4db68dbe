"""Build the demo site (root mkdocs.yml) into a temporary folder, with changed settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import Built, build_site

ROOT = Path(__file__).resolve().parents[1]


def demo_config(folder: Path, **changes: Any) -> Path:
    """A copy of the demo's mkdocs.yml in `folder`, building into `folder/site`."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(ROOT / settings.get("docs_dir", "docs"))
    settings["site_dir"] = str(folder / "site")
    settings.update(changes)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def build_demo(folder: Path, strict: bool = True, **changes: Any) -> Built:
    return build_site(demo_config(folder, **changes), strict=strict)


def build_like_the_cli(config_path: Path, strict: bool = True) -> Path:
    """Build with the `startup` and `shutdown` events that `mkdocs build` sends and
    some plugins (mkdocs-rss-plugin, Material's social) set themselves up in."""
    config = load_config(config_file=str(config_path), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)

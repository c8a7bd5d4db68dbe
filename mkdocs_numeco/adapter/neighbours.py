"""Other plugins that are known to fail on the pages we generate in memory: refused when the site is configured,
with one error that says what to do, rather than a traceback from inside them later."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from packaging.version import InvalidVersion, Version

# module of the plugin -> (its distribution, the last version tested broken, what breaks and what to do)
KNOWN_BROKEN = {
    "mkdocs_static_i18n": (
        "mkdocs-static-i18n",
        Version("1.3.1"),
        (
            "keeps only pages whose source file is in docs_dir and fails on the listing, tag and series pages"
            " generated in memory (ultrabug/mkdocs-static-i18n#263). Build one site per language instead:"
            " a mkdocs.yml per language with INHERIT, its own docs_dir and site_dir (README, 'Works with other plugins')"
        ),
    ),
}


def installed_version(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def broken_neighbour(module: str, installed: Callable[[str], str | None] = installed_version) -> str | None:
    """What to tell about the plugin of `module` as installed; None when it is not known to break."""
    known = KNOWN_BROKEN.get(module.split(".", 1)[0])
    if known is None:
        return None
    distribution, last_broken, why = known
    found = installed(distribution)
    try:
        if found is None or Version(found) > last_broken:
            return None  # a later release: tests/test_coexistence.py tells whether it still breaks
    except InvalidVersion:
        return None
    return f"{distribution} {found} {why}"


def refuse_broken_neighbours(config: MkDocsConfig) -> None:
    """Stop at configuration with what to do when a plugin of the site is known to fail on our generated pages."""
    for name, plugin in config.plugins.items():
        message = broken_neighbour(type(plugin).__module__)
        if message:
            raise PluginError(f"mkdocs-numeco: the plugin '{name}': {message}")

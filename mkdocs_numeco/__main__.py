"""Command line: `python -m mkdocs_numeco check [-f mkdocs.yml] [DOCS_DIR] [--format json]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .adapter.check import CheckError, check_site, format_json, format_text

CONFIG = Path("mkdocs.yml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m mkdocs_numeco", description="Tools for sites built with mkdocs-numeco."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="build the site in a temporary folder and report its Eleventy constructs and warnings",
        description="Build the site as `mkdocs build` would, into a temporary folder, and list per page every"
        " Eleventy construct (converted, upgraded, kept or unsupported) and every warning of the build."
        " Exits with 1 when anything would be left out of the site, when the build warns or when it stops.",
    )
    check.add_argument(
        "docs_dir",
        type=Path,
        nargs="?",
        help="the folder of the Markdown pages; alone, it is built as a minimal Material site (default: the"
        " docs_dir of mkdocs.yml)",
    )
    check.add_argument(
        "-f",
        "--config-file",
        type=Path,
        help="the site's mkdocs.yml: its docs_dir, theme and plugin options (default: ./mkdocs.yml when no"
        " DOCS_DIR is given)",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--language", help="without a mkdocs.yml: the language of the site's labels (default: fr)")
    check.add_argument(
        "--no-upgrade-iframes",
        dest="upgrade_iframes",
        action="store_false",
        help="without a mkdocs.yml: as with the option upgrade_iframes: false (raw players are kept as written)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    config_file = _check_config(parser, args)
    try:
        report = check_site(config_file, args.docs_dir, args.language or "fr", args.upgrade_iframes)
    except CheckError as error:
        parser.error(str(error))
    if args.format == "json":
        print(format_json(report))
    else:
        print(format_text(report, str(config_file) if config_file else "a minimal Material site (no mkdocs.yml)"))
    return 0 if report.ok else 1


def _check_config(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Path | None:
    """The mkdocs.yml `check` reads, if any; the usage mistakes stop here."""
    config_file = args.config_file
    if config_file is None and args.docs_dir is None:
        config_file = CONFIG
        if not config_file.is_file():
            parser.error("no mkdocs.yml here: give one with -f, or a docs folder")
    if config_file is not None and (args.language is not None or not args.upgrade_iframes):
        parser.error("--language and --no-upgrade-iframes serve a docs folder alone: set them in mkdocs.yml")
    if args.docs_dir is not None and not args.docs_dir.is_dir():
        parser.error(f"{args.docs_dir} is not a folder")
    return config_file


if __name__ == "__main__":
    sys.exit(main())

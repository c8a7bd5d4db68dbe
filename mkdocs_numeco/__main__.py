"""Command line: `python -m mkdocs_numeco check [-f mkdocs.yml] [DOCS_DIR] [--format json]` and
`python -m mkdocs_numeco generate [-f mkdocs.yml] [--out DIR]`.

`generate` serves engines without MkDocs: nothing on its path imports MkDocs (`check` does, when it runs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    generate = commands.add_parser(
        "generate",
        help="write the listing, tag and series pages, the feeds and the assets into docs_dir, for Zensical",
        description="For engines that run no MkDocs plugin (Zensical): write the plugin's listing, tag and series"
        " pages as Markdown into docs_dir (each marked as generated; a file without the mark is never"
        " overwritten), the Atom and JSON feeds and the plugin's CSS and JS, then print the lines to add to"
        " mkdocs.yml. Exits with 1 when anything was reported.",
    )
    generate.add_argument(
        "-f", "--config-file", type=Path, default=CONFIG, help="the site's mkdocs.yml (default: ./mkdocs.yml)"
    )
    generate.add_argument(
        "--out",
        default="",
        help="a folder inside docs_dir for the generated pages (default: docs_dir itself, at the folders of the"
        " options listing.dir, tags.dir and series.dir, so the URLs are the plugin's)",
    )
    return parser


def _generate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .generate import GenerateError, generate

    if not args.config_file.is_file():
        parser.error(f"no {args.config_file} here: give the site's mkdocs.yml with -f")
    try:
        return generate(args.config_file, args.out)
    except GenerateError as error:
        parser.error(str(error))


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "generate":
        return _generate(parser, args)
    return _check(parser, args)


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


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .adapter.check import CheckError, check_site, format_json, format_text

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


if __name__ == "__main__":
    sys.exit(main())

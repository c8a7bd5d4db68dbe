"""Command line: `python -m mkdocs_numeco check DOCS_DIR [--format json]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_dir, format_json, format_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mkdocs_numeco", description="Tools for sites built with mkdocs-numeco."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="list the Eleventy constructs of a docs folder and what the plugin makes of them",
        description="List, per Markdown file, every Eleventy construct and whether it is converted, upgraded, kept"
        " or unsupported. Exits with 1 when anything would be left out of the site.",
    )
    check.add_argument("docs_dir", type=Path, help="the folder of the Markdown pages (MkDocs' docs_dir)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--language", default="fr", help="language of the labels, as in the site (default: fr)")
    check.add_argument(
        "--no-upgrade-iframes",
        dest="upgrade_iframes",
        action="store_false",
        help="as with the option upgrade_iframes: false (raw players are kept as written)",
    )
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        parser.error(f"{args.docs_dir} is not a folder")
    report = check_dir(args.docs_dir, args.language, args.upgrade_iframes)
    print(format_json(report) if args.format == "json" else format_text(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())

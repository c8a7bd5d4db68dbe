"""URL patterns with `{placeholders}`: checked once, when the configuration loads.

Pure: no MkDocs. `config.py` turns a problem into MkDocs' own configuration
error, which names the option before any page is read.
"""

from __future__ import annotations

import string
from collections.abc import Iterable


def pattern_problem(pattern: str, known: Iterable[str], required: Iterable[str] = ()) -> str | None:
    """Why `pattern` can't be used, or None when it can.

    A pattern is a path with `{name}` fields: every field must be one of
    `known`, and each of `required` must appear (or every page would share one URL).
    """
    try:
        used = {name for _, name, spec, conv in string.Formatter().parse(pattern) if name is not None}
    except ValueError as error:
        return f"'{pattern}' is not a valid pattern ({error}); write fields as {{slug}}"
    if "" in used:
        return f"'{pattern}' has an empty field '{{}}'; name it, as in {{slug}}"
    known_set = set(known)
    unknown = sorted(used - known_set)
    if unknown:
        return f"'{pattern}' uses unknown field(s) {', '.join(unknown)}; known: {_listed(known_set)}"
    missing = [name for name in required if name not in used]
    if missing:
        fields = ", ".join("{" + name + "}" for name in missing)
        return f"'{pattern}' must contain {fields}, or every page would share one URL"
    return None


def _listed(names: set[str]) -> str:
    return ", ".join(sorted(names)) or "none here"

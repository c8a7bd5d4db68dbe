"""Check JSON-LD against schema.org's vocabulary: every `@type` exists, every property is one of its types'.

The vocabulary comes from `pydantic2_schemaorg`: one class per schema.org type, generated from
schema.org's published definitions, inheriting its supertypes' properties as schema.org does.
A property is allowed when one of the object's types (or their supertypes) has it.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

_KEYWORDS = frozenset({"@context", "@type", "@id"})


@cache
def properties_of(kind: str) -> frozenset[str]:
    """Every property of schema.org type `kind`, its supertypes' included; AssertionError for no such type."""
    try:
        module = importlib.import_module(f"pydantic2_schemaorg.{kind}")
    except ModuleNotFoundError as error:
        raise AssertionError(f"{kind!r} is no schema.org type") from error
    model = getattr(module, kind)
    return frozenset(name for name in model.__fields__ if name != "type_")


def problems(data: Any, where: str = "$") -> list[str]:
    """Everything in `data` (a JSON-LD object, a list of them, or a value) that schema.org doesn't define."""
    if isinstance(data, list):
        return [found for i, item in enumerate(data) for found in problems(item, f"{where}[{i}]")]
    if not isinstance(data, dict):
        return []
    if set(data) <= {"@id"}:  # a reference to an object described elsewhere
        return []
    kinds = data.get("@type")
    if kinds is None:
        return [f"{where}: no @type"]
    kinds = [kinds] if isinstance(kinds, str) else kinds
    found: list[str] = []
    allowed: set[str] = set()
    for kind in kinds:
        try:
            allowed |= properties_of(kind)
        except AssertionError as error:
            found.append(f"{where}: {error}")
    for key, value in data.items():
        if key in _KEYWORDS:
            continue
        if key not in allowed:
            found.append(f"{where}: {key!r} is no property of {'/'.join(kinds)}")
        found += problems(value, f"{where}.{key}")
    return found


def assert_valid(data: Any) -> None:
    """Fail with every problem of `data` at once."""
    found = problems(data)
    assert not found, "\n".join(found)

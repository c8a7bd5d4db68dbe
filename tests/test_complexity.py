"""No function of the package branches more than a reader can hold in their head (issue 13, "Done when").

Measured as `radon cc -s -n C mkdocs_numeco` does (cyclomatic complexity, radon's counting):
that command lists the functions of 11 and more; none may be above 12.
"""

from __future__ import annotations

from pathlib import Path

from needs import import_or_unavailable

radon_complexity = import_or_unavailable("radon.complexity")

PACKAGE = Path(__file__).resolve().parents[1] / "mkdocs_numeco"
CEILING = 12


def _blocks(source: str) -> list:
    """Every function and method radon measures, nested ones included (as `radon cc -s` lists them)."""
    found = []
    for block in radon_complexity.cc_visit(source):
        found.append(block)
        found.extend(getattr(block, "methods", []))
        found.extend(getattr(block, "closures", []))
    return found


def test_no_function_is_above_the_ceiling() -> None:
    over = [
        f"{path.relative_to(PACKAGE.parent)}:{block.lineno} {block.name} ({block.complexity})"
        for path in sorted(PACKAGE.rglob("*.py"))
        for block in _blocks(path.read_text(encoding="utf-8"))
        if block.complexity > CEILING
    ]
    assert over == []


def test_the_measure_sees_a_long_if_chain() -> None:
    chain = (
        "def f(x):\n" + "".join(f"    if x == {n}:\n        return {n}\n" for n in range(CEILING)) + "    return -1\n"
    )
    assert [block.complexity for block in _blocks(chain)] == [CEILING + 1]

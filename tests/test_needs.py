"""tests/needs.py: a missing tool skips outside CI and fails under CI; present tools let the test go on."""

from __future__ import annotations

import needs
import pytest


def test_missing_tool_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(needs, "IN_CI", False)
    monkeypatch.setitem(needs.TOOLS, "nothing", needs.Tool(lambda: False, "apt-get install nothing"))
    with pytest.raises(pytest.skip.Exception, match="nothing is missing: apt-get install nothing"):
        needs.need("git", "nothing")


def test_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(needs, "IN_CI", True)
    monkeypatch.setitem(needs.TOOLS, "nothing", needs.Tool(lambda: False, "apt-get install nothing"))
    with pytest.raises(pytest.fail.Exception, match="nothing is missing.*CI is set"):
        needs.need("nothing")
    with pytest.raises(pytest.fail.Exception, match="cannot import no_such_module_here"):
        needs.import_or_unavailable("no_such_module_here")


def test_present_tools_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(needs.TOOLS, "always", needs.Tool(lambda: True, "-"))
    needs.need("always")
    assert needs.import_or_unavailable("json").dumps([]) == "[]"


def test_ci_run_installs_every_tool_listed() -> None:
    script = (needs.TESTS.parent / ".ci" / "run").read_text(encoding="utf-8")
    for name in needs.TOOLS:
        assert f"# needs: {name}" in script, f".ci/run says nothing of how it gets {name}"

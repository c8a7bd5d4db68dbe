"""Profile one build with cProfile and measure how much of it is the plugin's own code."""

from __future__ import annotations

import pstats
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from builds import child_env
from synthetic import SyntheticSite

PACKAGE_DIR = "mkdocs_numeco"


@dataclass
class ProfileShare:
    """Where the time of one profiled build went."""

    total_s: float
    own_s: float  # self time of functions defined in mkdocs_numeco
    handlers_s: float  # inclusive time of the plugin's event handlers (everything they call)
    top_own: list[dict] = field(default_factory=list)
    top_handlers: list[dict] = field(default_factory=list)
    top_overall: list[dict] = field(default_factory=list)

    @property
    def own_share(self) -> float:
        return self.own_s / self.total_s if self.total_s else 0.0

    @property
    def handlers_share(self) -> float:
        return self.handlers_s / self.total_s if self.total_s else 0.0


def profile_build(site: SyntheticSite, out: Path, variant: str = "plugin") -> Path:
    """Build `variant` under cProfile in a child process; return the statistics file."""
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(out),
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(site.config(variant)),
    ]
    subprocess.run(
        command, cwd=site.root, env=child_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return out


# Parts of a build, each the inclusive time of what MkDocs calls for it; they don't overlap.
_PARTS = {
    "Markdown to HTML (all extensions)": lambda key, caller: (
        key[0].endswith("mkdocs/structure/pages.py") and key[2] == "render"
    ),
    "search index (Material)": lambda key, caller: (
        "material/plugins/search/" in key[0] and key[2].startswith("on_") and "mkdocs/plugins.py" in caller[0]
    ),
    "theme templates (Material)": lambda key, caller: (
        key[0].endswith("jinja2/environment.py")
        and key[2] == "render"
        and caller[0].endswith("mkdocs/commands/build.py")
    ),
    "writing files": lambda key, caller: (
        key[0].endswith("mkdocs/utils/__init__.py")
        and key[2] in ("write_file", "copy_file")
        and caller[0].endswith(("mkdocs/commands/build.py", "mkdocs/structure/files.py"))
    ),
}
PLUGIN_PART = "mkdocs-numeco event handlers"


def breakdown(path: Path) -> dict[str, float]:
    """Seconds spent in each part of a profiled build; what is left is `other`."""
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values())
    parts = dict.fromkeys(_PARTS, 0.0)
    for key, entry in stats.items():
        for caller, stat in entry[4].items():
            for name, matches in _PARTS.items():
                if matches(key, caller):
                    parts[name] += stat[3]
    parts[PLUGIN_PART] = sum(_entered_from_outside(entry) for key, entry in stats.items() if _is_glue(key[0]))
    parts["other (startup, files, nav, other plugins)"] = total - sum(parts.values())
    parts["total"] = total
    return {name: round(seconds, 2) for name, seconds in parts.items()}


def _in_package(filename: str) -> bool:
    parts = Path(filename).parts
    return PACKAGE_DIR in parts and "site-packages" not in parts[: parts.index(PACKAGE_DIR)]


def _is_glue(filename: str) -> bool:
    """plugin.py holds the event handlers (some combined with `CombinedEvent`) and nothing else."""
    return _in_package(filename) and Path(filename).name == "plugin.py"


def _entered_from_outside(entry: tuple) -> float:
    """Inclusive time of calls made by MkDocs, not by another handler (no double counting)."""
    callers = entry[4]
    return sum(stat[3] for caller, stat in callers.items() if not _is_glue(caller[0]))


def _row(key: tuple, seconds: float, total: float) -> dict:
    filename, line, name = key
    where = filename
    if PACKAGE_DIR in Path(filename).parts:
        parts = Path(filename).parts
        where = "/".join(parts[parts.index(PACKAGE_DIR) :])
    elif "site-packages" in Path(filename).parts:
        parts = Path(filename).parts
        where = "/".join(parts[parts.index("site-packages") + 1 :])
    return {"function": f"{where}:{line}({name})", "seconds": round(seconds, 3), "share": round(seconds / total, 4)}


def read_profile(path: Path, top: int = 12) -> ProfileShare:
    """Self time in the package, and inclusive time of its `on_*` event handlers."""
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values())  # sum of self times = profiled wall time
    own = {key: entry[2] for key, entry in stats.items() if _in_package(key[0])}
    handlers = {key: _entered_from_outside(entry) for key, entry in stats.items() if _is_glue(key[0])}
    handlers = {key: seconds for key, seconds in handlers.items() if seconds > 0}
    by_self = sorted(stats.items(), key=lambda item: -item[1][2])[:top]
    return ProfileShare(
        total_s=total,
        own_s=sum(own.values()),
        handlers_s=sum(handlers.values()),
        top_own=[_row(k, v, total) for k, v in sorted(own.items(), key=lambda kv: -kv[1])[:top]],
        top_handlers=[_row(k, v, total) for k, v in sorted(handlers.items(), key=lambda kv: -kv[1])],
        top_overall=[_row(k, entry[2], total) for k, entry in by_self],
    )

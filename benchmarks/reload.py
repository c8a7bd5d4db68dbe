"""`mkdocs serve`: how long a reload takes after one post changes, and whether --dirty stays correct.

The server's log tells when a rebuild starts ("Building documentation") and
when browsers are told to reload ("Reloading browsers"); the time from the
edit to that last line is what an author waits for.

Run on its own (`python benchmarks/reload.py --posts 1000`), it writes
`results/reload.json` and `results/reload.md`; `run.py` runs it too.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from statistics import median
from urllib.parse import urljoin, urlsplit

from builds import child_env
from synthetic import MOUNT, SyntheticSite, write_site

BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass
class Reload:
    """One edit and the rebuild it caused."""

    seconds: float  # edit -> "Reloading browsers"
    build_seconds: float | None  # MkDocs' own "Documentation built in" figure


@dataclass
class ServeResult:
    dirty: bool
    initial_build_s: float
    reloads: list[Reload] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Server:
    """A `mkdocs serve` child whose log lines arrive, time-stamped, on a queue."""

    def __init__(self, site: SyntheticSite, dirty: bool) -> None:
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(site.config("plugin")),
            "-a",
            f"127.0.0.1:{self.port}",
        ]
        if dirty:
            command.append("--dirty")
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        self.proc = subprocess.Popen(
            command,
            cwd=site.root,
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))

    def wait_for(self, needle: str, timeout: float) -> tuple[float, list[str]]:
        """Block until a line containing `needle`; return its time and every line read meanwhile."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.proc.poll() is not None and self.lines.empty():
                tail = "\n".join(self.log[-30:])
                raise RuntimeError(f"mkdocs serve: no '{needle}' line within {timeout:.0f} s; last lines:\n{tail}")
            try:
                at, line = self.lines.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            self.log.append(line)
            seen.append(line)
            if needle in line:
                return at, seen

    def drain(self, quiet: float) -> list[str]:
        """Read lines until none came for `quiet` seconds (lets a burst of file events settle)."""
        seen = []
        while True:
            try:
                _, line = self.lines.get(timeout=quiet)
            except queue.Empty:
                return seen
            self.log.append(line)
            seen.append(line)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{MOUNT}{path}", timeout=60) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def measure_serve(site: SyntheticSite, dirty: bool, edits: int, timeout: float = 1800) -> ServeResult:
    """Start `mkdocs serve`, edit the newest post `edits` times, time each reload, check the pages."""
    number = site.posts  # the newest post: first on the listing and on its tags' first pages
    original = site.post_path(number).read_text("utf-8")
    server = _Server(site, dirty)
    started = time.perf_counter()
    try:
        at, _ = server.wait_for("Serving on", timeout)
        result = ServeResult(dirty, at - started)
        server.drain(1.0)
        for edit in range(1, edits + 1):
            new_title, old_tag, new_tag = edited_post(site, number, edit)
            before = time.perf_counter()
            site.post_path(number).write_text(with_title_and_tag(original, new_title, old_tag, new_tag), "utf-8")
            done, lines = server.wait_for("Reloading browsers", timeout)
            built = [float(m.group(1)) for line in lines if (m := BUILT.search(line))]
            result.reloads.append(Reload(done - before, built[-1] if built else None))
            server.drain(1.0)
        result.checks, result.notes = check_pages(server, site, number, new_title, old_tag, new_tag)
        return result
    finally:
        server.stop()
        site.post_path(number).write_text(original, "utf-8")


def edited_post(site: SyntheticSite, number: int, edit: int) -> tuple[str, str, str]:
    """The new title, the tag taken away and the tag given instead, for one edit."""
    from synthetic import TAGS, tags_of

    current = tags_of(number)
    old_tag = current[0]
    new_tag = next(tag for tag in TAGS if tag not in current)
    return f"Épisode #{number} : titre modifié {edit}", old_tag, new_tag


def with_title_and_tag(source: str, title: str, old_tag: str, new_tag: str) -> str:
    lines = source.split("\n")
    lines = [f'title: "{title}"' if line.startswith("title:") else line for line in lines]
    lines = [f"  - '{new_tag}'" if line == f"  - '{old_tag}'" else line for line in lines]
    return "\n".join(lines)


class _Links(HTMLParser):
    """Every link of a page, with its text, and the first h1."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.h1 = ""
        self._href: str | None = None
        self._text: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []
        elif tag == "h1" and not self.h1:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)
        if self._in_h1:
            self.h1 += data


def _links_to(server: _Server, page: str, target: str) -> list[str]:
    """Texts of the links of `page` that point at the page `target` (both site-relative)."""
    parser = _Links()
    parser.feed(server.get(page))
    base = f"http://127.0.0.1{MOUNT}{page}"
    want = f"{MOUNT}{target}"
    return [text for href, text in parser.links if urlsplit(urljoin(base, href)).path == want]


def check_pages(
    server: _Server, site: SyntheticSite, number: int, title: str, old_tag: str, new_tag: str
) -> tuple[dict[str, bool], list[str]]:
    """After the last edit: the post and every generated page that lists it show the new state."""
    from synthetic import series_of

    from mkdocs_numeco.core.slugs import slugify

    post = f"posts/post-{number:05d}/"
    parser = _Links()
    parser.feed(server.get(post))
    checks = {
        "post page shows the new title": parser.h1.strip().startswith(title),
        "listing shows the new title": title in _links_to(server, "posts/", post),
        "new tag page lists the post": title in _links_to(server, f"tags/{slugify(new_tag)}/", post),
        "old tag page no longer lists it": not _links_to(server, f"tags/{slugify(old_tag)}/", post),
    }
    series = series_of(number)
    notes: list[str] = []
    if series:
        checks["series page shows the new title"] = title in _links_to(server, f"series/{slugify(series)}/", post)
        previous = _previous_episode(number)
        if previous:  # its series box links to the edited post: re-rendered because the plugin marked it
            texts = _links_to(server, f"posts/post-{previous:05d}/", post)
            checks["previous episode's series box shows the new title"] = any(title in text for text in texts)
    return checks, notes


def _previous_episode(number: int) -> int | None:
    from synthetic import series_of

    series = series_of(number)
    candidates = [n for n in range(number - 1, 0, -1) if series_of(n) == series]
    return candidates[0] if candidates else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--modes", nargs="+", choices=("dirty", "full"), default=["dirty", "full"])
    parser.add_argument("--results-dir", type=Path, default=Path(__file__).resolve().parent / "results")
    args = parser.parse_args()
    results: dict = {"posts": args.posts, "edits": args.edits, "cpus": os.cpu_count(), "modes": {}}
    with tempfile.TemporaryDirectory(prefix="numeco-reload-") as work:
        site = write_site(Path(work) / "site", args.posts)
        for mode in args.modes:
            measured = measure_serve(site, mode == "dirty", args.edits)
            results["modes"][mode] = {
                "initial_build_s": round(measured.initial_build_s, 2),
                "reload_s": [round(r.seconds, 2) for r in measured.reloads],
                "median_reload_s": round(median(r.seconds for r in measured.reloads), 2),
                "mkdocs_build_s": [r.build_seconds for r in measured.reloads],
                "checks": measured.checks,
            }
            print(json.dumps({mode: results["modes"][mode]}, ensure_ascii=False), flush=True)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    (args.results_dir / "reload.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (args.results_dir / "reload.md").write_text(render(results), "utf-8")


def render(results: dict) -> str:
    """The reload table, as in the README."""
    lines = [
        (
            f"`mkdocs serve` on a {results['posts']:,}-post synthetic site, {results['edits']} edits of the newest"
            " post (new title, one tag swapped; it is an episode of a series), one process per mode."
        ),
        "",
        "| Mode | First build s | Edit → browsers reloaded s (median) | Each reload s | Checks passed |",
        "|---|---:|---:|---|---:|",
    ]
    for mode, label in (("dirty", "`mkdocs serve --dirty`"), ("full", "`mkdocs serve`")):
        if mode in results["modes"]:
            m = results["modes"][mode]
            passed = sum(m["checks"].values())
            each = ", ".join(f"{s:.2f}" for s in m["reload_s"])
            lines.append(
                f"| {label} | {m['initial_build_s']:.2f} | {m['median_reload_s']:.2f} | {each} |"
                f" {passed}/{len(m['checks'])} |"
            )
    lines.append("")
    for mode, m in results["modes"].items():
        for name, ok in m["checks"].items():
            lines.append(f"- {mode}: {name}: {'yes' if ok else '**no**'}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

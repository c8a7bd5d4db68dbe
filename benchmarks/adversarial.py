"""Time `convert()` on adversarial posts at 100 KB and 1 MB: the scanner must be linear (issue 12).

    python benchmarks/adversarial.py                 # 100 KB and 1 MB, median of 5 runs (CPU time)
    python benchmarks/adversarial.py --runs 3 --sizes 10000 100000
    python benchmarks/adversarial.py --target reading   # the reading time's word count, `core.reading`

Each post is made of one pattern a hostile (or unlucky) author can write: an
unclosed `{#` every few words, `{%` without `%}`, `{{` without `}}`, thousands
of nested openers, backtick runs that never close, unclosed `<!--` and
`<iframe`, blank-separated indented lines. Every post holds numbered words
(`w0`, `w1`, …); a run counts only if the converted Markdown keeps all of them,
in order. For a linear converter the time grows like the size: the ratio of the
largest size to the smallest is about their ratio (10 for 1 MB / 100 KB).
With `--target reading`, the same posts and a few
aimed at the word count (unclosed `<`, link destinations, apostrophe chains, transcripts) time
`count_words` instead (its "words kept" column only says the count ran to the end). Results go to
benchmarks/results/adversarial.md (adversarial_reading.md). Not a test: timings on a
shared machine are not a pass or fail; tests/hostile/test_hostile_scanner.py
checks on small posts that every pattern keeps every word.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from machine import describe_machine

from mkdocs_numeco.core.labels import resolve_labels
from mkdocs_numeco.core.reading import count_words
from mkdocs_numeco.core.shortcodes import Context, convert


def _repeat(unit: Callable[[int], str]) -> Callable[[int], str]:
    """A post of `size` characters: unit(0) + unit(1) + … (the last unit is cut at a word boundary)."""

    def make(size: int) -> str:
        parts, total, n = [], 0, 0
        while total < size:
            piece = unit(n)
            parts.append(piece)
            total += len(piece)
            n += 1
        return "".join(parts)

    return make


def _nested_blocks(size: int) -> str:
    """One `{% if %}` per 100 characters, all nested (10,000 deep at 1 MB), then their closing tags."""
    depth = size // 100
    opening = "".join(f"{{% if w{n} %}}\n" for n in range(depth))
    closing = "{% endif %}\n" * depth
    return opening + _repeat(lambda n: f"w{depth + n} ")(size - len(opening) - len(closing)) + "\n" + closing


def _distinct_backticks(size: int) -> str:
    """Backtick runs of lengths 1, 2, 3, … in one paragraph: none has a closing run of its length."""
    parts, total, n = [], 0, 0
    while total < size:
        piece = f"w{n} " + "`" * (n + 1) + " "
        parts.append(piece)
        total += len(piece)
        n += 1
    return "".join(parts)


def _transcript(unit: Callable[[int], str]) -> Callable[[int], str]:
    """A video and one transcript of `size` characters made of `unit`s: its timestamps become seek links."""
    opening, closing = '{% youtube "dQw4w9WgXcQ" %}\n\n{% transcription "S" %}\n', "\n{% endtranscription %}\n"

    def make(size: int) -> str:
        return opening + _repeat(unit)(max(size - len(opening) - len(closing), 1)) + closing

    return make


# name -> (what the post is made of, how to make one of a given size)
PATTERNS: dict[str, tuple[str, Callable[[int], str]]] = {
    "comment": ("an unclosed `{#` every word", _repeat(lambda n: f"w{n} {{# ")),
    "tag": ("`{%` without `%}` every word", _repeat(lambda n: f"w{n} {{% ")),
    "expression": ("`{{` without `}}` every word", _repeat(lambda n: f"w{n} {{{{ ")),
    "nested-openers": ("`{% {{ {#` nested, never closed", _repeat(lambda n: f"{{% {{{{ {{# w{n} ")),
    "nested-blocks": ("`{% if %}` nested size/100 deep (10,000 at 1 MB), then closed", _nested_blocks),
    "long-tag-name": ("`{%` then one word as long as the post", lambda size: "{% " + _repeat(lambda n: f"w{n}")(size)),
    "backticks": ("backtick runs of lengths 1, 2, 3, … in one paragraph", _distinct_backticks),
    "backticks-paragraphs": ("an unclosed ``` `` ``` run in every paragraph", _repeat(lambda n: f"w{n} `` x\n\n")),
    "html-comment": ("an unclosed `<!--` every word", _repeat(lambda n: f"w{n} <!-- ")),
    "iframe": ("an unclosed `<iframe` every word", _repeat(lambda n: f"w{n} <iframe ")),
    "iframe-open": ("`<iframe src=x>` never closed, every word", _repeat(lambda n: f'<iframe src="x"> w{n} ')),
    "indented": ("indented lines between blank lines", _repeat(lambda n: f"    w{n}\n  \n\n")),
    "list-continuation": ("list items with an indented paragraph", _repeat(lambda n: f"- w{n}\n\n    {{% x\n")),
    "fences": ("code fences opened and closed", _repeat(lambda n: f"```\nw{n}\n```\n")),
    "cards": ("DSFR cards in one paragraph", _repeat(lambda n: f"{{{{ component('card', {{title: 'w{n}'}}) }}}} ")),
    "containers": ("`::: note` lines never closed (one warning each)", _repeat(lambda n: f"::: note w{n}\n")),
    "timestamps": (
        "a transcript whose every line opens with a timestamp",
        _transcript(lambda n: f"[{n % 60}:{n % 60:02d}] w{n}\n"),
    ),
    "timestamp-lookalikes": (
        "a transcript on one line of `<p ` and `[1:23` never closed",
        _transcript(lambda n: f"<p w{n} [1:2{n % 10} "),
    ),
}
# Posts aimed at the reading time's word count (`core.reading`): markup it strips, words it joins.
READING_PATTERNS: dict[str, tuple[str, Callable[[int], str]]] = {
    "open-angle": ("an unclosed `<p` every word", _repeat(lambda n: f"w{n} <p ")),
    "link-destination": ("an unclosed `](` every word", _repeat(lambda n: f"w{n} ](x ")),
    "apostrophes": ("one word of `'`-joined parts as long as the post", _repeat(lambda n: f"w{n}'")),
    "entities": ("an unclosed `&#` every word", _repeat(lambda n: f"w{n} &# ")),
    "transcripts": (
        "a transcript opened and closed every word",
        _repeat(lambda n: f'{{% transcription "S" %}}w{n}{{% endtranscription %}}\n'),
    ),
}
LABELS = resolve_labels("fr", {})
CONTEXT = Context(labels=LABELS, title="Titre")


_WORD = re.compile(r"w\d+")  # the numbered words; "w0w1" holds two


def keeps_every_word(source: str, converted: str) -> bool:
    """Whether the numbered words of `source` are all in `converted`, in order (one pass over each)."""
    found = (m.group() for m in _WORD.finditer(converted))
    words = [m.group() for m in _WORD.finditer(source)]
    return bool(words) and all(word in found for word in words)  # `in` consumes `found`: a subsequence test


def time_pattern(make: Callable[[int], str], size: int, runs: int) -> tuple[float, bool]:
    """Median CPU seconds of `convert()` on a post of `size` characters, and whether every word was kept."""
    text = make(size)
    times = []
    for _ in range(runs):
        start = time.process_time()  # CPU time: what other jobs on a shared machine do counts less
        result = convert(text, CONTEXT)
        times.append(time.process_time() - start)
    return statistics.median(times), keeps_every_word(text, result.markdown)


def time_reading(make: Callable[[int], str], size: int, runs: int) -> tuple[float, bool]:
    """Median CPU seconds of `count_words` on a post of `size` characters, and True (it ran to the end).

    What it counts is tested in tests/core/test_reading.py; words inside tags, cards and
    `:::` lines are not text, so the numbered words are no measure here.
    """
    text = make(size)
    times = []
    for _ in range(runs):
        start = time.process_time()
        count_words(text)
        times.append(time.process_time() - start)
    return statistics.median(times), True


def _size_label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size % 1_000_000 == 0 else f"{size / 1000:g} KB"


def render(rows: list[dict], sizes: list[int], runs: int, machine: dict, target: str = "convert()") -> str:
    small, large = sizes[0], sizes[-1]
    head = " | ".join(f"{_size_label(s)} CPU s" for s in sizes)
    lines = [
        f"# Adversarial posts: `{target}` time",
        "",
        (
            f"Machine: {machine['cpus']} CPUs ({machine['cpu']}), Python {machine['python']}."
            f" Load average before / after: {machine['load_average_before'][0]:.2f} /"
            f" {machine['load_average_after'][0]:.2f}. CPU seconds of `{target}` (process time), median of {runs} runs;"
            " `python benchmarks/adversarial.py` writes this file."
        ),
        "",
        (
            f"Linear time: the growth ratio {_size_label(large)} / {_size_label(small)} is about {large / small:g}"
            " (a quadratic scanner gives about its square). "
            + (
                "Words kept: the converted Markdown holds every numbered word of the post, in order."
                if target == "convert()"
                else "Words kept: the count ran to the end (what it counts: tests/core/test_reading.py)."
            )
        ),
        "",
        f"| Pattern | {head} | Growth ratio | Words kept |",
        "|---|" + "---:|" * len(sizes) + "---:|---|",
    ]
    for row in rows:
        cells = " | ".join(f"{t:.3f}" for t in row["seconds"])
        ratio = row["seconds"][-1] / row["seconds"][0] if row["seconds"][0] > 0 else float("inf")
        lines.append(f"| {row['name']}: {row['what']} | {cells} | {ratio:.1f} | {'yes' if row['kept'] else 'NO'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000], help="post sizes, characters")
    parser.add_argument("--runs", type=int, default=5, help="runs per pattern and size (the median is reported)")
    parser.add_argument("--target", choices=("convert", "reading"), default="convert", help="what is timed")
    parser.add_argument("--patterns", nargs="*", choices=[*PATTERNS, *READING_PATTERNS])
    parser.add_argument("--results", type=Path, help="where to write (default: results/adversarial[_reading].md)")
    args = parser.parse_args(argv)
    reading = args.target == "reading"
    patterns = {**PATTERNS, **READING_PATTERNS} if reading else PATTERNS
    args.patterns = args.patterns or list(patterns)
    results = args.results or HERE / "results" / ("adversarial_reading.md" if reading else "adversarial.md")
    timer = time_reading if reading else time_pattern
    sizes = sorted(args.sizes)
    machine = describe_machine("working tree")
    rows = []
    print(f"{'pattern':<18}" + "".join(f"{_size_label(s):>10}" for s in sizes) + "     ratio  kept")
    for name in args.patterns:
        what, make = patterns[name]
        measured = [timer(make, size, args.runs) for size in sizes]
        row = {"name": name, "what": what, "seconds": [t for t, _ in measured], "kept": all(k for _, k in measured)}
        rows.append(row)
        ratio = row["seconds"][-1] / row["seconds"][0] if row["seconds"][0] > 0 else float("inf")
        print(f"{name:<18}" + "".join(f"{t:>10.3f}" for t in row["seconds"]) + f"{ratio:>10.1f}  {row['kept']}")
    machine["load_average_after"] = list(os.getloadavg())
    results.parent.mkdir(parents=True, exist_ok=True)
    target = "count_words()" if reading else "convert()"
    results.write_text(render(rows, sizes, args.runs, machine, target), encoding="utf-8")
    return 0 if all(row["kept"] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

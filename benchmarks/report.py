"""Targets of issues 6 and 16, checked against the measurements, and the Markdown report."""

from __future__ import annotations

from itertools import pairwise

EQUIVALENT_LIMIT = 1.10  # plugin ms/page over the equivalent-output floor's (issue 16)
PEER_LIMIT = 1.00  # plugin ms/page over Material's blog's (issue 16)
SCALING_SLACK = 1.05  # 1,000 -> 10,000 posts may cost at most 10.5x
MEMORY_SLACK = 1.25  # marginal memory per post may grow this much from the first interval to the last
HTML_SLACK = 1.02  # a post page may differ this much between the smallest and the largest site
PROFILE_LIMIT = 0.03  # share of the build spent in the plugin's own functions (self time)
VARIANT_NAMES = {
    "plugin": "plugin",
    "equivalent": "equivalent-output floor",
    "raw": "raw floor",
    "peer": "Material blog + tags",
}
# The plugin over each of these, per output page: the limit of issue 16 (None: shown, no target).
RATIO_LIMITS = {"equivalent": EQUIVALENT_LIMIT, "raw": None, "peer": PEER_LIMIT}


def _target(name: str, measured: str, limit: str, met: bool | None) -> dict:
    return {"target": name, "measured": measured, "limit": limit, "met": met}


def evaluate_targets(results: dict) -> list[dict]:
    rows = sorted(results["rows"], key=lambda row: row["posts"])
    targets = [target for row in rows for target in _ratio_targets(row)]
    if len(rows) >= 2 and all("plugin" in row for row in rows):
        targets += _scaling_targets(rows[0], rows[-1])
    if len(rows) >= 3 and all("plugin" in row for row in rows):
        targets.append(_memory_target(rows))
    profile = results.get("profile")
    if profile:
        targets += _profile_targets(profile)
    serve = results.get("serve")
    if serve and "dirty" in serve:
        checks = serve["dirty"]["checks"]
        failed = [name for name, ok in checks.items() if not ok]
        targets.append(
            _target(
                "generated pages correct after a --dirty reload",
                f"{len(checks) - len(failed)}/{len(checks)} checks",
                "all",
                not failed,
            )
        )
    return targets


def _ratio_targets(row: dict) -> list[dict]:
    """The plugin's cost per output page over each other variant's, at one size."""
    targets = []
    for other, ratios in row.get("ratios", {}).items():
        limit = RATIO_LIMITS[other]
        plugin, theirs = row["plugin"]["ms_per_page"], row[other]["ms_per_page"]
        targets.append(
            _target(
                f"per output page, plugin / {VARIANT_NAMES[other]}, {row['posts']:,} posts",
                f"{ratios['per_page']:.3f}x ({plugin:.2f} / {theirs:.2f} ms)",
                "(no target)" if limit is None else f"<= {limit:.2f}x",
                None if limit is None else ratios["per_page"] <= limit,
            )
        )
    return targets


def _scaling_targets(first: dict, last: dict) -> list[dict]:
    growth = last["posts"] / first["posts"]
    time_ratio = last["plugin"]["median_s"] / first["plugin"]["median_s"]
    size_ratio = last["plugin"]["post_html_bytes"]["median"] / first["plugin"]["post_html_bytes"]["median"]
    return [
        _target(
            f"build time {first['posts']} -> {last['posts']} posts ({growth:g}x posts)",
            f"{time_ratio:.2f}x",
            f"<= {growth * SCALING_SLACK:.2f}x",
            time_ratio <= growth * SCALING_SLACK,
        ),
        _target(
            f"post page HTML size, {last['posts']} vs {first['posts']} posts (median)",
            f"{size_ratio:.3f}x ({first['plugin']['post_html_bytes']['median']} -> "
            f"{last['plugin']['post_html_bytes']['median']} bytes)",
            f"<= {HTML_SLACK}x",
            size_ratio <= HTML_SLACK,
        ),
    ]


def _profile_targets(profile: dict) -> list[dict]:
    return [
        _target(
            f"self time of mkdocs_numeco functions ({profile['posts']:,}-post build, cProfile)",
            f"{100 * profile['own_share']:.1f}% ({profile['own_s']:.2f} of {profile['total_s']:.1f} s)",
            f"<= {100 * PROFILE_LIMIT:g}%",
            profile["own_share"] <= PROFILE_LIMIT,
        ),
        _target(
            f"plugin event handlers, inclusive ({profile['posts']:,}-post build, cProfile)",
            f"{100 * profile['handlers_share']:.1f}% ({profile['handlers_s']:.2f} s)",
            "(no target)",
            None,
        ),
    ]


def marginal_mb_per_1000(rows: list[dict]) -> list[float]:
    """Extra peak memory per 1,000 more posts, between consecutive sizes."""
    return [
        1000 * (b["plugin"]["peak_rss_mb"] - a["plugin"]["peak_rss_mb"]) / (b["posts"] - a["posts"])
        for a, b in pairwise(rows)
    ]


def _memory_target(rows: list[dict]) -> dict:
    marginals = marginal_mb_per_1000(rows)
    first, last = marginals[0], marginals[-1]
    met = first > 0 and last <= first * MEMORY_SLACK
    shown = ", ".join(f"{m:.1f}" for m in marginals)
    return _target(
        "peak memory grows linearly (MB per 1,000 more posts, by interval)",
        shown,
        f"last <= {MEMORY_SLACK}x first",
        met,
    )


def _yes(met: bool | None) -> str:
    return "n/a" if met is None else ("yes" if met else "**no**")


def render_markdown(results: dict) -> str:
    lines = ["# mkdocs-numeco benchmark", ""]
    lines += _machine_lines(results["machine"], results["settings"])
    if any("ratios" in row for row in results["rows"]):
        lines += ["", "## The plugin against the floors and the peer", "", *_ratio_lines(results["rows"])]
    lines += ["", "## Builds (medians)", "", *_build_lines(results["rows"])]
    if "serve" in results:
        lines += ["", *_serve_lines(results["serve"])]
    if "profile" in results:
        lines += ["", *_profile_lines(results["profile"])]
    lines += ["", "## Targets", "", "| Target | Measured | Limit | Met |", "|---|---|---|---|"]
    lines += [f"| {t['target']} | {t['measured']} | {t['limit']} | {_yes(t['met'])} |" for t in results["targets"]]
    return "\n".join(lines) + "\n"


def _ratio_lines(rows: list[dict]) -> list[str]:
    others = [other for other in RATIO_LIMITS if any(other in row.get("ratios", {}) for row in rows)]
    head = " | ".join(f"plugin / {VARIANT_NAMES[other]}" for other in others)
    lines = [
        (
            "Per output page: median wall time over the `index.html` files the variant writes; "
            "build: median wall time. Limits of issue 16: "
            f"<= {EQUIVALENT_LIMIT:.2f}x the equivalent-output floor, <= {PEER_LIMIT:.2f}x Material's blog."
        ),
        "",
        f"| Posts | Per page: {head} | Build: {head} |",
        "|---:|" + "---:|" * (2 * len(others)),
    ]
    for row in rows:
        ratios = row.get("ratios", {})
        per_page = " | ".join(_ratio(ratios, other, "per_page") for other in others)
        build = " | ".join(_ratio(ratios, other, "build") for other in others)
        lines.append(f"| {row['posts']:,} | {per_page} | {build} |")
    return lines


def _ratio(ratios: dict, other: str, key: str) -> str:
    return f"{ratios[other][key]:.2f}" if other in ratios else "–"


def _build_lines(rows: list[dict]) -> list[str]:
    lines = [
        "| Posts | Variant | Median s | Runs s | Pages | ms/page | Peak MB | Post page bytes (median) | Warnings |",
        "|---:|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for variant, name in VARIANT_NAMES.items():
            if variant in row:
                m = row[variant]
                runs = ", ".join(f"{s:.2f}" for s in m["seconds"])
                lines.append(
                    f"| {row['posts']:,} | {name} | {m['median_s']:.2f} | {runs} | {m['pages']:,} "
                    f"| {m['ms_per_page']:.2f} | {m['peak_rss_mb']:.0f} | {m['post_html_bytes']['median']:,} "
                    f"| {m['warnings']} |"
                )
    return lines


def _machine_lines(machine: dict, settings: dict) -> list[str]:
    packages = ", ".join(f"{name} {v}" for name, v in machine["packages"].items())
    return [
        (
            f"Machine: {machine['cpus']} CPUs ({machine['cpu']}), {machine['memory_gb']} GB RAM, {machine['os']}, "
            f"Python {machine['python']}; {packages}. Plugin: {machine['plugin_source']}. "
            f"Load average before/after: {machine['load_average_before'][0]:.2f} / "
            f"{machine.get('load_average_after', [float('nan')])[0]:.2f}. "
            f"The runner's own peak memory, under which no build's peak can read: "
            f"{machine.get('runner_peak_rss_mb', float('nan')):.0f} MB."
        ),
        "",
        (
            f"Each build is a separate `python -m mkdocs build -q` process; {settings['runs']} runs per variant, "
            "the order of the variants reversed from one run to the next. "
            "Equivalent-output floor: every page as the plugin hands it to MkDocs (shortcodes converted, boxes "
            "inlined, listing, tag and series pages as plain pages with their HTML, the same nav and Markdown "
            "extensions, the plugin's head tags and its feeds as static files: the same files as the plugin's "
            f"build), built without the plugin{_splice_note(settings)}: the difference is the plugin's own "
            "cost (reading and converting posts, rendering, making head tags and feeds, excerpts). "
            "Raw floor: the same posts without the plugin, shortcodes left as text, posts kept out of the nav "
            "by `not_in_nav`, no generated pages. "
            "Material blog + tags: the same posts under `blog/posts/` with Material's `blog` and `tags` plugins "
            "(series as categories, 10 posts per page, `<!-- more -->` after the description, shortcodes as text). "
            "Pages: every `index.html` written. Peak memory: the largest RSS of the runs."
        ),
    ]


def _splice_note(settings: dict) -> str:
    if settings.get("equivalent_mode", "splice") == "splice":
        return (
            " (the HTML the plugin adds after Markdown is joined to MkDocs' HTML, and its head tags put before"
            " `</head>`, by a small hook, as the plugin does)"
        )
    return (
        " (the HTML the plugin adds after Markdown is given as raw HTML blocks in the Markdown; its head tags"
        " are put before `</head>` by a small hook)"
    )


def _serve_lines(serve: dict) -> list[str]:
    lines = [
        f"## `mkdocs serve`, {serve['posts']:,} posts: one post edited (title and a tag)",
        "",
        "| Mode | First build s | Edit -> browsers reloaded s (median) | MkDocs build s | Generated pages correct |",
        "|---|---:|---:|---|---|",
    ]
    for mode, label in (("full", "`mkdocs serve`"), ("dirty", "`mkdocs serve --dirty`")):
        if mode in serve:
            m = serve[mode]
            ok = sum(m["checks"].values())
            builds = ", ".join(f"{b:.2f}" for b in m["mkdocs_build_s"] if b is not None)
            lines.append(
                f"| {label} | {m['initial_build_s']:.2f} | {m['median_reload_s']:.2f} | {builds} | {ok}/{len(m['checks'])} |"
            )
    notes = [note for mode in ("full", "dirty") if mode in serve for note in serve[mode]["notes"]]
    if notes:
        lines += ["", *(f"- {note}" for note in sorted(set(notes)))]
    return lines


def _breakdown_lines(parts: dict[str, dict[str, float]]) -> list[str]:
    """Each part of the build under each profiled variant; the plugin's extra over the first floor."""
    floors = [variant for variant in parts if variant != "plugin"]
    names = " | ".join(f"{VARIANT_NAMES[floor]} s" for floor in floors)
    base = floors[0] if floors else None
    extra = f" | Plugin - {VARIANT_NAMES[base]} s" if base else ""
    lines = [
        "Where the time goes, floors and plugin profiled back to back (inclusive seconds under cProfile):",
        "",
        f"| Part of the build | {names} | Plugin s{extra} |".replace("|  |", "|"),
        "|---|" + "---:|" * (len(floors) + 1 + bool(base)),
    ]
    for name, plugin_s in parts["plugin"].items():
        cells = [f"{parts[floor].get(name, 0.0):.2f}" for floor in floors] + [f"{plugin_s:.2f}"]
        if base:
            cells.append(f"{plugin_s - parts[base].get(name, 0.0):+.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _profile_lines(profile: dict) -> list[str]:
    lines = [
        f"## Profile of a {profile['posts']:,}-post build (cProfile)",
        "",
        (
            f"Self time in mkdocs_numeco: {100 * profile['own_share']:.1f}% of {profile['total_s']:.1f} s; "
            f"inclusive time of the plugin's event handlers: {100 * profile['handlers_share']:.1f}%."
        ),
        "",
        "| Plugin event handler (inclusive) | s | Share |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{r['function']}` | {r['seconds']:.2f} | {100 * r['share']:.1f}% |" for r in profile["top_handlers"]]
    parts = profile.get("breakdown")
    if parts:
        lines += ["", *_breakdown_lines(parts)]
    lines += ["", "| Plugin function (self time) | s | Share |", "|---|---:|---:|"]
    lines += [f"| `{r['function']}` | {r['seconds']:.2f} | {100 * r['share']:.1f}% |" for r in profile["top_own"][:8]]
    lines += ["", "| Whole build, top self time | s | Share |", "|---|---:|---:|"]
    lines += [
        f"| `{r['function']}` | {r['seconds']:.2f} | {100 * r['share']:.1f}% |" for r in profile["top_overall"][:8]
    ]
    return lines

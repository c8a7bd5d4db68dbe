"""Targets of issue 6, checked against the measurements, and the Markdown report."""

from __future__ import annotations

from itertools import pairwise

PER_PAGE_LIMIT = 1.05  # plugin ms/page over floor ms/page, at 1,000 posts
SCALING_SLACK = 1.05  # 1,000 -> 10,000 posts may cost at most 10.5x
MEMORY_SLACK = 1.25  # marginal memory per post may grow this much from the first interval to the last
HTML_SLACK = 1.02  # a post page may differ this much between the smallest and the largest site
PROFILE_LIMIT = 0.03  # share of the build spent in the plugin


def _target(name: str, measured: str, limit: str, met: bool | None) -> dict:
    return {"target": name, "measured": measured, "limit": limit, "met": met}


def evaluate_targets(results: dict) -> list[dict]:
    rows = sorted(results["rows"], key=lambda row: row["posts"])
    targets = []
    if rows:
        base = next((row for row in rows if row["posts"] == 1000), rows[0])
        targets.append(
            _target(
                f"per-output-page cost vs floor at {base['posts']} posts",
                f"{base['per_page_ratio']:.3f}x",
                f"<= {PER_PAGE_LIMIT}x",
                base["per_page_ratio"] <= PER_PAGE_LIMIT,
            )
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        growth = last["posts"] / first["posts"]
        time_ratio = last["plugin"]["median_s"] / first["plugin"]["median_s"]
        targets.append(
            _target(
                f"build time {first['posts']} -> {last['posts']} posts ({growth:g}x posts)",
                f"{time_ratio:.2f}x",
                f"<= {growth * SCALING_SLACK:.2f}x",
                time_ratio <= growth * SCALING_SLACK,
            )
        )
        size_ratio = last["plugin"]["post_html_bytes"]["median"] / first["plugin"]["post_html_bytes"]["median"]
        targets.append(
            _target(
                f"post page HTML size, {last['posts']} vs {first['posts']} posts (median)",
                f"{size_ratio:.3f}x ({first['plugin']['post_html_bytes']['median']} -> "
                f"{last['plugin']['post_html_bytes']['median']} bytes)",
                f"<= {HTML_SLACK}x",
                size_ratio <= HTML_SLACK,
            )
        )
    if len(rows) >= 3:
        targets.append(_memory_target(rows))
    profile = results.get("profile")
    if profile:
        for key, label in (
            ("own_share", "self time of mkdocs_numeco functions"),
            ("handlers_share", "plugin event handlers, inclusive"),
        ):
            targets.append(
                _target(
                    f"{label} ({profile['posts']}-post build)",
                    f"{100 * profile[key]:.1f}%",
                    f"< {100 * PROFILE_LIMIT:g}%",
                    profile[key] < PROFILE_LIMIT,
                )
            )
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
    lines += ["", "## Builds (medians)", ""]
    lines += [
        (
            "| Posts | Floor s | Plugin s | Build ratio | Floor pages | Plugin pages | Floor ms/page | Plugin ms/page "
            "| Per-page ratio | Floor peak MB | Plugin peak MB | Post page bytes, floor / plugin |"
        ),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["rows"]:
        floor, plugin = row["floor"], row["plugin"]
        lines.append(
            f"| {row['posts']:,} | {floor['median_s']:.2f} | {plugin['median_s']:.2f} | {row['build_ratio']:.2f} "
            f"| {floor['pages']:,} | {plugin['pages']:,} | {floor['ms_per_page']:.2f} | {plugin['ms_per_page']:.2f} "
            f"| {row['per_page_ratio']:.2f} | {floor['peak_rss_mb']:.0f} | {plugin['peak_rss_mb']:.0f} "
            f"| {floor['post_html_bytes']['median']:,} / {plugin['post_html_bytes']['median']:,} |"
        )
    if "serve" in results:
        lines += ["", *_serve_lines(results["serve"])]
    if "profile" in results:
        lines += ["", *_profile_lines(results["profile"])]
    lines += ["", "## Targets", "", "| Target | Measured | Limit | Met |", "|---|---|---|---|"]
    lines += [f"| {t['target']} | {t['measured']} | {t['limit']} | {_yes(t['met'])} |" for t in results["targets"]]
    return "\n".join(lines) + "\n"


def _machine_lines(machine: dict, settings: dict) -> list[str]:
    packages = ", ".join(f"{name} {v}" for name, v in machine["packages"].items())
    return [
        (
            f"Machine: {machine['cpus']} CPUs ({machine['cpu']}), {machine['memory_gb']} GB RAM, {machine['os']}, "
            f"Python {machine['python']}; {packages}. Plugin: {machine['plugin_source']}. "
            f"Load average before/after: {machine['load_average_before'][0]:.2f} / "
            f"{machine.get('load_average_after', [float('nan')])[0]:.2f}."
        ),
        "",
        (
            f"Each build is a separate `python -m mkdocs build -q` process; {settings['runs']} runs per variant, alternating. "
            "Floor: the same posts and config without the plugin, posts kept out of the nav by `not_in_nav`. "
            "Pages: every `index.html` written. Peak memory: the largest RSS of the runs."
        ),
    ]


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
        lines += [
            "",
            "Where the time goes, floor and plugin profiled back to back (inclusive seconds under cProfile):",
            "",
            "| Part of the build | Floor s | Plugin s | Extra s |",
            "|---|---:|---:|---:|",
        ]
        for name, floor_s in parts["floor"].items():
            plugin_s = parts["plugin"].get(name, 0.0)
            lines.append(f"| {name} | {floor_s:.2f} | {plugin_s:.2f} | {plugin_s - floor_s:+.2f} |")
    lines += ["", "| Plugin function (self time) | s | Share |", "|---|---:|---:|"]
    lines += [f"| `{r['function']}` | {r['seconds']:.2f} | {100 * r['share']:.1f}% |" for r in profile["top_own"][:8]]
    lines += ["", "| Whole build, top self time | s | Share |", "|---|---:|---:|"]
    lines += [
        f"| `{r['function']}` | {r['seconds']:.2f} | {100 * r['share']:.1f}% |" for r in profile["top_overall"][:8]
    ]
    return lines

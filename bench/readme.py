"""Write the benchmark's figures into README.md: ``python -m bench.readme bench/out/bench.json``.

Rewrites only what lies between ``<!-- perf:start -->`` and ``<!-- perf:end -->`` (adding a
"## Performance" section with those markers at the end of the README when they are absent):
a table of every figure with its target, its naive baseline and whether it is met, and a line
naming the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.targets import FIGURES, MB, met, per_naive

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- perf:start -->", "<!-- perf:end -->"


def fmt(value: float | None, unit: str) -> str:
    """A figure in its unit, as the table writes it.

    >>> fmt(0.4567, "s"), fmt(2_345_678, "bytes"), fmt(812.4, "MiB"), fmt(19.04, "x"), fmt(None, "s")
    ('0.457 s', '2.35 MB', '812 MiB', '19.0×', 'not measured')
    """
    if value is None:
        return "not measured"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "bytes":
        return f"{value / MB:.2f} MB"
    if unit == "MiB":
        return f"{value:,.0f} MiB"
    if unit == "x":
        return f"{value:.1f}×"
    return f"{value:g}"


def _target(key: str) -> str:
    figure = FIGURES[key]
    if figure.at_least is not None:
        return f"≥ {figure.at_least:g}×"
    if figure.at_most is None:
        return ""
    limit = figure.at_most
    if figure.unit == "bytes":
        return f"≤ {limit / MB:g} MB"
    if figure.unit == "MiB" and limit % 1024 == 0:
        return f"≤ {limit / 1024:g} GiB"
    ratio = f"; ≤ {figure.per_naive:g}× naive" if figure.per_naive is not None else ""
    return f"≤ {limit:g} {figure.unit}{ratio}"


def _measured(key: str, result: dict, unit: str) -> str:
    """The figure in its unit, with its ratio to the naive map of the same run where it has one."""
    ratio = per_naive(key, result)
    return fmt(result[key], unit) + (f" ({ratio:.2f}× naive)" if ratio is not None else "")


def _machine_line(meta: dict) -> str:
    m = meta.get("machine", {})
    parts = [
        f"{m.get('cores', '?')} cores",
        f"{m.get('ram_gib', '?')} GiB RAM",
        m.get("cpu") or "unknown CPU",
    ]
    if m.get("os"):
        parts.append(m["os"])
    if m.get("python"):
        parts.append(f"Python {m['python']}")
    line = f"Measured on {meta.get('date', 'an unknown date')[:10]} on {', '.join(parts)}"
    if meta.get("bench_s") is not None:
        line += f"; the whole benchmark took {meta['bench_s'] / 60:.0f} min"
    line += "."
    if meta.get("load_average_at_start"):
        load = ", ".join(f"{x:g}" for x in meta["load_average_at_start"])
        line += f" Load average when it started: {load} (1, 5, 15 min)"
        busy = max(meta["load_average_at_start"] + meta.get("load_average_at_end", [])) >= 1
        line += ": other work shared the machine during the run." if busy else "."
    if meta.get("store_import_measured"):
        line += (
            f" The store import figures were measured on {meta['store_import_measured'][:10]} (store reused)."
        )
    return line


def table(result: dict) -> str:
    """The Markdown between the markers for a benchmark result."""
    if "skipped" in result:
        return f"Benchmark skipped: {result['skipped']}."
    meta = result.get("meta", {})
    rows = [
        "| figure | measured | target | naive baseline | met |",
        "|---|---|---|---|---|",
    ]
    others = [k for k, v in result.items() if k not in FIGURES and k != "meta" and isinstance(v, int | float)]
    keys = [k for k in FIGURES if k in result] + others
    for key in keys:
        figure = FIGURES.get(key)
        unit = (
            figure.unit
            if figure
            else ("s" if key.endswith("_s") else "bytes" if key.endswith("bytes") else "")
        )
        label = figure.label if figure else key
        areas = meta.get(key.removesuffix("_build_s").removesuffix("_bytes") + "_areas")
        if areas and key.endswith("_build_s"):
            label += f" ({areas:,} polygons)"
        naive = ""
        if figure and figure.naive:
            naive = fmt(result.get(figure.naive), FIGURES[figure.naive].unit)
        verdict = {True: "yes", False: "**no**", None: "—"}[met(key, result[key], result)]
        rows.append(
            f"| {label} (`{key}`) | {_measured(key, result, unit)} | {_target(key) if figure else ''} | {naive} | {verdict} |"
        )
    notes = [
        "",
        _machine_line(meta),
        "",
        "Maps are built as the map page builds them (display geometry from the store, compact "
        "encoding, canvas drawing; not cached) and sized as the HTML sent to the browser; the naive "
        "baseline is `GeoDataFrame.to_json()` of the stored polygons into `folium.GeoJson` with a "
        "`style_function` and a tooltip, built in the same run. Map times are the median of "
        f"{meta.get('repeat', 1)} builds in one process (modules already loaded, as in the app). "
        "Every time target is also stated as a ratio to the naive map of the same run (× naive), "
        "which a figure must meet too: machines of this kind differ in speed from run to run. "
        "Regenerate with `./bench.sh` (or `python -m bench --json bench/out/bench.json` "
        "then `python -m bench.readme bench/out/bench.json`).",
    ]
    return "\n".join(rows + notes)


def _row(key: str, result: dict) -> str:
    figure = FIGURES[key]
    naive = fmt(result.get(figure.naive), FIGURES[figure.naive].unit) if figure.naive else ""
    verdict = {True: "yes", False: "**no**", None: "—"}[met(key, result[key], result)]
    return f"| {figure.label} (`{key}`) | {_measured(key, result, figure.unit)} | {_target(key)} | {naive} | {verdict} |"


def add_rows(readme_text: str, result: dict, note: str | None = None) -> str:
    """``readme_text`` with the rows of ``result``'s figures replaced in, or added to, the table.

    For a benchmark run on its own (``python -m bench.load``): the other rows stay as they are.
    ``note`` (one paragraph) is put after the table's notes, replacing an earlier one that
    starts the same way.
    """
    if START not in readme_text or END not in readme_text:
        return rewrite(readme_text, table(result))
    head, rest = readme_text.split(START, 1)
    body, tail = rest.split(END, 1)
    lines = body.strip("\n").split("\n")
    for key in [k for k in FIGURES if k in result and result[k] is not None]:
        row = _row(key, result)
        at = next((i for i, line in enumerate(lines) if f"(`{key}`)" in line), None)
        if at is not None:
            lines[at] = row
        else:
            end = max(i for i, line in enumerate(lines) if line.startswith("|"))
            lines.insert(end + 1, row)
    if note:
        lead = note.split("(")[0].split(":")[0]
        lines = [line for line in lines if not line.startswith(lead)]
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", note]
    return head + START + "\n" + "\n".join(lines) + "\n" + END + tail


def rewrite(readme_text: str, section: str) -> str:
    """``readme_text`` with ``section`` between the markers (a new section at the end if absent)."""
    block = f"{START}\n{section}\n{END}"
    if START in readme_text and END in readme_text and readme_text.index(START) < readme_text.index(END):
        head, rest = readme_text.split(START, 1)
        return head + block + rest.split(END, 1)[1]
    return readme_text.rstrip("\n") + "\n\n## Performance\n\n" + block + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.readme", description=__doc__.split("\n")[0])
    parser.add_argument("json", type=Path, help="the benchmark's JSON (python -m bench --json OUT)")
    parser.add_argument("--readme", type=Path, default=README)
    args = parser.parse_args(argv)
    result = json.loads(args.json.read_text())
    args.readme.write_text(rewrite(args.readme.read_text(), table(result)))
    print(f"wrote the Performance table to {args.readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

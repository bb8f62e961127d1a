#!/usr/bin/env python3
"""Renders bench/scale.sh's results.tsv files (and notes) as one Markdown table (standard library only).

  scale_report.py RESULTS.tsv [RESULTS2.tsv ...] [NOTES.txt ...]
"""
import statistics, sys
from collections import OrderedDict
rows = OrderedDict()
note_files = [p for p in sys.argv[1:] if not p.endswith(".tsv")]
for path in (p for p in sys.argv[1:] if p.endswith(".tsv")):
    for line in open(path):
        case, files, label, run, wall, rss, status = line.rstrip("\n").split("\t")
        rows.setdefault((case, int(files), label), []).append((float(wall), int(rss), int(status)))
def name(case, files):
    kind = {"real": "real files", "links": "hard links to 1 stamped PNG", "small": "real files, caches dropped"}[case]
    return f"{files:,} {kind}"
print("| tree | command | runs used | wall s (median) | files/s | peak RSS MiB (median) | peak RSS MiB (max) | exit |")
print("|---|---|---:|---:|---:|---:|---:|---|")
for (case, files, label), all_runs in rows.items():
    # A run killed by a signal (exit > 128) did not finish: its figures are partial. Medians use the
    # finished runs when there are any; the exit column counts the others.
    runs = [r for r in all_runs if r[2] < 128] or all_runs
    wall = statistics.median(r[0] for r in runs)
    rss = statistics.median(r[1] for r in runs) / 1024
    peak = max(r[1] for r in runs) / 1024
    killed = [r for r in all_runs if r[2] >= 128]
    statuses = ",".join(sorted({str(r[2]) for r in all_runs if r[2] < 128}))
    if killed:
        crash = f"{len(killed)} of {len(all_runs)} killed by signal {killed[0][2] - 128}" + (" (SIGSEGV)" if killed[0][2] == 139 else "")
        statuses = crash if len(killed) == len(all_runs) else f"{statuses}; {crash}"
    rate = f"{files / wall:,.0f}" if runs[0][2] < 128 else "—"  # a killed run did not see every file
    print(f"| {name(case, files)} | `{label}` | {len(runs)} | {wall:.2f} | {rate} | {rss:.1f} | {peak:.1f} | {statuses} |")
small = {label: statistics.median(r[0] for r in runs) for (case, files, label), runs in rows.items() if case == "small"}
if "cp -r && sync" in small and "stamp -o" in small:
    runs = [r for (case, files, label), r in rows.items() if case == "small" and label == "cp -r && sync"][0]
    ratios = []
    for (case, files, label), stamp_runs in rows.items():
        if case == "small" and label == "stamp -o":
            ratios = [s[0] / c[0] for s, c in zip(stamp_runs, runs)]
    print()
    print(f"stamp -o / (cp -r && sync), medians: {small['stamp -o']:.2f} s / {small['cp -r && sync']:.2f} s = "
          f"{small['stamp -o'] / small['cp -r && sync']:.2f}x (per run: {', '.join(f'{r:.2f}' for r in ratios)}; target <= 1.5x)")
notes = "\n".join(open(p).read().strip() for p in note_files).strip()
if notes:
    print()
    for line in notes.splitlines():
        print(f"- {line}")

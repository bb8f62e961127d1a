#!/usr/bin/env python3
"""Render bench/run.sh's raw results (machine.txt + results.tsv) as Markdown.

    python3 bench/report.py bench/work/machine.txt bench/work/results.tsv > bench/RESULTS.md

Standard library only. Every number printed comes from results.tsv.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

SET_NOTES = {
    "jpeg1024": "1024x1024 JPEG, quality 90",
    "png1024": "1024x1024 RGB PNG, zlib level 6",
    "jpeg4096": "4096x4096 JPEG, quality 90",
    "jpeg256": "256x256 JPEG, quality 90",
}

CASE_NOTES = {
    "cp": "`cp -r` to a new folder (the physical floor: read + write every byte)",
    "cp-sync": "`cp -r` then `sync`: the floor for a durable copy (labelctl syncs its outputs; cp and the peers do not)",
    "labelctl-out": "labelctl stamp, new folder (`-o`), default jobs",
    "labelctl-inplace": "labelctl stamp `--in-place` on a fresh copy",
    "labelctl-out-jobs1": "labelctl stamp `-o --jobs 1`",
    "labelctl-out-jobs2": "labelctl stamp `-o --jobs 2`",
    "exiftool": "exiftool, one process, in place",
    "exiftool-fast": "exiftool `-fast`, one process, in place",
    "exiv2": "exiv2 `mo`, one process (xargs), in place",
    "labelctl-per-file": "labelctl, one process per file",
    "exiftool-per-file": "exiftool, one process per file",
    "exiv2-per-file": "exiv2, one process per file",
    "labelctl-verify": "labelctl verify --quiet",
    "exiftool-read": "exiftool reading DigitalSourceType + TC260:AIGC",
    "exiftool-read-fast": "the same with `-fast`",
    "exiv2-read": "exiv2 -px (all XMP), xargs",
}

# For each peer case, the labelctl case it is compared with.
PEER_OF = {
    "exiftool": "labelctl-inplace",
    "exiftool-fast": "labelctl-inplace",
    "exiv2": "labelctl-inplace",
    "exiftool-per-file": "labelctl-per-file",
    "exiv2-per-file": "labelctl-per-file",
    "exiftool-read": "labelctl-verify",
    "exiftool-read-fast": "labelctl-verify",
    "exiv2-read": "labelctl-verify",
}


@dataclass
class Row:
    set: str
    case: str
    group: str
    files: int
    bytes: int
    best: float
    walls: list[float]
    rss_kb: int
    rc: int
    status: str
    command: str

    @property
    def per_file(self) -> float:
        return self.best / self.files

    @property
    def failed(self) -> bool:
        return self.status != "ok"


def read_rows(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        f = line.split("\t")
        rows.append(Row(f[0], f[1], f[2], int(f[3]), int(f[4]), float(f[5]),
                        [float(w) for w in f[6].split(",")], int(f[7] or 0), int(f[8]),
                        f[9], f[10]))
    return rows


def read_machine(path: Path) -> dict[str, str]:
    facts = {}
    for line in path.read_text().splitlines():
        key, _, value = line.partition("=")
        facts[key] = value
    return facts


def seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.2f}" if value < 100 else f"{value:.1f}"


def ratio(value: float) -> str:
    if value < 0.1:
        return f"{value:.3f}x"
    return f"{value:.2f}x" if value < 10 else f"{value:.1f}x"


def table_for_set(rows: list[Row], repeats: str) -> list[str]:
    by_case = {r.case: r for r in rows}
    cp = by_case.get("cp")
    has_labelctl = any(r.case.startswith("labelctl") for r in rows)
    lines = [
        f"| run | files | runs | wall s (best) | files/s | MB/s | ms/file | x cp "
        + ("| labelctl faster by " if has_labelctl else "")
        + "| peak RSS MiB | check |",
        "|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if has_labelctl else "") + "---:|---|",
    ]
    for r in rows:
        vs_cp = ratio(r.per_file / cp.per_file) if cp and not r.failed and not cp.failed else "-"
        cells = [
            f"{r.case}", str(r.files), str(len(r.walls)), seconds(r.best), f"{r.files / r.best:,.0f}",
            f"{r.bytes / 1e6 / r.best:,.1f}", f"{r.per_file * 1000:.2f}", vs_cp,
        ]
        if has_labelctl:
            partner = by_case.get(PEER_OF.get(r.case, ""))
            if partner and not partner.failed and not r.failed:
                cells.append(ratio(r.per_file / partner.per_file) + f" (vs {partner.case})")
            else:
                cells.append("-")
        cells += [f"{r.rss_kb / 1024:.1f}", r.status]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def summary_for_set(rows: list[Row]) -> list[str]:
    by_case = {r.case: r for r in rows if not r.failed}
    out = []

    def say(text: str, a: str, b: str) -> None:
        if a in by_case and b in by_case:
            out.append(f"- {text}: {ratio(by_case[b].per_file / by_case[a].per_file)}")

    say("labelctl `--in-place` vs exiftool (one process)", "labelctl-inplace", "exiftool")
    say("labelctl `--in-place` vs exiftool `-fast`", "labelctl-inplace", "exiftool-fast")
    say("labelctl `--in-place` vs exiv2 (one process)", "labelctl-inplace", "exiv2")
    say("labelctl vs exiftool, one process per file", "labelctl-per-file", "exiftool-per-file")
    say("labelctl vs exiv2, one process per file", "labelctl-per-file", "exiv2-per-file")
    say("labelctl verify vs exiftool read", "labelctl-verify", "exiftool-read")
    say("labelctl verify vs exiftool `-fast` read", "labelctl-verify", "exiftool-read-fast")
    say("labelctl verify vs exiv2 -px", "labelctl-verify", "exiv2-read")
    say("`--jobs 2` vs `--jobs 1` (parallel speed-up on this machine)",
        "labelctl-out-jobs2", "labelctl-out-jobs1")
    if "labelctl-out" in by_case and "cp" in by_case:
        out.append(f"- labelctl `-o` takes {ratio(by_case['labelctl-out'].per_file / by_case['cp'].per_file)} "
                   "the time of `cp -r` (the floor)")
    if "labelctl-out" in by_case and "cp-sync" in by_case:
        out.append(f"- labelctl `-o` takes {ratio(by_case['labelctl-out'].per_file / by_case['cp-sync'].per_file)} "
                   "the time of `cp -r && sync` (the durable floor)")
    if out:
        out.insert(0, "Speed-ups (peer time per file / labelctl time per file; above 1 = labelctl faster):")
        out.insert(1, "")
    return out


def main() -> None:
    machine = read_machine(Path(sys.argv[1]))
    rows = read_rows(Path(sys.argv[2]))
    repeats = machine.get("repeats", "?")
    with_labelctl = any(r.case.startswith("labelctl") for r in rows)

    p = print
    p("# Benchmark results")
    p()
    p(f"Generated by `bench/run.sh` on {machine.get('date', '?')}; raw numbers in "
      "`bench/work/results.tsv`, per-run output in `bench/work/logs/`.")
    if not with_labelctl:
        p()
        p("**Peers only: labelctl was not measured (BENCH_SKIP_LABELCTL=1).**")
    if machine.get("scale", "1") not in ("1", "1.0"):
        p()
        p(f"**Reduced corpus: BENCH_SCALE={machine['scale']}.**")
    p()
    p("## Machine")
    p()
    p("| | |")
    p("|---|---|")
    for key, label in [("cpu", "CPU"), ("nproc", "cores (nproc)"), ("memory", "memory"),
                       ("disk", "disk (bench/work)"), ("rotational", "rotational flag (kernel)"),
                       ("kernel", "kernel"), ("swift", "Swift"), ("labelctl", "labelctl"),
                       ("exiftool", "exiftool"), ("exiv2", "exiv2")]:
        if key in machine:
            p(f"| {label} | {machine[key]} |")
    p()
    p("## Method")
    p()
    p(f"- Every timed run starts from a fresh copy of its input (made before the clock starts), "
      f"then `sync`, then one full read of the input: **all tools run on the same hot page "
      f"cache**; nothing is dropped from the cache and no tool is asked to fsync. "
      f"Wall time is the best of {repeats} runs (`runs` column); a run slower than "
      f"{machine.get('slow_seconds', '?')} s is not repeated.")
    p("- files/s and MB/s use the input's size (MB = 10^6 bytes). ms/file = wall / files. "
      "`x cp` = time per file / cp's time per file on the same set.")
    p("- `labelctl faster by` = the peer's time per file / the matching labelctl run's time per "
      "file (in-place peers vs `labelctl --in-place`, per-file peers vs labelctl per file, "
      "readers vs `labelctl verify`); labelctl `-o` is compared with cp in the `x cp` column.")
    p("- Peak RSS: `Maximum resident set size` from `/usr/bin/time -v`; for loops and xargs "
      "it is the largest single process.")
    p(f"- One-process-per-file runs use the first {machine.get('sample', '?')} files of each set. "
      "Reading runs read a copy labelled by "
      + ("labelctl." if with_labelctl else "exiftool."))
    p("- `check`: after each writing run, the output has every file and the first and last "
      "carry `XMP-iptcExt:DigitalSourceType` = trainedAlgorithmicMedia (read back with exiftool); "
      "readers must report it for every file; cp's first file must be identical.")
    p()
    p("## Commands")
    p()
    p("`$SRC` is `bench/corpus/SET-nCOUNT` (or the per-file sample), `$DST` a new folder, `$DIR` the "
      "fresh copy being edited in place (or the labelled copy being read).")
    p()
    seen = set()
    for r in rows:
        if r.case in seen:
            continue
        seen.add(r.case)
        p(f"- **{r.case}**: {CASE_NOTES.get(r.case, '')}")
        p(f"  ```sh\n  {r.command}\n  ```")
    p()

    for name in dict.fromkeys(r.set for r in rows):
        set_rows = [r for r in rows if r.set == name]
        full = max(set_rows, key=lambda r: r.files)
        p(f"## {name}: {full.files} files, {full.bytes / 1e6:,.1f} MB "
          f"(mean {full.bytes / full.files / 1e3:,.0f} kB; {SET_NOTES.get(name, '')})")
        p()
        if f"note_{name}" in machine:
            p(f"Note: {machine[f'note_{name}']}.")
            p()
        for line in table_for_set(set_rows, repeats):
            p(line)
        p()
        for line in summary_for_set(set_rows):
            p(line)
        p()


if __name__ == "__main__":
    main()

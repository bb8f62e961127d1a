#!/usr/bin/env bash
# bench/scale.sh: flat memory from 10,000 to 10,000,000 files, and small files against cp + sync
# (issue 6 item 8). No network; prints a Markdown table, writes nothing into RESULTS.md.
#
#   bench/scale.sh                         everything (10k, 100k, 1M real files; 10M hard links; 200k cp case)
#   SCALE_SIZES="10000 100000" SCALE_LINKS=0 SCALE_CP_FILES=0 bench/scale.sh    a quick run
#
# Knobs: SCALE_SIZES (real-file trees, 1000 files a folder), SCALE_LINKS (entries of the hard-link
# tree, 0 = none; 10k folders), SCALE_CP_FILES (the cp-vs-stamp case, 1000 files a folder, 0 = none),
# SCALE_REPEATS (3; the median is reported; a run slower than SCALE_SLOW_SECONDS=60 is not repeated),
# SCALE_SKIP_BUILD=1, SCALE_WORK (bench/work/scale), LABELCTL (.build/release/labelctl),
# SCALE_SETTLE_SECONDS (40: wait after deleting many files before a timed run that creates many, see below).
#
# ext4 without a journal (this VM's root: no jbd2) will not reuse an inode freed in the last 5 to 35 s:
# each new file then skips past every recently freed one, reading inode-table blocks to learn when
# it was freed (kernel: find_inode_bit -> recently_deleted, 60 % of a stamp's CPU in perf right
# after an `rm -rf` of the previous output). So a timed run that creates N files waits
# SCALE_SETTLE_SECONDS after the last big delete; cp and labelctl get the same treatment.
#
# What is measured, per tree: `stamp -q ... -o OUT TREE` (the real-file trees; the hard-link tree
# only if the 1M run says it would take < 10 min and the disk has room), `verify -q` and
# `check --format json --output /dev/null` over a *stamped* tree (so every file is parsed to the
# end of its label), each under /usr/bin/time for peak RSS (%M, KiB) and the shell's clock for
# wall time. The trees are made before, and removed after, their runs; nothing is timed while
# a tree is being made. The hard-link tree holds N names of one stamped tiny PNG (N/50,000 copies
# of it: ext4 caps an inode at 65,000 links): the walk, the reorder buffer and the reports see N
# files, the disk holds a few hundred.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

SCALE_SIZES="${SCALE_SIZES:-10000 100000 1000000}"
SCALE_LINKS="${SCALE_LINKS:-10000000}"
SCALE_LINK_FOLDERS="${SCALE_LINK_FOLDERS:-10000}"
SCALE_CP_FILES="${SCALE_CP_FILES:-200000}"
SCALE_REPEATS="${SCALE_REPEATS:-3}"
SCALE_SLOW_SECONDS="${SCALE_SLOW_SECONDS:-60}"
SCALE_SKIP_BUILD="${SCALE_SKIP_BUILD:-0}"
SCALE_SETTLE_SECONDS="${SCALE_SETTLE_SECONDS:-40}"
SCALE_WORK="${SCALE_WORK:-$REPO/bench/work/scale}"
LABELCTL="${LABELCTL:-$REPO/.build/release/labelctl}"
PER_FOLDER=1000
STAMP_FLAGS=(stamp -q --generator G --producer-code 001191110000EXAMPLE00X1AB01)

RESULTS="$SCALE_WORK/results.tsv"
NOTES="$SCALE_WORK/notes.txt"
# labelctl's default journal lives under $XDG_STATE_HOME: keep it in the work folder, removed at the end.
export XDG_STATE_HOME="$SCALE_WORK/state"

note() { echo "$*" | tee -a "$NOTES" >&2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

cleanup() { rm -rf "$SCALE_WORK/trees" "$SCALE_WORK/out" "$XDG_STATE_HOME"; }
trap cleanup EXIT

# ------------------------------------------------------------------ setup --
if [[ ! -x /usr/bin/time ]]; then
    SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO=sudo
    $SUDO apt-get install -y -qq time >/dev/null
fi
if [[ "$SCALE_SKIP_BUILD" != 1 ]]; then
    log "building labelctl (release, static Swift runtime)"
    swift build -c release --product labelctl --static-swift-stdlib >&2
fi
mkdir -p "$SCALE_WORK"
rm -rf "$SCALE_WORK/trees" "$SCALE_WORK/out"
mkdir -p "$SCALE_WORK/trees" "$SCALE_WORK/out"
: >"$RESULTS"
: >"$NOTES"

CAN_DROP=0
if sync && echo 3 2>/dev/null >/proc/sys/vm/drop_caches; then CAN_DROP=1; fi
drop_caches() {
    sync
    if [[ "$CAN_DROP" == 1 ]]; then echo 3 >/proc/sys/vm/drop_caches; fi
}

TINY="$SCALE_WORK/tiny.png"
python3 bench/scale_tree.py png "$TINY"
STAMPED_TINY="$SCALE_WORK/tiny-stamped/tiny.png"
rm -rf "$SCALE_WORK/tiny-stamped"
"$LABELCTL" "${STAMP_FLAGS[@]}" -o "$SCALE_WORK/tiny-stamped" "$TINY"
note "tiny PNG: $(stat -c %s "$TINY") bytes (4x4 RGB); stamped: $(stat -c %s "$STAMPED_TINY") bytes"

# ------------------------------------------------------------- measuring --
# measure CASE FILES LABEL COMMAND...: one run; appends "case files label run wall_s rss_kib exit".
measure() {
    local case="$1" files="$2" label="$3" run="$4"
    shift 4
    local timefile="$SCALE_WORK/time.out" start end status
    start=$EPOCHREALTIME
    set +e
    /usr/bin/time -f "%M" -o "$timefile" "$@" >/dev/null 2>"$SCALE_WORK/stderr.out"
    status=$?
    set -e
    end=$EPOCHREALTIME
    local wall rss
    wall=$(python3 -c "print(f'{$end - $start:.3f}')")
    rss=$(tail -n 1 "$timefile")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$files" "$label" "$run" "$wall" "$rss" "$status" >>"$RESULTS"
    log "$case $label run $run: ${wall} s, ${rss} KiB, exit $status"
    if [[ "$status" != 0 ]]; then head -c 2000 "$SCALE_WORK/stderr.out" >&2; fi
    LAST_WALL="$wall"
}

# repeat CASE FILES LABEL PREPARE COMMAND...: runs PREPARE (untimed) then COMMAND, up to SCALE_REPEATS times.
repeat() {
    local case="$1" files="$2" label="$3" prepare="$4"
    shift 4
    local run
    for ((run = 1; run <= SCALE_REPEATS; run++)); do
        eval "$prepare"
        measure "$case" "$files" "$label" "$run" "$@"
        if python3 -c "import sys; sys.exit(0 if $LAST_WALL > $SCALE_SLOW_SECONDS else 1)"; then break; fi
    done
}

settle() { if [[ "$SCALE_SETTLE_SECONDS" -gt 0 ]]; then sleep "$SCALE_SETTLE_SECONDS"; fi; }

free_inodes() { df -Pi "$SCALE_WORK" | awk 'NR == 2 { print $4 }'; }
free_kib() { df -Pk "$SCALE_WORK" | awk 'NR == 2 { print $4 }'; }

# Enough inodes and space for a tree of N real files and its stamped copy (4 KiB a file, 20 % margin)?
fits_real() {
    local n="$1" stamped_kib=$(( ($(stat -c %s "$STAMPED_TINY") + 4095) / 4096 * 4 ))
    (( $(free_inodes) > n * 2 * 12 / 10 + 100000 )) && (( $(free_kib) > n * (4 + stamped_kib) * 12 / 10 + 4194304 ))
}

# -------------------------------------------- real trees: 10k, 100k, 1M --
STAMP_1M_SECONDS=""
for n in $SCALE_SIZES; do
    files="$n"
    if ! fits_real "$n"; then
        while ((files > 1000)) && ! fits_real "$files"; do files=$((files / 2)); done
        note "not enough inodes/space for $n real files (df -i: $(free_inodes) free inodes, $(free_kib) KiB free): using $files"
    fi
    tree="$SCALE_WORK/trees/real-$files"
    out="$SCALE_WORK/out/real-$files"
    log "making $files real files in $((files / PER_FOLDER)) folders"
    python3 bench/scale_tree.py real "$tree" "$files" "$PER_FOLDER" "$TINY"
    sync
    repeat "real" "$files" "stamp -o" "rm -rf '$out' '$XDG_STATE_HOME'; sync; settle" \
        "$LABELCTL" "${STAMP_FLAGS[@]}" -o "$out" "$tree"
    if [[ "$files" -ge 1000000 ]]; then STAMP_1M_SECONDS="$LAST_WALL"; STAMP_1M_FILES="$files"; fi
    # verify/check the stamped tree (every file carries a label to parse); the input is removed first.
    rm -rf "$tree"
    repeat "real" "$files" "verify -q" "" "$LABELCTL" verify -q "$out"
    repeat "real" "$files" "check --format json" "" "$LABELCTL" check "$out" --format json --output /dev/null
    rm -rf "$out" "$XDG_STATE_HOME"
    sync
done

# ------------------------------------------ small files: stamp vs cp + sync --
if [[ "$SCALE_CP_FILES" -gt 0 ]]; then
    n="$SCALE_CP_FILES"
    tree="$SCALE_WORK/trees/cp-$n"
    out="$SCALE_WORK/out/cp-$n"
    log "making $n real files in $((n / PER_FOLDER)) folders (cp case)"
    python3 bench/scale_tree.py real "$tree" "$n" "$PER_FOLDER" "$TINY"
    [[ "$CAN_DROP" == 1 ]] && note "cp case: page cache dropped (sync; echo 3 > /proc/sys/vm/drop_caches) before every run" \
        || note "cp case: cannot drop caches here (not root): warm cache"
    for ((run = 1; run <= SCALE_REPEATS; run++)); do
        # Alternate the order so neither always runs right after the other's writeback.
        for which in cp stamp; do
            rm -rf "$out" "$XDG_STATE_HOME"
            sync
            settle
            drop_caches
            if [[ "$which" == cp ]]; then
                measure "small" "$n" "cp -r && sync" "$run" bash -c 'cp -r "$0" "$1" && sync' "$tree" "$out"
            else
                measure "small" "$n" "stamp -o" "$run" "$LABELCTL" "${STAMP_FLAGS[@]}" -o "$out" "$tree"
            fi
        done
    done
    rm -rf "$tree" "$out" "$XDG_STATE_HOME"
    sync
fi

# ------------------------------------ hard-link tree: 10M entries, one file --
if [[ "$SCALE_LINKS" -gt 0 ]]; then
    n="$SCALE_LINKS"
    tree="$SCALE_WORK/trees/links-$n"
    # Hard links take no inode each, only directory entries (about 40 bytes): the folders need inodes.
    need_kib=$((n / 1024 * 64 + 1048576))
    if (( $(free_inodes) < SCALE_LINK_FOLDERS * 2 )) || (( $(free_kib) < need_kib )); then
        while ((n > 100000)) && (( $(free_kib) < n / 1024 * 64 + 1048576 )); do n=$((n / 2)); done
        note "hard-link tree scaled down to $n entries (df -i: $(free_inodes) free inodes, $(free_kib) KiB free)"
    fi
    note "hard-link tree: df -i before: $(free_inodes) free inodes; $n hard links to one stamped tiny PNG (copied once per 50,000 links: ext4 allows 65,000 links an inode) in $SCALE_LINK_FOLDERS folders"
    log "making $n hard links in $SCALE_LINK_FOLDERS folders"
    link_start=$EPOCHREALTIME
    python3 bench/scale_tree.py links "$tree" "$n" "$SCALE_LINK_FOLDERS" "$STAMPED_TINY"
    sync
    note "hard-link tree made in $(python3 -c "print(f'{$EPOCHREALTIME - $link_start:.0f}')") s"
    repeat "links" "$n" "verify -q" "" "$LABELCTL" verify -q "$tree"
    repeat "links" "$n" "check --format json" "" "$LABELCTL" check "$tree" --format json --output /dev/null
    # Stamping it with -o writes n real files: only if the 1M run says it fits in 10 minutes and on disk.
    estimate=""
    if [[ -n "$STAMP_1M_SECONDS" ]]; then estimate=$(python3 -c "print(int($STAMP_1M_SECONDS * $n / $STAMP_1M_FILES))"); fi
    if [[ -z "$estimate" ]]; then
        note "stamp of the $n-entry hard-link tree skipped: no 1M stamp run to estimate its time from"
    elif ((estimate >= 600)); then
        note "stamp of the $n-entry tree skipped: the 1M run took $STAMP_1M_SECONDS s, so about $estimate s (> 10 min) expected; it would also write $n real files ($((n * 4 / 1024 / 1024)) GiB of 4 KiB blocks, $n inodes)"
    elif ! fits_real "$n"; then
        note "stamp of the $n-entry tree skipped: not enough inodes/space for $n output files (df -i: $(free_inodes) free)"
    else
        out="$SCALE_WORK/out/links-$n"
        measure "links" "$n" "stamp -o" 1 "$LABELCTL" "${STAMP_FLAGS[@]}" -o "$out" "$tree"
        rm -rf "$out" "$XDG_STATE_HOME"
    fi
    log "removing the hard-link tree"
    rm -rf "$tree"
fi

# ------------------------------------------------------------------ table --
python3 bench/scale_report.py "$RESULTS" "$NOTES"

#!/usr/bin/env bash
# bench/run.sh: labelctl against cp, exiftool and exiv2, side by side, in one run.
#
#   bench/run.sh                                   full run (see bench/README.md)
#   BENCH_SCALE=0.1 bench/run.sh                   10 % of the files per set
#   BENCH_SETS=jpeg1024,png1024 bench/run.sh       some sets only
#   BENCH_SKIP_LABELCTL=1 BENCH_SCALE=0.01 bench/run.sh
#                                                  peers only (no CLI needed); the
#                                                  report goes to bench/work/, never
#                                                  to bench/RESULTS.md
#
# Other knobs: BENCH_REPEATS (3; a run slower than BENCH_SLOW_SECONDS=30 is not
# repeated), BENCH_SAMPLE (200 files for the one-process-per-file runs),
# BENCH_SKIP_INSTALL=1, BENCH_SKIP_BUILD=1, BENCH_KEEP_WORK=1, BENCH_CORPUS,
# BENCH_WORK, BENCH_OUT, LABELCTL (path of the binary).
#
# Every timed run starts from the same state: a fresh copy of the input (made
# before the clock starts), `sync` so no earlier dirty pages are flushed inside
# the timed window, and the input read once so that every tool works on the
# same hot page cache. No tool is asked to fsync.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

# ---------------------------------------------------------------- settings --
BENCH_SCALE="${BENCH_SCALE:-1}"
BENCH_SETS="${BENCH_SETS:-jpeg1024,png1024,jpeg4096,jpeg256}"
BENCH_REPEATS="${BENCH_REPEATS:-3}"
BENCH_SAMPLE="${BENCH_SAMPLE:-200}"
BENCH_SLOW_SECONDS="${BENCH_SLOW_SECONDS:-30}"
BENCH_SKIP_LABELCTL="${BENCH_SKIP_LABELCTL:-0}"
BENCH_SKIP_INSTALL="${BENCH_SKIP_INSTALL:-0}"
BENCH_SKIP_BUILD="${BENCH_SKIP_BUILD:-0}"
BENCH_KEEP_WORK="${BENCH_KEEP_WORK:-0}"
BENCH_CORPUS="${BENCH_CORPUS:-$REPO/bench/corpus}"
BENCH_WORK="${BENCH_WORK:-$REPO/bench/work}"
if [[ "$BENCH_SKIP_LABELCTL" == 1 ]]; then
    BENCH_OUT="${BENCH_OUT:-$BENCH_WORK/RESULTS-peers-only.md}"
else
    BENCH_OUT="${BENCH_OUT:-$REPO/bench/RESULTS.md}"
fi

# ------------------------------------------- labelctl: adjust flags here only --
LABELCTL="${LABELCTL:-.build/release/labelctl}"
LABELCTL_STAMP="$LABELCTL stamp --generator BenchGen --generator-version 1.0 --producer-code 001191110000EXAMPLE00X1AB01 --quiet"
LABELCTL_VERIFY="$LABELCTL verify --quiet"

# ---------------------------------------------------------- peer commands --
TRAINED="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
# The TC260 value is the inner seven-field object, as Labeler writes it. Peers get
# one fixed ProduceID (they cannot mint one per file in a single process).
AIGC_JSON='{"Label":"1","ContentProducer":"001191110000EXAMPLE00X1AB01","ProduceID":"bench-0001","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}'
EXIFTOOL_WRITE="exiftool -config bench/exiftool-tc260.config -overwrite_original -XMP-iptcExt:DigitalSourceType=$TRAINED -XMP-iptcExt:AISystemUsed=BenchGen -XMP-iptcExt:AISystemVersionUsed=1.0 '-XMP-TC260:AIGC=$AIGC_JSON'"
EXIV2_WRITE="exiv2 -M'reg TC260 http://www.tc260.org.cn/ns/AIGC/1.0/' -M'set Xmp.iptcExt.DigitalSourceType XmpText $TRAINED' -M'set Xmp.iptcExt.AISystemUsed XmpText BenchGen' -M'set Xmp.iptcExt.AISystemVersionUsed XmpText 1.0' -M'set Xmp.TC260.AIGC XmpText $AIGC_JSON' mo"
EXIFTOOL_READ="exiftool -XMP-iptcExt:DigitalSourceType -XMP-TC260:AIGC"
EXIV2_READ="exiv2 -px"
# All files of a folder, sorted, as arguments of as few processes as the kernel allows.
ALL_FILES='find "$DIR" -type f -print0 | sort -z | xargs -0 -s 2000000'

# ------------------------------------------------------------------ helpers --
log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

with_labelctl() { [[ "$BENCH_SKIP_LABELCTL" != 1 ]]; }

install_tools() {
    local sudo="" missing=()
    [[ $EUID -eq 0 ]] || sudo="sudo"
    command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
    command -v exiv2 >/dev/null || missing+=(exiv2)
    [[ -x /usr/bin/time ]] || missing+=(time)
    if ((${#missing[@]})); then
        log "apt-get install ${missing[*]}"
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq "${missing[@]}"
    fi
    if [[ ! -x bench/.venv/bin/python ]]; then
        python3 -m venv bench/.venv
    fi
    if ! bench/.venv/bin/python -c 'import PIL, numpy' 2>/dev/null; then
        log "pip install pillow numpy into bench/.venv"
        bench/.venv/bin/pip install --quiet pillow numpy
    fi
}

# Read every file under $1 once, so it is in the page cache.
warm() { find "$1" -type f -print0 | xargs -0 -r cat >/dev/null; }

# Hidden files are not images (an interrupted run may leave .labeler-*.tmp files; the journal lives outside the tree).
file_count() { find "$1" -type f ! -name '.*' | wc -l | tr -d ' '; }
byte_count() { find "$1" -type f ! -name '.*' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

# check_labelled DIR COUNT: COUNT files, first and last carry the IPTC DST.
check_labelled() {
    local dir=$1 want=$2 have file value
    [[ -d "$dir" ]] || { echo "FAIL: no output folder"; return; }
    have=$(file_count "$dir")
    [[ "$have" == "$want" ]] || { echo "FAIL: $have of $want files"; return; }
    while IFS= read -r file; do
        value=$(exiftool -s3 -XMP-iptcExt:DigitalSourceType "$file" 2>/dev/null || true)
        [[ "$value" == "$TRAINED" ]] || { echo "FAIL: no DigitalSourceType in $(basename "$file")"; return; }
    done < <(find "$dir" -type f ! -name '.*' | sort | sed -n '1p;$p')
    echo ok
}

# check_copy SRC DST: same number of files, first one identical.
check_copy() {
    local first
    [[ "$(file_count "$2")" == "$(file_count "$1")" ]] || { echo "FAIL: file count"; return; }
    first=$(find "$1" -type f | sort | sed -n 1p)
    cmp -s "$first" "$2/$(basename "$first")" && echo ok || echo "FAIL: content differs"
}

# check_read LOG COUNT: the output names the AI source type COUNT times.
check_read() {
    local n
    n=$(grep -c trainedAlgorithmicMedia "$1" || true)
    [[ "$n" == "$2" ]] && echo ok || echo "FAIL: $n of $2 files reported"
}

RESULTS_TSV=""   # set in main

# measure SET CASE GROUP MODE INPUT CHECK CMD
#   MODE out      $DST absent; CMD reads $SRC and writes $DST
#        inplace  $DST is a fresh copy of INPUT; CMD edits $DST (as $DIR)
#        read     CMD reads $SRC (as $DIR); nothing is written
#   CHECK labelled | copy | read | exit
#   CMD is a bash command line; it sees SRC, DST and DIR in its environment.
measure() {
    local set=$1 case=$2 group=$3 mode=$4 input=$5 check=$6 cmd=$7
    local dst="$BENCH_WORK/$set/dst" files bytes rep t0 t1 rc=0 wall rss status
    local best="" best_rss="" walls="" worst_rc=0
    files=$(file_count "$input")
    bytes=$(byte_count "$input")
    printf '   %-22s' "$case" >&2
    for ((rep = 1; rep <= BENCH_REPEATS; rep++)); do
        rm -rf "$dst"
        [[ "$mode" == inplace ]] && cp -r "$input" "$dst"
        sync
        warm "$input"
        [[ "$mode" == inplace ]] && warm "$dst"
        local out="$BENCH_WORK/logs/$set.$case.$rep"
        local dir="$input"
        [[ "$mode" == inplace ]] && dir="$dst"
        t0=$EPOCHREALTIME
        rc=0
        SRC="$input" DST="$dst" DIR="$dir" \
            /usr/bin/time -v -o "$out.time" bash -c "$cmd" >"$out.log" 2>&1 || rc=$?
        t1=$EPOCHREALTIME
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}')
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
        walls+="${walls:+,}$wall"
        ((rc > worst_rc)) && worst_rc=$rc
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best=$wall best_rss=$rss
        fi
        printf ' %8.3fs' "$wall" >&2
        # Slow runs are long enough to be stable: one is enough.
        awk -v a="$wall" -v b="$BENCH_SLOW_SECONDS" 'BEGIN {exit !(a > b)}' && break
    done
    case "$check" in
        labelled) status=$(check_labelled "$([[ $mode == read ]] && echo "$input" || echo "$dst")" "$files") ;;
        copy) status=$(check_copy "$input" "$dst") ;;
        # The log of the last run made (a slow case runs once; older logs may be from another scale).
        read) status=$(check_read "$(ls -v "$BENCH_WORK/logs/$set.$case."*.log | tail -n 1)" "$files") ;;
        exit) status=ok ;;
    esac
    ((worst_rc == 0)) || status="FAIL: exit $worst_rc; $status"
    printf '  %s\n' "$status" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$set" "$case" "$group" "$files" "$bytes" "$best" "$walls" "${best_rss:-0}" \
        "$worst_rc" "$status" "$cmd" >>"$RESULTS_TSV"
}

bench_set() {
    local set=$1 src work="$BENCH_WORK/$1"
    src=$(bench/.venv/bin/python bench/make_corpus.py --print-dir "$set" --scale "$BENCH_SCALE" \
        --out "$BENCH_CORPUS")
    local sample="$work/sample" labelled="$work/labelled" n
    rm -rf "$work"
    mkdir -p "$work" "$sample"
    n=$(file_count "$src")
    log "$set: $n files, $(awk -v b="$(byte_count "$src")" 'BEGIN {printf "%.1f MB", b / 1e6}')"
    # (sed, not head: head would close the pipe early and pipefail would trip on SIGPIPE)
    find "$src" -type f | sort | sed -n "1,${BENCH_SAMPLE}p" | xargs -d '\n' cp -t "$sample"

    # -- writing, one process over the whole folder --
    measure "$set" cp write out "$src" copy 'cp -r "$SRC" "$DST"'
    # labelctl makes its outputs durable (group commit); cp does not. This row is the durable floor.
    measure "$set" cp-sync write out "$src" copy 'cp -r "$SRC" "$DST" && sync'
    if with_labelctl; then
        measure "$set" labelctl-out write out "$src" labelled \
            "mkdir -p \"\$DST\" && $LABELCTL_STAMP -o \"\$DST\" \"\$SRC\""
        measure "$set" labelctl-inplace write inplace "$src" labelled \
            "$LABELCTL_STAMP --in-place \"\$DIR\""
        measure "$set" labelctl-out-jobs1 jobs out "$src" labelled \
            "mkdir -p \"\$DST\" && $LABELCTL_STAMP --jobs 1 -o \"\$DST\" \"\$SRC\""
        measure "$set" labelctl-out-jobs2 jobs out "$src" labelled \
            "mkdir -p \"\$DST\" && $LABELCTL_STAMP --jobs 2 -o \"\$DST\" \"\$SRC\""
    fi
    measure "$set" exiftool write inplace "$src" labelled "$EXIFTOOL_WRITE \"\$DIR\""
    if [[ "$set" == png* ]]; then
        measure "$set" exiftool-fast write inplace "$src" labelled "$EXIFTOOL_WRITE -fast \"\$DIR\""
    fi
    measure "$set" exiv2 write inplace "$src" labelled "$ALL_FILES $EXIV2_WRITE"

    # -- writing, one process per file, over the first $BENCH_SAMPLE files --
    if with_labelctl; then
        measure "$set" labelctl-per-file perfile inplace "$sample" labelled \
            "for f in \"\$DIR\"/*; do $LABELCTL_STAMP --in-place \"\$f\" || exit; done"
    fi
    measure "$set" exiftool-per-file perfile inplace "$sample" labelled \
        "for f in \"\$DIR\"/*; do $EXIFTOOL_WRITE \"\$f\" || exit; done"
    measure "$set" exiv2-per-file perfile inplace "$sample" labelled \
        "for f in \"\$DIR\"/*; do $EXIV2_WRITE \"\$f\" || exit; done"

    # -- reading a labelled copy (labelled by labelctl when it runs, else exiftool) --
    local labeller=exiftool
    if with_labelctl; then
        mkdir -p "$labelled"
        if $LABELCTL_STAMP -o "$labelled" "$src" >/dev/null \
            && [[ "$(check_labelled "$labelled" "$n")" == ok ]]; then
            labeller=labelctl
        else
            echo "note_$set=labelctl could not make the labelled copy; the readers read one labelled by exiftool" \
                >>"$BENCH_WORK/machine.txt"
            log "$set: labelctl failed to label the read copy; using exiftool"
        fi
    fi
    if [[ "$labeller" == exiftool ]]; then
        rm -rf "$labelled"
        cp -r "$src" "$labelled"
        DIR="$labelled" bash -c "$EXIFTOOL_WRITE \"\$DIR\"" >/dev/null
    fi
    [[ "$(check_labelled "$labelled" "$n")" == ok ]] || die "$set: labelled copy is not labelled"
    if with_labelctl; then
        measure "$set" labelctl-verify read read "$labelled" exit "$LABELCTL_VERIFY \"\$DIR\""
    fi
    measure "$set" exiftool-read read read "$labelled" read "$EXIFTOOL_READ \"\$DIR\""
    measure "$set" exiftool-read-fast read read "$labelled" read "$EXIFTOOL_READ -fast \"\$DIR\""
    measure "$set" exiv2-read read read "$labelled" read "$ALL_FILES $EXIV2_READ"

    [[ "$BENCH_KEEP_WORK" == 1 ]] || rm -rf "$work/dst" "$work/labelled"
}

machine_info() {
    local cpu disk_dev fs
    cpu=$(lscpu 2>/dev/null | awk -F': +' '/^Model name/ && !seen++ {print $2}')
    disk_dev=$(df --output=source "$BENCH_WORK" | tail -n 1)
    fs=$(df --output=fstype "$BENCH_WORK" | tail -n 1)
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "kernel=$(uname -sr)"
    echo "nproc=$(nproc)"
    echo "cpu=${cpu:-unknown}"
    echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "disk=$disk_dev ($fs), $(df -h --output=size,avail "$BENCH_WORK" | tail -n 1 | awk '{print $1 " total, " $2 " free"}')"
    echo "rotational=$(lsblk -dno ROTA "$disk_dev" 2>/dev/null | tr -d ' ' || echo unknown)"
    echo "exiftool=$(exiftool -ver)"
    echo "exiv2=$(exiv2 --version | sed -n 1p)"
    echo "swift=$(swift --version 2>/dev/null | sed -n 1p || echo none)"
    if with_labelctl; then
        echo "labelctl=$($LABELCTL --version 2>/dev/null | sed -n 1p || echo unknown) ($(git rev-parse --short HEAD 2>/dev/null || echo 'no commit'))"
    fi
    echo "scale=$BENCH_SCALE"
    echo "repeats=$BENCH_REPEATS"
    echo "slow_seconds=$BENCH_SLOW_SECONDS"
    echo "sample=$BENCH_SAMPLE"
    echo "labelctl_stamp=$LABELCTL_STAMP"
    echo "labelctl_verify=$LABELCTL_VERIFY"
    echo "exiftool_write=$EXIFTOOL_WRITE"
    echo "exiv2_write=$EXIV2_WRITE"
}

main() {
    [[ "$BENCH_SKIP_INSTALL" == 1 ]] || install_tools
    command -v exiftool >/dev/null && command -v exiv2 >/dev/null && [[ -x /usr/bin/time ]] \
        || die "need exiftool, exiv2 and /usr/bin/time (unset BENCH_SKIP_INSTALL)"

    if with_labelctl; then
        if [[ "$BENCH_SKIP_BUILD" != 1 ]]; then
            log "make build (swift build -c release --product labelctl --static-swift-stdlib)"
            make build
        fi
        [[ -x "$LABELCTL" ]] || die "no labelctl at $LABELCTL (or set BENCH_SKIP_LABELCTL=1)"
    else
        log "BENCH_SKIP_LABELCTL=1: peers only; report goes to $BENCH_OUT"
    fi

    log "corpus: scale $BENCH_SCALE, sets $BENCH_SETS"
    bench/.venv/bin/python bench/make_corpus.py --sets "$BENCH_SETS" --scale "$BENCH_SCALE" \
        --out "$BENCH_CORPUS"

    rm -rf "$BENCH_WORK/logs" && mkdir -p "$BENCH_WORK/logs"   # no stale logs from an earlier run
    RESULTS_TSV="$BENCH_WORK/results.tsv"
    : >"$RESULTS_TSV"
    machine_info >"$BENCH_WORK/machine.txt"

    local set
    IFS=',' read -r -a sets <<<"$BENCH_SETS"
    for set in "${sets[@]}"; do
        bench_set "$set"
    done

    bench/.venv/bin/python bench/report.py "$BENCH_WORK/machine.txt" "$RESULTS_TSV" >"$BENCH_OUT"
    log "report: $BENCH_OUT (raw: $RESULTS_TSV, logs: $BENCH_WORK/logs)"
    if grep -q $'\tFAIL' "$RESULTS_TSV"; then
        log "some runs FAILED their output check; see the report"
        exit 1
    fi
}

main "$@"

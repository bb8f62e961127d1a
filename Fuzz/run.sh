#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/Package.swift and runs each for FUZZ_SECONDS (see FUZZING.md).
#
#   bash Fuzz/run.sh                         every target, 60 s each
#   FUZZ_SECONDS=600 FUZZ_TARGETS="xml-parser xmp-merge" bash Fuzz/run.sh
#
# Environment:
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TARGETS   space-separated subset of: png-walker jpeg-walker xml-parser xmp-merge annex-e exif-reader cbor jumbf x509 manifest tst-token text-wrapper config
#   FUZZ_SANITIZE  sanitizers for swiftc -sanitize= (default fuzzer,address; "fuzzer" alone runs ~2x faster)
#   FUZZ_ARGS      extra libFuzzer flags for every target (e.g. "-jobs=2 -workers=2", "-seed=1")
#
# Corpora grow in Fuzz/.corpus/<target>/ (gitignored) and are reused by the next run; the committed
# seeds (Fuzz/seeds/<target>/, SampleMedia/) are read-only extra corpus directories. A crashing input
# is written to Fuzz/crashes/<target>/crash-<sha1>; libFuzzer stops that target at the first crash.
# Prints one summary line per target (also in Fuzz/.corpus/summary.txt) and exits 1 if any target
# crashed, 2 if the build failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
SANITIZE=${FUZZ_SANITIZE:-fuzzer,address}
TARGETS=${FUZZ_TARGETS:-png-walker jpeg-walker xml-parser xmp-merge annex-e exif-reader cbor jumbf x509 manifest tst-token text-wrapper config}
CORPUS=$ROOT/Fuzz/.corpus
CRASHES=$ROOT/Fuzz/crashes

# target -> executable product, -max_len
product() {
    case $1 in
        png-walker) echo FuzzPNGWalker ;; jpeg-walker) echo FuzzJPEGWalker ;; xml-parser) echo FuzzXMLParser ;;
        xmp-merge) echo FuzzXMPMerge ;; annex-e) echo FuzzAnnexE ;; exif-reader) echo FuzzEXIFReader ;;
        cbor) echo FuzzCBOR ;; jumbf) echo FuzzJUMBF ;; x509) echo FuzzX509 ;; manifest) echo FuzzManifest ;;
        tst-token) echo FuzzTimeStampToken ;; text-wrapper) echo FuzzTextWrapper ;; config) echo FuzzConfig ;;
        *) echo "unknown fuzz target '$1'" >&2; return 1 ;;
    esac
}
max_len() {
    case $1 in
        png-walker | jpeg-walker) echo 1048576 ;;  # whole SampleMedia files (largest ~530 KB)
        xml-parser | xmp-merge) echo 16384 ;;
        annex-e) echo 2048 ;;
        config) echo 4096 ;;  # a labelctl.toml is a dozen lines
        cbor) echo 8192 ;;
        jumbf | manifest) echo 262144 ;;  # whole stores of the c2pa-rs fixtures (CACA: 232 KB)
        x509) echo 8192 ;;  # the c2pa-rs certificates are at most ~2 KB
        tst-token) echo 16384 ;;  # sigTst2 tokens fit the 10 000-byte budget
        text-wrapper) echo 65536 ;;  # a signed text: ~2 KB of text and a ~15 KB padded wrapper
        exif-reader) echo 65536 ;;  # an APP1 payload is at most 65533 bytes
    esac
}
# libFuzzer -dict for a target (XML tokens for the XML/XMP targets).
dict_args() {
    case $1 in
        xml-parser | xmp-merge) echo "-dict=$ROOT/Fuzz/xml.dict" ;;
    esac
}
# Read-only seed directories for a target.
seed_dirs() {
    local seeds="$CORPUS/seeds/$1"
    rm -rf "$seeds" && mkdir -p "$seeds"
    case $1 in
        png-walker) find SampleMedia -type f -name '*.png' -exec cp {} "$seeds/" \; ;;
        jpeg-walker) find SampleMedia -type f -name '*.jpg' -exec cp {} "$seeds/" \; ;;
        manifest) cp Fuzz/seeds/jumbf/* "$seeds/" ;;
    esac
    [ -d "Fuzz/seeds/$1" ] && cp Fuzz/seeds/"$1"/* "$seeds/"
    echo "$seeds"
}

for target in $TARGETS; do product "$target" >/dev/null || exit 2; done

echo "== building fuzz targets (-sanitize=$SANITIZE, release) =="
# -Xcc instruments the C shims (CLabelerShims) for coverage and ASan too; libpng/libjpeg/libexif are
# the system builds (not instrumented, but ASan's interceptors still check their memcpy/memset).
xcc_sanitize=${SANITIZE/fuzzer/fuzzer-no-link}
if ! swift build -c release --package-path Fuzz \
    -Xswiftc -sanitize="$SANITIZE" -Xswiftc -parse-as-library -Xcc -fsanitize="$xcc_sanitize"; then
    echo "fuzz build failed" >&2
    exit 2
fi
BIN=$(swift build -c release --package-path Fuzz --show-bin-path)

mkdir -p "$CORPUS/logs"
summary=()
failed=0
for target in $TARGETS; do
    exe=$BIN/$(product "$target")
    mkdir -p "$CORPUS/$target" "$CRASHES/$target"
    seeds=$(seed_dirs "$target")
    log=$CORPUS/logs/$target.log
    stamp=$CORPUS/logs/$target.started
    touch "$stamp"  # crash files from earlier runs are not counted again
    echo "== $target: $SECONDS_PER_TARGET s (log: ${log#"$ROOT"/}) =="
    # The Swift runtime's backtracer would otherwise run before libFuzzer's crash handler.
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no "$exe" -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$target")" \
        $(dict_args "$target") -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$CRASHES/$target/" \
        ${FUZZ_ARGS:-} "$CORPUS/$target" "$seeds" >"$log" 2>&1
    status=$?
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9A-Za-z]+).*/\1/p' <<<"$last")
    runs=$(sed -nE 's/^stat::number_of_executed_units:[[:space:]]+([0-9]+)/\1/p' "$log")
    rate=$(sed -nE 's/^stat::average_exec_per_sec:[[:space:]]+([0-9]+)/\1/p' "$log")
    crashes=$(find "$CRASHES/$target" -type f -newer "$stamp" \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    result="ok"
    if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        result="CRASH (exit $status, $crashes file(s) in ${CRASHES#"$ROOT"/}/$target/)"
        failed=1
        grep -E 'Fatal error|ERROR: (libFuzzer|AddressSanitizer)|SUMMARY' "$log" | head -5
    fi
    line=$(printf '%-12s %4ss  runs %-9s exec/s %-7s cov %-5s ft %-6s corpus %-12s %s' \
        "$target" "$SECONDS_PER_TARGET" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result")
    echo "$line"
    summary+=("$line")
done

echo
echo "== fuzz summary ($(date -u +%Y-%m-%dT%H:%M:%SZ), -sanitize=$SANITIZE) =="
printf '%s\n' "${summary[@]}" | tee "$CORPUS/summary.txt"
exit $failed

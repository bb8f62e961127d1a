#!/usr/bin/env bash
# make demo, part 1: one command meets every regime (issue 10).
#
#   stamp SampleMedia (photos and texts) with --profile all, from demo/labelctl.toml;
#   verify one file; check the tree with --require-regime all and print the per-regime table;
#   write the HTML audit report; put each photo before/after side by side in out/before-after/.
#
# EU Code of Practice 1.1.1 wants signatures time-stamped: the demo runs a real RFC 3161 TSA on
# loopback (openssl ts behind Python's http.server, Tests/interop/loopback_tsa.py); in production
# give your TSA's URL (tsa = "…" in labelctl.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
LABELCTL=${LABELCTL:-.build/release/labelctl}
CONFIG=demo/labelctl.toml
mkdir -p out

echo "== keys: a signing key and an own root (labelctl keygen) =="
"$LABELCTL" keygen --out out/keys --subject "Example Co"

echo; echo "== a time-stamp authority on loopback (openssl ts) =="
rm -rf out/tsa out/tsa.in && mkdir -p out/tsa && mkfifo out/tsa.in
python3 Tests/interop/loopback_tsa.py out/tsa < out/tsa.in > out/tsa.url &
exec 4> out/tsa.in  # the TSA stops when this script ends and fd 4 closes
for _ in $(seq 50); do [ -s out/tsa.url ] && break; sleep 0.1; done
TSA=$(head -1 out/tsa.url)
[ -n "$TSA" ] || { echo "the loopback TSA did not start" >&2; exit 1; }
echo "$TSA"

echo; echo "== stamp --profile all (from $CONFIG): metadata, visible label kk/ru/zh, watermark, C2PA signed + time-stamped =="
"$LABELCTL" stamp --config "$CONFIG" --tsa "$TSA" -o out/profile SampleMedia/photos
"$LABELCTL" text stamp --config "$CONFIG" --tsa "$TSA" --notice-in choices.0.message.content -o out/profile/text SampleMedia/text

echo; echo "== verify one photo: every duty, and the layer that meets it =="
(cd demo && "../$LABELCTL" verify ../out/profile/rocket.jpg | grep -vE '^  (iptc|tc260|exif|c2pa|visible|watermark) |^      (at|warning)')

echo; echo "== check --require-regime all over the tree (exit 0: every file meets KZ, EU and CN) =="
(cd demo && "../$LABELCTL" check --require-regime all ../out/profile)

echo; echo "== the audit report for the compliance officer =="
(cd demo && "../$LABELCTL" check --require-regime all --format html --output ../out/report.html ../out/profile)
echo "out/report.html ($(wc -c < out/report.html) bytes, self-contained)"

echo; echo "== before | after, side by side, in out/before-after/ =="
mkdir -p out/before-after
for photo in SampleMedia/photos/*; do
    name=$(basename "$photo")
    convert -quiet "$photo" "out/profile/$name" -auto-orient +append -resize '1600x>' -quality 85 "out/before-after/${name%.*}.jpg"
done
ls out/before-after

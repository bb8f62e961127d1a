#!/usr/bin/env python3
"""Signed stamping and C2PA verification, labelctl against c2pa-python (c2pa-rs), in one run.

    bench/.venv/bin/python bench/c2pa_sign.py [--count 200] [--repeats 3]

Same inputs (the bench corpus: 1024x1024 JPEGs and PNGs, made by make_corpus.py), same algorithm
(ES256), same credentials (the c2pa-rs test chain in Tests/Fixtures), no thumbnails, outputs to a
fresh folder each run; page cache warm (every input read once first). Rows:

  sha256sum          the physical floor: hashing the same bytes once (signing must hash each file)
  labelctl stamp     unsigned metadata stamping (the cost signing adds is measured against it)
  labelctl --sign    stamp + C2PA store, one process for the folder, --jobs 1 and default (2)
  c2pa-python sign   Builder.sign per file, one Python process (the reference's own loop)
  labelctl verify    verify the signed folder (every layer, C2PA validated)
  c2pa-python read   Reader + validation state per file

Prints a Markdown table of medians (files/s, MB/s) and the ratios the issue asks for.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELCTL = os.environ.get("LABELCTL", os.path.join(ROOT, ".build", "release", "labelctl"))
CERTS = os.path.join(ROOT, "Tests", "Fixtures", "c2pa-rs", "certs")
FLAGS = ["--generator", "ExampleGen", "--generator-version", "2.1", "--producer-code", "001191110000EXAMPLE00X1AB01", "-q"]
SIGN = ["--sign", "--cert", os.path.join(CERTS, "es256.pub"), "--key", os.path.join(CERTS, "es256.pem")]

REFERENCE_SIGN = r'''
import os, sys
from c2pa import Builder, C2paSignerInfo, C2paSigningAlg, Context, Settings, Signer
src, dst, certs, mime = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
info = C2paSignerInfo(alg=C2paSigningAlg.ES256, sign_cert=open(os.path.join(certs, "es256.pub"), "rb").read(),
                      private_key=open(os.path.join(certs, "es256.pem"), "rb").read(), ta_url=None)
manifest = {"claim_generator_info": [{"name": "bench", "version": "1"}], "assertions": [{"label": "c2pa.actions",
  "data": {"actions": [{"action": "c2pa.created",
  "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}]}}]}
ctx = Context(Settings.from_dict({"builder": {"thumbnail": {"enabled": False}}}))
with Signer.from_info(info) as signer:
    for name in sorted(os.listdir(src)):
        with Builder(manifest, ctx) as builder, open(os.path.join(src, name), "rb") as s, open(os.path.join(dst, name), "w+b") as d:
            builder.sign(signer, mime, s, d)
'''

REFERENCE_READ = r'''
import os, sys
from c2pa import Reader
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with Reader(os.path.join(folder, name)) as reader:
        reader.get_validation_state()
'''


def timed(command, before=None):
    if before:
        before()
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    # No development key of the user's as a default trust anchor: both readers run without anchors.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="c2pa-bench-config-")
    python = os.path.join(ROOT, ".venv", "bin", "python")
    results = []
    for corpus_set, mime in [("jpeg1024", "image/jpeg"), ("png1024", "image/png")]:
        scale = args.count / 1000
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"), "--sets", corpus_set, "--scale", str(scale)],
                       check=True, stdout=subprocess.DEVNULL)
        src = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"), "--print-dir", corpus_set, "--scale", str(scale)],
                             check=True, capture_output=True, text=True).stdout.strip()
        files = sorted(os.listdir(src))
        size = sum(os.path.getsize(os.path.join(src, f)) for f in files)
        subprocess.run(["cat"] + [os.path.join(src, f) for f in files], stdout=subprocess.DEVNULL, check=True)
        work = tempfile.mkdtemp(prefix="c2pa-bench-")
        out = os.path.join(work, "out")
        signed = os.path.join(work, "signed")
        subprocess.run([LABELCTL, "stamp"] + FLAGS + SIGN + ["-o", signed, src], check=True)

        def fresh():
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)

        rows = {
            "sha256sum": ["sha256sum"] + [os.path.join(src, f) for f in files],
            "cp -r (a new file per input: the floor for any writer)": ["cp", "-r", src, os.path.join(out, "copy")],
            "labelctl --version (process start)": [LABELCTL, "--version"],
            "python -c 'import c2pa' (process start)": [python, "-c", "import c2pa"],
            "labelctl stamp (unsigned)": [LABELCTL, "stamp"] + FLAGS + ["-o", out, src],
            "labelctl stamp --sign --jobs 1": [LABELCTL, "stamp"] + FLAGS + SIGN + ["--jobs", "1", "-o", out, src],
            "labelctl stamp --sign": [LABELCTL, "stamp"] + FLAGS + SIGN + ["-o", out, src],
            "c2pa-python Builder.sign": [python, "-c", REFERENCE_SIGN, src, out, CERTS, mime],
            "labelctl verify (signed)": [LABELCTL, "verify", "-q", signed],
            "c2pa-python Reader (signed)": [python, "-c", REFERENCE_READ, signed],
        }
        for name, command in rows.items():
            times = [timed(command, fresh) for _ in range(args.repeats)]
            median = statistics.median(times)
            results.append((corpus_set, name, median, len(files) / median, size / 1e6 / median))
        shutil.rmtree(work, ignore_errors=True)

    print(f"| set | command | median s | files/s | MB/s |\n|---|---|---:|---:|---:|")
    for corpus_set, name, seconds, fps, mbps in results:
        print(f"| {corpus_set} | {name} | {seconds:.2f} | {fps:,.0f} | {mbps:,.0f} |")
    by = {(s, n): fps for s, n, _, fps, _ in results}
    seconds = {(s, n): t for s, n, t, _, _ in results}
    for corpus_set in ["jpeg1024", "png1024"]:
        sign = by[(corpus_set, "labelctl stamp --sign")] / by[(corpus_set, "c2pa-python Builder.sign")]
        read = by[(corpus_set, "labelctl verify (signed)")] / by[(corpus_set, "c2pa-python Reader (signed)")]
        cost = by[(corpus_set, "labelctl stamp (unsigned)")] / by[(corpus_set, "labelctl stamp --sign")] - 1
        floor = by[(corpus_set, "cp -r (a new file per input: the floor for any writer)")] / by[(corpus_set, "c2pa-python Builder.sign")]
        print(f"\n{corpus_set}: signed stamping {sign:.1f}x c2pa-python; verifying {read:.1f}x its Reader; "
              f"signing adds {cost * 100:.0f} % to unsigned stamping; cp -r of the same files is {floor:.1f}x c2pa-python")
        # The same ratios with each side's process start-up taken out (per-file work only).
        ours = seconds[(corpus_set, "labelctl --version (process start)")]
        theirs = seconds[(corpus_set, "python -c 'import c2pa' (process start)")]
        net_sign = (seconds[(corpus_set, "c2pa-python Builder.sign")] - theirs) / (seconds[(corpus_set, "labelctl stamp --sign")] - ours)
        net_read = (seconds[(corpus_set, "c2pa-python Reader (signed)")] - theirs) / (seconds[(corpus_set, "labelctl verify (signed)")] - ours)
        print(f"{corpus_set} without process start-up: signed stamping {net_sign:.1f}x; verifying {net_read:.1f}x")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""C2PA unstructured text (C2PA 2.4 §A.8): LabelerC2PA against c2pa-text and encypher-ai, in one run.

    bench/.venv/bin/python bench/text_c2pa.py [--count 1000] [--repeats 5]

Installs what is missing into bench/.venv (c2pa-text 3.0.0, encypher-ai 3.1.6), builds the runnable
bench/TextC2PA (release; BENCH_SKIP_BUILD=1 to skip), generates COUNT texts of ~2 KB
deterministically (mixed English, French with accents — half of them decomposed (NFD) —, Russian,
Chinese) into bench/work/text/plain, and measures, every side on the same texts held in memory
(no file I/O or process start-up inside the timings; best of REPEATS):

  ours   sign      TextManifestSigner.sign (NFC, layout, ES256 with the c2pa-rs test chain, padded wrapper),
                   a ManifestBuilder per text, one thread
  ours   template  TextManifestTemplate made once per run (inside the timing), each text patched and
                   signed: one thread, and all cores (TextManifestTemplate.sign(_:workers:) over
                   os.cpu_count() workers); ES256 and Ed25519 (encypher-ai signs with Ed25519)
  ours   extract   TextManifestWrapper.find on the signed texts
  ours   verify    TextManifestValidator.validate (find, parse, signature, hashed URIs, NFC data hash)
  c2pa-text        extract_manifest on the same signed texts (one Python process)
  encypher-ai      UnicodeMetadata.embed_metadata(format="c2pa", Ed25519) on the plain texts, and
                   verify_metadata on its own outputs

Prints a Markdown table of texts/s and the ratios (extract ≥ 50× c2pa-text, signing ≥ 20× encypher-ai:
encypher-ai is single-threaded Python, so the one-thread and the all-cores ratios are both printed).
The signed texts that extract/verify/c2pa-text read are the template's all-cores ES256 outputs.
"""
import argparse
import json
import logging
import os
import random
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work", "text")
PYTHON = os.path.join(ROOT, "bench", ".venv", "bin", "python")
PACKAGE = os.path.join(ROOT, "bench", "TextC2PA")
CERTS = os.path.join(ROOT, "Tests", "Fixtures", "c2pa-rs", "certs")

WORDS = {
    "en": "the model wrote this paragraph about rivers mountains weather markets and the history of small towns".split(),
    "fr": "le modèle a écrit ce paragraphe sur les rivières la météo les marchés et l'histoire des villages".split(),
    "ru": "модель написала этот абзац о реках горах погоде рынках и истории маленьких городов".split(),
    "zh": "模型 写了 这段 关于 河流 山脉 天气 市场 和 小镇 历史 的 文字".split(),
}


def make_texts(count, size=2048, seed=20261130):
    rng = random.Random(seed)
    texts = []
    for index in range(count):
        language = ["en", "fr", "ru", "zh"][index % 4]
        words, parts, length = WORDS[language], [], 0
        while length < size:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14))).capitalize() + ". "
            parts.append(sentence)
            length += len(sentence.encode("utf-8"))
        text = "".join(parts)
        while len(text.encode("utf-8")) > size:
            text = text[:-1]
        if language == "fr" and index % 8 == 1:
            text = unicodedata.normalize("NFD", text)  # signers must write it NFC
        texts.append(text + "\n")
    return texts


def ensure_venv():
    missing = []
    for module, requirement in (("c2pa_text", "c2pa-text==3.0.0"), ("encypher", "encypher-ai==3.1.6")):
        try:
            __import__(module)
        except ImportError:
            missing.append(requirement)
    if missing:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", *missing], check=True)
        os.execv(PYTHON, [PYTHON, *sys.argv])


def ours(*arguments):
    binary = subprocess.run(
        ["swift", "build", "-c", "release", "--package-path", PACKAGE, "--show-bin-path"],
        check=True, capture_output=True, text=True).stdout.strip()
    output = subprocess.run([os.path.join(binary, "text-c2pa-bench"), *arguments], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)


def best(repeats, body):
    fastest = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        result = body()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


LABELCTL = os.environ.get("LABELCTL", os.path.join(ROOT, ".build", "release", "labelctl"))
STAMP = ["--generator", "ExampleGen", "--producer-code", "001191110000EXAMPLE00X1AB01", "-q", "--lang", "en"]


def timed(command, stdin=None, stdout=subprocess.DEVNULL):
    source = open(stdin, "rb") if stdin else subprocess.DEVNULL
    start = time.perf_counter()
    subprocess.run(command, check=True, stdin=source, stdout=stdout, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if stdin:
        source.close()
    return elapsed


def stream_latency(command, chunks=200, interval=0.01):
    """Median and 99th-percentile time from writing a chunk into `command`'s stdin to reading it back."""
    import select
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    os.set_blocking(process.stdout.fileno(), False)
    received, delays = b"", []
    for index in range(chunks):
        token = f"<t{index:05d}> Жасанды интеллект 人工智能 token stream.\n".encode()
        sent = time.perf_counter()
        process.stdin.write(token)
        process.stdin.flush()
        while token not in received:
            select.select([process.stdout], [], [], 1.0)
            piece = process.stdout.read()
            if piece:
                received += piece
        delays.append(time.perf_counter() - sent)
        time.sleep(interval)
    process.stdin.close()
    process.wait()
    delays.sort()
    return delays[len(delays) // 2], delays[int(len(delays) * 0.99) - 1]


def labelctl_rows(plain, texts, repeats):
    """labelctl end to end: files through the batch pipeline, a 100 MB stream, per-chunk latency."""
    rows, notes = [], []
    total = sum(len(t.encode("utf-8")) for t in texts)
    sign = ["--sign", "--cert", os.path.join(CERTS, "es256.pub"), "--key", os.path.join(CERTS, "es256.pem")]
    out = os.path.join(WORK, "out")

    def fresh(command):
        def run():
            subprocess.run(["rm", "-rf", out])
            return timed(command)
        return run
    seconds = min(fresh(["cp", "-r", plain, out])() for _ in range(repeats))
    rows.append(("cp -r of the same folder (the floor for writing 1,000 new files)", len(texts), len(texts) / seconds, len(texts)))
    for name, extra in [("labelctl text stamp -o (notice + nothing else)", []), ("labelctl text stamp --sign -o", sign)]:
        seconds = min(fresh([LABELCTL, "text", "stamp"] + STAMP + extra + ["-o", out, plain])() for _ in range(repeats))
        rows.append((name + " (2 workers, files, process start included)", len(texts), len(texts) / seconds, len(texts)))
        notes.append(f"{name}: {total / 1e6 / seconds:,.1f} MB/s of text")
    big = os.path.join(WORK, "stream-100MB.txt")
    block = "".join(texts).encode("utf-8")
    with open(big, "wb") as f:
        written = 0
        while written < 100_000_000:
            f.write(block)
            written += len(block)
    single = os.path.join(WORK, "single-100MB-out.txt")
    seconds = min(timed([LABELCTL, "text", "stamp"] + STAMP + ["-o", single, big]) for _ in range(repeats))
    notes.append(f"one 100 MB file, labelctl text stamp -o FILE (notice, read whole, atomic write): {written / 1e6 / seconds:,.0f} MB/s")
    seconds = min(timed(["cp", big, single]) for _ in range(repeats))
    notes.append(f"one 100 MB file, cp: {written / 1e6 / seconds:,.0f} MB/s")
    for name, command in [("cat (the floor: a pipe through a process)", ["cat"]),
                          ("labelctl text stamp - (notice, streamed)", [LABELCTL, "text", "stamp"] + STAMP),
                          ("labelctl text stamp - --sign (NFC, SHA-256, manifest at the end)", [LABELCTL, "text", "stamp"] + STAMP + sign)]:
        seconds = min(timed(command, stdin=big) for _ in range(repeats))
        notes.append(f"100 MB stream, {name}: {written / 1e6 / seconds:,.0f} MB/s")
    for name, command in [("cat", ["cat"]), ("labelctl text stamp - --sign", [LABELCTL, "text", "stamp"] + STAMP + sign)]:
        median, p99 = stream_latency(command)
        notes.append(f"per-chunk latency through {name}: median {median * 1e3:.3f} ms, p99 {p99 * 1e3:.3f} ms (200 chunks, 10 ms apart)")
    return rows, notes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    ensure_venv()
    logging.disable(logging.CRITICAL)  # encypher-ai logs every signature at INFO
    from c2pa_text import extract_manifest
    from encypher.core.keys import generate_ed25519_key_pair
    from encypher.core.unicode_metadata import UnicodeMetadata

    if os.environ.get("BENCH_SKIP_BUILD") != "1":
        subprocess.run(["swift", "build", "-c", "release", "--package-path", PACKAGE], check=True)
    plain, signed = os.path.join(WORK, "plain"), os.path.join(WORK, "signed")
    for folder in (plain, signed):
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
    texts = make_texts(args.count)
    for index, text in enumerate(texts):
        with open(os.path.join(plain, f"{index:05d}.txt"), "wb") as f:
            f.write(text.encode("utf-8"))
    mean = sum(len(t.encode("utf-8")) for t in texts) / len(texts)

    rows = []
    load_start = os.getloadavg()
    es256 = (os.path.join(CERTS, "es256.pem"), os.path.join(CERTS, "es256.pub"))
    ed25519 = (os.path.join(CERTS, "ed25519.pem"), os.path.join(CERTS, "ed25519.pub"))
    cores = os.cpu_count() or 1
    sign = ours("sign", plain, signed + "-builder", *es256)
    rows.append(("LabelerC2PA sign, a ManifestBuilder per text (ES256), 1 thread", sign["count"], sign["per_second"], sign["ok"]))
    template = {}
    for algorithm, key in (("Ed25519", ed25519), ("ES256", es256)):
        for workers in (1, cores):
            result = ours("sign-template", plain, signed, *key, str(workers), str(args.repeats))
            template[(algorithm, workers)] = result
            where = "1 thread" if workers == 1 else f"all {cores} cores"
            rows.append((f"LabelerC2PA sign, TextManifestTemplate ({algorithm}), {where}", result["count"],
                         result["per_second"], result["ok"]))
    extract = ours("extract", signed, str(args.repeats))
    rows.append(("LabelerC2PA extract (TextManifestWrapper.find)", extract["count"], extract["per_second"], extract["ok"]))
    verify = ours("verify", signed, str(args.repeats))
    rows.append(("LabelerC2PA verify (TextManifestValidator, untrusted = valid)", verify["count"], verify["per_second"], verify["ok"]))

    signed_texts = []
    for name in sorted(os.listdir(signed)):
        with open(os.path.join(signed, name), "rb") as f:
            signed_texts.append(f.read().decode("utf-8"))
    wrapper_bytes = sum(len(t.encode("utf-8")) for t in signed_texts) / len(signed_texts) - mean
    seconds, found = best(args.repeats, lambda: sum(extract_manifest(t)[0] is not None for t in signed_texts))
    c2pa_text_rate = len(signed_texts) / seconds
    rows.append(("c2pa-text extract_manifest (same signed texts)", len(signed_texts), c2pa_text_rate, found))

    private_key, public_key = generate_ed25519_key_pair()
    actions = [{"label": "c2pa.created",
                "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}]
    theirs = []

    def embed():
        theirs.clear()
        for text in texts:
            theirs.append(UnicodeMetadata.embed_metadata(
                text, private_key, "bench-key", metadata_format="c2pa", claim_generator="bench/1", actions=actions))
        return len(theirs)

    seconds, count = best(args.repeats, embed)  # best of REPEATS, as ours
    encypher_rate = count / seconds
    rows.append(("encypher-ai embed_metadata(format=c2pa, Ed25519)", count, encypher_rate, count))
    seconds, ok = best(1, lambda: sum(UnicodeMetadata.verify_metadata(t, lambda _: public_key)[0] for t in theirs))
    rows.append(("encypher-ai verify_metadata (its own outputs)", len(theirs), len(theirs) / seconds, ok))

    cli_rows, notes = labelctl_rows(plain, texts, args.repeats)
    rows += cli_rows
    print(f"{len(texts)} texts, mean {mean:,.0f} UTF-8 bytes visible; our padded wrapper adds {wrapper_bytes:,.0f} bytes on average\n")
    print("| side | texts | texts/s | ok |")
    print("|---|---:|---:|---:|")
    for name, count, rate, ok in rows:
        print(f"| {name} | {count} | {rate:,.0f} | {ok} |")
    print()
    print(f"extract: {extract['per_second'] / c2pa_text_rate:,.0f}× c2pa-text (target 50×); "
          f"verify: {verify['per_second'] / c2pa_text_rate:,.1f}× c2pa-text's extract")
    print(f"signing against encypher-ai ({encypher_rate:,.0f} texts/s, Ed25519, one thread; target 20×):")
    print(f"- builder per text, ES256, 1 thread: {sign['per_second'] / encypher_rate:,.1f}×")
    for (algorithm, workers), result in template.items():
        where = "1 thread" if workers == 1 else f"all {cores} cores"
        print(f"- template, {algorithm}, {where}: {result['per_second'] / encypher_rate:,.1f}×")
    cli_sign = cli_rows[2][2]
    print(f"- labelctl text stamp --sign over the folder (ES256, files, process start): {cli_sign / encypher_rate:,.1f}×")
    load_end = os.getloadavg()
    print(f"load average (1, 5, 15 min) at start {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}, "
          f"at end {load_end[0]:.2f} {load_end[1]:.2f} {load_end[2]:.2f}")
    for note in notes:
        print("- " + note)


if __name__ == "__main__":
    main()

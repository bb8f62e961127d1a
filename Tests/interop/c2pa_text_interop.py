#!/usr/bin/env python3
"""Interop check with c2pa-text (Encypher's reference implementation of the C2PA 2.4 §A.8
unstructured-text wrapper, from PyPI).

Driven by the Swift test `TextManifestInteropTests`, which signs texts with Labeler's
`TextManifestSigner` and writes them into DIR, runs `python c2pa_text_interop.py DIR`, then
reads back what this script wrote with c2pa-text. Here:

- c2pa-text's `find_wrapper_info` / `extract_manifest` on our signed text return exactly our
  store, and the (start, length) of our `c2pa.hash.data` exclusion; `validate_text` accepts it;
  `worst_case_wrapper_byte_length(M)` is our wrapper's length; SHA-256 of the NFC text c2pa-text
  strips out is our signed data hash;
- c2pa-text wraps stores we give it: `encode_wrapper_padded(store, target)` after our visible
  text (a store we signed for that exclusion: Swift validates it) and `embed_manifest(text, store)`
  (NFC + unpadded: Swift extracts the same store).

Prints one line per check and `c2pa-text: N passed, M failed`; exits 1 on any failure.
"""
import hashlib
import json
import os
import sys
import unicodedata

from c2pa_text import (
    embed_manifest,
    encode_wrapper_padded,
    extract_manifest,
    find_wrapper_info,
    validate_text,
    worst_case_wrapper_byte_length,
)

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name} {detail}")


def read(directory, name):
    with open(os.path.join(directory, name), "rb") as f:
        return f.read()


def write(directory, name, text):
    with open(os.path.join(directory, name), "wb") as f:
        f.write(text.encode("utf-8"))


def main(directory):
    # 1. Our signed text, read by c2pa-text.
    signed = read(directory, "signed.txt").decode("utf-8")
    store = read(directory, "signed.store")
    facts = json.loads(read(directory, "signed.json"))
    info = find_wrapper_info(signed)
    check("find_wrapper_info finds our wrapper", info is not None)
    if info is not None:
        found, start, length = info
        check("find_wrapper_info: our store, byte for byte", found == store, f"{len(found)} vs {len(store)} bytes")
        check(
            "find_wrapper_info: (start, length) is our exclusion",
            (start, length) == (facts["start"], facts["length"]),
            f"{(start, length)} vs {(facts['start'], facts['length'])}",
        )
    manifest, clean = extract_manifest(signed)
    check("extract_manifest: our store", manifest == store)
    check("extract_manifest: the visible text", clean.encode("utf-8") == read(directory, "signed.visible"))
    digest = hashlib.sha256(unicodedata.normalize("NFC", clean).encode("utf-8")).hexdigest()
    check("sha256(NFC(clean text)) is our signed data hash", digest == facts["dataHash"], f"{digest}")
    check(
        "worst_case_wrapper_byte_length(M) is our wrapper's length",
        worst_case_wrapper_byte_length(len(store)) == facts["length"],
    )
    result = validate_text(signed)
    check("validate_text accepts our signed text", result.valid, str(result))
    raw = read(directory, "signed.txt")
    doubled = (raw + raw[facts["start"] :]).decode("utf-8")  # the start is a UTF-8 offset
    result = validate_text(doubled)
    check(
        "validate_text: two of our wrappers are manifest.text.multipleWrappers",
        any(issue.code.value == "manifest.text.multipleWrappers" for issue in result.issues),
        str(result),
    )

    # 1b. A text signed through the per-run TextManifestTemplate (patched store, fresh signature).
    templated = read(directory, "template.txt").decode("utf-8")
    facts = json.loads(read(directory, "template.json"))
    info = find_wrapper_info(templated)
    check("find_wrapper_info finds the template's wrapper", info is not None)
    if info is not None:
        found, start, length = info
        check("find_wrapper_info: the template's store", found == read(directory, "template.store"))
        check("find_wrapper_info: the template's exclusion", (start, length) == (facts["start"], facts["length"]))
    manifest, clean = extract_manifest(templated)
    digest = hashlib.sha256(unicodedata.normalize("NFC", clean).encode("utf-8")).hexdigest()
    check("extract_manifest: the template's store", manifest == read(directory, "template.store"))
    check("sha256(NFC(clean text)) is the template's data hash", digest == facts["dataHash"], f"{digest}")
    result = validate_text(templated)
    check("validate_text accepts the template's signed text", result.valid, str(result))

    # 2. Wrappers c2pa-text makes around our stores, for the Swift side to read back.
    visible = read(directory, "padded.visible").decode("utf-8")
    target = json.loads(read(directory, "padded.json"))["length"]
    padded = encode_wrapper_padded(read(directory, "padded.store"), target)
    check("encode_wrapper_padded meets the target", len(padded.encode("utf-8")) == target)
    write(directory, "padded-by-c2pa-text.txt", visible + padded)
    embedded = embed_manifest(read(directory, "embed.txt").decode("utf-8"), read(directory, "embed.store"))
    write(directory, "embedded-by-c2pa-text.txt", embedded)

    print(f"c2pa-text: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: c2pa_text_interop.py DIR (written by the Swift test TextManifestInteropTests)")
    sys.exit(main(sys.argv[1]))

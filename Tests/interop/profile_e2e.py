#!/usr/bin/env python3
"""End to end, issue 10: `--profile all`, then readers nobody here wrote, then an attack.

1. A loopback RFC 3161 TSA (Tests/interop/loopback_tsa.py), a key made by `labelctl keygen`.
2. `labelctl stamp --profile all` on two photos (JPEG, PNG) and `labelctl text stamp --profile all`
   on a plain text and a Markdown answer.
3. exiftool reads IPTC DigitalSourceType and TC260:AIGC from each image; c2pa-python validates each
   image's manifest (Trusted with our root and the TSA root, timeStamp.validated); c2pa-text
   extracts each text's manifest and finds the visible text unchanged; labelctl verify says every
   regime is met.
4. The attack: `exiftool -all=` strips every metadata block, then Pillow re-encodes at JPEG q75.
   `labelctl verify --ocr` still finds the watermark and the visible label, and says the
   machine-readable mark is gone (KZ and EU name it not met; the duty evidence says the watermark
   is still in the pixels).

Prints one line per check and `profile e2e: N passed, M failed`; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading

from c2pa import Context, Reader, Settings
from c2pa_text import extract_manifest
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELCTL = os.environ.get("LABELCTL", os.path.join(ROOT, ".build", "debug", "labelctl"))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="profile-e2e-config-")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loopback_tsa  # noqa: E402

passed = failed = 0
FLAGS = ["--generator", "ExampleGen", "--generator-version", "2.1", "--producer-code", "001191110000EXAMPLE00X1AB01"]


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def labelctl(*arguments):
    return subprocess.run([LABELCTL, *arguments], capture_output=True, text=True)


def verify(path, *extra):
    run = labelctl("verify", "--json", *extra, path)
    try:
        return json.loads(run.stdout)
    except json.JSONDecodeError:
        return {"error": run.stdout + run.stderr}


def regimes(report):
    return {r["regime"]: r["status"] for r in report.get("regimes", [])}


def duty(report, regime, name):
    for r in report.get("regimes", []):
        if r["regime"] == regime:
            for d in r["duties"]:
                if d["duty"] == name:
                    return d
    return {}


def layer(report, name):
    return next((l for l in report.get("layers", []) if l["name"] == name), {})


def main():
    work = tempfile.mkdtemp(prefix="profile-e2e-")
    tsa_dir = os.path.join(work, "tsa")
    os.makedirs(tsa_dir)
    server, url = loopback_tsa.start(tsa_dir)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    keys = os.path.join(work, "keys")
    subprocess.run([LABELCTL, "keygen", "--out", keys, "--subject", "E2E Owner"], capture_output=True, check=True)
    signing = ["--cert", os.path.join(keys, "chain.pem"), "--key", os.path.join(keys, "key.pem"), "--tsa", url]
    anchors = os.path.join(keys, "root.pem")

    images = os.path.join(work, "images")
    run = labelctl("stamp", "-q", "--profile", "all", *FLAGS, *signing, "-o", images,
                   os.path.join(ROOT, "SampleMedia", "photos", "rocket.jpg"),
                   os.path.join(ROOT, "SampleMedia", "photos", "chelsea.png"))
    check("stamp --profile all (images) exits 0", run.returncode == 0, run.stderr)
    texts = os.path.join(work, "texts")
    os.makedirs(texts)
    for name in ("answer.txt", "answer.md"):
        run = labelctl("text", "stamp", "-q", "--profile", "all", *FLAGS, *signing, "-o", os.path.join(texts, name),
                       os.path.join(ROOT, "SampleMedia", "text", name))
        check(f"text stamp --profile all {name} exits 0", run.returncode == 0, run.stderr)

    both_roots = open(anchors).read() + open(os.path.join(tsa_dir, "root.pem")).read()
    trusted = Context(Settings.from_dict({"trust": {"trust_anchors": both_roots}}))
    for name in ("rocket.jpg", "chelsea.png"):
        path = os.path.join(images, name)
        tags = json.loads(subprocess.run(["exiftool", "-config", os.path.join(ROOT, "bench", "exiftool-tc260.config"),
                                          "-j", "-G1", "-XMP-iptcExt:DigitalSourceType", "-XMP-TC260:AIGC", path],
                                         capture_output=True, text=True).stdout or "[{}]")[0]
        source = tags.get("XMP-iptcExt:DigitalSourceType", "")
        check(f"{name}: exiftool reads IPTC DigitalSourceType trainedAlgorithmicMedia",
              source.endswith("trainedAlgorithmicMedia"), f"{tags}")
        aigc = tags.get("XMP-TC260:AIGC", "")
        check(f"{name}: exiftool reads TC260:AIGC with Label 1", '"Label":"1"' in str(aigc).replace(" ", ""), f"{tags}")
        with Reader(path, context=trusted) as reader:
            manifest = (reader.get_validation_results() or {}).get("activeManifest") or {}
            success = {s["code"] for s in manifest.get("success", [])}
            check(f"{name}: c2pa-python Trusted with timeStamp.validated",
                  reader.get_validation_state() == "Trusted" and "timeStamp.validated" in success,
                  f"{reader.get_validation_state()} {manifest}")
        report = verify(path, "--trust-anchors", anchors)
        check(f"{name}: labelctl verify: every regime met", regimes(report) == {"kz": "met", "eu": "met", "cn": "met"},
              json.dumps(report.get("regimes"), ensure_ascii=False))

    for name in ("answer.txt", "answer.md"):
        path = os.path.join(texts, name)
        signed = open(path, encoding="utf-8").read()
        store, clean = extract_manifest(signed)
        check(f"{name}: c2pa-text extracts a manifest store", store is not None and b"c2pa" in bytes(store or b""))
        check(f"{name}: c2pa-text's visible text is ours without the wrapper",
              clean is not None and "\ufeff" not in clean and len(clean) < len(signed))
        report = verify(path, "--trust-anchors", anchors)
        check(f"{name}: labelctl verify: every regime met", regimes(report) == {"kz": "met", "eu": "met", "cn": "met"},
              json.dumps(report.get("regimes"), ensure_ascii=False))

    # The attack: every metadata block stripped, then re-encoded at JPEG q75 by another encoder.
    for name in ("rocket.jpg", "chelsea.png"):
        stripped = os.path.join(work, "stripped-" + name)
        subprocess.run(["exiftool", "-q", "-all=", "-o", stripped, os.path.join(images, name)], check=True)
        tags = json.loads(subprocess.run(["exiftool", "-j", "-XMP:all", stripped], capture_output=True,
                                         text=True).stdout)[0]
        check(f"{name}: exiftool -all= left no XMP", not [k for k in tags if k not in ("SourceFile",)], f"{tags}")
        attacked = os.path.join(work, "attacked-" + os.path.splitext(name)[0] + ".jpg")
        Image.open(stripped).convert("RGB").save(attacked, quality=75)
        report = verify(attacked, "--ocr")
        check(f"{name} stripped + JPEG q75: the watermark is found", layer(report, "watermark").get("status") == "present",
              json.dumps(layer(report, "watermark")))
        visible = layer(report, "visible")
        check(f"{name} stripped + JPEG q75: the visible label is read (OCR)",
              visible.get("status") == "present" and "zh" in visible.get("fields", {}).get("Language", ""),
              json.dumps(visible, ensure_ascii=False))
        mark = duty(report, "kz", "machine_readable")
        check(f"{name} stripped + JPEG q75: the machine-readable mark is named gone",
              mark.get("status") == "not_met" and "watermark is still in the pixels" in mark.get("evidence", ""),
              json.dumps(mark, ensure_ascii=False))
        check(f"{name} stripped + JPEG q75: the visible warning duty is still met",
              duty(report, "kz", "visible_warning").get("status") == "met")
        check(f"{name} stripped + JPEG q75: no metadata layer is left",
              all(layer(report, n).get("status") == "absent" for n in ("iptc", "tc260", "exif", "c2pa")),
              json.dumps(report.get("layers")))
    server.shutdown()
    print(f"profile e2e: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

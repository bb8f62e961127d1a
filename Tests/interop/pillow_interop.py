#!/usr/bin/env python3
"""Interop check with Pillow, a decoder nobody on this project wrote.

For every valid SampleMedia image: stamp it with the built labelctl, then with Pillow
(1) decode original and output and compare every pixel, (2) read the XMP packet Pillow
exposes and check it carries our IPTC and TC260 fields. Prints 'N passed, N failed'.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
LABELCTL = ROOT / ".build" / "debug" / "labelctl"
FLAGS = ["--generator", "PillowCheck", "--producer-code", "001191110000EXAMPLE00X1AB01", "-q"]


def xmp_of(image):
    info = image.info
    for key in ("xmp", "XML:com.adobe.xmp"):
        if key in info:
            value = info[key]
            return value.decode("utf-8") if isinstance(value, bytes) else value
    return ""


def main():
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out"
        sources = [p for d in ("photos", "edge") for p in sorted((ROOT / "SampleMedia" / d).iterdir())
                   if p.suffix in (".png", ".jpg") and "c2pa" not in p.name.lower()]
        for source in sources:
            target = out / source.parent.name / source.name
            result = subprocess.run([str(LABELCTL), "stamp", *FLAGS, "-o", str(target.parent), str(source)],
                                    capture_output=True, text=True)
            problems = []
            if result.returncode != 0:
                problems.append(f"labelctl exit {result.returncode}: {result.stderr.strip()}")
            else:
                with Image.open(source) as before, Image.open(target) as after:
                    if before.size != after.size or before.mode != after.mode:
                        problems.append(f"geometry changed {before.size}/{before.mode} -> {after.size}/{after.mode}")
                    elif before.tobytes() != after.tobytes():
                        problems.append("decoded pixels differ")
                    xmp = xmp_of(after)
                    for needle in ("trainedAlgorithmicMedia", "TC260:AIGC", "PillowCheck"):
                        if needle not in xmp:
                            problems.append(f"Pillow's XMP lacks {needle!r}")
            if problems:
                failed += 1
                print(f"FAIL {source.relative_to(ROOT)}: {'; '.join(problems)}")
            else:
                passed += 1
                print(f"ok   {source.relative_to(ROOT)}: pixels identical, XMP read by Pillow")
    print(f"interop: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

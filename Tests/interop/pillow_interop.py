#!/usr/bin/env python3
"""Interop check with Pillow, a decoder nobody on this project wrote.

For every valid SampleMedia image: stamp it with the built labelctl, then with Pillow
(1) decode original and output and compare every pixel, (2) read the XMP packet Pillow
exposes and check it carries our IPTC and TC260 fields. Then stamp again with --visible and
check (3) Pillow decodes the re-encoded output, (4) the XMP records the label's region, and
(5) pixels changed only inside that region (PNG: exactly, 16-bit sources within the rounding of
16 -> 8 bits; JPEG: outside the region within re-encoding noise), and did change inside it.
Prints 'N passed, N failed'.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

from PIL import Image, ImageChops, ImageOps

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


def visual_rgba(path):
    """The picture as viewed (EXIF orientation applied), as 8-bit RGBA."""
    with Image.open(path) as image:
        image.load()
        if image.mode in ("I;16", "I;16B", "I"):
            image = image.point(lambda v: v / 256).convert("L")
        return ImageOps.exif_transpose(image).convert("RGBA")


def check_visible(source, target):
    result = subprocess.run([str(LABELCTL), "stamp", *FLAGS, "--visible", "--lang", "kk,zh", "-o",
                             str(target.parent), str(source)], capture_output=True, text=True)
    if result.returncode != 0:
        return [f"labelctl --visible exit {result.returncode}: {result.stderr.strip()}"]
    problems = []
    with Image.open(target) as after:
        region = re.search(r"<LabelerVisible:Region>(\d+),(\d+),(\d+),(\d+)</LabelerVisible:Region>", xmp_of(after))
        if region is None:
            return ["Pillow's XMP lacks LabelerVisible:Region"]
        fmt = after.format
    x, y, w, h = (int(v) for v in region.groups())
    before, labelled = visual_rgba(source), visual_rgba(target)
    if before.size != labelled.size:
        return [f"size changed {before.size} -> {labelled.size}"]
    if x < 0 or y < 0 or x + w > before.width or y + h > before.height:
        problems.append(f"region {x},{y},{w},{h} leaves the {before.size} picture")
    diff = ImageChops.difference(before, labelled)
    inside = diff.crop((x, y, x + w, y + h))
    if max(band_max for _, band_max in inside.getextrema()) < 64:
        problems.append("the label's box did not change")
    outside = diff.copy()
    outside.paste((0, 0, 0, 0), (x, y, x + w, y + h))
    worst = max(band_max for _, band_max in outside.getextrema())
    if fmt == "PNG":
        allowed = 1 if "16" in source.name else 0
        if worst > allowed:
            problems.append(f"pixels outside the box changed by up to {worst}")
    else:
        histogram = outside.convert("L").histogram()
        mean = sum(i * n for i, n in enumerate(histogram)) / max(1, sum(histogram))
        if mean > 3:
            problems.append(f"JPEG pixels outside the box moved by {mean:.2f} on average")
    return problems


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
        for source in sources:
            target = out / "visible" / source.name
            problems = check_visible(source, target)
            if problems:
                failed += 1
                print(f"FAIL {source.relative_to(ROOT)} --visible: {'; '.join(problems)}")
            else:
                passed += 1
                print(f"ok   {source.relative_to(ROOT)} --visible: decoded by Pillow, changed only in the label's box")
    print(f"interop: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

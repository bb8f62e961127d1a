#!/usr/bin/env python3
"""Regenerate SampleMedia/edge and SampleMedia/malformed from SampleMedia/photos.

Run it through ./make-sample-media.sh, which prepares the Python environment
(.venv/ at the repository root, Pillow pinned) and checks for exiftool.

    make-sample-media.py                 rebuild edge/ and malformed/ (offline)
    make-sample-media.py --fetch-photos  first rebuild photos/ from the scikit-image
                                         wheel on PyPI (needs network), checking
                                         every source file against its SHA-256

Every output is deterministic for a given Pillow and exiftool version: no
timestamps, no random numbers, fixed encoder settings. README.md describes each
file; keep it in step with this script.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

from PIL import Image, PngImagePlugin

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PHOTOS = HERE / "photos"
EDGE = HERE / "edge"
MALFORMED = HERE / "malformed"
EXIFTOOL_CONFIG = REPO / "bench" / "exiftool-tc260.config"
C2PA_FIXTURE = REPO / "Tests" / "Fixtures" / "c2pa-rs" / "C.jpg"

# --------------------------------------------------------------------------
# photos/: real photographs from the scikit-image wheel (skimage/data).
# --------------------------------------------------------------------------

SKIMAGE_REQUIREMENT = "scikit-image==0.26.0"

# name in photos/ -> (file in skimage/data, SHA-256 of that file, how to store it)
PHOTO_SOURCES: dict[str, tuple[str, str, str]] = {
    "rocket.jpg": (
        "rocket.jpg",
        "c2dd0de7c538df8d111e479619b129464d0269d0ae5fd18ca91d33a7fdfea95c",
        "copy",
    ),
    "hubble_deep_field.jpg": (
        "hubble_deep_field.jpg",
        "3a19c5dd8a927a9334bb1229a6d63711b1c0c767fb27e2286e7c84a3e2c2f5f4",
        "copy",
    ),
    "chelsea.png": (
        "chelsea.png",
        "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
        "copy",
    ),
    "coffee.png": (
        "coffee.png",
        "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
        "copy",
    ),
    "camera.png": (
        "camera.png",
        "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
        "copy",
    ),
    # The PNG original is 790 kB; a quality-90 JPEG of the same pixels keeps the
    # folder small and gives a second plain JPEG.
    "astronaut.jpg": (
        "astronaut.png",
        "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
        "jpeg-q90",
    ),
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_photos() -> None:
    """Download the scikit-image wheel with pip and rebuild photos/ from it."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--dest", tmp, SKIMAGE_REQUIREMENT],
            check=True,
        )
        wheels = sorted(Path(tmp).glob("scikit_image-*.whl"))
        if not wheels:
            sys.exit("pip download produced no scikit-image wheel")
        PHOTOS.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheels[0]) as wheel:
            for name, (source, digest, how) in PHOTO_SOURCES.items():
                data = wheel.read(f"skimage/data/{source}")
                if sha256(data) != digest:
                    sys.exit(f"{source}: SHA-256 mismatch, refusing to use it")
                target = PHOTOS / name
                if how == "copy":
                    target.write_bytes(data)
                elif how == "jpeg-q90":
                    with Image.open(io.BytesIO(data)) as image:
                        image.convert("RGB").save(target, "JPEG", quality=90)
                else:
                    raise AssertionError(how)
                print(f"photos/{name}  <-  {wheels[0].name}:skimage/data/{source}")


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

def load_rgb(name: str, width: int) -> Image.Image:
    """A photo from photos/, converted to RGB and scaled to `width` pixels wide."""
    with Image.open(PHOTOS / name) as image:
        image = image.convert("RGB")
        height = round(image.height * width / image.width)
        return image.resize((width, height), Image.Resampling.LANCZOS)


def jpeg_bytes(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=options.pop("quality", 85), **options)
    return out.getvalue()


def png_bytes(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **options)
    return out.getvalue()


def exiftool(path: Path, *arguments: str) -> None:
    """Edit `path` in place with exiftool (our TC260/IPTC 2025.1 config loaded)."""
    subprocess.run(
        ["exiftool", "-config", str(EXIFTOOL_CONFIG), "-q", "-overwrite_original",
         *arguments, str(path)],
        check=True,
    )


def exif_basics(image: Image.Image) -> list[str]:
    """The EXIF tags a camera always writes, so `exiftool -validate` is clean."""
    return [f"-EXIF:ExifImageWidth={image.width}", f"-EXIF:ExifImageHeight={image.height}",
            "-EXIF:XResolution=72", "-EXIF:YResolution=72", "-EXIF:ResolutionUnit=inches",
            "-EXIF:ColorSpace=sRGB"]


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_chunks(data: bytes) -> list[tuple[int, bytes, int]]:
    """(offset of the length field, chunk type, body length) for each chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append((offset, kind, length))
        offset += 12 + length
    return chunks


def jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """(offset of the 0xFF, marker, segment length incl. length field) up to SOS."""
    assert data[:2] == b"\xff\xd8"
    segments, offset = [], 2
    while True:
        marker = data[offset + 1]
        length = struct.unpack(">H", data[offset + 2:offset + 4])[0]
        segments.append((offset, marker, length))
        if marker == 0xDA:  # SOS: entropy-coded data follows
            return segments
        offset += 2 + length


def write_png_raw(path: Path, width: int, height: int, bit_depth: int,
                  colour_type: int, rows: list[bytes], interlaced: bool = False,
                  pass_rows: list[list[bytes]] | None = None) -> None:
    """A minimal PNG writer (filter 0 everywhere) for what Pillow cannot write:
    16-bit RGB and Adam7 interlacing. `rows` are unfiltered scanlines; for an
    interlaced image `pass_rows` holds the scanlines of each of the 7 passes."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0,
                       1 if interlaced else 0)
    lines = [line for one_pass in pass_rows for line in one_pass] if interlaced else rows
    raw = b"".join(b"\x00" + line for line in lines)
    idat = zlib.compress(raw, 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
                     + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


# Adam7: (x start, y start, x step, y step) for passes 1..7.
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
         (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def adam7_passes(pixels: list[list[bytes]], width: int, height: int) -> list[list[bytes]]:
    """Split rows of per-pixel byte strings into the seven Adam7 sub-images."""
    passes = []
    for x0, y0, dx, dy in ADAM7:
        rows = []
        if x0 < width:
            for y in range(y0, height, dy):
                rows.append(b"".join(pixels[y][x] for x in range(x0, width, dx)))
        passes.append(rows)
    return passes


# --------------------------------------------------------------------------
# edge/: valid but less common files
# --------------------------------------------------------------------------

DOUBAO_AIGC = ('{"AIGC":{"Label":"1","ContentProducer":"001191110102MACQD9K64010000",'
               '"ProduceID":"doubao-sample-0001","ReservedCode1":"","ContentPropagator":"",'
               '"PropagateID":"","ReservedCode2":""}}')
TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
EXAMPLE_INNER_AIGC = ('{"Label":"1","ContentProducer":"001191110000EXAMPLE00X1AB01",'
                      '"ProduceID":"0190f1a2-7c3d-7a1b-9e55-3f2a1b4c5d6e","ReservedCode1":"",'
                      '"ContentPropagator":"","PropagateID":"","ReservedCode2":""}')


def make_edge() -> None:
    EDGE.mkdir(parents=True, exist_ok=True)

    # Progressive JPEG (SOF2, several scans).
    (EDGE / "progressive.jpg").write_bytes(
        jpeg_bytes(load_rgb("rocket.jpg", 320), quality=85, progressive=True))

    # Grayscale JPEG (one component).
    with Image.open(PHOTOS / "camera.png") as camera:
        gray = camera.convert("L").resize((256, 256), Image.Resampling.LANCZOS)
    (EDGE / "grayscale.jpg").write_bytes(jpeg_bytes(gray, quality=85))

    # Camera-like EXIF (APP1 Exif, no XMP), written by exiftool.
    path = EDGE / "exif-camera.jpg"
    image = load_rgb("coffee.png", 320)
    path.write_bytes(jpeg_bytes(image, quality=85))
    exiftool(path, *exif_basics(image), "-EXIF:Make=Canon", "-EXIF:Model=Canon EOS 5D Mark IV",
             "-EXIF:DateTimeOriginal=2024:05:17 10:42:13",
             "-EXIF:CreateDate=2024:05:17 10:42:13", "-EXIF:Artist=Jane Photographer",
             "-EXIF:Orientation#=1", "-EXIF:ExposureTime=1/125", "-EXIF:FNumber=5.6",
             "-EXIF:ISO=200")

    # XMP written by exiftool, in a JPEG and in a PNG (iTXt XML:com.adobe.xmp).
    xmp_fields = ("-XMP-dc:Creator=Jane Photographer", "-XMP-dc:Description=A caption",
                  "-XMP-xmp:Rating=4", "-XMP-photoshop:Credit=Example Agency")
    path = EDGE / "xmp-exiftool.jpg"
    path.write_bytes(jpeg_bytes(load_rgb("chelsea.png", 320), quality=85))
    exiftool(path, *xmp_fields)
    path = EDGE / "xmp-exiftool.png"
    path.write_bytes(png_bytes(load_rgb("chelsea.png", 200), optimize=False, compress_level=9))
    exiftool(path, *xmp_fields)

    # Palette PNG (colour type 3, PLTE).
    palette = load_rgb("coffee.png", 240).quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    (EDGE / "palette.png").write_bytes(png_bytes(palette, compress_level=9))

    # 16-bit RGB PNG (bit depth 16, colour type 2). Resampled in floating point
    # so the low bytes carry real information, not just v*257.
    with Image.open(PHOTOS / "astronaut.jpg") as astronaut:
        channels = [band.convert("F").resize((128, 128), Image.Resampling.LANCZOS)
                    for band in astronaut.convert("RGB").split()]
    rows = []
    for y in range(128):
        line = bytearray()
        for x in range(128):
            for band in channels:
                value = min(65535, max(0, round(band.getpixel((x, y)) * 257)))
                line += struct.pack(">H", value)
        rows.append(bytes(line))
    write_png_raw(EDGE / "rgb16.png", 128, 128, 16, 2, rows)

    # Interlaced (Adam7) RGBA PNG with a radial alpha ramp.
    rgb = load_rgb("chelsea.png", 160)
    width, height = rgb.size
    pixels = []
    for y in range(height):
        row = []
        for x in range(width):
            r, g, b = rgb.getpixel((x, y))
            distance = math.hypot(x - width / 2, y - height / 2) / math.hypot(width / 2, height / 2)
            alpha = max(0, min(255, round(255 * (1.15 - distance))))
            row.append(bytes((r, g, b, alpha)))
        pixels.append(row)
    write_png_raw(EDGE / "interlaced-alpha.png", width, height, 8, 6, [],
                  interlaced=True, pass_rows=adam7_passes(pixels, width, height))

    # Doubao-style PNG: tEXt chunk, keyword AIGC, wrapped Annex E JSON.
    info = PngImagePlugin.PngInfo()
    info.add_text("AIGC", DOUBAO_AIGC)
    (EDGE / "doubao-text-aigc.png").write_bytes(
        png_bytes(load_rgb("coffee.png", 200), pnginfo=info, compress_level=9))

    # Wrapped Annex E JSON in EXIF UserComment (charset prefix "ASCII\0\0\0").
    path = EDGE / "exif-usercomment-aigc.jpg"
    image = load_rgb("rocket.jpg", 320)
    path.write_bytes(jpeg_bytes(image, quality=85))
    exiftool(path, *exif_basics(image), f"-EXIF:UserComment={DOUBAO_AIGC}")

    # Already labelled by exiftool: IPTC DigitalSourceType only ...
    path = EDGE / "labelled-exiftool.jpg"
    path.write_bytes(jpeg_bytes(load_rgb("astronaut.jpg", 256), quality=85))
    exiftool(path, f"-XMP-iptcExt:DigitalSourceType={TRAINED}")

    # ... and the full set Labeler writes: DST, IPTC 2025.1, TC260 (inner JSON).
    path = EDGE / "labelled-exiftool-full.png"
    path.write_bytes(png_bytes(load_rgb("astronaut.jpg", 160), compress_level=9))
    exiftool(path, f"-XMP-iptcExt:DigitalSourceType={TRAINED}",
             "-XMP-iptcExt:AISystemUsed=ExampleGen", "-XMP-iptcExt:AISystemVersionUsed=2.1",
             f"-XMP-TC260:AIGC={EXAMPLE_INNER_AIGC}")

    # A C2PA-signed JPEG from c2pa-rs (MIT/Apache-2.0), copied byte for byte.
    if C2PA_FIXTURE.exists():
        (EDGE.parent / "c2pa").mkdir(exist_ok=True)
        shutil.copyfile(C2PA_FIXTURE, EDGE.parent / "c2pa" / "C.jpg")
    elif not (EDGE.parent / "c2pa" / "C.jpg").exists():
        sys.exit(f"missing {C2PA_FIXTURE} (Tests/Fixtures/c2pa-rs) and c2pa/C.jpg")


# --------------------------------------------------------------------------
# malformed/: broken files for the "bad input" paths
# --------------------------------------------------------------------------

def make_malformed() -> None:
    MALFORMED.mkdir(parents=True, exist_ok=True)

    png = png_bytes(load_rgb("coffee.png", 160), compress_level=9)
    chunks = png_chunks(png)
    idat_offset, _, idat_length = next(c for c in chunks if c[1] == b"IDAT")

    # Cut in the middle of the IDAT data: no CRC, no IEND.
    (MALFORMED / "truncated-mid-idat.png").write_bytes(png[:idat_offset + 8 + idat_length // 2])

    # One flipped bit in the IDAT CRC; everything else intact.
    crc_offset = idat_offset + 8 + idat_length
    broken = bytearray(png)
    broken[crc_offset + 3] ^= 0x01
    (MALFORMED / "bad-crc.png").write_bytes(bytes(broken))

    # IDAT length field 0xFFFFFFF0 (> 2^31-1, the PNG maximum, and far past EOF).
    broken = bytearray(png)
    broken[idat_offset:idat_offset + 4] = struct.pack(">I", 0xFFFFFFF0)
    (MALFORMED / "huge-chunk-length.png").write_bytes(bytes(broken))

    # PNG signature with CR-LF turned into LF (the classic text-mode transfer damage).
    (MALFORMED / "wrong-magic.png").write_bytes(
        png[:4] + b"\n" + png[6:])

    jpeg = jpeg_bytes(load_rgb("rocket.jpg", 200), quality=85)
    segments = jpeg_segments(jpeg)
    sos_offset, _, sos_length = segments[-1]
    scan_start = sos_offset + 2 + sos_length
    assert jpeg[-2:] == b"\xff\xd9"

    # Cut half-way through the entropy-coded data: no EOI.
    (MALFORMED / "truncated-mid-scan.jpg").write_bytes(
        jpeg[:scan_start + (len(jpeg) - 2 - scan_start) // 2])

    # Cut inside the first DQT segment (header never finished, no SOF/SOS).
    dqt_offset, _, dqt_length = next(s for s in segments if s[1] == 0xDB)
    (MALFORMED / "truncated-in-header.jpg").write_bytes(jpeg[:dqt_offset + 4 + dqt_length // 2])

    # Whole file present, but the APP0 (JFIF) length field says 0xFFFF, which
    # points past the end of this small file.
    app0_offset, marker, _ = segments[0]
    assert marker == 0xE0 and len(jpeg) < 0xFFFF
    broken = bytearray(jpeg)
    broken[app0_offset + 2:app0_offset + 4] = b"\xff\xff"
    (MALFORMED / "segment-length-past-end.jpg").write_bytes(bytes(broken))

    (MALFORMED / "empty.jpg").write_bytes(b"")
    (MALFORMED / "not-an-image.png").write_bytes(
        b"This is a plain text file with a .png name.\n"
        b"Image tools must reject it without crashing.\n")
    # A GIF header in a file named .jpg: neither FF D8 nor a PNG signature.
    (MALFORMED / "wrong-magic.jpg").write_bytes(
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
        b"!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


# --------------------------------------------------------------------------

def check_outputs() -> None:
    """Decode every edge/ file with Pillow and make sure malformed/ ones fail."""
    for path in sorted(EDGE.iterdir()):
        with Image.open(path) as image:
            image.load()
    for path in sorted(MALFORMED.iterdir()):
        try:
            with Image.open(path) as image:
                image.load()
        except Exception:  # noqa: BLE001 - any decoder error is the point
            continue
        # Expected for bad-crc.png and huge-chunk-length.png (Pillow does not
        # check IDAT CRCs and streams IDAT to EOF) and wrong-magic.jpg (a real
        # GIF; Pillow sniffs content, not names). Labeler must still reject them.
        print(f"note: Pillow (lenient) decodes malformed/{path.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fetch-photos", action="store_true",
                        help="rebuild photos/ from the scikit-image wheel first (network)")
    arguments = parser.parse_args()
    if arguments.fetch_photos:
        fetch_photos()
    missing = [name for name in PHOTO_SOURCES if not (PHOTOS / name).exists()]
    if missing:
        sys.exit(f"photos/ lacks {', '.join(missing)}; run with --fetch-photos")
    make_edge()
    make_malformed()
    check_outputs()
    for folder in (EDGE, MALFORMED):
        for path in sorted(folder.iterdir()):
            print(f"{path.relative_to(HERE)}  {path.stat().st_size:>7} B  "
                  f"sha256:{sha256(path.read_bytes())[:16]}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate the benchmark corpus in bench/corpus/ from SampleMedia/photos/.

Every file is a different image: a random square crop of one of the real
photographs, maybe mirrored or rotated, resized, colour-jittered and given a
little sensor-like grain (so PNGs compress like photographs, not like smooth
upscales). Each file is seeded by (set name, index), so the corpus is the same
on every run and on every machine with the same Pillow and numpy.

    bench/.venv/bin/python bench/make_corpus.py                      # all sets, full size
    BENCH_SCALE=0.1 bench/.venv/bin/python bench/make_corpus.py      # 10 % of the files
    bench/.venv/bin/python bench/make_corpus.py --sets jpeg256 --scale 0.01

Sets (full size):
    jpeg1024   1000 x 1024x1024 JPEG, quality 90, small camera-like EXIF
    png1024    1000 x 1024x1024 RGB PNG, zlib level 6 (about 1.5 MB each)
    jpeg4096    200 x 4096x4096 JPEG, quality 90, small camera-like EXIF
    jpeg256   10000 x 256x256 JPEG, quality 90, small camera-like EXIF

Each (set, file count) gets its own folder, bench/corpus/SET-nCOUNT, so a quick
run at a small scale never disturbs the full corpus. A folder that already holds
its files is left alone; missing files are hard-linked from another folder of the
same set when one has them (file i is the same at every scale), else generated.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import zlib
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PHOTOS = REPO / "SampleMedia" / "photos"


@dataclass(frozen=True)
class CorpusSet:
    name: str
    extension: str
    side: int
    count: int
    grain: float  # standard deviation of the added noise, in 8-bit levels


SETS: dict[str, CorpusSet] = {
    s.name: s
    for s in (
        CorpusSet("jpeg1024", "jpg", 1024, 1000, 3.0),
        CorpusSet("png1024", "png", 1024, 1000, 2.0),
        CorpusSet("jpeg4096", "jpg", 4096, 200, 3.0),
        CorpusSet("jpeg256", "jpg", 256, 10000, 1.0),
    )
}

JPEG_QUALITY = 90
PNG_LEVEL = 6

_photos: list[Image.Image] = []


def _load_photos() -> None:
    """Pool initializer: every worker keeps the source photos in memory."""
    global _photos
    paths = sorted(p for p in PHOTOS.iterdir() if p.suffix.lower() in (".jpg", ".png"))
    for path in paths:
        with Image.open(path) as image:
            _photos.append(image.convert("RGB"))
    if not _photos:
        sys.exit(f"no photos in {PHOTOS}")


def file_name(corpus: CorpusSet, index: int) -> str:
    return f"{corpus.name}-{index:05d}.{corpus.extension}"


def make_one(job: tuple[CorpusSet, int, str]) -> int:
    corpus, index, folder = job
    rng = np.random.default_rng([zlib.crc32(corpus.name.encode()), index])
    photo = _photos[int(rng.integers(len(_photos)))]

    # Square crop covering 45-100 % of the short side.
    short = min(photo.size)
    crop = max(16, int(short * rng.uniform(0.45, 1.0)))
    left = int(rng.integers(0, photo.width - crop + 1))
    top = int(rng.integers(0, photo.height - crop + 1))
    image = photo.crop((left, top, left + crop, top + crop))
    if rng.random() < 0.5:
        image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if rng.random() < 0.25:
        image = image.transpose(Image.Transpose.ROTATE_90)

    # Colour jitter (on the crop, before scaling up: same look, less work).
    image = ImageEnhance.Brightness(image).enhance(rng.uniform(0.85, 1.15))
    image = ImageEnhance.Contrast(image).enhance(rng.uniform(0.85, 1.15))
    image = ImageEnhance.Color(image).enhance(rng.uniform(0.7, 1.3))

    resample = Image.Resampling.BICUBIC if crop < corpus.side else Image.Resampling.LANCZOS
    image = image.resize((corpus.side, corpus.side), resample)

    # Grain.
    pixels = np.asarray(image, dtype=np.float32)
    pixels += rng.standard_normal(pixels.shape, dtype=np.float32) * np.float32(corpus.grain)
    image = Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8), "RGB")

    target = Path(folder) / file_name(corpus, index)
    temporary = target.with_name(f".{target.name}.tmp")
    if corpus.extension == "jpg":
        exif = Image.Exif()
        exif[0x010F] = "BenchCam"                      # Make
        exif[0x0110] = "Corpus One"                    # Model
        exif[0x0131] = "make_corpus.py"                # Software
        exif[0x0132] = f"2026:01:01 {index // 3600 % 24:02d}:{index // 60 % 60:02d}:{index % 60:02d}"
        image.save(temporary, "JPEG", quality=JPEG_QUALITY, exif=exif.tobytes())
    else:
        image.save(temporary, "PNG", compress_level=PNG_LEVEL)
    os.replace(temporary, target)
    return target.stat().st_size


def scaled_count(corpus: CorpusSet, scale: float) -> int:
    return max(1, round(corpus.count * scale))


def set_folder(corpus: CorpusSet, count: int, root: Path) -> Path:
    return root / f"{corpus.name}-n{count}"


def build(corpus: CorpusSet, count: int, root: Path, jobs: int) -> None:
    folder = set_folder(corpus, count, root)
    folder.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(rf"^{re.escape(corpus.name)}-(\d{{5}})\.{corpus.extension}$")
    present: set[int] = set()
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and int(match.group(1)) < count:
            present.add(int(match.group(1)))
        else:
            entry.unlink()  # interrupted temporary or stray file
    missing = [i for i in range(count) if i not in present]

    # Borrow identical files from the same set at other scales.
    siblings = [p for p in root.glob(f"{corpus.name}-n*") if p != folder and p.is_dir()]
    linked = 0
    for index in list(missing):
        name = file_name(corpus, index)
        for sibling in siblings:
            if (sibling / name).is_file():
                os.link(sibling / name, folder / name)
                missing.remove(index)
                linked += 1
                break
    if linked:
        print(f"{corpus.name}: {linked} files hard-linked from other scales")
    if not missing:
        print(f"{corpus.name}: {count} files present in {folder}")
        return

    started = time.monotonic()
    print(f"{corpus.name}: making {len(missing)} of {count} files "
          f"({corpus.side}x{corpus.side} {corpus.extension}) with {jobs} processes", flush=True)
    total = 0
    with Pool(jobs, initializer=_load_photos) as pool:
        work = [(corpus, i, str(folder)) for i in missing]
        chunk = max(1, min(64, len(work) // (jobs * 8)))
        for done, size in enumerate(pool.imap_unordered(make_one, work, chunksize=chunk), 1):
            total += size
            if len(work) >= 50 and done % (len(work) // 10) == 0:
                print(f"  {done}/{len(work)}", flush=True)
    elapsed = time.monotonic() - started
    print(f"{corpus.name}: {len(missing)} files, {total / 1e6:.1f} MB new, "
          f"mean {total / len(missing) / 1e3:.0f} kB, {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=os.environ.get("BENCH_SETS", ",".join(SETS)),
                        help="comma-separated set names (env BENCH_SETS)")
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")),
                        help="multiply every set's file count (env BENCH_SCALE)")
    parser.add_argument("--out", type=Path, default=BENCH / "corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--print-dir", metavar="SET",
                        help="print the folder SET uses at this scale and exit")
    arguments = parser.parse_args()

    if arguments.print_dir:
        corpus = SETS[arguments.print_dir]
        print(set_folder(corpus, scaled_count(corpus, arguments.scale), arguments.out))
        return
    names = [n.strip() for n in arguments.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        sys.exit(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    if arguments.scale <= 0:
        sys.exit("scale must be positive")
    for name in names:
        corpus = SETS[name]
        build(corpus, scaled_count(corpus, arguments.scale), arguments.out, arguments.jobs)


if __name__ == "__main__":
    main()

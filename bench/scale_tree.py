#!/usr/bin/env python3
"""Trees for bench/scale.sh: tiny valid PNGs, many of them, made fast (standard library only).

  scale_tree.py png FILE                     write a ~100-byte valid 4x4 RGB PNG
  scale_tree.py real ROOT N PER_FOLDER SRC   N real files (copies of SRC's bytes), PER_FOLDER a folder
  scale_tree.py links ROOT N FOLDERS SRC     N hard links to copies of SRC (50,000 names a copy: ext4's
                                             limit is 65,000), spread over FOLDERS folders
"""
import os
import struct
import sys
import zlib


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def tiny_png() -> bytes:
    width = height = 4
    # One filter byte (0, none) per row, then RGB: a small gradient that deflates to a few bytes.
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 64, y * 64, 128)) for y in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def folder_name(root: str, index: int) -> str:
    return os.path.join(root, "d%05d" % index)


def real(root: str, count: int, per_folder: int, source: str) -> None:
    data = open(source, "rb").read()
    for start in range(0, count, per_folder):
        folder = folder_name(root, start // per_folder)
        os.makedirs(folder, exist_ok=True)
        for index in range(start, min(count, start + per_folder)):
            with open(os.path.join(folder, "f%08d.png" % index), "wb") as out:
                out.write(data)


# ext4 allows 65,000 names per inode: each copy of SRC takes at most this many links.
LINKS_PER_COPY = 50_000


def links(root: str, count: int, folders: int, source: str) -> None:
    per_folder = -(-count // folders)
    data = open(source, "rb").read()
    copies = os.path.join(root, ".copies")  # hidden: the walk skips it
    os.makedirs(copies, exist_ok=True)
    link = os.link
    join = os.path.join
    made = 0
    target = None
    for folder_index in range(folders):
        folder = folder_name(root, folder_index)
        os.makedirs(folder, exist_ok=True)
        start = folder_index * per_folder
        for index in range(start, min(count, start + per_folder)):
            if made % LINKS_PER_COPY == 0:
                target = join(copies, "c%05d.png" % (made // LINKS_PER_COPY))
                with open(target, "wb") as out:
                    out.write(data)
            link(target, join(folder, "f%08d.png" % index))
            made += 1


def main() -> None:
    mode = sys.argv[1]
    if mode == "png":
        open(sys.argv[2], "wb").write(tiny_png())
    elif mode == "real":
        real(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif mode == "links":
        links(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Invisible watermark (issue 9 items 5–6): robustness, false positives and speed, ours against peers.

    bench/.venv/bin/python bench/watermark_robustness.py [--photos 40] [--clean 1050] [--skip-peers]

Installs what is missing into bench/.venv (numpy, opencv-python-headless, PyWavelets, Pillow,
scikit-image; invisible-watermark 0.2.0 and blind-watermark 0.4.4 with --no-deps, so no torch:
imwatermark's maxDct.py and dwtDctSvd.py are loaded file by file), builds the runnable
`watermark-bench` (release; BENCH_SKIP_BUILD=1 to skip) and works in bench/work/watermark:

  photos   PHOTOS images of 1024² and larger made from the colour photos scikit-image ships
           (each photo enlarged bicubically to a shorter side of 1024…1536, cropped, some mirrored)
  attacks  none (PNG); JPEG q90/q75/q50 (Pillow, 4:2:0); resize 0.5/0.75 (cv2.INTER_AREA) and 1.5
           (cv2.INTER_CUBIC); centre crop keeping 50 % and 25 % of the area; brightness ×1.2 (clipped);
           Gaussian noise σ=5 (numpy seed 0); metadata stripped (Pillow re-save, no ancillary chunks);
           screenshot-like: resize 0.8 (cv2.INTER_LINEAR) + PNG
  methods  ours (LabelerPixels, 64-bit payload, target 40 dB), imwatermark dwtDct and dwtDctSvd,
           blind-watermark (each with a random 64-bit message per image)
  clean    CLEAN unmarked images of many kinds (photo crops at several scales, flat, gradients,
           periodic patterns, rendered text and screenshot-like UIs) through our detector with the
           full rescale search: the false-positive count

Prints Markdown tables: exact-payload rate per attack and method, PSNR, clean-image detections and
timings (ms per megapixel, one core, in memory: decode/encode excluded on both sides).
"""
import argparse
import importlib.util
import io
import json
import os
import subprocess
import sys
import time

# One core for the peers too: numpy's BLAS and OpenCV would otherwise start threads.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work", "watermark")
PYTHON = os.path.join(ROOT, "bench", ".venv", "bin", "python")
BITS = 64


def ensure_venv():
    if not os.path.exists(PYTHON):
        subprocess.run([sys.executable, "-m", "venv", os.path.dirname(os.path.dirname(PYTHON))], check=True)
    if os.path.realpath(sys.prefix) != os.path.realpath(os.path.dirname(os.path.dirname(PYTHON))):
        os.execv(PYTHON, [PYTHON, *sys.argv])
    missing = []
    for module, requirement in (("numpy", "numpy"), ("cv2", "opencv-python-headless"), ("pywt", "PyWavelets"),
                                ("PIL", "Pillow"), ("skimage", "scikit-image")):
        try:
            __import__(module)
        except ImportError:
            missing.append(requirement)
    if missing:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", *missing], check=True)
    try:
        import blind_watermark  # noqa: F401
        import imwatermark  # noqa: F401
    except ImportError:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "invisible-watermark==0.2.0",
                        "blind-watermark==0.4.4"], check=True)
    if missing:
        os.execv(PYTHON, [PYTHON, *sys.argv])


def bench_binary():
    if os.environ.get("BENCH_SKIP_BUILD") != "1":
        subprocess.run(["swift", "build", "-c", "release", "--product", "watermark-bench"], cwd=ROOT, check=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "watermark-bench")


def ours(*arguments):
    """Runs watermark-bench in chunks (argument lists stay short); returns its JSON lines."""
    command, files = list(arguments[:-1]), list(arguments[-1])
    out = []
    for start in range(0, len(files), 200):
        result = subprocess.run([BINARY, *command, *files[start:start + 200]], check=True, capture_output=True,
                                text=True)
        out += [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return out


# ---------------------------------------------------------------------------------------------- images

def photos(count):
    """PHOTOS ≥ 1024² BGR images from scikit-image's colour photos (deterministic)."""
    import cv2
    import skimage.data as data
    sources = ["astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg", "hubble_deep_field.jpg", "retina.jpg",
               "ihc.png", "motorcycle_left.png"]
    folder = os.path.dirname(data.__file__)
    images = [(name, cv2.imread(os.path.join(folder, name), cv2.IMREAD_COLOR)) for name in sources]
    images = [(name, image) for name, image in images if image is not None]
    shapes = [(1024, 1.0), (1152, 4 / 3), (1280, 1.0), (1408, 1.25), (1536, 1.0), (1024, 1.5)]
    out = []
    for index in range(count):
        name, image = images[index % len(images)]
        side, aspect = shapes[(index // len(images)) % len(shapes)]
        height, width = image.shape[:2]
        # enlarge so the crop (side × side·aspect, landscape) fits, then crop off-centre
        factor = max(side / height, side * aspect / width)
        big = cv2.resize(image, (round(width * factor) + 1, round(height * factor) + 1), interpolation=cv2.INTER_CUBIC)
        crop_w, crop_h = round(side * aspect), side
        x = (big.shape[1] - crop_w) * (index % 3) // 2
        y = (big.shape[0] - crop_h) * ((index + 1) % 3) // 2
        crop = big[y:y + crop_h, x:x + crop_w]
        if index % 2:
            crop = crop[:, ::-1]
        out.append((f"p{index:03d}_{os.path.splitext(name)[0]}", crop.copy()))
    return out


def clean_images(count):
    """Unmarked images of many kinds, deterministic: (kind, name, BGR)."""
    import cv2
    import numpy as np
    import skimage.data as data
    from PIL import Image, ImageDraw, ImageFont
    rng = np.random.default_rng(20261201)
    folder = os.path.dirname(data.__file__)
    photo_names = ["astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg", "hubble_deep_field.jpg", "retina.jpg",
                   "ihc.png", "motorcycle_left.png", "motorcycle_right.png", "camera.png", "moon.png", "page.png",
                   "text.png", "coins.png", "grass.png", "gravel.png", "brick.png", "rough-wall.png", "color.png",
                   "logo.png", "microaneurysms.png", "cell.png", "horse.png", "clock_motion.png"]
    sources = []
    for name in photo_names:
        image = cv2.imread(os.path.join(folder, name), cv2.IMREAD_COLOR)
        if image is not None and min(image.shape[:2]) >= 128:
            sources.append(image)
    words = ("the quick brown fox jumps over the lazy dog settings cancel save file edit view help model output "
             "generated report table total 2026 labeler verify").split()
    kinds = [("photo", 0.55), ("flat", 0.05), ("gradient", 0.1), ("periodic", 0.15), ("text", 0.08),
             ("screenshot", 0.07)]
    plan = []
    for kind, share in kinds:
        plan += [kind] * round(count * share)
    plan = (plan + ["photo"] * count)[:count]
    for index, kind in enumerate(plan):
        if kind == "photo":
            source = sources[index % len(sources)]
            scale = float(np.exp(rng.uniform(np.log(0.5), np.log(2.0))))
            image = cv2.resize(source, None, fx=scale, fy=scale,
                               interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
            h, w = image.shape[:2]
            ch, cw = int(rng.integers(min(h, 160), h + 1)), int(rng.integers(min(w, 160), w + 1))
            y, x = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
            image = image[y:y + ch, x:x + cw]
            if index % 5 == 0:
                _, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(50, 95))])
                image = cv2.imdecode(buffer, cv2.IMREAD_COLOR)
        else:
            h, w = int(rng.integers(256, 1025)), int(rng.integers(256, 1025))
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            if kind == "flat":
                image = np.empty((h, w, 3), np.uint8)
                image[:] = rng.integers(0, 256, 3)
            elif kind == "gradient":
                angle = rng.uniform(0, np.pi)
                ramp = (np.cos(angle) * xx + np.sin(angle) * yy)
                if index % 2:
                    ramp = np.hypot(xx - w * rng.uniform(), yy - h * rng.uniform())
                ramp = (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1)
                image = np.stack([ramp * 255 * rng.uniform(0.3, 1) for _ in range(3)], -1).astype(np.uint8)
            elif kind == "periodic":
                style = index % 4
                period = float(rng.choice([8, 16, 32, 64, 100, 128, 128, 256]) * rng.uniform(0.9, 1.1))
                if style == 0:  # sinusoidal grating, any orientation
                    angle = rng.uniform(0, np.pi)
                    plane = np.sin(2 * np.pi * (np.cos(angle) * xx + np.sin(angle) * yy) / period)
                elif style == 1:  # checkerboard
                    plane = (((xx // (period / 2)) + (yy // (period / 2))) % 2) * 2 - 1
                elif style == 2:  # halftone dots
                    plane = np.sin(2 * np.pi * xx / period) * np.sin(2 * np.pi * yy / period)
                    plane = np.where(plane > rng.uniform(-0.5, 0.5), 1.0, -1.0)
                else:  # tiled noise texture with a period (the riskiest kind for a tiled mark)
                    p = max(8, int(period))
                    tile = rng.normal(0, 1, (p, p))
                    plane = np.tile(tile, (h // p + 1, w // p + 1))[:h, :w]
                image = np.clip(128 + 60 * plane[..., None] * rng.uniform(0.3, 1, 3), 0, 255).astype(np.uint8)
            else:
                background = (255, 255, 255) if index % 3 else (30, 30, 36)
                foreground = (20, 20, 20) if index % 3 else (220, 220, 220)
                canvas = Image.new("RGB", (w, h), background)
                draw = ImageDraw.Draw(canvas)
                size = int(rng.integers(11, 28))
                font = ImageFont.load_default(size)  # the font Pillow ships: nothing read outside the repo
                y = 4
                if kind == "screenshot":  # title bar, sidebar, buttons, then text
                    draw.rectangle([0, 0, w, 28], fill=(60, 90, 160))
                    draw.rectangle([0, 28, w // 5, h], fill=(235, 236, 240) if index % 3 else (45, 45, 52))
                    for b in range(int(rng.integers(2, 6))):
                        x0 = w // 5 + 20 + b * 110
                        draw.rounded_rectangle([x0, h - 50, x0 + 95, h - 20], 6, fill=(90, 140, 220))
                    y = 40
                while y < h - size:
                    line = " ".join(rng.choice(words) for _ in range(int(rng.integers(3, 14))))
                    draw.text((w // 5 + 8 if kind == "screenshot" else 8, y), line, fill=foreground, font=font)
                    y += int(size * 1.5)
                image = np.array(canvas)[:, :, ::-1].copy()
        yield kind, f"c{index:04d}_{kind}", image


# ---------------------------------------------------------------------------------------------- attacks

def attacks(bgr):
    import cv2
    import numpy as np
    from PIL import Image
    h, w = bgr.shape[:2]

    def jpeg(q):
        buffer = io.BytesIO()
        Image.fromarray(bgr[:, :, ::-1]).save(buffer, "JPEG", quality=q, subsampling=2)
        return np.array(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))[:, :, ::-1].copy()

    def resize(factor, interpolation):
        return cv2.resize(bgr, (round(w * factor), round(h * factor)), interpolation=interpolation)

    def centre(keep):
        side = keep ** 0.5
        cw, ch = int(w * side), int(h * side)
        return bgr[(h - ch) // 2:(h - ch) // 2 + ch, (w - cw) // 2:(w - cw) // 2 + cw].copy()

    def stripped():
        buffer = io.BytesIO()
        Image.fromarray(bgr[:, :, ::-1]).save(buffer, "PNG")  # Pillow writes no ancillary chunks
        return np.array(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))[:, :, ::-1].copy()

    yield "none (PNG)", bgr
    yield "JPEG q90 4:2:0", jpeg(90)
    yield "JPEG q75 4:2:0", jpeg(75)
    yield "JPEG q50 4:2:0", jpeg(50)
    yield "resize 0.5 (area)", resize(0.5, cv2.INTER_AREA)
    yield "resize 0.75 (area)", resize(0.75, cv2.INTER_AREA)
    yield "resize 1.5 (cubic)", resize(1.5, cv2.INTER_CUBIC)
    yield "centre crop 50 % area", centre(0.5)
    yield "centre crop 25 % area", centre(0.25)
    yield "brightness x1.2", np.clip(bgr.astype(np.float32) * 1.2, 0, 255).astype(np.uint8)
    noise = np.random.default_rng(0).normal(0, 5, bgr.shape)
    yield "noise sigma 5", np.clip(bgr.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    yield "metadata stripped", stripped()
    yield "screenshot (0.8 + PNG)", resize(0.8, cv2.INTER_LINEAR)


# ---------------------------------------------------------------------------------------------- peers

def peers():
    import numpy as np
    site = os.path.dirname(os.path.dirname(importlib.util.find_spec("blind_watermark").origin))

    def load(name, path):
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    max_dct = load("maxDct", os.path.join(site, "imwatermark", "maxDct.py"))
    dwt_svd = load("dwtDctSvd", os.path.join(site, "imwatermark", "dwtDctSvd.py"))
    from blind_watermark import WaterMark, bw_notes
    bw_notes.close()

    class Imwatermark:
        def __init__(self, cls):
            self.cls = cls

        def embed(self, bgr, bits):
            return self.cls(list(bits), wmLen=BITS).encode(bgr.copy())

        def decode(self, bgr):
            if bgr.shape[0] * bgr.shape[1] < 256 * 256:
                return None
            return np.array(self.cls([], wmLen=BITS).decode(bgr), dtype=int)

    class Blind:
        def embed(self, bgr, bits):
            mark = WaterMark(password_img=1, password_wm=1, processes=1)
            mark.read_img(img=bgr.copy())
            mark.read_wm([bool(b) for b in bits], mode="bit")
            return np.clip(np.round(mark.embed()), 0, 255).astype(np.uint8)

        def decode(self, bgr):
            mark = WaterMark(password_img=1, password_wm=1, processes=1)
            try:
                return (np.array(mark.extract(embed_img=bgr, wm_shape=BITS, mode="bit"), dtype=float) > 0.5).astype(int)
            except Exception:
                return None

    return {"imwatermark dwtDct": Imwatermark(max_dct.EmbedMaxDct),
            "imwatermark dwtDctSvd": Imwatermark(dwt_svd.EmbedDwtDctSvd), "blind-watermark": Blind()}


def psnr(a, b):
    import numpy as np
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return 99.0 if mse == 0 else 10 * np.log10(255 ** 2 / mse)


# ---------------------------------------------------------------------------------------------- runs

def run_ours(images):
    import cv2
    os.makedirs(os.path.join(WORK, "photos"), exist_ok=True)
    os.makedirs(os.path.join(WORK, "marked"), exist_ok=True)
    os.makedirs(os.path.join(WORK, "attacked"), exist_ok=True)
    paths = []
    for name, image in images:
        path = os.path.join(WORK, "photos", name + ".png")
        cv2.imwrite(path, image)
        paths.append(path)
    embedded = {os.path.splitext(row["out"])[0]: row for row in
                ours("embed", "--out", os.path.join(WORK, "marked"), paths)}
    rows, attacked, expected = {}, [], {}
    for name, image in images:
        marked = cv2.imread(os.path.join(WORK, "marked", name + ".png"), cv2.IMREAD_COLOR)
        embedded[name]["psnr_measured"] = psnr(image, marked)
        for index, (attack, picture) in enumerate(attacks(marked)):
            path = os.path.join(WORK, "attacked", f"{name}__{index:02d}.png")
            cv2.imwrite(path, picture)
            attacked.append(path)
            expected[path] = (name, attack)
    for row in ours("detect", attacked):
        name, attack = expected[row["file"]]
        rows.setdefault(attack, []).append(dict(exact=row["payload"] == embedded[name]["payload"],
                                                detected=row["outcome"] == "detected", z=row["z"],
                                                scale=row["scale"], ms=row["detect_ms"], mp=row["megapixels"]))
    return embedded, rows


def run_peer(method, images):
    import numpy as np
    rng = np.random.default_rng(64)
    rows, psnrs, embed_ms, decode_ms = {}, [], [], []
    for name, image in images:
        bits = rng.integers(0, 2, BITS)
        megapixels = image.shape[0] * image.shape[1] / 1e6
        start = time.perf_counter()
        marked = method.embed(image, bits)
        embed_ms.append((time.perf_counter() - start) * 1e3 / megapixels)
        psnrs.append(psnr(image, marked))
        for attack, picture in attacks(marked):
            start = time.perf_counter()
            decoded = method.decode(picture)
            if attack == "none (PNG)":
                decode_ms.append((time.perf_counter() - start) * 1e3 / megapixels)
            accuracy = 0.0 if decoded is None else float((decoded == bits).mean())
            # 64 bits: ≥ 51 matching bits is the binomial threshold for FPR ≤ 1e-6 (watermark.md §3.3)
            rows.setdefault(attack, []).append(dict(exact=accuracy == 1.0, detected=accuracy * BITS >= 51,
                                                    accuracy=accuracy))
    return rows, psnrs, embed_ms, decode_ms


def run_peers(images, cache):
    """Runs every peer on the photos and saves what the tables need (peers do not change between runs
    of ours; `--only peers` measures them again)."""
    saved = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "methods": {}}
    for name, method in peers().items():
        rows, psnrs, embed_ms, decode_ms = run_peer(method, images)
        saved["methods"][name] = (rows, psnrs, (median(embed_ms), median(decode_ms)))
        print(f"{name}: done", file=sys.stderr, flush=True)
    saved["load"] = " ".join(f"{value:.2f}" for value in os.getloadavg())
    os.makedirs(WORK, exist_ok=True)
    with open(cache, "w") as handle:
        json.dump(saved, handle)


def peer_speed(images):
    """Embed and decode CPU time per megapixel (time.process_time: every thread of this process,
    with OpenCV and BLAS held to one), median over the photos, no attack."""
    import cv2
    cv2.setNumThreads(1)
    import numpy as np
    rng = np.random.default_rng(64)
    out = {}
    for name, method in peers().items():
        embed_ms, decode_ms = [], []
        for _, image in images:
            megapixels = image.shape[0] * image.shape[1] / 1e6
            bits = rng.integers(0, 2, BITS)
            start = time.process_time()
            marked = method.embed(image, bits)
            embed_ms.append((time.process_time() - start) * 1e3 / megapixels)
            start = time.process_time()
            method.decode(marked)
            decode_ms.append((time.process_time() - start) * 1e3 / megapixels)
        out[name] = (median(embed_ms), median(decode_ms))
    return out


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--clean", type=int, default=1050)
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--only", choices=["robustness", "clean", "speed", "peers"], default=None)
    parser.add_argument("--speed-photos", type=int, default=8)
    parser.add_argument("--speed-repeats", type=int, default=5)
    args = parser.parse_args()
    ensure_venv()
    global BINARY
    BINARY = bench_binary() if args.only != "peers" else ""
    print(f"load average at start: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    images = photos(args.photos)
    if args.only == "peers":
        run_peers(images, os.path.join(WORK, f"peers-{len(images)}.json"))
        return
    if args.only in (None, "robustness"):
        sizes = sorted({f"{i.shape[1]}×{i.shape[0]}" for _, i in images})
        print(f"\n{len(images)} photos ({', '.join(sizes)}), 13 attacks\n")
        embedded, our_rows = run_ours(images)
        results = {"ours (LabelerPixels)": our_rows}
        psnr_rows = {"ours (LabelerPixels)": [row["psnr_measured"] for row in embedded.values()]}
        speed = {"ours (LabelerPixels)": (median([r["embed_ms"] / r["megapixels"] for r in embedded.values()]),
                                          median([r["ms"] / r["mp"] for r in our_rows["none (PNG)"]]))}
        if not args.skip_peers:
            cache = os.path.join(WORK, f"peers-{len(images)}.json")
            if not os.path.exists(cache):
                run_peers(images, cache)
            with open(cache) as handle:
                saved = json.load(handle)
            print(f"(peers: {cache}, measured {saved['when']}, load average then {saved['load']})\n")
            for name, (rows, psnrs, speeds) in saved["methods"].items():
                results[name], psnr_rows[name], speed[name] = rows, psnrs, tuple(speeds)
        methods = list(results)
        print("Exact 64-bit payload recovered (share of photos); ours: CRC-checked payload equal to the one embedded.\n")
        print("| attack | " + " | ".join(methods) + " |")
        print("|---" * (len(methods) + 1) + "|")
        for attack in results[methods[0]]:
            cells = []
            for method in methods:
                rows = results[method].get(attack, [])
                cells.append(f"{sum(r['exact'] for r in rows) / max(len(rows), 1):.2f}")
            print(f"| {attack} | " + " | ".join(cells) + " |")
        print("\nOurs per attack: detected at z ≥ threshold, min / median z, median scale found\n")
        print("| attack | detected | min z | median z | median scale |")
        print("|---|---|---|---|---|")
        for attack, rows in our_rows.items():
            zs = [r["z"] for r in rows]
            print(f"| {attack} | {sum(r['detected'] for r in rows)}/{len(rows)} | {min(zs):.1f} | {median(zs):.1f} | "
                  f"{median([r['scale'] for r in rows]):.3f} |")
        print("\n| method | PSNR min | PSNR median | embed ms/MP (median) | decode ms/MP (median, native) |")
        print("|---|---|---|---|---|")
        for method in methods:
            values = psnr_rows[method]
            print(f"| {method} | {min(values):.2f} | {median(values):.2f} | {speed[method][0]:.1f} | "
                  f"{speed[method][1]:.1f} |")
    if args.only in (None, "clean"):
        folder = os.path.join(WORK, "clean")
        os.makedirs(folder, exist_ok=True)
        import cv2
        kinds, paths = {}, []
        for kind, name, image in clean_images(args.clean):
            path = os.path.join(folder, name + ".png")
            cv2.imwrite(path, image)
            kinds[path] = kind
            paths.append(path)
        rows = ours("detect", paths)
        import math
        hypotheses = max(row["hypotheses"] for row in rows)
        low, high = 0.0, 20.0
        for _ in range(100):  # the z where hypotheses × Q(z) = 1e-6
            middle = (low + high) / 2
            low, high = (middle, high) if hypotheses * 0.5 * math.erfc(middle / 2 ** 0.5) > 1e-6 else (low, middle)
        print(f"\n{len(rows)} unmarked images through our detector (rescale search after a native miss); "
              f"threshold z = {high:.2f} ({hypotheses} hypotheses × Q(z) = 1e-6)\n")
        print("| kind | images | detected | unreadable | absent | insufficient signal | max z | median ms |")
        print("|---|---|---|---|---|---|---|---|")
        by_kind = {}
        for row in rows:
            by_kind.setdefault(kinds[row["file"]], []).append(row)
        for kind, group in list(by_kind.items()) + [("all", rows)]:
            print(f"| {kind} | {len(group)} | {sum(r['outcome'] == 'detected' for r in group)} | "
                  f"{sum(r['outcome'] == 'unreadable' for r in group)} | "
                  f"{sum(r['outcome'] == 'absent' for r in group)} | "
                  f"{sum(r['outcome'] == 'insufficientSignal' for r in group)} | {max(r['z'] for r in group):.2f} | "
                  f"{median([r['detect_ms'] for r in group]):.0f} |")
        worst = max(rows, key=lambda r: r["z"])
        print(f"\nhighest clean z {worst['z']:.2f} ({os.path.basename(worst['file'])}, scale {worst['scale']:.3f}), "
              f"its bound {worst['bound']:.2g} over {worst['hypotheses']} hypotheses")
    if args.only in (None, "speed"):
        chosen = images[:args.speed_photos]
        paths = []
        for name, image in chosen:
            import cv2
            path = os.path.join(WORK, "photos", name + ".png")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            cv2.imwrite(path, image)
            paths.append(path)
        rows = ours("speed", "--repeats", str(args.speed_repeats), paths)
        print("\nSpeed, one core, raster in memory, CPU time of the working thread (wall clock in brackets; "
              "median of the repeats): embed; detect on the marked image (native hit); detect on the unmarked image "
              "(native miss, then the full rescale search)\n")
        print("| image | MP | embed ms/MP | detect native ms/MP | full search ms per image | full search ms/MP |")
        print("|---|---|---|---|---|---|")
        for row in rows:
            mp = row["megapixels"]
            print(f"| {os.path.basename(row['file'])} | {mp:.2f} | {row['embed_cpu_ms'] / mp:.1f} "
                  f"({row['embed_ms'] / mp:.1f}) | {row['detect_native_cpu_ms'] / mp:.1f} "
                  f"({row['detect_native_ms'] / mp:.1f}) | {row['detect_search_cpu_ms']:.0f} "
                  f"({row['detect_search_ms']:.0f}) | {row['detect_search_cpu_ms'] / mp:.0f} |")
        ours_embed = median([r["embed_cpu_ms"] / r["megapixels"] for r in rows])
        ours_detect = median([r["detect_native_cpu_ms"] / r["megapixels"] for r in rows])
        ours_search = median([r["detect_search_cpu_ms"] / r["megapixels"] for r in rows])
        print(f"\nmedian CPU: embed {ours_embed:.1f} ms/MP, native detect {ours_detect:.1f} ms/MP, full search "
              f"{ours_search:.0f} ms/MP")
        best_embed = median([r["embed_best_cpu_ms"] / r["megapixels"] for r in rows])
        best_detect = median([r["detect_native_best_cpu_ms"] / r["megapixels"] for r in rows])
        best_search = median([r["detect_search_best_cpu_ms"] / r["megapixels"] for r in rows])
        print(f"best of {args.speed_repeats} CPU (the least of the repeats, median over the photos: a shared VM's noise "
              f"only adds): embed {best_embed:.1f} ms/MP, native detect {best_detect:.1f} ms/MP, full search "
              f"{best_search:.0f} ms/MP")
        if not args.skip_peers:
            speeds = peer_speed(chosen)
            print("\nSame photos, peers in this process (CPU time, one thread), no attack:\n")
            print("| method | embed ms/MP | decode ms/MP | ours embed faster by | ours native detect faster by |")
            print("|---|---|---|---|---|")
            print(f"| ours (LabelerPixels) | {ours_embed:.1f} | {ours_detect:.1f} | — | — |")
            for name, (embed_ms, decode_ms) in speeds.items():
                print(f"| {name} | {embed_ms:.1f} | {decode_ms:.1f} | {embed_ms / ours_embed:.1f}× | "
                      f"{decode_ms / ours_detect:.1f}× |")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()

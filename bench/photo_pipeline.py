"""Benchmark the photo pipeline on 12-megapixel phone-like JPEGs, against stock Pelican in the same run.

    python -m bench.photo_pipeline [--photos 8]

Reports: milliseconds per photo for the whole pipeline (one process), the bytes of each
derivative against the original, and wall time of a cold build, a rebuild with every photo
cached, and stock Pelican (no plugins, default theme: it copies the originals, GPS and all).
"""

import argparse
import io
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent

from plugins.photos.pipeline import Recipe, make_derivatives

RECIPE = Recipe((480, 960, 1600), ("webp", "jpeg"), 82, 80, 120_000_000)
SIZE = (4000, 3000)  # 12 megapixels, as a phone takes them


def phone_photo(seed: int) -> bytes:
    """A photo-like 12 MP JPEG: sky gradient, shapes, blur and sensor noise; EXIF orientation and GPS."""
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
        r = rng.randrange(40, 600)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(6))
    image = Image.blend(image, Image.effect_noise(SIZE, 18).convert("RGB"), 0.08)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (43.0, 10.0, 0.0), 3: "E", 4: (124.0, 22.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


def write_site(folder: Path, photos: list[bytes]) -> Path:
    """A content folder with one photo-news item per photo."""
    content = folder / "content"
    (content / "images").mkdir(parents=True)
    (content / "photos").mkdir()
    for number, data in enumerate(photos):
        (content / "images" / f"p{number}.jpg").write_bytes(data)
        (content / "photos" / f"p{number}.md").write_text(
            f"Title: 图片新闻第{number}张\nDate: 2026-11-24 09:{number:02d}\nCategory: 图片新闻\nAuthors: 高欣\n"
            f"Photo: images/p{number}.jpg\nAlt: 活动现场\n\n近日，铁东区举办活动。\n本报通讯员 高欣 摄\n",
            encoding="utf-8",
        )
    return content


def timed_build(content: Path, output: Path, *extra: str) -> tuple[float, float | None]:
    """Wall seconds of one `pelican` run, and the seconds the photos plugin says it spent."""
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-v", *extra],
        cwd=ROOT, check=True, capture_output=True, text=True, env=dict(os.environ, COLUMNS="300"),
    )
    wall = time.perf_counter() - start
    photos = re.search(r"photos: \d+ made, \d+ from cache, ([\d.]+) s", run.stdout)
    return round(wall, 2), float(photos[1]) if photos else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=8)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-photos-"))
    photos = [phone_photo(seed) for seed in range(args.photos)]
    content = write_site(work, photos)

    per_photo_ms = []
    for number in range(min(4, args.photos)):
        start = time.perf_counter()
        written = make_derivatives(content / "images" / f"p{number}.jpg", RECIPE, work / "single" / str(number))
        per_photo_ms.append((time.perf_counter() - start) * 1000)
    sizes = {path.name: path.stat().st_size for path in written}
    original = len(photos[number])

    ours = ["-s", "pelicanconf.py", "-e", f'CACHE_PATH="{work / "cache"}"']
    stock = ["-s", str(work / "stock.py")]
    (work / "stock.py").write_text('THEME = "notmyidea"\nPLUGINS = []\nTIMEZONE = "Asia/Shanghai"\n', encoding="utf-8")
    results = {
        "photos": args.photos,
        "megapixels": SIZE[0] * SIZE[1] / 1e6,
        "cores": os.cpu_count(),
        "pipeline_ms_per_photo_median": round(statistics.median(per_photo_ms)),
        "original_bytes": original,
        "derivative_bytes": dict(sorted(sizes.items(), key=lambda item: (int(item[0].split(".")[0]), item[0]))),
    }
    results["stock_pelican_build_s"], _ = timed_build(content, work / "stock-out", *stock)
    results["cold_build_s"], results["cold_build_photo_step_s"] = timed_build(content, work / "out", *ours)
    results["cached_rebuild_s"], results["cached_rebuild_photo_step_s"] = timed_build(content, work / "out", *ours)
    results["derivatives_total_vs_original"] = round(sum(sizes.values()) / original, 3)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "photos.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

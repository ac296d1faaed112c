"""Draw the demo site's three illustrations (示意图) with Pillow; run once, the JPEGs are committed.

The bulletin's real photographs are not available, so each item gets a plainly labelled
illustration of its scene, at a camera-like size, rather than a stock photo that would mislead.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "content" / "images"
SIZE = (1600, 1067)


def sky(draw: ImageDraw.ImageDraw, top: tuple, bottom: tuple, height: int) -> None:
    """Fill a vertical gradient from `top` to `bottom` colour over `height` rows."""
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.line([(0, y), (SIZE[0], y)], fill=colour)


def person(draw: ImageDraw.ImageDraw, x: int, ground: int, scale: float, colour: tuple) -> None:
    """A simple standing figure: head and body."""
    head = int(34 * scale)
    body_h = int(150 * scale)
    draw.ellipse([x - head, ground - body_h - 2 * head, x + head, ground - body_h], fill=(236, 200, 170))
    draw.rounded_rectangle([x - int(48 * scale), ground - body_h, x + int(48 * scale), ground], radius=int(24 * scale), fill=colour)


def grain(image: Image.Image, seed: int) -> Image.Image:
    """Add light sensor-like noise so the file has a photo's entropy and size."""
    rng = random.Random(seed)
    noise = Image.effect_noise(SIZE, 22).convert("RGB")
    blended = Image.blend(image, noise, 0.06)
    return blended.filter(ImageFilter.GaussianBlur(0.6 + rng.random() * 0.2))


def jinqiu_zhuxue() -> Image.Image:
    """Autumn day, a row of students holding red envelopes."""
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    sky(draw, (250, 214, 150), (236, 150, 80), 700)
    draw.rectangle([0, 700, SIZE[0], SIZE[1]], fill=(150, 110, 70))
    for i in range(9):
        x = 160 + i * 160
        person(draw, x, 900, 1.0 + (i % 3) * 0.08, [(40, 70, 140), (200, 60, 50), (60, 120, 90)][i % 3])
        draw.rectangle([x - 26, 760, x + 26, 800], fill=(210, 30, 30))
    return image


def minzu_xuanjiang() -> Image.Image:
    """A lecture hall: a speaker at a lectern, rows of listeners."""
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    sky(draw, (120, 30, 30), (170, 50, 45), 520)
    draw.rectangle([0, 520, SIZE[0], SIZE[1]], fill=(90, 70, 60))
    draw.rectangle([300, 120, 1300, 320], fill=(200, 40, 40), outline=(250, 210, 120), width=8)
    draw.rectangle([740, 380, 860, 560], fill=(120, 80, 50))
    person(draw, 800, 420, 0.9, (30, 40, 60))
    for row in range(3):
        for i in range(12):
            person(draw, 90 + i * 130 + (row % 2) * 60, 760 + row * 120, 0.7, (50 + row * 30, 60, 90))
    return image


def loudao_qingli() -> Image.Image:
    """A stairwell being cleared: boxes and a worker in uniform."""
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    sky(draw, (215, 215, 205), (180, 180, 170), SIZE[1])
    for step in range(8):
        y = 1067 - step * 90
        draw.rectangle([200 + step * 120, y - 90, SIZE[0], y], fill=(150 - step * 5, 150 - step * 5, 145))
    for i, (x, y) in enumerate([(260, 880), (380, 900), (320, 800), (520, 820)]):
        draw.rectangle([x, y, x + 110, y + 90], fill=(170 - i * 10, 120, 70), outline=(90, 60, 30), width=4)
    person(draw, 1000, 700, 1.2, (30, 60, 110))
    draw.rectangle([930, 470, 1070, 500], fill=(240, 240, 240))
    return image


def main() -> None:
    """Write the three illustrations as JPEGs into content/images/."""
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, (name, draw) in enumerate(
        [("jinqiu-zhuxue", jinqiu_zhuxue), ("minzu-xuanjiang", minzu_xuanjiang), ("loudao-qingli", loudao_qingli)]
    ):
        grain(draw(), seed).save(OUT / f"{name}.jpg", quality=85, optimize=True, progressive=True)


if __name__ == "__main__":
    main()

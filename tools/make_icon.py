"""Draws CourseKeeper's application icon: resources/icons/coursekeeper.ico and .png.

A white clipboard with a green tick on a blue rounded square: a course list, checked off.
Each size is drawn on its own at 8x and scaled down, and the small sizes leave out the
list lines so that the tick stays legible at 16 px.

    python tools/make_icon.py
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
SUPERSAMPLE = 8

BLUE_TOP = (38, 110, 180)
BLUE_BOTTOM = (22, 70, 128)
PAPER = (255, 255, 255)
CLIP = (205, 214, 224)
LINE = (170, 184, 200)
TICK = (34, 160, 90)


def _draw(size: int) -> Image.Image:
    s = size * SUPERSAMPLE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))

    # Background: rounded square with a vertical gradient.
    gradient = Image.new("RGBA", (s, s))
    gd = ImageDraw.Draw(gradient)
    for y in range(s):
        t = y / (s - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True))
        gd.line([(0, y), (s, y)], fill=(*colour, 255))
    mask = Image.new("L", (s, s), 0)
    margin = 0 if size <= 24 else s * 0.03
    ImageDraw.Draw(mask).rounded_rectangle(
        [margin, margin, s - 1 - margin, s - 1 - margin], radius=s * 0.2, fill=255
    )
    img.paste(gradient, (0, 0), mask)

    d = ImageDraw.Draw(img)
    # Clipboard sheet.
    left, right = s * 0.22, s * 0.78
    top, bottom = s * 0.20, s * 0.86
    d.rounded_rectangle([left, top, right, bottom], radius=s * 0.05, fill=PAPER)
    # Clip at the top.
    d.rounded_rectangle(
        [s * 0.36, s * 0.12, s * 0.64, s * 0.27],
        radius=s * 0.04,
        fill=CLIP,
        outline=PAPER,
        width=max(1, round(s * 0.02)),
    )
    # List lines, only where there is room for them.
    if size >= 40:
        lw = max(1, round(s * 0.035))
        for frac in (0.34, 0.43):
            y = s * frac
            d.line([(s * 0.32, y), (s * 0.68, y)], fill=LINE, width=lw)
    # The tick.
    tick_width = round(s * (0.13 if size <= 24 else 0.10))
    points = [(s * 0.34, s * 0.66), (s * 0.46, s * 0.77), (s * 0.68, s * 0.54)]
    if size < 40:
        points = [(s * 0.31, s * 0.55), (s * 0.45, s * 0.70), (s * 0.70, s * 0.40)]
    d.line(points, fill=TICK, width=tick_width, joint="curve")
    r = tick_width / 2
    for x, y in (points[0], points[-1]):
        d.ellipse([x - r, y - r, x + r, y + r], fill=TICK)

    return img.resize((size, size), Image.Resampling.LANCZOS)


def _dib(image: Image.Image) -> bytes:
    """A 32-bit BMP icon entry: header, bottom-up BGRA rows, then the 1-bit AND mask."""
    w, h = image.size
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = image.transpose(Image.Transpose.FLIP_TOP_BOTTOM).tobytes("raw", "BGRA")
    mask_row = ((w + 31) // 32) * 4
    return header + pixels + bytes(mask_row * h)


def _ico(images: list[Image.Image]) -> bytes:
    """An .ico with BMP entries for the small sizes and a PNG entry for 256 px, as Windows'
    own icons have them (PNG entries below 256 px trip up some older tools)."""
    entries = []
    for image in images:
        if image.width >= 256:
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=True)
            entries.append((image.width, buf.getvalue()))
        else:
            entries.append((image.width, _dib(image)))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    images = [_draw(size) for size in SIZES]
    big = images[-1]
    big.save(OUT_DIR / "coursekeeper.png", optimize=True)
    (OUT_DIR / "coursekeeper.ico").write_bytes(_ico(images))


if __name__ == "__main__":
    main()

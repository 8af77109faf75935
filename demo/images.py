"""Pictures for the demo network, drawn with Pillow: skylines, waves, flags-like stripes, charts.

Every painter takes the size to draw at and returns an RGB image; randomness is seeded by the
painter's arguments, so the same image is drawn on every machine.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

Colour = str | tuple[int, int, int]

WHITE = (255, 255, 255)
INK = (28, 33, 48)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _wrap(draw: ImageDraw.ImageDraw, words: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for word in words.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def skyline(size: tuple[int, int], *, sky: tuple[Colour, Colour], buildings: Colour, sun: Colour, seed: str) -> Image.Image:
    """A city at dusk: sky gradient, low sun, buildings with lit windows."""
    rng = random.Random(seed)
    width, height = size
    picture = _gradient(size, *sky)
    draw = ImageDraw.Draw(picture)
    radius = height // 7
    centre = (int(width * rng.uniform(0.6, 0.8)), int(height * 0.45))
    draw.ellipse([centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius], fill=sun)
    x = 0
    while x < width:
        building_width = rng.randint(width // 24, width // 10)
        top = int(height * rng.uniform(0.35, 0.75))
        draw.rectangle([x, top, x + building_width, height], fill=buildings)
        if rng.random() < 0.2:
            draw.polygon([(x, top), (x + building_width // 2, top - height // 10), (x + building_width, top)], fill=buildings)
        for wy in range(top + 14, height - 10, 26):
            for wx in range(x + 8, x + building_width - 10, 18):
                if rng.random() < 0.35:
                    draw.rectangle([wx, wy, wx + 7, wy + 11], fill=(250, 214, 120))
        x += building_width + rng.randint(2, 12)
    return picture


def network(size: tuple[int, int], *, background: tuple[Colour, Colour], line: Colour, node: Colour, seed: str) -> Image.Image:
    """Connected nodes, the house picture for digital diplomacy."""
    rng = random.Random(seed)
    width, height = size
    picture = _gradient(size, *background)
    draw = ImageDraw.Draw(picture)
    points = [(rng.randint(40, width - 40), rng.randint(40, height - 40)) for _ in range(46)]
    for index, (x, y) in enumerate(points):
        nearest = sorted(points, key=lambda other: (other[0] - x) ** 2 + (other[1] - y) ** 2)[1:4]
        for other in nearest:
            draw.line([(x, y), other], fill=line, width=3)
        radius = 8 + (index % 4) * 5
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=node, outline=WHITE, width=2)
    return picture


def waves(size: tuple[int, int], *, sky: tuple[Colour, Colour], water: tuple[Colour, ...], sun: Colour | None = None) -> Image.Image:
    """Layered waves under a sky: rivers, sea, climate."""
    width, height = size
    picture = _gradient(size, *sky)
    draw = ImageDraw.Draw(picture)
    if sun:
        radius = height // 8
        draw.ellipse([width // 5 - radius, height // 4 - radius, width // 5 + radius, height // 4 + radius], fill=sun)
    for layer, colour in enumerate(water):
        base = height * (0.45 + 0.13 * layer)
        amplitude = height * (0.05 - 0.008 * layer)
        period = width / (2.0 + layer * 0.7)
        outline = [(x, base + amplitude * math.sin(2 * math.pi * x / period + layer)) for x in range(0, width + 20, 20)]
        draw.polygon([*outline, (width, height), (0, height)], fill=colour)
    return picture


def stripes(size: tuple[int, int], *, colours: tuple[Colour, ...], emblem: Colour, vertical: bool = False) -> Image.Image:
    """Flag-like stripes with a round emblem: statements, national days, multilateral work."""
    width, height = size
    picture = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(picture)
    count = len(colours)
    for index, colour in enumerate(colours):
        if vertical:
            draw.rectangle([index * width // count, 0, (index + 1) * width // count, height], fill=colour)
        else:
            draw.rectangle([0, index * height // count, width, (index + 1) * height // count], fill=colour)
    radius = height // 5
    cx, cy = width // 2, height // 2
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=emblem, outline=WHITE, width=8)
    for ray in range(12):
        angle = 2 * math.pi * ray / 12
        inner, outer = radius * 0.35, radius * 0.8
        draw.line(
            [(cx + inner * math.cos(angle), cy + inner * math.sin(angle)), (cx + outer * math.cos(angle), cy + outer * math.sin(angle))],
            fill=WHITE,
            width=6,
        )
    return picture


def film_strip(size: tuple[int, int], *, background: Colour, frames: tuple[Colour, ...]) -> Image.Image:
    """A diagonal strip of film frames: film weeks and screenings."""
    width, height = size
    strip = Image.new("RGB", (width * 2, height // 3), (20, 20, 24))
    draw = ImageDraw.Draw(strip)
    frame_width = strip.height * 4 // 3
    for index, x in enumerate(range(0, strip.width, frame_width + 24)):
        draw.rectangle([x, 36, x + frame_width, strip.height - 36], fill=frames[index % len(frames)])
        for hole in range(x, x + frame_width, 40):
            draw.rectangle([hole, 10, hole + 18, 26], fill=(235, 235, 235))
            draw.rectangle([hole, strip.height - 26, hole + 18, strip.height - 10], fill=(235, 235, 235))
    strip = strip.rotate(-12, expand=True, fillcolor=background)
    picture = Image.new("RGB", size, background)
    picture.paste(strip, ((width - strip.width) // 2, (height - strip.height) // 2))
    return picture


def lights(size: tuple[int, int], *, background: tuple[Colour, Colour], colours: tuple[Colour, ...], seed: str) -> Image.Image:
    """Soft round lights and lanterns: festivals, concerts, receptions."""
    rng = random.Random(seed)
    width, height = size
    picture = _gradient(size, *background)
    overlay = Image.new("RGB", size, (0, 0, 0))
    mask = Image.new("L", size, 0)
    draw, mask_draw = ImageDraw.Draw(overlay), ImageDraw.Draw(mask)
    for _ in range(60):
        radius = rng.randint(height // 40, height // 9)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(colours))
        mask_draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.randint(90, 200))
    return Image.composite(overlay, picture, mask)


def mosaic(size: tuple[int, int], *, colours: tuple[Colour, ...], seed: str, tile: int = 90) -> Image.Image:
    """Triangular tiles: exhibitions, heritage, design."""
    rng = random.Random(seed)
    width, height = size
    picture = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(picture)
    for top in range(0, height, tile):
        for left in range(0, width, tile):
            corners = [(left, top), (left + tile, top), (left + tile, top + tile), (left, top + tile)]
            split = rng.randint(0, 1)
            draw.polygon([corners[0], corners[1], corners[2 + split]], fill=rng.choice(colours))
            draw.polygon([corners[2], corners[3], corners[split]], fill=rng.choice(colours))
    return picture


def podium(size: tuple[int, int], *, backdrop: Colour, accent: Colour) -> Image.Image:
    """A briefing-room backdrop with a lectern: press briefings and the virtual press centre."""
    width, height = size
    picture = _gradient(size, backdrop, INK)
    draw = ImageDraw.Draw(picture)
    for row, y in enumerate(range(60, int(height * 0.7), 140)):
        for x in range(60 + (row % 2) * 110, width, 220):
            draw.ellipse([x, y, x + 70, y + 70], outline=accent, width=5)
    draw.polygon(
        [(width * 0.42, height * 0.55), (width * 0.58, height * 0.55), (width * 0.55, height), (width * 0.45, height)], fill=(50, 38, 30)
    )
    draw.rectangle([width * 0.47, height * 0.6, width * 0.53, height * 0.66], fill=accent)
    draw.line([(width * 0.5, height * 0.55), (width * 0.5, height * 0.47)], fill=(40, 40, 40), width=6)
    return picture


def bar_chart(
    size: tuple[int, int],
    *,
    title: str,
    subtitle: str,
    bars: tuple[tuple[str, float], ...],
    unit: str,
    source: str,
    colours: tuple[Colour, Colour],
) -> Image.Image:
    """An infographic: a titled bar chart with values, labels and its source."""
    width, height = size
    picture = Image.new("RGB", size, (246, 244, 239))
    draw = ImageDraw.Draw(picture)
    margin = width // 14
    draw.rectangle([0, 0, width, height // 60], fill=colours[0])
    y = margin
    for line in _wrap(draw, title, _font(width // 18), width - 2 * margin):
        draw.text((margin, y), line, font=_font(width // 18), fill=INK)
        y += width // 16
    draw.text((margin, y + 10), subtitle, font=_font(width // 34), fill=(90, 96, 110))
    chart_top, chart_bottom = y + width // 8, height - margin - width // 12
    largest = max(value for _label, value in bars)
    slot = (width - 2 * margin) / len(bars)
    for index, (label, value) in enumerate(bars):
        left = margin + index * slot + slot * 0.15
        right = left + slot * 0.7
        top = chart_bottom - (chart_bottom - chart_top) * value / largest
        draw.rectangle([left, top, right, chart_bottom], fill=colours[index == len(bars) - 1])
        figure = f"{value:,.0f}{unit}" if value >= 10 else f"{value:g}{unit}"
        draw.text(((left + right) / 2, top - 10), figure, font=_font(width // 30), fill=INK, anchor="md")
        draw.text(((left + right) / 2, chart_bottom + 14), label, font=_font(width // 36), fill=INK, anchor="ma")
    draw.line([(margin, chart_bottom), (width - margin, chart_bottom)], fill=INK, width=3)
    draw.text((margin, height - margin // 2), source, font=_font(width // 48), fill=(90, 96, 110), anchor="ld")
    return picture


def social_card(size: tuple[int, int], *, headline: str, hashtag: str, background: tuple[Colour, Colour], accent: Colour) -> Image.Image:
    """A square card for social media: a headline and the campaign's hashtag."""
    width, height = size
    picture = _gradient(size, *background)
    draw = ImageDraw.Draw(picture)
    margin = width // 10
    draw.rectangle([margin, margin, margin + width // 6, margin + 14], fill=accent)
    font = _font(width // 13)
    y = margin * 2
    for line in _wrap(draw, headline, font, width - 2 * margin):
        draw.text((margin, y), line, font=font, fill=WHITE)
        y += width // 11
    draw.text((margin, height - margin), hashtag, font=_font(width // 16), fill=accent, anchor="ld")
    return picture


def document_pdf(*, heading: str, lines: tuple[str, ...], accent: Colour = (20, 60, 120)) -> bytes:
    """A one-page A4 PDF with a heading band and wrapped paragraphs."""
    width, height = 1240, 1754  # A4 at 150 dpi
    page = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, width, 170], fill=accent)
    draw.text((100, 85), heading, font=_font(46), fill=WHITE, anchor="lm")
    y = 260
    for paragraph in lines:
        for line in _wrap(draw, paragraph, _font(30), width - 200):
            draw.text((100, y), line, font=_font(30), fill=INK)
            y += 44
        y += 26
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


def encoded(picture: Image.Image, file_format: str) -> bytes:
    """The picture as file bytes (JPEG for scenes, PNG for text and charts)."""
    buffer = io.BytesIO()
    if file_format == "JPEG":
        picture.save(buffer, "JPEG", quality=86, optimize=True)
    else:
        picture.save(buffer, file_format, optimize=True)
    return buffer.getvalue()

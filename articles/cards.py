"""Quote cards: a 1200×630 PNG per confirmed quote, for link previews (`og:image`).

Drawn once when the quote is confirmed or changes, stored, and served as a file: page views never
run Pillow. The fonts are DejaVu (free licence, see articles/fonts/LICENSE-DejaVu.txt), bundled so
cards look the same on every machine.
"""

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).with_name("fonts")
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (27, 27, 31)
ACCENT = (215, 80, 115)
INK = (250, 246, 240)
MUTED = (200, 196, 190)


# Changed whenever the drawing changes: a card's file name then changes too, so a file, once
# served, never changes under its name and caches may keep it for a year.
DESIGN = "1"


def card_signature(words: str, speaker: str, work: str) -> str:
    """A short fingerprint of what a card shows, so an unchanged quote keeps its file."""
    return hashlib.sha256("\x1f".join([DESIGN, words, speaker, work]).encode()).hexdigest()[:16]


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw_quote_card(words: str, speaker: str, work: str = "", site: str = "Callboard") -> bytes:
    """The card as PNG bytes: the words as large as fits, then the speaker, the work and the site."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 12, HEIGHT], fill=ACCENT)
    text_width = WIDTH - 2 * MARGIN
    text_height = HEIGHT - 2 * MARGIN - 110
    quoted = f"“{words.strip()}”"
    for size in range(64, 17, -2):
        font = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), size)
        lines = _wrap(draw, quoted, font, text_width)
        line_height = int(size * 1.3)
        if len(lines) * line_height <= text_height:
            break
    else:
        # Very long quotes: keep what fits and end with an ellipsis.
        lines = lines[: text_height // line_height]
        lines[-1] = lines[-1].rstrip("”") + "…”"
    y = MARGIN
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=INK)
        y += line_height
    label_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 34)
    small_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 26)
    attribution = f"— {speaker}" + (f", {work}" if work else "")
    attribution = _wrap(draw, attribution, label_font, text_width)[0]
    draw.text((MARGIN, HEIGHT - MARGIN - 70), attribution, font=label_font, fill=INK)
    draw.text((MARGIN, HEIGHT - MARGIN - 20), site.upper(), font=small_font, fill=ACCENT)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

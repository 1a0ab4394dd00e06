"""Draw each page's link-preview image: the PNG that chat tools show beside a pasted link.

One 1200 x 630 image per page of ``docs/``, written to ``SITE_DIR/assets/social/<page>.png``
(``index.md`` gives ``index.png``), where ``overrides/main.html`` points ``og:image`` at it.
Each shows the guide's name, the page's title and, on a page with a calculator, the first
headline result of its first calculator at the default inputs, as the page pre-renders it
(text from ``calculator.format_value``, through ``calculator.display.present``). A page
without a calculator shows its description instead.

Drawn with Pillow in Roboto (the ``fontpkg-roboto`` package, SIL Open Font License 1.1):
nothing is fetched and no system font is used. The guide's colours are those of
``docs/stylesheets/theme.css``. The same sources give the same bytes: the layout engine is
Pillow's own (not Raqm), and the PNGs carry no time or other metadata.

Run after ``mkdocs build`` (``scripts/build_site.py`` does), which only names the images
when ``GUIDE_SOCIAL_IMAGES`` is set: a build without this step names none.

Usage: python scripts/social_images.py SITE_DIR
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import fontpkg
from mkdocs.utils.meta import get_data
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
if str(ROOT) not in sys.path:  # run as a script: the cost model lives at the root
    sys.path.insert(0, str(ROOT))

from calculator import calculate  # noqa: E402
from calculator.display import present  # noqa: E402
from calculator.registry import lookup  # noqa: E402

SITE_NAME = "Tune or Prompt"
OUT = Path("assets") / "social"
SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 72
SKIP = ("snippets/",)  # mkdocs.yml: exclude_docs

# docs/stylesheets/theme.css (light scheme) and Material's text colour on white
PRIMARY = "#00695c"  # header; white on it is 6.6:1
PRIMARY_DARK = "#004d40"
ACCENT = "#b3360b"
TEXT = "#212121"  # Material's rgba(0, 0, 0, 0.87) on white
MUTED = "#5c5c5c"  # 6.2:1 on the calculators' #f5f5f5
PANEL = "#f5f5f5"  # the calculators' background
WHITE = "#ffffff"

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*calculator\b[^\n]*\n[ \t]*(\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Headline:
    label: str
    text: str


@dataclass(frozen=True)
class Page:
    src: str  # path under docs/, e.g. "index.md"
    title: str
    description: str
    headline: Headline | None

    @property
    def image(self):
        """The image's path under the site, as overrides/main.html names it."""
        return (OUT / self.src).with_suffix(".png").as_posix()


def first_calculator(markdown):
    """The id in the page's first ``calculator`` fence, or None.

    >>> first_calculator("Text.\\n\\n```calculator\\noverview\\n```\\n```calculator\\nx\\n```")
    'overview'
    >>> first_calculator("No calculator here.") is None
    True
    """
    match = FENCE.search(markdown)
    return match.group(2) if match else None


def headline_of(calculator_id):
    """The first headline result of a calculator at its default inputs, as the page shows it."""
    output = next(o for o in lookup(calculator_id).outputs if o.headline)
    shown = present(calculator_id, calculate(calculator_id, {}))
    return Headline(output.label, shown[output.key]["text"])


def read_page(src):
    markdown, meta = get_data((DOCS / src).read_text(encoding="utf-8"))
    calculator_id = first_calculator(markdown)
    return Page(
        src=src,
        title=str(meta["title"]),
        description=str(meta.get("description", "")),
        headline=headline_of(calculator_id) if calculator_id else None,
    )


def headline_for(page):
    """The headline drawn on the image of ``page`` (a path under docs/), or None.

    >>> headline_for("index.md").label
    'Fine-tuning, total over the horizon'
    """
    return read_page(page).headline


def pages():
    """Every page of the guide, in path order."""
    sources = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    return [read_page(src) for src in sources if not src.startswith(SKIP)]


# --- Drawing -------------------------------------------------------------------------------

FONT_FILE = fontpkg.path("Roboto")  # a variable font: weight set per use


def font(size, weight=400):
    face = ImageFont.truetype(str(FONT_FILE), size, layout_engine=ImageFont.Layout.BASIC)
    face.set_variation_by_axes([weight, 100])  # axes: weight, width
    return face


def wrap(text, face, width):
    """Greedy word wrap; None if a single word is wider than ``width``."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if face.getlength(trial) <= width:
            line = trial
            continue
        if not line or face.getlength(word) > width:
            return None
        lines.append(line)
        line = word
    return [*lines, line] if line else lines


def fit(text, width, height, sizes, weight, leading=1.2, max_lines=None):
    """The largest of ``sizes`` at which ``text`` wraps within width x height, in at most
    ``max_lines`` lines.

    Returns (font, lines, line height); at the smallest size, lines past the box are cut and
    the last one kept ends with an ellipsis.
    """
    for size in sizes:
        face = font(size, weight)
        step = round(size * leading)
        keep = min(max(1, height // step), max_lines or len(text))
        lines = wrap(text, face, width)
        if lines is not None and len(lines) <= keep:
            return face, lines, step
    lines = (wrap(text, face, width) or [text])[:keep]
    last = lines[-1]
    while last and face.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return face, lines, step


def draw_lines(draw, xy, lines, face, step, fill):
    x, y = xy
    for line in lines:
        draw.text((x, y), line, font=face, fill=fill)
        y += step
    return y


def render(page):
    """The page's preview image, as a palette PNG-ready ``Image``."""
    image = Image.new("RGB", SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN

    # The header band, as on the site: the guide's name in white on its teal.
    band = 120
    draw.rectangle((0, 0, WIDTH, band), fill=PRIMARY)
    draw.rectangle((0, band, WIDTH, band + 6), fill=PRIMARY_DARK)
    name = font(44, 700)
    draw.text((MARGIN, band // 2), SITE_NAME, font=name, fill=WHITE, anchor="lm")

    # The result card at the bottom (or the description, on a page without a calculator).
    bottom = HEIGHT - 12 - 56
    if page.headline:
        card_h = 176
        top = bottom - card_h
        draw.rectangle((MARGIN, top, WIDTH - MARGIN, bottom), fill=PANEL)
        draw.rectangle((MARGIN, top, MARGIN + 10, bottom), fill=PRIMARY)
        pad = MARGIN + 10 + 32
        text_w = WIDTH - MARGIN - 32 - pad
        label_face, label_lines, label_step = fit(
            page.headline.label, text_w, 40, range(32, 21, -1), 400, max_lines=1
        )
        draw_lines(draw, (pad, top + 26), label_lines, label_face, label_step, MUTED)
        value_face, value_lines, _ = fit(
            page.headline.text, text_w, 84, range(72, 35, -2), 700, leading=1.15, max_lines=1
        )
        draw.text((pad, top + 76), value_lines[0], font=value_face, fill=PRIMARY)
        title_bottom = top - 36
    else:
        title_bottom = bottom - 3 * 42 - 36  # room for the description below the title

    # The page's title, as large as fits between the band and what is below it.
    title_top = band + 6 + 44
    face, lines, step = fit(
        page.title, inner, title_bottom - title_top, range(76, 39, -2), 700, leading=1.15
    )
    end = draw_lines(draw, (MARGIN, title_top), lines, face, step, TEXT)
    if not page.headline:
        face, lines, step = fit(page.description, inner, bottom - end - 28, range(34, 23, -1), 400)
        draw_lines(draw, (MARGIN, end + 28), lines, face, step, MUTED)

    # The accent line along the bottom edge.
    draw.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=ACCENT)
    # A palette of 64 colours keeps each image small; text edges stay smooth.
    return image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def write(site):
    """Write every page's image under ``site``; return {path under the site: bytes}."""
    out = Path(site) / OUT
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.rglob("*.png"):
        stale.unlink()
    sizes = {}
    for page in pages():
        target = Path(site) / page.image
        target.parent.mkdir(parents=True, exist_ok=True)
        render(page).save(target, format="PNG", optimize=True)
        sizes[page.image] = target.stat().st_size
    return sizes


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    sizes = write(Path(argv[0]) if argv else ROOT / "site")
    total = sum(sizes.values())
    print(f"social images: {len(sizes)} pages, {total / 1024:.0f} KB in {OUT.as_posix()}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Charts as SVG text, drawn from a result: the build writes them into the pages (readers
without JavaScript see them) and the worker returns them live, so there is one way a chart
is made. Every number on a chart is text from :func:`calculator.format_value`.

Charts carry ``role="img"`` with a title and a description a screen reader reads; hovering
over a chart shows the values at that point (a ``<title>`` per column). Nothing in them is
focusable: the data table beside every chart is the keyboard route to the same values.
Colours and dash patterns come from classes (``tp-chart__...``) that the stylesheet sets
for the light and dark palettes; lines also differ by dash, not by colour alone.

>>> svg = line_chart(
...     [{"month": 0, "a": 0.0}, {"month": 12, "a": 1200.0}],
...     x=("month", "Month", "months"), lines=[("a", "Cost", "money")],
...     title="Cost by month", chart_id="demo")
>>> svg.startswith('<svg') and "Month 12: Cost $1,200" in svg
True
"""

from __future__ import annotations

import math
from html import escape  # html, not xml.sax.saxutils: that one imports half the stdlib

from .units import format_value

__all__ = ["line_chart", "nice_scale", "tornado_chart"]

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 76, 16, 40, 44
FONT = 13  # in viewBox units: 13 px at 640 px wide, about 12 px at the guide's column width


def nice_scale(low, high, steps=4):
    """Axis bounds rounded out to 1, 2 or 5 times a power of ten, with about ``steps`` steps.

    >>> nice_scale(0, 751_500)
    (0.0, 800000.0, 200000.0)
    >>> nice_scale(-3_730, 10_000)
    (-5000.0, 10000.0, 5000.0)
    """
    if high == low:
        high = low + 1
    raw = (high - low) / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return math.floor(low / step) * step * 1.0, math.ceil(high / step) * step * 1.0, step * 1.0


def _attrs(**attrs):
    return " ".join(
        f'{k.rstrip("_").replace("_", "-")}="{v if type(v) in (int, float) else escape(str(v))}"'
        for k, v in attrs.items()
    )


def _tag(name, text=None, **attrs):
    open_ = f"<{name} {_attrs(**attrs)}" if attrs else f"<{name}"
    return f"{open_}/>" if text is None else f"{open_}>{text}</{name}>"


def _svg(parts, title, summary, chart_id, width, height, kind=""):
    """The chart's <svg>: an image named by its title and described by ``summary``."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    head = _tag("title", escape(title), id=title_id) + _tag("desc", escape(summary), id=desc_id)
    return _tag(
        "svg",
        head + "".join(parts),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        class_=f"tp-chart__svg {kind}".strip(),
        role="img",
        aria_labelledby=f"{title_id} {desc_id}",
    )


def line_chart(
    rows, *, x, lines, title, chart_id, currency=None, texts=None, marks=(), behind=None
):
    """An SVG line chart of ``rows``: ``x`` and each of ``lines`` are (key, label, unit).

    ``chart_id`` makes the ids inside the SVG unique on a page. ``texts``, if given, holds
    each row's values already formatted (key -> text), as the data table shows them.
    ``marks`` are (value along x, label) pairs, drawn as labelled vertical lines.
    ``behind``, if given, holds the rows of another scenario (the pinned one of a
    comparison), drawn faded behind these on the same axes.

    >>> a = [{"month": 0, "a": 0.0}, {"month": 24, "a": 3000.0}]
    >>> svg = line_chart(a[:1] + [{"month": 12, "a": 1200.0}], x=("month", "Month", "months"),
    ...                  lines=[("a", "Cost", "money")], title="T", chart_id="c", behind=a)
    >>> svg.count("tp-chart__line--behind"), "Month 24" in svg
    (1, False)
    """
    drawn = [*rows, *(behind or ())]
    xs = [row[x[0]] for row in rows]
    values = [row[key] for row in drawn for key, _, _ in lines if row[key] is not None] or [0.0]
    low, high, step = nice_scale(min(0.0, *values), max(0.0, *values))
    x0, x1 = min(row[x[0]] for row in drawn), max(row[x[0]] for row in drawn)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(value):
        return LEFT + (value - x0) / ((x1 - x0) or 1) * plot_w

    def py(value):
        return TOP + (1 - (value - low) / (high - low)) * plot_h

    def money(value, unit, **kw):  # number text holds no markup characters
        return format_value(value, unit, currency, **kw)

    if texts is None:
        keys = [(x[0], x[2]), *((key, unit) for key, _, unit in lines)]
        texts = [{key: money(row[key], unit) for key, unit in keys} for row in rows]
    x_label = escape(x[1])

    parts = []
    # grid and y axis labels
    tick = low
    while tick <= high + step / 2:
        y = round(py(tick), 1)
        parts.append(
            _tag(
                "line",
                x1=LEFT,
                x2=WIDTH - RIGHT,
                y1=y,
                y2=y,
                class_="tp-chart__zero" if tick == 0 else "tp-chart__grid",
            )
        )
        parts.append(
            _tag(
                "text",
                money(tick, lines[0][2], compact=True),
                x=LEFT - 8,
                y=y + FONT / 3,
                class_="tp-chart__tick",
                text_anchor="end",
            )
        )
        tick += step
    # x axis labels: first, middle, last
    for value in sorted({xs[0], xs[len(xs) // 2], xs[-1]}):
        parts.append(
            _tag(
                "text",
                money(value, x[2]),
                x=round(px(value), 1),
                y=HEIGHT - BOTTOM + FONT + 8,
                class_="tp-chart__tick",
                text_anchor="middle",
            )
        )
    parts.append(
        _tag(
            "text",
            escape(x[1]),
            x=LEFT + plot_w / 2,
            y=HEIGHT - 8,
            class_="tp-chart__axis",
            text_anchor="middle",
        )
    )
    # the other scenario's lines, faded behind; then the lines, each with a legend entry
    for n, (key, _, _) in enumerate(lines if behind else ()):
        path = " ".join(
            f"{px(row[x[0]]):.1f},{py(row[key]):.1f}" for row in behind if row[key] is not None
        )
        parts.append(
            _tag(
                "polyline",
                points=path,
                class_=f"tp-chart__line tp-chart__line--{n} tp-chart__line--behind",
            )
        )
    legend_x = LEFT
    for n, (key, label, _) in enumerate(lines):
        path = " ".join(
            f"{px(row[x[0]]):.1f},{py(row[key]):.1f}" for row in rows if row[key] is not None
        )
        parts.append(_tag("polyline", points=path, class_=f"tp-chart__line tp-chart__line--{n}"))
        parts.append(
            _tag(
                "line",
                x1=legend_x,
                x2=legend_x + 24,
                y1=14,
                y2=14,
                class_=f"tp-chart__line tp-chart__line--{n}",
            )
        )
        parts.append(
            _tag("text", escape(label), x=legend_x + 30, y=14 + FONT / 3, class_="tp-chart__key")
        )
        legend_x += 30 + 11 * len(label) + 20  # room for the larger text on phones
    for value, mark in marks:
        if value is None or not x0 <= value <= x1:
            continue
        at = round(px(value), 1)
        parts.append(
            _tag("line", x1=at, x2=at, y1=TOP - 4, y2=TOP + plot_h, class_="tp-chart__base")
        )
        parts.append(
            _tag(
                "text",
                escape(mark),
                x=at,
                y=TOP - 8,
                class_="tp-chart__tick tp-chart__mark",
                text_anchor="middle",
            )
        )
    # hover: a column per x value whose title gives every line's value there; built as plain
    # text (numbers and fixed names need no escaping), since a chart is drawn on every edit
    names = [escape(label) for _, label, _ in lines]
    step_w = plot_w / max(1, len(rows) - 1)
    parts.append(
        '<g class="tp-chart__hover">'
        + "".join(
            f'<rect x="{px(row[x[0]]) - step_w / 2:.1f}" y="{TOP}" width="{step_w:.1f}" '
            f'height="{plot_h}"><title>{x_label} {text[x[0]]}: '
            + "; ".join(
                f"{name} {text[key]}"
                for name, (key, _, _) in zip(names, lines, strict=True)
                if row[key] is not None
            )
            + "</title></rect>"
            for row, text in zip(rows, texts, strict=True)
        )
        + "</g>"
    )
    last = rows[-1]
    summary = "; ".join(
        f"{label} {money(last[key], unit)} at {x[1].lower()} {money(last[x[0]], x[2])}"
        for key, label, unit in lines
        if last[key] is not None
    )
    if behind:
        summary += ". Faded behind: the same lines for the pinned scenario A"
    return _svg(parts, title, summary, chart_id, WIDTH, HEIGHT)


def _short(label):
    """A bar's label without its parenthesis: 'Expert personnel (ML ...)' -> 'Expert personnel'."""
    return label.split(" (")[0]


def tornado_chart(
    rows, *, label, low, high, base, unit, title, chart_id, currency=None, axis="", texts=None
):
    """An SVG tornado of ``rows``: one bar per row from its ``low`` to its ``high`` value
    (keys of the rows), labelled by its ``label`` key, around the ``base`` value (a line),
    with zero marked too. Rows are drawn in the order given (largest swing first).
    ``texts``, if given, holds each row's values already formatted, as in :func:`line_chart`.

    >>> svg = tornado_chart([{"name": "Support", "lo": -1.0, "hi": 3.0}], label="name",
    ...     low="lo", high="hi", base=1.0, unit="money", title="What moves it", chart_id="t")
    >>> "Support: -$1 at its low end, $3 at its high end" in svg
    True
    """
    width, left, right, top, bar, gap = 760, 300, 24, 44, 18, 8
    height = top + len(rows) * (bar + gap) + 56
    ends = [v for row in rows for v in (row[low], row[high])]
    lo, hi, step = nice_scale(min(0.0, base, *ends), max(0.0, base, *ends))
    plot_w = width - left - right

    def px(value):
        return left + (value - lo) / (hi - lo) * plot_w

    def text(value, **kw):
        return format_value(value, unit, currency, **kw)

    parts = []
    tick = lo
    while tick <= hi + step / 2:
        x = round(px(tick), 1)
        parts.append(_tag("line", x1=x, x2=x, y1=top - 6, y2=height - 50, class_="tp-chart__grid"))
        parts.append(
            _tag(
                "text",
                text(tick, compact=True),
                x=x,
                y=height - 32,
                class_="tp-chart__tick",
                text_anchor="middle",
            )
        )
        tick += step
    if axis:
        parts.append(
            _tag(
                "text",
                escape(axis),
                x=left + plot_w / 2,
                y=height - 8,
                class_="tp-chart__axis",
                text_anchor="middle",
            )
        )
    # one bar, its name and its two ends per row, written out directly (this runs on every
    # edit; numbers and formatted amounts need no escaping, names are escaped once)
    for n, row in enumerate(rows):
        y = top + n * (bar + gap)
        a, b = sorted((px(row[low]), px(row[high])))
        full = escape(row[label])
        if texts is None:
            low_text, high_text = text(row[low]), text(row[high])
        else:
            low_text, high_text = texts[n][low], texts[n][high]
        ends_text = f"{text(row[low], compact=True)} to {text(row[high], compact=True)}"
        after = b + 6 + len(ends_text) * FONT * 0.55 <= width - right  # else before the bar
        parts.append(
            f"<g><title>{full}: {low_text} at its low end, {high_text} at its high end</title>"
            f'<rect x="{a:.1f}" y="{y}" width="{max(b - a, 1.5):.1f}" height="{bar}" '
            f'class="tp-chart__bar"/></g>'
            f'<text x="{left - 8}" y="{y + bar - 5}" class="tp-chart__key" text-anchor="end">'
            f"{escape(_short(row[label]))}</text>"
            f'<text x="{round(b + 6 if after else a - 6, 1)}" y="{y + bar - 5}" '
            f'class="tp-chart__value" text-anchor="{"start" if after else "end"}">'
            f"{escape(ends_text)}</text>"
        )
    for value, name, css in (
        (0.0, "equal cost", "tp-chart__zero"),
        (base, "now", "tp-chart__base"),
    ):
        x = round(px(value), 1)
        parts.append(_tag("line", x1=x, x2=x, y1=top - 14, y2=height - 50, class_=css))
        parts.append(
            _tag(
                "text", escape(name), x=x, y=top - 18, class_="tp-chart__tick", text_anchor="middle"
            )
        )
    first = rows[0] if rows else None
    summary = (
        f"Now {text(base)}. Largest swing: {_short(first[label])}, from {text(first[low])} to "
        f"{text(first[high])}."
        if first
        else f"Now {text(base)}."
    )
    return _svg(parts, title, summary, chart_id, width, height, "tp-chart__svg--tornado")

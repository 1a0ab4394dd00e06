"""Build-time HTML for the guide: calculator forms with their default results, and tables
of the article's figures. Everything comes from ``calculator.schema()`` and
``calculator.calculate()``; nothing here knows a calculator by name.

The DOM follows the contract in DESIGN.md: ``<form data-calculator="ID"
data-status="static">``, controls with ``name="FIELD"``, results with ``data-output="KEY"``
and, for numbers, ``data-value="RAW"``.
"""

from __future__ import annotations

import json
from html import escape

from calculator import calculate, schema
from calculator import figures as fig

SCHEMA = schema()
LABELS = SCHEMA["labels"]
CURRENCY = "$"

STATIC_NOTE = (
    "Showing the results for the default inputs. The calculator computes your own "
    "numbers once scripts run in your browser."
)


class RenderError(ValueError):
    """A page asks for something the model does not have (unknown calculator or table)."""


# --------------------------------------------------------------------------- formatting


def format_number(value, unit):
    """Text for a number of ``unit``, as the page shows it before scripts run.

    >>> format_number(751500.0, "money"), format_number(5166.666, "money")
    ('$751,500', '$5,166.67')
    >>> format_number(0.00525, "money"), format_number(40.0, "money")
    ('$0.0053', '$40')
    >>> format_number(621602.41, "money")
    '$621,602'
    >>> format_number(2.956, "ratio"), format_number(None, "months"), format_number(0.9, "share")
    ('2.96×', 'never', '90%')
    """
    if value is None:
        return "never" if unit in ("months", "count") else "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if unit in ("money", "money_per_million_tokens"):
        sign = "-" if value < 0 else ""
        size = abs(value)
        whole = abs(size - round(size)) < 0.005 or size >= 100_000  # no cents on big sums
        digits = 4 if size < 1 and size != 0 else 0 if whole else 2
        return f"{sign}{CURRENCY}{size:,.{digits}f}"
    if unit == "ratio":
        return f"{value:.2f}×"
    if unit == "share":
        return f"{value * 100:.4g}%"
    if abs(value - round(value)) >= 0.05 and abs(value) < 1000:
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def format_value(value, unit):
    """Text for any scalar result: numbers, flags, and labelled text values."""
    if unit == "text":
        return LABELS.get(value, str(value))
    if unit == "flag":
        return "yes" if value else "no"
    return format_number(value, unit)


def raw_value(value):
    """The unformatted value for ``data-value``: JSON for numbers, flags and null."""
    if isinstance(value, str):
        return value
    return json.dumps(value)


# --------------------------------------------------------------------------- fields


def _attrs(**attrs):
    parts = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value))}"')
    return " ".join(parts)


def _default_text(field):
    value = field["default"]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if field["kind"] == "integer" or float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def render_field(calc_id, field):
    name = field["name"]
    dom_id = f"{calc_id}-{name}"
    help_id, error_id = f"{dom_id}-help", f"{dom_id}-error"
    described = f"{help_id} {error_id}"
    if field["kind"] == "boolean":
        attrs = _attrs(
            type="checkbox",
            id=dom_id,
            name=name,
            value="true",
            checked=bool(field["default"]),
            aria_describedby=described,
        )
        control = f'<input {attrs}> <label for="{dom_id}">{escape(field["label"])}</label>'
        label = ""
    elif field["kind"] == "choice":
        options = "".join(
            f"<option {_attrs(value=key, selected=key == field['default'])}>{escape(text)}</option>"
            for key, text in field["choices"]
        )
        label = f'<label for="{dom_id}">{escape(field["label"])}</label>'
        control = (
            f"<select {_attrs(id=dom_id, name=name, aria_describedby=described)}>{options}</select>"
        )
    else:
        label = f'<label for="{dom_id}">{escape(field["label"])}{_unit_hint(field)}</label>'
        placeholder = field["placeholder"] or None
        control = (
            "<input "
            + _attrs(
                type="text",
                id=dom_id,
                name=name,
                value=_default_text(field),
                inputmode="numeric" if field["kind"] == "integer" else "decimal",
                autocomplete="off",
                spellcheck="false",
                placeholder=placeholder,
                data_default=_default_text(field),
                aria_describedby=described,
            )
            + ">"
        )
    badge = ""
    if field["source"] == "illustrative":
        badge = f' <span class="tp-badge" title="{escape(field["why"])}">Illustrative: {escape(field["why"])}.</span>'
    elif field["source"] == "article":
        badge = ' <span class="tp-badge tp-badge--article">From the article.</span>'
    kind_class = f"tp-field--{field['kind']}"
    return (
        f'<div class="tp-field {kind_class}" data-field="{escape(name)}">'
        f"{label}{control}"
        f'<p class="tp-field__help" id="{help_id}">{escape(field["help"])}{badge}</p>'
        f'<p class="tp-field__error" id="{error_id}" data-role="error" role="alert" hidden></p>'
        "</div>"
    )


_UNIT_HINTS = {
    "money": f"({CURRENCY})",
    "money_per_million_tokens": f"({CURRENCY} per million tokens)",
    "share": "(0 to 1)",
    "months": "(months)",
}


def _unit_hint(field):
    hint = _UNIT_HINTS.get(field["unit"])
    return f' <span class="tp-unit">{escape(hint)}</span>' if hint else ""


# --------------------------------------------------------------------------- outputs


def render_cell(value, unit):
    if unit == "text":
        return f"<td>{escape(LABELS.get(value, str(value)))}</td>"
    return (
        f'<td class="tp-num" data-value="{escape(raw_value(value))}">'
        f"{escape(format_value(value, unit))}</td>"
    )


def render_table(output, rows):
    head = "".join(
        f'<th scope="col" data-unit="{escape(unit)}">{escape(label)}</th>'
        for _, label, unit in output["columns"]
    )
    body = "".join(
        "<tr>"
        + "".join(render_cell(row[key], unit) for key, _, unit in output["columns"])
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="tp-table-wrap"><table class="tp-table" data-output="{escape(output["key"])}"'
        f' data-rows="{len(rows)}"><caption>{escape(output["label"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def render_output(output, value):
    key, unit = output["key"], output["unit"]
    if unit == "list":
        items = "".join(f"<li>{escape(str(item))}</li>" for item in value)
        return (
            f'<div class="tp-out tp-out--list"><p class="tp-out__label">{escape(output["label"])}</p>'
            f'<ul data-output="{escape(key)}">{items}</ul></div>'
        )
    if unit == "table":
        return f'<div class="tp-out tp-out--table">{render_table(output, value)}</div>'
    if unit == "series":
        return (
            f'<details class="tp-out tp-out--series"><summary>{escape(output["label"])}'
            f" ({len(value)} rows)</summary>{render_table(output, value)}</details>"
        )
    help_ = f' title="{escape(output["help"])}"' if output["help"] else ""
    return (
        f'<div class="tp-out"{help_}><dt>{escape(output["label"])}</dt>'
        f'<dd data-output="{escape(key)}" data-unit="{escape(unit)}"'
        f' data-value="{escape(raw_value(value))}">{escape(format_value(value, unit))}</dd></div>'
    )


def render_results(calc, result):
    """(results beside the inputs, full-width tables below both)."""
    scalars, blocks, tables = [], [], []
    for output in calc["outputs"]:
        html = render_output(output, result[output["key"]])
        unit = output["unit"]
        (tables if unit == "table" else blocks if unit in ("list", "series") else scalars).append(
            html
        )
    return f'<dl class="tp-outs">{"".join(scalars)}</dl>{"".join(blocks)}', "".join(tables)


# --------------------------------------------------------------------------- calculator


def render_calculator(calc_id):
    """The whole ``<form>`` for ``calc_id`` with default results, as static HTML."""
    calc = SCHEMA["calculators"].get(calc_id)
    if calc is None:
        known = ", ".join(SCHEMA["calculators"])
        raise RenderError(f"unknown calculator {calc_id!r} in a calculator fence; known: {known}")
    result = calculate(calc_id, {})
    main = [render_field(calc_id, f) for f in calc["fields"] if not f["advanced"]]
    more = [render_field(calc_id, f) for f in calc["fields"] if f["advanced"]]
    more_html = (
        f'<details class="tp-more"><summary>More inputs ({len(more)})</summary>{"".join(more)}</details>'
        if more
        else ""
    )
    source = SCHEMA["source"]
    beside, below = render_results(calc, result)
    tables = (
        f'<section class="tp-calc__tables" aria-label="Result tables" aria-live="polite">{below}</section>'
        if below
        else ""
    )
    return (
        f'<form class="tp-calc" id="calc-{calc_id}" data-calculator="{calc_id}" data-status="static" data-currency="{escape(CURRENCY)}"'
        f' novalidate aria-labelledby="calc-{calc_id}-title" aria-describedby="calc-{calc_id}-question">'
        f'<div class="tp-calc__head"><p class="tp-calc__title" id="calc-{calc_id}-title">'
        f"Calculator: {escape(calc['title'])}</p>"
        f'<p class="tp-calc__question" id="calc-{calc_id}-question">{escape(calc["question"])}</p></div>'
        f'<div class="tp-calc__body"><fieldset class="tp-calc__inputs"><legend>Your inputs</legend>'
        f"{''.join(main)}{more_html}</fieldset>"
        f'<section class="tp-calc__results" aria-label="Results" aria-live="polite"'
        f' data-role="results">{beside}'
        f'<p class="tp-calc__source">Figures as of {escape(source["figures_as_of"])}: '
        f"“{escape(source['title'])}” ({escape(source['date'])}). "
        f"Illustrative defaults are marked; enter your own.</p></section>{tables}</div>"
        f'<div class="tp-calc__foot"><p class="tp-calc__status" data-role="status" role="status">'
        f"{escape(STATIC_NOTE)}</p>"
        f'<div class="tp-calc__actions"><button type="button" class="md-button" data-action="copy-link"'
        f" disabled>Copy link with these inputs</button>"
        f'<button type="button" class="md-button" data-action="reset" disabled>Reset</button>'
        f'<button type="button" class="md-button" data-action="download-csv" disabled>CSV</button>'
        f'<button type="button" class="md-button" data-action="download-json" disabled>JSON</button>'
        f'<button type="button" class="md-button" data-action="load-json" disabled>Load JSON</button>'
        f'<input type="file" accept=".json,application/json" data-role="scenario-file" hidden'
        f' aria-label="Scenario file to load">'
        f'<button type="button" class="md-button" data-action="print" disabled>Print memo</button>'
        "</div></div></form>"
    )


# --------------------------------------------------------------------------- figure tables


def format_range(low, high, unit="money"):
    """``low–high`` in ``unit``.

    >>> format_range(500, 2000)
    '$500–$2,000'
    """
    return f"{format_number(low, unit)}–{format_number(high, unit)}"


def _period_text(item):
    return "one-off" if item.period == "one_off" else f"per {item.period}"


def _items_table(phase):
    rows = []
    for item in fig.select(phase=phase):
        rows.append(
            "<tr>"
            f"<td>{escape(fig.APPROACHES[item.approach])}</td>"
            f"<td><code>{item.id}</code> {escape(item.label)}</td>"
            f'<td class="tp-num">{format_number(item.low, "money")}</td>'
            f'<td class="tp-num">{format_number(item.high, "money")}</td>'
            f"<td>{_period_text(item)}</td>"
            f'<td class="tp-num">{format_number(item.at(0.5), "money")}</td>'
            "</tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Approach", "Item", "Low", "High", "Period", "Midpoint")
    )
    return (
        f'<div class="tp-table-wrap"><table class="tp-table tp-figures" data-figures="{phase}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _totals_table():
    low, high = fig.item_values(0), fig.item_values(1)
    rows = []
    for approach, prefix in (("fine_tuning", "ft"), ("prompt_engineering", "pe")):
        name = fig.APPROACHES[approach]
        published_initial = fig.PUBLISHED_TOTALS[f"{prefix}_initial"]
        published_monthly = fig.PUBLISHED_TOTALS[f"{prefix}_monthly"]
        for what, published, total in (
            ("Initial investment", published_initial, fig.initial_total),
            ("Running cost per month", published_monthly, fig.monthly_total),
        ):
            recomputed = format_range(total(approach, low), total(approach, high))
            rows.append(
                f"<tr><td>{name}</td><td>{what}</td>"
                f'<td class="tp-num">{format_range(*published)}</td>'
                f'<td class="tp-num">{recomputed}</td></tr>'
            )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Approach", "Total", "As the article prints it", "Recomputed from the items")
    )
    return (
        '<div class="tp-table-wrap"><table class="tp-table tp-figures" data-figures="totals">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _ratios_table():
    rows = []
    for label, r in (("Low ends", 0.0), ("Midpoints", 0.5), ("High ends", 1.0)):
        t = calculate("takeaways", {"range_position": r})
        rows.append(
            f"<tr><td>{label} (range position {r:g})</td>"
            f'<td class="tp-num">{format_number(t["initial_ratio"], "ratio")}</td>'
            f'<td class="tp-num">{format_number(t["ongoing_ratio_as_published"], "ratio")}</td>'
            f'<td class="tp-num">{format_number(t["ongoing_ratio"], "ratio")}</td></tr>'
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in (
            "Figures",
            "Initial ratio (claim 2–4×)",
            "Running ratio as printed (claim 3–5×)",
            "Running ratio, corrected",
        )
    )
    return (
        '<div class="tp-table-wrap"><table class="tp-table tp-figures" data-figures="ratios">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _defaults_table():
    rows = []
    for calc in SCHEMA["calculators"].values():
        for f in calc["fields"]:
            if f["source"] != "illustrative":
                continue
            rows.append(
                f'<tr><td><a href="../{calc["page"][:-3]}/#calc-{calc["id"]}">'
                f"<code>{calc['id']}</code></a></td><td><code>{f['name']}</code></td>"
                f'<td class="tp-num">{escape(format_number(f["default"], f["unit"]))}</td>'
                f"<td>{escape(f['why'])}</td></tr>"
            )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Calculator", "Field", "Default", "Why"))
    return (
        '<div class="tp-table-wrap"><table class="tp-table" data-figures="illustrative">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _formulas():
    parts = []
    for calc in SCHEMA["calculators"].values():
        lines = "".join(f"<li><code>{escape(line)}</code></li>" for line in calc["formula"])
        parts.append(
            f'<h3 id="formula-{calc["id"]}">{escape(calc["title"])} '
            f"(<code>{calc['id']}</code>)</h3><ul>{lines}</ul>"
        )
    return "".join(parts)


TABLES = {
    "initial": lambda: _items_table("initial"),
    "ongoing": lambda: _items_table("ongoing"),
    "totals": _totals_table,
    "ratios": _ratios_table,
    "illustrative": _defaults_table,
    "formulas": _formulas,
}


def render_figures(name):
    """A table of the article's figures (or the methodology's lists), by name."""
    if name not in TABLES:
        raise RenderError(f"unknown figures table {name!r}; known: {', '.join(TABLES)}")
    return TABLES[name]()

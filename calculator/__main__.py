"""Command line: ``python -m calculator`` lists the calculators;
``python -m calculator ID --set FIELD=VALUE ... [--json]`` computes one (with
``--against FIELD=VALUE ...``, beside scenario A: the differences B minus A)
(``--preset KEY=provider/model`` fills a calculator's prices from the price table first;
explicit ``--set`` values win);
``python -m calculator prices [--search TEXT] [--provider NAME]`` lists the model price table.

Text output shows every number as the guide's pages do (:func:`calculator.format_value`);
``--json`` prints the raw, unrounded result.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import CALCULATORS, InputError, calculate, compare, prices
from .base import EXCHANGE_RATE
from .comparison import present_comparison
from .display import present
from .prices import fill
from .registry import lookup
from .units import format_value

PRICES = "prices"  # not a calculator: the model price table


def render(calc, result):
    shown = present(calc.id, result)
    lines = [calc.title, calc.question, ""]
    width = max(len(o.label) for o in calc.outputs)
    for out in calc.outputs:
        view = shown[out.key]
        if out.unit == "list":
            lines.append(f"{out.label}:")
            lines.extend(f"  - {item}" for item in view["items"])
        elif out.unit == "table":
            lines.append(f"{out.label}:")
            lines.append("  " + " | ".join(c.label for c in out.columns))
            lines.extend("  " + " | ".join(cell["text"] for cell in row) for row in view["rows"])
        elif out.unit == "series":
            lines.append(f"{out.label}: {len(view['rows'])} rows (use --json)")
        elif out.unit == "link":
            lines.append(f"{out.label:<{width}}  {view['href'] or view['text']}")
        else:
            lines.append(f"{out.label:<{width}}  {view['text']}")
    lines.append("")
    lines.append(f"Figures: {result['figures_as_of']}")
    return "\n".join(lines)


def render_comparison(calc, both):
    """Each scalar result of scenario B (``--set``) beside A (``--against``), and the
    difference B - A with the change in percent."""
    shown = present_comparison(calc.id, both)
    outputs = [o for o in calc.outputs if o.key in both["delta"]]
    rows = [("", "B (--set)", "A (--against)", "B - A", "change")]
    for out in outputs:
        change = shown["change"][out.key]["text"]
        rows.append(
            (
                out.label,
                shown["b"][out.key]["text"],
                shown["a"][out.key]["text"],
                shown["delta"][out.key]["text"] or "-",
                change or "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [calc.title, calc.question, ""]
    lines.extend("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                 for row in rows)  # fmt: skip
    lines += ["", f"Figures: {both['b']['figures_as_of']}"]
    return "\n".join(lines)


def pairs(parser, option, texts):
    """``FIELD=VALUE`` texts as a dict; a text without ``=`` stops with a usage error."""
    values = {}
    for pair in texts:
        name, sep, value = pair.partition("=")
        if not sep:
            parser.error(f"{option} takes FIELD=VALUE, got {pair!r}")
        values[name.strip()] = value
    return values


def apply_presets(calculator_id, chosen, inputs):
    """Fill ``inputs`` from each ``(key, model)`` preset, in the currency of the
    ``exchange_rate`` set (if any); values already in ``inputs`` win. Returns the notes a
    reader should see (missing prices, where the prices come from)."""
    if not chosen:
        return []
    calc = lookup(calculator_id)
    rate = EXCHANGE_RATE.parse(inputs.get(EXCHANGE_RATE.name, EXCHANGE_RATE.default))
    notes = []
    for key, model in chosen:
        values, missing = fill(calc.preset(key), model, rate)
        for field, value in values.items():
            inputs.setdefault(field, value)
        notes.extend(missing)
    return [*notes, prices.NOTE]


def price_list(search, provider):
    """The price table's rows that match, one a line, and where the prices come from."""
    found = prices.search(search, provider)
    lines = []
    if found:
        width = max(len(m["id"]) for m in found)
        lines.append(f"{'model':<{width}}  input / output / cache read, per million tokens")
        for m in found:
            shown = [format_value(m[k], "money_per_million_tokens") for k in _PRICE_KEYS]
            mark = "  (fine-tuned)" if m["fine_tuned"] else ""
            lines.append(f"{m['id']:<{width}}  {' / '.join(shown)}{mark}")
    lines.append(f"{len(found)} of {len(prices.models())} models. {prices.NOTE}")
    return "\n".join(lines)


_PRICE_KEYS = ("input", "output", "cache_read")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Fine-tuning vs prompt engineering cost calculators.",
    )
    parser.add_argument("calculator", nargs="?", help="calculator id; omit to list them")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="set an input (repeatable)",
    )
    parser.add_argument(
        "--preset",
        action="append",
        default=[],
        metavar="KEY=PROVIDER/MODEL",
        help="fill a preset's prices from the price table (repeatable; --set wins)",
    )
    parser.add_argument(
        "--against",
        nargs="*",
        action="extend",
        metavar="FIELD=VALUE",
        help="compare with scenario A: these inputs (none: the defaults); --set gives B",
    )
    parser.add_argument("--json", action="store_true", help="print the raw result as JSON")
    listing = parser.add_argument_group(f"{PRICES} (the model price table)")
    listing.add_argument("--search", metavar="TEXT", help="models whose id or name has TEXT")
    listing.add_argument("--provider", metavar="NAME", help="models of one provider")
    args = parser.parse_args(argv)

    if args.calculator == PRICES:
        print(price_list(args.search, args.provider))
        return 0
    if args.search is not None or args.provider is not None:
        parser.error(f"--search and --provider go with '{PRICES}'")

    if args.calculator is None:
        width = max(len(cid) for cid in CALCULATORS)
        for cid, calc in CALCULATORS.items():
            print(f"{cid:<{width}}  {calc.title}: {calc.question}")
        print(f"\n{PRICES:<{width}}  the model price table ({prices.SOURCE}); --search, --provider")
        return 0

    inputs = pairs(parser, "--set", args.set)
    against = None if args.against is None else pairs(parser, "--against", args.against)
    chosen = []
    for pair in args.preset:
        key, sep, model = pair.partition("=")
        if not sep:
            parser.error(f"--preset takes KEY=PROVIDER/MODEL, got {pair!r}")
        chosen.append((key.strip(), model.strip()))
    try:
        notes = apply_presets(args.calculator, chosen, inputs)
        if against is not None:
            try:
                calculate(args.calculator, against)
            except InputError as err:
                err.args = (f"scenario A (--against): {err}",)
                raise
            both = compare(args.calculator, against, inputs)
            result = both["b"]
        else:
            result = calculate(args.calculator, inputs)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if against is not None:
        if args.json:
            print(json.dumps(both, indent=2, allow_nan=False))
        else:
            print(render_comparison(CALCULATORS[args.calculator], both))
        return 0
    if args.json:
        print(json.dumps(result, indent=2, allow_nan=False))
    else:
        print(render(CALCULATORS[args.calculator], result))
        for note in notes:
            print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())

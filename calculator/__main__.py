"""Command line: ``python -m calculator`` lists the calculators;
``python -m calculator ID --set FIELD=VALUE ... [--json]`` computes one."""

from __future__ import annotations

import argparse
import json
import sys

from . import CALCULATORS, InputError, calculate


def format_value(value, unit):
    if value is None:
        return "never" if unit in ("months", "count", "money") else "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if unit == "money":
        return f"{value:,.4f}" if abs(value) < 1 else f"{value:,.2f}"
    if unit == "share":
        return f"{value * 100:.1f}%"
    if unit == "ratio":
        return f"{value:.2f}x"
    if unit in ("months", "count"):
        return (
            f"{value:,.1f}" if isinstance(value, float) and value != int(value) else f"{value:,.0f}"
        )
    return str(value)


def render(calc, result):
    lines = [calc.title, calc.question, ""]
    width = max(len(o.label) for o in calc.outputs)
    for out in calc.outputs:
        value = result[out.key]
        if out.unit == "list":
            lines.append(f"{out.label}:")
            lines.extend(f"  - {item}" for item in value)
        elif out.unit == "table":
            lines.append(f"{out.label}:")
            for row in value:
                cells = [format_value(row[key], unit) for key, _, unit in out.columns]
                lines.append("  " + " | ".join(cells))
        elif out.unit == "series":
            lines.append(f"{out.label}: {len(value)} rows (use --json)")
        else:
            lines.append(f"{out.label:<{width}}  {format_value(value, out.unit)}")
    lines.append("")
    lines.append(f"Figures: {result['figures_as_of']}")
    return "\n".join(lines)


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
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)

    if args.calculator is None:
        width = max(len(cid) for cid in CALCULATORS)
        for cid, calc in CALCULATORS.items():
            print(f"{cid:<{width}}  {calc.title}: {calc.question}")
        return 0

    inputs = {}
    for pair in args.set:
        name, sep, value = pair.partition("=")
        if not sep:
            parser.error(f"--set takes FIELD=VALUE, got {pair!r}")
        inputs[name.strip()] = value
    try:
        result = calculate(args.calculator, inputs)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2, allow_nan=False))
    else:
        print(render(CALCULATORS[args.calculator], result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

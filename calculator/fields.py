"""Field and output declarations, and the parsing of reader input.

Every calculator declares its inputs as :class:`Field` objects and its results as
:class:`Output` objects, keyword arguments only, so that a unit and a default cannot swap
places. :func:`parse_inputs` turns a mapping of raw values (numbers, or strings as they
arrive from a form or a URL) into clean Python values, raising :class:`InputError` with the
offending field attached.

>>> f = Field(name="tasks_per_month", label="Tasks per month", unit="count", default=10_000,
...           kind="integer")
>>> parse_inputs((f,), {"tasks_per_month": "2,500"}, "demo")
{'tasks_per_month': 2500}
>>> parse_inputs((f,), {"tasks_per_month": "-1"}, "demo")
Traceback (most recent call last):
  ...
calculator.fields.InputError: Tasks per month (tasks_per_month): must be at least 0, got -1
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass

from .units import UNITS

__all__ = ["Chart", "Check", "Column", "Field", "InputError", "Output", "parse_inputs"]

KINDS = ("number", "integer", "boolean")
SOURCES = ("article", "illustrative", "model")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class InputError(ValueError):
    """Bad input for a calculator: names the field and the reason.

    ``field`` is the field name (``None`` when the calculator id itself is unknown),
    ``reason`` a sentence a reader understands, and ``calculator`` the calculator id.

    >>> err = InputError("cost_per_error", "must be at least 0, got -5", label="Cost per error")
    >>> err.field, str(err)
    ('cost_per_error', 'Cost per error (cost_per_error): must be at least 0, got -5')
    """

    def __init__(self, field, reason, *, label=None, calculator=None):
        self.field = field
        self.reason = reason
        self.label = label
        self.calculator = calculator
        where = f"{label} ({field})" if label and field else (field or calculator or "input")
        super().__init__(f"{where}: {reason}")

    def as_dict(self):
        """Plain data for the browser: field, reason and the full message."""
        return {
            "field": self.field,
            "reason": self.reason,
            "message": str(self),
            "calculator": self.calculator,
        }


def _check_unit(owner, unit):
    if unit not in UNITS:
        raise ValueError(f"{owner}: unknown unit {unit!r}; known: {', '.join(UNITS)}")


@dataclass(frozen=True, kw_only=True)
class Field:
    """One input of a calculator.

    ``default`` of ``None`` marks an optional field: left empty, the model derives the value
    (an article item left empty takes its range at ``range_position``), and ``placeholder``
    says what the empty box stands for. ``source`` says where the default comes from:
    ``"article"``, ``"illustrative"`` (an example, with ``why``) or ``"model"``.
    """

    name: str
    label: str
    unit: str
    default: object
    kind: str = "number"
    minimum: float | None = 0
    maximum: float | None = None
    help: str = ""
    source: str = "model"
    why: str = ""
    advanced: bool = False
    step: float | None = None
    placeholder: str = ""
    positive: bool = False  # must be greater than 0, not only at least ``minimum``
    site_param: str = ""  # a site-wide setting: carried in links as this parameter
    caveat: str = ""  # what a printed memo says of results that depend on this field

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        _check_unit(self.name, self.unit)
        if self.source not in SOURCES:
            raise ValueError(f"{self.name}: unknown source {self.source!r}")
        if self.source == "illustrative" and not self.why:
            raise ValueError(f"{self.name}: an illustrative default needs a reason (why)")
        if self.default is None and not self.placeholder:
            raise ValueError(f"{self.name}: an optional field says what empty means")
        if self.default is not None:
            self.parse(self.default)  # the default itself must be valid

    @property
    def optional(self):
        return self.default is None

    def error(self, reason):
        return InputError(self.name, reason, label=self.label)

    @property
    def money(self):
        """Whether the field holds an amount of money (its default and bounds are in the
        article's dollars, converted by the exchange rate)."""
        return UNITS[self.unit].money

    def default_at(self, rate=1.0):
        """The default in the reader's currency: money defaults converted at ``rate``.

        >>> Field(name="x", label="X", unit="money", default=40.0).default_at(0.5)
        20.0
        """
        return self.default * rate if self.money and self.default is not None else self.default

    def parse(self, raw, rate=1.0):
        """Return the clean value of ``raw`` for this field, or raise :class:`InputError`.
        Money bounds are in the article's dollars, converted at ``rate``."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.optional:
                return None
            raise self.error("enter a value")
        if self.kind == "boolean":
            return self._parse_boolean(raw)
        return self._parse_number(raw, rate if self.money else 1.0)

    def _parse_boolean(self, raw):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise self.error(f"must be true or false, got {_show(raw)}")

    def _parse_number(self, raw, scale=1.0):
        if isinstance(raw, bool):
            raise self.error("must be a number, not true or false")
        if isinstance(raw, int | float):
            value = raw
        elif isinstance(raw, str):
            text = raw.strip().replace("_", "")
            if _THOUSANDS.match(text):
                text = text.replace(",", "")
            try:
                value = float(text)
            except ValueError:
                raise self.error(f"must be a number, got {_show(raw)}") from None
        else:
            raise self.error(f"must be a number, got {type(raw).__name__}")
        if isinstance(value, float) and math.isnan(value):
            raise self.error("must be a number, got NaN")
        if isinstance(value, float) and math.isinf(value):
            raise self.error("must be a finite number, got infinity")
        if self.positive and value <= 0:
            raise self.error(f"must be greater than 0, got {_num(value)}")
        if self.minimum is not None and value < self.minimum * scale:
            raise self.error(f"must be at least {_num(self.minimum * scale)}, got {_num(value)}")
        if self.maximum is not None and value > self.maximum * scale:
            raise self.error(f"must be at most {_num(self.maximum * scale)}, got {_num(value)}")
        if self.kind == "integer":
            if value != int(value):
                raise self.error(f"must be a whole number, got {_num(value)}")
            return int(value)
        return float(value)

    def as_dict(self):
        data = asdict(self)
        data["optional"] = self.optional
        return data


@dataclass(frozen=True, kw_only=True)
class Check:
    """A rule over several fields of a calculator, applied once each has been parsed on its
    own: ``holds`` takes the parsed values; where it is false, the input is refused on
    ``field``, for ``reason``, a template filled in with the parsed values.

    >>> within = Check(
    ...     field="switch_month",
    ...     holds=lambda v: v["switch_month"] <= v["horizon_months"],
    ...     reason="must not be after the horizon ({horizon_months} months)",
    ... )
    >>> within.problem({"switch_month": 13, "horizon_months": 12})
    'must not be after the horizon (12 months)'
    >>> within.problem({"switch_month": 12, "horizon_months": 12}) is None
    True
    """

    field: str
    holds: Callable[[dict], bool]
    reason: str

    def problem(self, values):
        """The reason ``values`` break the rule, or ``None`` where they keep it."""
        return None if self.holds(values) else self.reason.format_map(values)


@dataclass(frozen=True, kw_only=True)
class Column:
    """One column of a table or series output: ``key`` in each row, its label and unit.

    ``none`` is the text shown where a row has no value (``None``) in this column.
    """

    key: str
    label: str
    unit: str
    none: str | None = None

    def __post_init__(self):
        _check_unit(f"column {self.key}", self.unit)
        if not UNITS[self.unit].scalar:
            raise ValueError(f"column {self.key}: a cell holds one value, not {self.unit}")


@dataclass(frozen=True, kw_only=True)
class Chart:
    """How a table output is drawn. A series is drawn as lines without saying so, or with
    ``kind="line"`` and ``marks``: scalar outputs whose values are marked along its first
    column. A ``tornado`` draws one bar per row of a table, from its ``low`` to its
    ``high`` column, labelled by its ``label`` column, around the scalar output ``base``."""

    kind: str
    label: str = ""
    low: str = ""
    high: str = ""
    base: str = ""
    marks: tuple[str, ...] = ()

    def __post_init__(self):
        tornado = self.kind == "tornado" and self.label and self.low and self.high and self.base
        if not (tornado or (self.kind == "line" and self.marks)):
            raise ValueError("a chart is a tornado (label, low, high, base) or line marks")


@dataclass(frozen=True, kw_only=True)
class Output:
    """One result of a calculator: ``key`` in the result dict, with its label and unit.

    Scalar units (money, ratio, months, ...) show one value; ``list`` is a list of strings;
    ``table`` and ``series`` are lists of records described by ``columns`` (a series is
    also drawn as a chart, its first column along the bottom); ``link`` opens another
    calculator with inputs the model chose. ``none`` is the text shown for ``None``.
    ``headline`` marks the few results that answer the calculator's question.
    """

    key: str
    label: str
    unit: str
    help: str = ""
    none: str | None = None
    columns: tuple[Column, ...] = ()
    headline: bool = False
    chart: Chart | None = None
    mark: str = ""  # how a chart labels this value where it marks it

    def __post_init__(self):
        _check_unit(self.key, self.unit)
        tabular = self.unit in ("table", "series")
        if tabular != bool(self.columns):
            raise ValueError(f"{self.key}: tables and series, and only they, have columns")
        chart = self.chart
        if chart and chart.kind == "tornado":
            keys = {c.key for c in self.columns}
            if self.unit != "table" or not {chart.label, chart.low, chart.high} <= keys:
                raise ValueError(f"{self.key}: a tornado draws columns of a table")
        if chart and chart.kind == "line" and self.unit != "series":
            raise ValueError(f"{self.key}: lines are drawn for a series")

    def as_dict(self):
        return asdict(self)


def parse_inputs(fields, inputs, calculator_id, rate=1.0):
    """Validate ``inputs`` against ``fields``; missing fields take their defaults, money
    ones converted at ``rate`` (the reader's own amounts are taken as they are).

    Unknown names raise :class:`InputError` naming the unknown field.
    """
    if inputs is None:
        inputs = {}
    if not isinstance(inputs, Mapping):
        raise InputError(
            None, "inputs must be a mapping of field name to value", calculator=calculator_id
        )
    by_name = {f.name: f for f in fields}
    for name in inputs:
        if name not in by_name:
            known = ", ".join(sorted(by_name))
            raise InputError(
                str(name)[:40],
                f"unknown field for {calculator_id}; known fields: {known}",
                calculator=calculator_id,
            )
    values = {}
    for f in fields:
        try:
            values[f.name] = (
                f.parse(inputs[f.name], rate) if f.name in inputs else f.default_at(rate)
            )
        except InputError as err:
            err.calculator = calculator_id
            raise
    return values


def _show(raw):
    text = str(raw)
    return repr(text[:40] + ("..." if len(text) > 40 else ""))


def _num(value):
    return f"{value:,.10g}" if abs(value) < 1e15 else f"{value:.3g}"

"""What every calculator is made of: the :class:`Calculator` declaration.

A calculator declares its inputs (:class:`~calculator.fields.Field`), the rules that span
several of them (:class:`~calculator.fields.Check`), its results
(:class:`~calculator.fields.Output`), its formula in words and the function from one to
the other. The declaration is checked when it is made (names unique, units known, headline
results scalar) and every result is checked against it when it is computed (each declared
output present, nothing undeclared), so the pages, the browser and the exports can rely on
the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .fields import Check, Field, InputError, Output, parse_inputs
from .prices import Preset
from .units import UNITS

__all__ = ["EXCHANGE_RATE", "Calculator", "page_path"]

#: The reader's currency, as a model input of every calculator (declared once, here): every
#: default in the article's dollars is converted at this rate.
EXCHANGE_RATE = Field(
    name="exchange_rate",
    label="1 article dollar is worth",
    unit="rate",
    default=1.0,
    positive=True,
    minimum=1e-6,  # no currency is worth a million article dollars; below, sums lose digits
    maximum=1_000_000,
    site_param="rate",
    help="Units of your currency per dollar of the article. Every default in dollars (the "
    "article's figures and the guide's examples) is converted; amounts you enter are "
    "taken as they are, in your currency.",
)


#: What a memo says when a calculator has illustrative defaults.
ILLUSTRATIVE_CAVEAT = (
    "Inputs marked as illustrative are the guide's examples, not the article's figures: "
    "they stand in for numbers only you have."
)


def page_path(page):
    """The site path of a guide page, relative to the site root.

    >>> page_path("index.md"), page_path("hybrid.md")
    ('', 'hybrid/')
    """
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


@dataclass(frozen=True, kw_only=True)
class Calculator:
    """A calculator: its inputs, its results and the function from one to the other."""

    id: str
    title: str
    question: str
    page: str
    fields: tuple[Field, ...]
    outputs: tuple[Output, ...]
    formula: tuple[str, ...]
    compute: Callable[[dict], dict]
    caveats: tuple[str, ...] = ()  # corrections to the article that apply to the results
    checks: tuple[Check, ...] = ()  # rules over several fields, applied after parsing
    presets: tuple[Preset, ...] = ()  # models from the price table that fill some fields

    def __post_init__(self):
        if EXCHANGE_RATE not in self.fields:  # every calculator speaks the reader's currency
            object.__setattr__(self, "fields", (*self.fields, EXCHANGE_RATE))
        for kind, names in (
            ("field", [f.name for f in self.fields]),
            ("output", [o.key for o in self.outputs]),
        ):
            if len(set(names)) != len(names):
                raise ValueError(f"{self.id}: duplicate {kind} names")
        for check in self.checks:
            if check.field not in {f.name for f in self.fields}:
                raise ValueError(f"{self.id}: a check reports on an undeclared field")
        if not self.page.endswith(".md"):
            raise ValueError(f"{self.id}: page must be a Markdown file, got {self.page!r}")
        for output in self.outputs:
            if output.headline and not UNITS[output.unit].scalar:
                raise ValueError(f"{self.id}.{output.key}: a headline result is one value")
        if not any(o.headline for o in self.outputs):
            raise ValueError(f"{self.id}: declare at least one headline result")
        names = {f.name for f in self.fields}
        for preset in self.presets:
            if not set(preset.fields.values()) <= names:
                raise ValueError(f"{self.id}: preset {preset.key} fills fields it does not have")
        scalars = {o.key for o in self.outputs if UNITS[o.unit].scalar}
        for output in self.outputs:
            chart = output.chart
            if chart and not {chart.base, *chart.marks} - {""} <= scalars:
                raise ValueError(f"{self.id}.{output.key}: a chart marks scalar results")

    @property
    def path(self):
        """Where the calculator's page is, relative to the site root."""
        return page_path(self.page)

    def preset(self, key):
        """The preset ``key``, or :class:`InputError` naming it."""
        for preset in self.presets:
            if preset.key == key:
                return preset
        known = ", ".join(p.key for p in self.presets) or "none"
        raise InputError(
            str(key)[:40], f"unknown preset; this calculator's: {known}", calculator=self.id
        )

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    def parse(self, inputs):
        """The value of every field for ``inputs``, each parsed on its own (the checks are
        not applied); :class:`InputError` for the first field that is wrong.

        The exchange rate is read first: the other money defaults depend on it.

        >>> from calculator import CALCULATORS
        >>> values = CALCULATORS["hybrid"].parse({"switch_month": "40", "exchange_rate": 2})
        >>> values["switch_month"], values["horizon_months"], values["ft_monthly_benefit"]
        (40, 36, 40000.0)
        """
        rate = EXCHANGE_RATE.default
        if isinstance(inputs, dict) and EXCHANGE_RATE.name in inputs:
            only_rate = {EXCHANGE_RATE.name: inputs[EXCHANGE_RATE.name]}
            rate = parse_inputs((EXCHANGE_RATE,), only_rate, self.id)[EXCHANGE_RATE.name]
        return parse_inputs(self.fields, inputs, self.id, rate)

    def check(self, values):
        """Apply the calculator's checks to parsed ``values``: :class:`InputError` on the
        field of the first that fails.

        >>> from calculator import CALCULATORS
        >>> hybrid = CALCULATORS["hybrid"]
        >>> try:
        ...     hybrid.check(hybrid.parse({"switch_month": 40}))
        ... except InputError as err:
        ...     print(err.calculator, err.field, "-", err.reason)
        hybrid switch_month - must not be after the horizon (36 months)
        """
        for check in self.checks:
            reason = check.problem(values)
            if reason is not None:
                err = self.field(check.field).error(reason)
                err.calculator = self.id
                raise err

    def run(self, inputs):
        """Parse ``inputs``, apply the checks, compute, and check the result against the
        declared outputs."""
        values = self.parse(inputs)
        self.check(values)
        try:
            result = self.compute(values)
        except InputError as err:
            err.calculator = self.id
            raise
        declared = [o.key for o in self.outputs]
        if set(result) != set(declared):  # a programming error, not bad input
            missing = sorted(set(declared) - set(result))
            extra = sorted(set(result) - set(declared))
            raise AssertionError(f"{self.id}: missing outputs {missing}, undeclared {extra}")
        return values, result

    @property
    def notes(self):
        """Every caveat that applies to this calculator's results, as a printed memo states
        them: its own, those of its fields, and a word on illustrative defaults.

        >>> from calculator import CALCULATORS
        >>> [note[:20] for note in CALCULATORS["quality"].notes]  # doctest: +NORMALIZE_WHITESPACE
        ['Every figure the art', 'As the article does,', "The article's fine-t",
         'Inputs marked as ill']
        """
        illustrative = any(f.source == "illustrative" for f in self.fields)
        return (
            *(f.caveat for f in self.fields if f.caveat),
            *self.caveats,
            *((ILLUSTRATIVE_CAVEAT,) if illustrative else ()),
        )

    def as_dict(self):
        return {
            "id": self.id,
            "title": self.title,
            "question": self.question,
            "page": self.page,
            "path": self.path,
            "fields": [f.as_dict() for f in self.fields],
            "outputs": [o.as_dict() for o in self.outputs],
            "formula": list(self.formula),
            "caveats": list(self.notes),
            "presets": [p.as_dict() for p in self.presets],
        }

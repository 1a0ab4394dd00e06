"""What every calculator is made of: the :class:`Calculator` declaration.

A calculator declares its inputs (:class:`~calculator.fields.Field`), its results
(:class:`~calculator.fields.Output`), its formula in words and the function from one to
the other. The declaration is checked when it is made (names unique, units known, headline
results scalar) and every result is checked against it when it is computed (each declared
output present, nothing undeclared), so the pages, the browser and the exports can rely on
the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .fields import Field, InputError, Output, parse_inputs
from .units import UNITS

__all__ = ["Calculator", "page_path"]


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

    def __post_init__(self):
        for kind, names in (
            ("field", [f.name for f in self.fields]),
            ("output", [o.key for o in self.outputs]),
        ):
            if len(set(names)) != len(names):
                raise ValueError(f"{self.id}: duplicate {kind} names")
        if not self.page.endswith(".md"):
            raise ValueError(f"{self.id}: page must be a Markdown file, got {self.page!r}")
        for output in self.outputs:
            if output.headline and not UNITS[output.unit].scalar:
                raise ValueError(f"{self.id}.{output.key}: a headline result is one value")
        if not any(o.headline for o in self.outputs):
            raise ValueError(f"{self.id}: declare at least one headline result")

    @property
    def path(self):
        """Where the calculator's page is, relative to the site root."""
        return page_path(self.page)

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    def run(self, inputs):
        """Parse ``inputs``, compute, and check the result against the declared outputs."""
        values = parse_inputs(self.fields, inputs, self.id)
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
        }

"""The vocabulary shared by the model, the pages and the browser: the two approaches, and
how every text result reads.

>>> FINE_TUNING.prefix, PROMPTING.name
('ft', 'Prompt engineering')
>>> TEXT_LABELS["prompt_engineering_onshore"]
'Prompt engineering, onshore'
>>> TEXT_LABELS["quarter"], per_period("quarter"), per_period("one_off")
('quarter', 'per quarter', 'one-off')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "APPROACHES",
    "FINE_TUNING",
    "PERIODS",
    "PROMPTING",
    "TEXT_LABELS",
    "Approach",
    "per_period",
]


@dataclass(frozen=True, kw_only=True)
class Approach:
    """One way to adapt a model: ``id`` in results, ``prefix`` in field names, ``name``."""

    id: str
    prefix: str
    name: str


FINE_TUNING = Approach(id="fine_tuning", prefix="ft", name="Fine-tuning")
PROMPTING = Approach(id="prompt_engineering", prefix="pe", name="Prompt engineering")
#: Both approaches by id, fine-tuning first (the article's order).
APPROACHES = {a.id: a for a in (FINE_TUNING, PROMPTING)}

LOCATIONS = ("offshore", "onshore")

#: How the period of an article item reads ("quarter"); ``one_off`` costs have none.
PERIODS = {"one_off": "one-off", "month": "month", "quarter": "quarter", "year": "year"}


def per_period(period):
    """How a figure given per ``period`` reads after its amount: "per month", or "one-off"."""
    return PERIODS[period] if period == "one_off" else f"per {PERIODS[period]}"


#: How text results read ("fine_tuning" -> "Fine-tuning"); anything else shows as it is.
TEXT_LABELS = {
    **{a.id: a.name for a in APPROACHES.values()},
    **{f"{a.id}_{where}": f"{a.name}, {where}" for a in APPROACHES.values() for where in LOCATIONS},
    "hybrid": "Hybrid",
    "equal": "Neither: equal",
    "offshore": "Offshore",
    "onshore": "Onshore",
    **PERIODS,
    "prompts_only": "Prompts only",
    "fine_tune_only": "Fine-tune from the start",
    "hybrid_best": "Hybrid, switching at the best month",
}

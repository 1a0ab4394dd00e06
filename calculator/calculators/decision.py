"""Which approach fits: the article's two checklists (:data:`CRITERIA`), scored, and a
recommendation with its reasons: fine-tuning, prompt engineering or a hybrid."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..base import Calculator
from ..fields import Field, Output
from ..shared import (
    FT,
    PE,
    RANGE,
    RETRAINING_CAVEAT,
    costs,
    money,
)

EXAMPLES_NEEDED = 1_000  # the article: "typically 1,000+ examples"


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """One of the article's criteria for an approach: the field that asks it, whether the
    answer meets it, and the reason shown when it does."""

    side: str
    field: Field
    met: Callable[[object], bool] = bool
    reason: Callable[[object], str] | None = None

    def because(self, value):
        return self.reason(value) if self.reason else self.field.label


def _ask(side, name, label, help):
    field = Field(name=name, label=label, unit="flag", default=False, kind="boolean", help=help)
    return Criterion(side=side, field=field)


#: The article's two checklists, in its order (enough data is the second for fine-tuning).
CRITERIA = (
    _ask(
        FT,
        "high_accuracy_critical",
        "High accuracy is critical to the business",
        "Errors are expensive or unacceptable in this task.",
    ),
    Criterion(
        side=FT,
        field=Field(
            name="training_examples",
            label="Labelled training examples available",
            unit="count",
            default=0,
            kind="integer",
            maximum=1e9,
            help=f"The article puts the usual minimum at {EXAMPLES_NEEDED:,}.",
        ),
        met=lambda n: n >= EXAMPLES_NEEDED,
        reason=lambda n: (
            f"Enough training data ({n:,} examples; typically {EXAMPLES_NEEDED:,}+ are needed)"
        ),
    ),
    _ask(
        FT,
        "ml_expertise",
        "Dedicated ML expertise is on staff",
        "ML engineers or data scientists you can dedicate to training and maintaining a model.",
    ),
    _ask(
        FT,
        "high_volume",
        "High-volume tasks need consistent performance",
        "Many similar requests where consistency matters.",
    ),
    _ask(
        FT,
        "long_term_use_case",
        "Long-term commitment to one specific use case",
        "The task will stay much the same for years.",
    ),
    _ask(
        PE,
        "rapid_prototyping",
        "Rapid prototyping and experimentation come first",
        "You are still finding out what works.",
    ),
    _ask(
        PE,
        "limited_resources",
        "Technical resources are limited",
        "Little engineering capacity for model work.",
    ),
    _ask(
        PE,
        "changing_requirements",
        "Requirements change often",
        "The task's rules or outputs shift every few months.",
    ),
    _ask(
        PE,
        "budget_limited",
        "Budget limits the upfront investment",
        "The money available up front is tight.",
    ),
    _ask(
        PE,
        "diverse_use_cases",
        "Many diverse use cases must be supported",
        "One model serving many different tasks.",
    ),
)
_DATA = next(c for c in CRITERIA if c.field.name == "training_examples")


def compute_decision(v):
    c = costs(v)
    met = {FT: [], PE: []}
    for criterion in CRITERIA:
        value = v[criterion.field.name]
        if criterion.met(value):
            met[criterion.side].append(criterion.because(value))
    budget = v["upfront_budget"]
    if budget is not None and budget < c["ft_initial"] and not v["budget_limited"]:
        met[PE].append("Your upfront budget is below fine-tuning's initial investment")
    ft_met, pe_met = met[FT], met[PE]
    data_ok = _DATA.met(v[_DATA.field.name])
    margin = len(ft_met) - len(pe_met)
    counts = {side: sum(1 for x in CRITERIA if x.side == side) for side in (FT, PE)}
    reasons = [
        f"Fine-tuning criteria met: {len(ft_met)} of {counts[FT]}",
        f"Prompt engineering criteria met: {len(pe_met)} of {counts[PE]}",
    ]
    if margin >= 2 and data_ok:
        recommendation = FT
        reasons.append("Fine-tuning criteria clearly outweigh the others, and the data is there")
    elif margin >= 2:
        recommendation = "hybrid"
        reasons.append(
            f"Fine-tuning criteria dominate, but with fewer than {EXAMPLES_NEEDED:,} "
            "examples: start with prompts while you collect training data"
        )
    elif len(ft_met) >= 2 and margin >= -1:
        recommendation = "hybrid"
        reasons.append(
            "Strong criteria on both sides: prompts for the varied work, a "
            "fine-tune for the stable high-volume core"
        )
    elif not ft_met and not pe_met:
        recommendation = PE
        reasons.append(
            "Nothing ticked yet: with no criterion pointing either way, prompt engineering "
            "is the cheaper and quicker way to start"
        )
    else:
        recommendation = PE
        reasons.append("Not enough fine-tuning criteria to justify its higher upfront cost")
    return {
        "ft_initial": c["ft_initial"],
        "pe_initial": c["pe_initial"],
        "recommendation": recommendation,
        "reasons": reasons,
        "ft_criteria_met": ft_met,
        "pe_criteria_met": pe_met,
        "ft_score": len(ft_met),
        "pe_score": len(pe_met),
    }


DECISION = Calculator(
    id="decision",
    title="Which approach fits",
    question="Given my organisation's situation, which approach do the article's criteria "
    "point to, and why?",
    page="when-to-choose.md",
    fields=(
        *(criterion.field for criterion in CRITERIA),
        money(
            "upfront_budget",
            "Upfront budget (optional)",
            None,
            placeholder="not set",
            help="If set and below fine-tuning's initial investment at the range "
            "position, the budget counts as a constraint.",
        ),
        RANGE,
    ),
    outputs=(
        Output(key="recommendation", label="Recommendation", unit="text", headline=True),
        Output(key="reasons", label="Why", unit="list"),
        Output(key="ft_score", label="Fine-tuning criteria met (count)", unit="count"),
        Output(key="pe_score", label="Prompt engineering criteria met (count)", unit="count"),
        Output(
            key="ft_initial",
            label="Fine-tuning, initial investment at the range position",
            unit="money",
        ),
        Output(
            key="pe_initial",
            label="Prompt engineering, initial investment at the range position",
            unit="money",
        ),
        Output(key="ft_criteria_met", label="Fine-tuning criteria met", unit="list"),
        Output(key="pe_criteria_met", label="Prompt engineering criteria met", unit="list"),
    ),
    formula=(
        "score each side: one point per criterion of the article that holds (for fine-tuning, "
        f"{EXAMPLES_NEEDED:,}+ training examples is one)",
        "fine-tuning if its score leads by 2 or more and the data is there; hybrid if it "
        "leads by 2 without the data, or if both sides are strong (fine-tuning 2+, within 1)",
        "prompt engineering otherwise, including when nothing is ticked",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_decision,
)

"""The article's ratio claims (Key Takeaways), checked: is fine-tuning 2-4 times the initial
investment and 3-5 times the running cost of prompt engineering at these figures?"""

from __future__ import annotations

from .. import figures as fig
from ..base import Calculator
from ..fields import Output
from ..shared import (
    FT,
    PE,
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    costs,
    item_fields,
    ratio,
)


def compute_takeaways(v):
    c = costs(v)
    values = c["values"]
    ft_pub = fig.monthly_total_as_published(FT, values)
    pe_pub = fig.monthly_total_as_published(PE, values)
    initial = ratio(c["ft_initial"], c["pe_initial"])
    ongoing = ratio(c["ft_monthly"], c["pe_monthly"])
    published = ratio(ft_pub, pe_pub)

    def within(value, claim):
        low, high = fig.CLAIMS[claim]
        return value is not None and low <= value <= high

    return {
        "initial_ratio": initial,
        "ongoing_ratio": ongoing,
        "ongoing_ratio_as_published": published,
        "initial_claim_holds": within(initial, "initial_ratio"),
        "ongoing_claim_holds": within(ongoing, "ongoing_ratio"),
        "ongoing_claim_holds_as_published": within(published, "ongoing_ratio"),
    }


TAKEAWAYS = Calculator(
    id="takeaways",
    title="Checking the article's ratios",
    question="Do the article's claims (2-4x the initial investment, 3-5x the running cost) "
    "hold for these figures?",
    page="key-takeaways.md",
    fields=(RANGE, STAFF_MONTHS, *item_fields()),
    outputs=(
        Output(key="initial_ratio", label="Initial investment ratio", unit="ratio", headline=True),
        Output(key="initial_claim_holds", label="Within the claimed 2–4×", unit="flag"),
        Output(
            key="ongoing_ratio",
            label="Running cost ratio (normalised per month)",
            unit="ratio",
            headline=True,
        ),
        Output(
            key="ongoing_claim_holds", label="Within the claimed 3–5×", unit="flag", headline=True
        ),
        Output(
            key="ongoing_ratio_as_published",
            label="Running cost ratio, added as published",
            unit="ratio",
        ),
        Output(
            key="ongoing_claim_holds_as_published", label="Within 3–5×, as published", unit="flag"
        ),
    ),
    formula=(
        "initial_ratio = ft_initial / pe_initial; claim: 2 <= ratio <= 4",
        "ongoing_ratio = ft_monthly / pe_monthly (normalised); claim: 3 <= ratio <= 5",
        "as published: the monthly totals added as the article did",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_takeaways,
)

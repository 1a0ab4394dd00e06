"""The article's ratio claims (Key Takeaways, :data:`calculator.figures.CLAIMS`), checked:
is fine-tuning's initial investment, and its running cost, within the claimed multiple of
prompt engineering's at these figures?"""

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


_INITIAL, _ONGOING = fig.CLAIMS["initial_ratio"], fig.CLAIMS["ongoing_ratio"]

TAKEAWAYS = Calculator(
    id="takeaways",
    title="Checking the article's ratios",
    question=f"Do the article's claims ({_INITIAL[0]}-{_INITIAL[1]}x the initial investment, "
    f"{_ONGOING[0]}-{_ONGOING[1]}x the running cost) hold for these figures?",
    page="key-takeaways.md",
    fields=(RANGE, STAFF_MONTHS, *item_fields()),
    outputs=(
        Output(key="initial_ratio", label="Initial investment ratio", unit="ratio", headline=True),
        Output(
            key="initial_claim_holds",
            label=f"Within the claimed {fig.claim_text('initial_ratio')}",
            unit="flag",
        ),
        Output(
            key="ongoing_ratio",
            label="Running cost ratio (normalised per month)",
            unit="ratio",
            headline=True,
        ),
        Output(
            key="ongoing_claim_holds",
            label=f"Within the claimed {fig.claim_text('ongoing_ratio')}",
            unit="flag",
            headline=True,
        ),
        Output(
            key="ongoing_ratio_as_published",
            label="Running cost ratio, added as published",
            unit="ratio",
        ),
        Output(
            key="ongoing_claim_holds_as_published",
            label=f"Within {fig.claim_text('ongoing_ratio')}, as published",
            unit="flag",
        ),
    ),
    formula=(
        f"initial_ratio = ft_initial / pe_initial; claim: {_INITIAL[0]} <= ratio <= {_INITIAL[1]}",
        "ongoing_ratio = ft_monthly / pe_monthly (normalised); "
        f"claim: {_ONGOING[0]} <= ratio <= {_ONGOING[1]}",
        "as published: the monthly totals added as the article did",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_takeaways,
)

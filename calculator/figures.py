"""The article's figures: one sourced dataset, and the arithmetic on it.

Every cost item of the article (:data:`SOURCE`: its title and date) is an :class:`Item`
with its range and its period. ``range_position`` r in [0, 1] picks a
point in every range: ``low + r * (high - low)``.

What do the two approaches cost up front at the midpoint of every range?

>>> values = item_values(0.5)
>>> initial_total("fine_tuning", values), initial_total("prompt_engineering", values)
(202500.0, 68500.0)

And per month, with the quarterly retraining normalised, then as the article added it up?

>>> monthly_total("fine_tuning", values), monthly_total_as_published("fine_tuning", values)
(15250.0, 19250.0)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .names import APPROACHES

__all__ = [
    "CLAIMS",
    "ITEMS",
    "MONTHS_PER_PERIOD",
    "PUBLISHED_TOTALS",
    "SOURCE",
    "Item",
    "article_date",
    "claim_text",
    "initial_total",
    "item_values",
    "items_by_id",
    "monthly_total",
    "monthly_total_as_published",
]

SOURCE = {
    "title": "Fine-tuning vs. Prompt Engineering: Cost Implications",
    "kind": "technical blog article",
    "date": "2025-05-19",
    "figures_as_of": "May 2025",
}

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")  # fmt: skip


def article_date():
    """The article's date as the guide writes it.

    >>> article_date()
    '19 May 2025'
    """
    year, month, day = (int(part) for part in SOURCE["date"].split("-"))
    return f"{day} {_MONTH_NAMES[month - 1]} {year}"


#: How many months one period of each kind covers. ``one_off`` costs are not spread.
MONTHS_PER_PERIOD = {"month": 1, "quarter": 3, "year": 12}


@dataclass(frozen=True)
class Item:
    """One cost line of the article: a range in the article's currency per ``period``.

    ``phase`` is ``initial`` (counted once, before launch) or ``ongoing`` (recurring).
    ``period`` is ``one_off``, ``month``, ``quarter`` or ``year``. ``staff`` marks annual
    staff costs, which the article counts once, as a build-phase year.
    """

    id: str
    label: str
    approach: str
    phase: str
    low: float
    high: float
    period: str
    section: str
    staff: bool = False

    def __post_init__(self):
        if self.approach not in APPROACHES:
            raise ValueError(f"{self.id}: unknown approach {self.approach!r}")
        if self.period != "one_off" and self.period not in MONTHS_PER_PERIOD:
            raise ValueError(f"{self.id}: unknown period {self.period!r}")
        if not 0 <= self.low <= self.high:
            raise ValueError(f"{self.id}: range must satisfy 0 <= low <= high")

    def at(self, range_position, rate=1.0):
        """The value at ``range_position`` in [0, 1] of this item's range, in the article's
        dollars, or converted at ``rate`` (units of another currency per dollar).

        >>> item = items_by_id()["ft_data_preparation"]
        >>> item.at(0.25), item.at(0.25, rate=2)
        (20000.0, 40000.0)
        """
        return float(self.low + range_position * (self.high - self.low)) * rate

    def monthly(self, value):
        """``value`` (per this item's period) expressed per month.

        >>> items_by_id()["ft_retraining"].monthly(6000)
        2000.0
        """
        return value / MONTHS_PER_PERIOD[self.period]

    def as_dict(self):
        return asdict(self)


_INITIAL = "Initial Investment Costs"
_ONGOING = "Ongoing Operational Costs"

# fmt: off  (a data table: one item per two lines reads better than ruff's layout)
ITEMS = (
    Item(
        "ft_data_preparation",
        "Data preparation and labelling",
        "fine_tuning",
        "initial",
        10_000,
        50_000,
        "one_off",
        _INITIAL,
    ),
    Item(
        "ft_training_compute",
        "Computational resources for training",
        "fine_tuning",
        "initial",
        5_000,
        30_000,
        "one_off",
        _INITIAL,
    ),
    Item(
        "ft_expert_personnel",
        "Expert personnel (ML engineers, data scientists)",
        "fine_tuning",
        "initial",
        50_000,
        200_000,
        "year",
        _INITIAL,
        staff=True,
    ),
    Item(
        "ft_tools_infrastructure",
        "Specialised tools and infrastructure",
        "fine_tuning",
        "initial",
        10_000,
        50_000,
        "one_off",
        _INITIAL,
    ),
    Item(
        "pe_prompt_development",
        "Domain expert time for prompt development",
        "prompt_engineering",
        "initial",
        20_000,
        80_000,
        "year",
        _INITIAL,
        staff=True,
    ),
    Item(
        "pe_testing_refinement",
        "Iterative testing and refinement",
        "prompt_engineering",
        "initial",
        5_000,
        20_000,
        "one_off",
        _INITIAL,
    ),
    Item(
        "pe_prompt_tools",
        "Prompt management tools",
        "prompt_engineering",
        "initial",
        2_000,
        10_000,
        "one_off",
        _INITIAL,
    ),
    Item(
        "ft_hosting_inference",
        "Model hosting and inference",
        "fine_tuning",
        "ongoing",
        500,
        2_000,
        "month",
        _ONGOING,
    ),
    Item(
        "ft_retraining",
        "Model updates and retraining",
        "fine_tuning",
        "ongoing",
        2_000,
        10_000,
        "quarter",
        _ONGOING,
    ),
    Item(
        "ft_monitoring",
        "Monitoring and maintenance",
        "fine_tuning",
        "ongoing",
        1_000,
        5_000,
        "month",
        _ONGOING,
    ),
    Item(
        "ft_support",
        "Technical support and expertise",
        "fine_tuning",
        "ongoing",
        3_000,
        15_000,
        "month",
        _ONGOING,
    ),
    Item(
        "pe_api_usage",
        "API usage for model inference",
        "prompt_engineering",
        "ongoing",
        100,
        1_000,
        "month",
        _ONGOING,
    ),
    Item(
        "pe_prompt_refinement",
        "Prompt refinement and updates",
        "prompt_engineering",
        "ongoing",
        500,
        2_000,
        "month",
        _ONGOING,
    ),
    Item(
        "pe_versioning",
        "Prompt versioning and management",
        "prompt_engineering",
        "ongoing",
        100,
        500,
        "month",
        _ONGOING,
    ),
    Item(
        "pe_expert_oversight",
        "Domain expert oversight",
        "prompt_engineering",
        "ongoing",
        1_000,
        5_000,
        "month",
        _ONGOING,
    ),
)
# fmt: on

#: Totals exactly as the article prints them (low, high). The fine-tuning monthly total adds
#: the quarterly retraining figure as if it were monthly; see ``monthly_total_as_published``.
PUBLISHED_TOTALS = {
    "ft_initial": (75_000, 330_000),
    "pe_initial": (27_000, 110_000),
    "ft_monthly": (6_500, 32_000),
    "pe_monthly": (1_700, 8_500),
}

#: The article's ratio claims (Key Takeaways): fine-tuning costs low-high times as much.
CLAIMS = {
    "initial_ratio": (2, 4),
    "ongoing_ratio": (3, 5),
}


def claim_text(claim):
    """One of the article's ratio claims as the guide writes it.

    >>> claim_text("initial_ratio"), claim_text("ongoing_ratio")
    ('2–4×', '3–5×')
    """
    low, high = CLAIMS[claim]
    return f"{low}–{high}×"


def items_by_id():
    """Every item keyed by its id.

    >>> len(items_by_id())
    15
    """
    return {item.id: item for item in ITEMS}


def select(approach=None, phase=None):
    """The items of one approach and/or phase, in the article's order."""
    return tuple(
        item
        for item in ITEMS
        if (approach is None or item.approach == approach)
        and (phase is None or item.phase == phase)
    )


def item_values(range_position, overrides=None, rate=1.0):
    """Each item's value (per its own period) at ``range_position``, with overrides.

    ``overrides`` maps item ids to the reader's own values (in the reader's currency, so
    never converted); ``None`` values are ignored. ``rate`` converts the article's figures.

    >>> item_values(0, {"ft_support": 4000})["ft_support"]
    4000
    >>> item_values(0, {"ft_support": 4000}, rate=0.5)["ft_monitoring"]
    500.0
    """
    overrides = overrides or {}
    return {
        item.id: overrides[item.id]
        if overrides.get(item.id) is not None
        else item.at(range_position, rate)
        for item in ITEMS
    }


def initial_total(approach, values, staff_months=12):
    """One-off cost of ``approach``: one-off items plus ``staff_months`` of annual staff.

    The article counts a year of staff up front (``staff_months=12``).

    >>> initial_total("prompt_engineering", item_values(0), staff_months=6)
    17000.0
    """
    total = 0.0
    for item in select(approach, "initial"):
        value = values[item.id]
        total += value * staff_months / 12 if item.staff else value
    return total


def staff_monthly(approach, values):
    """The annual staff cost of ``approach`` spread per month (for recurring staff)."""
    return sum(values[i.id] / 12 for i in select(approach, "initial") if i.staff)


def monthly_total(approach, values, recurring_staff=False):
    """Running cost of ``approach`` per month, each item normalised from its own period.

    With ``recurring_staff`` the annual staff cost also recurs, spread per month.

    >>> round(monthly_total("fine_tuning", item_values(0)), 2)
    5166.67
    """
    total = sum(item.monthly(values[item.id]) for item in select(approach, "ongoing"))
    if recurring_staff:
        total += staff_monthly(approach, values)
    return total


def monthly_total_as_published(approach, values):
    """Running cost per month as the article adds it up: every figure as if monthly.

    >>> monthly_total_as_published("fine_tuning", item_values(0))
    6500.0
    """
    return sum(values[item.id] for item in select(approach, "ongoing"))

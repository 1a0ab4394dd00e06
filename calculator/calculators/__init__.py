"""The guide's calculators, one module each, in the guide's page order (:data:`ALL`).

=================================================  ==============================================
Module                                             Calculator
=================================================  ==============================================
:mod:`~calculator.calculators.overview`            total cost over time, and when the lines cross
:mod:`~calculator.calculators.prompt_tax`          long prompts against a fine-tune, by volume
:mod:`~calculator.calculators.initial_investment`  the one-off costs, item by item
:mod:`~calculator.calculators.ongoing_costs`       the running costs, per month and per year
:mod:`~calculator.calculators.quality`             the value of accuracy, once errors have a price
:mod:`~calculator.calculators.scaling`             more use cases and more requirement changes
:mod:`~calculator.calculators.decision`            the article's checklists, scored
:mod:`~calculator.calculators.hybrid`              start with prompts, switch to a fine-tune later
:mod:`~calculator.calculators.sovereign`           onshore or offshore
:mod:`~calculator.calculators.takeaways`           the article's ratio claims, checked
:mod:`~calculator.calculators.uncertainty`         a seeded simulation over the article's ranges
:mod:`~calculator.calculators.sensitivity`         what moves the comparison most
=================================================  ==============================================

Each module holds its calculator's compute function, its private helpers and its
:class:`~calculator.base.Calculator` declaration; what several share is in
:mod:`calculator.shared`. :mod:`calculator.registry` builds ``CALCULATORS`` from :data:`ALL`.

>>> [calc.id for calc in ALL][:3]
['overview', 'prompt_tax', 'initial_investment']
"""

from __future__ import annotations

from .decision import DECISION
from .hybrid import HYBRID
from .initial_investment import INITIAL_INVESTMENT
from .ongoing_costs import ONGOING_COSTS
from .overview import OVERVIEW
from .prompt_tax import PROMPT_TAX
from .quality import QUALITY
from .scaling import SCALING
from .sensitivity import SENSITIVITY
from .sovereign import SOVEREIGN
from .takeaways import TAKEAWAYS
from .uncertainty import UNCERTAINTY

__all__ = ["ALL"]

#: Every calculator, in the guide's page order.
ALL = (
    OVERVIEW,
    PROMPT_TAX,
    INITIAL_INVESTMENT,
    ONGOING_COSTS,
    QUALITY,
    SCALING,
    DECISION,
    HYBRID,
    SOVEREIGN,
    TAKEAWAYS,
    UNCERTAINTY,
    SENSITIVITY,
)

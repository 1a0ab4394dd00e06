"""Units, and the one place where a number becomes text.

Every field and output of a calculator names a unit from :data:`UNITS`; the declaration
check refuses any other. :func:`format_value` is the only formatter in the project: the
pages built at build time, the browser (through the worker's reply), the command line and
the chart labels all show its text, so a number reads the same everywhere.

How does the guide show money, ratios, shares and months?

>>> format_value(751500.0, "money"), format_value(5166.666, "money")
('$751,500', '$5,166.67')
>>> format_value(2.956, "ratio"), format_value(0.9, "share"), format_value(31.17, "months")
('2.96×', '90%', '31.2')

Rounding is half away from zero on the number as written (its shortest decimal form),
which is what readers expect; Python's own ``round`` and ``format`` round half to even:

>>> format_value(1.125, "money"), format_value(1000.5, "count"), format_value(2.25, "count")
('$1.13', '1,001', '2.3')

An ISO 4217 code picks the symbol and decimal places; an unknown code shows the code:

>>> format_value(1234.5, "money", "EUR"), format_value(1234.5, "money", "JPY")
('€1,234.50', '¥1,235')
>>> format_value(99.0, "money", "XTS").split()
['XTS', '99']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from .names import TEXT_LABELS

__all__ = [
    "CURRENCIES",
    "UNITS",
    "Unit",
    "check_currency",
    "currency_note",
    "format_value",
    "input_text",
]

#: Symbol and decimal places of the common currencies. ``None`` is the article's own
#: dollars, shown as a bare ``$`` as the article prints them.
CURRENCIES = {
    None: ("$", 2),
    "AUD": ("A$", 2),
    "BRL": ("R$", 2),
    "CAD": ("C$", 2),
    "CHF": ("CHF\u00a0", 2),
    "CNY": ("CN¥", 2),
    "DKK": ("DKK\u00a0", 2),
    "EUR": ("€", 2),
    "GBP": ("£", 2),
    "HKD": ("HK$", 2),
    "INR": ("₹", 2),
    "JPY": ("¥", 0),
    "KRW": ("₩", 0),
    "MXN": ("MX$", 2),
    "NOK": ("NOK\u00a0", 2),
    "NZD": ("NZ$", 2),
    "SEK": ("SEK\u00a0", 2),
    "SGD": ("S$", 2),
    "USD": ("US$", 2),
    "ZAR": ("R\u00a0", 2),
}
_CODE = re.compile(r"^[A-Z]{3}$")


def check_currency(code):
    """``code`` as a currency for :func:`format_value`, or ValueError with the reason.

    >>> check_currency("eur"), check_currency(None), check_currency("")
    ('EUR', None, None)
    >>> check_currency("<b>")
    Traceback (most recent call last):
      ...
    ValueError: a currency is a three-letter ISO 4217 code such as EUR, got '<b>'
    """
    if code is None or (isinstance(code, str) and not code.strip()):
        return None
    text = str(code).strip().upper()
    if not _CODE.match(text):
        raise ValueError(
            f"a currency is a three-letter ISO 4217 code such as EUR, got {str(code)[:12]!r}"
        )
    return text


# Enough digits for any float written out in full (the largest has 309), so that rounding
# happens only where asked, half away from zero.
_EXACT = Context(prec=400, rounding=ROUND_HALF_UP)


def _decimal(value):
    return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)


def _fixed(value, digits):
    """``value`` rounded half away from zero to ``digits`` places, with thousands commas.

    >>> _fixed(2.675, 2), _fixed(1e300, 0)[:6], _fixed(-0.5, 0), _fixed(1234.5678, 2)
    ('2.68', '1,000,', '-1', '1,234.57')
    >>> _fixed(-12345, 0), _fixed(7, 2), _fixed(10**30, 0)
    ('-12,345', '7.00', '1,000,000,000,000,000,000,000,000,000,000')

    The same text as rounding the number as written with ``decimal``, made faster (a chart
    formats hundreds of numbers on every edit): a number written with no more digits than
    asked for needs no rounding; one written with more, unless it is a tie (its last digit a
    5 just past the digits kept), rounds the same way from its binary value, which Python's
    own formatting does correctly.
    """
    if type(value) is int:  # months, counts: nothing to round
        return f"{value:,}" + (f".{'0' * digits}" if digits else "")
    text = repr(value)
    if isinstance(value, float) and "e" not in text and "n" not in text:
        whole, _, fraction = text.partition(".")
        if len(fraction) <= digits:
            sign, whole = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
            return f"{sign}{int(whole):,}" + (f".{fraction:0<{digits}}" if digits else "")
        if not (len(fraction) == digits + 1 and fraction.endswith("5")):
            return f"{value:,.{digits}f}"
    exact = _decimal(value).quantize(Decimal(1).scaleb(-digits), context=_EXACT)
    return f"{exact:,.{digits}f}"


def _written(currency):
    """(what an amount in ``currency`` starts with, its decimal places); a code without an
    entry in ``CURRENCIES`` is written as itself.

    >>> _written(None), _written("jpy"), _written("xyz")
    (('$', 2), ('¥', 0), ('XYZ\xa0', 2))
    """
    code = check_currency(currency)
    return CURRENCIES.get(code, (f"{code}\u00a0", 2))


def _money(value, currency):
    symbol, places = _written(currency)
    size = abs(value)
    if 0 < size < 1:
        text = _fixed(size, 4)  # a cost per request: the cents alone would read 0
    elif size >= 100_000 or not places:
        text = _fixed(size, 0)  # no cents on big sums
    else:
        text = _fixed(size, places).removesuffix("." + "0" * places)  # nor on whole amounts
    sign = "-" if value < 0 and text.strip("0.,") else ""
    return f"{sign}{symbol}{text}"


def _price(value, currency):
    """A price per million tokens: as money, but a price under one is written with the
    digits it has (up to six significant; the cheapest models cost fractions of a cent),
    and at least a whole cent's two places.

    >>> _price(2.5, None), _price(0.0028, None), _price(0.000125, "EUR"), _price(0.3, None)
    ('$2.50', '$0.0028', '€0.000125', '$0.30')
    """
    size = abs(value)
    if not 0 < size < 1:
        return _money(value, currency)
    symbol, _ = _written(currency)
    sign = "-" if value < 0 else ""
    whole, _, fraction = _rate(size, currency).partition(".")
    return f"{sign}{symbol}{whole}.{fraction:0<2}"


def _ratio(value, currency):
    return f"{_fixed(value, 2)}×"


def _share(value, currency):
    percent = _EXACT.multiply(_decimal(value), Decimal(100))
    digits = max(0, 3 - percent.copy_abs().adjusted())  # four significant digits
    return f"{_fixed(percent, digits).rstrip('0').rstrip('.') if digits else _fixed(percent, 0)}%"


def _quantity(value, currency):
    if isinstance(value, float) and abs(value) < 1000 and _fixed(value, 1)[-2:] != ".0":
        return _fixed(value, 1)
    return _fixed(value, 0)


def _rate(value, currency):
    """Up to six significant digits, grouped: 0.92, 150, 1,400.5, 0.000125.

    >>> _rate(1.0, None), _rate(1_000_000.0, None), _rate(1.23456789, None)
    ('1', '1,000,000', '1.23457')
    """
    text = f"{value:.6g}"
    if "e" in text:
        return _fixed(value, 0) if abs(value) >= 1 else text
    whole, _, fraction = text.partition(".")
    sign, whole = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")


def _text(value, currency):
    return TEXT_LABELS.get(value, str(value))


def _flag(value, currency):
    return "yes" if value else "no"


@dataclass(frozen=True, kw_only=True)
class Unit:
    """A unit: how its values read, and what an input box of it says after its label."""

    name: str
    format: object = None  # (value, currency) -> str, for scalar units
    hint: str = ""  # "({symbol})" is replaced by the currency symbol
    money: bool = False  # converted by the exchange rate
    scalar: bool = True
    none: str = "never"


UNITS = {
    u.name: u
    for u in (
        Unit(name="money", format=_money, hint="({symbol})", money=True, none="none"),
        Unit(
            name="money_per_million_tokens",
            format=_price,
            hint="({symbol} per million tokens)",
            money=True,
            none="none",
        ),
        Unit(name="ratio", format=_ratio, none="none"),
        Unit(name="rate", format=_rate, none="none"),
        Unit(name="share", format=_share, hint="(0 to 1)", none="none"),
        Unit(name="months", format=_quantity, hint="(months)"),
        Unit(name="count", format=_quantity),
        Unit(name="tokens", format=_quantity),
        Unit(name="flag", format=_flag),
        Unit(name="text", format=_text, none=""),
        Unit(name="list", scalar=False),  # a list of strings
        Unit(name="table", scalar=False),  # a list of records, with declared columns
        Unit(name="series", scalar=False),  # a table drawn as a chart too
        Unit(name="link", scalar=False),  # {"calculator": id, "inputs": {...}}: opens it
    )
}


def _compact(value, unit, currency):
    """Axis-label text: money and quantities in thousands (k) or millions (M)."""
    size = abs(value)
    for scale, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if size >= scale:
            number = _fixed(size / scale, 1).removesuffix(".0") + suffix
            break
    else:
        number = _fixed(size, 0 if float(size).is_integer() else 1)
    sign = "-" if value < 0 else ""
    if UNITS[unit].money:
        return f"{sign}{_written(currency)[0]}{number}"
    return f"{sign}{number}"


def symbol(currency=None):
    """The symbol amounts in ``currency`` carry (an unknown code is its own symbol).

    >>> symbol(), symbol("EUR"), symbol("XYZ")
    ('$', '€', 'XYZ')
    """
    return _written(currency)[0].strip()


def input_hint(unit, currency=None):
    """What an input box's label says of its ``unit``, in ``currency``.

    >>> input_hint("money", "GBP"), input_hint("months")
    ('(£)', '(months)')
    """
    return UNITS[unit].hint.replace("{symbol}", symbol(currency))


def currency_note(currency=None, rate=1.0):
    """What a calculator says of the currency its amounts are in.

    >>> currency_note()
    "Amounts in the article's dollars ($)"
    >>> currency_note("EUR", 0.92)
    'Amounts in EUR (€), at €0.92 per article dollar'
    """
    code = check_currency(currency)
    if code is None and rate == 1:
        return "Amounts in the article's dollars ($)"
    symbol = _written(code)[0]
    name = f"{code} ({symbol.strip()})" if code else "your currency ($)"
    return f"Amounts in {name}, at {symbol}{_rate(rate, None)} per article dollar"


def format_value(value, unit, currency=None, none=None, *, compact=False):
    """The text a reader sees for ``value`` of ``unit``.

    ``currency`` is an ISO 4217 code (``None``: the article's dollars, shown as ``$``).
    ``none`` is the text for a missing value (``None``); by default the unit's own.
    ``compact`` gives the short form used on chart axes.

    >>> format_value(None, "months"), format_value(None, "money", none="not reachable")
    ('never', 'not reachable')
    >>> format_value(-0.004, "money"), format_value(True, "flag"), format_value("hybrid", "text")
    ('-$0.0040', 'yes', 'Hybrid')
    >>> format_value(250_000, "money", compact=True)
    '$250k'
    >>> format_value(-1_250_000, "money", "EUR", compact=True)
    '-€1.3M'
    """
    spec = UNITS[unit]
    if value is None:
        return spec.none if none is None else none
    if spec.format is None:
        raise ValueError(f"{unit} values are not shown as one piece of text")
    if compact and spec.format in (_money, _quantity):
        return _compact(value, unit, currency)
    return spec.format(value, currency)


def input_text(value):
    """The text an input box holds for ``value``: exact, unformatted, no grouping.

    >>> input_text(40.0), input_text(0.9), input_text(True), input_text(None), input_text(36)
    ('40', '0.9', 'true', '', '36')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)

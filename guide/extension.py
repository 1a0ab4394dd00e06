"""The Python-Markdown extension that puts the cost model into the pages.

Fences (pymdownx.superfences custom fences)::

    ```calculator
    overview
    ```

    ```figures
    initial
    ```

and ``{{ kind:key }}`` placeholders in prose, replaced before the Markdown is parsed by
:func:`calculator.quotes.quote` (``{{ calc:overview.ft_total }}`` -> ``$751,500``).
An unknown calculator, table or placeholder stops the build with a message that names it.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesException

from calculator.quotes import follows_currency, quote

from .article_tables import render_figures
from .forms import RenderError, render_calculator

PLACEHOLDER = re.compile(r"\{\{\s*([a-z]+:[A-Za-z0-9_.|=,\-]+)\s*\}\}")


class PlaceholderError(SuperFencesException):
    """An unknown placeholder: stops the build."""


def calculator_fence(source, language, class_name, options, md, **kwargs):
    try:
        return render_calculator(source.strip())
    except RenderError as err:
        raise SuperFencesException(str(err)) from err


def figures_fence(source, language, class_name, options, md, **kwargs):
    try:
        return render_figures(source.strip())
    except RenderError as err:
        raise SuperFencesException(str(err)) from err


def expand(text):
    """Replace every placeholder in ``text``; raise PlaceholderError on an unknown one.

    >>> expand("Data preparation costs {{ item:ft_data_preparation }}.")
    'Data preparation costs <span data-quote="item:ft_data_preparation">$10,000–$50,000</span>.'
    >>> expand("Up front, {{ claim:initial_ratio }} as much.")
    'Up front, 2–4× as much.'
    """

    def replace(match):
        name = match.group(1)
        try:
            text = quote(name)
            money = follows_currency(name)
        except (KeyError, ValueError) as err:
            raise PlaceholderError(f"unknown placeholder {match.group(0)!r}") from err
        # an amount follows the reader's currency: the page re-quotes it (data-quote)
        return f'<span data-quote="{name}">{text}</span>' if money else text

    return PLACEHOLDER.sub(replace, text)


class PlaceholderPreprocessor(Preprocessor):
    def run(self, lines):
        return expand("\n".join(lines)).split("\n")


class FiguresExtension(Extension):
    """Registers the placeholder preprocessor (after markdown-include, before fences)."""

    def extendMarkdown(self, md):
        md.preprocessors.register(PlaceholderPreprocessor(md), "tp_figures", 90)


def makeExtension(**kwargs):
    return FiguresExtension(**kwargs)

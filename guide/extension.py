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

from calculator.quotes import quote

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
    'Data preparation costs $10,000–$50,000.'
    """

    def replace(match):
        try:
            return quote(match.group(1))
        except (KeyError, ValueError) as err:
            raise PlaceholderError(f"unknown placeholder {match.group(0)!r}") from err

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

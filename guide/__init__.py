"""Build-time glue between the cost model and the pages (Python-Markdown, Jinja2); not
part of the cost model, which stays standard-library only.

- :mod:`guide.extension`: the ``calculator`` and ``figures`` fences and the
  ``{{ kind:key }}`` placeholders (registered in ``mkdocs.yml``).
- :mod:`guide.forms`: every calculator's form with its default results (generic).
- :mod:`guide.article_tables`: tables of the article's figures and the reference lists.
- ``templates/``: the HTML, autoescaped.
"""

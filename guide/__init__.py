"""Build-time helpers for the guide's pages (Python-Markdown, not part of the cost model).

- :mod:`guide.render`: calculator forms and figure tables as static HTML.
- :mod:`guide.markdown`: the ``calculator`` and ``figures`` fences and the ``{{ kind:key }}``
  placeholders that put the model's figures into prose.
"""

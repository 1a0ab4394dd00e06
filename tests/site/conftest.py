"""The built pages, each read once per session (html_page.Page)."""

import pytest

from .html_page import Page


@pytest.fixture(scope="session")
def pages(built_site):
    site, _ = built_site
    cache = {}

    def load(path):
        if path not in cache:
            cache[path] = Page((site / path).read_text(encoding="utf-8"))
        return cache[path]

    return load

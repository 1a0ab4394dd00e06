"""The browser's own Print (Ctrl+P) of a page: each calculator in its memo's compact form,
no input box, no button, and no more pages than the page without its calculators plus one
each. The browser fires "beforeprint" and "afterprint" around its print; the tests fire
them as it does, since printing to PDF alone does not."""

import io

import pytest
from pypdf import PdfReader

from calculator import CALCULATORS, calculate, format_value

from .helpers import next_computation, open_calculator


def print_pages(page):
    return len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)


def start_print(page):
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")


def end_print(page):
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")


def test_a_printed_page_shows_each_calculator_as_its_compact_memo(joined_page, server):
    page = joined_page
    open_calculator(page, server, "overview", "?overview.horizon_months=24")
    forms = page.locator("form[data-calculator]")
    calculators = forms.count()
    start_print(page)
    try:
        for control in page.locator(
            "form[data-calculator] input, form[data-calculator] button"
        ).all():
            assert not control.is_visible()
        copies = page.locator(".tp-print-copy")
        assert copies.count() == calculators
        first = copies.first
        assert first.is_visible()
        text = first.text_content()
        expected = calculate("overview", {"horizon_months": 24})
        assert format_value(expected["ft_total"], "money") in text
        assert CALCULATORS["overview"].question in text
        changed = first.locator("[data-memo-input]:visible")
        assert [row.get_attribute("data-memo-input") for row in changed.all()] == ["horizon_months"]
        with_calculators = print_pages(page)
        page.evaluate(
            "() => document.querySelectorAll('form[data-calculator], .tp-print-copy')"
            ".forEach(node => node.remove())"
        )
        without = print_pages(page)
        assert with_calculators <= without + calculators, (with_calculators, without)
    finally:
        end_print(page)


def test_after_printing_the_page_is_as_it_was(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "quality")
    start_print(page)
    end_print(page)
    assert page.locator(".tp-print-copy").count() == 0
    assert form.locator('[name="cost_per_error"]').is_visible()
    done = next_computation(page, "quality")
    form.locator('[name="cost_per_error"]').fill("80")
    done()


@pytest.mark.dedicated_worker  # blocks the runtime's download
def test_a_calculator_that_has_not_started_prints_the_page_results_and_says_so(
    page, context, guard, server
):
    guard.allow_console_errors = True  # the runtime is refused on purpose
    context.route("**/*.wasm", lambda route: route.abort())
    page.goto(f"{server}/performance-quality/")
    page.wait_for_selector('form[data-calculator="quality"][data-status="error"]')
    start_print(page)
    try:
        copy = page.locator(".tp-print-copy").first
        assert "as built into the page" in copy.text_content()
        assert not page.locator('form[data-calculator] input[name="cost_per_error"]').is_visible()
    finally:
        end_print(page)

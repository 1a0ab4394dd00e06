"""The printed memo: Chromium prints it to PDF at A4 and US Letter, and the PDF is read
back: one page, with the question, the inputs, every result the page shows, the source
and the link that reopens the calculator."""

import io
import re
from urllib.parse import parse_qsl

import pytest
from pypdf import PdfReader

from calculator import CALCULATORS, calculate, format_value, prices
from calculator.display import input_texts
from calculator.figures import SOURCE

from .helpers import FORM, PAGES, form_inputs, open_calculator

PAPERS = ("A4", "Letter")


def squeeze(text):
    """Text without any whitespace: PDF extraction breaks lines where the layout does."""
    return re.sub(r"\s+", "", text)


def stub_print(page):
    """Replace the browser's print dialog by a counter of the calls."""
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
    )


def press_print(page, form):
    """Press "Print memo" with the browser's print dialog replaced by a counter."""
    stub_print(page)
    before = page.evaluate("window.__printed || 0")
    form.locator('[data-action="print"]').click()
    page.wait_for_function("n => window.__printed > n", arg=before)


def printed(page, paper):
    """(pages, text) of the page printed to PDF on ``paper``."""
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def memo_facts(page, form):
    """What the memo must hold: every scalar result and input as the page shows them."""
    return form.evaluate(
        """form => ({
          results: Array.from(form.querySelectorAll('.tp-outs [data-output]'))
             .map(e => e.textContent),
          link: document.querySelector('.tp-memo-print [data-memo="link"]').textContent,
        })"""
    )


def assert_memo(page, form, calculator_id, currency=None):
    """Print the memo on each paper size (printing to PDF ends with "afterprint", which
    takes the memo away, as closing a print dialog does) and check what it says."""
    calc = CALCULATORS[calculator_id]
    used = calculate(calculator_id, form_inputs(form))["inputs"]
    inputs = input_texts(calculator_id, used, currency)
    for paper in PAPERS:
        press_print(page, form)
        facts = memo_facts(page, form)
        pages, text = printed(page, paper)
        assert pages == 1, f"{calculator_id} on {paper}: {pages} pages"
        flat = squeeze(text)
        for fact in (calc.title, calc.question, SOURCE["title"], facts["link"]):
            assert squeeze(fact) in flat, (paper, fact)
        for result in facts["results"]:
            assert squeeze(result) in flat, (paper, result)
        for field in calc.fields:  # each input with its value, as the model used it
            if not field.site_param:
                row = (
                    re.escape(squeeze(field.label))
                    + ".{0,40}?"
                    + re.escape(squeeze(inputs[field.name]))
                )
                assert re.search(row, flat), (paper, field.name, inputs[field.name])
    return text


@pytest.mark.parametrize(
    ("calculator_id", "query", "scheme"),
    [
        ("overview", "?overview.horizon_months=24", "light"),  # many inputs, a series chart
        ("sensitivity", "", "dark"),  # the tornado, printed light from the dark palette
        ("sovereign", "?currency=EUR&rate=0.92", "light"),  # a table, another currency
        ("hybrid", "?hybrid.pe_share_after_switch=0.5", "dark"),
        ("prompt_tax", "?prompt_tax.requests_per_month=20000000", "light"),
        ("takeaways", "", "light"),
    ],
)
def test_the_memo_is_one_page_with_everything_on_it(
    joined_page, server, calculator_id, query, scheme
):
    page = joined_page
    page.emulate_media(color_scheme=scheme)
    form = open_calculator(page, server, calculator_id, query)
    # the changed input is marked as changed, the illustrative defaults as such
    press_print(page, form)
    marks = page.locator(".tp-memo-print [data-memo-input]").evaluate_all(
        """rows => Object.fromEntries(rows.map(r => [r.dataset.memoInput,
             r.querySelector('.tp-memo__mark')?.textContent.trim() ?? '']))"""
    )
    changed = {key.split(".", 1)[1] for key, _ in parse_qsl(query[1:]) if "." in key}
    for field in CALCULATORS[calculator_id].fields:
        if field.site_param:
            continue
        want = "*" if field.name in changed else "°" if field.source == "illustrative" else ""
        assert marks[field.name] == want, field.name
    currency = "EUR" if "currency=EUR" in query else None
    text = assert_memo(page, form, calculator_id, currency)
    if "currency" in query:
        assert "EUR" in text and "€" in text
    for note in CALCULATORS[calculator_id].notes:
        assert squeeze(note) in squeeze(text)
    # the memo leaves the page as it was once printing is over
    assert page.locator(".tp-memo-print").count() == 0
    assert not page.evaluate("document.body.classList.contains('tp-printing')")


def test_the_memo_waits_for_the_live_calculator(page, server):
    page.goto(f"{server}/{PAGES['quality']}?quality.cost_per_error=75")
    form = page.locator(FORM.format("quality"))
    stub_print(page)
    form.evaluate(
        """form => form.addEventListener('click', () => {
             window.__statusAtClick = form.dataset.status; }, {capture: true, once: true})"""
    )
    form.locator('[data-action="print"]:not([disabled])').click()
    page.wait_for_function("() => window.__printed > 0")
    assert page.evaluate("window.__statusAtClick") == "loading"  # a fresh browser: a full boot
    assert form.get_attribute("data-status") == "ready"
    pages, text = printed(page, "A4")
    assert pages == 1
    expected = calculate("quality", {"cost_per_error": 75})["payback_months"]
    assert squeeze(format_value(expected, "months")) in squeeze(text)
    assert re.search(r"Costofoneerror.{0,20}?\$75", squeeze(text)), text


@pytest.mark.dedicated_worker  # blocks the runtime's download
def test_without_the_runtime_the_memo_prints_the_defaults_and_says_so(page, context, guard, server):
    guard.allow_console_errors = True  # the blocked download is logged by the browser
    context.route("**/*.wasm", lambda route: route.abort())
    page.goto(f"{server}/{PAGES['quality']}?quality.cost_per_error=75")
    page.wait_for_selector('form[data-calculator="quality"][data-status="error"]')
    form = page.locator(FORM.format("quality"))
    press_print(page, form)
    row = page.locator(
        '.tp-memo-print [data-memo-input="cost_per_error"] td:not([data-memo-compare])'
    ).text_content()
    link = page.locator('.tp-memo-print [data-memo="link"]').text_content()
    pages, text = printed(page, "Letter")
    assert pages == 1
    assert "default inputs" in text and "could not start" in text
    assert row.startswith("$40")  # the default, not the link's 75
    default = calculate("quality")["payback_months"]
    assert squeeze(format_value(default, "months")) in squeeze(text)
    assert "cost_per_error" not in link and squeeze(link) in squeeze(text)


def test_the_memo_refuses_results_that_are_not_for_its_inputs(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "quality")
    form.locator('[name="cost_per_error"]').fill("-5")
    page.wait_for_selector('form[data-calculator="quality"][data-stale]')
    stub_print(page)
    form.locator('[data-action="print"]').click()
    page.wait_for_function(
        "sel => document.querySelector(sel).querySelector('[data-role=status]')"
        ".textContent.includes('not for the inputs')",
        arg=FORM.format("quality"),
    )
    assert page.evaluate("window.__printed") is None


@pytest.mark.parametrize("paper", PAPERS)
def test_a_comparison_prints_both_scenarios_and_the_difference_on_one_page(
    joined_page, server, paper
):
    page = joined_page
    query = (
        "?prompt_tax.requests_per_month=10000000&prompt_tax~a.requests_per_month=2000000"
        "&prompt_tax~preset.pe=openai/gpt-4o"
    )
    form = open_calculator(page, server, "prompt_tax", query)
    assert form.get_attribute("data-comparing") is not None
    press_print(page, form)
    memo = page.locator(".tp-memo-print")
    a_cells = memo.locator('[data-memo-input="requests_per_month"] td')
    used_a = calculate("prompt_tax", {"requests_per_month": 2_000_000})["inputs"]
    assert (
        a_cells.nth(1).text_content()
        == "A: " + input_texts("prompt_tax", used_a)["requests_per_month"]
    )
    pages, text = printed(page, paper)
    assert pages == 1, f"{paper}: {pages} pages"
    flat = squeeze(text)
    for slot in form.locator("[data-compare]:not([hidden])").all():
        assert squeeze(slot.text_content()) in flat
    assert "openai/gpt-4o" in text and squeeze(prices.NOTE) in flat

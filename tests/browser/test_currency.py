"""The reader's currency in Chromium: a link's setting converts every calculator and every
figure quoted in the prose exactly as CPython does; a setting changed in one form reaches
the others, the address and the next page; a bad one is refused at the setting."""

import json

import pytest
from playwright.sync_api import expect

from calculator import CALCULATORS
from calculator.quotes import quote
from calculator.units import currency_note, input_hint, input_text

from .helpers import (
    FORM,
    PAGES,
    WATCH_WORKER,
    assert_matches_cpython_at,
    flush_address,
    form_inputs,
    next_computation,
    open_calculator,
    shown_values,
    wait_for_replies,
    wait_until_live,
)

KEY = "tune-or-prompt:currency"


def quotes_on(page):
    return page.locator("[data-quote]").evaluate_all(
        "spans => spans.map(s => [s.dataset.quote, s.textContent])"
    )


def wait_for_quotes(page, currency, rate):
    """Wait until every prose figure reads as CPython quotes it in ``currency``."""
    want = {name: quote(name, currency, rate) for name, _ in quotes_on(page)}
    page.wait_for_function(
        """want => Array.from(document.querySelectorAll('[data-quote]'))
             .every(s => s.textContent === want[s.dataset.quote])""",
        arg=want,
    )
    return want


def wait_for_note(page, calculator_id, note):
    """Wait until a form's results are in the setting its currency note names."""
    page.wait_for_function(
        """([sel, note]) => document.querySelector(sel)
             .querySelector('[data-role=currency-note]').textContent === note""",
        arg=[FORM.format(calculator_id), note],
    )


def open_setting(form):
    """Open the form's currency setting from the keyboard. A click can miss: when an input
    of the form has focus and the click's scroll takes the headline results out of view,
    the pinned summary appears a frame later over the bottom of the screen, where the
    scroll left the setting, and the button's release lands on it."""
    setting = form.locator('[data-role="currency-setting"]')
    if setting.get_attribute("open") is None:  # a field error in it opens it too
        setting.locator("summary").press("Enter")
    expect(setting).to_have_attribute("open", "")


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_a_currency_link_converts_every_default_and_result(joined_page, server, calculator_id):
    page = joined_page
    form = open_calculator(page, server, calculator_id, "?currency=EUR&rate=0.92")
    calc = CALCULATORS[calculator_id]
    inputs = form_inputs(form)
    assert inputs["exchange_rate"] == "0.92"
    for field in calc.fields:  # the boxes show the defaults converted, money ones only
        if field.kind not in ("integer", "number") or field.name == "exchange_rate":
            continue
        if field.default is None:
            assert inputs[field.name] == "", field.name
        else:
            shown = float(inputs[field.name])
            assert shown == pytest.approx(field.default_at(0.92), rel=1e-11), field.name
        if field.money:  # and their labels name the reader's currency
            unit = form.locator(f'[data-field="{field.name}"] label .tp-unit')
            assert unit.text_content() == input_hint(field.unit, "EUR"), field.name
    assert_matches_cpython_at(form, calculator_id, inputs, "EUR")
    note = form.locator('[data-role="currency-note"]').text_content()
    assert note == currency_note("EUR", 0.92)
    if page.locator("[data-quote]").count():
        wait_for_quotes(page, "EUR", 0.92)
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == {
        "currency": "EUR",
        "rate": "0.92",
    }


@pytest.mark.dedicated_worker  # blocks the runtime's download
def test_the_pre_rendered_page_says_its_currency(page, server, context):
    context.route("**/*.wasm", lambda route: route.abort())  # no runtime: the built page
    page.goto(f"{server}/{PAGES['overview']}?currency=EUR&rate=0.92")
    form = page.locator(FORM.format("overview"))
    page.wait_for_selector('form[data-calculator="overview"][data-status="error"]')
    assert form.locator('[data-role="currency-note"]').text_content() == currency_note()
    assert "$" in form.locator('[data-output="ft_total"]').text_content()
    quotes = dict(quotes_on(page))
    assert quotes["calc:overview.ft_total"] == quote("calc:overview.ft_total")


def test_a_setting_changed_in_one_form_reaches_every_form_and_page(joined_page, server):
    page = joined_page
    page.goto(f"{server}/{PAGES['decision']}")
    forms = page.locator("form[data-calculator]")
    ids = forms.evaluate_all("fs => fs.map(f => f.dataset.calculator)")
    assert len(ids) == 2
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('form[data-calculator]'))"
        ".every(f => f.dataset.status === 'ready')"
    )
    first, second = (page.locator(FORM.format(i)) for i in ids)
    open_setting(first)
    first.locator('[data-setting="currency"]').fill("gbp")
    first.locator('[data-site-param="rate"]').fill("0.8")
    wait_for_note(page, ids[1], currency_note("GBP", 0.8))
    assert second.locator('[data-setting="currency"]').input_value() == "GBP"
    assert_matches_cpython_at(second, ids[1], form_inputs(second), "GBP")
    assert "currency=GBP" in page.url and "rate=0.8" in page.url
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == {
        "currency": "GBP",
        "rate": "0.8",
    }

    # instant navigation to another page, then a reload: the setting stays
    nav = page.locator(".md-nav--primary")
    nav.get_by_role("link", name="Initial investment", exact=True).first.click()
    form = page.locator(FORM.format("initial_investment"))
    wait_until_live(page, "initial_investment")
    assert_matches_cpython_at(form, "initial_investment", form_inputs(form), "GBP")
    wait_for_quotes(page, "GBP", 0.8)
    page.reload()
    wait_until_live(page, "initial_investment")
    assert form_inputs(form)["exchange_rate"] == "0.8"
    assert_matches_cpython_at(form, "initial_investment", form_inputs(form), "GBP")

    # back to the article's dollars: the prose follows
    done = next_computation(page, "initial_investment")
    open_setting(form)
    form.locator('[data-setting="currency"]').fill("")
    form.locator('[data-site-param="rate"]').fill("1")
    done()
    wait_for_quotes(page, None, 1.0)
    assert "currency=" not in page.url and "rate=" not in page.url


def test_a_links_setting_wins_over_the_stored_one(joined_page, server):
    page = joined_page
    page.goto(f"{server}/{PAGES['quality']}")
    page.evaluate(f"""localStorage.setItem('{KEY}', '{{"currency": "GBP", "rate": "0.8"}}')""")
    form = open_calculator(page, server, "quality", "?currency=JPY&rate=150")
    assert form_inputs(form)["exchange_rate"] == "150"
    assert form.locator('[data-setting="currency"]').input_value() == "JPY"
    assert_matches_cpython_at(form, "quality", form_inputs(form), "JPY")
    form = open_calculator(page, server, "quality")  # no setting in the link: the kept one
    assert form.locator('[data-setting="currency"]').input_value() == "JPY"


@pytest.mark.parametrize(
    ("control", "text", "reason"),
    [
        ("currency", "EURO", "three-letter ISO 4217 code"),
        ("currency", "<b>EUR</b>", "three-letter ISO 4217 code"),
        ("rate", "0", "greater than 0"),
        ("rate", "-2", "greater than 0"),
        ("rate", "NaN", "a number"),
        ("rate", "many", "a number"),
        ("rate", "1e7", "at most"),
    ],
)
def test_a_bad_setting_is_refused_at_the_setting_and_changes_nothing(
    joined_page, server, control, text, reason
):
    page = joined_page
    page.add_init_script(WATCH_WORKER)
    page.goto(f"{server}/{PAGES['decision']}")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('form[data-calculator]'))"
        ".every(f => f.dataset.status === 'ready')"
    )
    first, second = page.locator("form[data-calculator]").all()
    before = [shown_values(first), shown_values(second), page.url]
    selector = '[data-setting="currency"]' if control == "currency" else '[data-site-param="rate"]'
    open_setting(first)
    first.locator(selector).fill(text)
    page.wait_for_selector(f"{FORM.format(first.get_attribute('data-calculator'))}[data-stale]")
    field = first.locator(".tp-field", has=page.locator(selector))
    error = field.locator('[data-role="error"]')
    assert error.is_visible() and reason in error.text_content()
    assert field.locator(selector).get_attribute("aria-invalid") == "true"
    assert first.locator(selector).input_value() == text  # what the reader typed stays
    wait_for_replies(page)  # a call the setting made would have its reply by now
    flush_address(page)  # and an address write waiting for a typing pause would land
    assert [shown_values(first), shown_values(second), page.url] == before
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


@pytest.mark.parametrize(
    "query",
    ["?currency=%3Cimg%20src%3Dx%3E&rate=2", "?currency=EUR&rate=-1", "?rate=NaN"],
)
def test_a_bad_link_setting_falls_back_to_dollars_and_says_so(joined_page, server, query):
    page = joined_page
    page.goto(f"{server}/{PAGES['quality']}")
    page.evaluate(f"""localStorage.setItem('{KEY}', '{{"currency": "GBP", "rate": "0.8"}}')""")
    form = open_calculator(page, server, "quality", query)
    status = form.locator('[data-role="status"]').text_content()
    assert "currency setting in the link was refused" in status
    assert form.locator("img").count() == 0
    assert form.locator('[data-role="currency-note"]').text_content() == currency_note()
    assert form.get_attribute("data-stale") is None
    assert_matches_cpython_at(form, "quality", form_inputs(form))
    assert "currency=" not in page.url and "rate=" not in page.url
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored == {"currency": "GBP", "rate": "0.8"}  # the reader's own is kept


def test_a_bad_stored_setting_is_dropped(joined_page, server):
    page = joined_page
    page.goto(f"{server}/{PAGES['quality']}")
    page.evaluate(f"""localStorage.setItem('{KEY}', '{{"currency": "EURO", "rate": "1"}}')""")
    form = open_calculator(page, server, "quality")
    status = form.locator('[data-role="status"]').text_content()
    assert "kept in this browser was refused" in status
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert_matches_cpython_at(form, "quality", form_inputs(form))


def test_a_link_cannot_set_one_calculators_rate(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "quality", "?quality.exchange_rate=2")
    assert form_inputs(form)["exchange_rate"] == "1"
    assert "exchange_rate" in form.locator('[data-role="status"]').text_content()


def test_the_readers_own_amounts_are_never_converted(joined_page, server):
    page = joined_page
    # from a link: 40 is the dollar default, but here it is the sender's 40 euros
    query = "?quality.cost_per_error=40&currency=EUR&rate=0.92"
    form = open_calculator(page, server, "quality", query)
    assert form_inputs(form)["cost_per_error"] == "40"
    assert_matches_cpython_at(
        form, "quality", {"cost_per_error": "40", "exchange_rate": "0.92"}, "EUR"
    )
    # typed, equal to the default, then the rate changes: it stays the reader's
    form = open_calculator(page, server, "quality", "?currency=&rate=1")
    form.locator('[name="cost_per_error"]').fill("40")
    open_setting(form)
    form.locator('[data-site-param="rate"]').fill("0.5")
    wait_for_note(page, "quality", currency_note(None, 0.5))
    inputs = form_inputs(form)
    assert inputs["cost_per_error"] == "40"
    assert_matches_cpython_at(form, "quality", {"cost_per_error": "40", "exchange_rate": "0.5"})
    # reset makes it a default again, converted
    form.locator('[data-action="reset"]').click()
    page.wait_for_function(
        "sel => document.querySelector(sel).querySelector('[name=cost_per_error]').value === '20'",
        arg=FORM.format("quality"),
    )


def test_the_setting_is_in_exports_and_links(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "quality", "?currency=EUR&rate=0.5")
    with page.expect_download() as info:
        form.locator('[data-action="download-json"]').click()
    with open(info.value.path()) as saved:
        scenario = json.load(saved)
    assert scenario["currency"] == "EUR"
    assert scenario["inputs"]["exchange_rate"] == 0.5
    assert scenario["inputs"]["cost_per_error"] == 20  # the default, converted
    assert "currency=EUR" in scenario["link"] and "rate=0.5" in scenario["link"]
    default = CALCULATORS["quality"].field("cost_per_error").default
    assert form_inputs(form)["cost_per_error"] == input_text(default * 0.5)

"""The answer stays in view while editing: for every calculator, with its first or its last
visible input focused, its headline result's current text is on screen, at phone width
(portrait and landscape) and on a desktop, and nothing covers the focused input."""

import pytest

from calculator import CALCULATORS

from .helpers import PAGES, guarded_context, wait_until_live

VIEWPORTS = {"phone": (390, 844), "phone-landscape": (844, 390), "desktop": (1280, 1000)}

CHECK = """([form, key, which]) => {
  form = document.querySelector(`form[data-calculator="${form}"]`);
  const visible = (el) =>
    el.checkVisibility({ checkVisibilityCSS: true, contentVisibilityAuto: true });
  const controls = Array.from(form.querySelectorAll("input[name], select[name]")).filter(visible);
  const control = which === "first" ? controls[0] : controls[controls.length - 1];
  control.focus();
  const within = (r) =>
    r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  const output = form.querySelector(`[data-output="${key}"]`);
  const places = [output, form.querySelector(`[data-summary="${key}"]`)];
  const frames = (n, then) => requestAnimationFrame(() => (n > 1 ? frames(n - 1, then) : then()));
  return new Promise((resolve) => frames(4, () => {
    const shown = places.filter((el) => el && visible(el) && within(el.getBoundingClientRect())
      && el.textContent === output.textContent);
    const summary = form.querySelector('[data-role="summary"]');
    const bar = visible(summary) ? summary.getBoundingClientRect() : null;
    const box = control.getBoundingClientRect();
    resolve({
      name: control.name, text: output.textContent, shown: shown.length,
      focusedInView: within(box),
      covered: bar !== null && box.bottom > bar.top && box.top < bar.bottom,
    });
  }));
}"""


@pytest.fixture
def context(browser, guard, viewport):
    width, height = VIEWPORTS[viewport]
    phone = width < 500 or height < 500
    context = guarded_context(
        browser, guard, viewport={"width": width, "height": height}, is_mobile=phone,
        has_touch=phone,
    )  # fmt: skip
    yield context
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_headline_result_is_in_view_while_editing(page, server, viewport):
    for calc in CALCULATORS.values():
        headline = next(o.key for o in calc.outputs if o.headline)
        if page.url != f"{server}/{PAGES[calc.id]}":
            page.goto(f"{server}/{PAGES[calc.id]}")
        wait_until_live(page, calc.id)
        for which in ("first", "last"):
            seen = page.evaluate(CHECK, [calc.id, headline, which])
            where = f"{calc.id}, {which} input ({seen['name']}), {viewport}"
            assert seen["shown"] >= 1, f"{where}: {headline} ({seen['text']!r}) is off screen"
            assert seen["focusedInView"], f"{where}: the focused input is off screen"
            assert not seen["covered"], f"{where}: the summary covers the focused input"


def test_one_live_region_per_calculator_and_nothing_extra_in_print(joined_page, server):
    page = joined_page
    page.goto(f"{server}/")
    wait_until_live(page, "overview")
    for form in page.locator("form[data-calculator]").all():
        live = form.evaluate(
            "f => f.querySelectorAll('[aria-live], [role=status], [role=log]').length"
        )
        assert live == 1
    page.emulate_media(media="print")
    assert page.locator(".tp-summary").first.evaluate("e => getComputedStyle(e).display") == "none"

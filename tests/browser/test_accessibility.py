"""Accessibility: zero axe-core violations of WCAG 2.1 A and AA on every page, in the light
and dark palettes, with every calculator live and every disclosure open, and with a
calculator showing a field error, and the notice of a newer build.

The palettes differ in colours only (the theme marks the body; the markup is the same), so
the dark pass runs the rules that read colours, and the light pass all of them."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .helpers import NAV_TITLES, guarded_context

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
#: The WCAG 2.1 A and AA rules whose outcome depends on colours.
COLOURS = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


#: The theme's palette for each colour scheme the browser prefers (mkdocs.yml).
PALETTES = {"light": "default", "dark": "slate"}


def audit(page, where, scheme):
    """axe on ``page`` once its calculators are live and every disclosure is open: every
    WCAG rule in the light palette, the colour rules in the dark one (checked to be the
    palette the page shows, not only the one the browser prefers)."""
    page.wait_for_function(
        "() => !document.querySelector('form[data-calculator]:not([data-status=ready])')"
    )
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    shown = page.evaluate("document.body.dataset.mdColorScheme")
    assert shown == PALETTES[scheme], f"{where}: the page shows the {shown!r} palette"
    result = Axe().run(page, options=WCAG if scheme == "light" else COLOURS)
    assert result.violations_count == 0, f"{where} ({scheme}):\n{result.generate_report()}"


@pytest.fixture
def context(browser, guard, color_scheme):
    context = guarded_context(browser, guard, color_scheme=color_scheme)
    yield context
    context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_every_page_has_no_wcag_violations(page, server, color_scheme):
    page.goto(f"{server}/")
    audit(page, NAV_TITLES[0], color_scheme)
    for title in NAV_TITLES[1:]:  # instant navigation: one Python runtime for the tour
        page.locator(".md-nav--primary").get_by_role("link", name=title, exact=True).first.click()
        page.wait_for_function(
            "t => document.querySelector('.md-nav--primary .md-nav__link--active')"
            "?.textContent.trim() === t",
            arg=title,
        )
        audit(page, title, color_scheme)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_a_field_error_and_the_404_page_have_no_wcag_violations(page, server, guard, color_scheme):
    page.goto(f"{server}/performance-quality/?quality.cost_per_error=-5&quality.tasks_per_month=x")
    page.wait_for_selector("form[data-calculator=quality][data-stale]")
    audit(page, "a field error", color_scheme)
    guard.allow_console_errors = True  # the browser logs the 404 itself
    page.goto(f"{server}/404.html")
    audit(page, "404", color_scheme)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_notice_of_a_newer_build_has_no_wcag_violations(page, server, color_scheme):
    page.goto(f"{server}/methodology/")
    notice = f"{server}/javascripts/update-notice.mjs"  # the module the page has loaded
    page.evaluate("url => import(url).then(notice => notice.announce())", notice)
    page.get_by_role("button", name="Reload").focus()  # in the tab order, and ringed
    audit(page, "the notice of a newer build", color_scheme)

"""The guide in Firefox and WebKit: every calculator goes live and computes what CPython
computes, a link restores its inputs, instant navigation keeps one runtime, the currency
setting applies, and the guide works offline after one visit. Each test runs once in each
engine (tests/engines/conftest.py), which must make no request to another origin and show
no page or console error."""

import time

import pytest
from local_serving import serve

from calculator import CALCULATORS
from tests.browser.helpers import a_different_value

from .conftest import FORM

PAGES = {}  # each page, and the calculators on it
for calc in CALCULATORS.values():
    PAGES.setdefault(calc.path, []).append(calc.id)

# An edit as a reader makes one: the control's new value and its input event (a checkbox is
# clicked); the form's next computation sets the flag.
EDIT = """([sel, name, value]) => {
  const form = document.querySelector(sel);
  window.__tpComputed = false;
  form.addEventListener('tp:computed', () => { window.__tpComputed = true; }, {once: true});
  const control = form.querySelector(`[name="${name}"]`);
  if (value === null) control.click();
  else {
    control.value = value;
    control.dispatchEvent(new Event('input', {bubbles: true}));
  }
}"""


def edit(page, calculator_id, name, value):
    page.engine.evaluate(EDIT, [FORM.format(calculator_id), name, value])
    page.engine.wait("() => window.__tpComputed === true")


def test_the_guard_sees_requests_to_other_origins(page):
    """First: the tests after it rely on the guard. (In WebKit, after the offline test
    stopped its server, a fetch for another origin failed without reaching the proxy.)"""
    urls = {"http://example.com/x": ("GET http://example.com/x",),
            "https://example.org/y": ("CONNECT example.org:443", "TLS handshake")}  # fmt: skip
    # asked for by fetch(), not by navigating there: a navigation still under way when the
    # next goto() began could replace it, and that goto then never finished (Firefox)
    page.engine.goto("about:blank")
    for url, requests in urls.items():
        page.engine.evaluate("url => { fetch(url, { mode: 'no-cors' }).catch(() => {}); }", url)
        end = time.monotonic() + 20
        while not any(r.startswith(requests) for r in page.refuser.requests):
            assert time.monotonic() < end, f"the proxy did not see {url}"
            time.sleep(0.05)  # the proxy's thread records it
    reported, end = [], time.monotonic() + 20
    while page.engine.name == "Firefox" and not set(urls) <= set(reported):
        assert time.monotonic() < end, f"Firefox reported only {reported}"
        reported += page.engine.seen()[0]  # the browser reports its pages' requests too
    page.engine.seen()
    page.refuser.requests.clear()  # this test wanted exactly those


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p.strip("/") or "home")
def test_every_calculator_goes_live_and_an_edit_gives_cpythons_figures(page, path):
    page.open(path, *PAGES[path])
    for calculator_id in PAGES[path]:
        form = page.form(calculator_id)
        form.matches_cpython()
        fields = CALCULATORS[calculator_id].fields
        field = next(f for f in fields if not f.advanced and not f.optional)
        value = a_different_value(field)
        edit(page, calculator_id, field.name, value)
        inputs = form.matches_cpython()
        if value is not None:
            assert inputs[field.name] == value
        else:
            assert inputs[field.name] != str(field.default).lower()


def test_a_link_restores_its_inputs(page):
    page.open("performance-quality/?quality.cost_per_error=80#the-value-of-accuracy", "quality")
    inputs = page.form("quality").matches_cpython()
    assert inputs["cost_per_error"] == "80"


# Marks the document, and counts the workers started from now on: instant navigation keeps
# the document, and so the one runtime the guide started for it.
COUNT_WORKERS = """() => {
  window.__tpSameDocument = true;
  window.__tpWorkers = 0;
  for (const name of ['Worker', 'SharedWorker']) {
    const Base = window[name];
    if (typeof Base !== 'function') continue;
    window[name] = class extends Base {
      constructor(...args) { super(...args); window.__tpWorkers += 1; }
    };
  }
}"""


def test_instant_navigation_keeps_one_runtime(page):
    page.open("", "overview")
    boot = page.form("overview").evaluate("f => f.dataset.boot")
    page.engine.evaluate(COUNT_WORKERS)
    # the offline copy is filled once: its downloads are the service worker's, not the page's
    page.engine.wait("() => navigator.serviceWorker.controller !== null")
    since = len(page.httpd.requests)
    for link, href, calculator_id in (  # the sidebar's link, then the footer's "next"
        ('.md-nav--primary a.md-nav__link[href$="initial-investment/"]', "initial-investment/",
         "initial_investment"),
        (".md-footer__link--next", "ongoing-costs/", "ongoing_costs"),
    ):  # fmt: skip
        # the theme swaps the footer after the page's content: click the link once it is
        # the new page's own, not the one it replaces
        page.engine.wait("([sel, href]) => document.querySelector(sel)?.href.endsWith(href)",
                         [link, href])  # fmt: skip
        # a click event on the link, as the theme's instant navigation listens for: a pointer
        # click at its centre now and then lands while the page still scrolls after a swap
        page.engine.evaluate("sel => document.querySelector(sel).click()", link)
        page.engine.wait("href => location.pathname.endsWith(href)", href)
        page.wait_until_ready(calculator_id)
        form = page.form(calculator_id)
        assert form.evaluate("f => f.dataset.boot") == boot
        form.matches_cpython()
    same_document, workers = page.engine.evaluate(
        "() => [window.__tpSameDocument === true, window.__tpWorkers]"
    )
    assert same_document, "the click loaded a new document"
    assert workers == 0
    asked = [path for _, path, _ in page.httpd.requests[since:]]
    assert not [p for p in asked if "/runtime/" in p or "calc-worker" in p], asked


def test_the_currency_setting_applies(page):
    try:
        page.open("?currency=EUR&rate=0.5", "overview")
        form = page.form("overview")
        inputs = form.matches_cpython(currency="EUR")
        assert inputs["exchange_rate"] == "0.5"
        texts = form.evaluate(
            "f => Array.from(f.querySelectorAll('[data-headline]'), e => e.textContent)"
        )
        assert texts and all("€" in t for t in texts if any(c.isdigit() for c in t)), texts
        assert any("€" in t for t in texts), texts
    finally:  # the setting is kept in the browser: the other tests read dollars
        page.engine.evaluate("() => localStorage.clear()")


@pytest.fixture
def stoppable_site(built_site):
    """The built site on a server of its own (an origin of its own: a fresh service
    worker), which the test stops."""
    httpd, url = serve(built_site[0])
    yield httpd, url
    httpd.shutdown()
    httpd.server_close()


def test_offline_after_one_visit(page, stoppable_site):
    httpd, url = stoppable_site
    page.engine.goto(f"{url}/performance-quality/")
    page.wait_until_ready("quality", httpd)
    # installed = every file in the offline copy; clientsClaim makes it control this page
    page.engine.wait("() => navigator.serviceWorker.controller !== null")
    assert not [r for r in httpd.requests if r[2] >= 400], httpd.requests
    httpd.shutdown()
    httpd.server_close()

    page.engine.goto(f"{url}/hybrid/?hybrid.switch_month=3")  # never visited
    page.wait_until_ready("hybrid", httpd)
    inputs = page.form("hybrid").matches_cpython()
    assert inputs["switch_month"] == "3"

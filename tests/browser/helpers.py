"""What the browser tests share: the calculators' pages and forms, opening one until it is
live, reading what a form holds and shows, comparing it with CPython, waiting for the next
computation or for the runtime's memory snapshot, and the guard that fails a test on a
request to another origin or an error on the page."""

import html
import json
import math
import re
import time
from pathlib import Path
from urllib.parse import urljoin

from local_serving import NO_SHARED_WORKER, SNAPSHOTS
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from calculator import CALCULATORS, calculate, format_value
from calculator.display import link_href

ROOT = Path(__file__).resolve().parents[2]

PAGES = {c.id: c.path for c in CALCULATORS.values()}
FORM = 'form[data-calculator="{}"]'


def open_calculator(page, server, calculator_id, query="", hash_=""):
    page.goto(f"{server}/{PAGES[calculator_id]}{query}{hash_}")
    form = page.locator(FORM.format(calculator_id))
    page.wait_for_function(
        "sel => ['ready', 'error'].includes(document.querySelector(sel).dataset.status)",
        arg=FORM.format(calculator_id),
    )
    assert form.get_attribute("data-status") == "ready", form.locator(
        '[data-role="status"]'
    ).text_content()
    return form


STATE = """sel => {
    const forms = [...document.querySelectorAll(sel)];
    return JSON.stringify({
        url: location.href, readyState: document.readyState, forms: forms.length,
        status: forms.map((f) => f.dataset.status),
        line: forms.map((f) => f.querySelector('[data-role="status"]')?.textContent?.trim()),
        controlled: Boolean(navigator.serviceWorker?.controller),
    });
}"""


def wait_until_live(page, calculator_id, timeout_ms=60_000):
    """Wait until the calculator's form on ``page`` is live (``data-status`` ready); if it
    never is, fail with what the page shows: its address, the form's status and status
    line, and whether a service worker controls the page."""
    sel = FORM.format(calculator_id)
    try:
        page.wait_for_selector(f'{sel}[data-status="ready"]', timeout=timeout_ms)
    except PlaywrightTimeoutError as timeout:
        state = page.evaluate(STATE, sel)
        raise AssertionError(f"{calculator_id} never went live: {state}") from timeout


def form_inputs(form):
    """The inputs as the binder sends them: every control's current value, as text."""
    return form.evaluate(
        """form => Object.fromEntries(Array.from(form.elements)
            .filter(c => c.name && c.matches('input, select'))
            .map(c => [c.name, c.type === 'checkbox' ? String(c.checked) : c.value]))"""
    )


def shown_values(form):
    """Every output as the page shows it: raw values, and the text beside them."""
    return form.evaluate(
        """form => ({
          scalars: Object.fromEntries(Array.from(form.querySelectorAll('[data-output][data-value]'))
             .map(e => [e.dataset.output, e.dataset.value])),
          texts: Object.fromEntries(Array.from(form.querySelectorAll('[data-output]'))
             .filter(e => !['TABLE', 'UL'].includes(e.tagName))
             .map(e => [e.dataset.output, e.textContent])),
          links: Object.fromEntries(Array.from(form.querySelectorAll('a[data-output]'))
             .map(e => [e.dataset.output, e.hasAttribute('href') ? e.href : null])),
          rows: Object.fromEntries(Array.from(form.querySelectorAll('table[data-output]'))
             .map(t => [t.dataset.output, Array.from(t.tBodies[0].rows).map(r =>
                 Array.from(r.cells).map(c => [c.dataset.value ?? null, c.textContent]))])),
          lists: Object.fromEntries(Array.from(form.querySelectorAll('ul[data-output]'))
             .map(u => [u.dataset.output, Array.from(u.children).map(li => li.textContent)])),
        })"""
    )


def same(a, b):
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def assert_matches_cpython(form, calculator_id):
    """Every output shows the value CPython computes for the form's inputs, as the text
    calculator.format_value makes of it."""
    inputs = form_inputs(form)
    assert_matches_cpython_at(form, calculator_id, inputs)
    return inputs


def assert_matches_cpython_at(form, calculator_id, inputs, currency=None):
    """Every output shows what CPython computes for ``inputs``, in ``currency``."""
    expected = calculate(calculator_id, inputs)
    shown = shown_values(form)
    for output in CALCULATORS[calculator_id].outputs:
        value = expected[output.key]
        if output.unit in ("table", "series"):
            rows = shown["rows"][output.key]
            assert len(rows) == len(value), output.key
            for row_shown, row in zip(rows, value, strict=True):
                for (raw, text), column in zip(row_shown, output.columns, strict=True):
                    want = row[column.key]
                    assert text == format_value(want, column.unit, currency, column.none)
                    if column.unit != "text":
                        assert same(json.loads(raw), want), (output.key, column.key)
        elif output.unit == "list":
            assert shown["lists"][output.key] == value
        elif output.unit == "link":
            href = shown["links"].get(output.key)
            if value is None:
                assert href is None
            else:
                path = CALCULATORS[calculator_id].path
                want = urljoin(form.page.url, link_href(path, value, currency))
                assert href == want
        else:
            raw = shown["scalars"][output.key]
            got = raw if output.unit == "text" else json.loads(raw)
            assert same(got, value), (output.key, got, value)
            text = format_value(value, output.unit, currency, output.none)
            assert shown["texts"][output.key] == text, output.key


def next_computation(page, calculator_id):
    """Arm a promise that resolves on the form's next finished computation."""
    page.evaluate(
        """sel => { window.__tpNext = new Promise(resolve => document.querySelector(sel)
             .addEventListener('tp:computed', resolve, {once: true})); }""",
        FORM.format(calculator_id),
    )
    return lambda: page.evaluate("window.__tpNext")


def open_live(page, server, path="performance-quality/", calculator_id="quality"):
    page.goto(f"{server}/{path}")
    wait_until_live(page, calculator_id)
    return page.locator(FORM.format(calculator_id))


def wait_for_snapshot(page, timeout_s=60):
    """Poll Cache Storage (async, so not a wait_for_function predicate) for the snapshot."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        urls = [u for u in page.evaluate(SNAPSHOTS) if u.endswith("/memory-snapshot.bin")]
        if urls and "/000000000000/" not in urls[-1]:
            return urls[-1]
        page.wait_for_timeout(200)
    raise AssertionError("no memory snapshot was kept")


#: The page titles of the site's navigation, as mkdocs.yml lists them.
NAV_TITLES = re.findall(
    r"^  - ([^:]+): [\w-]+\.md$",
    (ROOT / "mkdocs.yml").read_text().split("\nnav:\n")[1],
    re.MULTILINE,
)


class Guard:
    """Records what a page must never do; the fixture fails the test if any happened."""

    def __init__(self, origin):
        self.origin = origin
        self.foreign, self.page_errors, self.console_errors = [], [], []
        self.allow_console_errors = False

    def route(self, route):
        url = route.request.url
        if url.startswith(self.origin + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def check(self):
        assert not self.foreign, f"requests to other origins: {self.foreign}"
        assert not self.page_errors, f"uncaught page errors: {self.page_errors}"
        if not self.allow_console_errors:
            assert not self.console_errors, f"console errors: {self.console_errors}"


def watch(page, guard):
    """Report the page's uncaught errors, console errors and dialogs to ``guard``."""
    page.on("pageerror", lambda err: guard.page_errors.append(str(err)))
    page.on(
        "console",
        lambda msg: guard.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("dialog", lambda dialog: (guard.page_errors.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))  # fmt: skip
    page.set_default_timeout(60_000)


#: The browser tests' window, unless a test asks for another.
VIEWPORT = {"width": 1280, "height": 900}


def guarded_context(
    browser, guard, *, service_workers="block", dedicated=False, viewport=VIEWPORT, **options
):
    """A browser context at the tests' viewport whose every request passes ``guard`` (an
    object with ``route``); with ``dedicated``, its pages start a dedicated Python worker
    each (dedicated_workers)."""
    context = browser.new_context(viewport=viewport, service_workers=service_workers, **options)
    context.route("**/*", guard.route)
    if dedicated:
        dedicated_workers(context)
    return context


def dedicated_workers(context):
    """Pages of ``context`` start a dedicated worker each, as where there is no SharedWorker."""
    context.add_init_script(NO_SHARED_WORKER)


# Installed before any page script (page.add_init_script): counts the requests the page
# sends its Python worker, the replies it gets, and the errors the worker reports.
WATCH_WORKER = """
window.__tpWorker = {asked: 0, answered: 0, errors: 0};
for (const proto of [MessagePort.prototype, Worker.prototype]) {
  const post = proto.postMessage;
  proto.postMessage = function (message, ...rest) {
    if (["call", "describe", "quotes"].includes(message?.type)) window.__tpWorker.asked++;
    return post.call(this, message, ...rest);
  };
}
for (const name of ["Worker", "SharedWorker"]) {
  const Original = window[name];
  if (typeof Original !== "function") continue;
  window[name] = class extends Original {
    constructor(...args) {
      super(...args);
      (this.port || this).addEventListener("message", (event) => {
        if (event.data?.type === "result") window.__tpWorker.answered++;
      });
      this.addEventListener("error", () => window.__tpWorker.errors++);
    }
  };
}
"""


def wait_for_replies(page):
    """Wait until the worker has answered every request the page has sent it (a reply is
    shown in the task that receives it): no late reply can change the page after this."""
    page.wait_for_function("() => window.__tpWorker.answered === window.__tpWorker.asked")


def flush_address(page):
    """Write any address change still waiting for the reader's typing pause, now: a click
    does that (url-state.mjs), so what the address holds after this is final."""
    page.evaluate("document.dispatchEvent(new MouseEvent('click'))")


def chart_description(svg):
    """The text of a chart's <desc>, from the SVG markup the model draws."""
    (desc,) = re.findall(r"<desc[^>]*>(.*?)</desc>", svg, re.DOTALL)
    return html.unescape(desc)


def a_different_value(field):
    """A valid new value for ``field`` (for the generic 'change an input' test)."""
    if field.kind == "boolean":
        return None  # toggled by a click
    default = field.default
    if field.kind == "integer":
        new = default // 2 if default and default > 1 else (field.minimum or 0) + 1
        return str(int(new))
    return repr(default / 2) if default else "1"


# The addresses in the offline copy (Workbox's precache caches), from a page.
COPY = """async () => {
  const names = (await caches.keys()).filter(n => n.includes('-precache-'));
  const urls = [];
  for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map(r => r.url));
  return urls;
}"""


def wait_until_offline_ready(page):
    # installed = every file in the offline copy; clientsClaim makes it control this page
    # (a first install: a later build's worker waits for the reader, test_update.py)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=200)

"""The guide in Firefox and WebKit: one browser per engine for the session, each behind the
same small driver interface, so that one smoke suite runs in both.

- Firefox (Debian's ``firefox-esr``) through puppeteer-core over WebDriver BiDi
  (``firefox.mjs``, a Node process that pytest talks to line by line): it reports every
  request a page makes, uncaught page errors and console errors.
- WebKit (WebKitGTK's ``MiniBrowser`` under ``Xvfb``) through ``WebKitWebDriver`` and
  Selenium. Classic WebDriver reports neither the console nor the requests: the pages'
  uncaught errors and ``console.error`` calls are caught by a hook put into each page once
  it has loaded, and the requests are read from the servers' own logs.

In both, every request that is not for the loopback goes to a proxy that records it and
refuses it (``Refuser``), the workers' requests included; a test fails on any. An engine
that is not installed (``make engines`` installs them as root on Debian) is skipped, with
the reason.
"""

import contextlib
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import warnings
from pathlib import Path

import pytest

from tests.browser.helpers import assert_matches_cpython_at

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
ENGINES = ("firefox", "webkit")
MINIBROWSERS = [
    f"/usr/lib/{arch}/webkit2gtk-{api}/MiniBrowser"
    for arch in ("x86_64-linux-gnu", "aarch64-linux-gnu")
    for api in ("4.1", "4.0")
]
DEADLINE = 90  # seconds for any one condition: a first boot in a busy two-core machine
START_LIMIT = 60  # seconds for a browser to start (a few, usually)


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.engines)


# -- what is installed ---------------------------------------------------------------------


def firefox_missing():
    """Why Firefox cannot run here, or None."""
    if not firefox_path():
        return "no firefox-esr or firefox on PATH (make engines installs Debian's firefox-esr)"
    if not shutil.which("node"):
        return "no node to run puppeteer-core"
    if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
        return "puppeteer-core is not installed (make setup)"
    return None


def firefox_path():
    return shutil.which("firefox-esr") or shutil.which("firefox")


def minibrowser_path():
    return next((p for p in MINIBROWSERS if os.access(p, os.X_OK)), None)


def webkit_missing():
    """Why WebKit cannot run here, or None."""
    if not shutil.which("WebKitWebDriver"):
        return "no WebKitWebDriver (make engines installs Debian's webkit2gtk-driver)"
    if not minibrowser_path():
        return "no WebKitGTK MiniBrowser (Debian's libwebkit2gtk-4.1-0)"
    if not os.environ.get("DISPLAY") and not shutil.which("Xvfb"):
        return "no display and no Xvfb (Debian's xvfb)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (make setup)"
    return None


# -- the proxy that refuses everything ------------------------------------------------------


class Refusing(http.server.BaseHTTPRequestHandler):
    """Records each request it is sent (a proxy gets absolute addresses, and for https a
    CONNECT, or from WebKit a TLS handshake) and refuses it."""

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        self.raw_requestline = self.rfile.readline(65537)
        if not self.raw_requestline:
            self.close_connection = True
            return
        if self.parse_request():
            self.server.requests.append(f"{self.command} {self.path}")
            self.send_error(403, "refused by the test proxy")
        elif self.raw_requestline.startswith(b"\x16\x03"):  # WebKit speaks TLS to an sslProxy
            self.server.requests.append("TLS handshake (an https request)")
        else:
            self.server.requests.append(f"unreadable: {self.raw_requestline[:40]!r}")
        self.close_connection = True


@pytest.fixture(scope="session")
def refuser():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    httpd.requests = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


# -- the drivers ----------------------------------------------------------------------------


class Firefox:
    """Firefox through ``firefox.mjs``: the page's requests and errors come from the
    browser itself."""

    name = "Firefox"

    def __init__(self, proxy_port):
        self.process = subprocess.Popen(
            ["node", str(HERE / "firefox.mjs"), firefox_path(), str(proxy_port)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        )
        self.calls = 0
        self.version = self.send("version")

    def send(self, op, **args):
        self.calls += 1
        self.process.stdin.write(json.dumps({"id": self.calls, "op": op, **args}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the Firefox driver stopped (exit {self.process.wait()})")
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(f"Firefox: {op}: {reply['error']}")
        return reply["value"]

    def goto(self, url):
        self.send("goto", url=url)

    def evaluate(self, source, arg=None):
        return self.send("evaluate", source=source, arg=arg)

    def wait(self, source, arg=None, timeout=DEADLINE):
        self.send("wait", source=source, arg=arg, timeout=timeout)

    def click(self, selector):
        self.send("click", selector=selector)

    def seen(self):
        """What the pages did since the last look: requests not for the loopback, uncaught
        errors, console errors."""
        seen = self.send("guard")
        return seen["foreign"], seen["pageErrors"], seen["consoleErrors"]

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


# Put into a WebKit page once it has loaded: classic WebDriver reports no console. Errors
# before it are not seen; a form that failed says so itself (data-status="error").
CATCH_ERRORS = """() => {
  if (window.__tpErrors) return;
  const errors = (window.__tpErrors = []);
  addEventListener('error', (e) => errors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const log = console.error;
  console.error = (...args) => { errors.push(args.map(String).join(' ')); log(...args); };
}"""


class WebKit:
    """WebKitGTK's MiniBrowser through WebKitWebDriver and Selenium, under Xvfb when there
    is no display."""

    name = "WebKit"

    def __init__(self, proxy_port):
        from selenium import webdriver
        from selenium.webdriver.common.proxy import Proxy

        self.xvfb, env = None, dict(os.environ)
        if not env.get("DISPLAY"):
            read, write = os.pipe()
            self.xvfb = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten",
                 "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL,
            )  # fmt: skip
            os.close(write)
            with open(read, "rb") as display:  # the whole line: closed early, Xvfb would die
                env["DISPLAY"] = ":" + display.readline().decode().strip()
        options = webdriver.WebKitGTKOptions()
        options.binary_location = minibrowser_path()
        options.add_argument("--automation")
        proxy = f"127.0.0.1:{proxy_port}"
        options.proxy = Proxy(
            {"proxyType": "manual", "httpProxy": proxy, "sslProxy": proxy,
             "noProxy": ["127.0.0.1"]}
        )  # fmt: skip
        self.own_log = not os.environ.get("TP_WEBKIT_LOG")  # else where to keep the driver's log
        log = os.environ.get("TP_WEBKIT_LOG") or tempfile.mkstemp(".log", "webkitwebdriver-")[1]
        self.log = Path(log)
        service = webdriver.WebKitGTKService(
            executable_path=shutil.which("WebKitWebDriver"), log_output=log, env=env
        )
        # Once, the browser did not start and WebKitWebDriver never answered the request for
        # a session (no time limit of Selenium's ends it): stopping the driver ends that wait.
        watchdog = threading.Timer(START_LIMIT, lambda: service.process and service.process.kill())
        watchdog.start()
        try:
            with warnings.catch_warnings():  # Selenium's own call, in its WebKitGTK driver
                warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
                self.driver = webdriver.WebKitGTK(options=options, service=service)
        except BaseException as err:
            self.stop_xvfb()
            said = self.log.read_text(errors="replace")[-3000:] if self.log.is_file() else ""
            message = f"WebKit did not start ({err!r}); its driver said:\n{said}"
            raise AssertionError(message) from err
        finally:
            watchdog.cancel()
        self.driver.set_script_timeout(DEADLINE)
        self.driver.set_window_size(1400, 1000)  # wide enough for the nav sidebar
        self.version = self.driver.capabilities.get("browserVersion")
        self.seen_errors = []

    def goto(self, url):
        self.collect_errors()
        self.driver.get(url)
        self.evaluate(CATCH_ERRORS)

    def evaluate(self, source, arg=None):
        # the test's own function, as script text: the page's policy allows no eval
        reply = self.driver.execute_async_script(
            "const [arg, done] = arguments;"
            f"Promise.resolve().then(() => ({source})(arg))"
            """.then((value) => done({value: value === undefined ? null : value}),
                     (error) => done({error: String(error && error.stack || error)}));""",
            arg,
        )
        if "error" in reply:
            raise AssertionError(f"WebKit: {reply['error']}")
        return reply["value"]

    def wait(self, source, arg=None, timeout=DEADLINE):
        end = time.monotonic() + timeout
        while not self.evaluate(source, arg):
            if time.monotonic() > end:
                raise AssertionError(f"WebKit: timed out waiting for {source} ({arg!r})")
            time.sleep(0.1)  # the next look at the condition

    def click(self, selector):
        """A pointer click at the element's centre: WebKitWebDriver refuses Element Click
        (and Element Rect) on links in the theme's scrolling sidebar as not interactable."""
        from selenium.webdriver.common.action_chains import ActionChains

        x, y = self.evaluate(
            """sel => {
              const e = document.querySelector(sel);
              e.scrollIntoView({block: 'nearest'});
              const r = e.getBoundingClientRect();
              return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
            }""",
            selector,
        )
        actions = ActionChains(self.driver)
        actions.w3c_actions.pointer_action.move_to_location(x, y).click()
        actions.perform()

    def collect_errors(self):
        from selenium.common.exceptions import WebDriverException

        with contextlib.suppress(WebDriverException):  # a page that has gone
            self.seen_errors += self.driver.execute_script("return window.__tpErrors || []")
        return self.seen_errors

    def seen(self):
        """Uncaught errors and console errors since the last look (the requests are in the
        servers' logs)."""
        found, self.seen_errors = self.collect_errors(), []
        self.driver.execute_script("window.__tpErrors && (window.__tpErrors.length = 0)")
        return [], found, []

    def close(self):
        self.driver.quit()
        self.stop_xvfb()
        if self.own_log:
            self.log.unlink(missing_ok=True)

    def stop_xvfb(self):
        if self.xvfb:
            self.xvfb.terminate()
            self.xvfb.wait()


@pytest.fixture(
    scope="session",
    params=[pytest.param(e, marks=getattr(pytest.mark, e)) for e in ENGINES],
)
def engine(request, refuser):
    """One browser of each engine for the session (pytest runs each engine's tests
    together)."""
    if request.param == "firefox":
        missing, make = firefox_missing(), Firefox
    else:
        missing, make = webkit_missing(), WebKit
    if missing:
        pytest.skip(f"{make.name}: {missing}")
    browser = make(refuser.server_address[1])
    yield browser
    browser.close()


class Page:
    """What a test does with the engine's one page, and what it must never see."""

    def __init__(self, engine, site_httpd, refuser):
        self.engine, self.httpd, self.refuser = engine, site_httpd, refuser
        self.server = site_httpd.url
        self.asked = len(site_httpd.requests)
        refuser.requests.clear()

    def open(self, path, *forms):
        """Load a page of the guide; wait until ``forms`` (by id) are live."""
        self.engine.goto(f"{self.server}/{path}")
        for calculator_id in forms:
            self.wait_until_ready(calculator_id)

    def wait_until_ready(self, calculator_id, httpd=None):
        """Wait until the form is live; ``httpd``: the server of the page, when it is not
        the session's (its requests are reported if the form never goes live)."""
        sel = FORM.format(calculator_id)
        status_now = (
            "sel => [document.querySelector(sel)?.dataset.status,"
            " document.querySelector(sel)?.querySelector('[data-role=status]')?.textContent,"
            " document.visibilityState, Boolean(navigator.serviceWorker?.controller)]"
        )
        try:
            self.engine.wait(
                "sel => ['ready', 'error'].includes(document.querySelector(sel)?.dataset.status)",
                sel,
            )
        except AssertionError as timeout:  # say how far the page got
            status, text, visibility, controlled = self.engine.evaluate(status_now, sel)
            served = (httpd or self.httpd).requests
            runtime = [(path, code) for _, path, code in served if "/runtime/" in path]
            foreign, page_errors, console_errors = self.engine.seen()
            raise AssertionError(
                f"{self.engine.name}: {calculator_id} not live: status {status!r}, "
                f"{text!r}; page {visibility}, controlled by a service worker: {controlled}; "
                f"the runtime's files asked of the page's server: {runtime}; page errors "
                f"{page_errors}, console errors {console_errors}, other origins {foreign}"
            ) from timeout
        status, text, *_ = self.engine.evaluate(status_now, sel)
        assert status == "ready", f"{self.engine.name}: {calculator_id}: {text}"

    def form(self, calculator_id):
        return Form(self.engine, calculator_id)

    def requests_since_start(self):
        return self.httpd.requests[self.asked :]

    def check(self):
        foreign, page_errors, console_errors = self.engine.seen()
        name, foreign = self.engine.name, foreign + self.refuser.requests
        assert not foreign, f"{name}: requests to other origins: {foreign}"
        assert not page_errors, f"{name}: uncaught page errors: {page_errors}"
        assert not console_errors, f"{name}: console errors: {console_errors}"
        missing = [r for r in self.requests_since_start() if r[2] >= 400]
        assert not missing, f"{name}: asked the site for what it does not have: {missing}"


@pytest.fixture
def page(engine, site_httpd, built_site, refuser):
    page = Page(engine, site_httpd, refuser)
    yield page
    page.check()


FORM = 'form[data-calculator="{}"]'


class Form:
    """A form in the engine's page, as tests/browser's comparisons read one (their
    ``form.evaluate`` and ``form.page.url``)."""

    def __init__(self, engine, calculator_id):
        self.engine, self.id = engine, calculator_id
        self.page = self

    def evaluate(self, source, arg=None):
        call = "([sel, arg]) => (" + source + ")(document.querySelector(sel), arg)"
        return self.engine.evaluate(call, [FORM.format(self.id), arg])

    @property
    def url(self):
        return self.engine.evaluate("() => location.href")

    def inputs(self):
        return self.evaluate(
            """form => Object.fromEntries(Array.from(form.elements)
                .filter(c => c.name && c.matches('input, select'))
                .map(c => [c.name, c.type === 'checkbox' ? String(c.checked) : c.value]))"""
        )

    def matches_cpython(self, currency=None):
        """Every output shows what CPython computes for the form's inputs."""
        inputs = self.inputs()
        assert_matches_cpython_at(self, self.id, inputs, currency)
        return inputs

"""The first boot keeps out of the page's way: the worker fetches the WebAssembly ahead once
the page's styles are in (reading none of it), downloads the rest of the runtime once the
page has painted, and compiles it only once the page says it has started up (its
DOMContentLoaded handlers, the theme's among them, have run), so the two no longer share
the link or the machine's cores. A page that never says it started still gets its
runtime, after a short wait; a restore from the memory snapshot does not wait at all.

The worker says what its compile waited for in its ``ready`` message; these pages record
those messages as they arrive."""

import re
from types import SimpleNamespace

import pytest
from local_serving import Link, serve_shaped

from .helpers import (
    Guard,
    guarded_context,
    open_calculator,
    open_live,
    wait_for_snapshot,
    watch,
)

# Installed before any page script: every `ready` message a Python worker sends the page.
RECORD_READY = """
window.__readyMessages = [];
for (const name of ["Worker", "SharedWorker"]) {
  const Original = window[name];
  if (typeof Original !== "function") continue;
  window[name] = class extends Original {
    constructor(...args) {
      super(...args);
      (this.port || this).addEventListener("message", (event) => {
        if (event.data?.type === "ready") window.__readyMessages.push(event.data);
      });
    }
  };
}
"""


def never_sent(message_type):
    """An init script after which the page's messages of ``message_type`` never reach its
    worker (installed before any page script)."""
    return """
for (const proto of [MessagePort.prototype, Worker.prototype]) {
  const post = proto.postMessage;
  proto.postMessage = function (message, ...rest) {
    if (message?.type !== "TYPE") return post.call(this, message, ...rest);
  };
}
""".replace("TYPE", message_type)


# Drops the page's word that it has started, as a page whose script says nothing would.
SAY_NOTHING = never_sent("started")


RUNTIME_FILE = re.compile(r"/runtime/[0-9a-f]{12}/")


def ready_message(page):
    page.wait_for_function("() => window.__readyMessages.length > 0")
    return page.evaluate("() => window.__readyMessages[0]")


def test_the_first_boot_compiles_once_the_page_has_started(page, context, server):
    context.add_init_script(RECORD_READY)
    form = open_calculator(page, server, "quality")
    assert form.get_attribute("data-boot") == "fresh"
    assert ready_message(page)["compileWaitedFor"] == "page"


def test_a_page_that_never_says_it_started_still_gets_its_runtime(page, context, server):
    context.add_init_script(RECORD_READY)
    context.add_init_script(SAY_NOTHING)
    open_calculator(page, server, "quality")
    assert ready_message(page)["compileWaitedFor"] == "timeout"


@pytest.mark.dedicated_worker  # each page restores a runtime of its own
def test_a_restore_from_the_snapshot_does_not_wait_for_the_page(page, context, server):
    context.add_init_script(RECORD_READY)
    context.add_init_script(SAY_NOTHING)  # a wait would show as "timeout"
    open_live(page, server)
    wait_for_snapshot(page)
    later = context.new_page()
    form = open_live(later, server)
    assert form.get_attribute("data-boot") == "snapshot"
    assert ready_message(later)["compileWaitedFor"] == "nothing"


@pytest.fixture(scope="module")
def shaped(browser, built_site):
    """The built site behind one shared link of 20 Mbit/s with 40 ms a request, as the
    benchmark's (over the loopback every file arrives before the worker could ask for the
    next). The server records when each request arrived and when its last chunk began to be
    written: on one clock, and no page can have read a body before that."""
    link = Link(20, 40)
    httpd, _, url = serve_shaped(built_site[0], link)
    yield SimpleNamespace(link=link, url=url)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def shaped_page(browser, shaped):
    """A page whose Python worker is a dedicated one (its downloads share the page's link
    here as anywhere), guarded as the others, on a link with no request of another visit."""
    shaped.link.reset()
    guard = Guard(shaped.url)
    context = guarded_context(browser, guard, dedicated=True)
    page = context.new_page()
    watch(page, guard)
    yield page
    context.close()
    guard.check()


def served(link):
    """The link's requests so far, by path: (arrived, last chunk began), wall-clock ms."""
    return {path: (asked, last) for path, asked, last, _ in link.requests}


# Installed before any page script: when the page first sends its worker each kind of
# message (performance.now(), the clock of the page's paint and resource timing).
RECORD_POSTS = """
window.__posted = {};
for (const proto of [MessagePort.prototype, Worker.prototype]) {
  const post = proto.postMessage;
  proto.postMessage = function (message, ...rest) {
    if (message?.type) window.__posted[message.type] ??= performance.now();
    return post.call(this, message, ...rest);
  };
}
"""
FCP = """() => performance.getEntriesByName("first-contentful-paint")[0].startTime"""
STYLES_IN = """() => Math.max(...performance.getEntriesByType("resource")
  .filter(e => e.initiatorType === "link" && new URL(e.name).pathname.endsWith(".css"))
  .map(e => e.responseEnd))"""


def test_the_runtime_never_shares_the_link_with_the_pages_styles(shaped_page, shaped):
    """The WebAssembly may be fetched ahead once the page's stylesheets are in, and the rest
    of the runtime is asked for once the page has painted: no runtime file is asked for
    before the styles have arrived (they hold the first paint back)."""
    shaped_page.context.add_init_script(RECORD_POSTS)
    open_calculator(shaped_page, shaped.url, "quality")
    posted = shaped_page.evaluate("() => window.__posted")
    assert posted["fetch-ahead"] >= shaped_page.evaluate(STYLES_IN) > 0
    assert posted["download"] >= shaped_page.evaluate(FCP)
    assert posted["fetch-ahead"] <= posted["download"]
    files = served(shaped.link)
    runtime = [asked for path, (asked, _) in files.items() if RUNTIME_FILE.search(path)]
    styles = [last for path, (_, last) in files.items() if path.endswith(".css")]
    assert runtime and styles
    assert min(runtime) >= max(styles), files


# The page's asks for the runtime never reach its worker.
NEVER_ASK = never_sent("download")


def test_until_a_page_asks_only_the_webassembly_is_fetched_ahead(shaped_page, shaped):
    """The worker fetches the WebAssembly once the page's styles are in, and nothing else of
    the runtime until a page asks for it (here no ask arrives)."""
    context = shaped_page.context
    context.add_init_script(NEVER_ASK)
    fetched = []
    context.on("request", lambda r: fetched.append(r.url) if RUNTIME_FILE.search(r.url) else 0)
    wasm = lambda request: request.url.endswith("/pyodide.asm.wasm")  # noqa: E731
    with context.expect_event("request", predicate=wasm, timeout=20_000):
        shaped_page.goto(f"{shaped.url}/performance-quality/")
    shaped_page.wait_for_load_state("load")
    shaped_page.wait_for_timeout(1000)  # long enough for the rest to have followed
    assert [url.rsplit("/", 1)[1] for url in fetched] == ["pyodide.asm.wasm"]


def test_the_wheel_is_asked_for_once_what_python_starts_from_has_arrived(shaped_page, shaped):
    """Python reads the wheel only once it has started: asked for with the other files, its
    bytes slowed those on a real link (boot.mjs: wheelAfter)."""
    open_calculator(shaped_page, shaped.url, "quality")
    files = {path.rsplit("/", 1)[1]: times for path, times in served(shaped.link).items()}
    (wheel,) = (name for name in files if name.endswith(".whl"))
    first = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    assert files[wheel][0] >= max(files[name][1] for name in first), files

"""The first boot keeps out of the page's way: the worker downloads the runtime once the page
has painted (after its styles), and compiles it only once the page says it has started up
(its DOMContentLoaded handlers, the theme's among them, have run), so the two no longer
share the link or the machine's cores. A page that never says it started still gets its
runtime, after a short wait; a restore from the memory snapshot does not wait at all.

The worker says what its compile waited for in its ``ready`` message; these pages record
those messages as they arrive."""

import re

import pytest

from .helpers import open_calculator, open_live, wait_for_snapshot

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

# Drops the page's word that it has started, as a page whose script says nothing would.
SAY_NOTHING = """
for (const proto of [MessagePort.prototype, Worker.prototype]) {
  const post = proto.postMessage;
  proto.postMessage = function (message, ...rest) {
    if (message?.type !== "started") return post.call(this, message, ...rest);
  };
}
"""


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


@pytest.mark.dedicated_worker  # sees the worker's downloads
def test_the_runtime_is_downloaded_once_the_page_has_painted(page, context, server):
    """Not before the page's styles are in (they hold its first frame back) and it has
    painted its first frame: the runtime never shares the link with them."""
    started = []
    context.on(
        "requestfinished",
        lambda r: started.append(r.timing["startTime"]) if RUNTIME_FILE.search(r.url) else None,
    )
    open_calculator(page, server, "quality")
    styles_in = page.evaluate(
        """() => Math.max(...performance.getEntriesByType("resource")
            .filter(e => e.initiatorType === "link" && e.name.endsWith(".css"))
            .map(e => performance.timeOrigin + e.responseEnd))"""
    )
    assert started and min(started) >= styles_in


@pytest.mark.dedicated_worker  # sees the worker's downloads
def test_the_wheel_is_asked_for_once_what_python_starts_from_has_arrived(page, context, server):
    """Python reads the wheel only once it has started: asked for with the other files, its
    bytes slowed those on a real link (boot.mjs: wheelAfter)."""
    finished = {}  # file name -> (asked, last byte), wall-clock ms

    def record(request):
        if RUNTIME_FILE.search(request.url):
            timing = request.timing
            ended = timing["startTime"] + timing["responseEnd"]
            finished[request.url.rsplit("/", 1)[1]] = (timing["startTime"], ended)

    context.on("requestfinished", record)
    # a link of 200 Mbit/s (the loopback's would deliver every file before the worker could
    # ask for the wheel, whenever it asked): the page's and its worker's requests
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    link = {"offline": False, "latency": 0, "downloadThroughput": 25e6, "uploadThroughput": -1}
    cdp.send("Network.emulateNetworkConditions", link)
    open_calculator(page, server, "quality")
    (wheel,) = (name for name in finished if name.endswith(".whl"))
    first = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    assert finished[wheel][0] >= max(finished[name][1] for name in first), finished

"""Benchmark: the guide's speed and bytes, each figure beside a baseline from the same run.

Machines here are shared and noisy, so nothing is asserted: the script prints medians of a
few runs, and every figure has a baseline measured now, on the same machine, against the
built site in site/ (``make benchmark`` builds it first).

| figure                                   | baseline (same run)                          |
|------------------------------------------|----------------------------------------------|
| page until live, first visit             | a naive page: runtime and wheel on the       |
|                                          | main thread, first result                    |
| page until live, new tab after a visit   | the naive page in a new tab (warm cache)     |
| page until live, reload                  | the naive page reloaded                      |
| the same two, no runtime running (each   | the same naive figures                       |
| page restores the memory snapshot)       |                                              |
| long tasks from load to live             | the same page with the guide's scripts       |
|                                          | blocked (Material alone)                     |
| long frames in which the guide's own     | (long animation frames, with the scripts     |
| scripts ran, load to live                | that ran in them)                            |
| edit -> updated output, p50 / p95        | (target: p95 <= 20 ms; the simulation apart) |
| the same, each page load a runtime       |                                              |
| bytes before the page asks for the        | (target: <= 200 KB)                          |
| runtime, gzip                            |                                              |
| first visit until the offline copy is    | the unique bytes of the files used           |
| complete: bytes sent, bytes sent twice   |                                              |
| calculate() per call in Pyodide          | the same calls on CPython                    |

Over a network (first visits, served as GitHub Pages serves the site: gzip for text and
WebAssembly, zip files as they are; every request of the page, its workers and its service
worker through one shaped link, at 20 Mbit/s with 40 ms a request and at 5 Mbit/s with
100 ms; medians of ``--net-runs``):

| figure                                   | baseline (same run)                          |
|------------------------------------------|----------------------------------------------|
| page until live                          | a stock naive page: the stock files of the   |
| bytes sent until live                    | pinned pyodide npm package and the model's   |
|                                          | wheel, on the main thread                    |
| first contentful paint                   | the same page with the runtime's downloads   |
|                                          | blocked (and the stock naive page's)         |

Usage: .venv/bin/python scripts/benchmark.py [--runs N] [--net-runs N] [--quick]
"""

from __future__ import annotations

import argparse
import collections
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from local_serving import (
    CHROMIUM_ARGS,
    NO_SHARED_WORKER,
    SNAPSHOTS,
    Link,
    QuietHandler,
    chromium_path,
    serve_shaped,
)

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
STOCK_PYODIDE = ROOT / "node_modules" / "pyodide"  # the pinned npm package, as it ships
PAGE = "performance-quality/"  # the guide page timed, and its calculator
CALCULATOR = "quality"
RUNTIME_FILE = re.compile(r"^/runtime/[0-9a-f]+/")
WARM_UP = 3  # edits per calculator before the timed ones (a fresh page's first calls are
# slower while the browser compiles the runtime's hot code)
# Chromium shares one runtime between the guide's tabs (a shared worker, kept a while after
# the last tab goes), so a new tab or a reload joins it; a browser without shared workers,
# or a visit after the runtime has gone, restores the memory snapshot instead. Contexts
# with the NO_SHARED_WORKER init script take that path: a dedicated worker per page.

# Installed before any page script: records long tasks and the moment the first form is
# live. Init scripts run outside the page's Content-Security-Policy.
OBSERVE = """
window.__longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e =>
  window.__longTasks.push([e.startTime, e.duration]))).observe({type: "longtask", buffered: true});
// Long animation frames over 50 ms, with the scripts that ran in them (those over 5 ms):
// which long frames ran the guide's own code.
window.__longFrames = [];
try {
  new PerformanceObserver(list => list.getEntries().forEach(e => window.__longFrames.push(
    [e.startTime, e.duration, e.scripts.map(s => [s.sourceURL, s.duration])]
  ))).observe({type: "long-animation-frame", buffered: true});
} catch {}
new MutationObserver(() => {
  if (!window.__ready && document.querySelector('form[data-calculator][data-status="ready"]'))
    window.__ready = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-status"]});
"""

# The naive page over the loopback: the guide's own runtime folder and wheel, on the main
# thread. Pyodide's loadPackage needs modules the guide's trimmed standard library leaves
# out (tarfile, importlib.metadata), so the page unpacks the wheel into site-packages
# itself, as loadPackage does.
NAIVE_PAGE = """<!doctype html><meta charset="utf-8"><title>naive</title>
<script type="module">
const { RUNTIME } = await import("./runtime/current.mjs");
const { loadPyodide } = await import(RUNTIME + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: RUNTIME });
const lock = await (await fetch(RUNTIME + "pyodide-lock.json")).json();
const wheel = await fetch(RUNTIME + lock.packages["tune-or-prompt"].file_name);
pyodide.FS.writeFile("/tmp/model.whl", new Uint8Array(await wheel.arrayBuffer()));
pyodide.runPython(`import site, zipfile
zipfile.ZipFile("/tmp/model.whl").extractall(site.getsitepackages()[0])`);
const bridge = pyodide.pyimport("calculator.bridge");
JSON.parse(bridge.call("CALCULATOR", "{}"));
window.__ready = performance.now();
</script>""".replace("CALCULATOR", CALCULATOR)

# The stock naive page over the network: the stock files of the pinned pyodide package (not
# the guide's trimmed runtime) and the model's wheel, on the main thread.
STOCK_PAGE = """<!doctype html><meta charset="utf-8"><title>stock naive</title>
<h1>A stock naive page</h1><p>Pyodide as it ships, and the cost model's wheel.</p>
<script type="module">
const { loadPyodide } = await import("./pyodide/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", location.href).href });
await pyodide.loadPackage(new URL("./WHEEL", location.href).href);
const bridge = pyodide.pyimport("calculator.bridge");
JSON.parse(bridge.call("CALCULATOR", "{}"));
window.__ready = performance.now();
</script>""".replace("CALCULATOR", CALCULATOR)

EDIT = """async ([calculator, field, values]) => {
  const form = document.querySelector(`form[data-calculator="${calculator}"]`);
  const control = form.querySelector(`[name="${field}"]`);
  const times = [];
  for (const value of values) {
    const done = new Promise(r => form.addEventListener("tp:computed", r, {once: true}));
    const start = performance.now();
    control.value = value;
    control.dispatchEvent(new Event("input", {bubbles: true}));
    await done;
    times.push(performance.now() - start);
  }
  return times;
}"""

CALLS_JS = """const { loadBridge } = await import(process.argv[4]);
const { pyodide } = await loadBridge(process.argv[2]);
const n = Number(process.argv[3]);
console.log(pyodide.runPython(`
import json, time
from calculator import CALCULATORS, calculate
t = time.perf_counter()
for _ in range(${n}):
    for cid in CALCULATORS:
        calculate(cid, {})
json.dumps((time.perf_counter() - t) / (${n} * len(CALCULATORS)))`));
"""


# --------------------------------------------------------------------------- serving


class Recorder:
    """What the server sent: body bytes per path (304 answers send none), and each request."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.sent = collections.defaultdict(list)  # path -> [bytes of each 200 answer]
        self.log = []  # (time, path) of every request

    def snapshot(self):
        with self.lock:
            return {p: list(sizes) for p, sizes in self.sent.items()}, list(self.log)


RECORD = Recorder()


class Counting(QuietHandler):
    def do_GET(self):
        with RECORD.lock:
            RECORD.log.append((time.monotonic(), self.path.split("?")[0]))
        super().do_GET()

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        with RECORD.lock:
            RECORD.sent[self.path.split("?")[0]].append(len(data))


def serve(directory):

    handler = functools.partial(Counting, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


# --------------------------------------------------------------------------- a network

#: The two links: (name, Mbit/s, ms of delay per request).
LINKS = (("20 Mbit/s", 20, 40), ("5 Mbit/s", 5, 100))


FCP = """() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null"""


def first_visit_over(browser, url, link, *, live=True):
    """A first visit to ``url`` over ``link`` in a fresh browser: seconds until the first
    calculator is live (with ``live``), bytes sent until then, and seconds until the first
    contentful paint."""
    link.reset()
    context = browser.new_context(service_workers="allow")
    context.add_init_script(OBSERVE)
    page = context.new_page()
    page.set_default_timeout(180_000)
    page.goto(url, wait_until="commit")
    figures = {}
    if live:
        page.wait_for_function("() => Boolean(window.__ready)", polling=50)
        ready, origin = page.evaluate("() => [window.__ready, performance.timeOrigin]")
        figures["live"] = ready / 1000
        figures["bytes"] = link.bytes_until(origin + ready)
    page.wait_for_function(f"() => ({FCP})() !== null", polling=50)
    figures["fcp"] = page.evaluate(FCP) / 1000
    context.close()
    return figures


def network(browser, runs, links):
    """First visits over each link: the guide's page, the same with the runtime blocked,
    and the stock naive page, one after the other in each run."""
    (wheel,) = (SITE / "runtime").glob("*/*.whl")
    out = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        stock = Path(tmp)
        shutil.copytree(STOCK_PYODIDE, stock / "pyodide", ignore=shutil.ignore_patterns("*.d.ts"))
        shutil.copy2(wheel, stock / wheel.name)
        (stock / "stock.html").write_text(STOCK_PAGE.replace("WHEEL", wheel.name))
        for name, mbit, delay in links:
            link = Link(mbit, delay)
            site_server, site_handler, site = serve_shaped(SITE, link)
            stock_server, _, stock_url = serve_shaped(stock, link)
            try:
                for _ in range(runs):
                    site_handler.blocked = None
                    guide = first_visit_over(browser, f"{site}/{PAGE}", link)
                    site_handler.blocked = RUNTIME_FILE
                    blocked = first_visit_over(browser, f"{site}/{PAGE}", link, live=False)
                    site_handler.blocked = None
                    naive = first_visit_over(browser, f"{stock_url}/stock.html", link)
                    for key, value in guide.items():
                        out[(name, "guide", key)].append(value)
                    out[(name, "blocked", "fcp")].append(blocked["fcp"])
                    for key, value in naive.items():
                        out[(name, "stock", key)].append(value)
            finally:
                for server in (site_server, stock_server):
                    server.shutdown()
                    server.server_close()
    return out


def file_of(path):
    target = SITE / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


# --------------------------------------------------------------------------- browser


def until_live(page, url):
    page.goto(url)
    page.wait_for_function("() => Boolean(window.__ready)", timeout=120_000)
    return page.evaluate("() => window.__ready") / 1000


def long_tasks(page, until_ms):
    tasks = [d for start, d in page.evaluate("() => window.__longTasks") if start < until_ms]
    return len(tasks), max(tasks, default=0.0)


OWN_SCRIPT = re.compile(r"^https?://[^/]+/javascripts/")  # docs/javascripts/ as served


def own_long_frames(frames, until_ms):
    """How many long animation frames (over 50 ms; ``[start, duration, [[script URL,
    duration], ...]]``) before ``until_ms`` ran one of the guide's own scripts (the browser
    lists those that ran 5 ms or more). The theme's scripts live under /assets/."""
    return sum(
        1
        for start, duration, scripts in frames
        if start < until_ms and duration > 50 and any(OWN_SCRIPT.match(u) for u, _ in scripts)
    )


def until_snapshot_kept(page, timeout_s=60):
    """Wait until the worker has kept its memory snapshot, the one-off work after a fresh
    boot (Cache Storage is read with a promise, so not a wait_for_function predicate)."""
    deadline = time.monotonic() + timeout_s
    while not any(u.endswith("/memory-snapshot.bin") for u in page.evaluate(SNAPSHOTS)):
        if time.monotonic() > deadline:
            sys.exit("error: the worker kept no memory snapshot")
        page.wait_for_timeout(50)


TAB_AFTER_MS = 1500


def timings(browser, site, naive, runs):
    out = collections.defaultdict(list)
    for _ in range(runs):
        for kind, url in (("guide", f"{site}/{PAGE}"), ("naive", f"{naive}/naive.html")):
            context = browser.new_context(service_workers="block")
            context.add_init_script(OBSERVE)
            page = context.new_page()
            out[f"{kind}_first"].append(until_live(page, url))
            if kind == "guide":
                live = page.evaluate("() => window.__ready")
                out["guide_tasks"].append(long_tasks(page, live))
                frames = page.evaluate("() => window.__longFrames")
                out["own_frames"].append(own_long_frames(frames, live))
                # The new tab comes 1.5 s after the page went live, as in earlier rounds (the
                # worker warms up the calculators meanwhile, which no page can see), and
                # never before the worker has kept its snapshot.
                until_snapshot_kept(page)
                since_live = page.evaluate("performance.now()") - live
                page.wait_for_timeout(max(0, TAB_AFTER_MS - since_live))
            tab = context.new_page()
            out[f"{kind}_tab"].append(until_live(tab, url))
            out[f"{kind}_reload"].append(until_live(tab, url))
            if kind == "guide":  # the same two, in a tab that sees no runtime to join
                tab = context.new_page()
                tab.add_init_script(NO_SHARED_WORKER)
                out["restore_tab"].append(until_live(tab, url))
                out["restore_reload"].append(until_live(tab, url))
            context.close()
        # Material alone: the same page with the guide's scripts blocked
        context = browser.new_context(service_workers="block")
        context.add_init_script(OBSERVE)
        context.route("**/javascripts/*.mjs", lambda route: route.abort())
        page = context.new_page()
        page.goto(f"{site}/{PAGE}", wait_until="load")
        page.wait_for_timeout(1000)
        out["material_tasks"].append(long_tasks(page, 1e12))
        context.close()
    return out


def edit_latency(browser, site, edits, shared=True, calculators=None):
    """Milliseconds from an input event to the form's updated output, per calculator (the
    first ``calculators`` of them, if given); with ``shared`` false, each page load starts
    (restores) a runtime of its own."""
    sys.path.insert(0, str(ROOT))
    from calculator import CALCULATORS

    context = browser.new_context(service_workers="block")
    if not shared:
        context.add_init_script(NO_SHARED_WORKER)
    page = context.new_page()
    page.goto(f"{site}/")
    page.wait_for_selector('form[data-calculator="overview"][data-status="ready"]')
    until_snapshot_kept(page)
    latency = {}
    for calc in list(CALCULATORS.values())[:calculators]:
        if page.url != f"{site}/{calc.path}":
            page.goto(f"{site}/{calc.path}")
        page.wait_for_selector(f'form[data-calculator="{calc.id}"][data-status="ready"]')
        field = next(f for f in calc.fields if f.kind in ("number", "integer") and not f.optional)
        base = field.default or 1
        values = [str(base + (n % 3 + 1) * (1 if field.kind == "integer" else 0.01))
                  for n in range(edits)]  # fmt: skip
        if field.maximum is not None:
            values = [str(min(float(v), field.maximum)) for v in values]
        page.evaluate(EDIT, [calc.id, field.name, values[:WARM_UP]])  # the runtime warms up
        latency[calc.id] = page.evaluate(EDIT, [calc.id, field.name, values])
    context.close()
    return latency


def first_visit_bytes(browser, site):
    """Bytes the server sends on a first visit, until the offline copy is complete."""
    with RECORD.lock:
        RECORD.reset()
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(f"{site}/")
    page.wait_for_selector('form[data-calculator="overview"][data-status="ready"]')
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=120_000, polling=200
    )
    page.wait_for_timeout(500)
    sent, log = RECORD.snapshot()
    context.close()
    total = sum(sum(sizes) for sizes in sent.values())
    unique = sum(sizes[0] for sizes in sent.values())
    # the page asks for the runtime: the first request for one of its files
    # (runtime/<hash>/...) but the WebAssembly, which the worker may fetch ahead
    runtime_start = next(
        t for t, path in log if RUNTIME_FILE.match(path) and not path.endswith(".wasm")
    )
    before = {path for t, path in log if t < runtime_start and not RUNTIME_FILE.match(path)}
    before_gzip = sum(
        len(gzip.compress(file_of(path).read_bytes(), 6))
        for path in before
        if file_of(path).is_file()
    )
    twice = {path: sum(sizes[1:]) for path, sizes in sent.items() if len(sizes) > 1}
    return {"total": total, "unique": unique, "twice": twice, "before_gzip": before_gzip}


# --------------------------------------------------------------------------- Pyodide, sizes


def call_figures(runtime, calls):
    sys.path.insert(0, str(ROOT))
    from calculator import CALCULATORS, calculate

    start = time.perf_counter()
    for _ in range(calls):
        for cid in CALCULATORS:
            calculate(cid, {})
    cpython = (time.perf_counter() - start) / (calls * len(CALCULATORS))
    with tempfile.NamedTemporaryFile("w", suffix=".mjs", delete=False) as script:
        script.write(CALLS_JS)
    loader = (ROOT / "scripts" / "node-bridge.mjs").as_uri()
    done = subprocess.run(["node", script.name, str(runtime), str(calls), loader],
                          capture_output=True, text=True, check=True)  # fmt: skip
    Path(script.name).unlink()
    return {"cpython": cpython, "pyodide": json.loads(done.stdout.strip().splitlines()[-1])}


# --------------------------------------------------------------------------- report


def edit_figures(latency):
    """The edit times of every calculator but the simulation, and the one whose p95 is
    slowest."""
    quick = [x for cid, ms in latency.items() if cid != "uncertainty" for x in ms]
    worst = max((c for c in latency if c != "uncertainty"), key=lambda c: pct(latency[c], 0.95))
    return quick, worst


def by_calculator(latency):
    return ", ".join(f"{cid} {pct(ms, 0.95):.1f} ms" for cid, ms in latency.items())


def runs(values, form):
    return ", ".join(form.format(v) for v in values)


def median(values):
    return statistics.median(values)


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="browser runs per figure (median)")
    parser.add_argument("--edits", type=int, default=20, help="edits per calculator")
    parser.add_argument("--calls", type=int, default=200, help="calculate() rounds per runtime")
    parser.add_argument("--net-runs", type=int, default=3, help="first visits per link (median)")
    parser.add_argument("--quick", action="store_true",
                        help="one run (the faster link only), few edits and calls; "
                             "a runtime per page load in one calculator only")  # fmt: skip
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.net_runs, args.edits, args.calls = 1, 1, 3, 5
    links = LINKS[:1] if args.quick else LINKS
    (runtime,) = (
        (p for p in (SITE / "runtime").iterdir() if p.is_dir())
        if (SITE / "runtime").is_dir()
        else sys.exit("error: build the site first (make build)")
    )

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        naive_dir = Path(tmp)
        (naive_dir / "runtime").symlink_to(SITE / "runtime")
        (naive_dir / "naive.html").write_text(NAIVE_PAGE)
        site_server, site_url = serve(SITE)
        naive_server, naive_url = serve(naive_dir)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                t = timings(browser, site_url, naive_url, args.runs)
                edits = edit_latency(browser, site_url, args.edits)
                own = edit_latency(browser, site_url, args.edits, shared=False,
                                   calculators=1 if args.quick else None)  # fmt: skip
                b = first_visit_bytes(browser, site_url)
                net = network(browser, args.net_runs, links)
                browser.close()
        finally:
            site_server.shutdown()
            naive_server.shutdown()
    c = call_figures(runtime, args.calls)

    def timed(label, key, load, target=""):
        """A row: the guide's time until live (``key``) beside the naive page's for the same
        ``load``: "first", "tab" or "reload"."""
        guide, naive = median(t[key]), median(t[f"naive_{load}"])
        shown = {"first": "first visit", "tab": "new tab", "reload": "reload"}[load]
        return (label, f"{guide:.2f} s", f"naive page, {shown}", f"{naive:.2f} s",
                f"{guide / naive:.2f}x", target)  # fmt: skip

    def counted(counts, longest):
        """Long tasks: the median count, with the mean count and the median longest."""
        return f"{median(counts):g} ({statistics.mean(counts):.1f}; {median(longest):.0f} ms)"

    tasks = [n for n, _ in t["guide_tasks"]]
    longest = [m for _, m in t["guide_tasks"]]
    base_tasks = [n for n, _ in t["material_tasks"]]
    base_longest = [m for _, m in t["material_tasks"]]
    quick, worst = edit_figures(edits)
    own_quick, own_worst = edit_figures(own)
    slow = edits.get("uncertainty", [0.0])
    twice = sum(b["twice"].values())
    rows = [
        timed("page until live, first visit", "guide_first", "first", "<= 1.05x"),
        timed("page until live, new tab after a visit", "guide_tab", "tab", "<= 0.3x"),
        timed("page until live, reload", "guide_reload", "reload", "<= 0.3x"),
        timed("  new tab, restored from the snapshot", "restore_tab", "tab"),
        timed("  reload, restored from the snapshot", "restore_reload", "reload"),
        ("long tasks, load to live (mean; longest)", counted(tasks, longest),
         "Material alone (mean; longest)", counted(base_tasks, base_longest), "", "no more"),
        ("  long frames running the guide's scripts", f"{max(t['own_frames'])} in the worst run",
         "", "", "", ""),
        ("edit -> output, p50 / p95", f"{pct(quick, 0.5):.1f} / {pct(quick, 0.95):.1f} ms",
         f"slowest p95: {worst}", f"{pct(edits[worst], 0.95):.1f} ms", "", "p95 <= 20 ms"),
        ("  the same, a runtime per page load",
         f"{pct(own_quick, 0.5):.1f} / {pct(own_quick, 0.95):.1f} ms",
         f"slowest p95: {own_worst}", f"{pct(own[own_worst], 0.95):.1f} ms", "", ""),
        ("edit -> output, simulation p50", f"{pct(slow, 0.5):.0f} ms", "", "", "", ""),
        ("bytes before the page asks for the runtime", f"{b['before_gzip'] / 1e3:.0f} KB gzip",
         "", "", "", "<= 200 KB"),
        ("first visit: bytes sent", f"{b['total'] / 1e6:.2f} MB",
         "unique bytes of the files used", f"{b['unique'] / 1e6:.2f} MB",
         f"{b['total'] / b['unique']:.2f}x", "<= 1.10x"),
        ("first visit: bytes sent twice", f"{twice / 1e3:.0f} KB",
         "", "", "", "<= 300 KB"),
        ("calculate() per call, Pyodide", f"{c['pyodide'] * 1e3:.3f} ms",
         "same calls on CPython", f"{c['cpython'] * 1e3:.3f} ms",
         f"{c['pyodide'] / c['cpython']:.1f}x", ""),
    ]  # fmt: skip
    for name, _, delay in links:
        g = {k: median(net[(name, "guide", k)]) for k in ("live", "bytes", "fcp")}
        n = {k: median(net[(name, "stock", k)]) for k in ("live", "bytes", "fcp")}
        blocked = median(net[(name, "blocked", "fcp")])
        where = f"{name}, {delay} ms"
        live_target = "<= 0.6x" if name.startswith("20") else "<= 0.75x"
        rows += [
            (f"live, first visit, {where}", f"{g['live']:.2f} s", "stock naive page",
             f"{n['live']:.2f} s", f"{g['live'] / n['live']:.2f}x", live_target),
            (f"  bytes sent until live, {name}", f"{g['bytes'] / 1e6:.2f} MB", "stock naive page",
             f"{n['bytes'] / 1e6:.2f} MB", f"{g['bytes'] / n['bytes']:.2f}x", "<= 5.5 MB"),
            (f"  first contentful paint, {name}", f"{g['fcp']:.2f} s", "runtime blocked",
             f"{blocked:.2f} s", f"{g['fcp'] / blocked:.2f}x",
             "<= 1.10x" if name.startswith("20") else ""),
        ]  # fmt: skip
    heads = ("figure", "value", "baseline (same run)", "value", "ratio", "target")
    widths = [max(len(str(r[i])) for r in (*rows, heads)) for i in range(6)]
    print(f"Benchmark: {args.runs} browser run(s), medians; {args.edits} edits per calculator; "
          f"{args.calls} rounds of {len(edits)} calls; {args.net_runs} first visit(s) over "
          f"each link ({', '.join(name for name, _, _ in links)})\n")  # fmt: skip
    print("| " + " | ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) + " |")
    first, naive_first = runs(t["guide_first"], "{:.2f}"), runs(t["naive_first"], "{:.2f}")
    print(f"\nPer run (the medians above are of these): first visit {first} s, "
          f"naive page {naive_first} s; long tasks {runs(tasks, '{:g}')}, "
          f"Material alone {runs(base_tasks, '{:g}')}; long frames running the guide's scripts "
          f"{runs(t['own_frames'], '{:g}')}")  # fmt: skip
    for name, _, _ in links:
        print(f"Over {name} (per run): live {runs(net[(name, 'guide', 'live')], '{:.2f}')} s, "
              f"stock naive page {runs(net[(name, 'stock', 'live')], '{:.2f}')} s; "
              f"bytes until live {runs([b / 1e6 for b in net[(name, 'guide', 'bytes')]], '{:.2f}')}"
              f" MB, stock {runs([b / 1e6 for b in net[(name, 'stock', 'bytes')]], '{:.2f}')} MB; "
              f"first contentful paint {runs(net[(name, 'guide', 'fcp')], '{:.2f}')} s, "
              f"runtime blocked {runs(net[(name, 'blocked', 'fcp')], '{:.2f}')} s, "
              f"stock naive page {runs(net[(name, 'stock', 'fcp')], '{:.2f}')} s")  # fmt: skip
    print("Edit -> output p95 by calculator: " + by_calculator(edits))
    print("The same, a runtime per page load: " + by_calculator(own))
    if b["twice"]:
        print("\nSent twice: " + ", ".join(f"{p} ({n / 1e3:.0f} KB)"
                                           for p, n in sorted(b["twice"].items())))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

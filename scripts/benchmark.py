"""Benchmark: speed and size of the live calculators, each beside a baseline from the same run.

Machines here are shared and noisy, so nothing is asserted: the script prints medians of a
few runs, and every figure has a baseline measured now, on the same machine.

| figure                          | baseline (same run)                                  |
|---------------------------------|------------------------------------------------------|
| guide page until ready, cold    | bare Pyodide in a module worker on a blank page      |
| guide page until ready, warm    | the same bare page, warm (HTTP cache)                |
| longest main-thread task        | bare Pyodide loaded on the main thread               |
| calculate() per call in Pyodide | the same calls on CPython                            |
| runtime transfer, raw and gzip  | the stock npm pyodide files alone                    |

Usage: make build && .venv/bin/python scripts/benchmark.py [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from local_serving import CHROMIUM_ARGS, chromium_path, serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare</title><script type="module">
const mode = new URLSearchParams(location.search).get("mode");
window.__longest = 0;
new PerformanceObserver(l => l.getEntries().forEach(e =>
  window.__longest = Math.max(window.__longest, e.duration)))
  .observe({type: "longtask", buffered: true});
if (mode === "main") {
  const { loadPyodide } = await import("./runtime/pyodide.mjs");
  const py = await loadPyodide({ indexURL: new URL("./runtime/", location.href).href });
  py.runPython("1");
  window.__ready = performance.now();
} else {
  const w = new Worker("./bare-worker.mjs", { type: "module" });
  w.onmessage = () => { window.__ready = performance.now(); };
}
</script>"""
BARE_WORKER = """import { loadPyodide } from "./runtime/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("./runtime/", import.meta.url).href });
py.runPython("1");
postMessage("ready");
"""
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


def browser_figures(site_url, bare_url, runs):
    from playwright.sync_api import sync_playwright

    results = {k: [] for k in ("guide_cold", "guide_warm", "bare_cold", "bare_warm",
                               "guide_longest", "main_longest")}  # fmt: skip
    page_js = """() => { window.__longest = 0; new PerformanceObserver(l => l.getEntries()
        .forEach(e => window.__longest = Math.max(window.__longest, e.duration)))
        .observe({type: "longtask", buffered: true});
        new MutationObserver(() => { if (!window.__ready &&
          document.querySelector('form[data-calculator][data-status="ready"]'))
          window.__ready = performance.now(); })
        .observe(document, {subtree: true, attributes: true,
                            attributeFilter: ["data-status"]}); }"""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            for kind, url in (("guide", f"{site_url}/performance-quality/"),
                              ("bare", f"{bare_url}/bare.html")):  # fmt: skip
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                if kind == "guide":
                    page.add_init_script(f"({page_js})()")
                for warmth in ("cold", "warm"):
                    page.goto(url)
                    page.wait_for_function("window.__ready", timeout=120_000)
                    took = page.evaluate("window.__ready")
                    results[f"{kind}_{warmth}"].append(took / 1000)
                    if kind == "guide" and warmth == "cold":
                        results["guide_longest"].append(page.evaluate("window.__longest"))
                context.close()
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(f"{bare_url}/bare.html?mode=main")
            page.wait_for_function("window.__ready", timeout=120_000)
            page.wait_for_timeout(200)
            results["main_longest"].append(page.evaluate("window.__longest"))
            context.close()
        browser.close()
    return {k: statistics.median(v) for k, v in results.items()}


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
    return {
        "cpython_call": cpython,
        "pyodide_call": json.loads(done.stdout.strip().splitlines()[-1]),
    }


def size_figures(runtime):
    stock = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

    def sizes(paths):
        raw = sum(p.stat().st_size for p in paths)
        packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)
        return raw / 1e6, packed / 1e6

    ours = sorted(runtime.iterdir())
    return {"stock": sizes([runtime / n for n in stock]), "runtime": sizes(ours),
            "site": sizes([p for p in SITE.rglob("*") if p.is_file()])}  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="browser runs per figure (median)")
    parser.add_argument("--calls", type=int, default=200, help="calculate() rounds per runtime")
    args = parser.parse_args(argv)
    runtime = SITE / "runtime"
    if not (runtime / "pyodide.asm.wasm").exists():
        sys.exit("error: build the site first (make build)")

    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp)
        (bare / "runtime").symlink_to(runtime)
        (bare / "bare.html").write_text(BARE_PAGE)
        (bare / "bare-worker.mjs").write_text(BARE_WORKER)
        site_server, site_url = serve(SITE)
        bare_server, bare_url = serve(bare)
        try:
            b = browser_figures(site_url, bare_url, args.runs)
        finally:
            site_server.shutdown()
            bare_server.shutdown()
    c = call_figures(runtime, args.calls)
    s = size_figures(runtime)

    rows = [
        ("guide page until ready, cold", f"{b['guide_cold']:.2f} s",
         "bare Pyodide in a worker, cold", f"{b['bare_cold']:.2f} s"),
        ("guide page until ready, warm", f"{b['guide_warm']:.2f} s",
         "bare Pyodide in a worker, warm", f"{b['bare_warm']:.2f} s"),
        ("longest main-thread task, guide", f"{b['guide_longest']:.0f} ms",
         "bare Pyodide on the main thread", f"{b['main_longest']:.0f} ms"),
        ("calculate() per call, Pyodide", f"{c['pyodide_call'] * 1e3:.3f} ms",
         "same calls on CPython", f"{c['cpython_call'] * 1e3:.3f} ms"),
        ("runtime in the site, raw / gzip", f"{s['runtime'][0]:.1f} / {s['runtime'][1]:.1f} MB",
         "stock npm pyodide files", f"{s['stock'][0]:.1f} / {s['stock'][1]:.1f} MB"),
        ("whole site, raw / gzip", f"{s['site'][0]:.1f} / {s['site'][1]:.1f} MB", "", ""),
    ]  # fmt: skip
    print(f"Benchmark ({args.runs} browser runs, medians; {args.calls} rounds of 10 calls)\n")
    print(f"| {'figure':<33} | {'value':>14} | {'baseline (same run)':<32} | {'value':>14} |")
    print(f"|{'-' * 35}|{'-' * 16}|{'-' * 34}|{'-' * 16}|")
    for name, value, base, base_value in rows:
        print(f"| {name:<33} | {value:>14} | {base:<32} | {base_value:>14} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

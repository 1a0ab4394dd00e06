// Starts the Python worker from the top of <head>, before the rest of the page is fetched
// or parsed, on pages that hold a calculator (overrides/main.html inlines this script
// there; the page's Content-Security-Policy allows it by its hash). The guide's module
// (calculators.mjs, through runtime.mjs) adopts the worker with any messages it has already
// sent; without this script, the module starts a dedicated worker itself.
//
// A shared worker where the browser has them: every tab of this build of the guide uses
// one runtime (the name holds the build's digest, so tabs of another build never share
// it), kept a while after the last tab has gone (`extendedLifetime`, where supported), so
// a reload joins it live. Otherwise (or unnamed, as in `make dev`, or in a tab that gave
// this build's shared worker up as silent) a dedicated worker.
//
// The worker downloads the runtime only once a page asks: this script lets it fetch the
// WebAssembly (the largest file) once the page's stylesheets are in, reading none of it,
// and asks for the runtime once the page has painted its first content, so that the
// runtime's megabytes never compete with the page's HTML and styles, and the worker's work
// on them not with the page's start-up; where the reader asked the browser to save data,
// it does neither (runtime.mjs asks, once the reader turns to a calculator), and the
// worker only joins a runtime already live.
(() => {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    const { worker: path, workerName: name } = document.currentScript.dataset;
    const url = new URL(path, document.baseURI);
    // A tab that gave up this build's shared worker as silent (worker-line.mjs, under the
    // same key) would only join it again: its pages start dedicated ones.
    let gaveUp = false;
    try {
      gaveUp = sessionStorage.getItem("tune-or-prompt:silent-worker") === name;
    } catch {
      // no session storage here: the shared worker, as usual
    }
    const shared = typeof SharedWorker === "function" && Boolean(name) && !gaveUp;
    const worker = shared
      ? new SharedWorker(url, { type: "module", name, extendedLifetime: true })
      : new Worker(url, { type: "module" });
    const port = shared ? worker.port : worker;
    const early = [];
    port.onmessage = (event) => early.push(event);
    worker.onerror = (event) => early.push(event);
    window.__tuneOrPromptWorker = { worker, port, early, name };
    if (navigator.connection?.saveData === true) return;
    // The WebAssembly may come ahead once every stylesheet of the head has loaded (or
    // failed): the link is then mostly idle until the first paint is reported, and the
    // calculators went live 0.08 to 0.16 s sooner on a 20 Mbit/s link, with the same first
    // paint and long tasks (scripts/benchmark.py). Checked as each one settles, and only
    // once the page has been parsed past the last stylesheet found (the theme's inline
    // script follows them, and waits for them all), so that none is left to find.
    const settled = new Set();
    const styled = (event) => {
      if (event.target?.rel !== "stylesheet") return;
      settled.add(event.target);
      const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')];
      if (!sheets.at(-1)?.nextElementSibling) return; // more of the head may follow
      if (!sheets.every((link) => settled.has(link))) return;
      for (const type of ["load", "error"]) document.removeEventListener(type, styled, true);
      port.postMessage({ type: "fetch-ahead" });
    };
    for (const type of ["load", "error"]) document.addEventListener(type, styled, true);
    const ask = () => port.postMessage({ type: "download" });
    // Asked once the browser reports the first contentful paint. Asking earlier brought the
    // calculators live about 50 ms sooner on a 20 Mbit/s link, but on a fast one the
    // worker's downloads then ran beside the theme's start-up: on a 2-core machine, 1.5 to
    // 1.75 long tasks per load against 0.75 to 1 (asked at the first frame, by
    // requestAnimationFrame, which also made the browser render the page earlier, or once
    // the head's stylesheets had loaded). Where paints are not reported, runtime.mjs asks
    // at the load event.
    if (document.visibilityState === "hidden") ask();
    else {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName("first-contentful-paint").length) return;
        observer.disconnect();
        ask();
      }).observe({ type: "paint", buffered: true });
    }
  } catch {
    // the module will try again and report why
  }
})();
